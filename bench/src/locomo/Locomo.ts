/**
 * The `locomo` benchmark suite: turn-level evidence retrieval on LoCoMo with lexical, vector, hybrid
 * and reference configurations side by side.
 *
 * @since 0.1.0
 */
import { Clock, Effect, Layer } from "effect"
import * as path from "node:path"
import { AlmaConfig, LocalEmbedder, Scoring, TransformersEmbedder } from "alma-memory"
import type { ConfigurationError, Embedder, EmbeddingError } from "alma-memory"
import type { BenchOptions, Suite } from "../Suite.js"
import type { Dataset, FactFormat } from "./Dataset.js"
import { loadDataset } from "./Dataset.js"
import type { EvaluateError } from "./Evaluate.js"
import { evaluateSample } from "./Evaluate.js"
import type { Judged } from "./Metrics.js"
import type { Fusion } from "./Rankers.js"
import { noisyOr, reciprocalRank, relativeScore, withNeighbours } from "./Rankers.js"
import { defaultDatasetPath, sharedModelsPath } from "./Paths.js"
import type { LocomoReport } from "./Report.js"
import { buildReport } from "./Report.js"

/**
 * An embedder under test: a short name used in configuration ids, a label, and its layer.
 *
 * @since 0.1.0
 * @category models
 */
export interface EmbedderSpec {
  readonly name: string
  readonly label: string
  readonly layer: Layer.Layer<Embedder.Embedder, ConfigurationError | EmbeddingError>
}

/**
 * Options of {@link runLocomoWith}: the shared bench options plus what tests and experiments change.
 *
 * **Shape** `embedders`: the first is the product default (its hybrid row is "hybrid default");
 * `quickQuestions`: QA items kept with `quick` (default 100, from the first sample).
 *
 * @since 0.1.0
 * @category models
 */
export interface LocomoOptions extends BenchOptions {
  readonly embedders?: ReadonlyArray<EmbedderSpec> | undefined
  readonly fusions?: ReadonlyArray<Fusion> | undefined
  readonly factFormat?: FactFormat | undefined
  readonly quickQuestions?: number | undefined
}

/**
 * The embedders a full run compares: the local USE-lite (512 dims, the product default) and the
 * offline transformers.js model `static-use-lite-wordpiece-256d` from `<package root>/../shared/models`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const defaultEmbedders = (): ReadonlyArray<EmbedderSpec> => [
  { name: "use-lite-512", label: "USE-lite 512d (local)", layer: LocalEmbedder.layer },
  {
    name: "static-256d",
    label: "static-use-lite-wordpiece-256d (transformers.js)",
    layer: TransformersEmbedder.layerWith({
      model: "static-use-lite-wordpiece-256d",
      localModelPath: sharedModelsPath(),
      allowRemoteModels: false
    })
  }
]

/**
 * The split the product's lexical weight (`Scoring.LEXICAL_WEIGHT`, 0.7) was chosen on: the LoCoMo
 * development file (see `src/internal/scoring.ts`). Rows ranked with that weight (the hybrid rows and
 * `noisy-OR w=0.7`) are marked "weights chosen on this split" when the suite runs on that file.
 *
 * @since 0.1.0
 * @category constructors
 */
export const LEXICAL_WEIGHT_SPLIT = "locomo-dev.json"

/**
 * Experimental fusions measured over the same candidate pool `retrieve` uses (20 vector + 20 BM25
 * hits for topK 10): noisy-OR at the product's lexical weight (`Scoring.LEXICAL_WEIGHT`, a reproduction
 * check: it must rank as `retrieve` does) and at the earlier default 0.3, reciprocal rank fusion
 * (k = 60), relative-score fusion (w = 0.5), and relative-score fusion with dialogue-neighbour
 * smoothing (β = 0.5).
 *
 * @since 0.1.0
 * @category constructors
 */
export const defaultFusions: ReadonlyArray<Fusion> = [
  { ...noisyOr(Scoring.LEXICAL_WEIGHT), chosenOn: LEXICAL_WEIGHT_SPLIT },
  noisyOr(0.3),
  reciprocalRank(60),
  relativeScore(0.5),
  withNeighbours(relativeScore(0.5), 0.5)
]

/** Every timestamp read under it is `millis`: all turns of a run get the same `createdAt`/`lastVerified`. */
const frozenClock = (millis: number): Clock.Clock => {
  const live = Clock.make()
  return {
    [Clock.ClockTypeId]: Clock.ClockTypeId,
    unsafeCurrentTimeMillis: () => millis,
    currentTimeMillis: Effect.succeed(millis),
    unsafeCurrentTimeNanos: () => BigInt(millis) * 1_000_000n,
    currentTimeNanos: Effect.succeed(BigInt(millis) * 1_000_000n),
    sleep: (duration) => live.sleep(duration)
  }
}

