/**
 * Where `retrieve` spends its time: the Storage calls it makes (vectorSearch, lexicalSearch, getMany)
 * timed on their own through the Storage service, the same SQL timed raw on better-sqlite3 (no
 * Effect, no Schema decoding), and the prompt rendering (o200k token counting) of the slices.
 */
import Database from "better-sqlite3"
import type { ManagedRuntime } from "effect"
import * as sqliteVec from "sqlite-vec"
import { ftsQuery, partitionKey, partitionToken, toBlob } from "../layers/sqlite/internal/rows.js"
import type { MemoryId, MemoryKind } from "../src/domain/Ids.js"
import type { MemorySlice } from "../src/domain/MemorySlice.js"
import { renderPrompt } from "../src/internal/prompt.js"
import * as Storage from "../src/services/Storage.js"
import { summarize, type Summary, timeCalls } from "./stats.js"

export interface Query {
  readonly agent: string
  readonly text: string
  readonly vector: Float32Array
}

/** The kinds `retrieve` searches for an agent without a userId, and its default per-partition k. */
export const searchedKinds: ReadonlyArray<MemoryKind> = ["heuristic", "anti_pattern", "domain_knowledge", "outcome"]
export const defaultFetchK = 10

const scopeOf = (projectId: string, agent: string): Storage.SearchScope => ({
  projectId,
  owners: [agent],
  kinds: searchedKinds,
  k: defaultFetchK
})

/** Each Storage call of one retrieve, timed separately over the same queries. */
export const storageBreakdown = async (
  runtime: ManagedRuntime.ManagedRuntime<Storage.Storage, unknown>,
  projectId: string,
  queries: ReadonlyArray<Query>,
  warmup: number
): Promise<Record<string, Summary>> => {
  const storage = await runtime.runPromise(Storage.Storage)
  const q = (i: number) => queries[i % queries.length]!
  const ids = new Map<number, ReadonlyArray<MemoryId>>()
  const vector = await timeCalls(warmup, queries.length - warmup, async (i) => {
    const hits = await runtime.runPromise(storage.vectorSearch(scopeOf(projectId, q(i).agent), q(i).vector))
    ids.set(i, hits.map((h) => h.id))
  })
  const lexical = await timeCalls(warmup, queries.length - warmup, async (i) => {
    const hits = await runtime.runPromise(storage.lexicalSearch(scopeOf(projectId, q(i).agent), q(i).text))
    ids.set(i, [...new Set([...(ids.get(i) ?? []), ...hits.map((h) => h.id)])])
  })
  const idCounts: Array<number> = []
  const getMany = await timeCalls(warmup, queries.length - warmup, async (i) => {
    const wanted = ids.get(i) ?? []
    idCounts.push(wanted.length)
    await runtime.runPromise(storage.getMany(projectId, wanted))
  })
  return {
    "Storage.vectorSearch (4 partitions, k=10)": summarize(vector),
    "Storage.lexicalSearch (4 partitions, k=10)": summarize(lexical),
    "Storage.getMany (union of hits)": summarize(getMany),
    "ids fetched by getMany (count, not ms)": summarize(idCounts)
  }
}

/** Time of renderPrompt (token counting included) on slices `retrieve` returned. */
export const renderBreakdown = (slices: ReadonlyArray<MemorySlice>): Summary =>
  summarize(slices.map((s) => {
    const t0 = performance.now()
    renderPrompt(s, s.maxTokens)
    return performance.now() - t0
  }))

/**
 * The SQL of one retrieve, raw on better-sqlite3: KNN and FTS per partition, then the getMany select.
 * Run with SQLite's default page cache (as the library opens the file) and, when `configs` has
 * `true`, with a 1 GiB memory map and 256 MiB page cache, to show whether page I/O limits the scans.
 */
