import { assert, describe, it } from "@effect/vitest"
import type { Candidate } from "../../src/locomo/Rankers.js"
import {
  fuseRanking,
  neighbourRanking,
  noisyOr,
  overlapRanking,
  reciprocalRank,
  relativeScore,
  withNeighbours,
  words
} from "../../src/locomo/Rankers.js"

const docs = [
  { id: "d1", words: words("Ana: I went to the pottery class yesterday") },
  { id: "d2", words: words("Bo: I painted a sunrise at the lake") },
  { id: "d3", words: words("Ana: the pottery class was fun, a pottery class helps") },
  { id: "d4", words: words("Bo: kids and work") }
]

describe("LoCoMo rankers", () => {
  it("word overlap: counts distinct query terms (stop words out), ties in document order; idf prefers rare terms", () => {
    // Terms: ana, go, pottery, class. d1 and d3 both have ana, pottery, class (3): a tie, in document order.
    assert.deepStrictEqual(overlapRanking("When did Ana go to the pottery class?", docs, 10, "count"), ["d1", "d3"])
    // Terms: painted, sunrise: only d2. Nothing shared: empty.
    assert.deepStrictEqual(overlapRanking("What was painted at sunrise?", docs, 10, "idf"), ["d2"])
    assert.deepStrictEqual(overlapRanking("the of and", docs, 10, "count"), [])
    // "ana" (2 docs) vs "kids" (1 doc): idf ranks d4 first, the count ties and keeps document order.
    assert.deepStrictEqual(overlapRanking("ana kids", docs, 10, "count"), ["d1", "d3", "d4"])
    assert.deepStrictEqual(overlapRanking("ana kids", docs, 10, "idf")[0], "d4")
  })

  const candidates: ReadonlyArray<Candidate> = [
    { id: "a", vector: 0.6, lexical: 0, vectorRank: 1 },
    { id: "b", vector: 0.4, lexical: 1, vectorRank: 2, lexicalRank: 1 },
    { id: "c", vector: 0.2, lexical: 0.5, lexicalRank: 2 }
  ]

  it("fusions: noisy-OR, relative score and RRF, hand-checked", () => {
    // noisy-OR 0.3: a 0.6; b 1 − 0.6·0.7 = 0.58; c 1 − 0.8·0.85 = 0.32.
    assert.deepStrictEqual(fuseRanking(noisyOr(0.3), candidates, 10), ["a", "b", "c"])
    assert.closeTo(noisyOr(0.3).score(candidates[1]!, candidates), 0.58, 1e-12)
    // noisy-OR 0.7: b 1 − 0.6·0.3 = 0.82 > a 0.6.
    assert.deepStrictEqual(fuseRanking(noisyOr(0.7), candidates, 2), ["b", "a"])
    // relative 0.5: minmax cos a 1, b 0.5, c 0 → a 0.5, b 0.75, c 0.25.
    assert.closeTo(relativeScore(0.5).score(candidates[1]!, candidates), 0.75, 1e-12)
    assert.deepStrictEqual(fuseRanking(relativeScore(0.5), candidates, 10), ["b", "a", "c"])
    // RRF 60: a 1/61, b 1/62 + 1/61, c 1/62.
    assert.deepStrictEqual(fuseRanking(reciprocalRank(60), candidates, 10), ["b", "a", "c"])
  })

  it("dialogue neighbours lift the turn next to a match, within its session only", () => {
    const order = [
      { id: "x", session: 1 }, // outside the pool, before a
      { id: "a", session: 1 },
      { id: "y", session: 2 }, // outside the pool; its session-1 neighbour a does not count
      { id: "b", session: 2 },
      { id: "c", session: 2 }
    ]
    const fusion = withNeighbours(relativeScore(0.5), 0.5)
    assert.strictEqual(fusion.name, "relative-score w=0.5 + neighbours β=0.5")
    // Own scores a 0.5, b 0.75, c 0.25. With neighbours: x 0 + 0.5·0.5 = 0.25; a 0.5 (x is outside the pool);
    // y 0.5·0.75 = 0.375; b 0.75 + 0.5·0.25 = 0.875; c 0.25 + 0.5·0.75 = 0.625. Order b, c, a, y, x.
    assert.deepStrictEqual(neighbourRanking(fusion, candidates, order, 10), ["b", "c", "a", "y", "x"])
  })
})
