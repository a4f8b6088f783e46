/**
 * The multi-factor score (src/internal/scoring.ts) against the reference's §3.2: default weights
 * 0.4/0.3/0.2/0.1, renormalisation outside [0.99, 1.01], recency `0.5^(age/halfLife)`, the per-kind
 * recency timestamp, success and confidence terms, and the noisy-OR fusion of vector and lexical
 * relevance. Expected values are computed by hand from those formulas, not by calling the module.
 */
import { assert, describe, it } from "@effect/vitest"
import { DateTime } from "effect"
import { MemoryId } from "../../src/domain/Ids.js"
import { AntiPattern, DomainKnowledge, Heuristic, type Memory, Outcome, UserPreference } from "../../src/domain/Memory.js"
import * as Scoring from "../../src/internal/scoring.js"

const DAY = 86_400_000
const at = (ms: number) => DateTime.unsafeMake(ms)
const close = (actual: number, expected: number, message?: string) => assert.closeTo(actual, expected, 1e-12, message)

// Every timestamp of a memory distinct, so the test can tell which one recency is measured from.
const base = (id: string) => ({
  id: MemoryId.make(id),
  projectId: "p",
  createdAt: at(1 * DAY),
  updatedAt: at(2 * DAY),
  metadata: {},
  provenance: []
})

const heuristic = (occurrenceCount: number, successCount: number, confidence = 0.8) =>
  Heuristic.make({
    ...base("heur_0000000000000001"),
    agent: "a",
    taskType: "forms",
    condition: "task type: forms",
    strategy: "validate incrementally",
    confidence,
    occurrenceCount,
    successCount,
    lastValidated: at(3 * DAY)
  })

const outcome = (success: boolean) =>
  Outcome.make({ ...base("out_0000000000000001"), agent: "a", task: "t", taskType: "forms", success, strategyUsed: "s" })

const knowledge = (confidence: number) =>
  DomainKnowledge.make({
    ...base("dk_0000000000000001"),
    agent: "a",
    domain: "auth",
    fact: "tokens expire after 24 hours",
    source: "user_stated",
    confidence,
    lastVerified: at(4 * DAY)
  })

const antiPattern = (occurrenceCount: number) =>
  AntiPattern.make({
    ...base("anti_0000000000000001"),
    agent: "a",
    pattern: "sleep(5000)",
    whyBad: "flaky",
    betterAlternative: "wait for the element",
    occurrenceCount,
    lastSeen: at(5 * DAY)
  })

const preference = (confidence: number) =>
  UserPreference.make({
    ...base("pref_0000000000000001"),
    userId: "u",
    category: "style",
    preference: "short answers",
    source: "explicit",
    confidence
  })

