/**
 * The pgvector extension of the PostgreSQL backend: enabled in the database when missing (under the
 * migration lock), and required at version 0.8.0 or later.
 *
 * @since 0.1.0
 */
import type * as SqlClient from "@effect/sql/SqlClient"
import { Effect } from "effect"
import { ConfigurationError } from "../../../src/domain/AlmaError.js"

const pgvectorInstall = "install pgvector on the database server (Debian/Ubuntu: apt install " +
  "postgresql-<major>-pgvector; macOS: brew install pgvector; from source: " +
  "https://github.com/pgvector/pgvector#installation); ALMA then enables it in the database on its next " +
  "start (`create extension vector`, which needs a superuser)"

/**
 * Why the `vector` extension cannot be used, as a `ConfigurationError` (key `postgres.vector`).
 *
 * @since 0.1.0
 * @category constructors
 */
export const extensionError = (
  problem: { readonly _tag: "Unavailable" } | { readonly _tag: "NoPrivilege"; readonly user: string } | {
    readonly _tag: "TooOld"
    readonly version: string
  }
): ConfigurationError => {
  switch (problem._tag) {
    case "Unavailable":
      return new ConfigurationError({
        key: "postgres.vector",
        description: `the PostgreSQL server has no pgvector extension ("vector"): ${pgvectorInstall}`
      })
    case "NoPrivilege":
      return new ConfigurationError({
        key: "postgres.vector",
        description: `the "vector" extension is not enabled in this database and user "${problem.user}" may ` +
          "not enable it: run `create extension vector;` in the database as a superuser, or connect as one once"
      })
    case "TooOld":
      return new ConfigurationError({
        key: "postgres.vector",
        description: `pgvector ${problem.version} is too old: ALMA needs 0.8.0 or later (iterative HNSW ` +
          "scans, so that a filtered top-k returns k rows); upgrade pgvector on the server, then run " +
          "`alter extension vector update;` in the database"
      })
  }
}

const atLeast080 = (version: string): boolean => {
  const [major = 0, minor = 0] = version.split(".").map((part) => Number.parseInt(part, 10))
  return major > 0 || minor >= 8
}

/** The installed `vector` version, if any, and whether the server could install it. */
const extensionState = (sql: SqlClient.SqlClient) =>
  Effect.gen(function*() {
    const [installed] = yield* sql<{ readonly version: string }>`select extversion as version from pg_extension
      where extname = 'vector'`
    const [available] = yield* sql<{ readonly version: string }>`select default_version as version
      from pg_available_extensions where name = 'vector'`
    return { installed: installed?.version, available: available?.version }
  })

/**
 * Enables `vector` when missing; runs inside the locked migration transaction.
 *
 * **Errors** `ConfigurationError` (key `postgres.vector`) when the server has no pgvector or the
 * user may not enable it; `SqlError` otherwise.
 *
 * @since 0.1.0
 * @category constructors
 */
export const ensureExtension = (sql: SqlClient.SqlClient, user: string) =>
  Effect.gen(function*() {
    const state = yield* extensionState(sql)
    if (state.installed === undefined) {
      if (state.available === undefined) return yield* extensionError({ _tag: "Unavailable" })
      yield* sql`create extension if not exists vector`.pipe(
        Effect.catchIf(
          (error) => String((error.cause as { code?: unknown } | undefined)?.code) === "42501",
          () => extensionError({ _tag: "NoPrivilege", user })
        )
      )
    }
  })

/**
 * Checks that `vector` is enabled, at 0.8.0 or later (iterative HNSW scans).
 *
 * **Errors** `ConfigurationError` (key `postgres.vector`); `SqlError` otherwise.
 *
 * @since 0.1.0
 * @category constructors
 */
export const checkExtension = (sql: SqlClient.SqlClient) =>
  Effect.gen(function*() {
    const { installed } = yield* extensionState(sql)
    if (installed === undefined) return yield* extensionError({ _tag: "Unavailable" })
    if (!atLeast080(installed)) return yield* extensionError({ _tag: "TooOld", version: installed })
  })
