/**
 * SQLite failures as `StorageError`s that say what happened: the SQLite result code found in the
 * `cause` chain (`SqlError` → better-sqlite3's `SqliteError`, whose `code` is the extended result
 * code, e.g. `SQLITE_IOERR_WRITE`) and, for the codes an operator can act on, the reason.
 *
 * `@effect/sql`'s own message ("Failed to execute statement") says neither.
 *
 * @since 0.1.0
 */
import { StorageError, type StorageErrorReason } from "../../../src/domain/AlmaError.js"

/** Result-code prefixes (extended codes included: `SQLITE_READONLY_DBMOVED`, …) and their reasons. */
const reasons: ReadonlyArray<readonly [RegExp, StorageErrorReason]> = [
  [/^SQLITE_FULL/, "full"],
  [/^SQLITE_READONLY/, "readonly"],
  [/^SQLITE_(CORRUPT|NOTADB)/, "corrupt"],
  [/^SQLITE_(BUSY|LOCKED)/, "busy"],
  [/^SQLITE_IOERR/, "io"],
  [/^SQLITE_CANTOPEN/, "cantopen"]
]

/**
 * The first SQLite result code (`SQLITE_…`) in the `cause` chain of `error`, if any.
 *
 * @since 0.1.0
 * @category getters
 */
export const sqliteCode = (error: unknown): string | undefined => {
  for (let e: unknown = error, depth = 0; e !== null && typeof e === "object" && depth < 8; depth++) {
    const { cause, code } = e as { cause?: unknown; code?: unknown }
    if (typeof code === "string" && code.startsWith("SQLITE_")) return code
    e = cause
  }
  return undefined
}

/**
 * The reason of a SQLite result code, for the codes that matter to an operator.
 *
 * @since 0.1.0
 * @category getters
 */
export const reasonOf = (code: string): StorageErrorReason | undefined => reasons.find(([p]) => p.test(code))?.[1]

/**
 * A `StorageError` of the SQLite backend for a failure of `operation`, with the result code and
 * reason found in `cause` (see {@link sqliteCode}, {@link reasonOf}).
 *
 * @since 0.1.0
 * @category constructors
 */
export const storageError = (operation: string, cause: unknown): StorageError => {
  const code = sqliteCode(cause)
  const reason = code === undefined ? undefined : reasonOf(code)
  return new StorageError({
    backend: "sqlite",
    operation,
    ...(reason === undefined ? {} : { reason }),
    ...(code === undefined ? {} : { code }),
    cause
  })
}
