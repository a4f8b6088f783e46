/** Workflows.mergeStates: the reducers of the original ALMA (reference §5.10) and their errors. */
import { assert, layer } from "@effect/vitest"
import { Effect } from "effect"
import * as Workflows from "../../src/services/Workflows.js"
import { backends } from "./workflowStack.js"

const memory = backends[0].stack()

layer(memory)("Workflows.mergeStates", (it) => {
  const merge = (states: ReadonlyArray<Record<string, unknown>>, reducers?: Record<string, string>) =>
    Effect.flatMap(Workflows.Workflows, (wf) => wf.mergeStates(states, reducers))
  const failure = (states: ReadonlyArray<Record<string, unknown>>, reducers?: Record<string, string>) =>
    Effect.map(Effect.flip(merge(states, reducers)), (e) => ({ field: e.field, reason: e.reason }))

  it.effect("defaults every key to last, taking keys in order of first appearance", () =>
    Effect.gen(function*() {
      const merged = yield* merge([{ a: 1, b: "x" }, { a: 2, c: null }, { b: "y" }])
      assert.deepStrictEqual(merged, { a: 2, b: "y", c: null })
      assert.deepStrictEqual(Object.keys(merged), ["a", "b", "c"])
    }))

  it.effect("no states → {}; one state → a copy, reducers not applied (as the original)", () =>
    Effect.gen(function*() {
      assert.deepStrictEqual(yield* merge([]), {})
      const only = { n: 5, list: [1] }
      const merged = yield* merge([only], { n: "append" })
      assert.deepStrictEqual(merged, { n: 5, list: [1] })
      assert.notStrictEqual(merged, only)
      assert.notStrictEqual(merged["list"], only.list)
    }))

  it.effect("first / last and their original names first_value / last_value", () =>
    Effect.gen(function*() {
      const states = [{ a: 1, b: 1 }, { a: 2 }, { a: 3, b: 3 }]
      assert.deepStrictEqual(yield* merge(states, { a: "first", b: "first_value" }), { a: 1, b: 1 })
      assert.deepStrictEqual(yield* merge(states, { a: "last_value" }), { a: 3, b: 3 })
    }))

  it.effect("append concatenates arrays, appends scalars, skips null; union keeps distinct items by JSON equality", () =>
    Effect.gen(function*() {
      const states = [
        { log: ["a", "b"], tags: [{ k: 1, j: 2 }, "x"] },
        { log: null, tags: ["x", { j: 2, k: 1 }] },
        { log: "c", tags: [["n"], "y"] },
        { log: [["nested"]], tags: [["n"]] }
      ]
      assert.deepStrictEqual(yield* merge(states, { log: "append", tags: "union" }), {
        log: ["a", "b", "c", ["nested"]],
        tags: [{ j: 2, k: 1 }, "x", ["n"], "y"]
      })
    }))

  it.effect("sum adds numbers, max / min take numbers or strings, merge_dict merges shallowly (later wins)", () =>
    Effect.gen(function*() {
      const merged = yield* merge(
        [
          { n: 1, hi: 3, lo: "b", cfg: { a: 1, deep: { x: 1 } } },
          { n: 2.5, hi: 7, lo: "a", cfg: { b: 2, deep: { y: 2 } } },
          { n: null, hi: -1, lo: null, cfg: null },
          { other: true }
        ],
        { n: "sum", hi: "max", lo: "min", cfg: "merge_dict", none: "sum" }
      )
      assert.deepStrictEqual(merged, { n: 3.5, hi: 7, lo: "a", cfg: { a: 1, deep: { y: 2 }, b: 2 }, other: true })
      assert.deepStrictEqual(yield* merge([{ t: "2024-01-02" }, { t: "2024-03-01" }], { t: "max" }), { t: "2024-03-01" })
      assert.deepStrictEqual(yield* merge([{ t: null }, { t: null }], { t: "max" }), { t: null })
      assert.deepStrictEqual(yield* merge([{ t: null }, { t: null }], { t: "sum" }), { t: 0 })
    }))

  it.effect("keeps a __proto__ key as data, never as a prototype", () =>
    Effect.gen(function*() {
      const a = JSON.parse('{"__proto__": {"polluted": 1}, "x": 1}')
      const b = JSON.parse('{"__proto__": {"more": 2}}')
      const merged = yield* merge([a, b], { __proto__: "merge_dict" } as never)
      assert.isTrue(Object.hasOwn(merged, "__proto__"))
      assert.deepStrictEqual(Object.getPrototypeOf(merged), Object.prototype)
      assert.isUndefined(({} as Record<string, unknown>)["polluted"])
    }))

  it.effect("names the offending reducer or value", () =>
    Effect.gen(function*() {
      const unknown = yield* failure([{ a: 1 }, { a: 2 }], { a: "average" })
      assert.strictEqual(unknown.field, "reducer_config.a")
      assert.include(unknown.reason, "allowed: last, first, append")
      assert.strictEqual((yield* failure([{ n: 1 }, { n: "2" }], { n: "sum" })).field, "states.1.n")
      assert.strictEqual((yield* failure([{ n: 1 }, { n: true }], { n: "sum" })).field, "states.1.n")
      assert.strictEqual((yield* failure([{ m: 1 }, { m: 2 }, { m: "3" }], { m: "max" })).field, "states.2.m")
      assert.strictEqual((yield* failure([{ m: [1] }, { m: [2] }], { m: "min" })).field, "states.0.m")
      assert.strictEqual((yield* failure([{ d: [1] }, { d: {} }], { d: "merge_dict" })).field, "states.0.d")
      assert.strictEqual((yield* failure([{ a: 1 }, [] as never])).field, "states.1")
      assert.strictEqual((yield* failure([{ a: 1 }, { a: { when: new Date() } }])).field, "states.1.a.when")
    }))
})
