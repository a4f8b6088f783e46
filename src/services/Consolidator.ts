/**
 * Consolidation: merges groups of near-duplicate memories of one agent into one memory each
 * (the original's `alma_consolidate`, reference §5.1 and §5.11, without the LLM merge).
 *
 * @since 0.1.0
 */
import { Context, DateTime, Effect, Layer } from "effect"
import type { EmbeddingError, ScopeViolationError, StorageError, ValidationError } from "../domain/AlmaError.js"
import * as ConsolidatorInputs from "../domain/ConsolidatorInputs.js"
import { Defaults } from "../domain/Defaults.js"
import type { MemoryId } from "../domain/Ids.js"
import type { Memory } from "../domain/Memory.js"
import { ownerOf } from "../domain/Memory.js"
import { groupBySimilarity } from "../internal/consolidation/group.js"
import { decodeToolInput, targetKinds } from "../internal/consolidation/input.js"
import { leftovers, mergeGroup, oldestFirst } from "../internal/consolidation/merge.js"
import { newId } from "../internal/newId.js"
import * as Learner from "./Learner.js"
import * as MemoryCache from "./MemoryCache.js"
import * as MemoryScope from "./MemoryScope.js"
import * as Storage from "./Storage.js"

/**
 * Which memories to consolidate, with the original tool's names (schema `domain/ConsolidatorInputs.ts`).
 *
 * @since 0.1.0
 * @category models
 */
export type ConsolidationTarget = ConsolidatorInputs.ConsolidationTarget

/**
 * Input of `consolidate` (schema `domain/ConsolidatorInputs.ts`). Defaults as in the original ALMA:
 * `memoryType` heuristics, `similarityThreshold` 0.85 (cosine similarity, in [0, 1]), `dryRun` true.
 *
 * @since 0.1.0
 * @category models
 */
export type ConsolidateInput = ConsolidatorInputs.ConsolidateInput

/**
 * One merged group: the memory that replaces it (`merged`, whose id is `mergedInto`; in a dry run,
 * what would be stored) and the ids it replaces, oldest first. **Units** `minSimilarity`: the
 * group's weakest necessary link, the smallest cosine similarity on a maximum spanning tree of the
 * group (the group would still form at any threshold up to it).
 *
 * @since 0.1.0
 * @category models
 */
export interface MergeDetail {
  readonly mergedInto: MemoryId
  readonly mergedFrom: ReadonlyArray<MemoryId>
  readonly minSimilarity: number
  readonly merged: Memory
}

/**
 * @since 0.1.0
 * @category models
 */
export interface ConsolidationResult {
  readonly dryRun: boolean
  readonly mergedCount: number
  readonly groupsFound: number
  readonly memoriesProcessed: number
  readonly mergeDetails: ReadonlyArray<MergeDetail>
  readonly errors: ReadonlyArray<string>
}

/**
 * @since 0.1.0
 * @category models
 */
export interface Service {
  /**
   * Groups the agent's own memories of one kind (the newest 1,000, as the original) whose embeddings
   * have cosine similarity ≥ `similarityThreshold`, transitively (union-find, as the original), and
   * unless `dryRun` replaces each group by one merged memory (rules in `internal/consolidation/merge`).
   * Other agents' memories are never read or touched.
   *
   * **Atomicity** the merged memories are stored first (one save transaction, through
   * `Learner.store`: embedded, cache invalidated), then all originals are deleted (one delete
   * transaction, each audited with reason `consolidated: merged into <id>`). A failure between the
   * two leaves originals next to their merged memory (duplicates, never a loss); the next run finds
   * originals listed in a stored memory's `merged_from` and unchanged since its `merge_timestamp`,
   * deletes them without merging them again (so counts are not summed twice) and says so in `errors`.
   *
   * **Errors** `ValidationError` (field `agent`: bad or unknown agent; `memory_type`: not one of
   * heuristics, outcomes, domain_knowledge, anti_patterns; `similarity_threshold`: outside [0, 1];
   * `dry_run`: not a boolean), `EmbeddingError`, `StorageError`. Nothing changes on a validation error.
   */
  readonly consolidate: (
    input: ConsolidateInput
  ) => Effect.Effect<ConsolidationResult, ValidationError | ScopeViolationError | StorageError | EmbeddingError>
}

