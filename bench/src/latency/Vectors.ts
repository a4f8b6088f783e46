/**
 * Vectors of the latency benchmarks: a few hundred real embeddings (cluster centres and queries), cheap
 * perturbations of them for the stored memories, and the "precomputed" embedder that serves vectors
 * from a table instead of running a model.
 *
 * @since 0.1.0
 */
import { Effect, Layer, ManagedRuntime } from "effect"
import { Embedder, LocalEmbedder } from "alma-memory"
import { fnv1a, rng, type Rng } from "./Corpus.js"

/**
 * Model id of the default embedder (USE-lite).
 *
 * @since 0.1.0
 * @category constructors
 */
export const MODEL = LocalEmbedder.MODEL

/**
 * Vector length of the default embedder (USE-lite).
 *
 * @since 0.1.0
 * @category constructors
 */
export const DIMENSIONS = LocalEmbedder.DIMENSIONS

/**
 * Noise norm of a perturbation: cos(member, centre) ≈ 0.86, cos(member, member) ≈ 0.74.
 *
 * @since 0.1.0
 * @category constructors
 */
export const SIGMA = 0.6

/**
 * Embeds texts with a real embedder (default: the local USE-lite), outside any timing; returns
 * text → vector, and the embedder's model id and dimension.
 *
 * @since 0.1.0
 * @category constructors
 */
export const embedReal = async (
  texts: ReadonlyArray<string>,
  layer: Layer.Layer<Embedder.Embedder, unknown> = LocalEmbedder.layer
): Promise<Map<string, Float32Array>> => {
  const runtime = ManagedRuntime.make(layer)
  try {
    const vectors = await runtime.runPromise(Effect.flatMap(Embedder.Embedder, (e) => e.embedMany(texts)))
    return new Map(texts.map((t, i) => [t, vectors[i]!]))
  } finally {
    await runtime.dispose()
  }
}

/**
 * `centre` plus uniform noise of norm ≈ `sigma`, normalised.
 *
 * @since 0.1.0
 * @category constructors
 */
export const perturb = (centre: Float32Array, r: Rng, sigma: number = SIGMA): Float32Array => {
  const a = sigma * Math.sqrt(3 / centre.length)
  const v = new Float32Array(centre.length)
  let sum = 0
  for (let i = 0; i < v.length; i++) {
    const x = centre[i]! + (2 * r.next() - 1) * a
    v[i] = x
    sum += x * x
  }
  const inv = 1 / Math.sqrt(sum)
  for (let i = 0; i < v.length; i++) v[i] = v[i]! * inv
  return v
}

/**
 * Counters of the precomputed embedder: table hits, and texts that got a derived vector.
 *
 * @since 0.1.0
 * @category models
 */
export interface LookupStats {
  hits: number
  derived: number
}

/**
 * A precomputed embedder: its lookup function, its layer and its counters.
 *
 * @since 0.1.0
 * @category models
 */
export interface Precomputed {
  readonly lookup: (text: string) => Float32Array
  readonly layer: Layer.Layer<Embedder.Embedder>
  readonly stats: LookupStats
  readonly model: string
  readonly dimensions: number
}

/**
 * An embedder that runs no model: texts in `table` get their stored vector; any other text gets a
 * deterministic perturbation of a centre chosen by the text's hash (a few microseconds). Model id and
 * dimension default to USE-lite's, so it opens the same SQLite file as the real local embedder.
 *
 * @since 0.1.0
 * @category constructors
 */
export const precomputed = (
  table: ReadonlyMap<string, Float32Array>,
  centres: ReadonlyArray<Float32Array>,
  identity: { readonly model: string; readonly dimensions: number } = { model: MODEL, dimensions: DIMENSIONS }
): Precomputed => {
  const stats: LookupStats = { hits: 0, derived: 0 }
  const lookup = (text: string): Float32Array => {
    const found = table.get(text)
    if (found !== undefined) {
      stats.hits++
      return found
    }
    stats.derived++
    const h = fnv1a(text)
    return perturb(centres[h % centres.length]!, rng(h))
  }
  const service = Embedder.Embedder.of({
    model: identity.model,
    dimensions: identity.dimensions,
    embed: (text) => Effect.sync(() => lookup(text)),
    embedMany: (texts) => Effect.sync(() => texts.map(lookup))
  })
  return { lookup, layer: Layer.succeed(Embedder.Embedder, service), stats, ...identity }
}
