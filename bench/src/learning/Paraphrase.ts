/**
 * How far apart the embedder puts the script's strategy texts (pure, given vectors): cosine between
 * paraphrases of one family and between families of one agent, and how many pairs a fixed threshold
 * would call "the same strategy". A calibration aid for matching, not a goal.
 *
 * @since 0.1.0
 */
import { Embedder } from "alma-memory"
import { mean } from "./Slices.js"

/**
 * One strategy text with its family, agent, polarity and embedding.
 *
 * @since 0.1.0
 * @category models
 */
export interface Embedded {
  readonly family: string
  readonly agent: string
  readonly templated: boolean
  readonly success: boolean
  readonly text: string
  readonly vector: Float32Array
}

/**
 * Pair statistics. **Units** cosines in [−1, 1]; `atThreshold`: share of pairs with cosine ≥ the
 * threshold; `NaN` when there are no pairs.
 *
 * @since 0.1.0
 * @category models
 */
export interface PairStats {
  readonly pairs: number
  readonly mean: number
  readonly min: number
  readonly max: number
  readonly atThreshold: number
}

/**
 * Within-family and cross-family (same agent, non-templated) pair statistics.
 *
 * @since 0.1.0
 * @category models
 */
export interface Separation {
  readonly threshold: number
  readonly within: PairStats
  readonly across: PairStats
}

const stats = (values: ReadonlyArray<number>, threshold: number): PairStats => ({
  pairs: values.length,
  mean: mean(values),
  min: values.length === 0 ? NaN : Math.min(...values),
  max: values.length === 0 ? NaN : Math.max(...values),
  atThreshold: values.length === 0 ? NaN : values.filter((v) => v >= threshold).length / values.length
})

/**
 * Cosines of every pair of non-templated texts of the same agent, split into same family / other family.
 *
 * @since 0.1.0
 * @category constructors
 */
export const separation = (texts: ReadonlyArray<Embedded>, threshold: number): Separation => {
  const within: Array<number> = []
  const across: Array<number> = []
  const kept = texts.filter((t) => !t.templated)
  for (let i = 0; i < kept.length; i++) {
    for (let j = i + 1; j < kept.length; j++) {
      const a = kept[i]!
      const b = kept[j]!
      if (a.agent !== b.agent) continue
      ;(a.family === b.family ? within : across).push(Embedder.cosine(a.vector, b.vector))
    }
  }
  return { threshold, within: stats(within, threshold), across: stats(across, threshold) }
}
