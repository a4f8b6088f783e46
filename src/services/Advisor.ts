/**
 * Advice before and after acting: checks a proposed action against what the agent has learned
 * (`alma_check_action`) and records which retrieved memories helped or hurt a task
 * (`alma_record_feedback`).
 *
 * @since 0.1.0
 */
import { Context, DateTime, Effect, Layer } from "effect"
import type { EmbeddingError, StorageError } from "../domain/AlmaError.js"
import { ValidationError } from "../domain/AlmaError.js"
import { Defaults } from "../domain/Defaults.js"
import type { MemoryId } from "../domain/Ids.js"
import type { AntiPattern, Heuristic, Memory } from "../domain/Memory.js"
import { ownerOf } from "../domain/Memory.js"
import * as AdvisorInputs from "../domain/AdvisorInputs.js"
import { applyVerdict, FEEDBACK_WEIGHT } from "../internal/advice/feedback.js"
import type { Verdict } from "../internal/advice/feedback.js"
import * as Recommend from "../internal/advice/recommend.js"
import { decodeToolInput } from "../internal/consolidation/input.js"
import { embedTexts } from "../internal/embedText.js"
import * as Embedder from "./Embedder.js"
import * as MemoryCache from "./MemoryCache.js"
import * as MemoryScope from "./MemoryScope.js"
import * as Retriever from "./Retriever.js"
import * as Storage from "./Storage.js"

/**
 * Input of `checkAction` (schema `domain/AdvisorInputs.ts`): the action or strategy an agent proposes, and the task it is for.
 *
 * @since 0.1.0
 * @category models
 */
export type CheckActionInput = AdvisorInputs.CheckActionInput

/**
 * A memory that bears on the proposed action. **Units** `similarity`: cosine similarity in [-1, 1]
 * between the action and what the memory says was done (an anti-pattern's `pattern`, a heuristic's
 * `strategy`); the context only widens the search (see `checkAction`).
 *
 * @since 0.1.0
 * @category models
 */
export interface Match<M> {
  readonly memory: M
  readonly similarity: number
}

/**
 * The verdict: `avoid` when a matching anti-pattern is strong, `caution` when one matches weakly or
 * a matching heuristic has low confidence, else `proceed`. `reason` explains it in one sentence.
 *
 * @since 0.1.0
 * @category models
 */
export interface CheckActionResult {
  readonly recommendation: "proceed" | "caution" | "avoid"
  readonly reason: string
  readonly antiPatterns: ReadonlyArray<Match<AntiPattern>>
  readonly heuristics: ReadonlyArray<Match<Heuristic>>
}

/**
 * Input of `recordFeedback` (schema `domain/AdvisorInputs.ts`): ids of memories that helped or hurt a task.
 *
 * @since 0.1.0
 * @category models
 */
export type FeedbackInput = AdvisorInputs.FeedbackInput

/**
 * What `recordFeedback` changed: each memory's confidence before and after; ids it did not find.
 *
 * @since 0.1.0
 * @category models
 */
export interface FeedbackResult {
  readonly updated: ReadonlyArray<{
    readonly memory: Memory
    readonly verdict: "helpful" | "harmful"
    readonly confidenceBefore: number
    readonly confidenceAfter: number
  }>
  readonly missing: ReadonlyArray<string>
}

/**
 * @since 0.1.0
 * @category models
 */
