/**
 * Writes of the PostgreSQL backend shared by the `INSERT` and `COPY` paths: rows checked and encoded,
 * and the multi-row upsert.
 *
 * @since 0.1.0
 */
import type * as SqlClient from "@effect/sql/SqlClient"
import { SqlError } from "@effect/sql/SqlError"
import { Effect, Schema } from "effect"
import type * as Storage from "../../../src/services/Storage.js"
import { foreignIdMessage } from "../../../src/services/Storage.js"
import { MemoryJson, type MemoryRow, toMemoryRow, tsvectorText, vectorToSql } from "./rows.js"
import type { Tables } from "./tables.js"

/**
 * Rows per multi-row `INSERT`: 10 parameters × 1,000 stays far below PostgreSQL's 65,535.
 *
 * @since 0.1.0
 * @category constants
 */
export const chunkSize = 1000

const encodeBody = Schema.encode(MemoryJson)

/**
 * Rows ready to write: one per id (the last record of a repeated id wins, as if saved one after
 * another), every vector of the storage's dimension.
 *
 * **Errors** `SqlError` (cause `RangeError`) naming the expected and the found dimension; `ParseError`
 * when a memory does not encode.
 *
 * @since 0.1.0
 * @category constructors
 */
export const prepareRows = (records: ReadonlyArray<Storage.StoredMemory>, dimensions: number) =>
  Effect.gen(function*() {
    const latest = new Map(records.map((r) => [r.memory.id, r]))
    for (const record of latest.values()) {
      if (record.embedding.length !== dimensions) {
        return yield* new SqlError({
          cause: new RangeError(`expected ${dimensions}-dimensional vectors, got ${record.embedding.length}`),
          message: "Vector dimension mismatch"
        })
      }
    }
    return yield* Effect.forEach(
      latest.values(),
      (record) => Effect.map(encodeBody(record.memory), (body) => toMemoryRow(record, body))
    )
  })

/**
 * The multi-row upsert of `rows` (at most `chunkSize`): insert, or replace every column of the
 * memory with the same id in the same project. A row whose id another project holds is neither
 * inserted nor updated (`checkUpserted` turns that into a failure). Returns the ids written.
 * Vectors go in pgvector's text form.
 *
 * @since 0.1.0
 * @category constructors
 */
export const upsertStatement = (sql: SqlClient.SqlClient, t: Tables, rows: ReadonlyArray<MemoryRow>) =>
  sql<{ readonly id: string }>`insert into ${t.memories} as m ${
    sql.insert(rows.map(({ embedding, search, ...row }) => ({
      ...row,
      search_tsv: tsvectorText(search),
      search_len: search.length,
      embedding: vectorToSql(embedding)
    })))
  }
    on conflict (id) do update set kind = excluded.kind, project_id = excluded.project_id,
      owner = excluded.owner, task_type = excluded.task_type, created_at = excluded.created_at,
      updated_at = excluded.updated_at, body = excluded.body, search_tsv = excluded.search_tsv,
      search_len = excluded.search_len, embedding = excluded.embedding
    where m.project_id = excluded.project_id
    returning id`

/**
 * Fails with the foreign-id `SqlError` when `upsertStatement` wrote fewer rows than it was given:
 * the missing ids are held by another project (a save never moves a memory between projects).
 *
 * @since 0.1.0
 * @category constructors
 */
export const checkUpserted = (
  rows: ReadonlyArray<MemoryRow>,
  written: ReadonlyArray<{ readonly id: string }>
): Effect.Effect<void, SqlError> => {
  if (written.length === rows.length) return Effect.void
  const done = new Set(written.map((w) => w.id))
  const message = foreignIdMessage(rows.find((row) => !done.has(row.id))?.id ?? "?")
  return Effect.fail(new SqlError({ cause: new Error(message), message }))
}
