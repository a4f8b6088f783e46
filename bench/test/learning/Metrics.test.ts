import { assert, describe, it } from "@effect/vitest"
import { domains, load } from "../../src/learning/Dataset.js"
import type { FormedMemory } from "../../src/learning/Formation.js"
import { f1Of, judge, majorityFamily, perFamily, score } from "../../src/learning/Formation.js"
import type { Family, Query } from "../../src/learning/Model.js"
import { shuffle } from "../../src/learning/Model.js"
import { separation } from "../../src/learning/Paraphrase.js"
import type { Observation, SliceItem, Truth } from "../../src/learning/Slices.js"
import {
  baseRate,
  percentile,
  repeatedTexts,
  scoreRepeats,
  scoreSlices,
  simulate,
  summarisedOutcomes
} from "../../src/learning/Slices.js"

const family = (id: string, polarity: Family["polarity"], size: number, templated = false): Family => ({
  id,
  domain: "d",
  agent: "a",
  scenario: templated ? "d/templated" : `d/${id.split("/")[1]}`,
  polarity,
  templated,
  kind: polarity === "success" ? "heuristic" : "anti_pattern",
  size,
  expected: !templated && size >= (polarity === "success" ? 3 : 2)
})

// Scenario s: success family A (6 outcomes), failure family B (5); scenario u: failure family C (2);
// two templated failures T1, T2.
const families: ReadonlyArray<Family> = [
  family("d/s/success", "success", 6),
  family("d/s/failure", "failure", 5),
  family("d/u/failure", "failure", 2),
  family("d/templated/1", "failure", 1, true),
  family("d/templated/2", "failure", 1, true)
]
const familyOfOutcome = new Map<string, string>([
  ...["a1", "a2", "a3", "a4", "a5", "a6"].map((id) => [id, "d/s/success"] as const),
  ...["b1", "b2", "b3", "b4", "b5"].map((id) => [id, "d/s/failure"] as const),
  ["c1", "d/u/failure"],
  ["c2", "d/u/failure"],
  ["t1", "d/templated/1"],
  ["t2", "d/templated/2"]
])
const truth: Truth = { familyOfOutcome, families }
const memory = (id: string, kind: FormedMemory["kind"], provenance: ReadonlyArray<string>, text = id): FormedMemory => ({
  id,
  kind,
  agent: "a",
  text,
  provenance
})

describe("formation metrics", () => {
  const memories = [
    memory("h1", "heuristic", ["a1", "a2", "a3"]),
    memory("h2", "heuristic", ["a4", "a5"]), // second heuristic of A: duplicate
    memory("p1", "anti_pattern", ["b1", "b2"]),
    memory("p2", "anti_pattern", ["c1", "b3"]), // two failure families: merge
    memory("p3", "anti_pattern", ["t1", "t2"]), // two templated tasks: merge
    memory("h3", "heuristic", ["b4", "b5"]), // a heuristic from failures
    memory("p4", "anti_pattern", ["out_elsewhere"])
  ]

  it("judges each memory by its provenance families, oldest match first", () => {
    const judged = judge(memories, families, familyOfOutcome)
    assert.deepStrictEqual(judged.map((j) => [j.memory.id, j.verdict]), [
      ["h1", "match"],
      ["h2", "duplicate"],
      ["p1", "match"],
      ["p2", "cross-family merge"],
      ["p3", "cross-family merge"],
      ["h3", "wrong kind"],
      ["p4", "unattributed"]
    ])
    assert.deepStrictEqual(judged[3]!.families, ["d/u/failure", "d/s/failure"])
    const fams = perFamily(families, judged)
    assert.deepStrictEqual(fams[0]!.matched, ["h1", "h2"])
    assert.deepStrictEqual(fams[1]!.mergedInto, ["p2"])
    assert.deepStrictEqual(fams[3]!.mergedInto, ["p3"])
  })

  it("precision = covered / formed, recall = covered / expected, duplicates and merges counted", () => {
    const s = score(families, judge(memories, families, familyOfOutcome))
    assert.strictEqual(s.formed, 7)
    assert.strictEqual(s.heuristics, 3)
    assert.strictEqual(s.antiPatterns, 4)
    assert.strictEqual(s.expected, 3)
    assert.strictEqual(s.covered, 2)
    assert.closeTo(s.precision, 2 / 7, 1e-12)
    assert.closeTo(s.recall, 2 / 3, 1e-12)
    assert.closeTo(s.f1, 0.4, 1e-12)
    assert.deepStrictEqual([s.duplicates, s.crossFamilyMerges, s.wrongKind, s.unexpected, s.unattributed], [1, 2, 1, 0, 1])
  })

  it("one memory per expected family scores F1 1; nothing formed scores 0 with precision undefined", () => {
    const perfect = [memory("h", "heuristic", ["a1", "a2", "a3"]), memory("p", "anti_pattern", ["b1", "b2"]), memory("q", "anti_pattern", ["c1", "c2"])]
    const s = score(families, judge(perfect, families, familyOfOutcome))
    assert.deepStrictEqual([s.precision, s.recall, s.f1, s.duplicates, s.crossFamilyMerges], [1, 1, 1, 0, 0])
    const none = score(families, [])
    assert.isNaN(none.precision)
    assert.strictEqual(none.recall, 0)
    assert.strictEqual(none.f1, 0)
    assert.strictEqual(f1Of(NaN, 1), 0)
  })

  it("a memory of a single templated failure is unexpected", () => {
    const s = score(families, judge([memory("p", "anti_pattern", ["t1"])], families, familyOfOutcome))
    assert.strictEqual(s.unexpected, 1)
    assert.strictEqual(s.precision, 0)
  })

  it("majority family needs more than half of the attributed provenance", () => {
    assert.strictEqual(majorityFamily(["b1", "b2", "a1"], familyOfOutcome), "d/s/failure")
    assert.isUndefined(majorityFamily(["b1", "a1"], familyOfOutcome))
    assert.isUndefined(majorityFamily([], familyOfOutcome))
  })
})

