/**
 * The `peers` report: JSON with every figure per system, ALMA/peer ratios from the same run, the
 * Markdown tables for BENCHMARKS.md, and the charts (LoCoMo recall by category and system; search
 * latency against store size, and the same zoomed on the systems within 5× of ALMA).
 *
 * @since 0.1.0
 */
import { groupedBarChart, latencyVsStoreSizeChart } from "../charts.js"
import { categoryNames } from "../locomo/Dataset.js"
import type { Metrics } from "../locomo/Metrics.js"
import type { BenchReport } from "../Suite.js"
import type { LatencyCalls, LatencySystemResult } from "./LatencyWorkload.js"
import type { LocomoSystemResult } from "./LocomoWorkload.js"

/**
 * A system that could not run here, and why (the exact error).
 *
 * @since 0.1.0
 * @category models
 */
export interface Blocked {
  readonly system: string
  readonly packages: Readonly<Record<string, string>>
  readonly reason: string
}

/**
 * ALMA against one peer, from the same run.
 *
 * **Units** `almaOverPeer`: ALMA's figure divided by the peer's (for latency < 1 means ALMA is faster;
 * for throughput and recall > 1 means ALMA is better); `speedup`: the peer's latency over ALMA's.
 *
 * @since 0.1.0
 * @category models
 */
export interface Ratio {
  readonly peer: string
  readonly measure: string
  readonly storeSize?: number | undefined
  readonly alma: number
  readonly other: number
  readonly almaOverPeer: number
  readonly speedup?: number | undefined
}

/**
 * The suite's JSON.
 *
 * @since 0.1.0
 * @category models
 */
export interface PeersJson {
  readonly suite: "peers"
  readonly settings: {
    readonly quick: boolean
    readonly k: number
    readonly sizes: ReadonlyArray<number>
    readonly calls: LatencyCalls
    readonly embedder: { readonly name: string; readonly label: string; readonly model: string; readonly dimensions: number }
    readonly dataset: { readonly file: string; readonly samples: number; readonly turns: number; readonly questions: number }
  }
  readonly machine: object
  readonly systems: ReadonlyArray<{
    readonly name: string
    readonly label: string
    readonly packages: Readonly<Record<string, string>>
    readonly ranked: boolean
  }>
  readonly blocked: ReadonlyArray<Blocked>
  readonly locomo: ReadonlyArray<LocomoSystemResult>
  readonly latency: ReadonlyArray<LatencySystemResult>
  readonly ratios: ReadonlyArray<Ratio>
  readonly goals: ReadonlyArray<{ readonly goal: string; readonly peer: string; readonly measured: string; readonly met: boolean }>
  readonly network: { readonly attempts: ReadonlyArray<string> }
  readonly embedderCounts: object
  readonly loadAverage1m: Readonly<Record<string, number>>
  readonly wallTimeSeconds: number
}

/**
 * The report of a run: `json` is the {@link PeersJson}.
 *
 * @since 0.1.0
 * @category models
 */
export interface PeersReport extends BenchReport {
  readonly json: PeersJson
}

const n3 = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : "–")
const f2 = (x: number) => (Number.isFinite(x) ? x.toFixed(2) : "–")
const int = (x: number) => (Number.isFinite(x) ? Math.round(x).toLocaleString("en-US") : "–")
const times = (x: number) => (Number.isFinite(x) ? `${x >= 10 ? x.toFixed(0) : x.toFixed(1)}×` : "–")
const sizeLabel = (n: number) => (n >= 1000 && n % 1000 === 0 ? `${n / 1000}k` : String(n))
const table = (header: ReadonlyArray<string>, rows: ReadonlyArray<ReadonlyArray<string>>) =>
  [`| ${header.join(" | ")} |`, `|${header.map(() => "---").join("|")}|`, ...rows.map((r) => `| ${r.join(" | ")} |`)].join("\n")

/**
 * ALMA/peer ratios: LoCoMo recall@5 (any) and NDCG@10 (categories 1–4), LoCoMo ingest rate, and per
 * store size the search p50 / p95 with the embedding outside and inside the timer and the write rate.
 *
 * @since 0.1.0
 * @category constructors
 */
