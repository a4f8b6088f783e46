/**
 * The SQL of the SQLite backend's workflow records (table `workflow_records`, migration 3): checkpoints
 * and artifacts, opaque JSON to storage. Errors stay `SqlError` / `ParseError` here; `SqliteStorage`
 * maps them.
 *
 * @since 0.1.0
 */
import type * as SqlClient from "@effect/sql/SqlClient"
import { Array as Arr, DateTime, Effect, Schema } from "effect"
import type * as Storage from "../../../src/services/Storage.js"
import { recordColumns } from "../../sql/rows.js"
import { RecordRow } from "./rows.js"
import { makeWriteTransaction } from "./transaction.js"

/** Rows per multi-row statement: 6 columns × 250 stays far below SQLite's 32,766 bound variables. */
const chunkSize = 250

const decodeRows = Schema.decodeUnknown(Schema.Array(RecordRow))

/**
 * The record queries over one client.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (sql: SqlClient.SqlClient) => {
  const writeTransaction = makeWriteTransaction(sql)

  const putRecords = (records: ReadonlyArray<Storage.WorkflowRecord>) => {
    const rows = recordColumns(records, DateTime.toEpochMillis)
    if (rows.length === 0) return Effect.void
    return writeTransaction(Effect.forEach(Arr.chunksOf(rows, chunkSize), (chunk) =>
      sql`insert into workflow_records ${sql.insert(chunk)}
        on conflict (project_id, collection, id) do update set parent = excluded.parent,
        created_at = excluded.created_at, data = excluded.data`.withoutTransform, { discard: true }))
  }

  const listRecords = (projectId: string, collection: Storage.WorkflowCollection, parent: string) =>
    sql`select project_id as projectId, collection, id, parent, created_at as createdAt, data
      from workflow_records where project_id = ${projectId} and collection = ${collection} and parent = ${parent}
      order by created_at desc, id desc`.withoutTransform.pipe(Effect.flatMap(decodeRows))

  const deleteRecords = (projectId: string, collection: Storage.WorkflowCollection, ids: ReadonlyArray<string>) => {
    const unique = Arr.dedupe(ids)
    if (unique.length === 0) return Effect.succeed(0)
    return writeTransaction(Effect.gen(function*() {
      let deleted = 0
      for (const chunk of Arr.chunksOf(unique, chunkSize)) {
        const rows = yield* sql`delete from workflow_records
          where project_id = ${projectId} and collection = ${collection} and ${sql.in("id", chunk)}
          returning id`.withoutTransform
        deleted += rows.length
      }
      return deleted
    }))
  }

  return { putRecords, listRecords, deleteRecords }
}
