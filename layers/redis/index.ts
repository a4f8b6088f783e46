/**
 * `alma-memory/redis`: the Redis retrieval cache and the Redis embedding cache.
 *
 * @since 0.1.0
 */
export * as RedisCache from "./RedisCache.js"
export * as RedisEmbeddingCache from "./RedisEmbeddingCache.js"
