/**
 * An embedding cache in Redis, shared by every process using the same Redis and key prefix: like
 * `Embedder.withCache`, but a text embedded once by any process is never embedded again while its
 * entry lives.
 *
 * Keys are `<prefix>:emb:<model>:<sha256(text)>` (the model is part of the key, so two models never
 * share vectors); values are the vector's Float32 components as raw little-endian bytes (4 bytes per
 * dimension). A batch is one MGET; only the misses go to the inner embedder, in one `embedMany`, and
 * are stored in one MULTI with a TTL. A value of the wrong length is a miss.
 *
 * Redis down at run time never fails an embedding: a failed read embeds the whole batch with the inner
 * embedder, a failed write is skipped, and the outage is logged once per burst. ioredis is used
 * directly, for its binary replies (`mgetBuffer`); see `RedisCache` for the connection policy.
 *
 * @since 0.1.0
 */
import type { Scope } from "effect"
import { Duration, Effect, Layer } from "effect"
import type { Redis } from "ioredis"
import type { ConfigurationError } from "../../src/domain/AlmaError.js"
import * as Embedder from "../../src/services/Embedder.js"
import type { ConnectionOptions } from "./internal/connection.js"
import { connect, transaction, tryRedis } from "./internal/connection.js"
import * as Health from "./internal/health.js"
import { embeddingKey } from "./internal/keys.js"

/**
 * Options of the Redis embedding cache.
 *
 * **Units** `timeToLive`: Duration (default 7 days, the TTL effect-stack-notes §9 verified for
 * embeddings: a model's vectors never change, so the TTL only bounds memory); `keyPrefix` (default
 * `alma`) starts every key.
 *
 * @since 0.1.0
 * @category models
 */
export interface Options extends ConnectionOptions {
  readonly keyPrefix?: string | undefined
  readonly timeToLive?: Duration.DurationInput | undefined
}

const toBytes = (vector: Float32Array): Buffer => {
  const bytes = Buffer.alloc(vector.length * 4)
  for (let i = 0; i < vector.length; i++) bytes.writeFloatLE(vector[i]!, i * 4)
  return bytes
}

const fromBytes = (bytes: Buffer, dimensions: number): Float32Array | undefined => {
  if (bytes.length !== dimensions * 4) return undefined
  const vector = new Float32Array(dimensions)
  for (let i = 0; i < dimensions; i++) vector[i] = bytes.readFloatLE(i * 4)
  return vector
}

/**
 * Wraps `inner` with a cache in the Redis behind `redis` (the caller owns the connection).
 *
 * @since 0.1.0
 * @category constructors
 */
export const makeWithClient = (
  inner: Embedder.Service,
  redis: Redis,
  options: Omit<Options, keyof ConnectionOptions> = {}
): Effect.Effect<Embedder.Service> =>
  Effect.gen(function*() {
    const prefix = options.keyPrefix ?? "alma"
    const ttlMs = Math.max(1, Math.ceil(Duration.toMillis(Duration.decode(options.timeToLive ?? Duration.days(7)))))
    const health = yield* Health.make("texts are embedded without the cache")

    const embedMany = Effect.fn("RedisEmbeddingCache.embedMany", { captureStackTrace: false })(function*(
      texts: ReadonlyArray<string>
    ) {
      if (texts.length === 0) return []
      yield* Effect.annotateCurrentSpan({ "alma.texts": texts.length })
      const keys = texts.map((text) => embeddingKey(prefix, inner.model, text))
      const read = yield* Effect.either(tryRedis("read", () => redis.mgetBuffer(keys)))
      if (read._tag === "Left") {
        yield* health.failed(read.left)
        return yield* inner.embedMany(texts)
      }
      yield* health.succeeded
      const vectors = read.right.map((bytes) => bytes === null ? undefined : fromBytes(bytes, inner.dimensions))
      // the misses, each distinct text once
      const missing = new Map<string, string>()
      vectors.forEach((vector, i) => {
        if (vector === undefined) missing.set(keys[i]!, texts[i]!)
      })
      yield* Effect.annotateCurrentSpan({ "alma.misses": missing.size })
      const byKey = new Map<string, Float32Array>()
      if (missing.size > 0) {
        const missingKeys = [...missing.keys()]
        const fresh = yield* inner.embedMany([...missing.values()])
        missingKeys.forEach((key, i) => byKey.set(key, fresh[i]!))
        yield* transaction("write", () =>
          missingKeys.reduce((multi, key) => multi.set(key, toBytes(byKey.get(key)!), "PX", ttlMs), redis.multi())).pipe(
            Effect.catchTag("StorageError", health.failed)
          )
      }
      return vectors.map((vector, i) => vector ?? byKey.get(keys[i]!)!)
    })

    return Embedder.Embedder.of({
      model: inner.model,
      dimensions: inner.dimensions,
      embed: (text) => Effect.map(embedMany([text]), (vectors) => vectors[0]!),
      embedMany
    })
  })

/**
 * Connects (scoped) and wraps `inner`.
 *
 * **Errors** `ConfigurationError` (key `redis.url`) when Redis is unreachable or the URL malformed.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (
  inner: Embedder.Service,
  options: Options
): Effect.Effect<Embedder.Service, ConfigurationError, Scope.Scope> =>
  Effect.flatMap(connect(options), (redis) => makeWithClient(inner, redis, options))

/**
 * Replaces the `Embedder` of a layer with one cached in Redis.
 *
 * **Errors** the layer's own, plus `ConfigurationError` (key `redis.url`).
 *
 * @example
 * ```ts
 * const embedder = RedisEmbeddingCache.withRedisCache({ url: "redis://127.0.0.1:6379" })(HashEmbedder.layer)
 * ```
 *
 * @since 0.1.0
 * @category layers
 */
export const withRedisCache = (options: Options) =>
<E, R>(
  layer: Layer.Layer<Embedder.Embedder, E, R>
): Layer.Layer<Embedder.Embedder, E | ConfigurationError, R> =>
  Layer.scoped(Embedder.Embedder, Effect.flatMap(Embedder.Embedder, (inner) => make(inner, options))).pipe(
    Layer.provide(layer)
  )
