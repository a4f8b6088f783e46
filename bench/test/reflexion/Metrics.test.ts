import { assert, describe, it } from "@effect/vitest"
import type { QueryResult } from "../../src/reflexion/Metrics.js"
import { groupBy, rankOf, reciprocalRank, score } from "../../src/reflexion/Metrics.js"

const query = (taskKey: string, rank: number | undefined, family: string = "hotpotqa"): QueryResult => ({
  family,
  run: "r",
  variant: "task",
  taskKey,
  trial: 2,
  ...(rank !== undefined ? { rank } : {}),
  returned: 5,
  ownLessons: 1,
  pool: 10
})

describe("lesson-routing metrics", () => {
  it("rankOf is the 1-based position of the first own item", () => {
    assert.strictEqual(rankOf(["own", undefined], "own"), 1)
    assert.strictEqual(rankOf([undefined, undefined, "own", "own"], "own"), 3)
    assert.isUndefined(rankOf([undefined, undefined], "own"))
    assert.strictEqual(reciprocalRank(4), 0.25)
    assert.strictEqual(reciprocalRank(undefined), 0)
  })

  it("recall@1, recall@5 and MRR on a hand-checked case", () => {
    // ranks 1, 2, 5, absent, 1 → recall@1 = 2/5, recall@5 = 4/5, MRR = (1 + 1/2 + 1/5 + 0 + 1) / 5 = 0.54
    const s = score([query("a", 1), query("a", 2), query("b", 5), query("c", undefined), query("d", 1)])
    assert.strictEqual(s.queries, 5)
    assert.strictEqual(s.tasks, 4)
    assert.closeTo(s.recallAt1, 0.4, 1e-12)
    assert.closeTo(s.recallAt5, 0.8, 1e-12)
    assert.closeTo(s.mrr, 0.54, 1e-12)
    assert.strictEqual(s.meanPool, 10)
  })

  it("no queries gives NaN rates, not zeros", () => {
    const s = score([])
    assert.strictEqual(s.queries, 0)
    assert.isNaN(s.recallAt1)
    assert.isNaN(s.mrr)
  })

  it("groupBy keeps first-seen order", () => {
    const groups = groupBy([query("a", 1, "x"), query("b", 1, "y"), query("c", 1, "x")], (q) => q.family)
    assert.deepStrictEqual([...groups.keys()], ["x", "y"])
    assert.deepStrictEqual(groups.get("x")!.map((q) => q.taskKey), ["a", "c"])
  })
})
