/**
 * The retrieval cache in Redis, shared by every process that uses the same Redis and key prefix: a
 * write in any process invalidates, in every process, exactly the cached retrievals it can change.
 *
 * **Design** generation tokens. Each (project, owner) has a token in Redis, and one epoch token
 * covers the whole prefix. A cached slice records the epoch and the tokens of all its owners, read
 * *before* it was computed; it is served only while they are all unchanged. `invalidate` replaces
 * the owners' tokens (one MULTI), `invalidateAll` the epoch. A read is one round trip: a Lua script
 * returns the slice and the current tokens, creating a fresh random token for any owner that has none
 * yet (so a token that expired or was evicted can never match an old slice). A write that races with
 * a computation is therefore never lost: the slice is stored under the old tokens and never served.
 * Slices carry a Redis TTL; invalidated ones stay until it ends or the next miss overwrites them.
 *
 * **Why ioredis directly** and not `@effect/experimental` Persistence/Redis: Persistence is a
 * key-value store of JSON values. It has no atomic multi-key operation (MULTI, scripts) for
 * owner-level invalidation, stores no binary values (embeddings), and connects eagerly with
 * ioredis' offline queue on, so an unreachable Redis is neither reported at start-up nor failed
 * fast at run time.
 *
 * **Failures** Redis down at run time never fails a retrieval: a failed read computes the slice
 * directly; a failed write is skipped; a failed invalidation is retried twice (50 ms, 100 ms) then
 * logged at error level: other processes may then serve slices written before it for at most the
 * TTL. Outages are logged once per burst (a warning, then an info line on recovery).
 * Not for Redis Cluster: a read touches keys of several projects' slots (the epoch).
 *
 * @since 0.1.0
 */
import type { Scope } from "effect"
import { Cause, Clock, Deferred, Duration, Effect, Exit, FiberId, Layer, Option, Ref, Schedule } from "effect"
import { createHash, randomBytes } from "node:crypto"
import type { ConfigurationError } from "../../src/domain/AlmaError.js"
import { StorageError } from "../../src/domain/AlmaError.js"
import type { Owner } from "../../src/domain/Ids.js"
import type { MemorySlice } from "../../src/domain/MemorySlice.js"
import * as MemoryCache from "../../src/services/MemoryCache.js"
import type { ConnectionOptions } from "./internal/connection.js"
import { connect, transaction, tryRedis } from "./internal/connection.js"
import * as Health from "./internal/health.js"
import { sliceKeys } from "./internal/keys.js"
import * as SliceEntry from "./internal/sliceEntry.js"

/**
 * Options of the Redis retrieval cache.
 *
 * **Units** `timeToLive`: Duration (default 300 s, the in-memory cache's and original ALMA's; zero
 * disables caching); `connectTimeout` (default 5 s) and `commandTimeout` (default 1 s): Durations.
 * `keyPrefix` (default `alma`) starts every key; processes share a cache exactly when they use the
 * same Redis and prefix. `namespace` separates the *slices* of stacks that share a project but rank
 * differently (other weights, scopes or embedder) while still sharing invalidations.
 *
 * @since 0.1.0
 * @category models
 */
export interface Options extends ConnectionOptions {
  readonly keyPrefix?: string | undefined
  readonly timeToLive?: Duration.DurationInput | undefined
  readonly namespace?: string | undefined
}

// KEYS[1]: the slice; KEYS[2..]: the epoch, then each owner's generation.
// ARGV[1]: token for generations that do not exist yet; ARGV[2]: their TTL (ms).
const READ_SCRIPT = `local out = { redis.call('GET', KEYS[1]) }
for i = 2, #KEYS do
  local g = redis.call('GET', KEYS[i])
  if not g then
    g = ARGV[1]
    redis.call('SET', KEYS[i], g, 'PX', ARGV[2])
  end
  out[i] = g
end
return out`
const READ_SHA = createHash("sha1").update(READ_SCRIPT).digest("hex")

/** Tokens live 2 × TTL, and at least a day: an expired token only costs a miss. */
const DAY_MS = 86_400_000

const freshToken = Effect.sync(() => randomBytes(12).toString("base64url"))

