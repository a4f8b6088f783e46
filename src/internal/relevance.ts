/**
 * Whether a memory is relevant to a task at all: the gate a memory passes before recency, success
 * and confidence may order it (issue 18: a fresh memory scored ≥ 0.6 on those three whatever its
 * relevance, so the original's 0.2 minimum score never filtered anything).
 *
 * Relevance is absolute, so that it can be compared with a floor: `1 − (1 − cos)·(1 − coverage)`,
 * the noisy-OR of the embedding cosine and the fraction of the task's content words the memory holds
 * (`StrategyMatch.contentWords`). The ranking's lexical factor is BM25 relative to the best hit of
 * the query, which is 1 for the best hit even when it shares a single incidental word; it orders,
 * it cannot gate.
 *
 * Floors are calibrated per embedding model; unknown models get 0 (no gate, the original behaviour).
 */
import { contentWords } from "./strategyMatch.js"

/**
 * Calibrated floors by embedding model. `use-lite-512` (the local default): 0.4 keeps 95% of the
 * LoCoMo evidence turns of categories 1–4 (relevance p05 0.393, measured over the first three
 * conversations, 298 evidence turns). On `alma bench learning` it cuts off-topic slice items from 228
 * to 93; higher floors cut more (0.6: 27) but drop relevant lessons too (repeat-mistake reduction
 * 78% → 34%): this encoder's cosines cannot separate them further (BENCHMARKS.md).
 */
export const calibratedFloors: Readonly<Record<string, number>> = { "use-lite-512": 0.4 }

/**
 * The relevance floor for `model` (in [0, 1]), or `override` when configured.
 *
 * @since 0.1.0
 * @category constructors
 */
export const floorFor = (model: string, override?: number | undefined): number =>
  override ?? calibratedFloors[model] ?? 0

/** Fraction of `query` words found in `words` (0 for an empty query). */
export const coverage = (query: ReadonlySet<string>, words: ReadonlySet<string>): number => {
  if (query.size === 0) return 0
  let found = 0
  for (const w of query) if (words.has(w)) found++
  return found / query.size
}

/**
 * Relevance in [0, 1] of a memory with text `text` and embedding cosine `cos` to a task whose content
 * words are `query`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const relevance = (cos: number, query: ReadonlySet<string>, text: string): number => {
  const c = Number.isNaN(cos) ? 0 : Math.min(1, Math.max(0, cos))
  return 1 - (1 - c) * (1 - coverage(query, contentWords(text)))
}
