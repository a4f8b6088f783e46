/**
 * The filtered top-10 phase of the `latency` suite: `Storage.vectorSearch` over one agent's partition
 * (1 owner of 10) and one memory kind, timed call by call, and its recall@k against an exact search:
 * brute-force cosine distance, in JavaScript, over the vectors of that partition as they were saved.
 * It replaces the standalone `src/bench/pg/bulk.ts` (removed; see commit bf5f598 for its COPY-against-
 * INSERT and index-off modes), which measured the same search on synthetic heuristics only.
 *
 * @since 0.1.0
 */
import { Layer, ManagedRuntime } from "effect"
import { Embedder, Storage } from "alma-memory"
import type { Ids } from "alma-memory"
import type { StorageLayer } from "./Backend.js"
import { kindMix } from "./Seed.js"
import { summarize, type Summary, timeCalls } from "./Stats.js"

/**
 * The saved vectors of each (owner, kind) partition, for exact search.
 *
 * @since 0.1.0
 * @category models
 */
export interface Partitions {
  readonly add: (record: Storage.StoredMemory) => void
  /** The ids of the `k` nearest memories by cosine distance (ties: saving order), nearest first. */
  readonly exact: (owner: string, kind: Ids.MemoryKind, vector: Float32Array, k: number) => ReadonlyArray<string>
  readonly size: (owner: string, kind: Ids.MemoryKind) => number
}

/**
 * An empty set of partitions.
 *
 * @since 0.1.0
 * @category constructors
 */
export const partitions = (): Partitions => {
  const byKey = new Map<string, { ids: Array<string>; vectors: Array<Float32Array> }>()
  const key = (owner: string, kind: string) => `${owner}\u0000${kind}`
  return {
    add: ({ embedding, memory }) => {
      if (!("agent" in memory)) return
      const k = key(memory.agent, memory.kind)
      let part = byKey.get(k)
      if (part === undefined) byKey.set(k, part = { ids: [], vectors: [] })
      part.ids.push(memory.id)
      part.vectors.push(embedding)
    },
    exact: (owner, kind, vector, k) => {
      const part = byKey.get(key(owner, kind))
      if (part === undefined) return []
      const scored = part.vectors.map((v, i) => ({ i, d: 1 - Embedder.cosine(vector, v) }))
      scored.sort((a, b) => a.d - b.d || a.i - b.i)
      return scored.slice(0, k).map((s) => part.ids[s.i]!)
    },
    size: (owner, kind) => byKey.get(key(owner, kind))?.ids.length ?? 0
  }
}

/**
 * One filtered search: the owner, the kind, the query vector and the query text (for the lexical leg).
 *
 * @since 0.1.0
 * @category models
 */
export interface SearchQuery {
  readonly owner: string
  readonly kind: Ids.MemoryKind
  readonly vector: Float32Array
  readonly text: string
}

/**
 * Filtered search figures of one kind (or of all queries).
 *
 * **Units** `latency` in ms; `recall`: mean over queries of |returned ∩ exact top k| / |exact top k|,
 * in [0, 1]; `minRecall`: the worst query's; `hitsPerQuery`: mean rows returned (k unless the
 * partition is smaller, or the index scan stopped early); `partitionSize`: mean memories in the
 * searched partitions.
 *
 * @since 0.1.0
 * @category models
 */
export interface SearchFigures {
  readonly queries: number
  readonly latency: Summary
  readonly recall: number
  readonly minRecall: number
  readonly hitsPerQuery: number
  readonly partitionSize: number
}

/**
 * The filtered top-k phase.
 *
 * **Shape** `all`: over every timed query; `byKind`: per memory kind; `lexical`: the same scopes
 * through `Storage.lexicalSearch` with the query's text (the other leg of `retrieve`'s hybrid search),
 * timed in a second pass over the same queries; `exactMs`: time of the JavaScript brute-force search (not a
 * library figure; for scale).
 *
 * @since 0.1.0
 * @category models
 */
export interface VectorSearchPhase {
  readonly k: number
  readonly method: string
  readonly all: SearchFigures
  readonly byKind: Readonly<Record<string, SearchFigures>>
  readonly lexical: { readonly all: Summary; readonly byKind: Readonly<Record<string, Summary>> }
  readonly exactMs: Summary
}