/**
 * @since 0.1.0
 * @category tags
 */
export class Consolidator extends Context.Tag("alma-memory/Consolidator")<Consolidator, Service>() {}

/**
 * Settings. **Units** `maxMemories`: memories considered per run, newest first (default 1,000, as the
 * original's load limit; the pairwise comparison costs n²/2 dot products).
 *
 * @since 0.1.0
 * @category models
 */
export interface Options {
  readonly projectId: string
  readonly maxMemories?: number | undefined
}

/**
 * @since 0.1.0
 * @category constructors
 */
export const make = (options: Options) =>
  Effect.gen(function*() {
    const storage = yield* Storage.Storage
    const learner = yield* Learner.Learner
    const scope = yield* MemoryScope.MemoryScope
    const cache = yield* MemoryCache.MemoryCache
    const projectId = options.projectId
    const maxMemories = options.maxMemories ?? Defaults.consolidation.maxMemories
    // Two runs at once would both merge the same group: runs of this process go one at a time.
    const lock = yield* Effect.makeSemaphore(1)

    const consolidate = Effect.fn("Consolidator.consolidate")(function*(input: ConsolidateInput) {
      const req = yield* decodeToolInput(ConsolidatorInputs.ConsolidateInput, input)
      yield* scope.scopeOf(req.agent)
      const kind = targetKinds[req.memoryType ?? "heuristics"]
      const threshold = req.similarityThreshold ?? Defaults.consolidation.similarityThreshold
      const dryRun = req.dryRun ?? true
      yield* Effect.annotateCurrentSpan({ "alma.agent": req.agent, "alma.project": projectId, "alma.kind": kind })
      return yield* lock.withPermits(1)(Effect.gen(function*() {
        const listed = yield* storage.list({ projectId, owners: [req.agent], kinds: [kind], limit: maxMemories })
        const records = (yield* storage.getMany(projectId, listed.map((m) => m.id)))
          .filter((r) => r.memory.kind === kind && ownerOf(r.memory) === req.agent)
        // Originals left behind by an interrupted run (see Atomicity): superseded, not merged again.
        const superseded = leftovers(records.map((r) => r.memory))
        const candidates = records.filter((r) => !superseded.has(r.memory.id))
        const groups = groupBySimilarity(candidates.map((r) => r.embedding), threshold)
        const now = yield* DateTime.now
        const details = yield* Effect.forEach(groups, (g) =>
          Effect.map(newId(kind), (id): MergeDetail => {
            const members = oldestFirst(g.members.map((i) => candidates[i]!.memory))
            const merged = mergeGroup(members, id, now)
            return { mergedInto: id, mergedFrom: members.map((m) => m.id), minSimilarity: g.minSimilarity, merged }
          }))
        const errors = [...superseded].map(([id, into]) =>
          `${id} was already merged into ${into} by an interrupted run; ${dryRun ? "it would be" : "it was"} deleted`
        )
        const mergedCount = details.reduce((n, d) => n + d.mergedFrom.length, 0)
        if (!dryRun && (details.length > 0 || superseded.size > 0)) {
          yield* learner.store(details.map((d) => d.merged))
          yield* storage.delete(projectId, [
            ...details.flatMap((d) => d.mergedFrom.map((id) => ({ id, reason: `consolidated: merged into ${d.mergedInto}` }))),
            ...[...superseded].map(([id, into]) => ({ id, reason: `consolidated: merged into ${into}` }))
          ])
          // `store` invalidated once already; a retrieval in between may have cached the originals.
          yield* cache.invalidate(projectId, [req.agent])
          yield* Effect.logInfo("consolidated memories").pipe(
            Effect.annotateLogs({ service: "Consolidator", agent: req.agent, kind, groups: details.length, merged: mergedCount })
          )
        }
        return {
          dryRun,
          mergedCount,
          groupsFound: details.length,
          memoriesProcessed: records.length,
          mergeDetails: details,
          errors
        } satisfies ConsolidationResult
      }))
    })

    return Consolidator.of({ consolidate })
  })

/**
 * The Consolidator over Storage, Learner, MemoryScope and MemoryCache (all left open).
 *
 * @since 0.1.0
 * @category layers
 */
export const layer = (options: Options) => Layer.effect(Consolidator, make(options))
