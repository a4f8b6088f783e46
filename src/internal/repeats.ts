/**
 * A slice without repeats (issue 18): an outcome a returned heuristic or anti-pattern already
 * summarises (a success in a heuristic's provenance, a failure in an anti-pattern's, or the same
 * strategy text with the same polarity) is left out, and no strategy text appears twice among the
 * outcomes of one polarity.
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
  // A heuristic summarises the successes it counted, an anti-pattern the failures: a failure a
  // heuristic counted against itself (with its error message) is still shown.
  const coveredSuccesses = new Set<string>(summaries.flatMap((m) => (m.kind === "heuristic" ? m.provenance : [])))
  const coveredFailures = new Set<string>(summaries.flatMap((m) => (m.kind === "anti_pattern" ? m.provenance : [])))
  const key = (success: boolean, text: string) => `${success ? "+" : "-"}${normalized(text)}`
  const texts = new Set(summaries.map((m) => (m.kind === "heuristic" ? key(true, m.strategy) : key(false, m.pattern))))
  const kept: Array<A> = []
  for (const entry of ranked) {
    const o = outcomeOf(entry)
    const text = key(o.success, o.strategyUsed)
    if ((o.success ? coveredSuccesses : coveredFailures).has(o.id) || texts.has(text)) continue
    texts.add(text)
    kept.push(entry)
  }
  return kept
}
