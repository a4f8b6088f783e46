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

cacheConformance("in memory", (options) => MemoryCache.layer(options))

describeWithService("redis", "Redis", (url) => {
  afterAll(() => deleteRunKeys(url))
  cacheConformance("Redis", (options) => RedisCache.layer({ url, keyPrefix: freshPrefix("conformance"), ...options }))
})