export interface Service {
  /**
   * Matches the proposed action against the agent's readable anti-patterns and heuristics (its own
   * and those shared with it, as retrieval): candidates come from the Retriever (mode `similarity`,
   * pure relevance, hybrid vector + BM25) for the action, and, when a context is given, also for
   * action + context; each candidate is then judged by the cosine of the action and its pattern or
   * strategy. Verdict and thresholds: `internal/advice/recommend` (avoid ≥ 0.75, caution ≥ 0.65,
   * heuristic confidence < 0.5 → caution). At most `topK` (default 5, 1–50) matches per kind.
   * **Errors** `ValidationError` (`agent`: bad or unknown; `action`, `context`: empty or over 8,000
   * characters; `top_k`), `EmbeddingError`, `StorageError`.
   */
  readonly checkAction: (
    input: CheckActionInput
  ) => Effect.Effect<CheckActionResult, ValidationError | EmbeddingError | StorageError>
  /**
   * Moves each memory's confidence toward 1 (helpful) or 0 (harmful) by `c + 0.15·(target − c)`
   * (heuristics, domain knowledge, preferences; outcomes and anti-patterns only count the verdict),
   * and counts it in metadata (`feedback_helpful`, `feedback_harmful`, `last_feedback_at`). Only
   * memories the agent may read are touched (its own, those shared with it, and user preferences,
   * which retrieval gives any agent that names the user); other and unknown ids are `missing`.
   * Duplicate ids in one list count once. All updates are saved in one transaction with their
   * stored embeddings (the text does not change, so nothing is re-embedded).
   * **Errors** `ValidationError` (`agent`; `helpful` / `harmful`: not memory ids, more than 100, both
   * empty, or an id in both), `StorageError`. Nothing changes on error.
   */
  readonly recordFeedback: (
    input: FeedbackInput
  ) => Effect.Effect<FeedbackResult, ValidationError | EmbeddingError | StorageError>
}

/**
 * @since 0.1.0
 * @category tags
 */
export class Advisor extends Context.Tag("alma-memory/Advisor")<Advisor, Service>() {}

/**
 * Settings. `thresholds`: cosine similarities for `avoid` (default 0.75) and `caution` (0.65), and
 * the heuristic confidence below which a match warns (0.5), measured for the local and hash
 * embedders (`internal/advice/recommend`); re-measure them for another embedder. `feedbackWeight`:
 * α of the confidence step, in (0, 1] (default 0.15, the original's `feedback_weight`).
 *
 * @since 0.1.0
 * @category models
 */
export interface Options {
  readonly projectId: string
  readonly thresholds?: Partial<Recommend.Thresholds> | undefined
  readonly feedbackWeight?: number | undefined
}

const KINDS = ["anti_pattern", "heuristic"] as const

const unique = <M extends { readonly id: string }>(items: ReadonlyArray<M>): ReadonlyArray<M> => [
  ...new Map(items.map((m) => [m.id, m] as const)).values()
]

