/**
 * The scale-out tables of the `latency` suite's Markdown: filtered top-10 search with its recall@10,
 * the cache phase (Redis against in-process), and, on PostgreSQL at 100k memories, the goals of the
 * scale-out work (filtered top-10 p95 ≤ 20 ms with recall@10 ≥ 0.95 against exact search; ingestion
 * ≥ 5,000 memories/s excluding embedding).
 *
 * @since 0.1.0
 */
import type { LatencyJson } from "./Report.js"
import type { SearchFigures } from "./Search.js"
import { f2, int, sizeLabel, type Summary } from "./Stats.js"

const r3 = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : "–")

const searchRow = (size: string, kind: string, f: SearchFigures, lexical: Summary | undefined) =>
  `| ${size} | ${kind} | ${int(f.partitionSize)} | ${f.latency.n} | ${f2(f.latency.p50)} | ${f2(f.latency.p95)} | ` +
  `${f2(f.latency.p99)} | ${r3(f.recall)} (${r3(f.minRecall)}) | ${f2(f.hitsPerQuery)} | ` +
  `${f2(lexical?.p50 ?? NaN)} / ${f2(lexical?.p95 ?? NaN)} |`

/**
 * The filtered top-10 table: per store size, all queries then each kind.
 *
 * @since 0.1.0
 * @category constructors
 */
export const searchLines = (json: LatencyJson): Array<string> => {
  const first = json.points[0]?.vectorSearch
  if (first === undefined) return []
  const lines = [
    "",
    `Filtered top-${first.k}: \`Storage.vectorSearch\` directly (no engine around it), scope one agent of ` +
    `${json.settings.shape.agents} and one kind, k ${first.k}, query vectors of real query texts (precomputed), ` +
    `one call at a time after ${json.settings.calls.warmup} warm-up calls; the agents take turns and query i ` +
    "searches kind i mod 4 (55%, 35%, 5% and 5% of each agent's memories). " +
    `Recall@${first.k}: share of the exact top ${first.k} (brute-force cosine distance in JavaScript over the ` +
    `partition's saved vectors) that the search returned, mean over queries (worst query in parentheses). ` +
    "Lexical: `Storage.lexicalSearch` (BM25) over the same scopes with the query texts, in a second pass (p50 / p95)." +
    (json.settings.backend.storage === "postgres"
      ? " On PostgreSQL the memories table is `ANALYZE`d after the seed (outside the timers), as autovacuum " +
        "would do within about a minute of a large load; without statistics the planner scans the partition's " +
        "b-tree instead of the HNSW index."
      : ""),
    "",
    `| memories | kind | partition size | n | p50 | p95 | p99 | recall@${first.k} (min) | rows returned | lexical p50 / p95 |`,
    "|---|---|---|---|---|---|---|---|---|---|"
  ]
  for (const p of json.points) {
    const { lexical } = p.vectorSearch
    lines.push(searchRow(sizeLabel(p.storeSize), "all", p.vectorSearch.all, lexical.all))
    for (const [kind, f] of Object.entries(p.vectorSearch.byKind)) {
      lines.push(searchRow(sizeLabel(p.storeSize), kind, f, lexical.byKind[kind]))
    }
  }
  return lines
}

/**
 * The cache table (with `cache: redis` only).
 *
 * @since 0.1.0
 * @category constructors
 */
export const cacheLines = (json: LatencyJson): Array<string> => {
  const points = json.points.filter((p) => p.cache !== undefined)
  if (points.length === 0) return []
  const { cacheQueries, cacheRepeats } = json.settings.calls
  const lines = [
    "",
    `Retrieval cache: \`retrieve\` (default options, embedding excluded) with the cache on (TTL 5 min); each of ` +
    `${cacheQueries} distinct requests timed once as a miss (computed, then stored) and ${cacheRepeats} times ` +
    "repeated as a hit; the Redis cache of the configuration (keys under a prefix of this run, deleted at the end), " +
    "then the in-process cache for comparison. `unexpected`: calls whose slice's `cacheHit` flag was not the one " +
    "expected (0 means every repeat was served from the cache).",
    "",
    "| memories | cache | miss p50 | miss p95 | hit n | hit p50 | hit p95 | hit p99 | unexpected |",
    "|---|---|---|---|---|---|---|---|---|"
  ]
  for (const p of points) {
    for (const c of [p.cache!.redis, p.cache!.memory]) {
      lines.push(
        `| ${sizeLabel(p.storeSize)} | ${c.cache} | ${f2(c.miss.p50)} | ${f2(c.miss.p95)} | ${c.hit.n} | ` +
          `${f2(c.hit.p50)} | ${f2(c.hit.p95)} | ${f2(c.hit.p99)} | ${c.unexpected} |`
      )
    }
  }
  return lines
}

/**
 * The scale-out goals at the 100k point of a PostgreSQL run that is not quick (else nothing).
 *
 * @since 0.1.0
 * @category constructors
 */
export const goalLines = (json: LatencyJson): Array<string> => {
  const p = json.points.find((x) => x.storeSize === 100_000)
  if (json.settings.backend.storage !== "postgres" || json.settings.quick || p === undefined) return []
  const s = p.vectorSearch.all
  const goals = [
    ["filtered top-10 p95 (`Storage.vectorSearch`)", "≤ 20 ms", `${f2(s.latency.p95)} ms (p50 ${f2(s.latency.p50)})`, s.latency.p95 <= 20],
    ["recall@10 against exact search", "≥ 0.95", `${r3(s.recall)} (worst kind ${r3(Math.min(...Object.values(p.vectorSearch.byKind).map((k) => k.recall)))})`, s.recall >= 0.95],
    [
      `bulk ingestion, excluding embedding (\`Storage.save\` of ${int(p.seed.batchSize)})`,
      "≥ 5,000 memories/s",
      `${int(p.seed.memoriesPerSecond)} memories/s`,
      p.seed.memoriesPerSecond >= 5000
    ]
  ] as const
  return [
    "",
    "Scale-out goals at 100k memories (PostgreSQL):",
    "",
    "| goal | required | measured | result |",
    "|---|---|---|---|",
    ...goals.map(([name, required, measured, pass]) => `| ${name} | ${required} | ${measured} | ${pass ? "PASS" : "**FAIL**"} |`)
  ]
}
