/**
 * The Redis embedding cache: batches read in one MGET, only misses embedded (once each, in one
 * inner call), vectors shared across processes byte for byte, and Redis failures never failing an
 * embedding.
 */
import { afterAll, assert, it } from "@effect/vitest"
import { Effect, Ref } from "effect"
import * as HashEmbedder from "../../layers/embedders/HashEmbedder.js"
import { embeddingKey } from "../../layers/redis/internal/keys.js"
import * as RedisEmbeddingCache from "../../layers/redis/RedisEmbeddingCache.js"
import * as Embedder from "../../src/services/Embedder.js"
import type { Counts } from "../fixtures/countingEmbedder.js"
import { counting, vectorDigest } from "../fixtures/countingEmbedder.js"
import type { Server } from "../fixtures/redisServer.js"
import {
  commandCounts,
  deleteRunKeys,
  freshPrefix,
  inspect,
  resetCommandCounts,
  runWriter,
  startServer
} from "../fixtures/redisServer.js"
import { describeWithService } from "../support/services.js"

/** Runs `f` with the Redis-cached hash embedder; returns its result and what reached the hash embedder. */
const withEmbedder = <A, E>(options: RedisEmbeddingCache.Options, f: (e: Embedder.Service) => Effect.Effect<A, E>) =>
  Effect.gen(function*() {
    const counts = yield* Ref.make<Counts>({ texts: 0, calls: 0 })
    const layer = RedisEmbeddingCache.withRedisCache(options)(counting(counts)(HashEmbedder.layer))
    const result = yield* Effect.flatMap(Embedder.Embedder, f).pipe(Effect.provide(layer))
    return [result, yield* Ref.get(counts)] as const
  })

/** The plain hash embedder's vectors, for comparison. */
const reference = (texts: ReadonlyArray<string>) =>
  Effect.flatMap(Embedder.Embedder, (e) => e.embedMany(texts)).pipe(Effect.provide(HashEmbedder.layer))

describeWithService("redis", "RedisEmbeddingCache", (url) => {
  afterAll(() => deleteRunKeys(url))

  it.live("embeds only the misses, each distinct text once, in one inner call", () =>
    Effect.gen(function*() {
      const keyPrefix = freshPrefix("emb")
      const texts = ["retry the payment", "validate the form", "retry the payment"]
      const [[first, second, single], counts] = yield* withEmbedder({ url, keyPrefix }, (e) =>
        Effect.all([
          e.embedMany(texts),
          e.embedMany(["validate the form", "a new text", "retry the payment"]),
          e.embed("a new text")
        ]))
      assert.deepStrictEqual(counts, { texts: 3, calls: 2 }) // 2 distinct, then only "a new text"
      const expected = yield* reference(["retry the payment", "validate the form", "a new text"])
      assert.deepStrictEqual(first.map(vectorDigest), [expected[0]!, expected[1]!, expected[0]!].map(vectorDigest))
      assert.deepStrictEqual(second.map(vectorDigest), [expected[1]!, expected[2]!, expected[0]!].map(vectorDigest))
      assert.strictEqual(vectorDigest(single), vectorDigest(expected[2]!))
      assert.deepStrictEqual(yield* withEmbedder({ url, keyPrefix }, (e) => e.embedMany([])), [[], { texts: 0, calls: 0 }])
    }))

  it.live("stores raw Float32 bytes under <prefix>:emb:<model>:<sha256> with a 7-day TTL", () =>
    Effect.gen(function*() {
      const keyPrefix = freshPrefix("emb")
      const [[vector], counts] = yield* withEmbedder({ url, keyPrefix }, (e) => e.embedMany(["check the invoice"]))
      assert.strictEqual(counts.texts, 1)
      const key = embeddingKey(keyPrefix, "hash-256", "check the invoice")
      assert.match(key, new RegExp(`^${keyPrefix}:emb:hash-256:[A-Za-z0-9_-]{43}$`))
      const [bytes, ttl] = yield* Effect.promise(() => inspect(url, (r) => Promise.all([r.getBuffer(key), r.pttl(key)])))
      assert.strictEqual(bytes!.length, 256 * 4)
      assert.strictEqual(bytes!.readFloatLE(8), vector![2])
      assert.isAbove(ttl, 6 * 86_400_000)
      assert.isAtMost(ttl, 7 * 86_400_000)
      // a value of the wrong length is a miss, embedded again and repaired
      yield* Effect.promise(() => inspect(url, (r) => r.set(key, Buffer.alloc(12))))
      const [[again], recount] = yield* withEmbedder({ url, keyPrefix }, (e) => e.embedMany(["check the invoice"]))
      assert.strictEqual(recount.texts, 1)
      assert.strictEqual(vectorDigest(again!), vectorDigest(vector!))
      const repaired = yield* Effect.promise(() => inspect(url, (r) => r.getBuffer(key)))
      assert.strictEqual(repaired!.length, 256 * 4)
    }))

  it.live("a second process embeds nothing: every vector comes from Redis, byte for byte", () =>
    Effect.gen(function*() {
      const keyPrefix = freshPrefix("emb-xproc")
      const texts = ["the queue drains every second", "tokens expire after a day", "use idempotency keys"]
      const [vectors, counts] = yield* withEmbedder({ url, keyPrefix }, (e) => e.embedMany(texts))
      assert.strictEqual(counts.texts, 3)
      const child = yield* Effect.promise(() => runWriter(["embed", url, keyPrefix, JSON.stringify(texts)]))
      assert.strictEqual(child.code, 0, child.stderr)
      assert.deepStrictEqual(child.lines[0], { innerTexts: 0, innerCalls: 0, digests: vectors.map(vectorDigest) })
    }))

  it.live("Redis dying at run time never fails an embedding", () =>
    Effect.acquireUseRelease(
      Effect.promise(() => startServer()),
      (server: Server) =>
        Effect.gen(function*() {
          const [, counts] = yield* withEmbedder({ url: server.url, keyPrefix: "emb-outage" }, (e) =>
            Effect.gen(function*() {
              yield* e.embedMany(["one", "two"])
              yield* e.embedMany(["one", "two"])
              yield* Effect.promise(() => server.kill())
              const vectors = yield* e.embedMany(["one", "two", "three"])
              assert.strictEqual(vectors.length, 3)
              assert.strictEqual(vectorDigest(vectors[2]!), vectorDigest((yield* reference(["three"]))[0]!))
            }))
          assert.deepStrictEqual(counts, { texts: 5, calls: 2 }) // 2, then 0 (cached), then all 3 (Redis down)
        }),
      (server) => Effect.promise(() => server.kill())
    ))

  it.live("a batch is one MGET, and its misses one MULTI", () =>
    Effect.acquireUseRelease(
      Effect.promise(() => startServer()),
      (server: Server) =>
        Effect.gen(function*() {
          yield* withEmbedder({ url: server.url, keyPrefix: "emb-trips" }, (e) =>
            Effect.gen(function*() {
              yield* e.embedMany(["one", "two"])
              yield* Effect.promise(() => resetCommandCounts(server.url))
              yield* e.embedMany(["one", "two", "three", "four", "three"])
              assert.deepStrictEqual(yield* Effect.promise(() => commandCounts(server.url)), {
                mget: 1,
                multi: 1,
                set: 2,
                exec: 1
              })
            }))
        }),
      (server) => Effect.promise(() => server.kill())
    ))
})
