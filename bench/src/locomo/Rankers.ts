/**
 * Rankings computed in the benchmark itself: the word-overlap reference baselines and the
 * experimental fusions of a vector and a BM25 candidate list (measured here, not in the product).
 *
 * @since 0.1.0
 */
import { Storage } from "alma-memory"

/**
 * A document to rank: memory id and the set of its lower-cased words (see {@link words}).
 *
 * @since 0.1.0
 * @category models
 */
export interface Doc {
  readonly id: string
  readonly words: ReadonlySet<string>
}

/**
 * The lower-cased words (letters and digits) of a text, as a set.
 *
 * @since 0.1.0
 * @category constructors
 */
export const words = (text: string): ReadonlySet<string> => new Set(text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [])

/**
 * Word-overlap ranking: each document scores the number (`count`) or the summed BM25 idf (`idf`,
 * `ln(1 + (N − df + 0.5)/(df + 0.5))`) of the question's search terms (`Storage.queryTerms`: lower-cased,
 * stop words removed, no stemming) that occur in it. Documents sharing no term are left out; ties keep
 * document order. Returns up to `k` ids, best first.
 *
 * @since 0.1.0
 * @category constructors
 */
export const overlapRanking = (
  question: string,
  docs: ReadonlyArray<Doc>,
  k: number,
  weighting: "count" | "idf"
): ReadonlyArray<string> => {
  const weight = new Map(Storage.queryTerms(question).map((t) => {
    const df = weighting === "count" ? 0 : docs.reduce((n, d) => n + (d.words.has(t) ? 1 : 0), 0)
    return [t, weighting === "count" ? 1 : Math.log(1 + (docs.length - df + 0.5) / (df + 0.5))] as const
  }))
  const scored: Array<{ readonly id: string; readonly i: number; readonly score: number }> = []
  docs.forEach((d, i) => {
    let score = 0
    for (const [t, w] of weight) if (d.words.has(t)) score += w
    if (score > 0) scored.push({ id: d.id, i, score })
  })
  return scored.sort((a, b) => b.score - a.score || a.i - b.i).slice(0, k).map((x) => x.id)
}

/**
 * A fusion candidate: cosine to the query (clamped to [0, 1]), BM25 relative to the best hit of the
 * query (0 when not a lexical hit), and 1-based ranks in the vector and lexical lists (undefined
 * when absent from that list).
 *
 * @since 0.1.0
 * @category models
 */
export interface Candidate {
  readonly id: string
  readonly vector: number
  readonly lexical: number
  readonly vectorRank?: number | undefined
  readonly lexicalRank?: number | undefined
}

/**
 * An experimental fusion: a name and a score over the query's candidates (higher is better).
 *
 * @since 0.1.0
 * @category models
 */
export interface Fusion {
  readonly name: string
  readonly description: string
  readonly score: (c: Candidate, all: ReadonlyArray<Candidate>) => number
  /** Dialogue-neighbour weight β: see {@link withNeighbours} (absent: the fused score alone). */
  readonly neighbours?: number | undefined
  /**
   * File name of the dataset split its weights were chosen on, when they were (the report then marks
   * its rows on that split as optimistic); absent when not known to have been tuned on a LoCoMo split.
   */
  readonly chosenOn?: string | undefined
}

/**
 * Noisy-OR fusion `1 − (1 − vector)·(1 − w·lexical)`: the product's `Scoring.fuse` has `w = Scoring.LEXICAL_WEIGHT` (0.7).
 *
 * @since 0.1.0
 * @category constructors
 */
export const noisyOr = (w: number): Fusion => ({
  name: `noisy-OR w=${w}`,
  description: `1 − (1 − cos)·(1 − ${w}·bm25/max bm25)`,
  score: (c) => 1 - (1 - c.vector) * (1 - w * c.lexical)
})

/**
 * Reciprocal-rank fusion `Σ 1/(k + rank)` over the two lists (Cormack et al., SIGIR 2009; k = 60).
 *
 * @since 0.1.0
 * @category constructors
 */
