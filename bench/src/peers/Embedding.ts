/**
 * The embedder every system of the `peers` suite shares: one instance of the real model (default
 * USE-lite), served through a table of precomputed vectors so that the embedding can be kept outside
 * or put inside the timer, for all systems alike.
 *
 * @since 0.1.0
 */
import { fnv1a, rng } from "../latency/Corpus.js"
import { perturb } from "../latency/Vectors.js"
import type { TextEmbedder } from "./Systems.js"

/**
 * How texts are embedded:
 * - `table-or-model`: the table's vector; a text not in it is embedded by the model, then kept
 *   (LoCoMo: every turn and question is in the table before any system sees it);
 * - `table-or-derived`: the table's vector; any other text gets a perturbation of a table vector
 *   chosen by the text's hash (a few µs: "excluding embedding");
 * - `model`: the model on every call, no table ("including embedding").
 *
 * @since 0.1.0
 * @category models
 */
export type Mode = "table-or-model" | "table-or-derived" | "model"

/**
 * A shared embedder with its table, its mode and its counters.
 *
 * @since 0.1.0
 * @category models
 */
export interface SharedEmbedder extends TextEmbedder {
  readonly table: Map<string, Float32Array>
  mode: Mode
  readonly counts: { tableHits: number; modelTexts: number; modelCalls: number; derived: number }
}

/**
 * Wraps `model` (the real embedder, as a batch function) in a table.
 *
 * @since 0.1.0
 * @category constructors
 */
export const sharedEmbedder = (model: TextEmbedder): SharedEmbedder => {
  const table = new Map<string, Float32Array>()
  const counts = { tableHits: 0, modelTexts: 0, modelCalls: 0, derived: 0 }
  const self: SharedEmbedder = {
    model: model.model,
    dimensions: model.dimensions,
    table,
    mode: "table-or-model",
    counts,
    embed: async (texts) => {
      if (self.mode === "model") {
        counts.modelCalls++
        counts.modelTexts += texts.length
        return model.embed(texts)
      }
      const missing = [...new Set(texts.filter((t) => !table.has(t)))]
      counts.tableHits += texts.length - texts.filter((t) => missing.includes(t)).length
      if (missing.length > 0) {
        if (self.mode === "table-or-model") {
          counts.modelCalls++
          counts.modelTexts += missing.length
          const vectors = await model.embed(missing)
          missing.forEach((t, i) => table.set(t, vectors[i]!))
        } else {
          const pool = [...table.values()]
          for (const t of missing) {
            counts.derived++
            const h = fnv1a(t)
            table.set(t, perturb(pool[h % pool.length]!, rng(h)))
          }
        }
      }
      return texts.map((t) => table.get(t)!)
    }
  }
  return self
}

/**
 * Cosine similarity of two vectors of the same length.
 *
 * @since 0.1.0
 * @category constructors
 */
export const cosine = (a: Float32Array, b: Float32Array): number => {
  let dot = 0, na = 0, nb = 0
  for (let i = 0; i < a.length; i++) {
    dot += a[i]! * b[i]!
    na += a[i]! * a[i]!
    nb += b[i]! * b[i]!
  }
  return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb)
}
