/**
 * The `server` benchmark suite: `alma serve` under HTTP load on loopback. For each configuration
 * (hash embedder, local embedder, or the `--config` file) a store is seeded with synthetic memories;
 * then, for each surface (RPC ndjson at `/rpc`, MCP Streamable HTTP at `/mcp`), a fresh server process
 * starts on a copy of that store and autocannon drives a fixed number of connections with 80%
 * `retrieve` / 20% `learn` for a fixed time, after a warm-up: throughput, p50 / p95 / p99 latency,
 * errors, retrieval-cache hit rate, server CPU and RSS.
 *
 * @since 0.1.0
 */
import { Data, Effect } from "effect"
import { mkdirSync, mkdtempSync, rmSync } from "node:fs"
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from "node:os"
import * as path from "node:path"
import { defaultShape, makeTexts } from "../latency/World.js"
import type { BenchOptions, Suite } from "../Suite.js"
import * as Config from "./Config.js"
import { runLoad } from "./Load.js"
import { startServer } from "./Process.js"
import { buildReport, type ServerJson, type ServerRun } from "./Report.js"
import { copyStore, type SeedResult, seedStore } from "./Seed.js"
import { bodies, makePools, type Surface } from "./Workload.js"
import { describeCause } from "../describeCause.js"

/**
 * A failure of a run: a store that cannot be seeded, a server that does not start, a load generator
 * that fails.
 *
 * @since 0.1.0
 * @category errors
 */
export class ServerBenchError extends Data.TaggedError("ServerBenchError")<{
  readonly message: string
  readonly cause?: unknown
}> {}

/**
 * Options of {@link runServerWith}.
 *
 * **Units** `memories`: seeded store size (all agents); `durationSeconds`, `warmupSeconds`: per
 * surface (s); `connections`: concurrent keep-alive connections; `tasks` / `learns`: sizes of the
 * input pools; `directory`: parent of the run's temporary folder (removed at the end);
 * `cpuProfileDir`: run every server with `--cpu-prof` and keep the profiles there.
 * **Defaults** 10,000 memories, 30 s after a 5 s warm-up, 16 connections, both surfaces, the hash and
 * local configurations, 500 tasks, 2,000 learn inputs; `quick`: 1,000 memories, 5 s after 1 s, hash
 * only; `config`: that file's configuration only.
 *
 * @since 0.1.0
 * @category models
 */
export interface ServerBenchOptions extends BenchOptions {
  readonly memories?: number | undefined
  readonly durationSeconds?: number | undefined
  readonly warmupSeconds?: number | undefined
  readonly connections?: number | undefined
  readonly surfaces?: ReadonlyArray<Surface> | undefined
  readonly configurations?: ReadonlyArray<Config.Configuration> | undefined
  readonly tasks?: number | undefined
  readonly learns?: number | undefined
  readonly directory?: string | undefined
  readonly cpuProfileDir?: string | undefined
}

const load1 = () => Math.round(loadavg()[0]! * 100) / 100

const machine = () => ({
  cpu: cpus()[0]?.model.trim() ?? "unknown",
  cores: availableParallelism(),
  ramGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
  node: process.version,
  platform: `${process.platform} ${process.arch}`
})

/** The project's memory count, through the server's own `Stats` procedure. */
const storeSize = async (url: string): Promise<number | undefined> => {
  const body = `${JSON.stringify({ _tag: "Request", id: "1", tag: "Stats", payload: {}, headers: [] })}\n`
  const response = await fetch(`${url}/rpc`, { method: "POST", headers: { "content-type": "application/ndjson" }, body })
  const exit = JSON.parse((await response.text()).trim().split("\n").at(-1) ?? "{}")?.exit
  return exit?._tag === "Success" && typeof exit.value?.total === "number" ? exit.value.total : undefined
}

const settingsOf = (options: ServerBenchOptions, configurations: ReadonlyArray<Config.Configuration>) => {
  const quick = options.quick === true
  return {
    quick,
    memories: options.memories ?? (quick ? 1_000 : 10_000),
    durationSeconds: options.durationSeconds ?? (quick ? 5 : 30),
    warmupSeconds: options.warmupSeconds ?? (quick ? 1 : 5),
    connections: options.connections ?? 16,
    surfaces: options.surfaces ?? (["rpc", "mcp"] as const),
    mix: { retrieve: 4, learn: 1 },
    tasks: options.tasks ?? 500,
    learns: options.learns ?? 2_000,
    agents: defaultShape.agents,
    configurations: configurations.map((c) => ({ name: c.name, label: c.label, settings: c.settings }))
  }
}

