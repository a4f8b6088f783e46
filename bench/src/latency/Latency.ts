/**
 * The `latency` benchmark suite: `retrieve`, `learn` and `addKnowledgeBatch` p50 / p95 / p99 at several
 * store sizes (default 1k, 10k and 100k memories, 10 agents), each with and without the embedding
 * inside the timer; filtered top-10 vector search and its recall@10 against an exact search;
 * ingestion throughput; peak RSS per phase. On SQLite (a fresh file per size) by default, on
 * PostgreSQL (a fresh schema per size) when the `--config` file says `storage: postgres`, with a Redis
 * cache-hit phase when it says `cache: redis`.
 *
 * @since 0.1.0
 */
import { Data, Effect, Layer, ManagedRuntime } from "effect"
import { mkdtempSync, rmSync } from "node:fs"
import { availableParallelism, cpus, tmpdir, totalmem } from "node:os"
import * as path from "node:path"
import { AgentScope, Alma, AlmaConfig, Embedder } from "alma-memory"
import type { Suite } from "../Suite.js"
import * as Backend from "./Backend.js"
import { taskTypes } from "./Corpus.js"
import { measurePoint, phasesPerSize } from "./Point.js"
import type { LatencyJson, LatencyPoint } from "./Report.js"
import { buildReport } from "./Report.js"
import { processPeakRssMiB, rssSampler } from "./Rss.js"
import { searchQueries } from "./Search.js"
import type { World } from "./Seed.js"
import { type Calls, fullCalls, fullSizes, type LatencyOptions, quickCalls, type RealEmbedder, useLite } from "./Settings.js"
import { precomputed } from "./Vectors.js"
import { defaultShape, draw, makeTexts } from "./World.js"
import { describeCause } from "../describeCause.js"

export {
  /** @since 0.1.0 */
  type Calls,
  /** @since 0.1.0 */
  fullCalls,
  /** @since 0.1.0 */
  fullSizes,
  /** @since 0.1.0 */
  type LatencyOptions,
  /** @since 0.1.0 */
  quickCalls,
  /** @since 0.1.0 */
  type RealEmbedder,
  /** @since 0.1.0 */
  useLite
} from "./Settings.js"

/**
 * A failure of a benchmark run outside the library's own errors (a file that cannot be created, an
 * embedder that cannot load, a peer package that fails, a configuration that cannot be loaded).
 *
 * @since 0.1.0
 * @category errors
 */
export class BenchRunError extends Data.TaggedError("BenchRunError")<{
  readonly message: string
  readonly cause?: unknown
}> {}

const projectId = "bench"

const machine = () => ({
  cpu: cpus()[0]?.model.trim() ?? "unknown",
  cores: availableParallelism(),
  ramGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
  node: process.version,
  platform: `${process.platform} ${process.arch}`
})

/** The real embedder: the option's, else the configuration's provider, else USE-lite. */
const realEmbedder = (options: LatencyOptions, config: AlmaConfig.AlmaConfig | undefined): RealEmbedder => {
  if (options.embedder !== undefined) return options.embedder
  const e = config?.embedding
  if (e === undefined || e.provider === "local") return useLite
  const name = e.provider === "hash" ? `hash-${e.dimensions ?? 256}` : `transformers ${e.model ?? "default"}`
  return { name, label: `${name} (from the configuration)`, layer: Alma.embedderFromConfig(config!) }
}

