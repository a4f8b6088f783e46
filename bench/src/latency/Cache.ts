/**
 * The cache phase of the `latency` suite: `retrieve` with the retrieval cache on, each distinct request
 * timed once as a miss (computed and stored) and then repeated as hits, with the Redis cache of the
 * configuration and, for comparison, the in-process cache. The embedding stays outside the timer
 * (precomputed vectors).
 *
 * @since 0.1.0
 */
import { Duration, Layer } from "effect"
import { MemoryCache } from "alma-memory"
import { RedisCache } from "alma-memory/redis"
import type { RedisTarget } from "./Backend.js"
import { summarize, type Summary } from "./Stats.js"
import { type Stack, withRuntime } from "./Timing.js"
import type { QueryText } from "./World.js"

/**
 * Misses and hits of one cache.
 *
 * **Units** ms; `flaggedHits`: calls whose slice said `cacheHit` (expected: `hit.n`, and none of the
 * misses); `unexpected`: calls whose flag was not the expected one.
 *
 * @since 0.1.0
 * @category models
 */
export interface CacheFigures {
  readonly cache: "memory" | "redis"
  readonly miss: Summary
  readonly hit: Summary
  readonly flaggedHits: number
  readonly unexpected: number
}

/**
 * The cache phase: the Redis cache and the in-process one.
 *
 * @since 0.1.0
 * @category models
 */
export interface CachePhase {
  readonly redis: CacheFigures
  readonly memory: CacheFigures
}

/** Slices live 5 minutes: longer than the phase, as the default `cache_ttl_seconds` (300). */
const timeToLive = Duration.minutes(5)

const timeOne = async (
  stack: Stack,
  cache: "memory" | "redis",
  queries: ReadonlyArray<QueryText>,
  warmup: number,
  repeats: number
): Promise<CacheFigures> =>
  withRuntime(stack, async (runtime, alma) => {
    const miss: Array<number> = []
    const hit: Array<number> = []
    let flaggedHits = 0
    let unexpected = 0
    for (const [i, q] of queries.entries()) {
      for (let r = 0; r <= repeats; r++) {
        const t0 = performance.now()
        const slice = await runtime.runPromise(alma.retrieve({ task: q.text, agent: q.agent }))
        const ms = performance.now() - t0
        if (i < warmup) continue
        ;(r === 0 ? miss : hit).push(ms)
        if (slice.cacheHit) flaggedHits++
        if (slice.cacheHit !== (r > 0)) unexpected++
      }
    }
    return { cache, miss: summarize(miss), hit: summarize(hit), flaggedHits, unexpected }
  })

/**
 * Times misses and hits through `redis` (keys under its prefix + `:<part>`: one part per store, so
 * no store is served another's slices) and then through the in-process cache, over the same
 * requests: `warmup` untimed requests first, then each of the others once (a miss) and `repeats`
 * times more (hits).
 *
 * **Errors** rejects when Redis is unreachable at start-up (`ConfigurationError`, key `redis.url`).
 *
 * @since 0.1.0
 * @category constructors
 */
export const timeCache = async (
  stack: Stack,
  redis: RedisTarget,
  part: string,
  queries: ReadonlyArray<QueryText>,
  warmup: number,
  repeats: number
): Promise<CachePhase> => {
  const redisLayer = RedisCache.layer({ url: redis.url, keyPrefix: `${redis.keyPrefix}:${part}`, timeToLive })
  const redisFigures = await timeOne({ ...stack, cache: redisLayer }, "redis", queries, warmup, repeats)
  const memoryLayer: Layer.Layer<MemoryCache.MemoryCache> = MemoryCache.layer({ timeToLive })
  const memoryFigures = await timeOne({ ...stack, cache: memoryLayer }, "memory", queries, warmup, repeats)
  return { redis: redisFigures, memory: memoryFigures }
}
