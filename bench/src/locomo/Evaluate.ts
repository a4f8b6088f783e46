/**
 * One LoCoMo sample against one embedder: a fresh in-memory SQLite stack holding only that
 * conversation, every turn stored through `addKnowledgeBatch`, then every QA item with evidence
 * ranked by each configuration.
 *
 * @since 0.1.0
 */
import type { Clock } from "effect"
import { Context, Effect, Layer } from "effect"
import { AgentScope, Alma, AlmaService, Embedder, EmbedText, MemorySlice, Prompt, ScoreBreakdown, SqliteStorage, Storage } from "alma-memory"
import type { ConfigurationError, EmbeddingError, Memory, Retriever, ScopeViolationError, StorageError, ValidationError } from "alma-memory"
import type { FactFormat, Sample, Turn } from "./Dataset.js"
import { turnFact } from "./Dataset.js"
import type { Judged } from "./Metrics.js"
import type { Candidate, Fusion } from "./Rankers.js"
import { fuseRanking, neighbourRanking, overlapRanking, words } from "./Rankers.js"

/**
 * Errors of a run: the stack's (ConfigurationError, StorageError, EmbeddingError), ingestion's
 * (ValidationError, ScopeViolationError).
 *
 * @since 0.1.0
 * @category errors
 */
export type EvaluateError =
  | ConfigurationError
  | StorageError
  | EmbeddingError
  | ValidationError
  | ScopeViolationError

/**
 * What to run for one sample.
 *
 * **Units** `candidates`: hits fetched from each of the vector and BM25 lists for the experimental
 * fusions (20 = what `retrieve` fetches for topK 10).
 *
 * @since 0.1.0
 * @category models
 */
export interface EvaluateSettings {
  /** Model id used in configuration ids (`vector:<embedder>`, `hybrid:<embedder>`). */
  readonly embedder: string
  readonly factFormat: FactFormat
  readonly retrieval?: Omit<Retriever.Options, "projectId"> | undefined
  /** Also run the embedder-independent configurations (word overlap, BM25). */
  readonly reference: boolean
  readonly fusions: ReadonlyArray<Fusion>
  readonly candidates: number
  /** Clock the memories are stored under, so that every turn gets the same timestamp. */
  readonly storeClock: Clock.Clock
  readonly onStep: (units: number) => void
}

/** Project and memory domain of the stored turns. */
const projectId = "locomo"
const domain = "conversation"
const BATCH = 500

/** Judged queries per configuration id. */
type Results = Map<string, Array<Judged>>

const push = (results: Results, id: string, judged: Judged) => {
  const list = results.get(id) ?? []
  list.push(judged)
  results.set(id, list)
}

/** Tokens of the prompt a top-5 slice of these memories renders (best first). */
const sliceTokens = (question: string, agent: string, memories: ReadonlyArray<Memory.DomainKnowledge>): number => {
  const domainKnowledge = memories.slice(0, 5).map((memory, i) => ({
    memory,
    score: ScoreBreakdown.make({
      vector: 0, lexical: 0, similarity: 0, recency: 0, success: 0, confidence: 0, final: 1 - i / 100
    })
  }))
  const slice = MemorySlice.make({
    query: question, agent, projectId, mode: "bench", heuristics: [], antiPatterns: [], preferences: [], domainKnowledge,
    outcomes: [], retrievalTimeMs: 0, maxTokens: 2000, tokenCount: 0, cacheHit: false
  })
  return Prompt.tokenCount(slice.toPrompt())
}

