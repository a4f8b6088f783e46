import { assert, describe, it } from "@effect/vitest"
import {
  breakdown,
  ndcgAt,
  percentile,
  recallAll,
  recallAny,
  recallFraction,
  reciprocalRankAt,
  summarize
} from "../../src/locomo/Metrics.js"

// Ranked list with evidence b at rank 2 and c at rank 6.
const ranked = ["a", "b", "x", "y", "z", "c", "p", "q", "r", "s", "t"]

describe("LoCoMo metrics (hand-checked)", () => {
  it("recall@k any / all", () => {
    assert.strictEqual(recallAny(ranked, ["b", "c"], 5), 1)
    assert.strictEqual(recallAll(ranked, ["b", "c"], 5), 0)
    assert.strictEqual(recallAll(ranked, ["b", "c"], 10), 1)
    assert.strictEqual(recallAny(ranked, ["c"], 5), 0)
    assert.strictEqual(recallAny(ranked, ["c"], 10), 1)
    assert.strictEqual(recallAny(ranked, ["t"], 10), 0) // rank 11
    assert.strictEqual(recallAll(ranked, [], 10), 0)
    assert.strictEqual(recallAny([], ["b"], 5), 0)
  })

  it("fractional recall@k and reciprocal rank@k", () => {
    assert.strictEqual(recallFraction(ranked, ["b", "c"], 5), 0.5)
    assert.strictEqual(recallFraction(ranked, ["b", "c"], 10), 1)
    assert.strictEqual(recallFraction(ranked, ["b", "c", "m", "n"], 10), 0.5)
    assert.strictEqual(recallFraction(ranked, ["b", "b"], 5), 1) // repeated evidence ids count once
    assert.strictEqual(recallFraction(ranked, [], 5), 0)
    assert.strictEqual(reciprocalRankAt(ranked, ["b", "c"], 5), 1 / 2)
    assert.strictEqual(reciprocalRankAt(ranked, ["c"], 5), 0)
    assert.strictEqual(reciprocalRankAt(ranked, ["c"], 10), 1 / 6)
    assert.strictEqual(reciprocalRankAt(ranked, ["a", "c"], 10), 1)
    assert.strictEqual(reciprocalRankAt(ranked, [], 10), 0)
  })

  it("NDCG@10 with binary relevance", () => {
    // DCG = 1/log2(3) + 1/log2(7) = 0.630930 + 0.356207 = 0.987137; IDCG (2 relevant) = 1 + 0.630930 = 1.630930; NDCG = 0.605260.
    assert.closeTo(ndcgAt(ranked, ["b", "c"], 10), 0.987137 / 1.630930, 1e-6)
    assert.closeTo(ndcgAt(ranked, ["b", "c"], 10), 0.605260, 1e-6)
    // Relevant item first, one of three found: 1 / (1 + 1/log2(3) + 1/2) = 1 / 2.130930.
    assert.closeTo(ndcgAt(["b", "x"], ["b", "m", "n"], 10), 0.469278, 1e-6)
    // Perfect ranking; more evidence than k caps the ideal at k items.
    assert.strictEqual(ndcgAt(["b", "c"], ["b", "c"], 10), 1)
    const twelve = Array.from({ length: 12 }, (_, i) => `e${i}`)
    assert.closeTo(ndcgAt(twelve, twelve, 10), 1, 1e-12)
    // A repeated id counts once; nothing relevant is 0.
    assert.closeTo(ndcgAt(["b", "b"], ["b", "c"], 10), 1 / 1.630930, 1e-6)
    assert.strictEqual(ndcgAt(["x", "y"], ["b"], 10), 0)
    assert.strictEqual(ndcgAt(ranked, [], 10), 0)
  })

  it("nearest-rank percentiles", () => {
    const values = Array.from({ length: 20 }, (_, i) => 20 - i) // 20..1, unsorted order
    assert.strictEqual(percentile(values, 50), 10)
    assert.strictEqual(percentile(values, 95), 19)
    assert.strictEqual(percentile([7], 95), 7)
    assert.isNaN(percentile([], 50))
  })

  it("summaries per category, overall = categories 1-4", () => {
    const judged = [
      { category: 1, evidence: ["b", "c"], ranked, tokens: 100 }, // any@5 1, all@5 0, all@10 1
      { category: 4, evidence: ["c"], ranked, tokens: 300 }, // any@5 0, any@10 1
      { category: 5, evidence: ["a"], ranked, tokens: 200 } // adversarial: any@5 1
    ]
    const m = summarize(judged.slice(0, 2))
    assert.strictEqual(m.n, 2)
    assert.strictEqual(m.recall5Any, 0.5)
    assert.strictEqual(m.recall5All, 0)
    assert.strictEqual(m.recall10Any, 1)
    assert.strictEqual(m.recall10All, 1)
    assert.closeTo(m.ndcg10, (0.605260 + 1 / Math.log2(7)) / 2, 1e-6)
    assert.strictEqual(m.recall5Frac, 0.25) // (1/2 + 0) / 2
    assert.strictEqual(m.recall10Frac, 1)
    assert.strictEqual(m.mrr5, 0.25) // (1/2 + 0) / 2
    assert.closeTo(m.mrr10, (1 / 2 + 1 / 6) / 2, 1e-12)
    assert.strictEqual(m.tokensMedian, 100)
    assert.strictEqual(m.tokensP95, 300)
    const b = breakdown(judged)
    assert.strictEqual(b.overall.n, 2)
    assert.strictEqual(b.all.n, 3)
    assert.deepStrictEqual(Object.keys(b.byCategory), ["1", "4", "5"])
    assert.strictEqual(b.byCategory["5"]!.recall5Any, 1)
    assert.closeTo(b.all.recall5Any, 2 / 3, 1e-12)
  })
})
