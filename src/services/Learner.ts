/**
 * Learning: outcomes become heuristics and anti-patterns; explicit preferences, knowledge and
 * anti-patterns are recorded. Every write is scope-checked, embedded and stored atomically, and
 * invalidates exactly the cached retrievals it can change.
 *
 * @since 0.1.0
 */
import { Context, DateTime, Effect, Layer } from "effect"
import type { EmbeddingError, ScopeViolationError, StorageError, ValidationError } from "../domain/AlmaError.js"
import { Defaults } from "../domain/Defaults.js"
import type { MemoryKind } from "../domain/Ids.js"
import type { AddAntiPatternInput, AddKnowledgeInput, AddPreferenceInput } from "../domain/Inputs.js"
import { LearnInput } from "../domain/Inputs.js"
import type { DomainKnowledge, Memory, UserPreference } from "../domain/Memory.js"
import { AntiPattern, Heuristic, Outcome, ownerOf, searchText } from "../domain/Memory.js"
import { embedTexts } from "../internal/embedText.js"
import { fnv1a } from "../internal/hash.js"
import * as Explicit from "../internal/explicit.js"
import * as Formation from "../internal/formation.js"
import * as StrategyMatch from "../internal/strategyMatch.js"
import { newId } from "../internal/newId.js"
import * as Safety from "../internal/safety/screen.js"
import { decodeInput } from "../internal/validate.js"
import * as Embedder from "./Embedder.js"
import * as MemoryCache from "./MemoryCache.js"
import * as MemoryScope from "./MemoryScope.js"
import * as Storage from "./Storage.js"
import { LearnResult } from "../domain/Results.js"

/**
 * What `learn` did (its schema lives in `domain/Results.ts`).
 *
 * @since 0.1.0
 * @category models
 */
export { LearnResult }

/**
 * Errors of learning writes.
 *
 * @since 0.1.0
 * @category errors
 */
export type LearnError = ValidationError | ScopeViolationError | StorageError | EmbeddingError

/**
 * @since 0.1.0
 * @category models
 */
export interface Service {
  /**
   * Records an outcome, then forms or updates the heuristic and anti-pattern it supports.
   * **Errors** `ValidationError` (bad input, unknown agent), `ScopeViolationError` (task type outside
   * the agent's scope), `EmbeddingError`, `StorageError`. Nothing is stored on error.
   */
  readonly learn: (input: LearnInput) => Effect.Effect<LearnResult, LearnError>
  /** Records user preferences (one transaction). **Errors** `ValidationError`, `EmbeddingError`, `StorageError`. */
  readonly addPreferences: (
    inputs: ReadonlyArray<AddPreferenceInput>
  ) => Effect.Effect<ReadonlyArray<UserPreference>, LearnError>
  /** Records domain facts, scope-checked by domain (one transaction). */
  readonly addKnowledge: (
    inputs: ReadonlyArray<AddKnowledgeInput>
  ) => Effect.Effect<ReadonlyArray<DomainKnowledge>, LearnError>
  /** Records explicit anti-patterns, scope-checked by task type when given (one transaction). */
  readonly addAntiPatterns: (
    inputs: ReadonlyArray<AddAntiPatternInput>
  ) => Effect.Effect<ReadonlyArray<AntiPattern>, LearnError>
  /**
   * Checks memories for poisoning, embeds and stores them (used by update and import), then
   * invalidates the cache; returns them as stored (flagged ones with `metadata.alma_safety`).
   * **Errors** `ValidationError` (flagged text under `onFlagged: "refuse"`; nothing stored),
   * `EmbeddingError`, `StorageError`.
   */
  readonly store: (
    memories: ReadonlyArray<Memory>,
    options?: StoreOptions
  ) => Effect.Effect<ReadonlyArray<Memory>, ValidationError | StorageError | EmbeddingError>
}

/**
 * Options of `store`: the storage's (an audit reason), and `embeddings` when the caller already has
 * each memory's embedding of its `searchText` (a JSONL import with vectors of the same embedder):
 * they are stored as given instead of re-embedding. The poisoning check runs either way (it changes
 * only metadata, which the embedded text does not hold).
 *
 * @since 0.1.0
 * @category models
 */
