/**
 * `alma bench reflexion`: lesson routing on the Reflexion run logs. Converts the logs into outcomes
 * and lessons, replays them trial by trial through `learn` / `addAntiPattern`, and measures whether
 * `retrieve(task)` before a retry returns that task's own earlier lesson (recall@1, recall@5, MRR
 * per task family).
 *
 * @since 0.1.0
 */
import { Clock, Effect, Either, Layer, Option, Schema } from "effect"
import * as fs from "node:fs/promises"
import * as path from "node:path"
import { fileURLToPath } from "node:url"
import { AgentScope, AlmaConfig, AlmaService, Embedder } from "alma-memory"
import type { ConfigurationError, EmbeddingError, Learner, Retriever, StorageError } from "alma-memory"
import { stackFor, tempDir } from "../stack.js"
import type { BenchOptions, BenchReport, Suite } from "../Suite.js"
import { loadDataset, quickSlice } from "./Dataset.js"
import type { Run } from "./Model.js"
import { ReflexionDatasetError, toName } from "./Model.js"
import type { Plan } from "./Replay.js"
import { replay } from "./Replay.js"
import { buildReport } from "./Report.js"

/**
 * Options of {@link runReflexionWith}: the suite options plus an embedder override.
 *
 * **Shape** `dataset`: folder (searched recursively) or file, default
 * `<repo>/../shared/datasets/reflexion-logs`; `config`: an ALMA configuration file whose embedder,
 * retrieval and learning settings are used (storage goes to a temporary file, never to the
 * configured database); `embedder`: replaces the embedder (e.g. `HashEmbedder.layer` in tests);
 * `quick`: per run, the first 6 tasks with a lesson and the first 4 without.
 *
 * @since 0.1.0
 * @category models
 */
export interface ReflexionOptions<E = never> extends BenchOptions {
  readonly embedder?: Layer.Layer<Embedder.Embedder, E> | undefined
}

/**
 * Errors of the suite.
 *
 * @since 0.1.0
 * @category errors
 */
export type ReflexionError = ReflexionDatasetError | ConfigurationError | StorageError | EmbeddingError | Learner.LearnError | Retriever.RetrieveError

const PackageName = Schema.parseJson(Schema.Struct({ name: Schema.String }))

/** The folder holding the `alma-memory` package.json, walking up from this module (src/ or dist/). */
const packageRoot = Effect.gen(function*() {
  let dir = path.dirname(fileURLToPath(import.meta.url))
  for (;;) {
    const text = yield* Effect.option(Effect.tryPromise(() => fs.readFile(path.join(dir, "package.json"), "utf8")))
    if (Option.isSome(text)) {
      const pkg = Schema.decodeUnknownEither(PackageName)(text.value)
      if (Either.isRight(pkg) && pkg.right.name === "alma-memory") return dir
    }
    const parent = path.dirname(dir)
    if (parent === dir) {
      return yield* new ReflexionDatasetError({
        path: fileURLToPath(import.meta.url),
        description: "cannot find the alma-memory package folder to locate the default dataset; pass --dataset"
      })
    }
    dir = parent
  }
})

/**
 * The default dataset folder: `../shared/datasets/reflexion-logs` next to the package folder.
 *
 * **Errors** `ReflexionDatasetError` when the package folder cannot be found.
 *
 * @since 0.1.0
 * @category constructors
 */
export const defaultDataset: Effect.Effect<string, ReflexionDatasetError> = Effect.map(
  packageRoot,
  (root) => path.resolve(root, "../shared/datasets/reflexion-logs")
)

/** One agent per family; a family with several lesson runs gets one agent per run. */
const assignAgents = (runs: ReadonlyArray<Run>): ReadonlyArray<Plan> => {
  const used = new Set<string>()
  return runs.map((run) => {
    const shared = runs.filter((r) => r.family === run.family).length > 1
    const base = shared ? toName(`${run.family}.${path.basename(run.id).replace(/\.[^.]*$/, "")}`, run.family) : run.family
    let agent = base.slice(0, 120)
    for (let i = 2; used.has(agent); i++) agent = `${base.slice(0, 120)}.${i}`
    used.add(agent)
    return { run, agent }
  })
}


/**
 * Runs the suite with an optional embedder override (see {@link ReflexionOptions}).
 *
 * **Errors** `ReflexionDatasetError` (dataset missing, unreadable or of no known format),
 * `ConfigurationError` (bad or missing `config` file), and the storage, embedding, validation and
 * scope errors of `learn` / `retrieve`.
 *
 * @example
 * ```ts
 * const report = yield* runReflexionWith({ quick: true, embedder: HashEmbedder.layer })
 * ```
 *
 * @since 0.1.0
 * @category constructors
 */
export const runReflexionWith = <E = never>(
  options: ReflexionOptions<E>
): Effect.Effect<BenchReport, ReflexionError | E> =>
  Effect.gen(function*() {
    const started = yield* Clock.currentTimeMillis
    const dataset = yield* loadDataset(options.dataset ?? (yield* defaultDataset))
    const config = options.config === undefined ? undefined : yield* AlmaConfig.loadConfig(options.config)
    const quick = options.quick === true
    const plans = assignAgents(dataset.runs.filter((r) => !r.control)).map((p) =>
      quick ? { ...p, run: quickSlice(p.run) } : p
    )
    const total = plans.reduce((n, p) => n + p.run.tasks.reduce((m, t) => m + t.attempts.length, 0), 0)
    let done = 0
    const onStep = () => {
      done++
      options.onProgress?.(done, total)
    }
    const { embedder, replayed } = yield* Effect.scoped(Effect.gen(function*() {
      const dir = yield* tempDir("reflexion")
      return yield* Effect.gen(function*() {
        const alma = yield* AlmaService.Alma
        const embedder = yield* Embedder.Embedder
        yield* Effect.forEach(plans, (p) => alma.registerAgent(AgentScope.make({ agent: p.agent })), { discard: true })
        const replayed = yield* replay(plans, onStep)
        return { embedder: { model: embedder.model, dimensions: embedder.dimensions }, replayed }
      }).pipe(Effect.provide(stackFor(path.join(dir, "reflexion.db"), "reflexion-bench", config, options.embedder)))
    }))
    const finished = yield* Clock.currentTimeMillis
    return buildReport({
      dataset,
      plans,
      replay: replayed,
      quick,
      durationMs: finished - started,
      config: {
        source: options.config === undefined ? "embedded default (Alma.layerSqlite)" : path.resolve(options.config),
        storage: config?.storage === "memory" ? "in-memory storage" : "SQLite in a temporary file (deleted afterwards)",
        projectId: config?.projectId ?? "reflexion-bench",
        embedderModel: embedder.model,
        embedderDimensions: embedder.dimensions,
        embedderOverridden: options.embedder !== undefined,
        query: { kinds: ["anti_pattern"], topK: 5, mode: "default (none given)" },
        retrieval: config?.retrieval ?? "library defaults",
        learning: config?.learning ?? "library defaults"
      }
    })
  })

/**
 * The Reflexion lesson-routing suite (`alma bench reflexion [--dataset DIR] [--config FILE]
 * [--quick]`), on the embedded default stack unless `config` is given.
 *
 * @since 0.1.0
 * @category constructors
 */
export const runReflexion: Suite<ReflexionError> = (options) => runReflexionWith(options)
