/**
 * The connection pool of the PostgreSQL backend: options checked, a `pg.Pool` opened with the HNSW
 * settings as connection parameters, and connection failures turned into `ConfigurationError`s that
 * say what to do. No message ever carries the password of the URL.
 *
 * @since 0.1.0
 */
import { Effect, Redacted } from "effect"
import * as Pg from "pg"
import { ConfigurationError } from "../../../src/domain/AlmaError.js"

/**
 * Where the pool connects, for messages: never the password.
 *
 * @since 0.1.0
 * @category models
 */
export interface Target {
  readonly host: string
  readonly port: number
  readonly user: string
  readonly database: string
  /** Removes the URL's password from a text (driver messages should not hold it; this makes sure). */
  readonly redact: (text: string) => string
}

/**
 * Connection parameters of every pooled connection.
 *
 * **Units** `efSearch`: candidates (pgvector `hnsw.ef_search`).
 *
 * @since 0.1.0
 * @category models
 */
export interface PoolOptions {
  readonly url: Redacted.Redacted<string>
  readonly poolSize: number
  readonly efSearch: number
}

/** How long opening one connection may take before the pool gives up (node-postgres waits forever). */
export const connectTimeoutMillis = 10_000

const urlKey = "postgres.url"

/**
 * Parses the URL for messages. **Errors** `ConfigurationError` (key `postgres.url`) when it is not a
 * `postgres://` or `postgresql://` URL; the message never repeats the URL.
 *
 * @since 0.1.0
 * @category constructors
 */
export const parseTarget = (url: Redacted.Redacted<string>): Effect.Effect<Target, ConfigurationError> =>
  Effect.suspend(() => {
    let parsed: URL
    try {
      parsed = new URL(Redacted.value(url))
    } catch {
      return Effect.fail(notAUrl)
    }
    if (parsed.protocol !== "postgres:" && parsed.protocol !== "postgresql:") return Effect.fail(notAUrl)
    const secrets = [decode(parsed.password), parsed.password].filter((s) => s.length > 0)
    const redact = (message: string) => secrets.reduce((m, s) => m.replaceAll(s, "***"), message)
    const host = parsed.searchParams.get("host") ?? (parsed.hostname === "" ? "localhost" : parsed.hostname)
    return Effect.succeed({
      host: redact(host),
      port: parsed.port === "" ? 5432 : Number(parsed.port),
      user: redact(decode(parsed.username) || "(default user)"),
      database: redact(decode(parsed.pathname.replace(/^\//, "")) || "(default database)"),
      redact
    })
  })

/** `decodeURIComponent`, keeping the text as it is when it is not valid percent-encoding. */
const decode = (text: string): string => {
  try {
    return decodeURIComponent(text)
  } catch {
    return text
  }
}

const notAUrl = new ConfigurationError({
  key: urlKey,
  description: "not a PostgreSQL connection URL: expected postgres://user:password@host:port/database"
})

const codeOf = (error: unknown): string | undefined => {
  for (let e: unknown = error, depth = 0; e !== null && typeof e === "object" && depth < 8; depth++) {
    const code = (e as { code?: unknown }).code
    if (typeof code === "string") return code
    e = (e as { cause?: unknown }).cause
  }
  return undefined
}

const messageOf = (error: unknown): string => error instanceof Error ? error.message : String(error)

const unreachable = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "ETIMEDOUT", "EHOSTUNREACH", "ENETUNREACH"])

/**
 * The `ConfigurationError` (key `postgres.url`) of a failed first connection, saying what to check.
 *
 * @since 0.1.0
 * @category constructors
 */
export const connectionError = (target: Target, error: unknown): ConfigurationError => {
  const code = codeOf(error)
  const where = `${target.host}:${target.port}`
  const detail = target.redact(messageOf(error))
  let description: string
  if ((code !== undefined && unreachable.has(code)) || /timeout|timed out/i.test(detail)) {
    description = `cannot reach a PostgreSQL server at ${where} (${code ?? detail}): the server must be ` +
      `running and accept TCP connections on that host and port; start it, or fix the host and port in ` +
      `postgres.url`
  } else if (code === "28P01" || code === "28000") {
    description = `the PostgreSQL server at ${where} refused user "${target.user}" (${detail}): check the ` +
      `user and password in postgres.url, and the server's pg_hba.conf`
  } else if (code === "3D000") {
    description = `database "${target.database}" does not exist on the PostgreSQL server at ${where}: create ` +
      `it (createdb ${target.database}) or name an existing database in postgres.url`
  } else {
    description = `cannot connect to the PostgreSQL server at ${where} as "${target.user}" (${detail}): ` +
      `check postgres.url and that the server is running`
  }
  return new ConfigurationError({ key: urlKey, description })
}

/**
 * Opens the pool and checks it can connect (one `select 1`); the pool is ended when the scope closes.
 * Every connection starts with `hnsw.iterative_scan = relaxed_order` and `hnsw.ef_search = efSearch`
 * (connection parameters: no privilege needed, no per-query cost), so that a filtered top-k query
 * keeps scanning the HNSW index until it has k rows.
 *
 * **Errors** `ConfigurationError` (key `postgres.url`) when the URL is malformed or no connection can
 * be made (unreachable server, refused login, missing database).
 *
 * @since 0.1.0
 * @category constructors
 */
export const openPool = (options: PoolOptions) =>
  Effect.gen(function*() {
    const target = yield* parseTarget(options.url)
    const pool = yield* Effect.acquireRelease(
      Effect.sync(() => {
        const pool = new Pg.Pool({
          connectionString: Redacted.value(options.url),
          max: options.poolSize,
          connectionTimeoutMillis: connectTimeoutMillis,
          application_name: "alma-memory",
          options: `-c hnsw.iterative_scan=relaxed_order -c hnsw.ef_search=${options.efSearch}`
        })
        // Errors of idle connections (server restart) surface on the next query instead.
        pool.on("error", () => {})
        return pool
      }),
      (pool) => Effect.promise(() => pool.end()).pipe(Effect.timeoutOption("5 seconds"))
    )
    yield* Effect.tryPromise({
      try: () => pool.query("select 1"),
      catch: (error) => connectionError(target, error)
    })
    return { pool, target }
  })
