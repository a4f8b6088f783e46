/**
 * The conformance suite every `MemoryCache` layer must pass (in memory, Redis, …).
 *
 * `cacheConformance(name, makeLayer)` registers one describe block; `makeLayer` is called once per
 * test and must return a fresh, empty cache (e.g. a new key prefix). Most tests run under the
 * TestClock (time stands still, so nothing expires by accident and "the same millisecond" is
 * deterministic); the TTL and concurrency tests run on the live clock (`it.live`) with small real
 * durations, and only assert expiry *after* the TTL, never speed. Tests listed in `knownFailures` are
 * registered with `.fails`: they document a defect still open, and start failing (asking to be moved
 * back) once it is fixed.
 */
import { assert, describe, it } from "@effect/vitest"
import type { Duration, Layer } from "effect"
import { Deferred, Effect, Fiber, Ref } from "effect"
import { StorageError } from "../../../src/domain/AlmaError.js"
import * as MemoryCache from "../../../src/services/MemoryCache.js"
import type { Lookup } from "./slices.js"
import { countedKey, encoded, lookup, slice } from "./slices.js"

/** Builds a fresh, empty cache layer. */
export type CacheLayerFactory = (options: {
  readonly timeToLive?: Duration.DurationInput | undefined
}) => Layer.Layer<MemoryCache.MemoryCache, unknown>

/** Suite settings. */
export interface ConformanceOptions {
  /** Titles of tests expected to fail (an open defect of this layer). */
  readonly knownFailures?: ReadonlyArray<string> | undefined
}

/** Shorthand: a get through the cache in context. */
const get = (l: Lookup) => Effect.flatMap(MemoryCache.MemoryCache, (cache) => lookup(cache, l))

