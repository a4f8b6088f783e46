import { assert, describe, it } from "@effect/vitest"
import { Effect, Schema } from "effect"
import { decodeInput, MAX_INPUT_DEPTH } from "../../src/internal/validate.js"
import { LearnInput } from "../../src/domain/Inputs.js"

const nest = (depth: number): unknown => {
  let v: unknown = "leaf"
  for (let i = 0; i < depth; i++) v = { a: v }
  return v
}

describe("decodeInput", () => {
  it.effect("refuses an input nested 5,000 levels deep with a ValidationError naming where (no stack overflow)", () =>
    Effect.gen(function*() {
      const input = { agent: "helena", task: "t", outcome: "success", strategyUsed: "s", metadata: nest(5_000) }
      const e = yield* Effect.flip(decodeInput(LearnInput, input))
      assert.strictEqual(e._tag, "ValidationError")
      assert.match(e.field, /^metadata\.a\.a/)
      assert.include(e.reason, `${MAX_INPUT_DEPTH} levels`)
    }))

  it.effect("accepts nesting up to the limit and still reports ordinary field errors", () =>
    Effect.gen(function*() {
      const ok = yield* decodeInput(Schema.Struct({ m: Schema.Unknown }), { m: nest(MAX_INPUT_DEPTH - 1) })
      assert.isDefined(ok.m)
      const e = yield* Effect.flip(decodeInput(LearnInput, { agent: "helena", task: "t", outcome: "maybe", strategyUsed: "s" }))
      assert.strictEqual(e.field, "outcome")
    }))
})
