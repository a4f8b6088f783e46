/**
 * Bearer tokens in the configuration (issue 19 item 5): a rejected token is never repeated in the
 * `ConfigurationError` (not even in part), and a token an `Authorization: Bearer` header could never
 * carry (whitespace, characters outside RFC 6750's b64token) is refused at load, naming the entry.
 */
import { assert, describe, it } from "@effect/vitest"
import { Effect, Redacted } from "effect"
import { parseConfig } from "../../config/AlmaConfig.js"
import type { ConfigurationError } from "../../src/domain/AlmaError.js"
import * as Auth from "../../src/server/Auth.js"

const file = "/proj/.alma/config.yaml"
const GOOD = "Zq9xKw3Vk7Jm2Tn5Rb8Hc4Yd"

const withTokens = (...tokens: ReadonlyArray<string>) =>
  `server:\n  tokens:\n${tokens.map((t, i) => `    - token: ${t}\n      project: p${i}\n`).join("")}`

const fails = (text: string, env: Record<string, string> = {}) => Effect.flip(parseConfig(text, { file, env }))

/** Every rendering of the error: fields, message and JSON. */
const rendered = (e: ConfigurationError) => [e.key, e.description, e.message, String(e), JSON.stringify(e)].join("\n")

/** Asserts that no 4-character piece of `secret` appears in the error. */
const assertNoPiece = (e: ConfigurationError, secret: string) => {
  const text = rendered(e)
  for (let i = 0; i + 4 <= secret.length; i++) {
    const piece = secret.slice(i, i + 4)
    if (piece.trim().length < 4) continue
    assert.notInclude(text, piece, `the error repeats "${piece}" of the token: ${text}`)
  }
}

describe("AlmaConfig: bearer tokens are never echoed", () => {
  it.effect("a short token: the length and the entry, not the value", () =>
    Effect.gen(function*() {
      const short = "Qz7Xw3Vk9"
      const e = yield* fails(withTokens(GOOD, short))
      assert.strictEqual(e.key, "server.tokens[1].token")
      assert.include(e.description, "9 characters")
      assert.include(e.description, "at least 16")
      assertNoPiece(e, short)
    }))

  it.effect("a short token from the environment is not echoed either", () =>
    Effect.gen(function*() {
      const e = yield* fails(withTokens("${ALMA_TOKEN}"), { ALMA_TOKEN: "Wm4Rt8Yp2Lq" })
      assert.strictEqual(e.key, "server.tokens[0].token")
      assertNoPiece(e, "Wm4Rt8Yp2Lq")
    }))

  it.effect("a token of the wrong kind, or tokens given as plain strings, name the kind only", () =>
    Effect.gen(function*() {
      const number = yield* fails(withTokens("8675309123456789"))
      assert.strictEqual(number.key, "server.tokens[0].token")
      assert.include(number.description, "a number")
      assertNoPiece(number, "8675309123456789")
      const listOfStrings = yield* fails(`server:\n  tokens:\n    - ${GOOD}\n`)
      assert.strictEqual(listOfStrings.key, "server.tokens[0]")
      assertNoPiece(listOfStrings, GOOD)
      const oneString = yield* fails(`server:\n  tokens: ${GOOD}\n`)
      assert.strictEqual(oneString.key, "server.tokens")
      assertNoPiece(oneString, GOOD)
    }))

  it.effect("a malformed variable reference in a token is not quoted back", () =>
    Effect.gen(function*() {
      const e = yield* fails(withTokens("\"Pk2Vn8Qa${Zr-Yx}Lm5Wd9Tb\""))
      assert.strictEqual(e.key, "server.tokens[0].token")
      assert.include(e.description, "malformed variable reference")
      assertNoPiece(e, "Pk2Vn8Qa${Zr-Yx}Lm5Wd9Tb")
    }))
})

describe("AlmaConfig: tokens must be RFC 6750 b64tokens", () => {
  it.effect("a token with a space is refused at load, naming the entry and what is allowed", () =>
    Effect.gen(function*() {
      const spaced = "Hn3Bv7Xc Jk4Mq8Wz2"
      const e = yield* fails(withTokens(`"${spaced}"`))
      assert.strictEqual(e.key, "server.tokens[0].token")
      assert.include(e.description, "whitespace at character 9")
      assert.include(e.description, "A-Z a-z 0-9 - . _ ~ + /")
      assertNoPiece(e, spaced)
      // The same text can never authenticate: the header parser refuses it.
      assert.isUndefined(Auth.bearerToken(`Bearer ${spaced}`))
    }))

  it.effect("a trailing newline from the environment is whitespace too", () =>
    Effect.gen(function*() {
      const e = yield* fails(withTokens("${ALMA_TOKEN}"), { ALMA_TOKEN: `${GOOD}\n` })
      assert.strictEqual(e.key, "server.tokens[0].token")
      assert.include(e.description, "trailing newline")
      assertNoPiece(e, GOOD)
    }))

  it.effect("characters outside b64token (and = before the end) are refused, by position", () =>
    Effect.gen(function*() {
      for (const [token, position] of [["Gf5Ds9Aq!Lp3Ok7Ij", 9], ["Gf5Ds9Aq=Lp3Ok7Ij", 9], ["Gf5Ds9Aqé4Lp3Ok7Ij", 9]] as const) {
        const e = yield* fails(withTokens(`"${token}"`))
        assert.strictEqual(e.key, "server.tokens[0].token", token)
        assert.include(e.description, `character ${position} is not allowed`, token)
        assertNoPiece(e, token)
      }
    }))

  it.effect("every b64token character and = padding are accepted, and authenticate", () =>
    Effect.gen(function*() {
      const token = "AZaz09-._~+/Zq9xKw3V=="
      const config = yield* parseConfig(withTokens(token), { file, env: {} })
      assert.strictEqual(Redacted.value(config.server.tokens[0]!.token), token)
      const auth = Auth.make(config.server.tokens, "default")
      assert.deepStrictEqual(auth.projectOf(`Bearer ${token}`), auth.projectOf(`bearer  ${token}`))
      assert.strictEqual(Auth.bearerToken(`Bearer ${token}`), token)
      assert.isUndefined(Auth.bearerToken(`Bearer ${token}!`))
      assert.isUndefined(Auth.bearerToken(`Bearer ${token.slice(0, 5)}\t${token.slice(5)}`))
    }))
})