export const cacheConformance = (name: string, makeLayer: CacheLayerFactory, options: ConformanceOptions = {}) =>
  describe(`MemoryCache conformance: ${name}`, () => {
    const test = (
      title: string,
      body: () => Effect.Effect<void, unknown, MemoryCache.MemoryCache>,
      settings: { readonly timeToLive?: Duration.DurationInput; readonly live?: boolean } = {}
    ) => {
      const runner = settings.live === true ? it.live : it.effect
      const register = options.knownFailures?.includes(title) ? runner.fails : runner
      register(title, () => Effect.provide(body(), makeLayer({ timeToLive: settings.timeToLive })))
    }

    test("a miss computes once, then the same slice is a hit", () =>
      Effect.gen(function*() {
        const runs = yield* Ref.make(0)
        const key = countedKey(runs, "p", "req-1", ["helena"])
        const [first, firstHit] = yield* get(key)
        const [second, secondHit] = yield* get(key)
        assert.isFalse(firstHit)
        assert.isTrue(secondHit)
        assert.strictEqual(yield* Ref.get(runs), 1)
        // the hit is the slice that was computed, as a MemorySlice, through whatever serialisation
        assert.deepStrictEqual(yield* encoded(second), yield* encoded(first))
        assert.deepStrictEqual(yield* encoded(second), yield* encoded(slice("req-1")))
        assert.strictEqual(second.domainKnowledge[0]!.sharedFrom, "victor")
        assert.strictEqual(second.totalItems, 2)
      }))

    test("concurrent gets of one key compute once", () =>
      Effect.gen(function*() {
        const runs = yield* Ref.make(0)
        const release = yield* Deferred.make<void>()
        const value = slice("shared")
        const key = {
          key: new MemoryCache.RetrievalKey("p", "req-concurrent", ["helena"]),
          compute: Effect.zipRight(Ref.update(runs, (n) => n + 1), Effect.as(Deferred.await(release), value))
        }
        const all = yield* Effect.fork(Effect.all(Array.from({ length: 8 }, () => get(key)), { concurrency: "unbounded" }))
        // every get has started (and joined the computation) well within this pause
        yield* Effect.sleep("300 millis")
        yield* Deferred.succeed(release, undefined)
        const results = yield* Fiber.join(all)
        assert.strictEqual(yield* Ref.get(runs), 1)
        for (const [s] of results) assert.strictEqual(s.query, "shared")
        assert.strictEqual(results.filter(([, hit]) => !hit).length, 1)
        const stats = yield* Effect.flatMap(MemoryCache.MemoryCache, (c) => c.stats)
        assert.strictEqual(stats.misses, 1)
        assert.strictEqual(stats.hits, 7)
      }), { live: true })

    test("invalidate(owner) drops the slices that may contain that owner's memories and keeps the others", () =>
      Effect.gen(function*() {
        const cache = yield* MemoryCache.MemoryCache
        const runs = yield* Ref.make(0)
        const onlyHelena = countedKey(runs, "p", "helena-only", ["helena"])
        const onlyVictor = countedKey(runs, "p", "victor-only", ["victor"])
        const shared = countedKey(runs, "p", "helena-and-user", ["helena", "@user/ana"])
        const userOnly = countedKey(runs, "p", "user-only", ["@user/ana"])
        for (const key of [onlyHelena, onlyVictor, shared, userOnly]) yield* get(key)
        assert.strictEqual(yield* Ref.get(runs), 4)
        yield* cache.invalidate("p", ["helena"])
        assert.isFalse((yield* get(onlyHelena))[1])
        assert.isFalse((yield* get(shared))[1])
        assert.isTrue((yield* get(onlyVictor))[1])
        assert.isTrue((yield* get(userOnly))[1])
        yield* cache.invalidate("p", ["@user/ana"])
        assert.isFalse((yield* get(userOnly))[1])
        assert.isFalse((yield* get(shared))[1])
        assert.isTrue((yield* get(onlyHelena))[1])
        yield* cache.invalidate("p", [])
        assert.isTrue((yield* get(onlyVictor))[1])
        assert.strictEqual(yield* Ref.get(runs), 8)
      }))

    test("invalidation is per project, and projects never share a slice", () =>
      Effect.gen(function*() {
        const cache = yield* MemoryCache.MemoryCache
        const runs = yield* Ref.make(0)
        const inP1 = countedKey(runs, "p1", "same-request", ["helena"])
        const inP2 = countedKey(runs, "p2", "same-request", ["helena"])
        yield* get(inP1)
        const [fromP2, hit] = yield* get(inP2)
        assert.isFalse(hit)
        assert.strictEqual(fromP2.projectId, "p2")
        yield* cache.invalidate("p1", ["helena"])
        assert.isFalse((yield* get(inP1))[1])
        assert.isTrue((yield* get(inP2))[1])
        assert.strictEqual(yield* Ref.get(runs), 3)
      }))

    test("the request id distinguishes slices", () =>
      Effect.gen(function*() {
        const runs = yield* Ref.make(0)
        const [a] = yield* get(countedKey(runs, "p", "request-a", ["helena"]))
        const [b, hit] = yield* get(countedKey(runs, "p", "request-b", ["helena"]))
        assert.isFalse(hit)
        assert.strictEqual(a.query, "request-a")
        assert.strictEqual(b.query, "request-b")
      }))

    test("invalidateAll drops every slice of every project", () =>
      Effect.gen(function*() {
        const cache = yield* MemoryCache.MemoryCache
        const runs = yield* Ref.make(0)
        const keys = [countedKey(runs, "p1", "r", ["helena"]), countedKey(runs, "p2", "r", ["victor"])]
        for (const key of keys) yield* get(key)
        for (const key of keys) assert.isTrue((yield* get(key))[1])
        yield* cache.invalidateAll
        for (const key of keys) assert.isFalse((yield* get(key))[1])
        assert.strictEqual(yield* Ref.get(runs), 4)
      }))

    test("a failed computation is not cached", () =>
      Effect.gen(function*() {
        const attempts = yield* Ref.make(0)
        const key = {
          key: new MemoryCache.RetrievalKey("p", "flaky", ["helena"]),
          compute: Effect.flatMap(Ref.updateAndGet(attempts, (n) => n + 1), (n) =>
            n === 1
              ? Effect.fail(new StorageError({ backend: "test", operation: "first attempt fails" }))
              : Effect.succeed(slice("flaky")))
        }
        // the retry comes at once: in the same millisecond (the TestClock stands still)
        const error = yield* Effect.flip(get(key))
        assert.strictEqual(error._tag, "StorageError")
        const [value, hit] = yield* get(key)
        assert.isFalse(hit)
        assert.strictEqual(value.query, "flaky")
        assert.isTrue((yield* get(key))[1])
        assert.strictEqual(yield* Ref.get(attempts), 2)
      }))

    test("a write during a computation is not lost: its stale result is not served afterwards", () =>
      Effect.gen(function*() {
        const cache = yield* MemoryCache.MemoryCache
        const runs = yield* Ref.make(0)
        const started = yield* Deferred.make<void>()
        const release = yield* Deferred.make<void>()
        const slow = {
          key: new MemoryCache.RetrievalKey("p", "slow", ["helena"]),
          compute: Effect.gen(function*() {
            yield* Ref.update(runs, (n) => n + 1)
            yield* Deferred.succeed(started, undefined)
            yield* Deferred.await(release)
            return slice("computed before the write")
          })
        }
        const first = yield* Effect.fork(get(slow))
        yield* Deferred.await(started)
        // a learn of helena's lands while the retrieval is still computing
        yield* cache.invalidate("p", ["helena"])
        yield* Deferred.succeed(release, undefined)
        yield* Fiber.join(first)
        const runsBefore = yield* Ref.get(runs)
        const [, hit] = yield* get(slow)
        assert.isFalse(hit)
        assert.strictEqual(yield* Ref.get(runs), runsBefore + 1)
      }))

    test("a slice expires after the TTL", () =>
      Effect.gen(function*() {
        const runs = yield* Ref.make(0)
        const key = countedKey(runs, "p", "short-lived", ["helena"])
        yield* get(key)
        assert.isTrue((yield* get(key))[1])
        yield* Effect.sleep("500 millis")
        assert.isFalse((yield* get(key))[1])
        assert.strictEqual(yield* Ref.get(runs), 2)
      }), { timeToLive: "200 millis", live: true })

    test("a TTL of zero disables caching", () =>
      Effect.gen(function*() {
        const runs = yield* Ref.make(0)
        const key = countedKey(runs, "p", "uncached", ["helena"])
        assert.isFalse((yield* get(key))[1])
        assert.isFalse((yield* get(key))[1])
        assert.strictEqual(yield* Ref.get(runs), 2)
      }), { timeToLive: 0 })

    test("stats count hits, misses and stored slices", () =>
      Effect.gen(function*() {
        const cache = yield* MemoryCache.MemoryCache
        const runs = yield* Ref.make(0)
        const a = countedKey(runs, "p", "stats-a", ["helena"])
        const b = countedKey(runs, "p", "stats-b", ["victor"])
        assert.deepStrictEqual(yield* cache.stats, { hits: 0, misses: 0, size: 0 })
        yield* get(a)
        yield* get(a)
        yield* get(b)
        yield* get(a)
        assert.deepStrictEqual(yield* cache.stats, { hits: 2, misses: 2, size: 2 })
      }))
  })
