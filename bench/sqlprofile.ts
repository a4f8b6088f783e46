/**
 * Raw-SQL profiles on better-sqlite3: the FTS5 vocabulary of the seeded file, and the `Storage.list`
 * query `learn` runs three times (with and without its vector join, and the Schema decoding of the
 * bodies), to attribute the time of one learn.
 */
import Database from "better-sqlite3"
import { Schema } from "effect"
import * as sqliteVec from "sqlite-vec"
import { MemoryJson } from "../layers/sqlite/internal/rows.js"
import { summarize, type Summary } from "./stats.js"

export interface Vocabulary {
  readonly documents: number
  readonly distinctTerms: number
  /** The most frequent terms (porter stems) and the share of documents containing each. */
  readonly top: ReadonlyArray<{ readonly term: string; readonly documentShare: number }>
}

/** Distinct terms and document frequencies of the FTS5 index (partition tokens excluded). */
export const vocabulary = (filename: string): Vocabulary => {
  const db = new Database(filename)
  try {
    sqliteVec.load(db)
    db.exec("create virtual table temp.bench_vocab using fts5vocab(main, memory_fts, 'row')")
    const documents = (db.prepare("select count(*) as n from memories").get() as { n: number }).n
    const distinctTerms = (db.prepare("select count(*) as n from temp.bench_vocab where term not glob 'p[0-9]*'").get() as {
      n: number
    }).n
    const top = (db.prepare(
      "select term, doc from temp.bench_vocab where term not glob 'p[0-9]*' order by doc desc limit 12"
    ).all() as Array<{ term: string; doc: number }>).map((r) => ({
      term: r.term,
      documentShare: Math.round((r.doc / documents) * 1000) / 1000
    }))
    return { documents, distinctTerms, top }
  } finally {
    db.close()
  }
}

/**
 * The three `list` reads of one learn, raw: outcomes of (agent, task type) and heuristics of (agent,
 * task type), then the agent's anti-patterns, each newest first, limit 200; with the vector join the
 * library always does, without it, and the Schema decoding of the returned bodies.
 */
export const listBreakdown = (
  filename: string,
  projectId: string,
  pairs: ReadonlyArray<{ readonly agent: string; readonly taskType: string }>
): Record<string, Summary> => {
  const db = new Database(filename, { readonly: true })
  const decode = Schema.decodeUnknownSync(Schema.Array(MemoryJson))
  try {
    sqliteVec.load(db)
    const filters = [
      "kind = 'outcome' and task_type = ?",
      "kind = 'heuristic' and task_type = ?",
      "kind = 'anti_pattern'"
    ]
    const picked = (filter: string) =>
      `select seq, body, created_at from memories where project_id = ? and owner = ? and ${filter}
       order by created_at desc, seq desc limit 200`
    const withVectors = filters.map((f) =>
      db.prepare(`with picked as materialized (${picked(f)}) select p.body as body, v.embedding as embedding
        from picked p join memory_vectors v on v.memory_seq = p.seq order by p.created_at desc, p.seq desc`)
    )
    const bodiesOnly = filters.map((f) => db.prepare(picked(f)))
    const joined: Array<number> = []
    const bodies: Array<number> = []
    const decoding: Array<number> = []
    for (const { agent, taskType } of pairs) {
      const params = (i: number) => (i < 2 ? [projectId, agent, taskType] : [projectId, agent])
      const t0 = performance.now()
      withVectors.forEach((stmt, i) => stmt.all(...params(i)))
      const t1 = performance.now()
      const rows = bodiesOnly.flatMap((stmt, i) => stmt.all(...params(i)) as Array<{ body: string }>)
      const t2 = performance.now()
      decode(rows.map((r) => r.body))
      const t3 = performance.now()
      joined.push(t1 - t0)
      bodies.push(t2 - t1)
      decoding.push(t3 - t2)
    }
    return {
      "raw: the 3 list queries of a learn, with vector join": summarize(joined),
      "raw: the 3 list queries, bodies only (no vectors)": summarize(bodies),
      "Schema decode of their bodies (MemoryJson)": summarize(decoding)
    }
  } finally {
    db.close()
  }
}
