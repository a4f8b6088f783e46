import { assert, describe, it } from "@effect/vitest"
import { Effect } from "effect"
import { existsSync } from "node:fs"
import { fileURLToPath } from "node:url"
import { HashEmbedder } from "alma-memory"
import { runLocomoWith } from "../../src/locomo/Locomo.js"
import { defaultDatasetPath } from "../../src/locomo/Paths.js"

const fixture = fileURLToPath(new URL("../../../test/fixtures/locomo/tiny-locomo.json", import.meta.url))
const hash = [{ name: "hash", label: "hash embedder (256d)", layer: HashEmbedder.layer }]
const ids = [
  "word-overlap",
  "idf-overlap",
  "lexical",
  "vector:hash",
  "hybrid-top5:hash",
  "hybrid:hash",
  "exp:noisy-OR w=0.7:hash",
  "exp:noisy-OR w=0.3:hash",
  "exp:RRF k=60:hash",
  "exp:relative-score w=0.5:hash",
  "exp:relative-score w=0.5 + neighbours β=0.5:hash"
]

describe("locomo suite", () => {
  it.effect("tiny fixture: every configuration judges the 2 items with evidence; category 5 apart", () =>
    Effect.gen(function*() {
      const progress: Array<readonly [number, number | undefined]> = []
      const report = yield* runLocomoWith({ dataset: fixture, embedders: hash, onProgress: (d, t) => progress.push([d, t]) })
      const json = report.json
      assert.strictEqual(report.suite, "locomo")
      assert.deepStrictEqual(json.configurations.map((c) => c.id), ids)
      for (const c of json.configurations) {
        assert.strictEqual(c.all.n, 2, c.id)
        assert.strictEqual(c.overall.n, 1, c.id) // the category-2 item; category 5 is outside "overall"
        assert.deepStrictEqual(Object.keys(c.byCategory), ["2", "5"], c.id)
        assert.isAbove(c.all.tokensMedian, 0, c.id)
      }
      // 5 turns stored + 2 questions judged, for one embedder.
      assert.deepStrictEqual(progress.at(-1), [7, 7])
      assert.strictEqual(json.dataset.withoutEvidence, 1)
      // The headline is retrieve at the library's default topK (5), with MRR@5 against the idf-overlap baseline.
      assert.strictEqual(json.goal.configuration, "hybrid-top5:hash")
      const byId = new Map(json.configurations.map((c) => [c.id, c]))
      assert.strictEqual(json.goal.measured, byId.get("hybrid-top5:hash")!.overall.recall5Any)
      assert.strictEqual(json.goal.mrr.baseline, byId.get("idf-overlap")!.overall.mrr5)
      assert.strictEqual(json.goal.met, json.goal.measured >= 0.65 && json.goal.mrr.measured >= json.goal.mrr.baseline)
      // The fixture is not the split the lexical weight was chosen on: no row says so.
      assert.isTrue(json.configurations.every((c) => !c.weightsChosenOnThisSplit))
      assert.notInclude(report.markdown, "chosen on this split")
      assert.include(report.markdown, "recall@5 any (hit rate)")
      assert.include(report.markdown, "adversarial (5)")
      assert.strictEqual(report.charts[0]!.name, "locomo-recall-by-category")
      assert.isTrue(report.charts[0]!.svg.startsWith("<svg"))
    }))

  it.effect.skipIf(!existsSync(defaultDatasetPath()))("quick run on the real dataset with the hash embedder", () =>
    Effect.gen(function*() {
      const report = yield* runLocomoWith({ quick: true, embedders: hash })
      const json = report.json
      assert.strictEqual(json.settings.quick, true)
      assert.strictEqual(json.dataset.samples, 1)
      assert.deepStrictEqual(json.configurations.map((c) => c.id), ids)
      for (const c of json.configurations) {
        assert.strictEqual(c.all.n, 100, c.id)
        for (const m of [c.overall, c.all, ...Object.values(c.byCategory)]) {
          if (c.id === "hybrid-top5:hash") {
            // A topK-5 call has no @10 figures.
            for (const v of [m.recall10Any, m.recall10All, m.recall10Frac, m.mrr10, m.ndcg10]) assert.isNaN(v)
            continue
          }
          for (const v of [m.recall5Any, m.recall5All, m.recall10Any, m.recall10All, m.ndcg10, m.recall5Frac, m.recall10Frac, m.mrr5, m.mrr10]) {
            assert.isTrue(v >= 0 && v <= 1, `${c.id}: ${v}`)
          }
          // all ≤ fraction ≤ any (hit rate); MRR@5 ≤ MRR@10 ≤ hit rate@10.
          assert.isAtMost(m.recall5All, m.recall5Frac)
          assert.isAtMost(m.recall5Frac, m.recall5Any)
          assert.isAtMost(m.mrr5, m.mrr10)
          assert.isAtMost(m.mrr10, m.recall10Any)
          assert.isAtMost(m.recall5All, m.recall5Any)
          assert.isAtMost(m.recall5Any, m.recall10Any)
          assert.isAtMost(m.tokensMedian, m.tokensP95)
        }
      }
      // The experimental noisy-OR at the product's weight re-implements Scoring.fuse over the same
      // candidates: it must rank exactly as retrieve does (if this fails, the Retriever's fusion changed).
      const byId = new Map(json.configurations.map((c) => [c.id, c]))
      assert.deepStrictEqual(byId.get("exp:noisy-OR w=0.7:hash")!.all, byId.get("hybrid:hash")!.all)
      assert.isNotNull(json.defaultTopK5)
      assert.include(
        report.markdown,
        "| configuration | recall@5 any (hit rate) | recall@5 (fraction) | recall@5 all | recall@10 any (hit rate) | recall@10 (fraction) | recall@10 all | MRR@5 | MRR@10 | NDCG@10 |"
      )
      // locomo-dev.json is the split the product's lexical weight was chosen on: exactly those rows are marked.
      assert.deepStrictEqual(
        json.configurations.filter((c) => c.weightsChosenOnThisSplit).map((c) => c.id),
        ["hybrid-top5:hash", "hybrid:hash", "exp:noisy-OR w=0.7:hash"]
      )
      assert.include(report.markdown, "† Weights chosen on this split (`locomo-dev.json`")
    }), 20_000)
})
