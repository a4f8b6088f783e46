/**
 * What only the Redis retrieval cache does (the shared semantics are in test/conformance/cache):
 * sharing across processes, start-up and run-time failures, the key layout, namespaces.
 */
import { afterAll, assert, it } from "@effect/vitest"
import { Effect, Logger, LogLevel, Ref } from "effect"
import * as RedisCache from "../../layers/redis/RedisCache.js"
import { sliceKeys } from "../../layers/redis/internal/keys.js"
import type * as MemoryCache from "../../src/services/MemoryCache.js"
import { countedKey, encoded, lookup, slice } from "../conformance/cache/slices.js"
import type { Server } from "../fixtures/redisServer.js"
import {
  commandCounts,
  deleteRunKeys,
  freePort,
  freshPrefix,
  inspect,
  resetCommandCounts,
  runWriter,
  startServer
} from "../fixtures/redisServer.js"
import { describeWithService } from "../support/services.js"

/** Runs `f` with a Redis cache open for its duration. */
const withCache = <A, E>(options: RedisCache.Options, f: (cache: MemoryCache.Service) => Effect.Effect<A, E>) =>
  Effect.scoped(Effect.flatMap(RedisCache.make(options), f))

/** Collects the log lines written while `self` runs. */
const captureLogs = <A, E>(self: Effect.Effect<A, E>) =>
  Effect.gen(function*() {
    const lines = yield* Ref.make<ReadonlyArray<{ readonly level: string; readonly message: string }>>([])
    const logger = Logger.make(({ logLevel, message }) => {
      const text = Array.isArray(message) ? message.map(String).join(" ") : String(message)
      Effect.runSync(Ref.update(lines, (ls) => [...ls, { level: logLevel.label, message: text }]))
    })
    const result = yield* self.pipe(Effect.provide(Logger.replace(Logger.defaultLogger, logger)), Logger.withMinimumLogLevel(LogLevel.Debug))
    return [result, yield* Ref.get(lines)] as const
  })

