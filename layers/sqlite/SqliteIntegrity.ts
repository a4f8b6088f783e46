/**
 * The integrity check of a SQLite storage file (`alma health`): `PRAGMA quick_check` on a read-only
 * connection of its own.
 *
 * Opening a file and counting its memories reads only a few pages, so a damaged b-tree page elsewhere
 * goes unnoticed until a query reaches it; `quick_check` reads every page of every table and index
 * (all of SQLite's `integrity_check` but the index-against-table comparison, so it is linear in the
 * file size: about a second per few hundred MiB).
 *
 * @since 0.1.0
 */
import * as Reactivity from "@effect/experimental/Reactivity"
import * as SqliteClient from "@effect/sql-sqlite-node/SqliteClient"
import { Effect } from "effect"
import * as sqliteVec from "sqlite-vec"
import { StorageError } from "../../src/domain/AlmaError.js"
import { storageError } from "./internal/errors.js"

/** The most `quick_check` messages kept in the error (SQLite's default limit is 100). */
const maxMessages = 5

/**
 * Runs `PRAGMA quick_check` on the SQLite file `filename` (read-only; sqlite-vec is loaded so that
 * its tables can be checked too), and succeeds when it answers `ok`.
 *
 * **Errors** `StorageError` (backend `sqlite`, operation `quickCheck`) with reason `corrupt` when the
 * check finds damage (its first messages in `cause`) or the file is not a database, and as the
 * SQLite layer maps result codes otherwise (e.g. `cantopen` for a missing file).
 *
 * @since 0.1.0
 * @category checks
 */
export const quickCheck = (filename: string): Effect.Effect<void, StorageError> =>
  Effect.gen(function*() {
    const client = yield* SqliteClient.make({ filename, readonly: true, disableWAL: true }).pipe(
      // better-sqlite3 throws synchronously on an unopenable file: a storage failure, not a bug.
      Effect.catchAllDefect((cause) => Effect.fail(storageError("quickCheck", cause)))
    )
    yield* client.loadExtension(sqliteVec.getLoadablePath()).pipe(Effect.mapError((e) => storageError("quickCheck", e)))
    const rows = yield* client.unsafe<{ readonly quick_check: string }>(`pragma quick_check(${maxMessages})`).withoutTransform
      .pipe(Effect.mapError((e) => storageError("quickCheck", e)))
    const messages = rows.map((row) => row.quick_check.replace(/\s*\n\s*/g, "; "))
    if (messages.length === 1 && messages[0] === "ok") return
    return yield* new StorageError({
      backend: "sqlite",
      operation: "quickCheck",
      reason: "corrupt",
      cause: new Error(`quick_check: ${messages.join("; ")}`)
    })
  }).pipe(Effect.scoped, Effect.provide(Reactivity.layer), Effect.withSpan("SqliteIntegrity.quickCheck"))