const run = async (options: LatencyOptions, config: AlmaConfig.AlmaConfig | undefined): Promise<LatencyJson> => {
  const started = performance.now()
  const quick = options.quick === true
  const calls: Calls = { ...(quick ? quickCalls : fullCalls), ...options.calls }
  const sizes = options.sizes ?? (quick ? [1_000] : fullSizes)
  const shape = options.shape ?? defaultShape
  const spec = realEmbedder(options, config)
  for (const size of sizes) {
    if (!Number.isInteger(size / shape.agents) || size <= 0) {
      throw new BenchRunError({ message: `store size ${size} is not a positive multiple of ${shape.agents} agents` })
    }
  }
  const backend = await Backend.fromConfig(config)
  const texts = makeTexts(shape)
  const inputs = draw(texts, 20_240_601)
  const excludingQueries = inputs.queries(calls.warmup + calls.retrieves)
  const includingQueries = inputs.queries(calls.includingWarmup + calls.including)
  const embedTexts = inputs.queries(calls.includingWarmup + calls.embedOnly).map((q) => q.text)
  const learnExcluding = inputs.learnInputs(calls.warmup + calls.learns)
  const learnIncluding = inputs.learnInputs(calls.includingWarmup + calls.learnsIncluding)
  const insertBatches = (count: number) =>
    Array.from({ length: count }, (_, b) => {
      const agent = texts.agents[b % texts.agents.length]!
      return inputs.facts(agent, calls.insertBatchSize).map((f) => ({ agent, ...f }))
    })
  const insertExcluding = insertBatches(calls.insertWarmup + calls.insertBatches)
  const insertIncluding = insertBatches(calls.insertWarmup + calls.insertBatches)
  // Drawn last, so that the inputs drawn before them are those of the suite before these phases.
  const searchTexts = inputs.queries(calls.warmup + calls.vectorSearches)
  const cacheQueries = inputs.queries(Math.min(calls.warmup, 5) + calls.cacheQueries)

  const rss = rssSampler()
  // One instance of the real embedder for the whole run (the model loads once); every stack wraps it in
  // its own embedding cache, as `layerWith` does.
  const realRuntime = ManagedRuntime.make(spec.layer)
  const root = mkdtempSync(path.join(options.directory ?? tmpdir(), "bench-latency-"))
  try {
    const real = await realRuntime.runPromise(Embedder.Embedder)
    const embedStarted = performance.now()
    const centreTexts = [...texts.topicTexts.values()].flat()
    const realTexts = [
      ...centreTexts,
      ...[...texts.strategies.values()].flat(),
      ...excludingQueries.map((q) => q.text),
      ...searchTexts.map((q) => q.text)
    ]
    const vectors = await realRuntime.runPromise(real.embedMany(realTexts))
    const table = new Map(realTexts.map((t, i) => [t, vectors[i]!]))
    const embedSeconds = (performance.now() - embedStarted) / 1000
    const centres = new Map(taskTypes.map((t) => [t, texts.topicTexts.get(t)!.map((s) => table.get(s)!)]))
    const pre = precomputed(table, [...centres.values()].flat(), { model: real.model, dimensions: real.dimensions })
    const world: World = {
      projectId,
      agents: texts.agents,
      agentTypes: texts.agentTypes,
      centres,
      strategies: texts.strategies,
      now: Date.now()
    }
    const shared = {
      world,
      agents: texts.agents.map((agent) => AgentScope.make({ agent })),
      backend,
      calls,
      precomputed: pre.layer,
      real: Layer.succeed(Embedder.Embedder, real),
      excludingQueries,
      includingQueries,
      embedTexts,
      learnExcluding,
      learnIncluding,
      insertExcluding,
      insertIncluding,
      searches: searchQueries(searchTexts.map((q) => ({ agent: q.agent, text: q.text, vector: table.get(q.text)! }))),
      cacheQueries
    }
    const total = sizes.length * phasesPerSize(backend)
    let done = 0
    const step = () => options.onProgress?.(++done, total)

    const points: Array<LatencyPoint> = []
    for (const size of sizes) {
      const dir = mkdtempSync(path.join(root, `${size}-`))
      try {
        points.push(await measurePoint(shared, size, dir, rss, step))
      } finally {
        rmSync(dir, { recursive: true, force: true })
      }
    }
    return {
      suite: "latency",
      settings: {
        quick,
        sizes,
        shape,
        calls,
        embedder: { name: spec.name, label: spec.label, model: real.model, dimensions: real.dimensions },
        projectId,
        backend: backend.settings
      },
      machine: machine(),
      embeddedTexts: realTexts.length,
      embedSeconds,
      precomputed: { ...pre.stats },
      points,
      processPeakRssMiB: processPeakRssMiB(),
      wallTimeSeconds: (performance.now() - started) / 1000
    }
  } finally {
    rss.stop()
    await realRuntime.dispose()
    rmSync(root, { recursive: true, force: true })
    await backend.redis?.clear().catch(() => undefined)
  }
}


/**
 * Runs the suite with explicit sizes, world, embedder and call counts (tests use small sizes and the
 * hash embedder). `config`: an ALMA configuration file (see `LatencyOptions`).
 *
 * **Shape** the report's `json` is `LatencyJson` (see `Report.ts`): one point per store size with
 * every phase's `Summary`; `markdown` has the tables; one chart, `latency-vs-store-size`.
 * **Units** latencies in ms; throughput in memories/s; RSS and store sizes in MiB.
 * **Errors** `BenchRunError` wrapping whatever failed (the library's errors included, e.g. a
 * `ConfigurationError` of the file).
 *
 * @since 0.1.0
 * @category constructors
 */
export const runLatencyWith = (options: LatencyOptions = {}) =>
  Effect.gen(function*() {
    const file = options.config
    const config = file === undefined ? undefined : yield* AlmaConfig.loadConfig(file).pipe(
      Effect.mapError((cause) => new BenchRunError({ message: `cannot load ${file}: ${cause.message}`, cause }))
    )
    const json = yield* Effect.tryPromise({
      try: () => run(options, config),
      catch: (cause) =>
        cause instanceof BenchRunError
          ? cause
          : new BenchRunError({ message: `the latency run failed: ${describeCause(cause)}`, cause })
    })
    return buildReport(json)
  })

/**
 * The `latency` suite: 10 agents, stores of 1k, 10k and 100k memories in total (`quick`: 1k only),
 * filtered top-10 search with recall@10, `retrieve` / `learn` / `addKnowledgeBatch` with the
 * embedding outside (precomputed vectors) and inside (the real embedder) the timer, seeding
 * throughput, peak RSS per phase; on the storage and cache of `config` (PostgreSQL, Redis) when
 * given. Options used: `quick`, `config`, `onProgress`.
 *
 * **Errors** `BenchRunError`.
 *
 * @example
 * ```ts
 * const report = await Effect.runPromise(runLatency({ quick: true, config: "/tmp/alma-pg.yaml" }))
 * ```
 *
 * @since 0.1.0
 * @category constructors
 */
export const runLatency: Suite<BenchRunError> = (options) => runLatencyWith(options)