describeWithService("redis", "RedisCache", (url) => {
  afterAll(() => deleteRunKeys(url))

  it.live("a write in another process invalidates the slices this process cached", () =>
    Effect.gen(function*() {
      const keyPrefix = freshPrefix("xproc")
      const runs = yield* Ref.make(0)
      const helena = countedKey(runs, "p", "helena-request", ["helena", "@user/ana"])
      const victor = countedKey(runs, "p", "victor-request", ["victor"])
      yield* withCache({ url, keyPrefix }, (cache) =>
        Effect.gen(function*() {
          yield* lookup(cache, helena)
          yield* lookup(cache, victor)
          assert.isTrue((yield* lookup(cache, helena))[1])
          const child = yield* Effect.promise(() => runWriter(["invalidate", url, keyPrefix, "p", "@user/ana"]))
          assert.strictEqual(child.code, 0, child.stderr)
          assert.isFalse((yield* lookup(cache, helena))[1], "the other process's write must be seen here")
          assert.isTrue((yield* lookup(cache, victor))[1], "slices without that owner survive")
          const all = yield* Effect.promise(() => runWriter(["invalidateAll", url, keyPrefix]))
          assert.strictEqual(all.code, 0, all.stderr)
          assert.isFalse((yield* lookup(cache, victor))[1])
        }))
      assert.strictEqual(yield* Ref.get(runs), 4)
    }))

  it.live("a slice cached by one process is a hit in another, and in a fresh layer", () =>
    Effect.gen(function*() {
      const keyPrefix = freshPrefix("shared")
      const child = yield* Effect.promise(() => runWriter(["get", url, keyPrefix, "p", "req", "helena", "from-child"]))
      assert.strictEqual(child.code, 0, child.stderr)
      assert.deepStrictEqual(child.lines[0], { hit: false, query: "from-child", runs: 1 })
      const runs = yield* Ref.make(0)
      const key = countedKey(runs, "p", "req", ["helena"], slice("computed-here"))
      const [value, hit] = yield* withCache({ url, keyPrefix }, (cache) => lookup(cache, key))
      assert.isTrue(hit)
      assert.deepStrictEqual(yield* encoded(value), yield* encoded(slice("from-child")))
      // and again from a new connection, after the first one closed
      const [again, hitAgain] = yield* withCache({ url, keyPrefix }, (cache) => lookup(cache, key))
      assert.isTrue(hitAgain)
      assert.strictEqual(again.query, "from-child")
      assert.strictEqual(yield* Ref.get(runs), 0)
      // the child, once more, hits the entry it wrote
      const second = yield* Effect.promise(() => runWriter(["get", url, keyPrefix, "p", "req", "helena", "x"]))
      assert.deepStrictEqual(second.lines[0], { hit: true, query: "from-child", runs: 0 })
    }))

  it.live("keys are namespaced by prefix and project, and slices expire in Redis", () =>
    Effect.gen(function*() {
      const keyPrefix = freshPrefix("layout")
      const runs = yield* Ref.make(0)
      yield* withCache({ url, keyPrefix }, (cache) => lookup(cache, countedKey(runs, "proj:1", "req", ["helena", "@user/ana"])))
      const keys = sliceKeys(keyPrefix, undefined)
      const [all, ttl, epochTtl] = yield* Effect.promise(() =>
        inspect(url, (r) =>
          Promise.all([r.keys(`${keyPrefix}:*`), r.pttl(keys.slice("proj:1", "req")), r.pttl(keys.epoch)]))
      )
      assert.sameMembers(all, [
        `${keyPrefix}:epoch`,
        `${keyPrefix}:entries`,
        `${keyPrefix}:proj%3A1:gen:helena`,
        `${keyPrefix}:proj%3A1:gen:@user/ana`,
        keys.slice("proj:1", "req")
      ])
      assert.match(keys.slice("proj:1", "req"), new RegExp(`^${keyPrefix}:proj%3A1:slice:[A-Za-z0-9_-]{43}$`))
      // the default TTL, 300 s, as in the original ALMA; generation tokens outlive slices
      assert.isAbove(ttl, 0)
      assert.isAtMost(ttl, 300_000)
      assert.isAtLeast(epochTtl, 300_000)
    }))

  it.live("an undecodable entry is a miss, then replaced", () =>
    Effect.gen(function*() {
      const keyPrefix = freshPrefix("corrupt")
      const runs = yield* Ref.make(0)
      const key = countedKey(runs, "p", "req", ["helena"])
      const slot = sliceKeys(keyPrefix, undefined).slice("p", "req")
      yield* withCache({ url, keyPrefix }, (cache) =>
        Effect.gen(function*() {
          yield* lookup(cache, key)
          yield* Effect.promise(() => inspect(url, (r) => r.set(slot, "{\"id\":\"req\",\"generations\":[],\"slice\":{")))
          assert.isFalse((yield* lookup(cache, key))[1])
          assert.isTrue((yield* lookup(cache, key))[1])
        }))
      assert.strictEqual(yield* Ref.get(runs), 2)
    }))

  it.live("namespaces separate slices but share invalidations", () =>
    Effect.gen(function*() {
      const keyPrefix = freshPrefix("ns")
      const runs = yield* Ref.make(0)
      const key = countedKey(runs, "p", "req", ["helena"])
      yield* withCache({ url, keyPrefix, namespace: "weights-a" }, (a) =>
        withCache({ url, keyPrefix, namespace: "weights-b" }, (b) =>
          Effect.gen(function*() {
            yield* lookup(a, key)
            assert.isFalse((yield* lookup(b, key))[1], "another namespace never serves a's slice")
            assert.isTrue((yield* lookup(b, key))[1])
            yield* a.invalidate("p", ["helena"])
            assert.isFalse((yield* lookup(b, key))[1], "a's write invalidates b's slice")
          })))
      assert.strictEqual(yield* Ref.get(runs), 3)
    }))

  it.live("unreachable at start-up: ConfigurationError on redis.url, without the password", () =>
    Effect.gen(function*() {
      const port = yield* Effect.promise(() => freePort())
      const error = yield* Effect.flip(withCache({ url: `redis://:s3cret-pw@127.0.0.1:${port}`, keyPrefix: "x" }, () => Effect.void))
      assert.strictEqual(error._tag, "ConfigurationError")
      assert.strictEqual(error.key, "redis.url")
      assert.include(error.message, `127.0.0.1:${port}`)
      assert.include(error.message, "start Redis")
      assert.notInclude(error.message, "s3cret-pw")
      const bad = yield* Effect.flip(withCache({ url: "http://127.0.0.1:6379", keyPrefix: "x" }, () => Effect.void))
      assert.strictEqual(bad.key, "redis.url")
      assert.include(bad.description, "expected redis: or rediss:")
      const garbage = yield* Effect.flip(withCache({ url: "not a url", keyPrefix: "x" }, () => Effect.void))
      assert.strictEqual(garbage.key, "redis.url")
    }))

  it.live("Redis dying at run time never fails a retrieval; the cache comes back with it", () =>
    Effect.acquireUseRelease(
      Effect.promise(() => startServer()),
      (server: Server) =>
        Effect.gen(function*() {
          const runs = yield* Ref.make(0)
          const key = countedKey(runs, "p", "req", ["helena"])
          const [, logs] = yield* captureLogs(withCache({ url: server.url, keyPrefix: "outage" }, (cache) =>
            Effect.gen(function*() {
              yield* lookup(cache, key)
              assert.isTrue((yield* lookup(cache, key))[1])
              yield* Effect.promise(() => server.kill())
              for (let i = 0; i < 3; i++) {
                const [value, hit] = yield* lookup(cache, key)
                assert.isFalse(hit)
                assert.strictEqual(value.query, "req")
              }
              yield* cache.invalidate("p", ["helena"])
              yield* cache.invalidateAll
              const stats = yield* cache.stats
              assert.strictEqual(stats.size, 0)
              assert.strictEqual(stats.misses, 4)
              yield* Effect.promise(() => server.restart())
              // ioredis reconnects by itself; wait (bounded) until a slice is cached again
              let hit = false
              for (let i = 0; i < 100 && !hit; i++) {
                hit = (yield* lookup(cache, key))[1]
                if (!hit) yield* Effect.sleep("100 millis")
              }
              assert.isTrue(hit, "the cache works again once Redis is back")
            })))
          assert.isAtLeast(yield* Ref.get(runs), 5)
          const warnings = logs.filter((l) => l.level === "WARN")
          assert.strictEqual(warnings.length, 1, JSON.stringify(logs))
          assert.include(warnings[0]!.message, "computed without the cache")
          const errors = logs.filter((l) => l.level === "ERROR")
          assert.strictEqual(errors.length, 2, JSON.stringify(errors)) // invalidate and invalidateAll
          assert.include(errors[0]!.message, "for up to 5m")
          assert.isTrue(logs.some((l) => l.level === "INFO" && l.message.includes("answers again")))
        }),
      (server) => Effect.promise(() => server.kill())
    ))

  it.live("a hit is one round trip (one script call); an invalidation one transaction", () =>
    Effect.acquireUseRelease(
      Effect.promise(() => startServer()),
      (server: Server) =>
        withCache({ url: server.url, keyPrefix: "trips" }, (cache) =>
          Effect.gen(function*() {
            const runs = yield* Ref.make(0)
            const key = countedKey(runs, "p", "req", ["helena", "victor", "@user/ana"])
            yield* lookup(cache, key)
            yield* Effect.promise(() => resetCommandCounts(server.url))
            for (let i = 0; i < 5; i++) assert.isTrue((yield* lookup(cache, key))[1])
            // 5 round trips; the GETs (slice, epoch, 3 owners) run inside the script, on the server
            assert.deepStrictEqual(yield* Effect.promise(() => commandCounts(server.url)), { evalsha: 5, get: 25 })
            yield* Effect.promise(() => resetCommandCounts(server.url))
            yield* cache.invalidate("p", ["helena", "victor"])
            assert.deepStrictEqual(yield* Effect.promise(() => commandCounts(server.url)), { multi: 1, set: 2, exec: 1 })
          })),
      (server) => Effect.promise(() => server.kill())
    ))
})
