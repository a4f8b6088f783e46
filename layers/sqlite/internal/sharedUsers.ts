/**
 * The move of user owners' index partitions into the shared layout (migration 5): files written
 * before it gave each `@user/<userId>` owner an FTS5 table and a vec0 partition of its own.
 *
 * @since 0.1.0
 */
import type * as SqlClient from "@effect/sql/SqlClient"
import { Effect, Schema } from "effect"
import type { MemoryKind } from "../../../src/domain/Ids.js"
import { searchText } from "../../../src/domain/Memory.js"
import * as Indexes from "./indexes.js"
import { MemoryJson, sharedUserOwner } from "./rows.js"

/** Memories per step of the move. */
const moveChunk = 500

/** Every FTS5 table name `rows.ftsTableName` gives (checked before it goes into a `DROP`). */
const tableName = /^memory_fts_[0-9a-f]{20}$/

const decodeBody = Schema.decodeUnknown(MemoryJson)

/** `owner` is a user owner (`@user/<userId>`), as SQL. */
const userOwnerPrefix = `${sharedUserOwner}/`

/**
 * Moves every user owner's index entries into its project's shared user partition: drops the
 * per-user FTS5 tables (and their registry rows), re-indexes the users' texts into the shared tables,
 * moves their candidate codes to the shared vec0 partition (emptied vec0 chunks are freed), and
 * recreates the view `memory_fts`. Runs inside the migration's transaction; does nothing on a file
 * that has no per-user partitions. Returns the number of per-user FTS5 tables dropped.
 *
 * **Errors** `SqlError`, `ParseError` (a memory body that is not a memory); a registry name that is
 * not an FTS5 table name of ours is a defect.
 *
 * @since 0.1.0
 * @category constructors
 */
export const moveUserPartitions = (sql: SqlClient.SqlClient, dimensions: number) =>
  Effect.gen(function*() {
    const legacy = yield* sql<{ readonly name: string }>`select name from memory_fts_tables
      where substr(owner, 1, ${userOwnerPrefix.length}) = ${userOwnerPrefix}`.withoutTransform
    if (legacy.length === 0) return 0
    for (const { name } of legacy) {
      if (!tableName.test(name)) return yield* Effect.dieMessage(`memory_fts_tables holds an unknown table ${name}`)
      yield* sql.unsafe(`drop table ${name}`)
    }
    yield* sql`delete from memory_fts_tables
      where substr(owner, 1, ${userOwnerPrefix.length}) = ${userOwnerPrefix}`
    const indexes = Indexes.make(sql, dimensions)
    let after = 0
    while (true) {
      const rows = yield* sql<{
        readonly seq: number
        readonly project_id: string
        readonly owner: string
        readonly kind: MemoryKind
        readonly body: string
        readonly embedding: Uint8Array
      }>`select m.seq as seq, m.project_id as project_id, m.owner as owner, m.kind as kind, m.body as body,
          v.embedding as embedding
        from memories m join memory_vectors v on v.memory_seq = m.seq
        where m.seq > ${after} and substr(m.owner, 1, ${userOwnerPrefix.length}) = ${userOwnerPrefix}
        order by m.seq limit ${moveChunk}`.withoutTransform
      if (rows.length === 0) break
      const entries = yield* Effect.forEach(rows, (row) =>
        Effect.map(decodeBody(row.body), (memory) => ({
          seq: BigInt(row.seq),
          projectId: row.project_id,
          owner: row.owner,
          kind: row.kind,
          embedding: new Float32Array(new Uint8Array(row.embedding).buffer),
          text: searchText(memory)
        })))
      // vec0 deletes by key one at a time (an `IN` list would scan the table).
      for (const entry of entries) yield* sql`delete from memory_codes where memory_seq = ${entry.seq}`
      yield* indexes.insertCodes(entries)
      yield* indexes.insertTexts(entries)
      after = rows[rows.length - 1]!.seq
    }
    yield* indexes.refreshView
    return legacy.length
  })
