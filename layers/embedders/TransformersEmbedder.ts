/**
 * Any ONNX sentence-transformer (all-MiniLM-L6-v2, bge-small, e5-small, a local model folder …) run
 * in-process through `@huggingface/transformers` on onnxruntime-node: mean pooling over the tokens,
 * then L2 normalisation.
 *
 * @since 0.1.0
 */
import type { FeatureExtractionPipeline } from "@huggingface/transformers"
import { Chunk, Effect, Layer, type Scope } from "effect"
import * as path from "node:path"
import { ConfigurationError, EmbeddingError } from "../../src/domain/AlmaError.js"
import * as Embedder from "../../src/services/Embedder.js"

/**
 * Options of the transformers embedder.
 *
 * **Shape** `model`: a Hugging Face model id (`Xenova/all-MiniLM-L6-v2`, the default) or the name of a
 * folder under `localModelPath` holding `config.json`, `tokenizer.json` and `onnx/model.onnx`;
 * `localModelPath`: folder containing model folders (default: transformers.js's own `models/`);
 * `allowRemoteModels`: whether a model missing locally may be downloaded from the Hub (default true).
 * **Units** `dimensions`: expected vector length, checked at load when given; `batchSize`: texts per
 * model call (default 32).
 *
 * @since 0.1.0
 * @category models
 */
export interface Options {
  readonly model?: string | undefined
  readonly localModelPath?: string | undefined
  readonly allowRemoteModels?: boolean | undefined
  readonly dimensions?: number | undefined
  readonly batchSize?: number | undefined
}

/**
 * Model used when `Options.model` is not set.
 *
 * @since 0.1.0
 * @category constructors
 */
export const DEFAULT_MODEL = "Xenova/all-MiniLM-L6-v2"

const DEFAULT_BATCH_SIZE = 32
const PROBE_TEXT = "The quick brown fox jumps over the lazy dog."

// `env` is process-global in transformers.js: it is set only while a pipeline loads, one load at a
// time, and restored afterwards, so embedders with different settings do not interfere.
const envLock = Effect.unsafeMakeSemaphore(1)

const messageOf = (cause: unknown): string =>
  cause instanceof Error
    ? cause.cause instanceof Error ? `${cause.message}: ${cause.cause.message}` : cause.message
    : String(cause)

const loadPipeline = (model: string, options: Options) =>
  Effect.gen(function*() {
    const { env, pipeline } = yield* Effect.tryPromise({
      try: () => import("@huggingface/transformers"),
      catch: (cause) =>
        new EmbeddingError({
          model,
          reason: "could not import @huggingface/transformers; check that it and onnxruntime-node are installed",
          cause
        })
    })
    const allowRemote = options.allowRemoteModels ?? true
    const acquire = Effect.sync(() => {
      const saved = { allowRemoteModels: env.allowRemoteModels, localModelPath: env.localModelPath }
      env.allowRemoteModels = allowRemote
      if (options.localModelPath !== undefined) env.localModelPath = options.localModelPath
      return saved
    })
    const load = Effect.tryPromise({
      try: () =>
        pipeline("feature-extraction", model, { dtype: "fp32", local_files_only: !allowRemote }),
      catch: (cause) => {
        const local = path.join(env.localModelPath, model)
        const where = allowRemote
          ? `looked in ${local} and on ${env.remoteHost} (downloads are cached in ${env.cacheDir ?? "no cache"})`
          : `looked in ${local}; remote models are disabled`
        return new EmbeddingError({
          model,
          reason: `could not load the model: ${where} (${messageOf(cause)}). Put the model's ONNX export ` +
            `(config.json, tokenizer.json, onnx/model.onnx) in a folder named after it and point localModelPath ` +
            `at the folder containing it, or run once with network access and allowRemoteModels: true to download it`,
          cause
        })
      }
    })
    const restore = (saved: { readonly allowRemoteModels: boolean; readonly localModelPath: string }) =>
      Effect.sync(() => {
        env.allowRemoteModels = saved.allowRemoteModels
        env.localModelPath = saved.localModelPath
      })
    return yield* envLock.withPermits(1)(Effect.acquireUseRelease(acquire, () => load, restore))
  })

/** Embeds one batch; vectors in input order, L2-normalised (a zero vector stays zero). */
const embedBatch = (extractor: FeatureExtractionPipeline, model: string, texts: ReadonlyArray<string>) =>
  Effect.gen(function*() {
    // Normalised here rather than by the pipeline, which turns an all-zero mean into NaNs.
    const output = yield* Effect.tryPromise({
      try: () => extractor([...texts], { pooling: "mean", normalize: false }),
      catch: (cause) =>
        new EmbeddingError({ model, reason: `inference failed on a batch of ${texts.length} texts`, cause })
    })
    const data = output.data
    const [rows, dimensions] = output.dims
    if (!(data instanceof Float32Array) || output.dims.length !== 2 || rows !== texts.length || !dimensions) {
      return yield* new EmbeddingError({
        model,
        reason: `expected a float32 tensor of shape [${texts.length}, dimensions], got ${output.type} [${output.dims}]`
      })
    }
    return texts.map((_, i) => Embedder.normalize(data.slice(i * dimensions, (i + 1) * dimensions)))
  })