/**
 * The quick slice: the first sample, its first `questions` QA items with evidence (all its turns).
 *
 * @since 0.1.0
 * @category constructors
 */
export const quickSlice = (dataset: Dataset, questions: number): Dataset => {
  const first = dataset.samples[0]
  if (first === undefined) return dataset
  const kept = first.questions.filter((q) => q.evidence.length > 0).slice(0, questions)
  const sample = { ...first, questions: kept }
  return {
    ...dataset,
    samples: [sample],
    stats: {
      ...dataset.stats,
      samples: 1,
      sessions: new Set(first.turns.map((t) => t.session)).size,
      turns: first.turns.length,
      imageTurns: first.turns.filter((t) => t.caption !== undefined).length,
      questions: kept.length,
      withEvidence: kept.length,
      withoutEvidence: 0
    }
  }
}

/**
 * Runs the suite with explicit embedders and fusions (tests use the hash embedder).
 *
 * **Shape** the report's `json` is `LocomoJson` (see `Report.ts`): metrics per configuration, overall
 * (categories 1–4), all, and per category; `markdown` has the tables; one chart,
 * `locomo-recall-by-category`.
 * **Units** wall time in ms; tokens: o200k_base.
 * **Errors** `ConfigurationError` (dataset or config file unreadable, embedder), `ValidationError`
 * (not a LoCoMo file), `StorageError`, `EmbeddingError`, `ScopeViolationError`.
 * **Source** Maharana et al., 2024, "Evaluating Very Long-Term Conversational Memory of LLM Agents" (ACL).
 *
 * @since 0.1.0
 * @category constructors
 */
export const runLocomoWith = (options: LocomoOptions = {}): Effect.Effect<LocomoReport, EvaluateError> =>
  Effect.gen(function*() {
    const started = yield* Clock.currentTimeMillis
    const file = path.resolve(options.dataset ?? defaultDatasetPath())
    const full = yield* loadDataset(file)
    const dataset = options.quick ? quickSlice(full, options.quickQuestions ?? 100) : full
    const retrieval = options.config === undefined ? undefined : (yield* AlmaConfig.loadConfig(options.config)).retrieval
    const embedders = options.embedders ?? defaultEmbedders()
    const fusions = options.fusions ?? defaultFusions
    const factFormat = options.factFormat ?? "dated"
    const storeClock = frozenClock(started)
    const scored = dataset.samples.reduce((n, s) => n + s.questions.filter((q) => q.evidence.length > 0).length, 0)
    const total = embedders.length * (dataset.stats.turns + scored)
    let done = 0
    const onStep = (units: number) => {
      done += units
      options.onProgress?.(done, total)
    }
    const results = new Map<string, Array<Judged>>()
    for (const [index, spec] of embedders.entries()) {
      yield* Effect.scoped(Effect.gen(function*() {
        const embedder = yield* Layer.build(spec.layer)
        for (const sample of dataset.samples) {
          const judged = yield* evaluateSample(sample, embedder, {
            embedder: spec.name,
            factFormat,
            retrieval,
            reference: index === 0,
            fusions,
            candidates: 20,
            storeClock,
            onStep
          })
          for (const [id, list] of judged) results.set(id, [...(results.get(id) ?? []), ...list])
        }
      }))
    }
    const finished = yield* Clock.currentTimeMillis
    return buildReport({
      dataset,
      quick: options.quick === true,
      factFormat,
      config: options.config,
      weightSplit: LEXICAL_WEIGHT_SPLIT,
      embedders: embedders.map((e) => ({ name: e.name, label: e.label })),
      fusions,
      results,
      wallTimeMs: finished - started
    })
  })

/**
 * The `locomo` suite: loads a LoCoMo file (default `../shared/datasets/locomo/locomo-dev.json` beside
 * the package root), stores every turn as domain knowledge of its own sample's agent, and measures
 * turn-level recall@5/@10 (any evidence = hit rate, fractional, all evidence), MRR@5/@10, NDCG@10 and
 * prompt tokens per configuration and category; the headline is `retrieve` at the library's default
 * topK (5).
 * Options used: `dataset`, `config` (its `retrieval` section applies to the hybrid rows), `quick`
 * (first sample, 100 QA items), `onProgress`.
 *
 * **Errors** as {@link runLocomoWith}.
 *
 * @example
 * ```ts
 * const report = await Effect.runPromise(runLocomo({ quick: true }))
 * ```
 *
 * @since 0.1.0
 * @category constructors
 */
export const runLocomo: Suite<EvaluateError> = (options) => runLocomoWith(options)
