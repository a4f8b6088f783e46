/**
 * Hybrid retrieval: vector kNN and BM25 over the agent's readable memories, fused, then ranked by the
 * multi-factor score of the original ALMA, per kind.
 *
 * @since 0.1.0
 */
import { Clock, Context, Effect, Layer } from "effect"
import type { EmbeddingError, StorageError, ValidationError } from "../domain/AlmaError.js"
import { Defaults } from "../domain/Defaults.js"
import type { MemoryId, MemoryKind, Owner } from "../domain/Ids.js"
import { memoryKinds, userOwner } from "../domain/Ids.js"
import { RetrieveInput } from "../domain/Inputs.js"
import { MemorySlice } from "../domain/MemorySlice.js"
import { embedTexts } from "../internal/embedText.js"
import type { ModeConfig } from "../internal/modes.js"
import { inferMode, modes } from "../internal/modes.js"
import { renderPrompt } from "../internal/prompt.js"
import * as Ranking from "../internal/ranking.js"
import * as Relevance from "../internal/relevance.js"
import * as Scoring from "../internal/scoring.js"
import { contentWords } from "../internal/strategyMatch.js"
import { decodeInput } from "../internal/validate.js"
import * as Embedder from "./Embedder.js"
import * as MemoryCache from "./MemoryCache.js"
import * as MemoryScope from "./MemoryScope.js"
import * as Storage from "./Storage.js"

/**
 * Errors of `retrieve`.
 *
 * @since 0.1.0
 * @category errors
 */
export type RetrieveError = ValidationError | StorageError | EmbeddingError

/**
 * @since 0.1.0
 * @category models
 */
export interface Service {
  /**
   * The memories relevant to `input.task` for `input.agent`, best first, at most `topK` per kind.
   *
   * **Units** `topK`: items per kind; `maxTokens`: o200k_base tokens.
   * **Errors** `ValidationError` (bad input, unknown agent), `EmbeddingError`, `StorageError`.
   */
  readonly retrieve: (input: RetrieveInput, options?: RetrieveOptions) => Effect.Effect<MemorySlice, RetrieveError>
}

/**
 * Options of `retrieve` for callers that post-process a slice. `collapseRepeats` (default true):
 * leave out the outcomes a returned heuristic or anti-pattern summarises, and repeated strategy texts
 * (`internal/repeats.ts`). Workflow-scoped retrieval passes false when it filters by run, workflow or
 * tenant: a scope's records are returned as recorded, one per run.
 *
 * @since 0.1.0
 * @category models
 */
export interface RetrieveOptions {
  readonly collapseRepeats?: boolean | undefined
}

/**
 * @since 0.1.0
 * @category tags
 */
export class Retriever extends Context.Tag("alma-memory/Retriever")<Retriever, Service>() {}

/**
 * Retrieval settings. Defaults as in the original ALMA: topK 5, min score 0.2, half-life 30 days,
 * weights 0.4/0.3/0.2/0.1, prompt budget 2000 tokens.
 *
 * @since 0.1.0
 * @category models
 */
