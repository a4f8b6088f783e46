import { assert, describe, it } from "@effect/vitest"
import { Effect } from "effect"
import { HashEmbedder } from "alma-memory"
import { runLatencyWith } from "../../src/latency/Latency.js"
import { scaleSizes } from "../../src/latency/Million.js"
import { operations } from "../../src/latency/Report.js"
import { rssSampler } from "../../src/latency/Rss.js"
import { summarize } from "../../src/latency/Stats.js"
import { defaultShape, draw, makeTexts } from "../../src/latency/World.js"
import { suites } from "../../src/registry.js"

const hash = { name: "hash", label: "hash embedder (256d)", layer: HashEmbedder.layer }
const calls = {
  warmup: 2,
  retrieves: 10,
  includingWarmup: 1,
  including: 6,
  embedOnly: 5,
  learns: 8,
  learnsIncluding: 4,
  insertWarmup: 1,
  insertBatches: 3,
  insertBatchSize: 20,
  seedBatch: 100,
  vectorSearches: 12,
  cacheQueries: 4,
  cacheRepeats: 2
}

describe("latency suite", () => {
  it("summarize: nearest-rank percentiles", () => {
    const s = summarize(Array.from({ length: 100 }, (_, i) => 100 - i))
    assert.deepStrictEqual(s, { n: 100, p50: 50, p95: 95, p99: 99, mean: 50.5, min: 1, max: 100 })
    assert.strictEqual(summarize([7]).p99, 7)
    assert.isNaN(summarize([]).p50)
  })

  it("draw: distinct texts across queries, learn inputs and facts; agents take turns", () => {
    const inputs = draw(makeTexts(defaultShape), 1)
    const queries = inputs.queries(50)
    const learns = inputs.learnInputs(30)
    const facts = inputs.facts("agent_03", 40)
    const all = [...queries.map((q) => q.text), ...learns.map((l) => l.task), ...facts.map((f) => f.fact)]
    assert.strictEqual(new Set(all).size, all.length)
    assert.strictEqual(new Set(queries.map((q) => q.agent)).size, 10)
    const texts = makeTexts(defaultShape)
    for (const q of queries) assert.include(texts.agentTypes.get(q.agent)!, q.taskType)
    for (const f of facts) assert.include(texts.agentTypes.get("agent_03")!, f.domain)
  })

  it("rssSampler: a peak per phase, in MiB", async () => {
    const rss = rssSampler(5)
    await rss.phase("a", () => new Promise((r) => setTimeout(r, 20)))
    await rss.phase("b", async () => Buffer.alloc(8 * 2 ** 20, 1).length)
    rss.stop()
    const peaks = rss.peaks()
    assert.deepStrictEqual(Object.keys(peaks), ["a", "b"])
    for (const v of Object.values(peaks)) assert.isTrue(v > 10 && v < 100_000, String(v))
  })

  it("scaleSizes: 1M unless a comma-separated list is given", () => {
    assert.deepStrictEqual(scaleSizes(""), [1_000_000])
    assert.deepStrictEqual(scaleSizes("300000, 1000"), [300_000, 1_000])
  })

  it("registry: latency and peers load lazily as suites", async () => {
    assert.strictEqual(typeof (await suites["latency"]!()), "function")
    assert.strictEqual(typeof (await suites["peers"]!()), "function")
  })

  it.effect("two store sizes with the hash embedder: every phase measured, arithmetic consistent", () =>
    Effect.gen(function*() {
      const progress: Array<number> = []
      const report = yield* runLatencyWith({
        sizes: [200, 400],
        embedder: hash,
        calls,
        onProgress: (done) => progress.push(done)
      })
      const json = report.json
      assert.strictEqual(report.suite, "latency")
      assert.deepStrictEqual(json.points.map((p) => p.storeSize), [200, 400])
      assert.deepStrictEqual(json.points.map((p) => p.perAgent), [20, 40])
      assert.deepStrictEqual(progress, Array.from({ length: 18 }, (_, i) => i + 1))
      assert.strictEqual(json.settings.backend.storage, "sqlite")
      assert.strictEqual(json.settings.embedder.model, "hash-256")
      for (const p of json.points) {
        assert.strictEqual(p.seed.records, p.storeSize)
        assert.strictEqual(Object.values(p.seed.counts).reduce((a, b) => a + b, 0), p.storeSize)
        assert.strictEqual(p.seed.batchMs.n, p.storeSize / 100)
        assert.closeTo(p.seed.memoriesPerSecond, p.storeSize / p.seed.saveSeconds, 1)
        assert.strictEqual(p.vectorSearch.all.queries, 12)
        assert.strictEqual(p.vectorSearch.all.latency.n, 12)
        assert.deepStrictEqual(Object.keys(p.vectorSearch.byKind).sort(), [
          "anti_pattern", "domain_knowledge", "heuristic", "outcome"
        ])
        // Partitions of at most 50 memories are ranked exactly by SQLite.
        assert.isAtLeast(p.vectorSearch.all.recall, 0.9)
        assert.isAtMost(p.vectorSearch.all.recall, 1)
        assert.isAbove(p.vectorSearch.all.hitsPerQuery, 0)
        assert.isUndefined(p.cache)
        assert.strictEqual(p.retrieveExcluding.latency.n, 10)
        assert.strictEqual(p.retrieveIncluding.latency.n, 6)
        assert.strictEqual(p.embedOnly.n, 5)
        assert.strictEqual(p.learnExcluding.latency.n, 8)
        assert.strictEqual(p.learnIncluding.latency.n, 4)
        assert.strictEqual(p.insertExcluding.latency.n, 3)
        assert.strictEqual(p.insertIncluding.batchSize, 20)
        assert.strictEqual(p.retrieveExcluding.cacheHits, 0)
        assert.isAbove(p.retrieveExcluding.itemsPerSlice.p50, 0)
        const learned = Object.entries(p.learnExcluding.actions).filter(([k]) => k.includes("heuristic"))
        assert.strictEqual(learned.reduce((n, [, v]) => n + v, 0), 8)
        for (const [name, s] of operations(p)) {
          assert.isTrue(s.min <= s.p50 && s.p50 <= s.p95 && s.p95 <= s.p99 && s.p99 <= s.max, name)
        }
        const insert = p.insertExcluding
        assert.closeTo(insert.memoriesPerSecond, (3 * 20) / ((insert.latency.mean * 3) / 1000), 2)
        assert.deepStrictEqual(Object.keys(p.peakRssMiB).sort(), [
          "embedOnly", "insertExcluding", "insertIncluding", "learnExcluding", "learnIncluding", "retrieveExcluding",
          "retrieveIncluding", "seed", "vectorSearch"
        ])
        assert.isAbove(p.fileMiB, 0)
      }
      assert.isAbove(json.processPeakRssMiB, 0)
      assert.include(report.markdown, "| operation | memories | n | p50 | p95 | p99 | max |")
      assert.include(report.markdown, "| `retrieve`, excluding embedding | 400 | 10 |")
      assert.notInclude(report.markdown, "Targets") // only at the 100k point
      assert.include(report.markdown, "| 400 | outcome |")
      assert.notInclude(report.markdown, "Retrieval cache:")
      assert.strictEqual(report.charts[0]!.name, "latency-vs-store-size")
      assert.isTrue(report.charts[0]!.svg.startsWith("<svg"))
      assert.include(report.charts[0]!.svg, "retrieve p95, excl. embedding")
    }), 30_000)

  it.effect("a store size that is not a multiple of the agent count is refused", () =>
    Effect.gen(function*() {
      const error = yield* Effect.flip(runLatencyWith({ sizes: [205], embedder: hash, calls }))
      assert.strictEqual(error._tag, "BenchRunError")
      assert.include(error.message, "205")
    }))
})
