/**
 * Retrieval modes (src/internal/modes.ts) against the reference's §3.3 table, and mode inference:
 * keyword containment on the lower-cased task, first family wins in the order diagnostic → broad →
 * recall → learning, else precise, with up to 3 matched terms as the reason.
 */
import { assert, describe, it } from "@effect/vitest"
import { inferMode, modes } from "../../src/internal/modes.js"
import { normalizeWeights } from "../../src/internal/scoring.js"

// Reference §3.3, one row per mode: top_k, min score, weights sim/rec/succ/conf, anti-patterns,
// diversity, failure boost, exact-match boost ("no" failure boost is a multiplier of 1).
const table = {
  broad: [15, 0.3, [0.7, 0.1, 0.1, 0.1], false, 0.8, 1, 1],
  precise: [5, 0.7, [0.3, 0.1, 0.4, 0.2], true, 0.2, 1, 2],
  diagnostic: [10, 0.4, [0.4, 0.3, 0, 0.3], true, 0.5, 1.5, 1.5],
  learning: [20, 0.2, [0.9, 0, 0.05, 0.05], true, 0.3, 1, 1],
  recall: [3, 0.5, [0.95, 0, 0, 0.05], false, 0, 1, 3],
  benchmark: [50, 0, [1, 0, 0, 0], false, 0, 1, 1],
  similarity: [20, 0, [1, 0, 0, 0], false, 0, 1, 1]
} as const

describe("modes", () => {
  it("are the seven of the reference, with its parameters", () => {
    assert.deepStrictEqual(Object.keys(modes).sort(), Object.keys(table).sort())
    for (const [name, [topK, minScore, [sim, rec, succ, conf], anti, diversity, failure, exact]] of Object.entries(table)) {
      assert.deepStrictEqual(modes[name], {
        name,
        topK,
        minScore,
        weights: { similarity: sim, recency: rec, success: succ, confidence: conf },
        includeAntiPatterns: anti,
        diversity,
        failureBoost: failure,
        exactMatchBoost: exact
      }, name)
    }
  })

  it("every mode's weights already sum to 1 (renormalisation leaves them as they are)", () => {
    for (const mode of Object.values(modes)) {
      const w = mode.weights
      assert.closeTo(w.similarity + w.recency + w.success + w.confidence, 1, 1e-9, mode.name)
      assert.strictEqual(normalizeWeights(w), w, mode.name)
    }
  })

  it("parameters are in range: topK ≥ 1, min score and diversity in [0, 1], boosts ≥ 1", () => {
    for (const m of Object.values(modes)) {
      assert.isAtLeast(m.topK, 1, m.name)
      assert.isTrue(Number.isInteger(m.topK), m.name)
      for (const x of [m.minScore, m.diversity]) assert.isTrue(x >= 0 && x <= 1, `${m.name}: ${x}`)
      assert.isAtLeast(m.failureBoost, 1, m.name)
      assert.isAtLeast(m.exactMatchBoost, 1, m.name)
    }
  })
})

describe("inferMode", () => {
  const infer = (task: string) => {
    const { matched, mode } = inferMode(task)
    return { mode: mode.name, matched }
  }

  it("no keyword (or an empty task) gives precise with no reason", () => {
    assert.deepStrictEqual(infer(""), { mode: "precise", matched: [] })
    assert.deepStrictEqual(infer("   "), { mode: "precise", matched: [] })
    assert.deepStrictEqual(infer("Fill in the checkout form"), { mode: "precise", matched: [] })
    assert.strictEqual(inferMode("").mode, modes.precise)
  })

  it("each family is recognised by its own keywords", () => {
    assert.deepStrictEqual(infer("The upload is broken"), { mode: "diagnostic", matched: ["broken"] })
    assert.deepStrictEqual(infer("What approach fits the cache?"), { mode: "broad", matched: ["what approach"] })
    assert.deepStrictEqual(infer("When did we rotate the keys?"), { mode: "recall", matched: ["when did"] })
    assert.deepStrictEqual(infer("Find recurring timeouts"), { mode: "learning", matched: ["recurring"] })
    assert.deepStrictEqual(infer("It doesn't work on Safari"), { mode: "diagnostic", matched: ["doesn't work"] })
  })

  it("matching ignores case", () => {
    assert.deepStrictEqual(infer("CRASH ON START"), { mode: "diagnostic", matched: ["crash"] })
    assert.deepStrictEqual(infer("Brainstorm Ideas For onboarding"), {
      mode: "broad",
      matched: ["brainstorm", "ideas for"]
    })
  })

  it("the first family wins: diagnostic, then broad, then recall, then learning", () => {
    // diagnostic + broad + recall + learning keywords: diagnostic.
    assert.strictEqual(infer("what was the design of the recurring error").mode, "diagnostic")
    // broad + recall + learning: broad.
    assert.strictEqual(infer("what was the design of the recurring job").mode, "broad")
    // recall + learning: recall.
    assert.strictEqual(infer("what was the recurring job").mode, "recall")
    assert.deepStrictEqual(infer("what was the recurring job").matched, ["what was"])
  })

  it("the reason lists at most 3 matched terms, in the family's keyword order", () => {
    assert.deepStrictEqual(infer("crash: an exception and a traceback, the fix is wrong, a bug"), {
      mode: "diagnostic",
      matched: ["bug", "fix", "wrong"]
    })
    assert.deepStrictEqual(infer("a similar pattern"), { mode: "learning", matched: ["pattern", "similar"] })
  })

  it("keywords match as substrings, not words (reference §3.3: containment)", () => {
    // "debug" contains "bug"; "prefix" contains "fix"; "paste" contains "past".
    assert.deepStrictEqual(infer("debug the page"), { mode: "diagnostic", matched: ["bug", "debug"] })
    assert.deepStrictEqual(infer("prefix the table names"), { mode: "diagnostic", matched: ["fix"] })
    assert.deepStrictEqual(infer("paste the token"), { mode: "recall", matched: ["past"] })
  })
})
