/**
 * PostgreSQL bulk-load and filtered-search measurement: saves `--rows` memories of `--dims`-dimensional
 * clustered vectors into a fresh schema in batches of `--batch`, through the multi-row `INSERT` path
 * (`PgStorage.layer` over a plain `PgClient`) or the `COPY` path (`PgStorage.layerWith`), with or
 * without the HNSW index, then times filtered top-10 vector searches (one owner of `--owners`, one
 * kind) and their recall against an exact scan. Embedding is outside every timer (vectors are made
 * up front). The schema is dropped at the end unless `--keep`.
 *
 * Usage: `node --import tsx src/bench/pg/bulk.ts --url postgres://postgres@127.0.0.1/db
 *   [--rows 20000] [--dims 512] [--batch 10000] [--mode copy|insert] [--index on|off]
 *   [--owners 10] [--queries 200] [--keep]`
 *
 * @since 0.1.0
 */
import * as PgClient from "@effect/sql-pg/PgClient"
import { DateTime, Effect, Layer, ManagedRuntime, Redacted } from "effect"
import { parseArgs } from "node:util"
import * as PgStorage from "../../../layers/postgres/PgStorage.js"
import { MemoryId } from "../../domain/Ids.js"
import { Heuristic } from "../../domain/Memory.js"
import * as Embedder from "../../services/Embedder.js"
import * as Storage from "../../services/Storage.js"
import { rng } from "../latency/Corpus.js"
import { log, summarize } from "../latency/Stats.js"

const { values: args } = parseArgs({
  options: {
    url: { type: "string", default: process.env.ALMA_TEST_PG_URL ?? "" },
    rows: { type: "string", default: "20000" },
    dims: { type: "string", default: "512" },
    batch: { type: "string", default: "10000" },
    mode: { type: "string", default: "copy" },
    index: { type: "string", default: "on" },
    owners: { type: "string", default: "10" },
    queries: { type: "string", default: "200" },
    keep: { type: "boolean", default: false }
  }
})

const rows = Number(args.rows)
const dims = Number(args.dims)
const batch = Number(args.batch)
const owners = Number(args.owners)
const queries = Number(args.queries)
const schema = `bench_${Date.now().toString(36)}`
if (args.url === "") throw new Error("--url (or ALMA_TEST_PG_URL) is required")
if (args.mode !== "copy" && args.mode !== "insert") throw new Error("--mode is copy or insert")

// data (outside every timer)

const random = rng(7)
const unit = (v: Float32Array) => Embedder.normalize(v)
/** 100 random centres; members are a centre plus noise (cos to the centre ≈ 0.86, as the latency bench). */
const centres = Array.from({ length: 100 }, () => unit(Float32Array.from({ length: dims }, () => random.next() * 2 - 1)))
const member = () => {
  const centre = centres[random.int(centres.length)]!
  const a = 0.6 * Math.sqrt(3 / dims)
  return unit(centre.map((x) => x + (2 * random.next() - 1) * a))
}
const words = "deploy rollback cache retry timeout queue index schema migrate shard replica backup".split(" ")
const sentence = () => Array.from({ length: 8 }, () => random.pick(words)).join(" ")

const records: Array<Storage.StoredMemory> = Array.from({ length: rows }, (_, i) => {
  const at = DateTime.unsafeMake(1_700_000_000_000 + i * 1000)
  return {
    memory: Heuristic.make({
      id: MemoryId.make(`heur_${i.toString(16).padStart(16, "0")}`),
      projectId: "bench",
      createdAt: at,
      updatedAt: at,
      metadata: {},
      provenance: [],
      agent: `agent${i % owners}`,
      taskType: "deploy",
      condition: sentence(),
      strategy: sentence(),
      confidence: 0.5,
      occurrenceCount: 1,
      successCount: 1,
      lastValidated: at
    }),
    embedding: member()
  }
})
const queryVectors = Array.from({ length: queries }, () => member())

// stack

const embedder = Layer.succeed(Embedder.Embedder, {
  model: "bench",
  dimensions: dims,
  embed: () => Effect.dieMessage("the bench never embeds"),
  embedMany: () => Effect.dieMessage("the bench never embeds")
})
const client = PgClient.layer({ url: Redacted.make(args.url) })
const storage = args.mode === "copy"
  ? PgStorage.layerWith({ url: args.url, schema })
  : PgStorage.layer({ schema }).pipe(Layer.provide(client))
const runtime = ManagedRuntime.make(Layer.merge(storage.pipe(Layer.provide(embedder)), client))

const sql = (run: (sql: PgClient.PgClient) => Effect.Effect<unknown, unknown>) =>
  runtime.runPromise(Effect.flatMap(PgClient.PgClient, run))

const seconds = (t0: number) => (performance.now() - t0) / 1000

try {
  const store = await runtime.runPromise(Storage.Storage)
  if (args.index === "off") await sql((s) => s`drop index ${s(`${schema}.memories_embedding`)}`)
  const t0 = performance.now()
  for (let i = 0; i < rows; i += batch) await runtime.runPromise(store.save(records.slice(i, i + batch)))
  const loaded = seconds(t0)
  log(
    `load: ${rows} rows × ${dims} dims, mode ${args.mode}, batch ${batch}, HNSW index ${args.index}: ` +
      `${loaded.toFixed(1)} s, ${Math.round(rows / loaded)} memories/s`
  )
  await sql((s) => s`analyze ${s(`${schema}.memories`)}`)

  const latencies: Array<number> = []
  let returned = 0
  let recall = 0
  for (const [i, vector] of queryVectors.entries()) {
    const owner = `agent${i % owners}`
    const scope = { projectId: "bench", owners: [owner], kinds: ["heuristic" as const], k: 10 }
    const t = performance.now()
    const hits = await runtime.runPromise(store.vectorSearch(scope, vector))
    latencies.push(performance.now() - t)
    returned += hits.length
    const exact = records
      .filter((r) => r.memory.kind === "heuristic" && r.memory.agent === owner)
      .map((r) => ({ id: r.memory.id, d: 1 - Embedder.cosine(vector, r.embedding) }))
      .sort((a, b) => a.d - b.d)
      .slice(0, 10)
    const found = new Set(hits.map((h) => h.id))
    recall += exact.filter((e) => found.has(e.id)).length / exact.length
  }
  const s = summarize(latencies)
  log(
    `filtered top-10 (1 owner of ${owners}, ${queries} queries): p50 ${s.p50} ms, p95 ${s.p95} ms, ` +
      `rows returned ${(returned / queries).toFixed(2)} of 10, recall@10 ${(recall / queries).toFixed(3)}`
  )
} finally {
  if (!args.keep) await sql((s) => s`drop schema if exists ${s(schema)} cascade`)
  await runtime.dispose()
}