/**
 * The queries of the phase: query `i` searches its agent's partition of kind number `i mod 4` (outcome,
 * domain knowledge, heuristic, anti-pattern: the order of `kindMix`) with its vector.
 *
 * @since 0.1.0
 * @category constructors
 */
export const searchQueries = (
  queries: ReadonlyArray<{ readonly agent: string; readonly text: string; readonly vector: Float32Array }>
): Array<SearchQuery> =>
  queries.map((q, i) => ({ owner: q.agent, kind: kindMix[i % kindMix.length]![0], vector: q.vector, text: q.text }))

const figures = (rows: ReadonlyArray<{ ms: number; recall: number; hits: number; size: number }>): SearchFigures => ({
  queries: rows.length,
  latency: summarize(rows.map((r) => r.ms)),
  recall: rows.length === 0 ? NaN : rows.reduce((s, r) => s + r.recall, 0) / rows.length,
  minRecall: rows.length === 0 ? NaN : Math.min(...rows.map((r) => r.recall)),
  hitsPerQuery: rows.length === 0 ? NaN : rows.reduce((s, r) => s + r.hits, 0) / rows.length,
  partitionSize: rows.length === 0 ? NaN : rows.reduce((s, r) => s + r.size, 0) / rows.length
})

/**
 * Times `Storage.vectorSearch` (scope: project, one owner, one kind, `k`), then `Storage.lexicalSearch`
 * over the same scope, for each query after `warmup` untimed ones, one call at a time; then scores
 * each timed vector search against `exact`.
 *
 * **Errors** rejects with the storage's error.
 *
 * @since 0.1.0
 * @category constructors
 */
export const timeVectorSearch = async (
  storage: StorageLayer,
  embedder: Layer.Layer<Embedder.Embedder, unknown>,
  projectId: string,
  queries: ReadonlyArray<SearchQuery>,
  warmup: number,
  exact: Partitions,
  k = 10
): Promise<VectorSearchPhase> => {
  const runtime = ManagedRuntime.make(storage.pipe(Layer.provide(embedder)))
  try {
    const store = await runtime.runPromise(Storage.Storage)
    const returned: Array<ReadonlyArray<string>> = []
    const lexicalMs: Array<number> = []
    const samples = await timeCalls(warmup, queries.length - warmup, async (i) => {
      const q = queries[i]!
      const scope = { projectId, owners: [q.owner], kinds: [q.kind], k }
      const hits = await runtime.runPromise(store.vectorSearch(scope, q.vector))
      if (i >= warmup) returned.push(hits.map((h) => h.id))
    })
    await timeCalls(warmup, queries.length - warmup, async (i) => {
      const q = queries[i]!
      const t0 = performance.now()
      await runtime.runPromise(store.lexicalSearch({ projectId, owners: [q.owner], kinds: [q.kind], k }, q.text))
      if (i >= warmup) lexicalMs.push(performance.now() - t0)
    })
    const exactMs: Array<number> = []
    const rows = samples.map((ms, j) => {
      const q = queries[warmup + j]!
      const t0 = performance.now()
      const truth = exact.exact(q.owner, q.kind, q.vector, k)
      exactMs.push(performance.now() - t0)
      const found = new Set(returned[j])
      const recall = truth.length === 0 ? 1 : truth.filter((id) => found.has(id)).length / truth.length
      return { kind: q.kind, ms, recall, hits: returned[j]!.length, size: exact.size(q.owner, q.kind) }
    })
    const kinds = [...new Set(rows.map((r) => r.kind))]
    return {
      k,
      method: `Storage.vectorSearch, scope 1 owner × 1 kind, k ${k}; exact = brute-force cosine in JavaScript over the saved vectors`,
      all: figures(rows),
      byKind: Object.fromEntries(kinds.map((kind) => [kind, figures(rows.filter((r) => r.kind === kind))])),
      lexical: {
        all: summarize(lexicalMs),
        byKind: Object.fromEntries(kinds.map((kind) => [kind, summarize(lexicalMs.filter((_, j) => rows[j]!.kind === kind))]))
      },
      exactMs: summarize(exactMs)
    }
  } finally {
    await runtime.dispose()
  }
}
