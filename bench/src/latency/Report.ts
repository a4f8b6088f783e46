/**
 * The `latency` suite's report: its JSON shape, the Markdown tables for BENCHMARKS.md, and the
 * latency-vs-store-size chart.
 *
 * @since 0.1.0
 */
import { latencyVsStoreSizeChart } from "../charts.js"
import type { BenchReport } from "../Suite.js"
import type { BackendSettings } from "./Backend.js"
import type { CachePhase } from "./Cache.js"
import { cacheLines, goalLines, searchLines } from "./ScaleReport.js"
import type { VectorSearchPhase } from "./Search.js"
import type { Calls } from "./Settings.js"
import { f2, int, sizeLabel, type Summary } from "./Stats.js"
import type { InsertPhase, LearnPhase, RetrievePhase } from "./Timing.js"
import type { WorldShape } from "./World.js"

/**
 * One store size's measurements.
 *
 * **Units** latencies in ms; `memoriesPerSecond` in memories/s; `fileMiB` (the SQLite file, or on
 * PostgreSQL the schema's relations with their indexes) and `peakRssMiB` (max of
 * `process.memoryUsage().rss` sampled during each phase) in MiB; `loadAverage1m` read at each phase's
 * start. `vectorSearch`: filtered top-10 and recall@10; `cache`: present with `cache: redis` only.
 *
 * @since 0.1.0
 * @category models
 */
export interface LatencyPoint {
  readonly storeSize: number
  readonly perAgent: number
  readonly seed: {
    readonly records: number
    readonly counts: Record<string, number>
    readonly batchSize: number
    readonly batchMs: Summary
    readonly saveSeconds: number
    readonly buildSeconds: number
    readonly memoriesPerSecond: number
    /** PostgreSQL only: the `ANALYZE` after the seed (s), not part of the rate. */
    readonly analyzeSeconds?: number
  }
  readonly vectorSearch: VectorSearchPhase
  readonly retrieveExcluding: RetrievePhase
  readonly retrieveIncluding: RetrievePhase
  readonly embedOnly: Summary
  readonly cache?: CachePhase
  readonly learnExcluding: LearnPhase
  readonly learnIncluding: LearnPhase
  readonly insertExcluding: InsertPhase
  readonly insertIncluding: InsertPhase
  readonly fileMiB: number
  readonly peakRssMiB: Readonly<Record<string, number>>
  readonly loadAverage1m: Readonly<Record<string, number>>
}

/**
 * The suite's JSON.
 *
 * @since 0.1.0
 * @category models
 */
export interface LatencyJson {
  readonly suite: "latency"
  readonly settings: {
    readonly quick: boolean
    readonly sizes: ReadonlyArray<number>
    readonly shape: WorldShape
    readonly calls: Calls
    readonly embedder: { readonly name: string; readonly label: string; readonly model: string; readonly dimensions: number }
    readonly projectId: string
    readonly backend: BackendSettings
  }
  readonly machine: object
  readonly embeddedTexts: number
  readonly embedSeconds: number
  readonly precomputed: { readonly hits: number; readonly derived: number }
  readonly points: ReadonlyArray<LatencyPoint>
  readonly processPeakRssMiB: number
  readonly wallTimeSeconds: number
}

/**
 * The report of a run: `json` is the {@link LatencyJson}.
 *
 * @since 0.1.0
 * @category models
 */
export interface LatencyReport extends BenchReport {
  readonly json: LatencyJson
}

/** The store's place, for the text: one SQLite file, or one PostgreSQL schema and its settings. */
const where = (b: BackendSettings) =>
  b.storage === "sqlite"
    ? { one: "one SQLite file", fresh: "file" }
    : {
      one: `one PostgreSQL schema (PostgreSQL ${b.pgVersion}, pgvector ${b.pgvectorVersion}, HNSW m ${b.hnsw?.m}, ` +
        `ef_construction ${b.hnsw?.efConstruction}, ef_search ${b.hnsw?.efSearch}, iterative scans; pool of ${b.poolSize})`,
      fresh: "schema"
    }

