/**
 * Searches of user owners (`@user/<userId>`, a user's preferences). All users of a project share one
 * index partition per kind (`rows.indexPartitionKey`), so their searches never scan that partition:
 * each runs over the user's own rows, found through `memories_by_partition`
 * (project_id, owner, kind, created_at), and is exact.
 *
 * - Vector search ranks every one of the user's vectors by exact cosine distance (`vec_distance_cosine`
 *   over `memory_vectors`): the same ranking an own partition gave, with no candidate step.
 * - Lexical search scores with BM25 over the user's rows alone (their count, average length and
 *   document frequencies), as an own FTS5 table scored: the user's texts (`searchTextSql`) are indexed
 *   into a temporary contentless FTS5 table (same tokenizer, connection-private, emptied after each
 *   search) inside one transaction.
 *   The shared FTS5 table first tells whether any of the user's rows matches at all, so a query that
 *   matches nothing of the user's indexes nothing.
 *
 * Both cost what the user holds, whatever the number of users.
 *
 * @since 0.1.0
 */
import type * as SqlClient from "@effect/sql/SqlClient"
import { Array as Arr, Effect } from "effect"
import type { MemoryId, MemoryKind } from "../../../src/domain/Ids.js"
import type * as Storage from "../../../src/services/Storage.js"
import { indexPartitionKey, toBlob } from "./rows.js"

/** User partitions per vector-search statement (one compound `SELECT` branch each; SQLite allows 500). */
const branchesPerStatement = 100

/** Rowids per `IN` list. */
const chunkSize = 250

/** The connection's temporary FTS5 table of lexical search (in `temp`: never in the database file). */
const scratch = "alma_user_fts"

/**
 * `searchText` (src/domain/Memory.ts) of a `memories` row, in SQL over its JSON `body`, so a user's
 * texts are indexed without leaving SQLite (test/layers/SqliteUserPartitions.test.ts checks it
 * against `searchText` for every kind).
 *
 * @since 0.1.0
 * @category constructors
 */
export const searchTextSql = `case kind
  when 'heuristic' then json_extract(body, '$.condition') || '. ' || json_extract(body, '$.strategy')
  when 'outcome' then json_extract(body, '$.task') || '. ' || json_extract(body, '$.strategyUsed')
  when 'user_preference' then json_extract(body, '$.category') || ': ' || json_extract(body, '$.preference')
  when 'domain_knowledge' then json_extract(body, '$.domain') || ': ' || json_extract(body, '$.fact')
  when 'anti_pattern' then json_extract(body, '$.pattern') || '. ' || json_extract(body, '$.whyBad')
end`

/**
 * One user partition of a search: its (owner, kind) and its index in the caller's partition list.
 *
 * @since 0.1.0
 * @category models
 */
export interface UserPartition {
  readonly p: number
  readonly owner: string
  readonly kind: MemoryKind
}

/**
 * The searches over one client. Each expects `k` already clamped to 1..4,096 and the vector already
 * checked against the file's dimension.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (sql: SqlClient.SqlClient) => {
  const scratchName = sql.literal(scratch)
  const scratchTable = sql.literal(`temp.${scratch}`)
  /** The best `k` of each partition by exact cosine distance (smaller first), with `p` of their partition. */
  const vectorSearch = (projectId: string, parts: ReadonlyArray<UserPartition>, vector: Float32Array, k: number) =>
    Effect.gen(function*() {
      const blob = toBlob(vector)
      const hits: Array<{ readonly p: number; readonly hit: Storage.VectorHit }> = []
      for (const group of Arr.chunksOf(parts, branchesPerStatement)) {
        const branches = group.map(({ kind, owner, p }) =>
          sql`select * from (select m.id as id, ${p} as p, vec_distance_cosine(v.embedding, ${blob}) as score
            from memories m join memory_vectors v on v.memory_seq = m.seq
            where m.project_id = ${projectId} and m.owner = ${owner} and m.kind = ${kind}
            order by score limit ${k})`
        )
        const rows = yield* sql<{ readonly id: string; readonly p: number; readonly score: number }>`${
          sql.join(" union all ", false)(branches)
        }`.withoutTransform
        for (const row of rows) hits.push({ p: row.p, hit: { id: row.id as MemoryId, distance: row.score } })
      }
      return hits
    })

  // The shared FTS5 table of the user's (project, kind), looked up each time (a primary-key read): a
  // cache could keep a table created by a write transaction that then rolled back.
  const sharedTable = (projectId: string, part: UserPartition) =>
    Effect.map(
      sql<{ readonly name: string }>`select name from memory_fts_tables
        where part = ${indexPartitionKey(projectId, part.owner, part.kind)}`.withoutTransform,
      ([row]) => row?.name
    )

  /** Whether any of `seqs` matches `query` in the shared table (a rowid lookup per seq). */
  const anyMatch = (table: string, query: string, seqs: ReadonlyArray<number>) =>
    Effect.gen(function*() {
      for (const chunk of Arr.chunksOf(seqs, chunkSize)) {
        const found = yield* sql`select rowid from ${sql(table)} where ${sql(table)} match ${query}
          and ${sql.in("rowid", chunk)} limit 1`.withoutTransform
        if (found.length > 0) return true
      }
      return false
    })

  /** BM25 of one user's rows for `query` (FTS5 query syntax), best first, at most `k`. */
  const scoreUser = (projectId: string, part: UserPartition, query: string, k: number) =>
    Effect.gen(function*() {
      const table = yield* sharedTable(projectId, part)
      if (table === undefined) return []
      // One transaction: a consistent view of the user's rows, the connection held (no other fiber
      // uses the temporary table meanwhile), and its rows rolled back on failure or interruption.
      return yield* sql.withTransaction(Effect.gen(function*() {
        const stored = yield* sql<{ readonly seq: number; readonly id: string }>`select seq, id from memories
          where project_id = ${projectId} and owner = ${part.owner} and kind = ${part.kind}`.withoutTransform
        if (stored.length === 0 || !(yield* anyMatch(table, query, stored.map((r) => r.seq)))) return []
        yield* sql`create virtual table if not exists ${scratchTable} using fts5(words,
          tokenize = 'porter unicode61', content = '')`
        yield* sql`insert into ${scratchTable} (${scratchName}) values ('delete-all')`
        yield* sql`insert into ${scratchTable} (rowid, words) select seq, ${sql.literal(searchTextSql)} from memories
          where project_id = ${projectId} and owner = ${part.owner} and kind = ${part.kind}`
        const hits = yield* sql<{ readonly seq: number; readonly score: number }>`select rowid as seq,
          bm25(${scratchName}) as score from ${scratchTable} where ${scratchName} match ${query}
          order by score limit ${k}`.withoutTransform
        yield* sql`insert into ${scratchTable} (${scratchName}) values ('delete-all')`
        const idOf = new Map(stored.map((r) => [r.seq, r.id as MemoryId]))
        // bm25() is negative, better matches more so: negated, larger is better.
        return hits.map((h) => ({ id: idOf.get(h.seq)!, bm25: -h.score }))
      }))
    })

  /** The best `k` BM25 matches of each partition (larger first), with `p` of their partition. */
  const lexicalSearch = (projectId: string, parts: ReadonlyArray<UserPartition>, query: string, k: number) =>
    Effect.map(
      Effect.forEach(parts, (part) =>
        Effect.map(scoreUser(projectId, part, query, k), (hits) => hits.map((hit) => ({ p: part.p, hit })))),
      (groups) => groups.flat()
    )

  return { vectorSearch, lexicalSearch }
}

