/**
 * The configuration keys of the browser guard and the per-token limits: their documented
 * defaults, and bad values refused with a ConfigurationError naming the key.
 */
import { assert, describe, it } from "@effect/vitest"
import { Effect } from "effect"
import { defaultConfig, parseConfig } from "../../config/AlmaConfig.js"

const parse = (text: string) => parseConfig(text, { file: "/proj/.alma/config.yaml", env: {} })
const fails = (text: string) => Effect.flip(parse(text))

describe("server.allowed_hosts, max_ws_connections_per_token, max_in_flight_per_token", () => {
  it.effect("defaults: no extra hosts, 64 connections, 256 in flight (as config/default.yaml documents)", () =>
    Effect.gen(function*() {
      const config = yield* parse("server:\n  port: 1\n")
      assert.deepStrictEqual(config.server.allowedHosts, [])
      assert.strictEqual(config.server.maxWsConnectionsPerToken, 64)
      assert.strictEqual(config.server.maxInFlightPerToken, 256)
      assert.deepStrictEqual(
        [defaultConfig.server.maxWsConnectionsPerToken, defaultConfig.server.maxInFlightPerToken],
        [64, 256]
      )
    }))

  it.effect("values are read", () =>
    Effect.gen(function*() {
      const config = yield* parse(
        "server:\n  allowed_hosts: [alma.internal, \"alma.internal:8765\", \"[::1]:9\", \"*\"]\n" +
          "  max_ws_connections_per_token: 3\n  max_in_flight_per_token: 7\n"
      )
      assert.deepStrictEqual(config.server.allowedHosts, ["alma.internal", "alma.internal:8765", "[::1]:9", "*"])
      assert.strictEqual(config.server.maxWsConnectionsPerToken, 3)
      assert.strictEqual(config.server.maxInFlightPerToken, 7)
    }))

  it.effect("a host with a scheme, a path or a space is refused naming the entry", () =>
    Effect.gen(function*() {
      for (const bad of ["http://alma.internal", "alma.internal/x", "alma internal", "alma.internal:"]) {
        const e = yield* fails(`server:\n  allowed_hosts: [${JSON.stringify(bad)}]\n`)
        assert.strictEqual(e._tag, "ConfigurationError")
        assert.strictEqual(e.key, "server.allowed_hosts[0]", bad)
        assert.include(e.description, "host name")
      }
    }))

  it.effect("limits out of 1..100000 are refused naming the key", () =>
    Effect.gen(function*() {
      for (const key of ["max_ws_connections_per_token", "max_in_flight_per_token"]) {
        for (const value of ["0", "100001", "1.5", "many"]) {
          const e = yield* fails(`server:\n  ${key}: ${value}\n`)
          assert.strictEqual(e.key, `server.${key}`, `${key}: ${value}`)
        }
      }
    }))
})
