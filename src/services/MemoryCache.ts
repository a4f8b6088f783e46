/**
 * The retrieval cache: recent `retrieve` results, evicted by TTL and invalidated precisely by writes.
 *
 * Named `MemoryCache` so it never shadows effect's `Cache`.
 *
 * @since 0.1.0
 */
import { Cache, Context, Duration, Effect, Equal, Exit, Hash, Layer } from "effect"
import type { EmbeddingError, StorageError, ValidationError } from "../domain/AlmaError.js"
import { Defaults } from "../domain/Defaults.js"
import type { Owner } from "../domain/Ids.js"
import type { MemorySlice } from "../domain/MemorySlice.js"

/**
 * Errors a cached computation may fail with (failures are never cached).
 *
 * @since 0.1.0
 * @category models
 */
export type ComputeError = ValidationError | StorageError | EmbeddingError

/**
 * A retrieval request as a cache key. Equality covers the request (`id`); `owners` (whose memories
 * the result may contain) drives invalidation.
 *
 * @since 0.1.0
 * @category models
 */
export class RetrievalKey implements Equal.Equal {
  constructor(
    readonly projectId: string,
    /** Canonical request text: agent, user, normalised task, topK, kinds, mode, budget. */
    readonly id: string,
    readonly owners: ReadonlyArray<Owner>
  ) {}
  [Equal.symbol](that: Equal.Equal): boolean {
    return that instanceof RetrievalKey && that.projectId === this.projectId && that.id === this.id
  }
  [Hash.symbol](): number {
    return Hash.string(`${this.projectId}\u0000${this.id}`)
  }
}

/** A key with the computation of its result, as effect's `Cache` looks it up (equal to its key). */
class Pending extends RetrievalKey {
  constructor(key: RetrievalKey, readonly compute: Effect.Effect<MemorySlice, ComputeError>) {
    super(key.projectId, key.id, key.owners)
  }
}

/**
 * @since 0.1.0
 * @category models
 */
export interface Service {
  /**
   * The cached result for `key`, or `compute` run once (concurrent gets of one key share the run)
   * and cached. Returns whether it was a hit. Failures are never cached.
   */
  readonly get: (
    key: RetrievalKey,
    compute: Effect.Effect<MemorySlice, ComputeError>
  ) => Effect.Effect<readonly [MemorySlice, boolean], ComputeError>
  /** Drops every cached result of `projectId` that may contain memories of one of `owners`. */
  readonly invalidate: (projectId: string, owners: ReadonlyArray<Owner>) => Effect.Effect<void>
  /** Drops everything. */
  readonly invalidateAll: Effect.Effect<void>
  /** Hits, misses and size. */
  readonly stats: Effect.Effect<{ readonly hits: number; readonly misses: number; readonly size: number }>
}

/**
 * @since 0.1.0
 * @category tags
 */
export class MemoryCache extends Context.Tag("alma-memory/MemoryCache")<MemoryCache, Service>() {}

/**
 * Options. **Units** `timeToLive`: Duration (default 300 s); `capacity`: entries (default 1,000);
 * both defaults as in the original ALMA. A TTL of zero disables caching.
 *
 * @since 0.1.0
 * @category models
 */
export interface Options {
  readonly timeToLive?: Duration.DurationInput | undefined
  readonly capacity?: number | undefined
}

/**
 * An in-process cache built on effect's `Cache`. Failed computations are not kept.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (options?: Options): Effect.Effect<Service> =>
  Effect.gen(function*() {
    const ttl = Duration.decode(options?.timeToLive ?? Duration.seconds(Defaults.cache.timeToLiveSeconds))
    // A generation per (project, owner), and one for the whole cache, bumped by every invalidation.
    // A computation records them before it starts, so a result computed across a write is never
    // served: effect's Cache stores a lookup's result even when the key was invalidated meanwhile.
    const generations = new Map<string, number>()
    let epoch = 0
    const snapshot = (key: RetrievalKey): string =>
      [epoch, ...key.owners.map((o) => generations.get(`${key.projectId}\u0000${o}`) ?? 0)].join(",")
    const cache = yield* Cache.makeWith<Pending, { readonly slice: MemorySlice; readonly at: string }, ComputeError>({
      capacity: options?.capacity ?? Defaults.cache.capacity,
      lookup: (key) =>
        Effect.suspend(() => {
          const at = snapshot(key)
          return Effect.map(key.compute, (slice) => ({ slice, at }))
        }),
      timeToLive: (exit) => (Exit.isSuccess(exit) ? ttl : Duration.zero)
    })
    const disabled = Duration.toMillis(ttl) === 0

    const get = (key: RetrievalKey, compute: Effect.Effect<MemorySlice, ComputeError>) => lookup(new Pending(key, compute))

    const lookup = (key: Pending): Effect.Effect<readonly [MemorySlice, boolean], ComputeError> =>
      disabled
        ? Effect.map(key.compute, (slice) => [slice, false] as const)
        : cache.getEither(key).pipe(
          // a failure expires "now", which still serves it within the same millisecond: drop it
          Effect.tapError(() => cache.invalidate(key)),
          Effect.flatMap((either) => {
            const entry = either._tag === "Left" ? either.left : either.right
            if (entry.at === snapshot(key)) return Effect.succeed([entry.slice, either._tag === "Left"] as const)
            // computed before a write: never served again; a hit on it becomes a fresh lookup
            return Effect.zipRight(
              cache.invalidate(key),
              either._tag === "Left" ? lookup(key) : Effect.succeed([entry.slice, false] as const)
            )
          })
        )

    const invalidate = (projectId: string, owners: ReadonlyArray<Owner>) =>
      Effect.gen(function*() {
        const written = new Set(owners)
        for (const o of written) {
          const g = `${projectId}\u0000${o}`
          generations.set(g, (generations.get(g) ?? 0) + 1)
        }
        const keys = yield* cache.keys
        yield* Effect.forEach(
          keys.filter((key) => key.projectId === projectId && key.owners.some((o) => written.has(o))),
          (key) => cache.invalidate(key),
          { discard: true }
        )
      })

    return {
      get,
      invalidate,
      invalidateAll: Effect.zipRight(Effect.sync(() => epoch++), cache.invalidateAll),
      stats: Effect.map(cache.cacheStats, (s) => ({ hits: s.hits, misses: s.misses, size: s.size }))
    }
  })

/**
 * @since 0.1.0
 * @category layers
 */
export const layer = (options?: Options): Layer.Layer<MemoryCache> => Layer.effect(MemoryCache, make(options))
