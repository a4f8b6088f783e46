/**
 * The verdict of `checkAction`: which candidate anti-patterns and heuristics match a proposed action,
 * and whether to proceed, proceed with caution, or avoid it.
 *
 * Similarities compare like with like: the action against an anti-pattern's `pattern` and a
 * heuristic's `strategy` (both say what was done), as the Learner matches strategies. The task
 * context is not in the compared text: measured below, appending a one-sentence context to the action
 * lowered the cosine of an exact restatement from 1.00 to 0.82 (USE-lite) and 0.63 (hash), so any
 * fixed threshold would depend on the context's length.
 *
 * **Thresholds**, measured on 6 anti-patterns, each with 2 restatements, 2 paraphrases, 2 actions
 * that follow its better alternative and 2 unrelated actions, plus the 120 pairs of each pattern with
 * the other anti-patterns' restatements and paraphrases; cosine of action and pattern with the local
 * Universal Sentence Encoder Lite and the 256-d HashEmbedder:
 *
 * | class | USE-lite | hash |
 * |---|---|---|
 * | restatement (same words, reworded) | 0.84–0.98 | 0.67–0.97 |
 * | paraphrase (other words) | 0.35–0.84, median 0.70 | 0.09–0.70 |
 * | unrelated, or another anti-pattern's (132 pairs) | ≤ 0.64 | ≤ 0.49 |
 * | following the better alternative | 0.41–0.97 | 0.07–0.82 |
 *
 * Verdicts with the defaults (avoid / caution / proceed): USE restatements 12/0/0, paraphrases
 * 2/4/6, alternative-followers 1/0/11, unrelated 0/0/132; hash restatements 9/3/0, paraphrases
 * 0/2/10, alternative-followers 0/0/12, unrelated 0/0/132.
 *
 * - `caution` at ≥ 0.65: the lowest value no unrelated pair reaches on either embedder (USE max 0.64;
 *   at 0.60, 2 unrelated pairs would warn).
 * - `avoid` at ≥ 0.75: every USE restatement and 9 of 12 hash restatements (0.80 would keep 7).
 * - Cosine cannot see negation ("retry *with* the same idempotency key" vs "retry *without* an
 *   idempotency key": 0.97 on USE), so an anti-pattern matches only when the action is at least as
 *   close to its pattern as to its recorded `betterAlternative`. On USE this cut the false alarms on
 *   alternative-followers from 3 avoid + 3 caution to 1 avoid, at the cost of 2 paraphrase cautions.
 * - A matching heuristic (same 0.65 floor, action vs strategy) with confidence < 0.5 gives `caution`:
 *   the original forms heuristics only above a 0.5 success fraction, so below it the evidence is
 *   against the strategy.
 *
 * Other embedders have other scales (e.g. OpenAI's cosines run lower): the thresholds are Advisor
 * options.
 */
import type { AntiPattern, Heuristic } from "../../domain/Memory.js"
import { NO_ALTERNATIVE } from "../formation.js"

/** Thresholds of the verdict (cosine similarities; confidence in [0, 1]). */
export interface Thresholds {
  readonly avoid: number
  readonly caution: number
  readonly lowConfidence: number
}

/** 0.75 / 0.65 / 0.5, justified above. */
export const defaultThresholds: Thresholds = { avoid: 0.75, caution: 0.65, lowConfidence: 0.5 }

/** A candidate anti-pattern with its similarities to the action. */
export interface AntiPatternCandidate {
  readonly memory: AntiPattern
  readonly similarity: number
  /** Similarity of the action to the memory's better alternative; absent when none is recorded. */
  readonly alternativeSimilarity?: number | undefined
}

/** A scored match (the Advisor's `Match`). */
export interface Scored<M> {
  readonly memory: M
  readonly similarity: number
}

/** Whether an anti-pattern records a real alternative (not the Learner's placeholder). */
export const hasAlternative = (a: AntiPattern): boolean => !a.betterAlternative.startsWith(NO_ALTERNATIVE)

const bySimilarity = <M extends { readonly id: string }>(a: Scored<M>, b: Scored<M>) =>
  b.similarity - a.similarity || a.memory.id.localeCompare(b.memory.id)

/** Anti-patterns the action matches: similarity ≥ caution and not closer to the alternative. Best first. */
export const matchAntiPatterns = (
  candidates: ReadonlyArray<AntiPatternCandidate>,
  t: Thresholds
): ReadonlyArray<Scored<AntiPattern>> =>
  candidates
    .filter((c) =>
      c.similarity >= t.caution && (c.alternativeSimilarity === undefined || c.similarity >= c.alternativeSimilarity)
    )
    .map((c) => ({ memory: c.memory, similarity: c.similarity }))
    .sort(bySimilarity)

/** Heuristics the action matches: similarity ≥ caution. Best first. */
export const matchHeuristics = (
  candidates: ReadonlyArray<Scored<Heuristic>>,
  t: Thresholds
): ReadonlyArray<Scored<Heuristic>> => candidates.filter((c) => c.similarity >= t.caution).sort(bySimilarity)

/** Quotes a memory text for a reason: one line, at most 120 characters. */
const quote = (text: string): string => {
  const line = text.replace(/\s+/g, " ").trim()
  return `'${line.length > 120 ? `${line.slice(0, 119)}…` : line}'`
}

/** A clause as the end of a sentence: trimmed, trailing punctuation replaced by one period. */
const clause = (text: string): string => `${text.replace(/\s+/g, " ").trim().replace(/[.!?;:,\s]+$/, "")}.`

const fixed = (x: number) => x.toFixed(2)

/**
 * The verdict from matches sorted best first: `avoid` when the best anti-pattern match reaches
 * `avoid`; `caution` for any other anti-pattern match, or when the best matching heuristic has
 * confidence < `lowConfidence`; else `proceed`. `reason` names the memory behind the verdict.
 */
export const decide = (
  antiPatterns: ReadonlyArray<Scored<AntiPattern>>,
  heuristics: ReadonlyArray<Scored<Heuristic>>,
  t: Thresholds
): { readonly recommendation: "proceed" | "caution" | "avoid"; readonly reason: string } => {
  const ap = antiPatterns[0]
  if (ap) {
    const strong = ap.similarity >= t.avoid
    const instead = hasAlternative(ap.memory)
      ? ` ${strong ? "Instead" : "Consider instead"}: ${clause(ap.memory.betterAlternative)}`
      : ""
    return {
      recommendation: strong ? "avoid" : "caution",
      reason: `${strong ? "Matches" : "Resembles"} anti-pattern ${quote(ap.memory.pattern)} (similarity ${
        fixed(ap.similarity)
      }): ${clause(ap.memory.whyBad)}${instead}`
    }
  }
  const h = heuristics[0]
  if (h) {
    const { confidence, occurrenceCount, successCount } = h.memory
    if (confidence < t.lowConfidence) {
      return {
        recommendation: "caution",
        reason: `Matches heuristic ${quote(h.memory.strategy)} (similarity ${fixed(h.similarity)}), but its ` +
          `confidence is only ${fixed(confidence)} (${successCount} of ${occurrenceCount} uses succeeded).`
      }
    }
    return {
      recommendation: "proceed",
      reason: `Matches heuristic ${quote(h.memory.strategy)} (similarity ${fixed(h.similarity)}, confidence ${
        fixed(confidence)
      }); no anti-pattern matches.`
    }
  }
  return { recommendation: "proceed", reason: "No learned anti-pattern or heuristic matches this action." }
}
