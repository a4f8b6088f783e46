/**
 * The embedding port, and an embedding cache that wraps any embedder.
 *
 * @since 0.1.0
 */
import { Cache, Context, Duration, Effect, Layer, Option } from "effect"
import { createHash } from "node:crypto"
import type { EmbeddingError } from "../domain/AlmaError.js"
import { Defaults } from "../domain/Defaults.js"

/**
 * @since 0.1.0
 * @category models
 */
export interface Service {
  /** Model identifier, recorded with stored vectors (e.g. `use-lite-512`). */
  readonly model: string
  /** Vector length. */
  readonly dimensions: number
  /** Embeds one text. **Shape** `Float32Array` of length `dimensions`, L2-normalised. */
  readonly embed: (text: string) => Effect.Effect<Float32Array, EmbeddingError>
  /** Embeds many texts in batches; results in input order. */
  readonly embedMany: (texts: ReadonlyArray<string>) => Effect.Effect<ReadonlyArray<Float32Array>, EmbeddingError>
}

/**
 * @since 0.1.0
 * @category tags
 */
export class Embedder extends Context.Tag("alma-memory/Embedder")<Embedder, Service>() {}

/**
 * Vector maths (`normalize`, `cosine`) live in `internal/vector.ts`; re-exported here, where the
 * vectors come from, for callers of the public `Embedder` namespace.
 *
 * @since 0.1.0
 * @category constructors
 */
export { cosine, normalize } from "../internal/vector.js"

/**
 * Options of the embedding cache.
 *
 * **Units** `capacity`: entries; `timeToLive`: a Duration (default 1 hour).
 *
 * @since 0.1.0
 * @category models
 */
export interface CacheOptions {
  readonly capacity?: number | undefined
  readonly timeToLive?: Duration.DurationInput | undefined
}

const textKey = (model: string, text: string): string =>
  `${model}:${createHash("sha256").update(text).digest("base64url")}`

/**
 * Wraps an embedder with a cache keyed by (model, SHA-256 of the text). `embedMany` looks every text
 * up, embeds only the misses, in one batch, and stores them.
 *
 * @since 0.1.0
 * @category constructors
 */
export const makeCached = (inner: Service, options?: CacheOptions): Effect.Effect<Service> =>
  Effect.gen(function*() {
    const cache = yield* Cache.make<string, Float32Array, EmbeddingError>({
      capacity: options?.capacity ?? Defaults.embeddingCache.capacity,
      timeToLive: options?.timeToLive ?? Duration.hours(1),
      // Filled only through `set` by `embedMany`, which batches the misses; never looked up.
      lookup: () => Effect.dieMessage("embedding cache entries are only added by embedMany")
    })
    const keyOf = (text: string) => textKey(inner.model, text)
    const embedMany = Effect.fn("Embedder.embedMany", { captureStackTrace: false })(function*(
      texts: ReadonlyArray<string>
    ) {
      const keys = texts.map(keyOf)
      const cached = yield* Effect.forEach(keys, (key) => cache.getOption(key))
      const textOf = new Map<string, string>()
      keys.forEach((key, i) => {
        if (Option.isNone(cached[i]!)) textOf.set(key, texts[i]!)
      })
      const missing = [...textOf.keys()]
      const fresh = new Map<string, Float32Array>()
      if (missing.length > 0) {
        const vectors = yield* inner.embedMany(missing.map((k) => textOf.get(k)!))
        for (let i = 0; i < missing.length; i++) {
          fresh.set(missing[i]!, vectors[i]!)
          yield* cache.set(missing[i]!, vectors[i]!)
        }
      }
      return keys.map((key, i) => Option.getOrElse(cached[i]!, () => fresh.get(key)!))
    })
    return {
      model: inner.model,
      dimensions: inner.dimensions,
      embed: (text: string) => Effect.map(embedMany([text]), (vectors) => vectors[0]!),
      embedMany
    }
  })

/**
 * Replaces the `Embedder` in a layer's output with a cached one.
 *
 * @since 0.1.0
 * @category layers
 */
export const withCache = (options?: CacheOptions) =>
<E, R>(layer: Layer.Layer<Embedder, E, R>): Layer.Layer<Embedder, E, R> =>
  Layer.effect(
    Embedder,
    Effect.flatMap(Embedder, (inner) => makeCached(inner, options))
  ).pipe(Layer.provide(layer))
