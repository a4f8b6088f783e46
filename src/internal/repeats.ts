/**
 * A slice without repeats (issue 18): an outcome a returned heuristic or anti-pattern already
 * summarises (it is in its provenance, or it used the same strategy text) is left out, and no
 * strategy text appears twice among the outcomes.
 */
import type { AntiPattern, Heuristic, Outcome } from "../domain/Memory.js"
import { normalized } from "./strategyMatch.js"

/**
 * The outcomes of `ranked` (best first; `outcomeOf` reads an entry's outcome) that add something to
 * `summaries`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const withoutRepeats = <A>(
  ranked: ReadonlyArray<A>,
  outcomeOf: (entry: A) => Outcome,
  summaries: ReadonlyArray<Heuristic | AntiPattern>
): ReadonlyArray<A> => {
  const covered = new Set<string>(summaries.flatMap((m) => m.provenance))
  const texts = new Set(summaries.map((m) => normalized(m.kind === "heuristic" ? m.strategy : m.pattern)))
  const kept: Array<A> = []
  for (const entry of ranked) {
    const o = outcomeOf(entry)
    const text = normalized(o.strategyUsed)
    if (covered.has(o.id) || texts.has(text)) continue
    texts.add(text)
    kept.push(entry)
  }
  return kept
}
