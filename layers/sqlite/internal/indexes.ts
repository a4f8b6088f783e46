/**
 * Writes to the derived indexes of the SQLite backend (shared by the queries and the migrations):
 *
 * - `memory_vectors`: the float32 vector of each memory (a rowid table keyed by `memories.seq`);
 * - `memory_codes`: a sqlite-vec `vec0` table of the vectors' candidate codes (`bit` vectors),
 *   partitioned by index partition;
 * - one FTS5 table per index partition, registered in `memory_fts_tables`, and the view `memory_fts`
 *   over all of them.
 *
 * An index partition is a (project, agent, kind), or a (project, kind) for all users' memories
 * (owners `@user/<userId>` share the partition of owner `@user`, `rows.indexPartitionKey`): agents
 * are configured (or registered, up to a cap), user ids come from requests, so the number of
 * partitions (each costs a vec0 chunk and an FTS5 table's pages) is bounded by configuration.
 *
 * @since 0.1.0
 */
import type * as SqlClient from "@effect/sql/SqlClient"
import { SqlError } from "@effect/sql/SqlError"
import { Array as Arr, Effect } from "effect"
import type { MemoryKind } from "../../../src/domain/Ids.js"
import { ftsTableName, indexOwner, indexPartitionKey, toBlob, vectorCode } from "./rows.js"

/** Rows per multi-row statement: 5 parameters × 250 stays far below SQLite's 32,766 bound variables. */
const chunkSize = 250

/** Branches per compound `SELECT` of the `memory_fts` view (SQLite allows 500). */
const viewBranches = 400

/**
 * Where a memory sits: its `seq`, its project, owner and kind (its index partition follows).
 *
 * @since 0.1.0
 * @category models
 */
export interface Located {
  readonly seq: bigint
  readonly projectId: string
  readonly owner: string
  readonly kind: MemoryKind
}

/**
 * A memory's index entries: its vector and its searchable text.
 *
 * @since 0.1.0
 * @category models
 */
export interface Entry extends Located {
  readonly embedding: Float32Array
  readonly text: string
}

const partitionOf = (row: Located): string => indexPartitionKey(row.projectId, row.owner, row.kind)

/**
 * The FTS5 table of an index partition. Contentless (the text lives in `memories.body`) with
 * `contentless_delete`, so rows are deleted by rowid.
 */
const createFtsTable = (name: string) =>
  `create virtual table ${name} using fts5(words, tokenize = 'porter unicode61', content = '', contentless_delete = 1)`

/** `select rowid from` every table, as nested compound selects of at most `viewBranches` terms. */
const unionOfRowids = (names: ReadonlyArray<string>): string => {
  if (names.length === 0) return "select null as rowid where 0"
  if (names.length <= viewBranches) return names.map((n) => `select rowid from ${n}`).join(" union all ")
  return Arr.chunksOf(names, viewBranches).map((group) => `select rowid from (${unionOfRowids(group)})`).join(
    " union all "
  )
}

