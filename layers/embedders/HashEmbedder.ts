/**
 * A deterministic, dependency-free embedder for tests: feature hashing of words and character
 * trigrams into a fixed number of signed buckets.
 *
 * It has no notion of meaning (synonyms share nothing), but texts that share words or word stems
 * get a positive cosine, so retrieval code can be tested without loading a model.
 *
 * @since 0.1.0
 */
import { Effect, Layer } from "effect"
import { ConfigurationError } from "../../src/domain/AlmaError.js"
import * as Embedder from "../../src/services/Embedder.js"
import { fnv1a, mix32 } from "../../src/internal/hash.js"

/**
 * Options of the hash embedder.
 *
 * **Units** `dimensions`: vector length, a positive integer (default 256).
 *
 * @since 0.1.0
 * @category models
 */
export interface Options {
  readonly dimensions?: number | undefined
}

/**
 * Default vector length.
 *
 * @since 0.1.0
 * @category constructors
 */
export const DEFAULT_DIMENSIONS = 256

const WORD_WEIGHT = 1
// Trigrams give partial credit to shared stems ("password" / "passwords") without drowning words.
const TRIGRAM_WEIGHT = 0.35

const addFeature = (v: Float32Array, feature: string, weight: number): void => {
  const h = fnv1a(feature)
  const bucket = h % v.length
  v[bucket] = v[bucket]! + ((mix32(h) & 1) === 0 ? weight : -weight)
}

/** Hashes one text into an L2-normalised vector; a text with no word characters maps to zeros. */
const hashText = (text: string, dimensions: number): Float32Array => {
  const v = new Float32Array(dimensions)
  for (const word of text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) {
    addFeature(v, `w:${word}`, WORD_WEIGHT)
    const padded = `<${word}>`
    for (let i = 0; i + 3 <= padded.length; i++) addFeature(v, `t:${padded.slice(i, i + 3)}`, TRIGRAM_WEIGHT)
  }
  return Embedder.normalize(v)
}

// constructors

const build = (dimensions: number): Embedder.Service => {
  const model = `hash-${dimensions}`
  const embed = Effect.fn("HashEmbedder.embed", { captureStackTrace: false })(function*(text: string) {
    yield* Effect.annotateCurrentSpan({ "alma.model": model, "alma.dimensions": dimensions })
    return hashText(text, dimensions)
  })
  const embedMany = Effect.fn("HashEmbedder.embedMany", { captureStackTrace: false })(function*(
    texts: ReadonlyArray<string>
  ) {
    yield* Effect.annotateCurrentSpan({ "alma.model": model, "alma.count": texts.length, "alma.dimensions": dimensions })
    return texts.map((text) => hashText(text, dimensions))
  })
  return Embedder.Embedder.of({ model, dimensions, embed, embedMany })
}

/**
 * Builds a hash embedder of the given dimension.
 *
 * **Shape** model id `hash-<dimensions>`; vectors are `Float32Array`s of length `dimensions`, unit
 * norm, or all zeros for a text without letters or digits. Identical texts give identical vectors.
 * **Units** `dimensions`: vector length (default 256).
 * **Errors** `ConfigurationError` (key `dimensions`) when `dimensions` is not a positive integer.
 * Embedding never fails.
 * **Source** feature hashing with a sign hash (Weinberger et al., 2009, "Feature Hashing for Large
 * Scale Multitask Learning"); FNV-1a for buckets, MurmurHash3's finaliser for signs.
 *
 * @since 0.1.0
 * @category constructors
 */
export const makeWith = (options: Options = {}): Effect.Effect<Embedder.Service, ConfigurationError> => {
  const dimensions = options.dimensions ?? DEFAULT_DIMENSIONS
  return Number.isInteger(dimensions) && dimensions > 0
    ? Effect.succeed(build(dimensions))
    : Effect.fail(
      new ConfigurationError({
        key: "dimensions",
        description: `the hash embedder needs a positive integer dimension, got ${dimensions}`
      })
    )
}

/**
 * A hash embedder with 256 dimensions (model id `hash-256`).
 *
 * **Shape** see `makeWith`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make: Effect.Effect<Embedder.Service> = Effect.sync(() => build(DEFAULT_DIMENSIONS))

/**
 * The `Embedder` as a 256-dimensional hash embedder.
 *
 * @since 0.1.0
 * @category layers
 */
export const layer: Layer.Layer<Embedder.Embedder> = Layer.effect(Embedder.Embedder, make)

/**
 * The `Embedder` as a hash embedder with the given options.
 *
 * **Errors** `ConfigurationError` when `dimensions` is not a positive integer.
 *
 * @since 0.1.0
 * @category layers
 */
export const layerWith = (options: Options = {}): Layer.Layer<Embedder.Embedder, ConfigurationError> =>
  Layer.effect(Embedder.Embedder, makeWith(options))