/**
 * The latency table rows of one point: operation, n, p50, p95, p99, max.
 *
 * @since 0.1.0
 * @category constructors
 */
export const operations = (p: LatencyPoint): ReadonlyArray<readonly [string, Summary]> => [
  ["`retrieve`, excluding embedding", p.retrieveExcluding.latency],
  ["`retrieve`, including embedding", p.retrieveIncluding.latency],
  ["`embed` alone (cache miss)", p.embedOnly],
  ["`learn`, excluding embedding", p.learnExcluding.latency],
  ["`learn`, including embedding", p.learnIncluding.latency],
  [`\`addKnowledgeBatch\` of ${p.insertExcluding.batchSize}, excluding embedding`, p.insertExcluding.latency],
  [`\`addKnowledgeBatch\` of ${p.insertIncluding.batchSize}, including embedding`, p.insertIncluding.latency],
  [`\`Storage.save\` of ${p.seed.batchSize} (seeding), excluding embedding`, p.seed.batchMs]
]

/** The targets table of the Results section, at the 100k point of a full run (else nothing). */
const targetLines = (json: LatencyJson): Array<string> => {
  const lines: Array<string> = []
  const last = json.points.at(-1)!
  const targets = [
    ["`retrieve` p95, excluding embedding", "≤ 10 ms", `${f2(last.retrieveExcluding.latency.p95)} ms`, last.retrieveExcluding.latency.p95 <= 10],
    ["`retrieve` p95, including embedding", "≤ 50 ms", `${f2(last.retrieveIncluding.latency.p95)} ms`, last.retrieveIncluding.latency.p95 <= 50],
    ["`learn` p95, excluding embedding", "≤ 10 ms", `${f2(last.learnExcluding.latency.p95)} ms`, last.learnExcluding.latency.p95 <= 10],
    ["batch insert, excluding embedding", "≥ 2,000 memories/s", `${int(last.seed.memoriesPerSecond)} memories/s`, last.seed.memoriesPerSecond >= 2000]
  ] as const
  if (last.storeSize !== 100_000 || json.settings.quick) return lines
  lines.push("")
  lines.push(`Targets (those of the Results section above) at ${sizeLabel(last.storeSize)} memories:`)
  lines.push("")
  lines.push("| target | required | measured | result |")
  lines.push("|---|---|---|---|")
  for (const [name, required, measured, pass] of targets) {
    lines.push(`| ${name} | ${required} | ${measured} | ${pass ? "PASS" : "**FAIL**"} |`)
  }
  return lines
}

