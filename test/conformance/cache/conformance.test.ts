/**
 * Every MemoryCache layer against the one conformance suite: the in-memory cache, and the Redis
 * cache (a fresh key prefix per test) when a Redis is configured.
 */
import { afterAll } from "@effect/vitest"
import * as RedisCache from "../../../layers/redis/RedisCache.js"
import * as MemoryCache from "../../../src/services/MemoryCache.js"
import { deleteRunKeys, freshPrefix } from "../../fixtures/redisServer.js"
import { describeWithService } from "../../support/services.js"
import { cacheConformance } from "./CacheConformance.js"

// Two open defects of src/services/MemoryCache.ts (effect's Cache underneath): a failure expires
// "now" and is served again within the same millisecond (forever under the TestClock), and a lookup
// that straddles an invalidation stores its stale result anyway. Remove once MemoryCache is fixed.
cacheConformance("in memory", (options) => MemoryCache.layer(options), {
  knownFailures: [
    "a failed computation is not cached",
    "a write during a computation is not lost: its stale result is not served afterwards"
  ]
})

describeWithService("redis", "Redis", (url) => {
  afterAll(() => deleteRunKeys(url))
  cacheConformance("Redis", (options) => RedisCache.layer({ url, keyPrefix: freshPrefix("conformance"), ...options }))
})
