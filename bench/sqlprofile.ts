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

/** Distinct terms and document frequencies over all the partitions' FTS5 tables. */
export const vocabulary = (filename: string): Vocabulary => {
  const db = new Database(filename)
  try {
    sqliteVec.load(db)
    const documents = (db.prepare("select count(*) as n from memories").get() as { n: number }).n
    const docs = new Map<string, number>()
    for (const { name } of db.prepare("select name from memory_fts_tables").all() as Array<{ name: string }>) {
      db.exec(`create virtual table temp.bench_vocab using fts5vocab(main, ${name}, 'row')`)
      for (const r of db.prepare("select term, doc from temp.bench_vocab").all() as Array<{ term: string; doc: number }>) {
        docs.set(r.term, (docs.get(r.term) ?? 0) + r.doc)
      }
      db.exec("drop table temp.bench_vocab")
    }
    const top = [...docs].sort((a, b) => b[1] - a[1]).slice(0, 12).map(([term, doc]) => ({
      term,
      documentShare: Math.round((doc / documents) * 1000) / 1000
    }))
    return { documents, distinctTerms: docs.size, top }
  } finally {
    db.close()
  }
}

/**
 * The three `list` reads of one learn, raw: outcomes, heuristics and anti-patterns of (agent, task
 * type), each newest first, limit 200 (bodies only, as `Storage.list` reads them), and the Schema
 * decoding of the returned bodies.
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
    const bodiesOnly = ["outcome", "heuristic", "anti_pattern"].map((kind) =>
      db.prepare(
        `select body from memories where project_id = ? and owner in (?) and kind in ('${kind}') and task_type = ?
         order by created_at desc, seq desc limit 200`
      )
    )
    const bodies: Array<number> = []
    const decoding: Array<number> = []
    const counts: Array<number> = []
    for (const { agent, taskType } of pairs) {
      const t1 = performance.now()
      const rows = bodiesOnly.flatMap((stmt) => stmt.all(projectId, agent, taskType) as Array<{ body: string }>)
      const t2 = performance.now()
      decode(rows.map((r) => r.body))
      const t3 = performance.now()
      bodies.push(t2 - t1)
      decoding.push(t3 - t2)
      counts.push(rows.length)
    }
    return {
      "raw: the 3 list queries of a learn (bodies)": summarize(bodies),
      "Schema decode of their bodies (MemoryJson)": summarize(decoding),
      "bodies read by the 3 lists (count, not ms)": summarize(counts)
    }
  } finally {
    db.close()
  }
}