export interface StoreOptions extends Storage.SaveOptions {
  readonly embeddings?: ReadonlyArray<Float32Array> | undefined
}

/**
 * @since 0.1.0
 * @category tags
 */
export class Learner extends Context.Tag("alma-memory/Learner")<Learner, Service>() {}

/**
 * Learning settings. Defaults: strategy similarity thresholds calibrated per embedder
 * (`internal/strategyMatch.ts`; the original's 0.75 for other models; `similarityThreshold` replaces
 * both), 2 failures for an anti-pattern as in the original; `min_occurrences_for_heuristic` comes
 * from each agent's scope (default 3).
 *
 * @since 0.1.0
 * @category models
 */
export interface Options {
  readonly projectId: string
  readonly similarityThreshold?: number | undefined
  readonly minFailuresForAntiPattern?: number | undefined
  /**
   * What a write whose text the poisoning check flags does: `flag` (default) stores it with
   * `metadata.alma_safety` and logs a warning; `refuse` fails the whole write with a ValidationError.
   * **Source** config key `safety.on_flagged`.
   */
  readonly onFlagged?: Safety.OnFlagged | undefined
}

/** Outcomes of the same agent and task type considered for formation, newest first. */
const HISTORY_WINDOW = 200

/** Nearest anti-patterns per readable agent checked for a warning. */
const WARNING_CANDIDATES = 10

/** Lock stripes of `learn` (see `make`); pairs that share a stripe merely wait for each other. */
const LOCK_STRIPES = 64

/**
 * @since 0.1.0
 * @category constructors
 */
