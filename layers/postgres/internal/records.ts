/**
 * The SQL of the PostgreSQL backend for workflow records (checkpoints and artifacts). Errors stay
 * `SqlError` / `ParseError` here; `PgStorage` maps them.
 *
 * @since 0.1.0
 */
import type * as SqlClient from "@effect/sql/SqlClient"
import { Array as Arr, DateTime, Effect, Schema } from "effect"
import type * as Storage from "../../../src/services/Storage.js"
import { recordColumns } from "../../sql/rows.js"
import { RecordRow } from "./rows.js"
import type { Tables } from "./tables.js"

/** Rows per multi-row `INSERT`: 6 parameters × 1,000 stays far below PostgreSQL's 65,535. */
const chunkSize = 1000

const decodeRecords = Schema.decodeUnknown(Schema.Array(RecordRow))

/**
 * The record queries over one client and schema.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (sql: SqlClient.SqlClient, t: Tables) => {
  const put = (records: ReadonlyArray<Storage.WorkflowRecord>) => {
    const rows = recordColumns(records, DateTime.toDate)
    if (rows.length === 0) return Effect.void
    return sql.withTransaction(Effect.forEach(
      Arr.chunksOf(rows, chunkSize),
      (chunk) =>
        sql`insert into ${t.records} ${sql.insert(chunk)}
          on conflict (project_id, collection, id) do update set parent = excluded.parent,
            created_at = excluded.created_at, data = excluded.data`,
      { discard: true }
    ))
  }

  const list = (projectId: string, collection: Storage.WorkflowCollection, parent: string) =>
    sql`select project_id as "projectId", collection, id, parent, created_at as "createdAt", data
      from ${t.records} where project_id = ${projectId} and collection = ${collection} and parent = ${parent}
      order by created_at desc, id collate "C" desc`.pipe(
      Effect.flatMap(decodeRecords),
      Effect.map((rows): ReadonlyArray<Storage.WorkflowRecord> => rows)
    )

  const remove = (projectId: string, collection: Storage.WorkflowCollection, ids: ReadonlyArray<string>) =>
    ids.length === 0 ? Effect.succeed(0) : sql`delete from ${t.records}
      where project_id = ${projectId} and collection = ${collection} and id = any(${Arr.dedupe(ids)}::text[])
      returning id`.pipe(Effect.map((rows) => rows.length))

  return { put, list, delete: remove }
}