const query = (id: string, scenario?: string): Query => ({
  id,
  agent: "a",
  domain: "d",
  task: id,
  kind: scenario === undefined ? "off-topic" : "on-topic",
  scenario
})
const item = (kind: SliceItem["kind"], id: string, provenance: ReadonlyArray<string>, text = id): SliceItem => ({ kind, id, text, provenance })
const observe = (q: Query, items: ReadonlyArray<SliceItem>, tokens = 100): Observation => ({ query: q, items, tokens })

describe("slice metrics", () => {
  it("on-topic precision, hits, repeated texts and summarised outcomes; off-topic items counted", () => {
    const on = [
      observe(query("q1", "d/s"), [
        item("heuristic", "h1", ["a1", "a2", "a3"], "wait for it"),
        item("outcome", "a1", ["a1"], "Wait  for it"), // same text as h1 and in its provenance
        item("outcome", "c1", ["c1"]) // another scenario
      ], 120),
      observe(query("q2", "d/s"), [item("anti_pattern", "p1", ["b1", "b2"])], 40)
    ]
    const s = scoreSlices(on, truth)
    assert.strictEqual(s.items, 4)
    assert.closeTo(s.precision, 3 / 4, 1e-12)
    assert.strictEqual(s.heuristicHit, 0.5)
    assert.strictEqual(s.antiPatternHit, 0.5)
    assert.strictEqual(s.repeatedTexts, 0.5)
    assert.strictEqual(s.summarisedOutcomes, 0.5)
    assert.strictEqual(s.meanTokens, 80)
    assert.strictEqual(s.p95Tokens, 120)
    const off = scoreSlices([observe(query("x"), [item("heuristic", "h1", ["a1"])]), observe(query("y"), [], 0)], truth)
    assert.deepStrictEqual([off.queries, off.items, off.nonEmpty], [2, 1, 1])
    assert.isNaN(off.precision)
  })

  it("repeatedTexts and summarisedOutcomes on their own", () => {
    assert.strictEqual(repeatedTexts([item("outcome", "1", [], "A b"), item("outcome", "2", [], " a  B "), item("outcome", "3", [], "a b")]), 2)
    assert.strictEqual(summarisedOutcomes([item("anti_pattern", "p", ["o1"]), item("outcome", "o1", ["o1"]), item("outcome", "o2", ["o2"])]), 1)
  })

  it("nearest-rank percentile", () => {
    assert.strictEqual(percentile([5, 1, 3, 2, 4], 95), 5)
    assert.strictEqual(percentile([5, 1, 3, 2, 4], 50), 3)
    assert.isNaN(percentile([], 50))
  })
})

