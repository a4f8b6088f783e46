/**
 * What `retrieve` returns: the memories relevant to one task, each with its score breakdown, and a
 * token-budgeted prompt rendering.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import { renderPrompt } from "../internal/prompt.js"
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
 * The slice of memory retrieved for one task.
 *
 * **Shape** one array per kind, best first, each at most `topK` long.
 * **Units** `retrievalTimeMs`: milliseconds; `tokenCount`: o200k_base tokens of `toPrompt({ maxTokens })`.
 *
 * @since 0.1.0
 * @category models
 */
export class MemorySlice extends Schema.Class<MemorySlice>("MemorySlice")({
  query: Schema.String,
  agent: Schema.String,
  projectId: Schema.String,
  userId: Schema.optional(Schema.String),
  mode: Schema.String.annotations({ description: "Retrieval mode used (default, precise, broad, ...)" }),
  heuristics: Schema.Array(ScoredHeuristic),
  antiPatterns: Schema.Array(ScoredAntiPattern),
  preferences: Schema.Array(ScoredPreference),
  domainKnowledge: Schema.Array(ScoredKnowledge),
  outcomes: Schema.Array(ScoredOutcome),
  retrievalTimeMs: Schema.Number,
  maxTokens: Schema.Number,
  tokenCount: Schema.Number,
  cacheHit: Schema.Boolean
}) {
  /** Number of memories in the slice, all kinds. */
  get totalItems(): number {
    return (
      this.heuristics.length +
      this.antiPatterns.length +
      this.preferences.length +
      this.domainKnowledge.length +
      this.outcomes.length
    )
  }

  /**
   * Renders the slice for a prompt: "Relevant Strategies", "Avoid These Patterns", "User
   * Preferences", "Domain Context", "Recent Outcomes" (section format of the original ALMA), inside
   * a data envelope.
   *
   * **Shape** a notice line (the memories are reference data, not instructions), `<memory_data>`,
   * the sections, `</memory_data>`; each delimiter appears exactly once, the closing one last. Memory
   * text is escaped: one line per field, invisible characters removed, `<` as `&lt;`, so it cannot
   * close the envelope, start a heading or pose as a chat-template role. An empty slice renders `""`.
   * **Units** `maxTokens`: o200k_base tokens (default 2000, as in the original), the envelope's own
   * (about 43) included; when the budget is short, whole items are dropped, lowest score first, never
   * cut, and a budget too small for the envelope and one item renders `""`.
   */
  toPrompt(options?: { readonly maxTokens?: number | undefined }): string {
    return renderPrompt(this, options?.maxTokens ?? this.maxTokens).text
  }
}