/**
 * The writers over one client. Every function expects to run inside the caller's transaction.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (sql: SqlClient.SqlClient, dimensions: number) => {
  const checkVectors = (entries: ReadonlyArray<{ readonly embedding: Float32Array }>) => {
    const bad = entries.find((e) => e.embedding.length !== dimensions)
    return bad === undefined ? Effect.void : Effect.fail(
      new SqlError({
        cause: new RangeError(`expected ${dimensions}-dimensional vectors, got ${bad.embedding.length}`),
        message: "Vector dimension mismatch"
      })
    )
  }

  /** Recreates the view `memory_fts` over every registered FTS5 table. */
  const refreshView = Effect.gen(function*() {
    const all = yield* sql<{ readonly name: string }>`select name from memory_fts_tables order by name`
      .withoutTransform
    yield* sql`drop view if exists memory_fts`
    yield* sql.unsafe(`create view memory_fts as ${unionOfRowids(all.map((r) => r.name))}`)
  })

  /** Creates (and registers) the FTS5 tables the partitions lack; returns partition key → table name. */
  const ensureFtsTables = (rows: ReadonlyArray<Located>) =>
    Effect.gen(function*() {
      const wanted = new Map<string, Located>()
      for (const row of rows) wanted.set(partitionOf(row), row)
      const names = new Map<string, string>()
      for (const parts of Arr.chunksOf([...wanted.keys()], chunkSize)) {
        const found = yield* sql<{ readonly part: string; readonly name: string }>`select part, name
          from memory_fts_tables where ${sql.in("part", parts)}`.withoutTransform
        for (const row of found) names.set(row.part, row.name)
      }
      let created = false
      for (const [part, row] of wanted) {
        if (names.has(part)) continue
        const name = ftsTableName(part)
        yield* sql.unsafe(createFtsTable(name))
        yield* sql`insert into memory_fts_tables ${
          sql.insert({ part, name, project_id: row.projectId, owner: indexOwner(row.owner), kind: row.kind })
        }`
        names.set(part, name)
        created = true
      }
      if (created) yield* refreshView
      return names
    })

  /** Inserts the candidate codes (vec0) of the entries. */
  const insertCodes = (entries: ReadonlyArray<Entry>) =>
    Effect.forEach(Arr.chunksOf(entries, chunkSize), (chunk) =>
      sql`insert into memory_codes (memory_seq, part, code) values ${
        sql.csv(chunk.map((e) => sql`(${e.seq}, ${partitionOf(e)}, vec_bit(${vectorCode(e.embedding)}))`))
      }`, { discard: true })

  /** Inserts the texts of the entries into their partitions' FTS5 tables (created if missing). */
  const insertTexts = (entries: ReadonlyArray<Entry>) =>
    Effect.gen(function*() {
      const names = yield* ensureFtsTables(entries)
      const byTable = Arr.groupBy(entries, (e) => names.get(partitionOf(e))!)
      for (const [name, group] of Object.entries(byTable)) {
        for (const chunk of Arr.chunksOf(group, chunkSize)) {
          yield* sql`insert into ${sql(name)} (rowid, words) values ${
            sql.csv(chunk.map((e) => sql`(${e.seq}, ${e.text})`))
          }`
        }
      }
    })

  /** Writes every index entry of newly inserted memories (no previous entries for their `seq`). */
  const insert = (entries: ReadonlyArray<Entry>) =>
    Effect.gen(function*() {
      if (entries.length === 0) return
      yield* checkVectors(entries)
      for (const chunk of Arr.chunksOf(entries, chunkSize)) {
        yield* sql`insert into memory_vectors (memory_seq, embedding) values ${
          sql.csv(chunk.map((e) => sql`(${e.seq}, ${toBlob(e.embedding)})`))
        }`
      }
      yield* insertCodes(entries)
      yield* insertTexts(entries)
    })

  /** Removes every index entry of the memories (their partitions are where they were indexed). */
  const remove = (rows: ReadonlyArray<Located>) =>
    Effect.gen(function*() {
      if (rows.length === 0) return
      // vec0 deletes by key one at a time (an `IN` list would scan the table).
      for (const row of rows) yield* sql`delete from memory_codes where memory_seq = ${row.seq}`
      for (const chunk of Arr.chunksOf(rows, chunkSize)) {
        yield* sql`delete from memory_vectors where ${sql.in("memory_seq", chunk.map((r) => r.seq))}`
      }
      const byTable = Arr.groupBy(rows, (r) => ftsTableName(partitionOf(r)))
      for (const [name, group] of Object.entries(byTable)) {
        for (const chunk of Arr.chunksOf(group, chunkSize)) {
          yield* sql`delete from ${sql(name)} where ${sql.in("rowid", chunk.map((r) => r.seq))}`
        }
      }
    })

  return { checkVectors, insert, insertCodes, insertTexts, refreshView, remove }
}
