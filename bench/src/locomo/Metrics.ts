/**
 * Turn-level retrieval metrics for LoCoMo: recall@k "any" (hit rate) / "all", fractional recall@k,
 * MRR@k, NDCG@k with binary relevance, and token percentiles, per category and overall.
 *
 * @since 0.1.0
 */

/**
 * One judged query: its category, evidence turn ids, the retrieved turn ids best first, and the
 * tokens of the rendered top-5 slice.
 *
 * @since 0.1.0
 * @category models
 */
export interface Judged {
  readonly category: number
  readonly evidence: ReadonlyArray<string>
  readonly ranked: ReadonlyArray<string>
  readonly tokens: number
}

/**
 * Mean metrics over a set of judged queries (`NaN` when `n` is 0). `recall@k any` is a hit rate:
 * the share of questions with at least one evidence turn in the top k (see `RankMetrics` for the
 * fractional recall).
 *
 * **Units** recalls and NDCG in [0, 1]; tokens: o200k_base tokens of the top-5 slice's prompt
 * (nearest-rank median and p95).
 *
 * @since 0.1.0
 * @category models
 */
export interface Metrics {
  readonly n: number
  readonly recall5Any: number
  readonly recall5All: number
  readonly recall10Any: number
  readonly recall10All: number
  readonly ndcg10: number
  readonly tokensMedian: number
  readonly tokensP95: number
}

/**
 * {@link Metrics} plus fractional recall and MRR (what {@link summarize} computes).
 *
 * **Units** in [0, 1]: `recall5Frac` / `recall10Frac`: mean share of a question's evidence turns in
 * the top 5 / 10; `mrr5` / `mrr10`: mean reciprocal rank of the first evidence turn within the top
 * 5 / 10 (0 when none).
 *
 * @since 0.1.0
 * @category models
 */
export interface RankMetrics extends Metrics {
  readonly recall5Frac: number
  readonly recall10Frac: number
  readonly mrr5: number
  readonly mrr10: number
}

/**
 * Metrics overall (categories 1–4, as LoCoMo papers report), over all categories, and per category.
 *
 * @since 0.1.0
 * @category models
 */
export interface Breakdown<M extends Metrics = Metrics> {
  readonly overall: M
  readonly all: M
  readonly byCategory: Readonly<Record<string, M>>
}

/**
 * 1 when at least one evidence id is among the first `k` retrieved, else 0.
 *
 * @since 0.1.0
 * @category constructors
 */
export const recallAny = (ranked: ReadonlyArray<string>, evidence: ReadonlyArray<string>, k: number): number => {
  const top = new Set(ranked.slice(0, k))
  return evidence.some((e) => top.has(e)) ? 1 : 0
}

/**
 * Fractional recall@k: the share of the (distinct) evidence ids among the first `k` retrieved (0 for
 * empty evidence).
 *
 * @since 0.1.0
 * @category constructors
 */
export const recallFraction = (ranked: ReadonlyArray<string>, evidence: ReadonlyArray<string>, k: number): number => {
  const wanted = new Set(evidence)
  if (wanted.size === 0) return 0
  const top = new Set(ranked.slice(0, k))
  return [...wanted].filter((e) => top.has(e)).length / wanted.size
}

/**
 * Reciprocal rank of the first evidence id among the first `k` retrieved (`1/rank`, 1-based), 0 when
 * none is there.
 *
 * @since 0.1.0
 * @category constructors
 */
export const reciprocalRankAt = (ranked: ReadonlyArray<string>, evidence: ReadonlyArray<string>, k: number): number => {
  const wanted = new Set(evidence)
  const i = ranked.slice(0, k).findIndex((id) => wanted.has(id))
  return i < 0 ? 0 : 1 / (i + 1)
}

/**
 * 1 when every evidence id is among the first `k` retrieved, else 0 (0 for empty evidence).
 *
 * @since 0.1.0
 * @category constructors
 */
export const recallAll = (ranked: ReadonlyArray<string>, evidence: ReadonlyArray<string>, k: number): number => {
  const top = new Set(ranked.slice(0, k))
  return evidence.length > 0 && evidence.every((e) => top.has(e)) ? 1 : 0
}

/**
 * NDCG@k with binary relevance: `DCG = Σ_{i≤k} rel_i / log2(i + 1)` over the ranked list (a repeated
 * id counts once), divided by the ideal DCG of `min(|evidence|, k)` relevant items at the top.
 *
 * @since 0.1.0
 * @category constructors
 */
export const ndcgAt = (ranked: ReadonlyArray<string>, evidence: ReadonlyArray<string>, k: number): number => {
  const relevant = new Set(evidence)
  const seen = new Set<string>()
  let dcg = 0
  ranked.slice(0, k).forEach((id, i) => {
    if (relevant.has(id) && !seen.has(id)) dcg += 1 / Math.log2(i + 2)
    seen.add(id)
  })
  let ideal = 0
  for (let i = 0; i < Math.min(relevant.size, k); i++) ideal += 1 / Math.log2(i + 2)
  return ideal === 0 ? 0 : dcg / ideal
}

/**
 * Nearest-rank percentile (`p` in [0, 100]) of `values`; `NaN` when empty.
 *
 * @since 0.1.0
 * @category constructors
 */
export const percentile = (values: ReadonlyArray<number>, p: number): number => {
  if (values.length === 0) return NaN
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!
}

const mean = (values: ReadonlyArray<number>): number =>
  values.length === 0 ? NaN : values.reduce((s, x) => s + x, 0) / values.length

/**
 * Mean metrics of `judged`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const summarize = (judged: ReadonlyArray<Judged>): RankMetrics => ({
  n: judged.length,
  recall5Any: mean(judged.map((j) => recallAny(j.ranked, j.evidence, 5))),
  recall5All: mean(judged.map((j) => recallAll(j.ranked, j.evidence, 5))),
  recall10Any: mean(judged.map((j) => recallAny(j.ranked, j.evidence, 10))),
  recall10All: mean(judged.map((j) => recallAll(j.ranked, j.evidence, 10))),
  recall5Frac: mean(judged.map((j) => recallFraction(j.ranked, j.evidence, 5))),
  recall10Frac: mean(judged.map((j) => recallFraction(j.ranked, j.evidence, 10))),
  mrr5: mean(judged.map((j) => reciprocalRankAt(j.ranked, j.evidence, 5))),
  mrr10: mean(judged.map((j) => reciprocalRankAt(j.ranked, j.evidence, 10))),
  ndcg10: mean(judged.map((j) => ndcgAt(j.ranked, j.evidence, 10))),
  tokensMedian: percentile(judged.map((j) => j.tokens), 50),
  tokensP95: percentile(judged.map((j) => j.tokens), 95)
})

/**
 * Categories counted in `overall`: 1–4. Adversarial questions (5) ask about something the
 * conversation does not say of that speaker, so LoCoMo papers report them apart.
 *
 * @since 0.1.0
 * @category constructors
 */
export const overallCategories: ReadonlyArray<number> = [1, 2, 3, 4]

/**
 * Metrics overall (categories 1–4), over everything, and per category present.
 *
 * @since 0.1.0
 * @category constructors
 */
export const breakdown = (judged: ReadonlyArray<Judged>): Breakdown<RankMetrics> => {
  const categories = [...new Set(judged.map((j) => j.category))].sort((a, b) => a - b)
  return {
    overall: summarize(judged.filter((j) => overallCategories.includes(j.category))),
    all: summarize(judged),
    byCategory: Object.fromEntries(categories.map((c) => [String(c), summarize(judged.filter((j) => j.category === c))]))
  }
}
