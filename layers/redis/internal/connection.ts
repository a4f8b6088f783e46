/**
 * One ioredis connection per layer, opened at start-up and closed with the layer's scope, and the
 * Effect wrapper every Redis command goes through.
 *
 * The client fails fast while Redis is down (`enableOfflineQueue: false`, one retry per request, a
 * command timeout), because every caller has a fallback (compute, embed) and a hung cache must never
 * hang a retrieval. It keeps reconnecting in the background (ioredis' default retry strategy:
 * `min(attempt × 50 ms, 2 s)` between attempts), so the cache comes back by itself.
 */
import { Duration, Effect, Redacted } from "effect"
import type { Scope } from "effect"
import type { ChainableCommander } from "ioredis"
import { Redis } from "ioredis"
import { ConfigurationError, StorageError } from "../../../src/domain/AlmaError.js"

/** Connection settings shared by the Redis layers. */
export interface ConnectionOptions {
  /** `redis://[user:password@]host[:port][/db]` or `rediss://…` (TLS). */
  readonly url: string | Redacted.Redacted<string>
  /** How long start-up may wait for Redis (default 5 s). */
  readonly connectTimeout?: Duration.DurationInput | undefined
  /** How long one command may take before it counts as a failure (default 1 s). */
  readonly commandTimeout?: Duration.DurationInput | undefined
}

/** The URL with its password (and user name) replaced by `***`: the only form that is ever logged. */
export const redactUrl = (url: string): string => {
  try {
    const parsed = new URL(url)
    if (parsed.password !== "") parsed.password = "***"
    if (parsed.username !== "") parsed.username = "***"
    return parsed.toString()
  } catch {
    return "<unparseable URL>"
  }
}

const HINT = "start Redis, or set redis.url to a reachable redis:// or rediss:// URL " +
  "(e.g. redis://127.0.0.1:6379); the Redis caches need it at start-up"

const configError = (description: string) => new ConfigurationError({ key: "redis.url", description })

const millis = (input: Duration.DurationInput | undefined, fallback: number): number =>
  input === undefined ? fallback : Math.max(1, Math.ceil(Duration.toMillis(Duration.decode(input))))

/**
 * Opens the connection and checks that Redis answers; closes it (QUIT, or a hard disconnect if QUIT
 * fails) when the scope closes.
 *
 * **Errors** `ConfigurationError` (key `redis.url`) when the URL is malformed or Redis is unreachable
 * at start-up; the message carries the URL with its password redacted.
 */
export const connect = (options: ConnectionOptions): Effect.Effect<Redis, ConfigurationError, Scope.Scope> =>
  Effect.gen(function*() {
    const url = Redacted.isRedacted(options.url) ? Redacted.value(options.url) : options.url
    const shown = redactUrl(url)
    const protocol = yield* Effect.try({
      try: () => new URL(url).protocol,
      catch: () => configError(`"${shown}" is not a URL; expected redis://host:port or rediss://host:port`)
    })
    if (protocol !== "redis:" && protocol !== "rediss:") {
      return yield* configError(`"${shown}" has protocol "${protocol}"; expected redis: or rediss:`)
    }
    return yield* Effect.acquireRelease(
      Effect.suspend(() => {
        const client = new Redis(url, {
          lazyConnect: true,
          enableOfflineQueue: false,
          maxRetriesPerRequest: 1,
          connectTimeout: millis(options.connectTimeout, 5_000),
          commandTimeout: millis(options.commandTimeout, 1_000)
        })
        // Failures surface through the commands (and their fallbacks); without a listener ioredis
        // would print every reconnection error to the console.
        client.on("error", () => {})
        return Effect.tryPromise({
          try: () => client.connect().then(() => client.ping()).then(() => client),
          catch: (cause) => {
            client.disconnect()
            const reason = cause instanceof Error ? cause.message : String(cause)
            return configError(`cannot reach Redis at ${shown} (${reason}); ${HINT}`)
          }
        })
      }),
      (client) =>
        Effect.tryPromise(() => client.quit()).pipe(
          Effect.timeout("1 second"),
          Effect.catchAll(() => Effect.sync(() => client.disconnect()))
        )
    )
  })

/**
 * Runs one Redis call; a rejection becomes a `StorageError` (backend `redis`). Those never leave the
 * Redis layers: every caller falls back or logs.
 */
export const tryRedis = <A>(operation: string, f: () => Promise<A>): Effect.Effect<A, StorageError> =>
  Effect.tryPromise({ try: f, catch: (cause) => new StorageError({ backend: "redis", operation, cause }) })

/**
 * Runs a MULTI … EXEC transaction (one round trip, atomic); any failed command fails the whole call.
 * Returns each command's reply, in order.
 */
export const transaction = (
  operation: string,
  build: () => ChainableCommander
): Effect.Effect<ReadonlyArray<unknown>, StorageError> =>
  tryRedis(operation, () =>
    build().exec().then((results) => {
      if (results === null) return Promise.reject(new Error("transaction aborted"))
      const failed = results.find(([error]) => error !== null)
      return failed !== undefined ? Promise.reject(failed[0]) : results.map(([, reply]) => reply)
    }))