export const reciprocalRank = (k: number = 60): Fusion => ({
  name: `RRF k=${k}`,
  description: `Σ 1/(${k} + rank) over the vector and BM25 lists`,
  score: (c) =>
    (c.vectorRank === undefined ? 0 : 1 / (k + c.vectorRank)) + (c.lexicalRank === undefined ? 0 : 1 / (k + c.lexicalRank))
})

/**
 * Relative-score fusion: `(1 − w)·minmax(cos) + w·bm25/max bm25`, cosine min–max scaled over the
 * query's candidates (as Weaviate's relativeScoreFusion).
 *
 * @since 0.1.0
 * @category constructors
 */
export const relativeScore = (w: number): Fusion => ({
  name: `relative-score w=${w}`,
  description: `${1 - w}·minmax(cos) + ${w}·bm25/max bm25`,
  score: (c, all) => {
    const lo = Math.min(...all.map((x) => x.vector))
    const hi = Math.max(...all.map((x) => x.vector))
    return (1 - w) * (hi > lo ? (c.vector - lo) / (hi - lo) : 0) + w * c.lexical
  }
})

/**
 * Adds dialogue context to a fusion: a turn scores `s(turn) + β·max(s(previous), s(next))` over the
 * adjacent turns of the same session (`s` = the fusion's score, 0 outside the candidate pool), so the
 * reply to a matching question (or the question before a matching answer) can rank too.
 *
 * @since 0.1.0
 * @category constructors
 */
export const withNeighbours = (fusion: Fusion, beta: number): Fusion => ({
  ...fusion,
  name: `${fusion.name} + neighbours β=${beta}`,
  description: `${fusion.description}, plus ${beta}·max(score of the previous and next turn of the session)`,
  neighbours: beta
})

/**
 * A stored turn in dialogue order: memory id and session number.
 *
 * @since 0.1.0
 * @category models
 */
export interface Position {
  readonly id: string
  readonly session: number
}

/**
 * Ranks by a fusion with dialogue-neighbour smoothing (see {@link withNeighbours}) over the turns in
 * dialogue order; ties go to the higher own score, then the earlier turn. Up to `k` ids.
 *
 * @since 0.1.0
 * @category constructors
 */
export const neighbourRanking = (
  fusion: Fusion,
  candidates: ReadonlyArray<Candidate>,
  order: ReadonlyArray<Position>,
  k: number
): ReadonlyArray<string> => {
  const base = new Map(candidates.map((c) => [c.id, fusion.score(c, candidates)]))
  const beta = fusion.neighbours ?? 0
  const near = (i: number, j: number) => (order[j]?.session === order[i]!.session ? base.get(order[j]!.id) ?? 0 : 0)
  return order
    .map((t, i) => {
      const own = base.get(t.id)
      return { id: t.id, i, own, score: (own ?? 0) + beta * Math.max(near(i, i - 1), near(i, i + 1)) }
    })
    .filter((x) => x.own !== undefined || x.score > 0)
    .sort((a, b) => b.score - a.score || (b.own ?? 0) - (a.own ?? 0) || a.i - b.i)
    .slice(0, k)
    .map((x) => x.id)
}

/**
 * Ranks candidates by a fusion, best first, up to `k` ids. Ties (frequent with rank fusion) go to the
 * higher cosine, then the higher BM25, then the smaller id (the Retriever's own tie-break), so that
 * random memory ids decide as rarely as possible.
 *
 * @since 0.1.0
 * @category constructors
 */
export const fuseRanking = (fusion: Fusion, candidates: ReadonlyArray<Candidate>, k: number): ReadonlyArray<string> =>
  candidates
    .map((c) => ({ c, score: fusion.score(c, candidates) }))
    .sort((a, b) =>
      b.score - a.score || b.c.vector - a.c.vector || b.c.lexical - a.c.lexical || a.c.id.localeCompare(b.c.id)
    )
    .slice(0, k)
    .map((x) => x.c.id)
