/**
 * A memory with its score, as a slice holds it: the score breakdown and the per-kind scored schemas.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import { AntiPattern, DomainKnowledge, Heuristic, Outcome, UserPreference } from "./Memory.js"

/**
 * How one memory scored. All terms are unitless in [0, 1] except `final`, which the mode's boosts
 * may push above 1.
 *
 * - `vector`: cosine similarity of the memory's embedding to the task's (clamped to [0, 1]).
 * - `lexical`: BM25 relevance of the memory's text to the task, divided by the best BM25 among the
 *   candidates (0 when the memory shares no term with the task).
 * - `similarity`: the fused relevance used in the score: `1 − (1 − vector)·(1 − 0.7·lexical)`.
 * - `recency`: `0.5 ^ (age_days / half_life_days)`.
 * - `success`, `confidence`: the per-kind terms of the original ALMA (reference §3.2).
 * - `final`: the weighted sum, after the mode's boosts.
 *
 * @since 0.1.0
 * @category models
 */
export class ScoreBreakdown extends Schema.Class<ScoreBreakdown>("ScoreBreakdown")({
  vector: Schema.Number,
  lexical: Schema.Number,
  similarity: Schema.Number,
  recency: Schema.Number,
  success: Schema.Number,
  confidence: Schema.Number,
  final: Schema.Number
}) {}

const scored = <S extends Schema.Schema.Any>(memory: S) =>
  Schema.Struct({
    memory,
    score: ScoreBreakdown,
    sharedFrom: Schema.optional(Schema.String).annotations({
      description: "Owner agent, when the memory was shared into the reader's view"
    })
  })

/**
 * @since 0.1.0
 * @category schemas
 */
export const ScoredHeuristic = scored(Heuristic)
/**
 * @since 0.1.0
 * @category schemas
 */
export const ScoredAntiPattern = scored(AntiPattern)
/**
 * @since 0.1.0
 * @category schemas
 */
export const ScoredPreference = scored(UserPreference)
/**
 * @since 0.1.0
 * @category schemas
 */
export const ScoredKnowledge = scored(DomainKnowledge)
/**
 * @since 0.1.0
 * @category schemas
 */
export const ScoredOutcome = scored(Outcome)

/**
 * Any scored memory.
 *
 * @since 0.1.0
 * @category models
 */
export type ScoredMemory =
  | typeof ScoredHeuristic.Type
  | typeof ScoredAntiPattern.Type
  | typeof ScoredPreference.Type
  | typeof ScoredKnowledge.Type
  | typeof ScoredOutcome.Type

/**
 * The per-kind lists of a slice, best first (what prompt rendering reads).
 *
 * @since 0.1.0
 * @category models
 */
export interface ScoredLists {
  readonly heuristics: ReadonlyArray<typeof ScoredHeuristic.Type>
  readonly antiPatterns: ReadonlyArray<typeof ScoredAntiPattern.Type>
  readonly preferences: ReadonlyArray<typeof ScoredPreference.Type>
  readonly domainKnowledge: ReadonlyArray<typeof ScoredKnowledge.Type>
  readonly outcomes: ReadonlyArray<typeof ScoredOutcome.Type>
}