describe("weights", () => {
  it("defaults are 0.4/0.3/0.2/0.1 (reference §3.2) and sum to 1", () => {
    assert.deepStrictEqual(Scoring.defaultWeights, { similarity: 0.4, recency: 0.3, success: 0.2, confidence: 0.1 })
    const w = Scoring.defaultWeights
    close(w.similarity + w.recency + w.success + w.confidence, 1)
  })

  it("weights summing to within [0.99, 1.01] are kept as given, bounds included", () => {
    for (const w of [
      { similarity: 0.4, recency: 0.3, success: 0.2, confidence: 0.1 },
      { similarity: 0.99, recency: 0, success: 0, confidence: 0 },
      { similarity: 0.5, recency: 0.51, success: 0, confidence: 0 }, // 1.01
      { similarity: 1, recency: 0, success: 0, confidence: 0 }
    ]) {
      assert.strictEqual(Scoring.normalizeWeights(w), w)
    }
  })

  it("weights summing outside [0.99, 1.01] are divided by their sum", () => {
    const doubled = Scoring.normalizeWeights({ similarity: 0.8, recency: 0.6, success: 0.4, confidence: 0.2 })
    close(doubled.similarity, 0.4)
    close(doubled.recency, 0.3)
    close(doubled.success, 0.2)
    close(doubled.confidence, 0.1)
    const small = Scoring.normalizeWeights({ similarity: 0.1, recency: 0.1, success: 0, confidence: 0 }) // sum 0.2
    close(small.similarity, 0.5)
    close(small.recency, 0.5)
    assert.strictEqual(small.success, 0)
    // Just outside the band on either side.
    close(Scoring.normalizeWeights({ similarity: 0.98, recency: 0, success: 0, confidence: 0 }).similarity, 1)
    const above = Scoring.normalizeWeights({ similarity: 0.5, recency: 0.52, success: 0, confidence: 0 })
    close(above.similarity, 0.5 / 1.02)
    close(above.similarity + above.recency + above.success + above.confidence, 1)
  })

  it("an all-zero or negative sum falls back to the defaults", () => {
    assert.deepStrictEqual(
      Scoring.normalizeWeights({ similarity: 0, recency: 0, success: 0, confidence: 0 }),
      Scoring.defaultWeights
    )
    assert.deepStrictEqual(
      Scoring.normalizeWeights({ similarity: -1, recency: 0.2, success: 0.2, confidence: 0.1 }),
      Scoring.defaultWeights
    )
  })

  it("the weighted sum is Σ wᵢ·tᵢ", () => {
    const terms = { similarity: 0.5, recency: 0.25, success: 1, confidence: 0.8 }
    close(Scoring.weightedScore(Scoring.defaultWeights, terms), 0.4 * 0.5 + 0.3 * 0.25 + 0.2 * 1 + 0.1 * 0.8)
    close(Scoring.weightedScore(Scoring.defaultWeights, { similarity: 1, recency: 1, success: 1, confidence: 1 }), 1)
    assert.strictEqual(
      Scoring.weightedScore(Scoring.defaultWeights, { similarity: 0, recency: 0, success: 0, confidence: 0 }),
      0
    )
    // Only the similarity weight set: the score is the similarity.
    close(Scoring.weightedScore({ similarity: 1, recency: 0, success: 0, confidence: 0 }, terms), 0.5)
  })
})

describe("recency", () => {
  it("halves every half-life: 0.5^(age/halfLife)", () => {
    close(Scoring.recencyFactor(30, 30), 0.5)
    close(Scoring.recencyFactor(60, 30), 0.25)
    close(Scoring.recencyFactor(15, 30), Math.SQRT1_2)
    close(Scoring.recencyFactor(1, 1), 0.5)
    close(Scoring.recencyFactor(365, 365), 0.5)
    assert.isBelow(Scoring.recencyFactor(1_000, 30), 1e-9)
    assert.strictEqual(Scoring.recencyFactor(Number.POSITIVE_INFINITY, 30), 0)
  })

  it("is 1 at age zero and for timestamps in the future (negative ages)", () => {
    assert.strictEqual(Scoring.recencyFactor(0, 30), 1)
    assert.strictEqual(Scoring.recencyFactor(-0, 30), 1)
    assert.strictEqual(Scoring.recencyFactor(-5, 30), 1)
    assert.strictEqual(Scoring.recencyFactor(Number.NEGATIVE_INFINITY, 30), 1)
  })

  it("a zero half-life makes any positive age worth nothing", () => {
    assert.strictEqual(Scoring.recencyFactor(0.001, 0), 0)
    assert.strictEqual(Scoring.recencyFactor(0, 0), 1)
  })

  it("is strictly decreasing in age", () => {
    const ages = [0, 0.5, 1, 7, 30, 90, 365]
    const values = ages.map((a) => Scoring.recencyFactor(a, 30))
    for (let i = 1; i < values.length; i++) assert.isBelow(values[i]!, values[i - 1]!, `age ${ages[i]}`)
  })

  it("ageDays is (now − at) in days, negative for a future timestamp", () => {
    assert.strictEqual(Scoring.ageDays(at(0), 1.5 * DAY), 1.5)
    assert.strictEqual(Scoring.ageDays(at(10 * DAY), 10 * DAY), 0)
    assert.strictEqual(Scoring.ageDays(at(3 * DAY), 1 * DAY), -2)
  })

  it("is measured from each kind's own timestamp", () => {
    const cases: ReadonlyArray<readonly [Memory, number]> = [
      [heuristic(4, 3), 3 * DAY], // lastValidated
      [outcome(true), 1 * DAY], // createdAt
      [knowledge(0.9), 4 * DAY], // lastVerified
      [antiPattern(2), 5 * DAY], // lastSeen
      [preference(0.9), 2 * DAY] // updatedAt
    ]
    for (const [memory, ms] of cases) {
      assert.strictEqual(DateTime.toEpochMillis(Scoring.recencyTimestamp(memory)), ms, memory.kind)
    }
  })
})

