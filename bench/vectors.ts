/**
 * Vectors of the benchmarks: a few hundred real USE-lite embeddings (cluster centres), cheap
 * perturbations of them for the 100k stored memories, and the "precomputed" embedder that serves
 * vectors from a table instead of running a model.
 */
import { Effect, Layer, ManagedRuntime } from "effect"
import * as LocalEmbedder from "../layers/embedders/LocalEmbedder.js"
import * as Embedder from "../src/services/Embedder.js"
import { fnv1a, rng, type Rng } from "./corpus.js"

export const MODEL = LocalEmbedder.MODEL
export const DIMENSIONS = LocalEmbedder.DIMENSIONS

/** Noise norm of a perturbation: cos(member, centre) ≈ 0.86, cos(member, member) ≈ 0.74. */
export const SIGMA = 0.6

/** Embeds texts with the real local embedder (USE-lite), outside any timing; returns text → vector. */
export const embedReal = async (texts: ReadonlyArray<string>): Promise<Map<string, Float32Array>> => {
  const runtime = ManagedRuntime.make(LocalEmbedder.layer)
  try {
    const vectors = await runtime.runPromise(Effect.flatMap(Embedder.Embedder, (e) => e.embedMany(texts)))
    return new Map(texts.map((t, i) => [t, vectors[i]!]))
  } finally {
    await runtime.dispose()
  }
}

/** `centre` plus uniform noise of norm ≈ `sigma`, normalised. */
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

/** Counters of the precomputed embedder: table hits, and texts that got a derived vector. */
export interface LookupStats {
  hits: number
  derived: number
}

/**
 * An embedder that runs no model: texts in `table` get their stored vector; any other text gets a
 * deterministic perturbation of a centre chosen by the text's hash (a few microseconds). Model id and
 * dimension are USE-lite's, so it opens the same SQLite file as the real local embedder.
 */
export const precomputed = (
  table: ReadonlyMap<string, Float32Array>,
  centres: ReadonlyArray<Float32Array>
): { readonly layer: Layer.Layer<Embedder.Embedder>; readonly stats: LookupStats } => {
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
    model: MODEL,
    dimensions: DIMENSIONS,
    embed: (text) => Effect.sync(() => lookup(text)),
    embedMany: (texts) => Effect.sync(() => texts.map(lookup))
  })
  return { layer: Layer.succeed(Embedder.Embedder, service), stats }
}
