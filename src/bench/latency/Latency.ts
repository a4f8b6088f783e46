/**
 * The `latency` benchmark suite: `retrieve`, `learn` and `addKnowledgeBatch` p50 / p95 / p99 at several
 * store sizes (default 1k, 10k and 100k memories in one SQLite file, 10 agents), each with and without
 * the embedding inside the timer, plus ingestion throughput and peak RSS per phase.
 *
 * @since 0.1.0
 */
import { Data, Effect, Layer, ManagedRuntime } from "effect"
import { mkdtempSync, rmSync, statSync } from "node:fs"
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from "node:os"
import * as path from "node:path"
import * as LocalEmbedder from "../../../layers/embedders/LocalEmbedder.js"
import { AgentScope } from "../../domain/AgentScope.js"
import * as Embedder from "../../services/Embedder.js"
import type { BenchOptions, Suite } from "../Suite.js"
import { taskTypes } from "./Corpus.js"
import type { LatencyJson, LatencyPoint } from "./Report.js"
import { buildReport } from "./Report.js"
import { processPeakRssMiB, rssSampler } from "./Rss.js"
import { seed, type World } from "./Seed.js"
import { summarize } from "./Stats.js"
import { timeEmbed, timeInsert, timeLearn, timeRetrieve } from "./Timing.js"
import { precomputed } from "./Vectors.js"
import { defaultShape, draw, makeTexts, type WorldShape } from "./World.js"

/**
 * A failure of a benchmark run outside the library's own errors (a file that cannot be created, an
 * embedder that cannot load, a peer package that fails).
 *
 * @since 0.1.0
 * @category errors
 */
export class BenchRunError extends Data.TaggedError("BenchRunError")<{
  readonly message: string
  readonly cause?: unknown
}> {}

/**
 * Calls per phase.
 *
 * **Units** counts of calls; `insertBatchSize`: memories per `addKnowledgeBatch` call; `seedBatch`:
 * memories per `Storage.save` call while seeding.
 *
 * @since 0.1.0
 * @category models
 */
export interface Calls {
  readonly warmup: number
  readonly retrieves: number
  readonly includingWarmup: number
  readonly including: number
  readonly embedOnly: number
  readonly learns: number
  readonly learnsIncluding: number
  readonly insertWarmup: number
  readonly insertBatches: number
  readonly insertBatchSize: number
  readonly seedBatch: number
}

/**
 * Calls of a full run (those of `npm run bench` for the shared phases).
 *
 * @since 0.1.0
 * @category constructors
 */
export const fullCalls: Calls = {
  warmup: 30,
  retrieves: 300,
  includingWarmup: 20,
  including: 200,
  embedOnly: 100,
  learns: 200,
  learnsIncluding: 100,
  insertWarmup: 3,
  insertBatches: 20,
  insertBatchSize: 100,
  seedBatch: 1_000
}

/**
 * Calls of a quick run.
 *
 * @since 0.1.0
 * @category constructors
 */
export const quickCalls: Calls = {
  warmup: 5,
  retrieves: 40,
  includingWarmup: 5,
  including: 30,
  embedOnly: 20,
  learns: 40,
  learnsIncluding: 20,
  insertWarmup: 1,
  insertBatches: 5,
  insertBatchSize: 100,
  seedBatch: 1_000
}

/**
 * The real embedder (used for the cluster centres, the query vectors, and every "including
 * embedding" phase).
 *
 * @since 0.1.0
 * @category models
 */
export interface RealEmbedder {
  readonly name: string
  readonly label: string
  readonly layer: Layer.Layer<Embedder.Embedder, unknown>
}

/**
 * The product default: USE-lite, 512 dimensions, local.
 *
 * @since 0.1.0
 * @category constructors
 */
export const useLite: RealEmbedder = { name: "use-lite-512", label: "USE-lite 512d (local)", layer: LocalEmbedder.layer }

/**
 * Options of {@link runLatencyWith}.
 *
 * **Units** `sizes`: memories in the store, in total over all agents (each a multiple of the agent
 * count); `directory`: where the SQLite files go (default: a new folder in the system temp directory,
 * removed at the end).
 *
 * @since 0.1.0
 * @category models
 */
export interface LatencyOptions extends BenchOptions {
  readonly sizes?: ReadonlyArray<number> | undefined
  readonly shape?: WorldShape | undefined
  readonly embedder?: RealEmbedder | undefined
  readonly calls?: Partial<Calls> | undefined
  readonly directory?: string | undefined
}

/**
 * Store sizes of a full run: 1k, 10k and 100k memories (100, 1,000 and 10,000 per agent).
 *
 * @since 0.1.0
 * @category constructors
 */
export const fullSizes: ReadonlyArray<number> = [1_000, 10_000, 100_000]

const projectId = "bench"
const PHASES = 8

const machine = () => ({
  cpu: cpus()[0]?.model.trim() ?? "unknown",
  cores: availableParallelism(),
  ramGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
  node: process.version,
  platform: `${process.platform} ${process.arch}`
})

const load1 = () => Math.round(loadavg()[0]! * 100) / 100