export const make = (options: Options) =>
  Effect.gen(function*() {
    const storage = yield* Storage.Storage
    const embedder = yield* Embedder.Embedder
    const scope = yield* MemoryScope.MemoryScope
    const cache = yield* MemoryCache.MemoryCache
    const projectId = options.projectId
    // Merge thresholds calibrated for the embedder's model (StrategyMatch), unless configured.
    const thresholds = StrategyMatch.thresholdsFor(embedder.model, options.similarityThreshold)
    const minFailures = options.minFailuresForAntiPattern ?? Defaults.learning.minFailuresForAntiPattern
    // Learning reads, decides, then writes. What it reads and writes is one (agent, task type)'s
    // heuristics, anti-patterns and outcomes, so learns of one (agent, task type) run one at a time
    // (two concurrent learns can never both create the same heuristic) while other pairs proceed.
    // Striped locks: a fixed set, the pair hashed onto one, so memory stays bounded.
    const locks = yield* Effect.forEach(Array.from({ length: LOCK_STRIPES }), () => Effect.makeSemaphore(1))
    const lockOf = (agent: string, taskType: string) => locks[fnv1a(`${agent}\u0000${taskType}`) % LOCK_STRIPES]!

    // Every write passes the poisoning check first (flagged: marked in metadata, or the whole batch
    // refused); returns the memories as stored.
    const store = (batch: ReadonlyArray<Memory>, saveOptions?: StoreOptions) =>
      Effect.gen(function*() {
        if (batch.length === 0) return batch
        const memories = yield* Safety.screen(batch, options.onFlagged ?? "flag")
        const vectors = saveOptions?.embeddings ?? (yield* embedTexts(embedder, memories.map(searchText)))
        yield* storage.save(memories.map((memory, i) => ({ memory, embedding: vectors[i]! })), saveOptions)
        yield* cache.invalidate(projectId, [...new Set(memories.map(ownerOf))])
        return memories
      })

    const withStrategies = <A>(items: ReadonlyArray<A>, text: (a: A) => string) =>
      Effect.map(embedTexts(embedder, items.map(text)), (vectors) =>
        items.map((item, i) => ({ item, strategy: StrategyMatch.evidence(text(item), vectors[i]!) })))

    /**
     * When the strategy text cannot tell the strategy on its own (uninformative, or a template
     * recorded for dissimilar tasks): the predicate "this outcome's task is similar to `task`".
     * Task texts are embedded only when the text is short or recorded verbatim before.
     */
    const taskGuard = (
      task: string,
      strategyText: string,
      strategy: StrategyMatch.Evidence,
      history: ReadonlyArray<Formation.WithStrategy<Outcome>>
    ) =>
      Effect.gen(function*() {
        const text = StrategyMatch.normalized(strategyText)
        const verbatim = history.some((o) => StrategyMatch.normalized(o.item.strategyUsed) === text)
        if (!verbatim && !StrategyMatch.isUninformative(strategy)) return undefined
        const vectors = yield* embedTexts(embedder, [task, ...history.map((o) => o.item.task)])
        const mine = StrategyMatch.evidence(task, vectors[0]!)
        const tasks = new Map(history.map((o, i) => [o.item.id, StrategyMatch.evidence(o.item.task, vectors[i + 1]!)]))
        const taskSimilar = (o: Outcome) => {
          const e = tasks.get(o.id)
          return e !== undefined && StrategyMatch.similarity(mine, e) >= thresholds.threshold
        }
        const items = history.map((o) => o.item)
        return Formation.needsTask(strategyText, strategy, items, taskSimilar) ? taskSimilar : undefined
      })

    const listKind = <K extends MemoryKind>(kind: K, owners: ReadonlyArray<string>, taskType?: string) =>
      storage.list({ projectId, owners, kinds: [kind], taskType, limit: HISTORY_WINDOW }).pipe(
        Effect.map((memories) => memories.filter((m): m is Extract<Memory, { kind: K }> => m.kind === kind))
      )

    /**
     * Step 1, outside the lock (nothing here depends on what concurrent learns decide): the readable
     * anti-patterns nearest to the strategy are the candidates (a bounded kNN, whatever the number of
     * anti-patterns), confirmed by pattern-to-strategy similarity. A failing pattern warns a failure
     * at `threshold`, a success only at `strict` (another polarity).
     */
    const warningsFor = (strategy: StrategyMatch.Evidence, readable: ReadonlyArray<string>, success: boolean) =>
      Effect.gen(function*() {
        const nearest = yield* storage.vectorSearch(
          { projectId, owners: readable, kinds: ["anti_pattern"], k: WARNING_CANDIDATES },
          strategy.vector
        )
        const candidates = yield* storage.getMany(projectId, nearest.map((h) => h.id))
        const warningCandidates = yield* withStrategies(
          candidates.map((c) => c.memory).filter((m): m is AntiPattern => m.kind === "anti_pattern"),
          (a) => a.pattern
        )
        const warnAt = success ? thresholds.strict : thresholds.threshold
        return warningCandidates
          .filter((a) => StrategyMatch.similarity(a.strategy, strategy) >= warnAt)
          .map((a) => a.item)
      })

    /**
     * Step 2, under the lock: what formation reads: the (agent, task type)'s heuristics, anti-patterns
     * and recent outcomes with their strategy evidence, the task guard, and the IDF word weights
     * (template words every attempt repeats weigh little).
     */
    const formationContext = (agent: string, taskType: string, task: string, strategyText: string, strategy: StrategyMatch.Evidence) =>
      Effect.gen(function*() {
        const heuristics = yield* Effect.flatMap(listKind("heuristic", [agent], taskType), (hs) =>
          withStrategies(hs, (h) => h.strategy))
        const antiPatterns = yield* Effect.flatMap(listKind("anti_pattern", [agent], taskType), (aps) =>
          withStrategies(aps, (a) => a.pattern))
        const history = yield* Effect.flatMap(listKind("outcome", [agent], taskType), (os) =>
          withStrategies(os, (o) => o.strategyUsed))
        const taskSimilar = yield* taskGuard(task, strategyText, strategy, history)
        const weight = StrategyMatch.idfWeighting([
          ...history.map((o) => o.strategy.words),
          ...heuristics.map((h) => h.strategy.words),
          ...antiPatterns.map((a) => a.strategy.words)
        ])
        return { heuristics, antiPatterns, history, taskSimilar, weight }
      })

    /**
     * Step 3, under the lock: the outcome, and the heuristic and anti-pattern it creates or updates
     * (`internal/formation.ts`), stored in one write.
     */
    const formAndStore = (
      req: typeof LearnInput.Type,
      taskType: string,
      minOccurrences: number,
      strategy: StrategyMatch.Evidence,
      warnings: ReadonlyArray<AntiPattern>
    ) =>
      Effect.gen(function*() {
        const now = yield* DateTime.now
        const outcome = Outcome.make({
          id: yield* newId("outcome"),
          projectId,
          agent: req.agent,
          task: req.task,
          taskType,
          success: req.outcome === "success",
          strategyUsed: req.strategyUsed,
          ...(req.durationMs !== undefined ? { durationMs: req.durationMs } : {}),
          ...(req.errorMessage !== undefined ? { errorMessage: req.errorMessage } : {}),
          ...(req.feedback !== undefined ? { feedback: req.feedback } : {}),
          createdAt: now,
          updatedAt: now,
          metadata: req.metadata ?? {},
          provenance: []
        })
        const ctx = yield* formationContext(req.agent, taskType, req.task, req.strategyUsed, strategy)
        const matched = Formation.match({
          outcome,
          strategy,
          heuristics: ctx.heuristics,
          antiPatterns: ctx.antiPatterns,
          history: ctx.history,
          thresholds,
          taskSimilar: ctx.taskSimilar,
          weight: ctx.weight
        })
        const formation: Formation.FormationInput = {
          outcome,
          similar: matched.similar,
          minOccurrences,
          minFailures,
          now,
          heuristicId: yield* newId("heuristic"),
          antiPatternId: yield* newId("anti_pattern"),
          boundTask: ctx.taskSimilar === undefined ? undefined : req.task
        }
        const heuristic = Formation.formHeuristic(formation, matched.heuristic)
        const antiPattern = Formation.formAntiPattern(
          formation,
          matched.antiPattern,
          Formation.betterAlternative(taskType, strategy, thresholds.strict, ctx.heuristics, ctx.history, ctx.weight)
        )
        // Returned as stored (with the poisoning check's metadata).
        const stored = yield* store([
          outcome,
          ...(heuristic ? [heuristic.memory] : []),
          ...(antiPattern ? [antiPattern.memory] : [])
        ])
        const storedHeuristic = heuristic ? (stored[1] as Heuristic) : undefined
        const storedAntiPattern = antiPattern ? (stored[heuristic ? 2 : 1] as AntiPattern) : undefined
        return LearnResult.make({
          outcome: stored[0] as Outcome,
          ...(heuristic ? { heuristic: { ...heuristic, memory: storedHeuristic! } } : {}),
          ...(antiPattern ? { antiPattern: { ...antiPattern, memory: storedAntiPattern! } } : {}),
          warnings
        })
      })

    const learn = Effect.fn("Learner.learn")(function*(input: LearnInput) {
      const req = yield* decodeInput(LearnInput, input)
      const agentScope = yield* scope.scopeOf(req.agent)
      const taskType = req.taskType ?? agentScope.domain ?? Formation.inferTaskType(req.task)
      const checked = yield* scope.checkLearn(req.agent, taskType)
      const readable = yield* scope.readableOwners(req.agent)
      const [strategyVector] = yield* embedTexts(embedder, [req.strategyUsed])
      const strategy = StrategyMatch.evidence(req.strategyUsed, strategyVector!)
      const warnings = yield* warningsFor(strategy, readable, req.outcome === "success")
      // The process lock orders this process's learns; `exclusive` orders them with other processes
      // sharing the store (two servers on one SQLite file or PostgreSQL schema).
      const formationKey = `learn\u0000${req.agent}\u0000${taskType}`
      const result = yield* lockOf(req.agent, taskType).withPermits(1)(
        storage.exclusive(projectId, formationKey, formAndStore(req, taskType, checked.minOccurrencesForHeuristic, strategy, warnings))
      )
      // Again after the commit: a retrieval cached between `store`'s invalidation and the commit
      // (another connection, PostgreSQL) would otherwise serve the old memories until its TTL.
      yield* cache.invalidate(projectId, [req.agent])
      return result
    })

    const { addAntiPatterns, addKnowledge, addPreferences } = Explicit.makeRecorders({ projectId, scope, store })

    return Learner.of({
      learn,
      addPreferences: Effect.fn("Learner.addPreferences")(addPreferences),
      addKnowledge: Effect.fn("Learner.addKnowledge")(addKnowledge),
      addAntiPatterns: Effect.fn("Learner.addAntiPatterns")(addAntiPatterns),
      store: Effect.fn("Learner.store")(store)
    })
  })

/**
 * @since 0.1.0
 * @category layers
 */
export const layer = (options: Options) => Layer.effect(Learner, make(options))
