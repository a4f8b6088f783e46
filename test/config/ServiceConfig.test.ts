import { assert, describe, it } from "@effect/vitest"
import { Effect, Redacted } from "effect"
import { parseConfig } from "../../config/AlmaConfig.js"

const file = "/proj/.alma/config.yaml"
const parse = (text: string, env: Record<string, string | undefined> = {}) => parseConfig(text, { file, env })
const fails = (text: string, env: Record<string, string | undefined> = {}) => Effect.flip(parse(text, env))

describe("AlmaConfig: postgres, redis and server keys", () => {
  it.effect("storage: postgres takes its URL from the environment, redacted, with pgvector's defaults", () =>
    Effect.gen(function*() {
      const config = yield* parse("storage: postgres\npostgres:\n  url: ${ALMA_PG_URL}\n", {
        ALMA_PG_URL: "postgres://alma:s3cret@db:5432/alma"
      })
      assert.strictEqual(config.storage, "postgres")
      assert.strictEqual(Redacted.value(config.postgres!.url), "postgres://alma:s3cret@db:5432/alma")
      assert.notInclude(String(config.postgres!.url), "s3cret")
      assert.notInclude(JSON.stringify(config.postgres), "s3cret")
      assert.deepStrictEqual(config.postgres!.hnsw, { m: 16, efConstruction: 64, efSearch: 40 })
      assert.strictEqual(config.postgres!.schema, "alma")
      assert.strictEqual(config.postgres!.poolSize, 10)
    }))

  it.effect("storage: postgres without a URL says what to set", () =>
    Effect.gen(function*() {
      const e = yield* fails("storage: postgres\n")
      assert.strictEqual(e.key, "postgres.url")
      assert.include(e.description, "ALMA_PG_URL")
    }))

  it.effect("a postgres mapping with another storage is rejected rather than ignored", () =>
    Effect.gen(function*() {
      const e = yield* fails("storage: sqlite\npostgres:\n  url: postgres://x@y/z\n")
      assert.strictEqual(e.key, "postgres")
      assert.include(e.description, "only used with storage: postgres")
    }))

  it.effect("storage_dir with storage: postgres is rejected", () =>
    Effect.gen(function*() {
      const e = yield* fails("storage: postgres\nstorage_dir: data\npostgres:\n  url: postgres://x@y/z\n")
      assert.strictEqual(e.key, "storage_dir")
    }))

  it.effect("a non-postgres URL is rejected", () =>
    Effect.gen(function*() {
      const e = yield* fails("storage: postgres\npostgres:\n  url: mysql://x@y/z\n")
      assert.strictEqual(e.key, "postgres.url")
    }))

  it.effect("cache: redis needs redis.url; redis without cache: redis is rejected", () =>
    Effect.gen(function*() {
      const ok = yield* parse("cache: redis\nredis:\n  url: redis://127.0.0.1:6379\n  key_prefix: team-a\n")
      assert.strictEqual(ok.cache, "redis")
      assert.strictEqual(ok.redis!.keyPrefix, "team-a")
      assert.strictEqual((yield* fails("cache: redis\n")).key, "redis.url")
      assert.strictEqual((yield* fails("redis:\n  url: redis://h:6379\n")).key, "redis")
    }))

  it.effect("the server binds loopback on 8765 by default, without tokens", () =>
    Effect.gen(function*() {
      const config = yield* parse("")
      assert.strictEqual(config.server.host, "127.0.0.1")
      assert.strictEqual(config.server.port, 8765)
      assert.deepStrictEqual(config.server.tokens, [])
      assert.deepStrictEqual(config.server.corsOrigins, [])
    }))

  it.effect("binding a non-loopback address without tokens is a ConfigurationError", () =>
    Effect.gen(function*() {
      const e = yield* fails("server:\n  host: 0.0.0.0\n")
      assert.strictEqual(e.key, "server.tokens")
      assert.include(e.description, "0.0.0.0")
    }))

  it.effect("tokens come from the environment, bound to projects; short or duplicate tokens are refused", () =>
    Effect.gen(function*() {
      const env = { TA: "token-for-team-a-0123456789", TB: "token-for-team-b-0123456789" }
      const config = yield* parse(
        "server:\n  host: 0.0.0.0\n  tokens:\n    - token: ${TA}\n      project: team-a\n    - token: ${TB}\n      project: team-b\n",
        env
      )
      assert.deepStrictEqual(config.server.tokens.map((t) => t.project), ["team-a", "team-b"])
      assert.strictEqual(Redacted.value(config.server.tokens[0]!.token), env.TA)
      const short = yield* fails("server:\n  tokens:\n    - token: short\n      project: a\n")
      assert.strictEqual(short.key, "server.tokens[0].token")
      const dup = yield* fails(
        "server:\n  tokens:\n    - token: ${TA}\n      project: a\n    - token: ${TA}\n      project: b\n",
        env
      )
      assert.strictEqual(dup.key, "server.tokens[1].token")
    }))
})