const markdownOf = (json: LatencyJson): string => {
  const { settings } = json
  const at = where(settings.backend)
  const lines: Array<string> = []
  const perAgent = json.points.map((p) => `${sizeLabel(p.storeSize)} (${p.perAgent.toLocaleString("en-US")} per agent)`)
  lines.push(
    `${settings.shape.agents} agents in ${at.one}; store sizes ${perAgent.join(", ")}. Each size is a fresh ${at.fresh} ` +
      `seeded with the synthetic corpus of \`bench/src/latency/Corpus.ts\` (see Method above): 55% outcomes, ` +
      `35% domain knowledge, 5% heuristics, 5% anti-patterns. Embedder: ${settings.embedder.label} (\`${settings.embedder.model}\`, ` +
      `${settings.embedder.dimensions} dimensions). "Excluding embedding" uses precomputed vectors (no model run); ` +
      `"including" runs the model on every call (distinct texts, all cache misses). Retrieval cache off; \`retrieve\` ` +
      `with default options (4 kinds, topK 5). Latencies in ms, one call at a time after warm-up` +
      `${settings.quick ? "; **quick run** (fewer calls, 1k only): a smoke test, not the targets' figures" : ""}.`
  )
  lines.push("")
  lines.push("| operation | memories | n | p50 | p95 | p99 | max |")
  lines.push("|---|---|---|---|---|---|---|")
  for (const [i] of operations(json.points[0]!).entries()) {
    for (const p of json.points) {
      const [name, s] = operations(p)[i]!
      lines.push(`| ${name} | ${sizeLabel(p.storeSize)} | ${s.n} | ${f2(s.p50)} | ${f2(s.p95)} | ${f2(s.p99)} | ${f2(s.max)} |`)
    }
  }
  lines.push("")
  lines.push(
    `| memories | seeding (\`Storage.save\`, excl. embedding) | \`addKnowledgeBatch\` excl. / incl. embedding | ${at.fresh} | ` +
      "peak RSS: seed / retrieve / learn / insert | load (1 min) |"
  )
  lines.push("|---|---|---|---|---|---|")
  for (const p of json.points) {
    const r = p.peakRssMiB
    const max = (...keys: Array<string>) => Math.max(...keys.map((k) => r[k] ?? 0))
    const loads = Object.values(p.loadAverage1m)
    lines.push(
      `| ${sizeLabel(p.storeSize)} | ${int(p.seed.memoriesPerSecond)}/s (${p.seed.records.toLocaleString("en-US")} in ` +
        `${f2(p.seed.saveSeconds)} s) | ${int(p.insertExcluding.memoriesPerSecond)}/s / ` +
        `${int(p.insertIncluding.memoriesPerSecond)}/s | ${p.fileMiB} MiB | ` +
        `${max("seed")} / ${max("retrieveExcluding", "retrieveIncluding", "embedOnly")} / ` +
        `${max("learnExcluding", "learnIncluding")} / ${max("insertExcluding", "insertIncluding")} MiB | ` +
        `${f2(Math.min(...loads))}–${f2(Math.max(...loads))} |`
    )
  }
  lines.push("")
  lines.push(
    `Process peak RSS (\`maxRSS\`): ${json.processPeakRssMiB} MiB. Wall time ${f2(json.wallTimeSeconds)} s, of which ` +
      `${f2(json.embedSeconds)} s embedding ${json.embeddedTexts} texts (cluster centres, strategies, queries) before ` +
      `any timing. The \`addKnowledgeBatch\` phases run last, so each store grows by ` +
      `${int((settings.calls.insertWarmup + settings.calls.insertBatches) * 2 * settings.calls.insertBatchSize)} memories during them; ` +
      "their throughput is memories stored over the summed time of the timed calls."
  )
  if (settings.backend.storage === "sqlite") lines.push(...targetLines(json))
  lines.push(...searchLines(json), ...cacheLines(json), ...goalLines(json))
  lines.push("")
  lines.push("Chart: `latency-vs-store-size.svg` (retrieve and learn p50 / p95 against the store size).")
  return lines.join("\n")
}

/**
 * The report of a run: Markdown tables and the `latency-vs-store-size` chart.
 *
 * @since 0.1.0
 * @category constructors
 */
export const buildReport = (json: LatencyJson): LatencyReport => {
  const series = (name: string, pick: (p: LatencyPoint) => number) => ({
    name,
    points: json.points.map((p) => ({ storeSize: p.storeSize, ms: pick(p) }))
  })
  const chart = latencyVsStoreSizeChart({
    name: "latency-vs-store-size",
    title: `ALMA latency vs store size (${json.settings.shape.agents} agents, ${
      json.settings.backend.storage === "sqlite" ? "SQLite" : "PostgreSQL"
    }, ${json.settings.embedder.model})`,
    series: [
      series("retrieve p50, excl. embedding", (p) => p.retrieveExcluding.latency.p50),
      series("retrieve p95, excl. embedding", (p) => p.retrieveExcluding.latency.p95),
      series("retrieve p95, incl. embedding", (p) => p.retrieveIncluding.latency.p95),
      series("learn p50, excl. embedding", (p) => p.learnExcluding.latency.p50),
      series("learn p95, excl. embedding", (p) => p.learnExcluding.latency.p95)
    ]
  })
  return { suite: "latency", json, markdown: markdownOf(json), charts: [chart] }
}
