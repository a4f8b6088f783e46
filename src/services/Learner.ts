/**
 * Learning: outcomes become heuristics and anti-patterns; explicit preferences, knowledge and
 * anti-patterns are recorded. Every write is scope-checked, embedded and stored atomically, and
 * invalidates exactly the cached retrievals it can change.
 *
 * @since 0.1.0
 */
import { Context, DateTime, Effect, Layer, Schema } from "effect"
import type { EmbeddingError, ScopeViolationError, StorageError, ValidationError } from "../domain/AlmaError.js"
import type { MemoryId, MemoryKind } from "../domain/Ids.js"
import { AddAntiPatternInput, AddKnowledgeInput, AddPreferenceInput, LearnInput } from "../domain/Inputs.js"
import type { Memory, Metadata } from "../domain/Memory.js"
import { AntiPattern, DomainKnowledge, Heuristic, Outcome, ownerOf, searchText, UserPreference } from "../domain/Memory.js"
import { embedTexts } from "../internal/embedText.js"
import { fnv1a } from "../internal/hash.js"
import * as Formation from "../internal/formation.js"
import { newId } from "../internal/newId.js"
import { decodeInput } from "../internal/validate.js"
import * as Embedder from "./Embedder.js"
import * as MemoryCache from "./MemoryCache.js"
import * as MemoryScope from "./MemoryScope.js"
import * as Storage from "./Storage.js"

/**
 * What `learn` did.
 *
 * **Shape** `outcome`: the stored outcome; `heuristic` / `antiPattern`: the memory formed or updated
 * and whether it was `created` or `updated`; `warnings`: readable anti-patterns whose pattern matches
 * the strategy used (they warn, they never block recording).
 *
 * @since 0.1.0
 * @category models
 */
export class LearnResult extends Schema.Class<LearnResult>("LearnResult")({
  outcome: Outcome,
  heuristic: Schema.optional(Schema.Struct({ memory: Heuristic, action: Schema.Literal("created", "updated") })),
  antiPattern: Schema.optional(Schema.Struct({ memory: AntiPattern, action: Schema.Literal("created", "updated") })),
  warnings: Schema.Array(AntiPattern)
}) {}

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
  /** Embeds and stores memories as they are (used by update and import), then invalidates the cache. */
  readonly store: (memories: ReadonlyArray<Memory>) => Effect.Effect<void, StorageError | EmbeddingError>
}

/**
 * @since 0.1.0
 * @category tags
 */
export class Learner extends Context.Tag("alma-memory/Learner")<Learner, Service>() {}

/**
 * Learning settings. Defaults as in the original ALMA: strategy similarity 0.75, 2 failures for an
 * anti-pattern; `min_occurrences_for_heuristic` comes from each agent's scope (default 3).
 *
 * @since 0.1.0
 * @category models
 */
export interface Options {
  readonly projectId: string
  readonly similarityThreshold?: number | undefined
  readonly minFailuresForAntiPattern?: number | undefined
}

/** The fields every new memory starts with. */
interface MemoryBase {
  readonly id: MemoryId
  readonly projectId: string
  readonly createdAt: DateTime.Utc
  readonly updatedAt: DateTime.Utc
  readonly metadata: Metadata
  readonly provenance: ReadonlyArray<MemoryId>
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
    const threshold = options.similarityThreshold ?? 0.75
    const minFailures = options.minFailuresForAntiPattern ?? 2
    // Learning reads, decides, then writes. What it reads and writes is one (agent, task type)'s
    // heuristics, anti-patterns and outcomes, so learns of one (agent, task type) run one at a time
    // (two concurrent learns can never both create the same heuristic) while other pairs proceed.
    // Striped locks: a fixed set, the pair hashed onto one, so memory stays bounded.
    const locks = yield* Effect.forEach(Array.from({ length: LOCK_STRIPES }), () => Effect.makeSemaphore(1))
    const lockOf = (agent: string, taskType: string) => locks[fnv1a(`${agent}\u0000${taskType}`) % LOCK_STRIPES]!

    const store = (memories: ReadonlyArray<Memory>) =>
      Effect.gen(function*() {
        if (memories.length === 0) return
        const vectors = yield* embedTexts(embedder, memories.map(searchText))
        yield* storage.save(memories.map((memory, i) => ({ memory, embedding: vectors[i]! })))
        yield* cache.invalidate(projectId, [...new Set(memories.map(ownerOf))])
      })

    const withStrategies = <A>(items: ReadonlyArray<A>, text: (a: A) => string) =>
      Effect.map(embedTexts(embedder, items.map(text)), (vectors) =>
        items.map((item, i) => ({ item, strategy: vectors[i]! })))

    const listKind = <K extends MemoryKind>(kind: K, owners: ReadonlyArray<string>, taskType?: string) =>
      storage.list({ projectId, owners, kinds: [kind], taskType, limit: HISTORY_WINDOW }).pipe(
        Effect.map((memories) => memories.filter((m): m is Extract<Memory, { kind: K }> => m.kind === kind))
      )