export interface Options {
  readonly projectId: string
  readonly defaultTopK?: number | undefined
  readonly minScore?: number | undefined
  readonly halfLifeDays?: number | undefined
  readonly weights?: Scoring.Weights | undefined
  readonly maxContextTokens?: number | undefined
  /**
   * Relevance floor in [0, 1] (`internal/relevance.ts`): a memory other than a preference enters a
   * slice only when its relevance to the task reaches it. Default: calibrated for the embedder's model
   * (local `use-lite-512`: 0.4), 0 for other models.
   */
  readonly relevanceFloor?: number | undefined
}

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
    const defaultMode: ModeConfig = {
      name: "default",
      topK: options.defaultTopK ?? Defaults.retrieval.topK,
      minScore: options.minScore ?? Defaults.retrieval.minScore,
      weights: Scoring.normalizeWeights(options.weights ?? Scoring.defaultWeights),
      includeAntiPatterns: true,
      diversity: 0,
      failureBoost: 1,
      exactMatchBoost: 1
    }
    const halfLife = options.halfLifeDays ?? Defaults.retrieval.halfLifeDays
    const floor = Relevance.floorFor(embedder.model, options.relevanceFloor)
    const defaultBudget = options.maxContextTokens ?? Defaults.retrieval.maxContextTokens

    /** Plan: which partitions to search, and how deep (`topK` × 2, × 3 more when diversifying). */
    const plan = (
      request: typeof RetrieveInput.Type,
      mode: ModeConfig,
      topK: number,
      kinds: ReadonlyArray<MemoryKind>,
      agentOwners: ReadonlyArray<Owner>
    ): ReadonlyArray<Storage.SearchScope> => {
      const k = topK * 2 * (mode.diversity > 0 ? 3 : 1)
      const agentKinds = kinds.filter((kind) => kind !== "user_preference")
      const scopes: Array<Storage.SearchScope> = []
      if (agentKinds.length > 0) scopes.push({ projectId, owners: agentOwners, kinds: agentKinds, k })
      if (request.userId !== undefined && kinds.includes("user_preference")) {
        scopes.push({ projectId, owners: [userOwner(request.userId)], kinds: ["user_preference"], k })
      }
      return scopes
    }

    /** Candidates: vector and lexical hits of every planned partition, loaded once, with both similarities. */
    const candidates = (
      scopes: ReadonlyArray<Storage.SearchScope>,
      task: string,
      query: Float32Array
    ): Effect.Effect<ReadonlyArray<Ranking.Candidate>, StorageError> =>
      Effect.gen(function*() {
        const hits = yield* Effect.forEach(scopes, (s) => Effect.all([storage.vectorSearch(s, query), storage.lexicalSearch(s, task)]))
        const lexical = new Map<MemoryId, number>()
        const ids = new Set<MemoryId>()
        for (const [vector, lex] of hits) {
          for (const h of vector) ids.add(h.id)
          for (const h of lex) {
            ids.add(h.id)
            lexical.set(h.id, h.bm25)
          }
        }
        const bestBm25 = Math.max(0, ...lexical.values())
        const records = yield* storage.getMany(projectId, [...ids])
        return records.map((r) => ({
          memory: r.memory,
          embedding: r.embedding,
          vector: Scoring.clamp01(Embedder.cosine(query, r.embedding)),
          lexical: bestBm25 > 0 ? (lexical.get(r.memory.id) ?? 0) / bestBm25 : 0
        }))
      })

    /** Plan, candidates, rank (`internal/ranking.ts`), select, then the slice with its token count. */
    const compute = (
      request: typeof RetrieveInput.Type,
      mode: ModeConfig,
      topK: number,
      kinds: ReadonlyArray<MemoryKind>,
      agentOwners: ReadonlyArray<Owner>,
      maxTokens: number,
      collapseRepeats: boolean
    ): Effect.Effect<MemorySlice, StorageError | EmbeddingError> =>
      Effect.gen(function*() {
        const started = yield* Clock.currentTimeNanos
        const [query] = yield* embedTexts(embedder, [request.task])
        const found = yield* candidates(plan(request, mode, topK, kinds, agentOwners), request.task, query!)
        const ranked = Ranking.rank(found, {
          mode,
          floor,
          queryWords: contentWords(request.task),
          halfLifeDays: halfLife,
          now: yield* Clock.currentTimeMillis,
          agent: request.agent
        })
        const lists = Ranking.select(ranked, topK, mode.diversity, collapseRepeats)
        const finished = yield* Clock.currentTimeNanos
        return MemorySlice.make({
          query: request.task,
          agent: request.agent,
          projectId,
          ...(request.userId !== undefined ? { userId: request.userId } : {}),
          mode: mode.name,
          ...lists,
          retrievalTimeMs: Number(finished - started) / 1e6,
          maxTokens,
          tokenCount: renderPrompt(lists, maxTokens).tokenCount,
          cacheHit: false
        })
      })

    const retrieve = Effect.fn("Retriever.retrieve")(function*(input: RetrieveInput, options?: RetrieveOptions) {
      const request = yield* decodeInput(RetrieveInput, input)
      const collapseRepeats = options?.collapseRepeats ?? true
      const started = yield* Clock.currentTimeNanos
      yield* Effect.annotateCurrentSpan({ "alma.agent": request.agent, "alma.project": projectId })
      const agentOwners = yield* scope.readableOwners(request.agent)
      const mode = request.mode === undefined
        ? defaultMode
        : request.mode === "auto"
        ? inferMode(request.task).mode
        : modes[request.mode]!
      const topK = request.topK ?? mode.topK
      const maxTokens = request.maxTokens ?? defaultBudget
      const requested = request.kinds ?? memoryKinds.filter((k) => k !== "anti_pattern" || mode.includeAntiPatterns)
      const kinds = memoryKinds.filter((k) => requested.includes(k))
      const owners = request.userId === undefined ? agentOwners : [...agentOwners, userOwner(request.userId)]
      const id = JSON.stringify([
        request.agent,
        request.userId ?? null,
        request.task.trim().replace(/\s+/g, " "),
        topK,
        kinds,
        mode.name,
        maxTokens,
        collapseRepeats
      ])
      const [slice, hit] = yield* cache.get(
        new MemoryCache.RetrievalKey(projectId, id, owners),
        compute(request, mode, topK, kinds, agentOwners, maxTokens, collapseRepeats)
      )
      if (!hit) return slice
      const finished = yield* Clock.currentTimeNanos
      return MemorySlice.make({ ...slice, cacheHit: true, retrievalTimeMs: Number(finished - started) / 1e6 })
    })

    return Retriever.of({ retrieve })
  })

/**
 * @since 0.1.0
 * @category layers
 */
export const layer = (options: Options) => Layer.effect(Retriever, make(options))