const run = async (options: LatencyOptions): Promise<LatencyJson> => {
  const started = performance.now()
  const quick = options.quick === true
  const calls: Calls = { ...(quick ? quickCalls : fullCalls), ...options.calls }
  const sizes = options.sizes ?? (quick ? [1_000] : fullSizes)
  const shape = options.shape ?? defaultShape
  const spec = options.embedder ?? useLite
  for (const size of sizes) {
    if (!Number.isInteger(size / shape.agents) || size <= 0) {
      throw new BenchRunError({ message: `store size ${size} is not a positive multiple of ${shape.agents} agents` })
    }
  }
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

  const rss = rssSampler()
  // One instance of the real embedder for the whole run (the model loads once); every stack wraps it in
  // its own embedding cache, as `layerWith` does.
  const realRuntime = ManagedRuntime.make(spec.layer)
  const root = mkdtempSync(path.join(options.directory ?? tmpdir(), "bench-latency-"))
  try {
    const real = await realRuntime.runPromise(Embedder.Embedder)
    const realLayer = Layer.succeed(Embedder.Embedder, real)
    const embedStarted = performance.now()
    const centreTexts = [...texts.topicTexts.values()].flat()
    const realTexts = [...centreTexts, ...[...texts.strategies.values()].flat(), ...excludingQueries.map((q) => q.text)]
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
    const agents = texts.agents.map((agent) => AgentScope.make({ agent }))
    const total = sizes.length * PHASES
    let done = 0
    const step = () => options.onProgress?.(++done, total)

    const points: Array<LatencyPoint> = []
    for (const size of sizes) {
      const dir = mkdtempSync(path.join(root, `${size}-`))
      const filename = path.join(dir, "alma.db")
      const excluding = { filename, projectId, agents, embedder: pre.layer }
      const including = { ...excluding, embedder: realLayer }
      const load: Record<string, number> = {}
      const phase = <A>(name: string, f: () => Promise<A>) => {
        load[name] = load1()
        return rss.phase(`${size}:${name}`, f).finally(step)
      }
      try {
        const seeded = await phase("seed", () =>
          seed(world, { filename, perAgent: size / shape.agents, batchSize: calls.seedBatch, embedder: pre.layer }, () => {}))
        const saveMs = seeded.batchMs.reduce((s, x) => s + x, 0)
        const retrieveExcluding = await phase("retrieveExcluding", () => timeRetrieve(excluding, excludingQueries, calls.warmup))
        const retrieveIncluding = await phase("retrieveIncluding", () =>
          timeRetrieve(including, includingQueries, calls.includingWarmup))
        const embedOnly = await phase("embedOnly", () => timeEmbed(including, embedTexts, calls.includingWarmup))
        const learnEx = await phase("learnExcluding", () => timeLearn(excluding, learnExcluding, calls.warmup))
        const learnIn = await phase("learnIncluding", () => timeLearn(including, learnIncluding, calls.includingWarmup))
        const insertEx = await phase("insertExcluding", () => timeInsert(excluding, insertExcluding, calls.insertWarmup))
        const insertIn = await phase("insertIncluding", () => timeInsert(including, insertIncluding, calls.insertWarmup))
        const peaks = rss.peaks()
        points.push({
          storeSize: size,
          perAgent: size / shape.agents,
          seed: {
            records: seeded.records,
            counts: seeded.counts,
            batchSize: calls.seedBatch,
            batchMs: summarize(seeded.batchMs),
            saveSeconds: saveMs / 1000,
            buildSeconds: seeded.buildMs / 1000,
            memoriesPerSecond: Math.round(seeded.records / (saveMs / 1000))
          },
          retrieveExcluding,
          retrieveIncluding,
          embedOnly,
          learnExcluding: learnEx,
          learnIncluding: learnIn,
          insertExcluding: insertEx,
          insertIncluding: insertIn,
          fileMiB: Math.round(statSync(filename).size / 2 ** 20),
          peakRssMiB: Object.fromEntries(
            Object.entries(peaks).filter(([k]) => k.startsWith(`${size}:`)).map(([k, v]) => [k.slice(`${size}:`.length), v])
          ),
          loadAverage1m: load
        })
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
        projectId
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
  }
}

/**
 * Runs the suite with explicit sizes, world, embedder and call counts (tests use small sizes and the
 * hash embedder).
 *
 * **Shape** the report's `json` is `LatencyJson` (see `Report.ts`): one point per store size with
 * every phase's `Summary`; `markdown` has the tables; one chart, `latency-vs-store-size`.
 * **Units** latencies in ms; throughput in memories/s; RSS in MiB.
 * **Errors** `BenchRunError` wrapping whatever failed (the library's errors included).
 *
 * @since 0.1.0
 * @category constructors
 */
export const runLatencyWith = (options: LatencyOptions = {}) =>
  Effect.tryPromise({
    try: () => run(options),
    catch: (cause) =>
      cause instanceof BenchRunError
        ? cause
        : new BenchRunError({ message: `the latency run failed: ${describe(cause)}`, cause })
  }).pipe(Effect.map(buildReport))

const describe = (cause: unknown): string =>
  cause instanceof Error
    ? cause.message
    : typeof cause === "object" && cause !== null && "message" in cause
    ? String((cause as { message: unknown }).message)
    : String(cause)

/**
 * The `latency` suite: 10 agents, stores of 1k, 10k and 100k memories in total (`quick`: 1k only),
 * `retrieve` / `learn` / `addKnowledgeBatch` with the embedding outside (precomputed vectors) and
 * inside (USE-lite) the timer, seeding throughput, and peak RSS per phase. Options used: `quick`,
 * `onProgress`.
 *
 * **Errors** `BenchRunError`.
 *
 * @example
 * ```ts
 * const report = await Effect.runPromise(runLatency({ quick: true }))
 * ```
 *
 * @since 0.1.0
 * @category constructors
 */
export const runLatency: Suite<BenchRunError> = (options) => runLatencyWith(options)
