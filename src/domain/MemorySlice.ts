/**
 * What `retrieve` returns: the memories relevant to one task, each with its score breakdown, and a
 * token-budgeted prompt rendering.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import { renderPrompt } from "../internal/prompt.js"
import { ScoredAntiPattern, ScoredHeuristic, ScoredKnowledge, ScoredOutcome, ScoredPreference } from "./Scored.js"

export {
  ScoreBreakdown,
  ScoredAntiPattern,
  ScoredHeuristic,
  ScoredKnowledge,
  type ScoredLists,
  type ScoredMemory,
  ScoredOutcome,
  ScoredPreference
} from "./Scored.js"

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
