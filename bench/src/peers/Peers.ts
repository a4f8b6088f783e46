/**
 * The `peers` benchmark suite: the LoCoMo retrieval workload and the search-latency / write-throughput
 * workload on ALMA, mem0ai/oss and @mastra/memory in one process, with the same embedder, reporting
 * ALMA/peer ratios measured in the same run. The peers are devDependencies; a system whose packages
 * cannot be loaded is reported as blocked, with the error, and the others still run.
 *
 * @since 0.1.0
 */
import { Effect, ManagedRuntime } from "effect"
import { mkdtempSync, rmSync } from "node:fs"
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from "node:os"
import * as path from "node:path"
import { Embedder } from "alma-memory"
import { BenchRunError, type RealEmbedder, useLite } from "../latency/Latency.js"
import { loadDataset } from "../locomo/Dataset.js"
import { quickSlice } from "../locomo/Locomo.js"
import { defaultDatasetPath } from "../locomo/Paths.js"
import type { BenchOptions, Suite } from "../Suite.js"
import { sharedEmbedder } from "./Embedding.js"
import { type LatencyCalls, runLatencyWorkload } from "./LatencyWorkload.js"
import { runLocomoWorkload } from "./LocomoWorkload.js"
import { guardNetwork } from "./Network.js"
import type { Blocked, PeersJson, PeersReport } from "./Report.js"
import { buildReport, goalsOf, ratiosOf } from "./Report.js"
import type { System } from "./Systems.js"
import { alma, mastra, mem0, unavailable } from "./Systems.js"
import { describeCause } from "../describeCause.js"

/**
 * Options of {@link runPeersWith}.
 *
 * **Shape** `systems`: ALMA first (the ratios' numerator); `sizes`: store sizes of the latency workload
 * (default 1k and 10k; quick: 1k); `quickQuestions`: QA items of the quick LoCoMo slice (default 100,
 * first conversation); `k`: results per search (default 10).
 *
 * @since 0.1.0
 * @category models
 */
export interface PeersOptions extends BenchOptions {
  readonly systems?: ReadonlyArray<System> | undefined
  readonly embedder?: RealEmbedder | undefined
  readonly sizes?: ReadonlyArray<number> | undefined
  readonly calls?: Partial<LatencyCalls> | undefined
  readonly quickQuestions?: number | undefined
  readonly k?: number | undefined
  readonly directory?: string | undefined
}

/**
 * Calls of a full run.
 *
 * @since 0.1.0
 * @category constructors
 */
export const fullCalls: LatencyCalls = {
  warmup: 10,
  retrieves: 200,
  includingWarmup: 5,
  including: 100,
  writeBatch: 100,
  includingWriteBatches: 3
}

/**
 * Calls of a quick run.
 *
 * @since 0.1.0
 * @category constructors
 */
export const quickCalls: LatencyCalls = {
  warmup: 3,
  retrieves: 30,
  includingWarmup: 2,
  including: 10,
  writeBatch: 100,
  includingWriteBatches: 1
}

/**
 * The systems of a full run: ALMA, mem0ai/oss and @mastra/memory.
 *
 * @since 0.1.0
 * @category constructors
 */
export const defaultSystems: ReadonlyArray<System> = [alma, mem0, mastra]

const load1 = () => Math.round(loadavg()[0]! * 100) / 100

