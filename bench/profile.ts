/**
 * Where `retrieve` spends its time: the Storage calls it makes (vectorSearch, lexicalSearch, getMany)
 * timed on their own through the Storage service, the same SQL timed raw on better-sqlite3 (no
 * Effect, no Schema decoding), and the prompt rendering (o200k token counting) of the slices.
 */
import Database from "better-sqlite3"
import type { ManagedRuntime } from "effect"
import * as sqliteVec from "sqlite-vec"
import { ftsQuery, partitionKey, toBlob, vectorCode } from "../layers/sqlite/internal/rows.js"
import type { MemoryId, MemoryKind } from "../src/domain/Ids.js"
import type { MemorySlice } from "../src/domain/MemorySlice.js"
import { renderPrompt } from "../src/internal/prompt.js"
import * as Storage from "../src/services/Storage.js"
import { summarize, type Summary, timeCalls } from "./stats.js"

export interface Query {
  readonly agent: string
  readonly text: string
  readonly vector: Float32Array
  /** The task type the query text was generated for. */
  readonly taskType?: string
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
): Promise<{ readonly breakdown: Record<string, Summary>; readonly vectorIds: ReadonlyMap<number, ReadonlyArray<MemoryId>> }> => {
  const storage = await runtime.runPromise(Storage.Storage)
  const q = (i: number) => queries[i % queries.length]!
  const ids = new Map<number, ReadonlyArray<MemoryId>>()
  const vectorIds = new Map<number, ReadonlyArray<MemoryId>>()
  const vector = await timeCalls(warmup, queries.length - warmup, async (i) => {
    const hits = await runtime.runPromise(storage.vectorSearch(scopeOf(projectId, q(i).agent), q(i).vector))
    ids.set(i, hits.map((h) => h.id))
    vectorIds.set(i, hits.map((h) => h.id))
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
    breakdown: {
      "Storage.vectorSearch (4 partitions, k=10)": summarize(vector),
      "Storage.lexicalSearch (4 partitions, k=10)": summarize(lexical),
      "Storage.getMany (union of hits)": summarize(getMany),
      "ids fetched by getMany (count, not ms)": summarize(idCounts)
    },
    vectorIds
  }
}

/** Time of renderPrompt (token counting included) on slices `retrieve` returned. */
export const renderBreakdown = (slices: ReadonlyArray<MemorySlice>): Summary =>
  summarize(slices.map((s) => {
    const t0 = performance.now()
    renderPrompt(s, s.maxTokens)
    return performance.now() - t0
  }))

/** Candidates per partition the library takes from the code scan for k = 10 (`queries.ts`). */
export const candidatesFor = (k: number): number => Math.min(4096, Math.max(k * 5, 50))

/**
 * The SQL of one retrieve, raw on better-sqlite3: per partition, the candidate-code KNN with the exact
 * re-ranking and the FTS5 query (as the library runs them, one statement per partition here so that
 * each can be timed), then the getMany select. Run with SQLite's default page cache and no mmap and,
 * when `configs` has `true`, with a 1 GiB memory map and 256 MiB page cache, as `layerWith` opens the
 * file.
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
      const candidates = candidatesFor(defaultFetchK)
      const knn = db.prepare(
        `with c as materialized (select memory_seq as seq from memory_codes
           where code match vec_bit(?) and k = ? and part = ?)
         select c.seq as seq, vec_distance_cosine(v.embedding, ?) as distance
         from c join memory_vectors v on v.memory_seq = c.seq order by distance limit ?`
      )
      const tables = new Map(
        (db.prepare("select part, name from memory_fts_tables").all() as Array<{ part: string; name: string }>)
          .map((r) => [r.part, r.name])
      )
      const fts = (name: string) =>
        db.prepare(`select rowid as seq, bm25(${name}) as score from ${name} where ${name} match ? order by score limit ?`)
      const count = (name: string) => db.prepare(`select count(*) as n from ${name} where ${name} match ?`)
      const label = tuned ? "mmap 1 GiB + cache 256 MiB" : "default pragmas"
      const perKind: Record<string, Array<number>> = {}
      const knnAll: Array<number> = []
      const ftsAll: Array<number> = []
      const fetchAll: Array<number> = []
      const matchAll: Array<number> = []
      queries.forEach((query, i) => {
        const timed = i >= warmup
        const seqs = new Set<number | bigint>()
        const terms = Storage.queryTerms(query.text)
        let tk = 0
        let tf = 0
        let matches = 0
        for (const kind of searchedKinds) {
          const part = partitionKey(projectId, query.agent, kind)
          const name = tables.get(part)
          const t0 = performance.now()
          const rows = knn.all(vectorCode(query.vector), candidates, part, toBlob(query.vector), defaultFetchK) as Array<
            { seq: number }
          >
          const t1 = performance.now()
          const lex = terms.length === 0 || name === undefined
            ? []
            : (fts(name).all(ftsQuery(terms), defaultFetchK) as Array<{ seq: number }>)
          const t2 = performance.now()
          tk += t1 - t0
          tf += t2 - t1
          if (timed) (perKind[kind] ??= []).push(t1 - t0)
          if (timed && !tuned && name !== undefined && terms.length > 0) {
            matches += (count(name).get(ftsQuery(terms)) as { n: number }).n
          }
          for (const r of rows) seqs.add(r.seq)
          for (const r of lex) seqs.add(r.seq)
        }
        const list = [...seqs]
        const t3 = performance.now()
        db.prepare(
          `select m.body, v.embedding from memories m join memory_vectors v on v.memory_seq = m.seq
           where m.seq in (${list.map(() => "?").join(",")})`
        ).all(...list)
        const t4 = performance.now()
        if (timed) {
          knnAll.push(tk)
          ftsAll.push(tf)
          fetchAll.push(t4 - t3)
          if (!tuned) matchAll.push(matches)
        }
      })
      result[`raw KNN (codes, ${candidates} candidates + exact re-rank), 4 partitions [${label}]`] = summarize(knnAll)
      for (const [kind, samples] of Object.entries(perKind)) {
        result[`raw KNN, ${kind} partition [${label}]`] = summarize(samples)
      }
      result[`raw FTS5, 4 partitions [${label}]`] = summarize(ftsAll)
      if (!tuned) result["documents of the 4 partitions matching the query terms (count, not ms)"] = summarize(matchAll)
      result[`raw body+vector fetch [${label}]`] = summarize(fetchAll)
    } finally {
      db.close()
    }
  }
  return result
}

/**
 * Recall of the vector search: for each query and searched partition, the share of the exact 10
 * nearest (brute-force cosine over the partition's float vectors) that `Storage.vectorSearch`
 * returned. Also times the brute-force exact scan, the cost the candidate codes avoid.
 */
export const vectorRecall = (
  filename: string,
  projectId: string,
  queries: ReadonlyArray<Query>,
  returned: ReadonlyMap<number, ReadonlyArray<MemoryId>>
): { readonly recall: number; readonly partitions: number; readonly exactScan: Summary } => {
  const db = new Database(filename, { readonly: true })
  try {
    sqliteVec.load(db)
    db.pragma("mmap_size = 1073741824")
    db.pragma("cache_size = -262144")
    const exact = db.prepare(
      `select m.id as id, vec_distance_cosine(v.embedding, ?) as distance
       from memories m join memory_vectors v on v.memory_seq = m.seq
       where m.project_id = ? and m.owner = ? and m.kind = ? order by distance limit ?`
    )
    let found = 0
    let total = 0
    let partitions = 0
    const times: Array<number> = []
    for (const [i, ids] of returned) {
      const query = queries[i]!
      const got = new Set(ids)
      const t0 = performance.now()
      for (const kind of searchedKinds) {
        const rows = exact.all(toBlob(query.vector), projectId, query.agent, kind, defaultFetchK) as Array<{ id: string }>
        partitions++
        for (const r of rows) {
          total++
          if (got.has(r.id as MemoryId)) found++
        }
      }
      times.push(performance.now() - t0)
    }
    return { recall: total === 0 ? 1 : found / total, partitions, exactScan: summarize(times) }
  } finally {
    db.close()
  }
}
