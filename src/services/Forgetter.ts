/**
 * Forgetting: confidence decay computed from timestamps, and the prune policies of the original
 * ALMA. Every deletion is written to the forget audit (what, why, when) in the same transaction.
 *
 * @since 0.1.0
 */
import { Context, DateTime, Effect, Layer } from "effect"
import type { StorageError, ValidationError } from "../domain/AlmaError.js"
import { Defaults } from "../domain/Defaults.js"
import type { MemoryKind } from "../domain/Ids.js"
import { ForgetInput } from "../domain/Inputs.js"
import type { Memory } from "../domain/Memory.js"
import { ownerOf } from "../domain/Memory.js"
import { ageDays, confidenceTerm, recencyFactor, recencyTimestamp } from "../internal/scoring.js"
import { decodeInput } from "../internal/validate.js"
import * as MemoryCache from "./MemoryCache.js"
import * as MemoryScope from "./MemoryScope.js"
import * as Storage from "./Storage.js"
import { ForgetResult } from "../domain/Results.js"

/**
 * What a forget or prune run deleted (its schema lives in `domain/Results.ts`).
 *
 * @since 0.1.0
 * @category models
 */
export { ForgetResult }

/**
 * Prune policy. Defaults as in the original ALMA (reference §3.8).
 *
 * **Units** ages in days; confidences and rates in [0, 1]; quotas in memories per agent.
 *
 * @since 0.1.0
 * @category models
 */
export interface PrunePolicy {
  readonly outcomeMaxAgeDays: number
  readonly knowledgeMaxAgeDays: number
  readonly antiPatternMaxAgeDays: number
  readonly heuristicMinConfidence: number
  readonly knowledgeMinConfidence: number
  readonly heuristicMinSuccessRate: number
  readonly heuristicMinOccurrencesForRate: number
  readonly heuristicStaleDays: number
  readonly knowledgeStaleDays: number
  readonly quotas: { readonly [K in MemoryKind]?: number }
}

/**
 * @since 0.1.0
 * @category constructors
 */
export const defaultPrunePolicy: PrunePolicy = {
  outcomeMaxAgeDays: 90,
  knowledgeMaxAgeDays: 180,
  antiPatternMaxAgeDays: 365,
  heuristicMinConfidence: 0.3,
  knowledgeMinConfidence: 0.5,
  heuristicMinSuccessRate: 0.4,
  heuristicMinOccurrencesForRate: 5,
  heuristicStaleDays: 60,
  knowledgeStaleDays: 90,
  quotas: { heuristic: 100, outcome: 500, domain_knowledge: 200, anti_pattern: 50 }
}

/**
 * Per-kind confidence half-lives in days: heuristic 60, outcome 30, preference 365, knowledge 90,
 * anti-pattern 45 (original ALMA `DecayConfig`).
 *
 * @since 0.1.0
 * @category constructors
 */
export const defaultHalfLives: { readonly [K in MemoryKind]: number } = Defaults.forgetting.halfLifeDays

/**
 * @since 0.1.0
 * @category models
 */
export interface Service {
  /**
   * Deletes outcomes older than `olderThanDays` (default 90) and heuristics whose decayed confidence
   * is below `belowConfidence` (default 0.3), for one agent or all.
   * **Errors** `ValidationError`, `StorageError`.
   */
  readonly forget: (input: ForgetInput) => Effect.Effect<ForgetResult, ValidationError | StorageError>
  /** Applies the prune policy (stale, low confidence, low success, quota), for one agent or all. */
  readonly prune: (
    options?: { readonly agent?: string | undefined; readonly dryRun?: boolean | undefined }
  ) => Effect.Effect<ForgetResult, ValidationError | StorageError>
  /**
   * Confidence after decay: `confidence · 0.5^(age_days / half_life_days[kind])`, age from the
   * kind's recency timestamp. Computed, never stored, so repeated runs never compound (the original
   * multiplied the stored value on every run).
   */
  readonly decayedConfidence: (memory: Memory, nowMs: number) => number
}

/**
 * @since 0.1.0
 * @category tags
 */
export class Forgetter extends Context.Tag("alma-memory/Forgetter")<Forgetter, Service>() {}

/**
 * @since 0.1.0
 * @category models
 */
export interface Options {
  readonly projectId: string
  readonly olderThanDays?: number | undefined
  readonly belowConfidence?: number | undefined
  readonly halfLifeDays?: { readonly [K in MemoryKind]?: number } | undefined
  readonly policy?: PrunePolicy | undefined
}

interface Doomed {
  readonly memory: Memory
  readonly reason: string
}

/**
 * @since 0.1.0
 * @category constructors
 */