/**
 * **Defects** a threshold outside [0, 1] or `feedbackWeight` outside (0, 1] (a caller bug: map
 * configuration values to `ConfigurationError` before passing them).
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (options: Options) =>
  Effect.gen(function*() {
    const retriever = yield* Retriever.Retriever
    const embedder = yield* Embedder.Embedder
    const storage = yield* Storage.Storage
    const scope = yield* MemoryScope.MemoryScope
    const cache = yield* MemoryCache.MemoryCache
    const projectId = options.projectId
    const t: Recommend.Thresholds = { ...Recommend.defaultThresholds, ...options.thresholds }
    const alpha = options.feedbackWeight ?? FEEDBACK_WEIGHT
    // Options are programmatic (no configuration key sets them yet): a bad value is a caller bug.
    for (const [key, value] of Object.entries(t)) {
      if (!(value >= 0 && value <= 1)) {
        return yield* Effect.dieMessage(`Advisor: thresholds.${key} must be in [0, 1], got ${value}`)
      }
    }
    if (!(alpha > 0 && alpha <= 1)) return yield* Effect.dieMessage(`Advisor: feedbackWeight must be in (0, 1], got ${alpha}`)
    // Feedback reads, computes and writes: updates of this process go one at a time so that two
    // verdicts on one memory both count.
    const lock = yield* Effect.makeSemaphore(1)

    const checkAction = Effect.fn("Advisor.checkAction")(function*(input: CheckActionInput) {
      const req = yield* decodeToolInput(AdvisorInputs.CheckActionInput, input)
      const topK = req.topK ?? Defaults.advice.topK
      yield* Effect.annotateCurrentSpan({ "alma.agent": req.agent, "alma.project": projectId, "alma.k": topK })
      const candidatesPerKind = Math.min(100, Math.max(10, 2 * topK))
      const tasks = req.context === undefined ? [req.action] : [req.action, `${req.action}\n${req.context}`]
      const slices = yield* Effect.forEach(
        tasks,
        (task) => retriever.retrieve({ agent: req.agent, task, kinds: KINDS, mode: "similarity", topK: candidatesPerKind }),
        { concurrency: "unbounded" }
      )
      const aps = unique(slices.flatMap((s) => s.antiPatterns.map((x) => x.memory)))
      const hs = unique(slices.flatMap((s) => s.heuristics.map((x) => x.memory)))
      const [action, ...vectors] = yield* embedTexts(embedder, [
        req.action,
        ...aps.map((a) => a.pattern),
        ...hs.map((h) => h.strategy)
      ])
      const similarity = (v: Float32Array) => Embedder.cosine(action!, v)
      const apSims = aps.map((_, i) => similarity(vectors[i]!))
      // The alternative is embedded only for anti-patterns close enough to matter.
      const withAlternative = aps.flatMap((a, i) => apSims[i]! >= t.caution && Recommend.hasAlternative(a) ? [i] : [])
      const alternatives = yield* embedTexts(embedder, withAlternative.map((i) => aps[i]!.betterAlternative))
      const alternativeSims = new Map(withAlternative.map((i, j) => [i, similarity(alternatives[j]!)] as const))
      const antiPatterns = Recommend.matchAntiPatterns(
        aps.map((memory, i) => ({ memory, similarity: apSims[i]!, alternativeSimilarity: alternativeSims.get(i) })),
        t
      ).slice(0, topK)
      const heuristics = Recommend.matchHeuristics(
        hs.map((memory, i) => ({ memory, similarity: similarity(vectors[aps.length + i]!) })),
        t
      ).slice(0, topK)
      return { ...Recommend.decide(antiPatterns, heuristics, t), antiPatterns, heuristics } satisfies CheckActionResult
    })

    const recordFeedback = Effect.fn("Advisor.recordFeedback")(function*(input: FeedbackInput) {
      const req = yield* decodeToolInput(AdvisorInputs.FeedbackInput, input)
      const helpful = [...new Set(req.helpful ?? [])]
      const harmful = [...new Set(req.harmful ?? [])]
      if (helpful.length + harmful.length === 0) {
        return yield* new ValidationError({ field: "helpful", reason: "give at least one memory id in helpful or harmful" })
      }
      const inBoth = helpful.find((id) => harmful.includes(id))
      if (inBoth !== undefined) {
        return yield* new ValidationError({
          field: "harmful",
          reason: `memory ${inBoth} is also listed as helpful; give each memory one verdict`
        })
      }
      const readable = new Set(yield* scope.readableOwners(req.agent))
      yield* Effect.annotateCurrentSpan({
        "alma.agent": req.agent,
        "alma.project": projectId,
        "alma.helpful": helpful.length,
        "alma.harmful": harmful.length
      })
      return yield* lock.withPermits(1)(Effect.gen(function*() {
        const records = yield* storage.getMany(projectId, [...helpful, ...harmful])
        const visible = new Map(
          records
            .filter((r) => r.memory.kind === "user_preference" || readable.has(ownerOf(r.memory)))
            .map((r) => [r.memory.id, r] as const)
        )
        const at = DateTime.formatIso(yield* DateTime.now)
        const verdicts: ReadonlyArray<readonly [MemoryId, Verdict]> = [
          ...helpful.map((id) => [id, "helpful"] as const),
          ...harmful.map((id) => [id, "harmful"] as const)
        ]
        const updated: Array<FeedbackResult["updated"][number] & { readonly embedding: Float32Array }> = []
        const missing: Array<string> = []
        for (const [id, verdict] of verdicts) {
          const record = visible.get(id)
          if (record === undefined) {
            missing.push(id)
            continue
          }
          updated.push({ ...applyVerdict(record.memory, verdict, at, alpha), verdict, embedding: record.embedding })
        }
        if (updated.length > 0) {
          // Learner.store would re-embed every text; feedback changes none, so the stored embeddings
          // are saved again, and the cache invalidated as `store` does.
          yield* storage.save(updated.map((u) => ({ memory: u.memory, embedding: u.embedding })))
          yield* cache.invalidate(projectId, [...new Set(updated.map((u) => ownerOf(u.memory)))])
        }
        return {
          updated: updated.map(({ embedding: _, ...u }) => u),
          missing
        } satisfies FeedbackResult
      }))
    })

    return Advisor.of({ checkAction, recordFeedback })
  })

/**
 * The Advisor over Retriever, Embedder, Storage, MemoryScope and MemoryCache (all left open).
 *
 * @since 0.1.0
 * @category layers
 */
export const layer = (options: Options) => Layer.effect(Advisor, make(options))
