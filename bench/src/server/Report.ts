/**
 * The `server` suite's report: its JSON shape, the Markdown section for BENCHMARKS.md and two
 * charts (throughput, and latency percentiles, per configuration and surface).
 *
 * @since 0.1.0
 */
import { groupedBarChart } from "../charts.js"
import type { BenchReport } from "../Suite.js"
import type { LoadResult } from "./Load.js"
import type { SeedResult } from "./Seed.js"
import type { Surface } from "./Workload.js"

/**
 * The goal of the issue: at least 500 requests/s, p99 at most 50 ms, no errors (per run).
 *
 * @since 0.1.0
 * @category constructors
 */
export const goal = { throughput: 500, p99Ms: 50, errors: 0 } as const

/**
 * One configuration × surface.
 *
 * **Units** `store`: memories (through `Stats`: after the warm-up and at the end); `server.startSeconds`:
 * spawn to "Listening" (s); `cpuSeconds`: server CPU during the timed phase (s); `cpuShare`: that over
 * the phase's wall time (1 = one core busy); `peakRssMiB`: server VmHWM (MiB);
 * `loadGeneratorCpuSeconds`: this process's CPU during the timed phase (s); `loadAverage1m` before the
 * server started and after the timed phase.
 *
 * @since 0.1.0
 * @category models
 */
export interface ServerRun {
  readonly configuration: string
  readonly label: string
  readonly surface: Surface
  readonly load: LoadResult
  readonly store: { readonly seeded: number; readonly atStart: number | undefined; readonly atEnd: number | undefined }
  readonly server: {
    readonly startSeconds: number
    readonly cpuSeconds: number | undefined
    readonly cpuShare: number | undefined
    readonly peakRssMiB: number | undefined
    readonly command: string
  }
  readonly loadGeneratorCpuSeconds: number
  readonly loadAverage1m: { readonly start: number; readonly end: number }
}

/**
 * The suite's JSON.
 *
 * @since 0.1.0
 * @category models
 */
export interface ServerJson {
  readonly suite: "server"
  readonly settings: {
    readonly quick: boolean
    readonly memories: number
    readonly durationSeconds: number
    readonly warmupSeconds: number
    readonly connections: number
    readonly surfaces: ReadonlyArray<Surface>
    readonly mix: { readonly retrieve: number; readonly learn: number }
    readonly tasks: number
    readonly learns: number
    readonly agents: number
    readonly configurations: ReadonlyArray<{ readonly name: string; readonly label: string; readonly settings: object }>
  }
  readonly machine: object
  readonly seeds: Readonly<Record<string, SeedResult>>
  readonly runs: ReadonlyArray<ServerRun>
  readonly wallTimeSeconds: number
}

/**
 * The report of a run: `json` is the {@link ServerJson}.
 *
 * @since 0.1.0
 * @category models
 */
export interface ServerReport extends BenchReport {
  readonly json: ServerJson
}

const f1 = (x: number | undefined) => (x !== undefined && Number.isFinite(x) ? x.toFixed(1) : "–")
const f2 = (x: number | undefined) => (x !== undefined && Number.isFinite(x) ? x.toFixed(2) : "–")
const int = (x: number | undefined) => (x !== undefined && Number.isFinite(x) ? Math.round(x).toLocaleString("en-US") : "–")
const surfaceName = (s: Surface) => (s === "rpc" ? "RPC `/rpc`" : "MCP `/mcp`")
const runName = (r: ServerRun) => `${r.configuration} · ${r.surface.toUpperCase()}`

/**
 * Whether a run meets {@link goal}.
 *
 * @since 0.1.0
 * @category constructors
 */
export const meetsGoal = (r: ServerRun): boolean =>
  r.load.throughput >= goal.throughput && r.load.latency.p99 <= goal.p99Ms && r.load.errors.total === goal.errors

/**
 * Server CPU time per response of the timed phase (ms): the cost of one request in the mix, less
 * sensitive than throughput to other processes taking the machine's cores.
 *
 * @since 0.1.0
 * @category constructors
 */
export const cpuPerRequestMs = (r: ServerRun): number | undefined =>
  r.server.cpuSeconds === undefined || r.load.latency.n === 0 ? undefined : (r.server.cpuSeconds * 1000) / r.load.latency.n