describe("success and confidence terms", () => {
  it("success: heuristic success rate, 0 with no occurrence", () => {
    assert.strictEqual(Scoring.successTerm(heuristic(4, 3)), 0.75)
    assert.strictEqual(Scoring.successTerm(heuristic(5, 5)), 1)
    assert.strictEqual(Scoring.successTerm(heuristic(3, 0)), 0)
    assert.strictEqual(Scoring.successTerm(heuristic(0, 0)), 0)
  })

  it("success: outcome 1 when it succeeded, 0.3 when it failed", () => {
    assert.strictEqual(Scoring.successTerm(outcome(true)), 1)
    assert.strictEqual(Scoring.successTerm(outcome(false)), 0.3)
  })

  it("success: 1 for knowledge, preferences and anti-patterns, whatever the anti-pattern's count", () => {
    assert.strictEqual(Scoring.successTerm(knowledge(0.2)), 1)
    assert.strictEqual(Scoring.successTerm(preference(0.2)), 1)
    // The reference's min(count/10, 1) would give 0.1 and 1 here: dropped on purpose (scoring.ts).
    assert.strictEqual(Scoring.successTerm(antiPattern(1)), 1)
    assert.strictEqual(Scoring.successTerm(antiPattern(50)), 1)
  })

  it("confidence: the stored confidence of heuristics, knowledge and preferences; 1 for the others", () => {
    assert.strictEqual(Scoring.confidenceTerm(heuristic(4, 3, 0.65)), 0.65)
    assert.strictEqual(Scoring.confidenceTerm(knowledge(0)), 0)
    assert.strictEqual(Scoring.confidenceTerm(preference(0.42)), 0.42)
    assert.strictEqual(Scoring.confidenceTerm(outcome(false)), 1)
    assert.strictEqual(Scoring.confidenceTerm(antiPattern(2)), 1)
  })
})

describe("fused relevance", () => {
  it("clamp01 clamps to [0, 1] and maps NaN to 0", () => {
    assert.strictEqual(Scoring.clamp01(0.3), 0.3)
    assert.strictEqual(Scoring.clamp01(0), 0)
    assert.strictEqual(Scoring.clamp01(1), 1)
    assert.strictEqual(Scoring.clamp01(-0.2), 0)
    assert.strictEqual(Scoring.clamp01(1.7), 1)
    assert.strictEqual(Scoring.clamp01(Number.NaN), 0)
    assert.strictEqual(Scoring.clamp01(Number.POSITIVE_INFINITY), 1)
    assert.strictEqual(Scoring.clamp01(Number.NEGATIVE_INFINITY), 0)
  })

  it("is 1 − (1 − vector)·(1 − 0.7·lexical)", () => {
    assert.strictEqual(Scoring.LEXICAL_WEIGHT, 0.7)
    assert.strictEqual(Scoring.fuse(0, 0), 0)
    close(Scoring.fuse(0, 1), 0.7)
    close(Scoring.fuse(0.5, 0.5), 1 - 0.5 * (1 - 0.35))
    close(Scoring.fuse(0.2, 0.6), 1 - 0.8 * (1 - 0.42))
    close(Scoring.fuse(0.6, 0), 0.6)
  })

  it("a perfect vector match stays 1; lexical evidence only raises relevance", () => {
    for (const lexical of [0, 0.3, 1]) assert.strictEqual(Scoring.fuse(1, lexical), 1)
    for (const vector of [0, 0.1, 0.5, 0.9]) {
      for (const lexical of [0.01, 0.5, 1]) {
        assert.isAbove(Scoring.fuse(vector, lexical), vector, `vector ${vector}, lexical ${lexical}`)
        assert.isAtMost(Scoring.fuse(vector, lexical), 1)
      }
    }
  })

  it("inputs out of [0, 1] or NaN are clamped first", () => {
    assert.strictEqual(Scoring.fuse(1.5, 0), 1)
    assert.strictEqual(Scoring.fuse(-0.5, 0), 0)
    close(Scoring.fuse(-0.5, 2), 0.7)
    assert.strictEqual(Scoring.fuse(Number.NaN, Number.NaN), 0)
    close(Scoring.fuse(Number.NaN, 1), 0.7)
    close(Scoring.fuse(0.4, Number.NaN), 0.4)
  })
})
