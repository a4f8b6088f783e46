/**
 * `alma bench learning`: the paraphrase benchmark of issue 18. Scripted agents learn families of
 * paraphrased successes and failures through `learn`; the suite measures formation (precision,
 * recall, F1, duplicates, cross-family merges), what `retrieve` returns for on-topic and off-topic
 * tasks, tokens per slice, and the repeat-mistake rate of a simulated agent following the slice.
 *
 * @since 0.1.0
 */
import { Clock, Effect, Layer } from "effect"
import * as path from "node:path"
import { AlmaConfig } from "alma-memory"
import type { ConfigurationError, Embedder, EmbeddingError, Learner, Retriever, StorageError, ValidationError } from "alma-memory"
import { stackFor, tempDir } from "../stack.js"
import type { BenchOptions, BenchReport, Suite } from "../Suite.js"
import { load } from "./Dataset.js"
import type { DomainSpec } from "./Model.js"
import { flatten } from "./Model.js"
import { replay } from "./Replay.js"
import { buildReport } from "./Report.js"

/**
 * Options of {@link runLearningWith}: the suite options plus an embedder override.
 *
 * **Shape** `config`: an ALMA configuration file whose embedder, retrieval and learning settings are
 * used (e.g. `embedding_provider: hash` for a fast run; storage always goes to a temporary SQLite
 * file, or stays in memory with `storage: memory`, never to the configured database); `embedder`:
 * replaces the embedder (tests pass `HashEmbedder.layer`); `quick`: the first 3 agents (78 outcomes,
 * 24 queries); `domains`: replaces the built-in script (`Dataset.ts`), for tests and experiments.
 * `dataset` is not used.
 *
 * @since 0.1.0
 * @category models
 */
export interface LearningOptions<E = never> extends BenchOptions {
  readonly embedder?: Layer.Layer<Embedder.Embedder, E> | undefined
  readonly domains?: ReadonlyArray<DomainSpec> | undefined
}

/**
 * Errors of the suite.
 *
 * @since 0.1.0
 * @category errors
 */
export type LearningError = ConfigurationError | StorageError | EmbeddingError | ValidationError | Learner.LearnError | Retriever.RetrieveError

const PROJECT = "learning-bench"


/**
 * Runs the suite with an optional embedder override (see {@link LearningOptions}).
 *
 * **Shape** the report's `json`: `goals` (metric, goal, value, met), `formation` (overall, byDomain,
 * families, memories with verdicts), `slices` (onTopic, offTopic, otherDomain, offTopicAll),
 * `tokens`, `repeatMistakes`, `paraphrase`, `observations`, `examples`; charts
 * `learning-formation-by-domain` and `learning-repeat-mistakes`.
 * **Errors** `ConfigurationError` (bad or missing `config` file), and the storage, embedding,
 * validation and scope errors of `learn` / `retrieve`.
 *
 * @example
 * ```ts
 * const report = yield* runLearningWith({ quick: true, embedder: HashEmbedder.layer })
 * ```
 *
 * @since 0.1.0
 * @category constructors
 */
export const runLearningWith = <E = never>(options: LearningOptions<E> = {}): Effect.Effect<BenchReport, LearningError | E> =>
  Effect.gen(function*() {
    const started = yield* Clock.currentTimeMillis
    const quick = options.quick === true
    const dataset = options.domains === undefined ? load({ quick }) : flatten(options.domains)
    const config = options.config === undefined ? undefined : yield* AlmaConfig.loadConfig(options.config)
    const total = dataset.steps.length + dataset.queries.length
    let done = 0
    const onStep = () => {
      done++
      options.onProgress?.(done, total)
    }
    const replayed = yield* Effect.scoped(Effect.gen(function*() {
      const dir = yield* tempDir("learning")
      return yield* replay(dataset, PROJECT, onStep).pipe(Effect.provide(stackFor(path.join(dir, "learning.db"), PROJECT, config, options.embedder)))
    }))
    const finished = yield* Clock.currentTimeMillis
    return buildReport({
      dataset,
      replay: replayed,
      quick,
      durationMs: finished - started,
      config: {
        source: options.config === undefined ? "embedded default (Alma.layerSqlite)" : path.resolve(options.config),
        storage: config?.storage === "memory" ? "in-memory storage" : "SQLite in a temporary file (deleted afterwards)",
        projectId: PROJECT,
        embedderModel: replayed.embedder.model,
        embedderDimensions: replayed.embedder.dimensions,
        embedderOverridden: options.embedder !== undefined,
        query: { kinds: "all", topK: "library default (5)", maxTokens: "library default (2000)", mode: "default (none given)" },
        retrieval: config?.retrieval ?? "library defaults",
        learning: config?.learning ?? "library defaults"
      }
    })
  })

/**
 * The paraphrase suite (`alma bench learning [--config FILE] [--quick]`), on the embedded default
 * stack (SQLite + the local USE-lite embedder) unless `config` is given.
 *
 * @since 0.1.0
 * @category constructors
 */
export const runLearning: Suite<LearningError> = (options) => runLearningWith(options)