export const rawBreakdown = (
  filename: string,
  projectId: string,
  queries: ReadonlyArray<Query>,
  warmup: number,
  configs: ReadonlyArray<boolean> = [false, true]
): Record<string, Summary> => {
  const result: Record<string, Summary> = {}
  for (const tuned of configs) {
    const db = new Database(filename, { readonly: true })
    try {
      sqliteVec.load(db)
      if (tuned) {
        db.pragma("mmap_size = 1073741824")
        db.pragma("cache_size = -262144")
      }
      const knn = db.prepare(
        `select memory_seq, distance from memory_vectors where embedding match ? and k = ? and part = ?`
      )
      const fts = db.prepare(
        `select rowid as seq, bm25(memory_fts, 1.0, 0.0) as score from memory_fts where memory_fts match ?
         order by score limit ?`
      )
      // For comparison: the same terms over the whole index (all agents and kinds), no partition token.
      const ftsGlobal = db.prepare(
        `select rowid as seq from memory_fts where memory_fts match ? order by bm25(memory_fts, 1.0, 0.0) limit ?`
      )
      const globalAll: Array<number> = []
      const matchAll: Array<number> = []
      const countMatches = db.prepare(`select count(*) as n from memory_fts where memory_fts match ?`)
      const label = tuned ? "mmap 1 GiB + cache 256 MiB" : "default pragmas"
      const perKind: Record<string, Array<number>> = {}
      const knnAll: Array<number> = []
      const ftsAll: Array<number> = []
      const fetchAll: Array<number> = []
      queries.forEach((query, i) => {
        const timed = i >= warmup
        const seqs = new Set<number | bigint>()
        let tk = 0
        let tf = 0
        for (const kind of searchedKinds) {
          const part = partitionKey(projectId, query.agent, kind)
          const t0 = performance.now()
          const rows = knn.all(toBlob(query.vector), defaultFetchK, part) as Array<{ memory_seq: number }>
          const t1 = performance.now()
          const terms = Storage.queryTerms(query.text)
          const lex = terms.length === 0
            ? []
            : (fts.all(ftsQuery(partitionToken(part), terms), defaultFetchK) as Array<{ seq: number }>)
          const t2 = performance.now()
          tk += t1 - t0
          tf += t2 - t1
          if (timed) (perKind[kind] ??= []).push(t1 - t0)
          for (const r of rows) seqs.add(r.memory_seq)
          for (const r of lex) seqs.add(r.seq)
        }
        const terms = Storage.queryTerms(query.text)
        if (timed && terms.length > 0) {
          const words = `words : (${terms.map((t) => `"${t}"`).join(" OR ")})`
          const g0 = performance.now()
          ftsGlobal.all(words, defaultFetchK)
          globalAll.push(performance.now() - g0)
          if (!tuned) matchAll.push((countMatches.get(words) as { n: number }).n)
        }
        const list = [...seqs]
        const t3 = performance.now()
        db.prepare(
          `with picked as materialized (select seq, body from memories where seq in (${list.map(() => "?").join(",")}))
           select p.body, v.embedding from picked p join memory_vectors v on v.memory_seq = p.seq`
        ).all(...list)
        const t4 = performance.now()
        if (timed) {
          knnAll.push(tk)
          ftsAll.push(tf)
          fetchAll.push(t4 - t3)
        }
      })
      result[`raw KNN, 4 partitions [${label}]`] = summarize(knnAll)
      for (const [kind, samples] of Object.entries(perKind)) {
        result[`raw KNN, ${kind} partition [${label}]`] = summarize(samples)
      }
      result[`raw FTS5, 4 partitions [${label}]`] = summarize(ftsAll)
      result[`raw FTS5, same terms over the whole index, once [${label}]`] = summarize(globalAll)
      if (!tuned) result["documents matching the query terms, whole index (count, not ms)"] = summarize(matchAll)
      result[`raw body+vector fetch [${label}]`] = summarize(fetchAll)
    } finally {
      db.close()
    }
  }
  return result
}
