/**
 * When two strategy texts describe the same strategy: the evidence learning merges outcomes on.
 *
 * Agents never describe a strategy twice in the same words, and one embedding cosine against a fixed
 * 0.75 (the original's rule) splits paraphrases: with the local sentence encoder their cosines sit at
 * 0.5–0.85 while different strategies of one task type reach 0.6–0.79. So the evidence is
 * - the strategy similarity: noisy-OR of the embedding cosine and the Dice overlap of the two texts'
 *   content words (`1 − (1 − cos)·(1 − dice)`, the fusion retrieval uses, with lexical weight 1),
 *   words weighted by their IDF over the agent's recent outcomes of the task type, so that the words
 *   of a template every attempt repeats do not make different strategies look alike;
 * - polarity: outcomes of the same polarity (two successes, two failures) merge at `threshold`; a
 *   failure counts against a success's strategy (and a better alternative must differ from a failing
 *   strategy) only at `strict`, so a failing look-alike ("sleep 5 s, then click submit") neither
 *   merges with nor disqualifies the strategy that works ("wait until submit is enabled");
 * - the task, when the strategy text alone says nothing: a text with fewer than
 *   `MIN_INFORMATIVE_WORDS` content words ("retry", "tried again", ""), or a template (the same text
 *   recorded for dissimilar tasks), merges only outcomes whose tasks are similar too.
 *
 * Thresholds are calibrated per embedding model (`thresholdsFor`); unknown models keep the original
 * 0.75 for both.
 */
import { cosine } from "./vector.js"
import { queryTerms } from "./terms.js"

/**
 * Merge thresholds of a model, on the strategy similarity in [0, 1]: `threshold` for the same
 * polarity, `strict` (≥ `threshold`) across polarities.
 *
 * @since 0.1.0
 * @category models
 */
export interface Thresholds {
  readonly threshold: number
  readonly strict: number
}

/** The original ALMA's 0.75 (cosine), for models without a calibration. */
export const defaultThresholds: Thresholds = { threshold: 0.75, strict: 0.75 }

/**
 * Calibrated thresholds by embedding model name. `use-lite-512` (the local default): chosen on
 * `alma bench learning` (hand-written paraphrase families; BENCHMARKS.md "learning"): a sweep of
 * `threshold` 0.50–0.74 and `strict` 0.75–0.95 gave the best formation F1 (0.759, no duplicates) at
 * 0.70 / 0.85; lower thresholds merge different strategies, higher ones split paraphrases.
 */
export const calibrated: Readonly<Record<string, Thresholds>> = {
  "use-lite-512": { threshold: 0.7, strict: 0.85 }
}

/**
 * The thresholds for `model`, or `override` for both when the caller configured one.
 *
 * @since 0.1.0
 * @category constructors
 */
export const thresholdsFor = (model: string, override?: number | undefined): Thresholds =>
  override !== undefined ? { threshold: override, strict: override } : calibrated[model] ?? defaultThresholds

/** Content words fewer than this make a strategy text uninformative (it cannot say which strategy). */
export const MIN_INFORMATIVE_WORDS = 3

/** A text's evidence: its embedding and its content words. */
export interface Evidence {
  readonly vector: Float32Array
  readonly words: ReadonlySet<string>
}

/** Light suffix stripping so that "waited", "waiting" and "waits" meet. */
const stem = (word: string): string => word.length > 4 ? word.replace(/(ing|ed|es|s|ly)$/, "") : word

/**
 * Content words of a text: `Storage.queryTerms` (lower case, stop words out, at most 32), stemmed.
 *
 * @since 0.1.0
 * @category constructors
 */
export const contentWords = (text: string): ReadonlySet<string> => new Set(queryTerms(text).map(stem))

/**
 * @since 0.1.0
 * @category constructors
 */
export const evidence = (text: string, vector: Float32Array): Evidence => ({ vector, words: contentWords(text) })

/** A word's weight in the overlap (1 for every word unless a `Weighting` says otherwise). */
export type Weighting = (word: string) => number

const unweighted: Weighting = () => 1

/**
 * Weighted Dice coefficient of two word sets: `2·Σ_{shared} w / (Σ_a w + Σ_b w)` (0 when both are
 * empty).
 */
export const dice = (a: ReadonlySet<string>, b: ReadonlySet<string>, weight: Weighting = unweighted): number => {
  let total = 0
  let shared = 0
  for (const w of a) {
    const x = weight(w)
    total += x
    if (b.has(w)) shared += 2 * x
  }
  for (const w of b) total += weight(w)
  return total === 0 ? 0 : shared / total
}

/**
 * Inverse document frequency over the distinct `documents` (word sets), `ln(1 + N / (1 + df))`: words of a template
 * that every attempt repeats ("I need to search …", "tried again") weigh little, the words that tell
 * strategies apart weigh much. With no documents every word weighs `ln 2`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const idfWeighting = (documents: ReadonlyArray<ReadonlySet<string>>): Weighting => {
  // Distinct texts only: a strategy used 150 times must not make its own words look like a template.
  const distinct = new Map<string, ReadonlySet<string>>()
  for (const doc of documents) distinct.set([...doc].sort().join(" "), doc)
  const df = new Map<string, number>()
  for (const doc of distinct.values()) for (const w of doc) df.set(w, (df.get(w) ?? 0) + 1)
  const n = distinct.size
  return (word) => Math.log(1 + n / (1 + (df.get(word) ?? 0)))
}

const clamp01 = (x: number) => (Number.isNaN(x) ? 0 : Math.min(1, Math.max(0, x)))

/**
 * Strategy similarity in [0, 1]: `1 − (1 − cos)·(1 − dice)`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const similarity = (a: Evidence, b: Evidence, weight: Weighting = unweighted): number =>
  1 - (1 - clamp01(cosine(a.vector, b.vector))) * (1 - dice(a.words, b.words, weight))

/**
 * Whether a strategy text is too short to name a strategy on its own.
 *
 * @since 0.1.0
 * @category predicates
 */
export const isUninformative = (e: Evidence): boolean => e.words.size < MIN_INFORMATIVE_WORDS

/**
 * Whitespace- and case-normalised text, to recognise a template (the same text verbatim).
 *
 * @since 0.1.0
 * @category constructors
 */
export const normalized = (text: string): string => text.trim().replace(/\s+/g, " ").toLowerCase()