export const ratiosOf = (
  locomo: ReadonlyArray<LocomoSystemResult>,
  latency: ReadonlyArray<LatencySystemResult>,
  alma: string
): ReadonlyArray<Ratio> => {
  const out: Array<Ratio> = []
  const push = (peer: string, measure: string, a: number, o: number, lowerIsBetter: boolean, storeSize?: number) =>
    out.push({
      peer,
      measure,
      ...(storeSize === undefined ? {} : { storeSize }),
      alma: a,
      other: o,
      almaOverPeer: a / o,
      ...(lowerIsBetter ? { speedup: o / a } : {})
    })
  const ours = locomo.find((r) => r.system === alma)
  for (const r of locomo) {
    if (ours === undefined || r.system === alma) continue
    push(r.system, "LoCoMo recall@5 any (1–4)", ours.metrics.overall.recall5Any, r.metrics.overall.recall5Any, false)
    push(r.system, "LoCoMo NDCG@10 (1–4)", ours.metrics.overall.ndcg10, r.metrics.overall.ndcg10, false)
    push(r.system, "LoCoMo search p95 ms", ours.searchMs.p95, r.searchMs.p95, true)
    push(r.system, "LoCoMo ingest turns/s", ours.ingest.turnsPerSecond, r.ingest.turnsPerSecond, false)
  }
  for (const r of latency) {
    const a = latency.find((x) => x.system === alma && x.storeSize === r.storeSize)
    if (a === undefined || r.system === alma) continue
    push(r.system, "search p50 ms, excl. embedding", a.retrieveExcluding.p50, r.retrieveExcluding.p50, true, r.storeSize)
    push(r.system, "search p95 ms, excl. embedding", a.retrieveExcluding.p95, r.retrieveExcluding.p95, true, r.storeSize)
    push(r.system, "search p50 ms, incl. embedding", a.retrieveIncluding.p50, r.retrieveIncluding.p50, true, r.storeSize)
    push(r.system, "search p95 ms, incl. embedding", a.retrieveIncluding.p95, r.retrieveIncluding.p95, true, r.storeSize)
    push(r.system, "write memories/s, excl. embedding", a.write.memoriesPerSecond, r.write.memoriesPerSecond, false, r.storeSize)
    push(
      r.system,
      "write memories/s, incl. embedding",
      a.writeIncluding.memoriesPerSecond,
      r.writeIncluding.memoriesPerSecond,
      false,
      r.storeSize
    )
  }
  return out
}

/**
 * The issue's goals against each peer: search p95 (embedding excluded) at the largest store size at
 * least 5× faster, and a higher LoCoMo recall@5 (any, categories 1–4).
 *
 * @since 0.1.0
 * @category constructors
 */
export const goalsOf = (ratios: ReadonlyArray<Ratio>, sizes: ReadonlyArray<number>): PeersJson["goals"] => {
  const largest = Math.max(...sizes)
  const peers = [...new Set(ratios.map((r) => r.peer))]
  return peers.flatMap((peer) => {
    const p95 = ratios.find((r) => r.peer === peer && r.measure === "search p95 ms, excl. embedding" && r.storeSize === largest)
    const recall = ratios.find((r) => r.peer === peer && r.measure === "LoCoMo recall@5 any (1–4)")
    return [
      ...(p95 === undefined ? [] : [{
        goal: `search p95 at ${sizeLabel(largest)} memories, excl. embedding: ALMA ≥ 5× faster`,
        peer,
        measured: `${f2(p95.alma)} vs ${f2(p95.other)} ms: ${times(p95.speedup ?? NaN)}`,
        met: (p95.speedup ?? 0) >= 5
      }]),
      ...(recall === undefined ? [] : [{
        goal: "LoCoMo recall@5 (any, categories 1–4): ALMA higher",
        peer,
        measured: `${n3(recall.alma)} vs ${n3(recall.other)}`,
        met: recall.alma > recall.other
      }])
    ]
  })
}

const metricCells = (m: Metrics) => [String(m.n), n3(m.recall5Any), n3(m.recall5All), n3(m.recall10Any), n3(m.ndcg10), int(m.tokensMedian)]