describe("repeat-mistake simulation", () => {
  const q = query("q", "d/s")
  const p = 5 / 11

  it("base rate = the scenario's failures / its outcomes", () => {
    assert.closeTo(baseRate(truth, "d/s"), p, 1e-12)
  })

  it("follows a relevant heuristic, avoids a warned strategy, else picks the failing one at the base rate", () => {
    const cases: ReadonlyArray<readonly [ReadonlyArray<SliceItem>, string, number]> = [
      [[item("heuristic", "h", ["a1", "a2", "a3"])], "followed heuristic", 0],
      [[item("anti_pattern", "p", ["b1", "b2"])], "avoided warned strategy", 0],
      [[item("heuristic", "h", ["b1", "b2", "a1"])], "followed failing heuristic", 1],
      [[item("heuristic", "h", ["b1", "b2", "a1"]), item("anti_pattern", "p", ["b3", "b4"])], "avoided warned strategy", 0],
      [[item("heuristic", "h", ["c1", "c2"]), item("anti_pattern", "p", ["c1", "c2"])], "no guidance", p],
      [[], "no guidance", p]
    ]
    const simulated = cases.map(([items, decision, rate]) => {
      const s = simulate(observe(q, items), truth)!
      assert.strictEqual(s.decision, decision)
      assert.closeTo(s.withMemory, rate, 1e-12)
      assert.closeTo(s.baseRate, p, 1e-12)
      return s
    })
    const r = scoreRepeats(simulated)
    assert.strictEqual(r.tasks, 6)
    assert.closeTo(r.withoutMemory, p, 1e-12)
    assert.closeTo(r.withMemory, (1 + 2 * p) / 6, 1e-12)
    assert.closeTo(r.reduction, 1 - (1 + 2 * p) / 6 / p, 1e-12)
    assert.deepStrictEqual(r.decisions, { "followed heuristic": 1, "followed failing heuristic": 1, "avoided warned strategy": 2, "no guidance": 2 })
  })

  it("off-topic queries and scenarios without a failure family are not simulated", () => {
    assert.isUndefined(simulate(observe(query("x"), []), truth))
    assert.isUndefined(simulate(observe(query("y", "d/none"), []), truth))
    assert.isNaN(scoreRepeats([]).reduction)
  })
})

describe("paraphrase separation", () => {
  it("pairs within a family and across families of one agent; templated texts left out", () => {
    const v = (...xs: ReadonlyArray<number>) => Float32Array.from(xs)
    const s = separation([
      { family: "f", agent: "a", templated: false, success: true, text: "", vector: v(1, 0) },
      { family: "f", agent: "a", templated: false, success: true, text: "", vector: v(0.8, 0.6) },
      { family: "g", agent: "a", templated: false, success: true, text: "", vector: v(0, 1) },
      { family: "g", agent: "b", templated: false, success: true, text: "", vector: v(1, 0) },
      { family: "t", agent: "a", templated: true, success: true, text: "", vector: v(1, 0) }
    ], 0.75)
    assert.strictEqual(s.within.pairs, 1)
    assert.closeTo(s.within.mean, 0.8, 1e-6)
    assert.strictEqual(s.within.atThreshold, 1)
    assert.strictEqual(s.across.pairs, 2)
    assert.closeTo(s.across.mean, 0.3, 1e-6)
    assert.closeTo(s.across.max, 0.6, 1e-6)
    assert.strictEqual(s.across.atThreshold, 0)
  })
})

describe("the script", () => {
  it("has at least 200 outcomes, paraphrased families and templated failures, queries of every kind", () => {
    const d = load()
    assert.isAtLeast(d.steps.length, 200)
    assert.strictEqual(d.families.filter((f) => f.expected).length, 32)
    for (const f of d.families.filter((x) => !x.templated)) {
      const texts = d.steps.filter((s) => s.family === f.id).map((s) => s.strategy)
      assert.strictEqual(new Set(texts).size, texts.length, `${f.id}: paraphrases, not repeats`)
      assert.isTrue(d.steps.filter((s) => s.family === f.id).every((s) => s.success === (f.polarity === "success")))
    }
    for (const dom of domains) {
      const templated = d.steps.filter((s) => s.family.startsWith(`${dom.domain}/templated/`))
      assert.strictEqual(new Set(templated.map((s) => s.strategy)).size, 1)
      assert.strictEqual(new Set(templated.map((s) => s.task)).size, templated.length)
    }
    assert.isTrue(d.steps.filter((s) => !s.success).every((s) => s.errorMessage !== undefined))
    const learned = new Set(d.steps.map((s) => s.task))
    assert.isTrue(d.queries.every((q) => !learned.has(q.task)), "queries are never learned tasks")
    assert.deepStrictEqual(
      ["on-topic", "off-topic", "other-domain"].map((k) => d.queries.filter((q) => q.kind === k).length),
      [32, 16, 16]
    )
    const quick = load({ quick: true })
    assert.deepStrictEqual([quick.steps.length, quick.queries.length], [78, 24])
  })

  it("the shuffle is fixed and a permutation", () => {
    const xs = Array.from({ length: 20 }, (_, i) => i)
    assert.deepStrictEqual(shuffle(xs, 7), shuffle(xs, 7))
    assert.deepStrictEqual([...shuffle(xs, 7)].sort((a, b) => a - b), xs)
    assert.notDeepEqual(shuffle(xs, 7), xs)
  })
})
