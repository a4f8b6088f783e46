/** The "same top k, up to ties" comparison of the ranking suite, on hand-made rankings. */
import { assert, describe, it } from "@effect/vitest"
import type { Ranked } from "./agreement.js"
import { topKDisagreements } from "./agreement.js"

const ranking = (...items: ReadonlyArray<readonly [string, number]>): Array<Ranked> =>
  items.map(([id, score]) => ({ id, score }))

const R = ranking(["a", 0.9], ["b", 0.8], ["c", 0.5], ["d", 0.5], ["e", 0.1])

describe("topKDisagreements", () => {
  it("accepts the same ranking, and members tied at the boundary swapped", () => {
    assert.deepStrictEqual(topKDisagreements(R, R, 3, 1e-9), [])
    assert.deepStrictEqual(topKDisagreements(R, ranking(["a", 0.9], ["b", 0.8], ["d", 0.6], ["c", 0.5]), 3, 1e-9), [])
    // a tie in the backend where the reference has none: {a, b, c} is still a top 3 of both
    assert.deepStrictEqual(
      topKDisagreements(R, ranking(["a", 0.9], ["b", 0.8], ["e", 0.5], ["c", 0.5], ["d", 0.5]), 3, 1e-9),
      []
    )
    assert.deepStrictEqual(topKDisagreements(R, ranking(["a", 0.9], ["b", 0.8], ["d", 0.5], ["c", 0.5]), 3, 1e-9), [])
    // other scales, same order: scores are compared within a ranking only
    assert.deepStrictEqual(topKDisagreements(R, ranking(["a", 9], ["b", 8], ["c", 5], ["d", 5], ["e", 1]), 3, 1e-9), [])
    // within the tolerance, scores tie
    assert.deepStrictEqual(
      topKDisagreements(R, ranking(["a", 0.9], ["b", 0.8], ["d", 0.5000001], ["c", 0.5]), 3, 1e-6),
      []
    )
  })

  it("rejects a swapped order, a missing member, an intruder and a different length", () => {
    assert.isNotEmpty(topKDisagreements(R, ranking(["a", 0.9], ["c", 0.8], ["d", 0.7], ["b", 0.4]), 3, 1e-9))
    assert.isNotEmpty(topKDisagreements(R, ranking(["b", 0.9], ["a", 0.8], ["c", 0.5], ["d", 0.5]), 3, 1e-9))
    assert.isNotEmpty(topKDisagreements(R, ranking(["a", 0.9], ["c", 0.8], ["d", 0.5], ["b", 0.4]), 3, 1e-9))
    assert.isNotEmpty(topKDisagreements(R, ranking(["a", 0.9], ["b", 0.8], ["e", 0.7], ["c", 0.5]), 3, 1e-9))
    assert.isNotEmpty(topKDisagreements(R, ranking(["a", 0.9], ["b", 0.8]), 3, 1e-9))
    // c clearly ahead of d where the reference ties them: still a top 3 of both
    assert.deepStrictEqual(topKDisagreements(R, ranking(["a", 0.9], ["b", 0.8], ["c", 0.6], ["d", 0.5]), 3, 1e-9), [])
    // e brought in ahead of c and d, where the reference has it clearly below them
    assert.isNotEmpty(topKDisagreements(R, ranking(["a", 0.9], ["b", 0.8], ["e", 0.6], ["c", 0.5], ["d", 0.5]), 3, 1e-9))
    // fewer than k on one side
    assert.isNotEmpty(topKDisagreements(ranking(["a", 1], ["b", 0.5]), ranking(["a", 1], ["b", 0.5], ["c", 0.2]), 3, 1e-9))
  })
})