const run = async (options: PeersOptions): Promise<PeersJson> => {
  const started = performance.now()
  const quick = options.quick === true
  const calls: LatencyCalls = { ...(quick ? quickCalls : fullCalls), ...options.calls }
  const sizes = options.sizes ?? (quick ? [1_000] : [1_000, 10_000])
  const k = options.k ?? 10
  const spec = options.embedder ?? useLite
  const loads: Record<string, number> = { start: load1() }
  const file = path.resolve(options.dataset ?? defaultDatasetPath())
  const full = await Effect.runPromise(loadDataset(file))
  const dataset = quick ? quickSlice(full, options.quickQuestions ?? 100) : full
  const questions = dataset.samples.reduce((n, s) => n + s.questions.filter((q) => q.evidence.length > 0).length, 0)

  const guard = guardNetwork()
  const runtime = ManagedRuntime.make(spec.layer)
  const root = mkdtempSync(path.join(options.directory ?? tmpdir(), "bench-peers-"))
  try {
    const blocked: Array<Blocked> = []
    const systems: Array<System> = []
    for (const system of options.systems ?? defaultSystems) {
      const reason = await unavailable(system)
      if (reason === undefined) systems.push(system)
      else blocked.push({ system: system.name, packages: system.packages, reason })
    }
    const real = await runtime.runPromise(Embedder.Embedder)
    const embedder = sharedEmbedder({
      model: real.model,
      dimensions: real.dimensions,
      embed: (texts) => runtime.runPromise(real.embedMany(texts))
    })
    const total = dataset.samples.length * 2 + sizes.length * 3
    let done = 0
    const onStep = () => options.onProgress?.(++done, total)
    loads["locomo"] = load1()
    const locomo = await runLocomoWorkload({ dataset, systems, embedder, dir: root, k, onStep })
    loads["latency"] = load1()
    const latency = await runLatencyWorkload({ systems, embedder, sizes, calls, dir: root, k, onStep })
    loads["end"] = load1()
    const attempts = guard.attempts()
    if (attempts.length > 0) {
      throw new BenchRunError({
        message: `a system under test tried to reach the network (${attempts.length} attempts: ${attempts.slice(0, 5).join("; ")})`
      })
    }
    const ratios = ratiosOf(locomo, latency, alma.name)
    return {
      suite: "peers",
      settings: {
        quick,
        k,
        sizes,
        calls,
        embedder: { name: spec.name, label: spec.label, model: real.model, dimensions: real.dimensions },
        dataset: { file, samples: dataset.samples.length, turns: dataset.stats.turns, questions }
      },
      machine: {
        cpu: cpus()[0]?.model.trim() ?? "unknown",
        cores: availableParallelism(),
        ramGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
        node: process.version,
        platform: `${process.platform} ${process.arch}`
      },
      systems: systems.map((s) => ({ name: s.name, label: s.label, packages: s.packages, ranked: s.ranked })),
      blocked,
      locomo,
      latency,
      ratios,
      goals: goalsOf(ratios, sizes),
      network: { attempts },
      embedderCounts: { ...embedder.counts },
      loadAverage1m: loads,
      wallTimeSeconds: (performance.now() - started) / 1000
    }
  } finally {
    guard.restore()
    await runtime.dispose()
    rmSync(root, { recursive: true, force: true })
  }
}


/**
 * Runs the suite with explicit systems, embedder, sizes and call counts (tests use the hash embedder
 * and small sizes).
 *
 * **Shape** the report's `json` is `PeersJson` (see `Report.ts`).
 * **Units** latencies in ms; throughput in memories (turns) per second; recall and NDCG in [0, 1].
 * **Errors** `BenchRunError` (a system failed, or tried to reach the network); the dataset's
 * `ConfigurationError` / `ValidationError` are wrapped in it too.
 *
 * @since 0.1.0
 * @category constructors
 */
export const runPeersWith = (options: PeersOptions = {}): Effect.Effect<PeersReport, BenchRunError> =>
  Effect.tryPromise({
    try: () => run(options),
    catch: (cause) =>
      cause instanceof BenchRunError ? cause : new BenchRunError({ message: `the peers run failed: ${describeCause(cause)}`, cause })
  }).pipe(Effect.map(buildReport))

/**
 * The `peers` suite: LoCoMo retrieval (default dataset `../shared/datasets/locomo/locomo-dev.json`;
 * `quick`: the first conversation, 100 QA items) and search latency / write throughput at 1k and 10k
 * memories (`quick`: 1k) on ALMA, mem0ai/oss and @mastra/memory, with USE-lite for all. Options used:
 * `dataset`, `quick`, `onProgress`.
 *
 * **Errors** `BenchRunError`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const runPeers: Suite<BenchRunError> = (options) => runPeersWith(options)
