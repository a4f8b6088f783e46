/**
 * What the engine's strategy evidence can reach at best (pure, given vectors): every agent's strategy
 * texts of one polarity clustered offline, with the whole script known in advance, by agglomerative
 * clustering on `StrategyMatch.similarity` (embedding cosine noisy-OR IDF-weighted word overlap, the
 * evidence `learn` merges on), for several linkages and thresholds. Each cluster big enough to form a
 * memory (3 successes, 2 failures: the library defaults) counts as one formed memory and is judged as
 * the benchmark judges memories; the best F1 over the grid bounds what any threshold on this evidence
 * can reach, online or not. A calibration aid, not a goal.
 *
 * **Source** average and complete linkage: the standard agglomerative clustering criteria (e.g.
 * Manning, Raghavan, Schütze, "Introduction to Information Retrieval", 2008, ch. 17).
 *
 * @since 0.1.0
 */
import { StrategyMatch } from "alma-memory"
import { expectedAt } from "./Model.js"
import type { Embedded } from "./Paraphrase.js"

/**
 * One point of the grid. `formed`: clusters large enough to form a memory; `covered`: families matched
 * by exactly one such cluster; `merges`: clusters spanning two or more families; `duplicates`: further
 * clusters of an already covered family.
 *
 * @since 0.1.0
 * @category models
 */
export interface BoundRow {
  readonly linkage: Linkage
  readonly threshold: number
  readonly formed: number
  readonly covered: number
  readonly merges: number
  readonly duplicates: number
  readonly f1: number
}

/**
 * `average`: mean pairwise similarity between two clusters; `complete`: the smallest.
 *
 * @since 0.1.0
 * @category models
 */
export type Linkage = "average" | "complete"

/** Thresholds of the grid (similarity in [0, 1]). */
export const GRID: ReadonlyArray<number> = [0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8]

const link = (sim: ReadonlyArray<ReadonlyArray<number>>, a: ReadonlyArray<number>, b: ReadonlyArray<number>, linkage: Linkage) => {
  let total = 0
  let least = Infinity
  for (const i of a) {
    for (const j of b) {
      const s = sim[i]![j]!
      total += s
      if (s < least) least = s
    }
  }
  return linkage === "average" ? total / (a.length * b.length) : least
}

/** Agglomerative clustering of `n` items by the similarity matrix `sim`, merging while the best link ≥ `threshold`. */
export const cluster = (
  sim: ReadonlyArray<ReadonlyArray<number>>,
  threshold: number,
  linkage: Linkage
): ReadonlyArray<ReadonlyArray<number>> => {
  const clusters: Array<Array<number>> = sim.map((_, i) => [i])
  for (;;) {
    let best = -Infinity
    let bi = -1
    let bj = -1
    for (let i = 0; i < clusters.length; i++) {
      for (let j = i + 1; j < clusters.length; j++) {
        const l = link(sim, clusters[i]!, clusters[j]!, linkage)
        if (l > best) {
          best = l
          bi = i
          bj = j
        }
      }
    }
    if (bi < 0 || best < threshold) return clusters
    clusters[bi] = [...clusters[bi]!, ...clusters[bj]!]
    clusters.splice(bj, 1)
  }
}

/**
 * The grid of offline clusterings and its best row (highest F1; `expected` families to cover).
 *
 * @since 0.1.0
 * @category constructors
 */
export const clusteringBound = (
  texts: ReadonlyArray<Embedded>,
  expected: number
): { readonly rows: ReadonlyArray<BoundRow>; readonly best: BoundRow | undefined } => {
  const groups = new Map<string, Array<Embedded>>()
  for (const t of texts) {
    const key = `${t.agent}\u0000${t.success}`
    groups.set(key, [...(groups.get(key) ?? []), t])
  }
  // Word weights over each agent's texts of both polarities, as `learn` weighs them over the history.
  const weights = new Map<string, StrategyMatch.Weighting>()
  for (const agent of new Set(texts.map((t) => t.agent))) {
    weights.set(agent, StrategyMatch.idfWeighting(texts.filter((t) => t.agent === agent).map((t) => StrategyMatch.contentWords(t.text))))
  }
  const matrices = [...groups.values()].map((group) => {
    const weight = weights.get(group[0]!.agent)!
    const evidence = group.map((t) => StrategyMatch.evidence(t.text, t.vector))
    return { group, sim: evidence.map((a) => evidence.map((b) => StrategyMatch.similarity(a, b, weight))) }
  })
  const rows: Array<BoundRow> = []
  for (const linkage of ["average", "complete"] as const) {
    for (const threshold of GRID) {
      let formed = 0
      let covered = 0
      let merges = 0
      let duplicates = 0
      for (const { group, sim } of matrices) {
        const need = group[0]!.success ? expectedAt.heuristic : expectedAt.anti_pattern
        const seen = new Set<string>()
        for (const c of cluster(sim, threshold, linkage)) {
          if (c.length < need) continue
          formed++
          const families = new Set(c.map((i) => group[i]!).filter((t) => !t.templated).map((t) => t.family))
          if (families.size > 1) merges++
          else if (families.size === 1) {
            const family = [...families][0]!
            if (seen.has(family)) duplicates++
            else {
              seen.add(family)
              covered++
            }
          }
        }
      }
      const precision = formed === 0 ? 0 : covered / formed
      const recall = expected === 0 ? 0 : covered / expected
      const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall)
      rows.push({ linkage, threshold, formed, covered, merges, duplicates, f1 })
    }
  }
  const best = rows.reduce<BoundRow | undefined>((b, r) => (b === undefined || r.f1 > b.f1 ? r : b), undefined)
  return { rows, best }
}