const markdownOf = (json: ServerJson): string => {
  const s = json.settings
  const lines: Array<string> = []
  lines.push(
    `\`alma serve\` in its own process (a SQLite store, caches as configured: in memory by default, access log ` +
      `off), loaded over loopback by ` +
      `autocannon in the benchmark process: ${s.connections} keep-alive connections, each sending ` +
      `${s.mix.retrieve} \`retrieve\` then ${s.mix.learn} \`learn\` back to back (80% / 20%, closed loop), for ` +
      `${s.durationSeconds} s after a ${s.warmupSeconds} s warm-up, on a fresh server and a fresh copy of a store of ` +
      `${int(s.memories)} synthetic memories (${s.agents} agents, the latency suite's corpus) per surface. ` +
      `\`retrieve\` sends one of ${int(s.tasks)} task texts (seeded random order; default options), \`learn\` one of ` +
      `${int(s.learns)} outcomes in turn. "New texts" counts the timed requests whose task text the run had not ` +
      "sent before: each costs the server an uncached embedding (the others hit the embedding cache), which is " +
      "what separates the hash from the local configuration; the retrieval cache (300 s, 1,000 entries) hits " +
      "only until the next `learn` of the same agent invalidates it. " +
      `RPC: one ndjson \`Request\` per POST; MCP: one JSON-RPC \`tools/call\` per POST (\`alma_retrieve\` / ` +
      "`alma_learn`), no session. Errors: connection errors and timeouts, non-2xx, and 2xx bodies carrying a " +
      `failure (RPC \`Failure\` exit, MCP \`isError\`). Latency: request write to end of response, ms` +
      `${s.quick ? "; **quick run**: a smoke test, not the goal's figures" : ""}.`
  )
  lines.push("")
  lines.push(
    "| configuration | surface | req/s | p50 | p95 | p99 | max | retrieve p50 / p99 | learn p50 / p99 | errors | " +
      "retrieval-cache hits | server CPU | server RSS | load (1 min) | goal |"
  )
  lines.push("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|")
  for (const r of json.runs) {
    const l = r.load
    lines.push(
      `| ${r.configuration} | ${surfaceName(r.surface)} | ${int(l.throughput)} | ${f2(l.latency.p50)} | ` +
        `${f2(l.latency.p95)} | ${f2(l.latency.p99)} | ${f2(l.latency.max)} | ${f2(l.retrieve.p50)} / ` +
        `${f2(l.retrieve.p99)} | ${f2(l.learn.p50)} / ${f2(l.learn.p99)} | ${l.errors.total} | ` +
        `${l.cacheHitRate === undefined ? "n/a" : `${f1(l.cacheHitRate * 100)}%`} | ` +
        `${r.server.cpuShare === undefined ? "–" : `${f2(r.server.cpuShare)} cores, ${f1(cpuPerRequestMs(r))} ms/req`} | ` +
        `${int(r.server.peakRssMiB)} MiB | ` +
        `${f2(r.loadAverage1m.start)}–${f2(r.loadAverage1m.end)} | ${meetsGoal(r) ? "PASS" : "**FAIL**"} |`
    )
  }
  lines.push("")
  lines.push(`Goal per run: ≥ ${goal.throughput} requests/s, p99 ≤ ${goal.p99Ms} ms, ${goal.errors} errors.`)
  lines.push("")
  lines.push(
    "| configuration | surface | responses (retrieve / learn) | new texts (retrieve / learn) | " +
      "errors: transport / timeouts / non-2xx / application | store at start → end | load generator CPU |"
  )
  lines.push("|---|---|---|---|---|---|---|")
  for (const r of json.runs) {
    const e = r.load.errors
    lines.push(
      `| ${r.configuration} | ${surfaceName(r.surface)} | ${int(r.load.responses.retrieve)} / ${int(r.load.responses.learn)} | ` +
        `${int(r.load.newTexts.retrieve)} / ${int(r.load.newTexts.learn)} | ` +
        `${e.transport} / ${e.timeouts} / ${e.non2xx} / ${e.application}${e.samples.length > 0 ? ` (${e.samples.join("; ")})` : ""} | ` +
        `${int(r.store.atStart)} → ${int(r.store.atEnd)} | ${f2(r.loadGeneratorCpuSeconds)} s |`
    )
  }
  lines.push("")
  lines.push(
    "Configurations: " + s.configurations.map((c) => `\`${c.name}\` = ${c.label}`).join("; ") + ". Seeding " +
      Object.entries(json.seeds).map(([name, seed]) => `${name}: ${int(seed.memories)} memories in ${f2(seed.seconds)} s`)
        .join(", ") +
      `. Wall time ${f2(json.wallTimeSeconds)} s. The load generator shares the machine's cores with the server; ` +
      "\"server CPU\" is the server process's CPU time over the phase's wall time (1 = one core busy), and per " +
      "response: with one event loop, 1,000 / (ms per request) approximates the throughput of a server that has a " +
      "core to itself."
  )
  lines.push("")
  lines.push("Charts: `server-throughput.svg`, `server-latency.svg`.")
  return lines.join("\n")
}

/**
 * The report of a run: Markdown tables and the `server-throughput` and `server-latency` charts.
 *
 * @since 0.1.0
 * @category constructors
 */
export const buildReport = (json: ServerJson): ServerReport => {
  const categories = json.runs.map(runName)
  const throughput = {
    name: "server-throughput",
    svg: groupedBarChart({
      title: `alma serve throughput (${json.settings.connections} connections, 80% retrieve / 20% learn)`,
      categories,
      series: [{ name: "requests/s", values: json.runs.map((r) => r.load.throughput) }],
      yLabel: "requests/s",
      showValues: true
    })
  }
  const latency = {
    name: "server-latency",
    svg: groupedBarChart({
      title: `alma serve latency (${json.settings.connections} connections, ms)`,
      categories,
      series: [
        { name: "p50", values: json.runs.map((r) => r.load.latency.p50) },
        { name: "p95", values: json.runs.map((r) => r.load.latency.p95) },
        { name: "p99", values: json.runs.map((r) => r.load.latency.p99) }
      ],
      yLabel: "ms",
      showValues: true
    })
  }
  return { suite: "server", json, markdown: markdownOf(json), charts: [throughput, latency] }
}
