/**
 * The `latency` suite on PostgreSQL (and the Redis cache phase when Redis is configured too), at a tiny
 * size: the JSON carries the PostgreSQL fields, recall is a number in [0, 1], and the run leaves no
 * schema and no Redis key behind. No speed assertions.
 */
import { assert, it } from "@effect/vitest"
import { Effect } from "effect"
import { Redis } from "ioredis"
import { mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import * as path from "node:path"
import * as Pg from "pg"
import { runLatencyWith } from "../../src/latency/Latency.js"
import { describeWithService, serviceUrl } from "../../../test/support/services.js"

const calls = {
  warmup: 2,
  retrieves: 6,
  includingWarmup: 1,
  including: 3,
  embedOnly: 3,
  learns: 4,
  learnsIncluding: 2,
  insertWarmup: 1,
  insertBatches: 2,
  insertBatchSize: 30,
  seedBatch: 100,
  pgSeedBatch: 100,
  vectorSearches: 8,
  cacheQueries: 3,
  cacheRepeats: 2
}

const schemasLike = async (url: string, prefix: string) => {
  const client = new Pg.Client({ connectionString: url })
  await client.connect()
  try {
    const { rows } = await client.query<{ nspname: string }>(
      "select nspname from pg_namespace where starts_with(nspname, $1)",
      [prefix]
    )
    return rows.map((r) => r.nspname)
  } finally {
    await client.end()
  }
}

const redisKeys = async (url: string, pattern: string) => {
  const client = new Redis(url)
  try {
    return await client.keys(pattern)
  } finally {
    client.disconnect()
  }
}

describeWithService("postgres", "latency suite on PostgreSQL", (url) => {
  const redis = serviceUrl("redis")

  it.effect("a tiny run: PostgreSQL fields, recall in [0, 1], every schema dropped", () =>
    Effect.gen(function*() {
      const dir = mkdtempSync(path.join(tmpdir(), "latency-pg-"))
      const config = path.join(dir, "alma.yaml")
      writeFileSync(
        config,
        [
          "storage: postgres",
          "postgres:",
          `  url: "${url}"`,
          "  pool_size: 2",
          "embedding_provider: hash",
          ...(redis === undefined ? [] : ["cache: redis", "redis:", `  url: "${redis}"`, "  key_prefix: alma_test"])
        ].join("\n")
      )
      const progress: Array<number> = []
      const report = yield* runLatencyWith({ config, sizes: [200], calls, onProgress: (done) => progress.push(done) }).pipe(
        Effect.ensuring(Effect.sync(() => rmSync(dir, { recursive: true, force: true })))
      )
      const json = report.json
      const backend = json.settings.backend
      assert.strictEqual(backend.storage, "postgres")
      assert.match(backend.schemaPrefix ?? "", /^bench_[0-9a-z]+$/)
      assert.strictEqual(backend.poolSize, 2)
      assert.deepStrictEqual(backend.hnsw, { m: 16, efConstruction: 64, efSearch: 40 })
      assert.match(backend.pgVersion ?? "", /^\d+/)
      assert.match(backend.pgvectorVersion ?? "", /^\d+\.\d+/)
      assert.strictEqual(json.settings.embedder.model, "hash-256") // the configuration's provider
      assert.strictEqual(progress.length, redis === undefined ? 9 : 10)
      const [p] = json.points
      assert.strictEqual(p!.seed.records, 200)
      assert.strictEqual(p!.seed.batchSize, 100)
      assert.strictEqual(p!.seed.batchMs.n, 2)
      assert.isAbove(p!.fileMiB, 0)
      const search = p!.vectorSearch
      assert.strictEqual(search.k, 10)
      assert.strictEqual(search.all.queries, 8)
      assert.isNumber(search.all.recall)
      assert.isTrue(search.all.recall >= 0 && search.all.recall <= 1, String(search.all.recall))
      assert.isTrue(search.all.minRecall >= 0 && search.all.minRecall <= search.all.recall)
      assert.deepStrictEqual(Object.keys(search.byKind).sort(), ["anti_pattern", "domain_knowledge", "heuristic", "outcome"])
      for (const f of Object.values(search.byKind)) {
        assert.isTrue(f.hitsPerQuery <= Math.min(10, f.partitionSize) + 1e-9, JSON.stringify(f))
      }
      assert.strictEqual(p!.retrieveExcluding.latency.n, 6)
      assert.strictEqual(p!.insertExcluding.latency.n, 2)
      assert.include(report.markdown, "one PostgreSQL schema")
      assert.include(report.markdown, "| 200 | all |")
      assert.deepStrictEqual(yield* Effect.promise(() => schemasLike(url, backend.schemaPrefix!)), [])
      if (redis !== undefined) {
        assert.strictEqual(backend.cache, "memory and redis")
        for (const c of [p!.cache!.redis, p!.cache!.memory]) {
          assert.strictEqual(c.miss.n, 3)
          assert.strictEqual(c.hit.n, 6)
          assert.strictEqual(c.flaggedHits, 6)
          assert.strictEqual(c.unexpected, 0)
        }
        assert.include(report.markdown, "| 200 | redis |")
        const stamp = backend.schemaPrefix!.slice("bench_".length)
        assert.deepStrictEqual(yield* Effect.promise(() => redisKeys(redis, `alma_test:bench:${stamp}:*`)), [])
      }
    }), 60_000)

  it.effect("a configuration that cannot be loaded is a BenchRunError naming the file", () =>
    Effect.gen(function*() {
      const error = yield* Effect.flip(runLatencyWith({ config: "/nonexistent/alma.yaml", sizes: [200], calls }))
      assert.strictEqual(error._tag, "BenchRunError")
      assert.include(error.message, "/nonexistent/alma.yaml")
    }))
})