/**
 * Stores `sample` and judges every QA item with evidence under each configuration; returns the
 * judged queries per configuration id (`word-overlap`, `idf-overlap`, `lexical` when `reference`;
 * `vector:<embedder>`, `hybrid:<embedder>`, `hybrid-top5:<embedder>`, `exp:<fusion>:<embedder>`).
 *
 * **Errors** `EvaluateError`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const evaluateSample = (
  sample: Sample,
  embedder: Context.Context<Embedder.Embedder>,
  settings: EvaluateSettings
): Effect.Effect<Results, EvaluateError> =>
  Effect.scoped(Effect.gen(function*() {
    const agent = sample.id.replace(/[^A-Za-z0-9_.:-]/g, "_").slice(0, 128) || "sample"
    const services = yield* Layer.build(Alma.layerWith(
      SqliteStorage.layerWith({ filename: ":memory:" }),
      Layer.succeedContext(embedder),
      {
        projectId,
        agents: [AgentScope.make({ agent, canLearn: [domain] })],
        cache: { timeToLive: 0 },
        retrieval: settings.retrieval
      }
    ))
    const alma = Context.get(services, AlmaService.Alma)
    const storage = Context.get(services, Storage.Storage)
    const model = Context.get(services, Embedder.Embedder)

    const batches: Array<ReadonlyArray<Turn>> = []
    for (let i = 0; i < sample.turns.length; i += BATCH) batches.push(sample.turns.slice(i, i + BATCH))
    const stored: Array<Memory.DomainKnowledge> = []
    for (const batch of batches) {
      const saved = yield* alma.addKnowledgeBatch(batch.map((t) => ({
        agent,
        domain,
        fact: turnFact(t, settings.factFormat),
        metadata: { dia_id: t.diaId, session: t.session, date: t.date }
      }))).pipe(Effect.withClock(settings.storeClock))
      stored.push(...saved)
      settings.onStep(batch.length)
    }
    const dia = new Map<string, string>(stored.map((m, i) => [m.id, sample.turns[i]!.diaId]))
    const byId = new Map<string, Memory.DomainKnowledge>(stored.map((m) => [m.id, m]))
    const records = yield* storage.getMany(projectId, stored.map((m) => m.id))
    const embeddings = new Map<string, Float32Array>(records.map((r) => [r.memory.id, r.embedding]))
    const docs = stored.map((m) => ({ id: m.id, words: words(m.fact) }))
    const order = stored.map((m, i) => ({ id: m.id, session: sample.turns[i]!.session }))

    const results: Results = new Map()
    const tokensOf = new Map<string, number>()
    const top5Tokens = (question: string, ids: ReadonlyArray<string>): number => {
      const key = ids.slice(0, 5).join(",")
      const cached = tokensOf.get(key)
      if (cached !== undefined) return cached
      const n = sliceTokens(question, agent, ids.slice(0, 5).map((m) => byId.get(m)!))
      tokensOf.set(key, n)
      return n
    }
    const scope: Storage.SearchScope = { projectId, owners: [agent], kinds: ["domain_knowledge"], k: settings.candidates }
    for (const q of sample.questions) {
      if (q.evidence.length === 0) continue
      const judge = (id: string, ids: ReadonlyArray<string>) =>
        push(results, id, {
          category: q.category,
          evidence: q.evidence,
          ranked: ids.slice(0, 10).map((m) => dia.get(m)!),
          tokens: top5Tokens(q.question, ids)
        })

      // The product's default path: default mode and weights, retrieval cache disabled.
      const slice = yield* alma.retrieve({ task: q.question, agent, kinds: ["domain_knowledge"], topK: 10 })
      push(results, `hybrid:${settings.embedder}`, {
        category: q.category,
        evidence: q.evidence,
        ranked: slice.domainKnowledge.map((i) => dia.get(i.memory.id)!),
        tokens: Prompt.tokenCount(MemorySlice.make({ ...slice, domainKnowledge: slice.domainKnowledge.slice(0, 5) }).toPrompt())
      })
      // As a caller who leaves topK at its default (5) gets it: a smaller candidate pool (10 + 10).
      const five = yield* alma.retrieve({ task: q.question, agent, kinds: ["domain_knowledge"], topK: 5 })
      judge(`hybrid-top5:${settings.embedder}`, five.domainKnowledge.map((i) => i.memory.id))

      const [query] = yield* EmbedText.embedTexts(model, [q.question])
      const vector = yield* storage.vectorSearch(scope, query!)
      const lexical = yield* storage.lexicalSearch(scope, q.question)
      judge(`vector:${settings.embedder}`, vector.map((h) => h.id))
      if (settings.reference) {
        judge("lexical", lexical.map((h) => h.id))
        judge("word-overlap", overlapRanking(q.question, docs, 10, "count"))
        judge("idf-overlap", overlapRanking(q.question, docs, 10, "idf"))
      }
      if (settings.fusions.length > 0) {
        const best = Math.max(0, ...lexical.map((h) => h.bm25))
        const ids = [...new Set<string>([...vector.map((h) => h.id), ...lexical.map((h) => h.id)])]
        const candidates: Array<Candidate> = ids.map((id) => {
          const v = vector.findIndex((h) => h.id === id)
          const l = lexical.findIndex((h) => h.id === id)
          return {
            id,
            vector: Math.min(1, Math.max(0, Embedder.cosine(query!, embeddings.get(id)!))),
            lexical: l < 0 || best <= 0 ? 0 : lexical[l]!.bm25 / best,
            vectorRank: v < 0 ? undefined : v + 1,
            lexicalRank: l < 0 ? undefined : l + 1
          }
        })
        for (const f of settings.fusions) {
          const ranked = f.neighbours === undefined
            ? fuseRanking(f, candidates, 10)
            : neighbourRanking(f, candidates, order, 10)
          judge(`exp:${f.name}:${settings.embedder}`, ranked)
        }
      }
      settings.onStep(1)
    }
    return results
  }))