/**
 * Loads an ONNX sentence-transformer once, finds its dimension by embedding a probe text, and serves
 * embeddings from it; the ONNX session is released when the scope closes.
 *
 * **Shape** model id = `options.model`; vectors are `Float32Array`s of the model's width (384 for
 * all-MiniLM-L6-v2), unit norm, except that a text the model maps to zeros (an empty text with a
 * static model) stays zero. `embedMany` runs in batches of `batchSize` and keeps input order.
 * **Units** load from a local folder: about 0.6 s on a 2-core VM, including the import of
 * onnxruntime-node; per text it depends on the model (256-dimensional static test model: about 1 ms
 * alone, 0.2–0.5 ms batched).
 * **Errors** `EmbeddingError` when the model cannot be loaded (the reason names the folder and host
 * tried and how to fix it) or inference fails; `ConfigurationError` (key `dimensions`) when the model's
 * width differs from `options.dimensions`, (key `batchSize`) for a bad batch size.
 * **Source** mean pooling as in Reimers & Gurevych, 2019, "Sentence-BERT".
 *
 * @since 0.1.0
 * @category constructors
 */
export const makeWith = (
  options: Options = {}
): Effect.Effect<Embedder.Service, EmbeddingError | ConfigurationError, Scope.Scope> =>
  Effect.gen(function*() {
    const model = options.model ?? DEFAULT_MODEL
    const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE
    if (!Number.isInteger(batchSize) || batchSize <= 0) {
      return yield* new ConfigurationError({
        key: "batchSize",
        description: `the transformers embedder needs a positive integer batch size, got ${batchSize}`
      })
    }
    const extractor = yield* Effect.acquireRelease(
      loadPipeline(model, options),
      (loaded) =>
        Effect.tryPromise(() => loaded.dispose()).pipe(
          Effect.catchAll((cause) => Effect.logWarning("could not release the ONNX session", cause))
        )
    )
    const [probe] = yield* embedBatch(extractor, model, [PROBE_TEXT])
    const dimensions = probe!.length
    if (options.dimensions !== undefined && options.dimensions !== dimensions) {
      return yield* new ConfigurationError({
        key: "dimensions",
        description: `model "${model}" produces ${dimensions}-dimensional vectors but ${options.dimensions} ` +
          `were expected; set dimensions to ${dimensions} or choose a model of width ${options.dimensions}`
      })
    }

    const embedMany = Effect.fn("TransformersEmbedder.embedMany")(function*(texts: ReadonlyArray<string>) {
      yield* Effect.annotateCurrentSpan({ "alma.model": model, "alma.count": texts.length })
      const batches = Chunk.chunksOf(Chunk.fromIterable(texts), batchSize)
      const vectors = yield* Effect.forEach(batches, (batch) => embedBatch(extractor, model, Chunk.toReadonlyArray(batch)))
      return vectors.flat()
    })
    const embed = Effect.fn("TransformersEmbedder.embed")(function*(text: string) {
      yield* Effect.annotateCurrentSpan({ "alma.model": model })
      const [vector] = yield* embedBatch(extractor, model, [text])
      return vector!
    })

    yield* Effect.logDebug(`loaded ${model} (${dimensions} dimensions)`).pipe(
      Effect.annotateLogs({ service: "TransformersEmbedder" })
    )
    return Embedder.Embedder.of({ model, dimensions, embed, embedMany })
  })

/**
 * The transformers embedder with `Xenova/all-MiniLM-L6-v2` (384 dimensions), downloaded from the
 * Hugging Face Hub on first use unless found locally.
 *
 * **Errors** `EmbeddingError` when the model cannot be loaded.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make: Effect.Effect<Embedder.Service, EmbeddingError | ConfigurationError, Scope.Scope> = makeWith()

/**
 * The `Embedder` as `Xenova/all-MiniLM-L6-v2`, loaded when the layer is built and released with it.
 *
 * **Errors** `EmbeddingError` when the model cannot be loaded.
 *
 * @since 0.1.0
 * @category layers
 */
export const layer: Layer.Layer<Embedder.Embedder, EmbeddingError | ConfigurationError> = Layer.scoped(
  Embedder.Embedder,
  make
)

/**
 * The `Embedder` as the ONNX sentence-transformer the options name.
 *
 * **Errors** `EmbeddingError` when the model cannot be loaded; `ConfigurationError` when its width
 * differs from `dimensions` or `batchSize` is bad.
 *
 * @since 0.1.0
 * @category layers
 */
export const layerWith = (options: Options = {}): Layer.Layer<Embedder.Embedder, EmbeddingError | ConfigurationError> =>
  Layer.scoped(Embedder.Embedder, makeWith(options))