const markdownOf = (json: PeersJson): string => {
  const md: Array<string> = []
  const s = json.settings
  const pkgs = (p: Readonly<Record<string, string>>) => Object.entries(p).map(([n, v]) => `\`${n}@${v}\``).join(" + ")
  md.push(
    `Systems: ${json.systems.map((x) => `**${x.name}**: ${x.label}, ${pkgs(x.packages)}`).join("; ")}. ` +
      `Same embedder for all: ${s.embedder.label} (\`${s.embedder.model}\`, ${s.embedder.dimensions} dimensions), one ` +
      "model instance wrapped in each system's interface (ALMA `Embedder` service, LangChain-style `embedQuery` / " +
      "`embedDocuments` for mem0, an AI-SDK v2 `doEmbed` model for Mastra). Same texts, same scopes (one per " +
      `conversation / agent), top ${s.k} per search, all stores file-backed in one temp directory. Offline: network ` +
      `attempts during the run: ${json.network.attempts.length}${json.settings.quick ? "; **quick run** (small slice, a smoke test)" : ""}.`
  )
  if (json.blocked.length > 0) {
    md.push("")
    for (const b of json.blocked) md.push(`- **${b.system} blocked here** (${pkgs(b.packages)}): \`${b.reason}\``)
  }
  md.push("", `### LoCoMo retrieval (${s.dataset.samples} conversations, ${s.dataset.turns} turns, ${s.dataset.questions} questions with evidence)`, "")
  md.push(
    "Turn-level evidence retrieval, the data and metrics of the `locomo` suite; categories 1–4 (\"overall\"). Search " +
      "latency here has the query vector precomputed (embedding excluded); ingest is each system's batch-write API, " +
      "100 turns per call, embedding excluded."
  )
  md.push("")
  md.push(table(
    ["system", "n", "recall@5 any", "recall@5 all", "recall@10 any", "NDCG@10", "tokens top 5 (median)", "search p50 / p95 ms", "ingest turns/s"],
    json.locomo.map((r) => [
      r.system,
      ...metricCells(r.metrics.overall),
      `${f2(r.searchMs.p50)} / ${f2(r.searchMs.p95)}`,
      int(r.ingest.turnsPerSecond)
    ])
  ))
  const cats = [...new Set(json.locomo.flatMap((r) => Object.keys(r.metrics.byCategory)))].sort()
  md.push("", "Recall@5 (any) per category:", "")
  md.push(table(
    ["system", ...cats.map((c) => `${categoryNames[Number(c)] ?? c} (${c})`), "overall 1–4", "all 1–5"],
    json.locomo.map((r) => [
      r.system,
      ...cats.map((c) => n3(r.metrics.byCategory[c]?.recall5Any ?? NaN)),
      n3(r.metrics.overall.recall5Any),
      n3(r.metrics.all.recall5Any)
    ])
  ))
  for (const r of json.locomo.filter((x) => x.reorderedByCosine)) {
    md.push(
      "",
      `${r.system} returns its top ${s.k} in conversation order; the benchmark orders them by cosine similarity under the ` +
        "shared embedder (what its vector query ranks by) before scoring, outside the timer. Share of its top " +
        `${s.k} that is in the exact cosine top ${s.k}: ${n3(r.setAgreement ?? NaN)}.`
    )
  }
  md.push("", `### Search latency and write throughput (one scope of ${s.sizes.map(sizeLabel).join(" / ")} memories)`, "")
  md.push(
    "The synthetic corpus of the `latency` suite (domain facts of 12 task types, vectors perturbed around real " +
      "USE-lite cluster centres); every search considers all memories of the scope. Systems interleaved call by " +
      `call. ${s.calls.warmup} + ${s.calls.retrieves} searches with the query vector precomputed ("excl."), ` +
      `${s.calls.includingWarmup} + ${s.calls.including} with the model run inside the timer ("incl."), distinct ` +
      `queries. Writes: ${s.calls.writeBatch} memories per call (the store's seeding, "excl."), then ` +
      `${s.calls.includingWriteBatches} calls embedding with the model ("incl."). Latencies in ms.`
  )
  md.push("")
  md.push(table(
    ["system", "memories", "search excl. p50 / p95 / p99", "search incl. p50 / p95 / p99", "write excl. memories/s", "write incl. memories/s"],
    json.latency.map((r) => [
      r.system,
      sizeLabel(r.storeSize),
      `${f2(r.retrieveExcluding.p50)} / ${f2(r.retrieveExcluding.p95)} / ${f2(r.retrieveExcluding.p99)}`,
      `${f2(r.retrieveIncluding.p50)} / ${f2(r.retrieveIncluding.p95)} / ${f2(r.retrieveIncluding.p99)}`,
      int(r.write.memoriesPerSecond),
      int(r.writeIncluding.memoriesPerSecond)
    ])
  ))
  md.push("", "### ALMA / peer, same run", "")
  md.push(
    "Ratio = ALMA's figure over the peer's (latency: below 1 is faster, with the speed-up as peer ÷ ALMA; recall, " +
      "NDCG and throughput: above 1 is better)."
  )
  md.push("")
  md.push(table(
    ["peer", "measure", "memories", "ALMA", "peer", "ALMA / peer", "speed-up"],
    json.ratios.map((r) => [
      r.peer,
      r.measure,
      r.storeSize === undefined ? "LoCoMo" : sizeLabel(r.storeSize),
      r.measure.includes("recall") || r.measure.includes("NDCG") ? n3(r.alma) : r.measure.includes("/s") ? int(r.alma) : f2(r.alma),
      r.measure.includes("recall") || r.measure.includes("NDCG") ? n3(r.other) : r.measure.includes("/s") ? int(r.other) : f2(r.other),
      f2(r.almaOverPeer),
      r.speedup === undefined ? "" : times(r.speedup)
    ])
  ))
  md.push("", "### Goals", "")
  for (const g of json.goals) md.push(`- ${g.goal} — vs ${g.peer}: ${g.measured} — ${g.met ? "**met**" : "**not met**"}`)
  md.push(
    "",
    "Charts: `peers-recall-by-category.svg`, `peers-latency-vs-store-size.svg` (and " +
      "`peers-latency-vs-store-size-zoom.svg` without the systems more than 5× slower than ALMA)."
  )
  return md.join("\n")
}