const run = async (options: ServerBenchOptions): Promise<ServerJson> => {
  const started = performance.now()
  const configurations = options.configurations ??
    (options.config !== undefined
      ? [await Effect.runPromise(Config.fromFile(options.config))]
      : options.quick === true
      ? [Config.hash]
      : [Config.hash, Config.local])
  const settings = settingsOf(options, configurations)
  const texts = makeTexts(defaultShape)
  const pools = makePools(texts, { tasks: settings.tasks, learns: settings.learns })
  const root = mkdtempSync(path.join(options.directory ?? tmpdir(), "bench-server-"))
  const total = configurations.length * (1 + settings.surfaces.length)
  let done = 0
  const step = () => options.onProgress?.(++done, total)
  const runs: Array<ServerRun> = []
  const seeds: Record<string, SeedResult> = {}
  try {
    for (const configuration of configurations) {
      const seedDir = path.join(root, configuration.name, "seed")
      mkdirSync(seedDir, { recursive: true })
      const seeded = await Effect.runPromise(
        Effect.flatMap(Config.write(configuration, seedDir), ({ config }) =>
          Effect.map(seedStore(config, texts, settings.memories), (seed) => ({ seed, file: config.sqlitePath })))
      )
      step()
      for (const surface of settings.surfaces) {
        const dir = path.join(root, configuration.name, surface)
        mkdirSync(dir, { recursive: true })
        const { config, file } = await Effect.runPromise(Config.write(configuration, dir))
        copyStore(seeded.file, config.sqlitePath)
        const loadStart = load1()
        const t0 = performance.now()
        const server = await startServer({ configFile: file, cwd: dir, cpuProfileDir: options.cpuProfileDir })
        const startSeconds = (performance.now() - t0) / 1000
        try {
          const stream = bodies(surface, pools, 1_000 + runs.length)
          const phase = (durationSeconds: number) =>
            runLoad({ url: server.url, surface, bodies: stream, connections: settings.connections, durationSeconds })
          if (settings.warmupSeconds > 0) await phase(settings.warmupSeconds)
          const storeBefore = await storeSize(server.url)
          const cpuBefore = server.cpuSeconds()
          const ownBefore = process.cpuUsage()
          const loaded = await phase(settings.durationSeconds)
          const own = process.cpuUsage(ownBefore)
          const cpuAfter = server.cpuSeconds()
          const cpuSeconds = cpuBefore === undefined || cpuAfter === undefined ? undefined : cpuAfter - cpuBefore
          runs.push({
            configuration: configuration.name,
            label: configuration.label,
            surface,
            load: loaded,
            store: { seeded: seeded.seed.memories, atStart: storeBefore, atEnd: await storeSize(server.url) },
            server: {
              startSeconds,
              cpuSeconds,
              cpuShare: cpuSeconds === undefined ? undefined : Math.round((cpuSeconds / loaded.durationSeconds) * 100) / 100,
              peakRssMiB: server.peakRssMiB(),
              command: server.command.map((a) => path.basename(a)).join(" ")
            },
            loadGeneratorCpuSeconds: Math.round((own.user + own.system) / 1e4) / 100,
            loadAverage1m: { start: loadStart, end: load1() }
          })
        } finally {
          await server.stop()
        }
        step()
      }
      seeds[configuration.name] = seeded.seed
    }
    return {
      suite: "server",
      settings,
      machine: machine(),
      seeds,
      runs,
      wallTimeSeconds: Math.round((performance.now() - started) / 10) / 100
    }
  } finally {
    rmSync(root, { recursive: true, force: true })
  }
}


/**
 * Runs the suite with explicit sizes, durations, surfaces and configurations (tests use a tiny
 * store, a short run and the hash configuration).
 *
 * **Shape** the report's `json` is `ServerJson` (see `Report.ts`): one run per configuration and
 * surface; `markdown` has the tables; charts `server-throughput` and `server-latency`.
 * **Units** throughput in requests/s; latencies in ms; CPU in s; RSS in MiB.
 * **Errors** `ServerBenchError` wrapping whatever failed (the library's errors included).
 *
 * @since 0.1.0
 * @category constructors
 */
export const runServerWith = (options: ServerBenchOptions = {}) =>
  Effect.tryPromise({
    try: () => run(options),
    catch: (cause) => new ServerBenchError({ message: `the server benchmark failed: ${describeCause(cause)}`, cause })
  }).pipe(Effect.map(buildReport))

/**
 * The `server` suite: 10k memories, 16 connections, 80% retrieve / 20% learn for 30 s per surface
 * (RPC, MCP) after a 5 s warm-up, with the hash and the local embedder (`quick`: 1k memories, 5 s,
 * hash only; `config`: that configuration file instead). Options used: `quick`, `config`, `onProgress`.
 *
 * **Errors** `ServerBenchError`.
 *
 * @example
 * ```ts
 * const report = await Effect.runPromise(runServer({ quick: true }))
 * ```
 *
 * @since 0.1.0
 * @category constructors
 */
export const runServer: Suite<ServerBenchError> = (options) => runServerWith(options)
