/**
 * Write transactions of the SQLite backend, and how to tell a lock conflict from other failures.
 *
 * `SqlClient.withTransaction` begins with a deferred `BEGIN`: the transaction takes SQLite's write
 * lock only at its first write. When it has read first (every save and delete does), that is an
 * upgrade of a read transaction, which in WAL mode fails at once with `SQLITE_BUSY` while another
 * process holds the write lock, and with `SQLITE_BUSY_SNAPSHOT` once that process has committed since
 * the read (the busy timeout is not applied: waiting could not help). A transaction that begins with
 * `BEGIN IMMEDIATE` takes the write lock before it reads, waiting up to the connection's busy timeout
 * for it, so concurrent writers (threads or processes) queue instead of failing.
 *
 * @since 0.1.0
 */
import * as SqlClient from "@effect/sql/SqlClient"
import type { Connection } from "@effect/sql/SqlConnection"
import type { SqlError } from "@effect/sql/SqlError"
import { Effect, Exit, Option } from "effect"

const execute = (conn: Connection) => (statement: string): Effect.Effect<ReadonlyArray<unknown>, SqlError> =>
  conn.executeUnprepared(statement, [], undefined)

/** The message SQLite gives for `ROLLBACK` or `COMMIT` outside a transaction. */
const noTransaction = /no transaction is active/i

/**
 * Whether a failure is a lock conflict with another connection (`SQLITE_BUSY`, `SQLITE_BUSY_SNAPSHOT`,
 * `SQLITE_LOCKED`, …), looking through the `cause` chain (`SqlError` → `SqliteError`).
 *
 * @since 0.1.0
 * @category predicates
 */
export const isBusy = (error: unknown): boolean => {
  for (let e: unknown = error, depth = 0; e !== null && typeof e === "object" && depth < 8; depth++) {
    const { cause, code, message } = e as { cause?: unknown; code?: unknown; message?: unknown }
    if (typeof code === "string" && /^SQLITE_(BUSY|LOCKED)/.test(code)) return true
    if (typeof message === "string" && /database is locked|database table is locked/i.test(message)) return true
    e = cause
  }
  return false
}

/**
 * `withTransaction` for transactions that write: the outermost one begins with `BEGIN IMMEDIATE`
 * (the write lock first, waiting up to the busy timeout), nested ones are savepoints of the enclosing
 * transaction (as `sql.withTransaction`'s, with which they share the transaction context). The
 * connection is held (other fibers of the process wait for it) from `BEGIN` to `COMMIT` or
 * `ROLLBACK`. Failure, defect or interruption of the effect rolls back; so does a failed `COMMIT`
 * (whose `SqlError` is then the failure), so that the connection is never left inside a transaction.
 *
 * @since 0.1.0
 * @category constructors
 */
export const makeWriteTransaction = (sql: SqlClient.SqlClient) =>
<A, E, R>(effect: Effect.Effect<A, E, R>): Effect.Effect<A, E | SqlError, R> =>
  Effect.flatMap(
    Effect.serviceOption(SqlClient.TransactionConnection),
    Option.match({
      onSome: () => sql.withTransaction(effect),
      onNone: () =>
        Effect.scoped(Effect.uninterruptibleMask((restore) =>
          Effect.gen(function*() {
            // Held until the scope closes: no other fiber of this process uses the connection meanwhile.
            const conn = yield* restore(sql.reserve)
            const run = execute(conn)
            const rollback = run("ROLLBACK").pipe(
              // SQLite rolls back by itself on some errors (SQLITE_FULL, SQLITE_IOERR, …).
              Effect.catchAll((error) => noTransaction.test(String(error.cause)) ? Effect.void : Effect.die(error)),
              Effect.asVoid
            )
            yield* restore(run("BEGIN IMMEDIATE"))
            const exit = yield* Effect.exit(
              restore(Effect.provideService(effect, SqlClient.TransactionConnection, [conn, 0]))
            )
            if (Exit.isFailure(exit)) {
              yield* rollback
              return yield* exit
            }
            const committed = yield* Effect.exit(run("COMMIT"))
            if (Exit.isFailure(committed)) {
              yield* rollback
              return yield* Effect.failCause(committed.cause)
            }
            return exit.value
          })
        )).pipe(Effect.withSpan("sql.transaction", { kind: "client", captureStackTrace: false }))
    })
  )
