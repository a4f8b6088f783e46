/**
 * What a SQLite file of the `users` suite holds: its FTS5 tables and vec0 chunks, read on a
 * connection of its own (read-only; the store's connection stays open, WAL lets both read).
 *
 * @since 0.1.0
 */
import * as Reactivity from "@effect/experimental/Reactivity"
import * as SqliteClient from "@effect/sql-sqlite-node/SqliteClient"
import { Effect } from "effect"
import * as sqliteVec from "sqlite-vec"

/**
 * FTS5 tables registered in `memory_fts_tables`, and chunks of the vec0 table `memory_codes` (one or
 * more per vector partition).
 *
 * **Errors** `SqlError` (a file that cannot be read).
 *
 * @since 0.1.0
 * @category constructors
 */
export const countTables = (filename: string) =>
  Effect.gen(function*() {
    const sql = yield* SqliteClient.make({ filename, readonly: true, disableWAL: true })
    yield* sql.loadExtension(sqliteVec.getLoadablePath())
    const [row] = yield* sql<{ readonly fts: number; readonly chunks: number }>`select
      (select count(*) from memory_fts_tables) as fts, (select count(*) from memory_codes_chunks) as chunks`
      .withoutTransform
    return { ftsTables: row?.fts ?? 0, vectorChunks: row?.chunks ?? 0 }
  }).pipe(Effect.scoped, Effect.provide(Reactivity.layer))