export const make = (options: Options) =>
  Effect.gen(function*() {
    const storage = yield* Storage.Storage
    const scope = yield* MemoryScope.MemoryScope
    const cache = yield* MemoryCache.MemoryCache
    const projectId = options.projectId
    const halfLives = { ...defaultHalfLives, ...options.halfLifeDays }
    const policy = options.policy ?? defaultPrunePolicy

    const decayedConfidence = (memory: Memory, nowMs: number): number =>
      confidenceTerm(memory) * recencyFactor(ageDays(recencyTimestamp(memory), nowMs), halfLives[memory.kind])

    const load = (kind: MemoryKind, agent: string | undefined) =>
      Effect.map(
        storage.list({ projectId, kinds: [kind], owners: agent === undefined ? undefined : [agent] }),
        (memories) => memories
      )

    const apply = (doomed: ReadonlyArray<Doomed>, dryRun: boolean) =>
      Effect.gen(function*() {
        const unique = [...new Map(doomed.map((d) => [d.memory.id, d] as const)).values()]
        const deleted = dryRun
          ? unique.length
          : yield* storage.delete(projectId, unique.map((d) => ({ id: d.memory.id, reason: d.reason })))
        if (!dryRun && deleted > 0) yield* cache.invalidate(projectId, [...new Set(unique.map((d) => ownerOf(d.memory)))])
        return ForgetResult.make({
          deleted,
          dryRun,
          items: unique.map((d) => ({ id: d.memory.id, kind: d.memory.kind, reason: d.reason }))
        })
      })

    const forget = Effect.fn("Forgetter.forget")(function*(input: ForgetInput) {
      const req = yield* decodeInput(ForgetInput, input)
      if (req.agent !== undefined) yield* scope.scopeOf(req.agent)
      const now = DateTime.toEpochMillis(yield* DateTime.now)
      const olderThan = req.olderThanDays ?? options.olderThanDays ?? Defaults.forgetting.olderThanDays
      const below = req.belowConfidence ?? options.belowConfidence ?? Defaults.forgetting.belowConfidence
      const outcomes = yield* load("outcome", req.agent)
      const heuristics = yield* load("heuristic", req.agent)
      const doomed: Array<Doomed> = [
        ...outcomes
          .filter((m) => ageDays(m.createdAt, now) > olderThan)
          .map((memory) => ({ memory, reason: `stale: outcome older than ${olderThan} days` })),
        ...heuristics
          .filter((m) => decayedConfidence(m, now) < below)
          .map((memory) => ({
            memory,
            reason: `low_confidence: decayed confidence ${decayedConfidence(memory, now).toFixed(3)} < ${below}`
          }))
      ]
      return yield* apply(doomed, req.dryRun ?? false)
    })

    const prune = Effect.fn("Forgetter.prune")(function*(
      opts?: { readonly agent?: string | undefined; readonly dryRun?: boolean | undefined }
    ) {
      if (opts?.agent !== undefined) yield* scope.scopeOf(opts.agent)
      const now = DateTime.toEpochMillis(yield* DateTime.now)
      const p = policy
      const doomed: Array<Doomed> = []
      const mark = (memory: Memory, reason: string) => doomed.push({ memory, reason })
      for (const m of yield* load("outcome", opts?.agent)) {
        if (ageDays(m.createdAt, now) > p.outcomeMaxAgeDays) mark(m, `stale: older than ${p.outcomeMaxAgeDays} days`)
      }
      for (const m of yield* load("heuristic", opts?.agent)) {
        if (m.kind !== "heuristic") continue
        if (decayedConfidence(m, now) < p.heuristicMinConfidence) mark(m, "low_confidence")
        else if (m.occurrenceCount >= p.heuristicMinOccurrencesForRate && m.successRate < p.heuristicMinSuccessRate) {
          mark(m, `low_success: success rate ${m.successRate.toFixed(2)} < ${p.heuristicMinSuccessRate}`)
        } else if (ageDays(m.lastValidated, now) > p.heuristicStaleDays) {
          mark(m, `stale: not validated for ${p.heuristicStaleDays} days`)
        }
      }
      for (const m of yield* load("domain_knowledge", opts?.agent)) {
        if (m.kind !== "domain_knowledge") continue
        if (decayedConfidence(m, now) < p.knowledgeMinConfidence) mark(m, "low_confidence")
        else if (ageDays(m.createdAt, now) > p.knowledgeMaxAgeDays) mark(m, `stale: older than ${p.knowledgeMaxAgeDays} days`)
        else if (ageDays(m.lastVerified, now) > p.knowledgeStaleDays) {
          mark(m, `stale: not verified for ${p.knowledgeStaleDays} days`)
        }
      }
      for (const m of yield* load("anti_pattern", opts?.agent)) {
        if (m.kind === "anti_pattern" && ageDays(m.lastSeen, now) > p.antiPatternMaxAgeDays) {
          mark(m, `stale: not seen for ${p.antiPatternMaxAgeDays} days`)
        }
      }
      // Quotas per agent: keep the most confident heuristics, the newest of the rest.
      const gone = new Set(doomed.map((d) => d.memory.id))
      for (const [kind, quota] of Object.entries(p.quotas) as Array<[MemoryKind, number]>) {
        if (kind === "user_preference") continue
        const byOwner = new Map<string, Array<Memory>>()
        for (const m of (yield* load(kind, opts?.agent)).filter((m) => !gone.has(m.id))) {
          byOwner.set(ownerOf(m), [...(byOwner.get(ownerOf(m)) ?? []), m])
        }
        for (const items of byOwner.values()) {
          const ranked = kind === "heuristic"
            ? [...items].sort((a, b) => decayedConfidence(b, now) - decayedConfidence(a, now))
            : items // list() is newest first
          for (const m of ranked.slice(quota)) mark(m, `quota: more than ${quota} ${kind} memories for the agent`)
        }
      }
      return yield* apply(doomed, opts?.dryRun ?? false)
    })

    return Forgetter.of({ forget, prune, decayedConfidence })
  })

/**
 * @since 0.1.0
 * @category layers
 */
export const layer = (options: Options) => Layer.effect(Forgetter, make(options))