    const learn = Effect.fn("Learner.learn")(function*(input: LearnInput) {
      const req = yield* decodeInput(LearnInput, input)
      const agentScope = yield* scope.scopeOf(req.agent)
      const taskType = req.taskType ?? agentScope.domain ?? Formation.inferTaskType(req.task)
      const checked = yield* scope.checkLearn(req.agent, taskType)
      const readable = yield* scope.readableOwners(req.agent)
      // Outside the lock: nothing here depends on what concurrent learns decide.
      const [strategy] = yield* embedTexts(embedder, [req.strategyUsed])
      // Warnings: the readable anti-patterns nearest to the strategy are the candidates (a bounded
      // kNN, whatever the number of anti-patterns), confirmed by pattern-to-strategy similarity.
      const nearest = yield* storage.vectorSearch(
        { projectId, owners: readable, kinds: ["anti_pattern"], k: WARNING_CANDIDATES },
        strategy!
      )
      const candidates = yield* storage.getMany(projectId, nearest.map((h) => h.id))
      const warningCandidates = yield* withStrategies(
        candidates.map((c) => c.memory).filter((m): m is AntiPattern => m.kind === "anti_pattern"),
        (a) => a.pattern
      )
      const warnings = warningCandidates
        .filter((a) => Embedder.cosine(a.strategy, strategy!) >= threshold)
        .map((a) => a.item)
      return yield* lockOf(req.agent, taskType).withPermits(1)(Effect.gen(function*() {
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
        const heuristics = yield* Effect.flatMap(listKind("heuristic", [req.agent], taskType), (hs) =>
          withStrategies(hs, (h) => h.strategy))
        const ownAntiPatterns = yield* Effect.flatMap(listKind("anti_pattern", [req.agent], taskType), (aps) =>
          withStrategies(aps, (a) => a.pattern))
        const matchedHeuristic = Formation.bestMatch(heuristics, strategy!, threshold)
        const matchedAntiPattern = outcome.success ? undefined : Formation.bestMatch(ownAntiPatterns, strategy!, threshold)
        // The outcome history is read only when a memory may have to be formed: no matching heuristic
        // yet, or a failure without a matching anti-pattern (or whose alternative is still unknown).
        const needHistory = matchedHeuristic === undefined ||
          (!outcome.success &&
            (matchedAntiPattern === undefined || matchedAntiPattern.betterAlternative.startsWith(Formation.NO_ALTERNATIVE)))
        const history = needHistory
          ? yield* Effect.flatMap(listKind("outcome", [req.agent], taskType), (os) =>
            withStrategies(os, (o) => o.strategyUsed))
          : []
        const similar = history.filter((o) => Embedder.cosine(o.strategy, strategy!) >= threshold).map((o) => o.item)
        const formation: Formation.FormationInput = {
          outcome,
          similar,
          minOccurrences: checked.minOccurrencesForHeuristic,
          minFailures,
          now,
          heuristicId: yield* newId("heuristic"),
          antiPatternId: yield* newId("anti_pattern")
        }
        const heuristic = Formation.formHeuristic(formation, matchedHeuristic)
        const antiPattern = Formation.formAntiPattern(
          formation,
          matchedAntiPattern,
          Formation.betterAlternative(taskType, strategy!, threshold, heuristics, history)
        )
        yield* store([outcome, ...(heuristic ? [heuristic.memory] : []), ...(antiPattern ? [antiPattern.memory] : [])])
        return LearnResult.make({
          outcome,
          ...(heuristic ? { heuristic } : {}),
          ...(antiPattern ? { antiPattern } : {}),
          warnings
        })
      }))
    })

    /** Decodes every input, checks every scope, then builds and stores all the memories at once. */
    const recordAll = <R extends { readonly metadata?: Metadata | undefined }, I, A extends Memory>(
      schema: Schema.Schema<R, I>,
      kind: MemoryKind,
      check: (request: R) => Effect.Effect<unknown, ValidationError | ScopeViolationError>,
      build: (request: R, base: MemoryBase) => A
    ) =>
    (inputs: ReadonlyArray<I>) =>
      Effect.gen(function*() {
        const requests = yield* Effect.forEach(inputs, (i) => decodeInput(schema, i))
        yield* Effect.forEach(requests, check, { discard: true })
        const now = yield* DateTime.now
        const memories = yield* Effect.forEach(requests, (r) =>
          Effect.map(newId(kind), (id) =>
            build(r, { id, projectId, createdAt: now, updatedAt: now, metadata: r.metadata ?? {}, provenance: [] })))
        yield* store(memories)
        return memories
      })

    const addPreferences = recordAll(AddPreferenceInput, "user_preference", () => Effect.void, (r, base) => {
      const source = r.source ?? "explicit_instruction"
      return UserPreference.make({
        ...base,
        userId: r.userId,
        category: r.category,
        preference: r.preference,
        source,
        confidence: r.confidence ?? (source === "explicit_instruction" ? 1 : 0.7)
      })
    })

    const addKnowledge = recordAll(
      AddKnowledgeInput,
      "domain_knowledge",
      (r) => scope.checkLearn(r.agent, r.domain),
      (r, base) => {
        const source = r.source ?? "user_stated"
        return DomainKnowledge.make({
          ...base,
          agent: r.agent,
          domain: r.domain,
          fact: r.fact,
          source,
          confidence: r.confidence ?? (source === "user_stated" ? 1 : 0.8),
          lastVerified: base.createdAt
        })
      }
    )

    const addAntiPatterns = recordAll(
      AddAntiPatternInput,
      "anti_pattern",
      (r) => r.taskType === undefined ? scope.scopeOf(r.agent) : scope.checkLearn(r.agent, r.taskType),
      (r, base) =>
        AntiPattern.make({
          ...base,
          agent: r.agent,
          ...(r.taskType !== undefined ? { taskType: r.taskType } : {}),
          pattern: r.pattern,
          whyBad: r.whyBad,
          betterAlternative: r.betterAlternative,
          occurrenceCount: Math.max(1, r.provenance?.length ?? 0),
          lastSeen: base.createdAt,
          provenance: r.provenance ?? []
        })
    )

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
