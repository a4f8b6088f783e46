import { assert, describe, it } from "@effect/vitest"
import { cluster, clusteringBound } from "../../src/learning/Bound.js"
import type { Embedded } from "../../src/learning/Paraphrase.js"

const v = (...xs: ReadonlyArray<number>) => Float32Array.from(xs)

describe("offline clustering bound", () => {
  it("average linkage merges while the mean link reaches the threshold; complete linkage needs every pair", () => {
    // 0–1 close, 2 close to 1 but not to 0.
    const sim = [
      [1, 0.9, 0.5],
      [0.9, 1, 0.8],
      [0.5, 0.8, 1]
    ]
    assert.deepStrictEqual(cluster(sim, 0.6, "average").map((c) => [...c].sort()), [[0, 1, 2]])
    assert.deepStrictEqual(cluster(sim, 0.6, "complete").map((c) => [...c].sort()), [[0, 1], [2]])
    assert.strictEqual(cluster(sim, 0.95, "average").length, 3)
  })

  it("judges clusters as the benchmark judges memories: covered, merged, duplicated, too small", () => {
    const text = (family: string, success: boolean, vector: Float32Array, templated = false): Embedded => ({
      family,
      agent: "a",
      templated,
      success,
      text: family,
      vector
    })
    const texts = [
      // three paraphrases of one success family (identical vectors: one cluster of 3, a heuristic)
      ...[0, 1, 2].map(() => text("s1", true, v(1, 0, 0))),
      // two failures of one family (an anti-pattern) and a lone failure of another (too small)
      text("f1", false, v(0, 1, 0)),
      text("f1", false, v(0, 1, 0)),
      text("f2", false, v(0, 0, 1))
    ]
    const { best, rows } = clusteringBound(texts, 3)
    assert.isDefined(best)
    // At a high threshold: s1 and f1 covered, f2 never forms: precision 1, recall 2/3.
    const high = rows.find((r) => r.linkage === "complete" && r.threshold === 0.8)!
    assert.strictEqual(high.formed, 2)
    assert.strictEqual(high.covered, 2)
    assert.strictEqual(high.merges, 0)
    assert.closeTo(high.f1, 0.8, 1e-9)
    // The words of f1 and f2 differ and their vectors are orthogonal: no threshold merges them.
    assert.isTrue(rows.every((r) => r.merges === 0))
  })
})

describe("relevance floor sweep", () => {
  it("counts relevant items, relevant lessons and off-topic items at each floor", async () => {
    const { floorSweep } = await import("../../src/learning/Gate.js")
    const truth = {
      familyOfOutcome: new Map([["o1", "d/s/success"], ["o2", "d/t/success"]]),
      families: [
        { id: "d/s/success", scenario: "d/s" },
        { id: "d/t/success", scenario: "d/t" }
      ] as any
    }
    const query = (kind: "on-topic" | "off-topic", scenario?: string) =>
      ({ id: "q", agent: "a", domain: "d", task: "t", kind, scenario }) as any
    const rows = floorSweep([
      {
        query: query("on-topic", "d/s"),
        items: [
          { kind: "heuristic", id: "h", text: "", provenance: ["o1"], relevance: 0.7 },
          { kind: "outcome", id: "o1", text: "", provenance: ["o1"], relevance: 0.45 },
          // another scenario's outcome: not relevant to this query
          { kind: "outcome", id: "o2", text: "", provenance: ["o2"], relevance: 0.9 }
        ]
      },
      { query: query("off-topic"), items: [{ kind: "outcome", id: "o2", text: "", provenance: ["o2"], relevance: 0.5 }] }
    ], truth, [0, 0.5, 0.8])
    assert.deepStrictEqual(rows, [
      { floor: 0, relevantKept: 2, relevantLessonsKept: 1, offTopicKept: 1 },
      { floor: 0.5, relevantKept: 1, relevantLessonsKept: 1, offTopicKept: 1 },
      { floor: 0.8, relevantKept: 0, relevantLessonsKept: 0, offTopicKept: 0 }
    ])
  })
})