/**
 * The report of a run: Markdown and the charts `peers-recall-by-category`,
 * `peers-latency-vs-store-size` and, when a system is more than 5× slower than ALMA (the first system),
 * `peers-latency-vs-store-size-zoom` without it.
 *
 * @since 0.1.0
 * @category constructors
 */
export const buildReport = (json: PeersJson): PeersReport => {
  const cats = [...new Set(json.locomo.flatMap((r) => Object.keys(r.metrics.byCategory)))].sort()
  const recall = {
    name: "peers-recall-by-category",
    svg: groupedBarChart({
      title: `LoCoMo recall@5 (any evidence turn) by category and system${json.settings.quick ? " — quick slice" : ""}`,
      categories: [...cats.map((c) => `${categoryNames[Number(c)] ?? c} (${c})`), "overall (1–4)"],
      series: json.locomo.map((r) => ({
        name: `${r.system}`,
        values: [...cats.map((c) => r.metrics.byCategory[c]?.recall5Any ?? NaN), r.metrics.overall.recall5Any]
      })),
      yLabel: "recall@5 (any)",
      xLabel: "question category",
      yMax: 1,
      width: 1100,
      height: 460,
      showValues: true,
      format: (v) => v.toFixed(2)
    })
  }
  const systems = [...new Set(json.latency.map((r) => r.system))]
  const worst = (system: string) => Math.max(...json.latency.filter((r) => r.system === system).map((r) => r.retrieveExcluding.p95))
  const points = (system: string, pick: (r: LatencySystemResult) => number) =>
    json.latency.filter((r) => r.system === system).map((r) => ({ storeSize: r.storeSize, ms: pick(r) }))
  const latency = latencyVsStoreSizeChart({
    name: "peers-latency-vs-store-size",
    title: "Search p95 vs store size (one scope; embedding excluded)",
    series: systems.map((system) => ({ name: `${system} p95`, points: points(system, (r) => r.retrieveExcluding.p95) }))
  })
  // Systems far slower than ALMA flatten the others; the zoomed chart leaves them out and says so.
  const reference = systems.length > 0 ? worst(systems[0]!) : NaN
  const far = systems.filter((s) => worst(s) > 5 * reference)
  const near = systems.filter((s) => !far.includes(s))
  const zoom = far.length === 0 || near.length === 0 ? [] : [latencyVsStoreSizeChart({
    name: "peers-latency-vs-store-size-zoom",
    title: `Search latency vs store size without ${far.join(", ")} (off this scale)`,
    series: near.flatMap((system) => [
      { name: `${system} p50, excl. embedding`, points: points(system, (r) => r.retrieveExcluding.p50) },
      { name: `${system} p95, excl. embedding`, points: points(system, (r) => r.retrieveExcluding.p95) },
      { name: `${system} p95, incl. embedding`, points: points(system, (r) => r.retrieveIncluding.p95) }
    ])
  })]
  return { suite: "peers", json, markdown: markdownOf(json), charts: [recall, latency, ...zoom] }
}