const INVALIDATE_RETRIES = Schedule.exponential("50 millis").pipe(Schedule.intersect(Schedule.recurs(2)))

interface InFlight {
  readonly projectId: string
  readonly owners: ReadonlyArray<Owner>
  readonly deferred: Deferred.Deferred<MemorySlice, MemoryCache.ComputeError>
}

/**
 * Connects (scoped) and builds the cache.
 *
 * **Errors** `ConfigurationError` (key `redis.url`) when Redis is unreachable or the URL malformed.
 * `stats.size` is the number of unexpired slices under the prefix, in all processes and namespaces,
 * including invalidated ones not yet expired or overwritten (0 while Redis is unreachable);
 * `hits` and `misses` count this process's calls.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (options: Options): Effect.Effect<MemoryCache.Service, ConfigurationError, Scope.Scope> =>
  Effect.gen(function*() {
    const redis = yield* connect(options)
    const keys = sliceKeys(options.keyPrefix ?? "alma", options.namespace)
    const ttlMs = Math.ceil(Duration.toMillis(Duration.decode(options.timeToLive ?? Duration.seconds(300))))
    const tokenTtlMs = Math.max(2 * ttlMs, DAY_MS)
    const health = yield* Health.make("retrievals are computed without the cache")
    const counts = yield* Ref.make({ hits: 0, misses: 0 })
    const count = (hit: boolean) =>
      Ref.update(counts, (c) => hit ? { ...c, hits: c.hits + 1 } : { ...c, misses: c.misses + 1 })
    const inflight = new Map<string, InFlight>()

    const read = (slice: string, generations: ReadonlyArray<string>) =>
      Effect.flatMap(freshToken, (token) => {
        const args = [slice, ...generations, token, tokenTtlMs]
        return tryRedis("read", () =>
          redis.evalsha(READ_SHA, generations.length + 1, ...args).catch((e: unknown) =>
            e instanceof Error && e.message.startsWith("NOSCRIPT")
              ? redis.eval(READ_SCRIPT, generations.length + 1, ...args)
              : Promise.reject(e)
          )).pipe(
            Effect.flatMap((reply) => SliceEntry.decodeReply(reply)),
            Effect.catchTag("ParseError", (cause) =>
              Effect.fail(new StorageError({ backend: "redis", operation: "read", cause })))
          )
      })

    const store = (slice: string, entry: SliceEntry.SliceEntry) =>
      SliceEntry.encode(entry).pipe(
        Effect.zip(Clock.currentTimeMillis),
        Effect.flatMap(([value, now]) =>
          transaction("write", () =>
            redis.multi()
              .set(slice, value, "PX", ttlMs)
              .zadd(keys.index, now + ttlMs, slice)
              .zremrangebyscore(keys.index, "-inf", now)
              .pexpire(keys.index, ttlMs))
        ),
        Effect.catchTags({
          StorageError: health.failed,
          ParseError: (e) => Effect.logError(`RedisCache: a slice could not be encoded, not cached: ${e.message}`)
        })
      )

    /** Redis read → hit, or compute and store; a failed read computes without the cache. */
    const lookup = (key: MemoryCache.RetrievalKey, compute: Effect.Effect<MemorySlice, MemoryCache.ComputeError>) =>
      Effect.gen(function*() {
        const owners = [...new Set(key.owners)].sort()
        const sliceKey = keys.slice(key.projectId, key.id)
        const reply = yield* Effect.either(
          read(sliceKey, [keys.epoch, ...owners.map((o) => keys.generation(key.projectId, o))])
        )
        if (reply._tag === "Left") {
          yield* health.failed(reply.left)
          yield* count(false)
          return [yield* compute, false] as const
        }
        yield* health.succeeded
        const [stored, ...generations] = reply.right
        if (stored !== null) {
          const entry = yield* Effect.option(SliceEntry.decode(stored))
          if (Option.isNone(entry)) yield* Effect.logDebug("RedisCache: undecodable slice ignored (a miss)")
          else if (entry.value.id === key.id && SliceEntry.sameGenerations(entry.value.generations, generations)) {
            yield* count(true)
            return [entry.value.slice, true] as const
          }
        }
        yield* count(false)
        const slice = yield* compute
        yield* store(sliceKey, { id: key.id, generations, slice })
        return [slice, false] as const
      })

    /** Concurrent gets of one key in this process share one lookup; later ones count as hits. */
    const get = (
      key: MemoryCache.RetrievalKey,
      compute: Effect.Effect<MemorySlice, MemoryCache.ComputeError>
    ): Effect.Effect<readonly [MemorySlice, boolean], MemoryCache.ComputeError> =>
      Effect.suspend(() => {
        const id = `${key.projectId}\u0000${key.id}`
        const running = inflight.get(id)
        if (running !== undefined) {
          return Deferred.await(running.deferred).pipe(
            Effect.tap(() => count(true)),
            Effect.map((slice) => [slice, true] as const),
            // the leader was interrupted: look up again (possibly leading)
            Effect.catchAllCause((cause) => Cause.isInterruptedOnly(cause) ? get(key, compute) : Effect.failCause(cause))
          )
        }
        const deferred = Deferred.unsafeMake<MemorySlice, MemoryCache.ComputeError>(FiberId.none)
        inflight.set(id, { projectId: key.projectId, owners: key.owners, deferred })
        return lookup(key, compute).pipe(
          Effect.onExit((exit) =>
            Effect.suspend(() => {
              if (inflight.get(id)?.deferred === deferred) inflight.delete(id)
              return Deferred.done(deferred, Exit.map(exit, ([slice]) => slice))
            })
          )
        )
      })

    /** Replaces generation tokens, retrying twice; a final failure is logged, never raised. */
    const bump = (operation: string, generations: ReadonlyArray<string>) =>
      Effect.flatMap(freshToken, (token) =>
        transaction(operation, () =>
          generations.reduce((multi, g) => multi.set(g, token, "PX", tokenTtlMs), redis.multi())
        )).pipe(
          Effect.retry(INVALIDATE_RETRIES),
          Effect.zipRight(health.succeeded),
          Effect.catchTag("StorageError", (e) =>
            Effect.logError(
              `RedisCache.${operation} failed after 3 attempts (${Health.reason(e)}); other processes may serve ` +
                `slices cached before this write for up to ${Duration.format(Duration.millis(ttlMs))}`
            ))
        )

    const invalidate = Effect.fn("RedisCache.invalidate", { captureStackTrace: false })(
      function*(projectId: string, owners: ReadonlyArray<Owner>) {
        const written = new Set(owners)
        for (const [id, running] of inflight) {
          if (running.projectId === projectId && running.owners.some((o) => written.has(o))) inflight.delete(id)
        }
        if (written.size === 0) return
        // also with caching off here (TTL 0): other processes' slices must see this write
        yield* bump("invalidate", [...written].map((o) => keys.generation(projectId, o)))
      }
    )

    const invalidateAll = Effect.suspend(() => {
      inflight.clear()
      return bump("invalidateAll", [keys.epoch])
    }).pipe(Effect.withSpan("RedisCache.invalidateAll", { captureStackTrace: false }))

    const stats = Effect.gen(function*() {
      const { hits, misses } = yield* Ref.get(counts)
      const now = yield* Clock.currentTimeMillis
      const size = yield* transaction("stats", () =>
        redis.multi().zremrangebyscore(keys.index, "-inf", now).zcard(keys.index)).pipe(
          Effect.map((replies) => Number(replies[1])),
          Effect.catchTag("StorageError", (e) => Effect.as(health.failed(e), 0))
        )
      return { hits, misses, size }
    })

    return MemoryCache.MemoryCache.of({
      get: ttlMs === 0
        ? (_key, compute) => Effect.map(compute, (slice) => [slice, false] as const)
        : (key, compute) => get(key, compute).pipe(Effect.withSpan("RedisCache.get", { captureStackTrace: false })),
      invalidate,
      invalidateAll,
      stats
    })
  })

/**
 * The retrieval cache in Redis, connected for the layer's lifetime.
 *
 * **Errors** `ConfigurationError` (key `redis.url`): Redis unreachable at start-up, or a bad URL.
 *
 * @since 0.1.0
 * @category layers
 */
export const layer = (options: Options): Layer.Layer<MemoryCache.MemoryCache, ConfigurationError> =>
  Layer.scoped(MemoryCache.MemoryCache, make(options))
