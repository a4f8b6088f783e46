/**
 * The JSON shapes tools return for memories and retrieved slices: snake_case objects with the
 * original ALMA MCP server's fields (reference §5.1, `_serialize_memory_slice`), plus ids, owners,
 * timestamps (ISO 8601, UTC) and, for retrieved items, the score.
 *
 * @since 0.1.0
 */
import { DateTime, Schema } from "effect"
import type { AntiPattern, DomainKnowledge, Heuristic, Outcome, UserPreference } from "../domain/Memory.js"
import type { MemorySlice, ScoredMemory } from "../domain/MemorySlice.js"

const Iso = Schema.String.annotations({ description: "ISO 8601 timestamp (UTC)" })
const iso = (d: DateTime.Utc) => DateTime.formatIso(d)

const retrieved = {
  score: Schema.optional(Schema.Number.annotations({ description: "Relevance score of this retrieval (higher is better)" })),
  shared_from: Schema.optional(Schema.String.annotations({ description: "Owner agent, when shared into your view" }))
}

/** @since 0.1.0 */
export const HeuristicItem = Schema.Struct({
  id: Schema.String,
  agent: Schema.String,
  task_type: Schema.String,
  condition: Schema.String,
  strategy: Schema.String,
  confidence: Schema.Number,
  occurrence_count: Schema.Number,
  success_rate: Schema.Number,
  created_at: Iso,
  ...retrieved
})

/** @since 0.1.0 */
export const OutcomeItem = Schema.Struct({
  id: Schema.String,
  agent: Schema.String,
  task_type: Schema.String,
  task_description: Schema.String,
  success: Schema.Boolean,
  strategy_used: Schema.String,
  duration_ms: Schema.optional(Schema.Number),
  error_message: Schema.optional(Schema.String),
  created_at: Iso,
  ...retrieved
})

/** @since 0.1.0 */
export const KnowledgeItem = Schema.Struct({
  id: Schema.String,
  agent: Schema.String,
  domain: Schema.String,
  fact: Schema.String,
  source: Schema.String,
  confidence: Schema.Number,
  created_at: Iso,
  ...retrieved
})

/** @since 0.1.0 */
export const AntiPatternItem = Schema.Struct({
  id: Schema.String,
  agent: Schema.String,
  task_type: Schema.optional(Schema.String),
  pattern: Schema.String,
  why_bad: Schema.String,
  better_alternative: Schema.String,
  occurrence_count: Schema.Number,
  created_at: Iso,
  ...retrieved
})

/** @since 0.1.0 */
export const PreferenceItem = Schema.Struct({
  id: Schema.String,
  user_id: Schema.String,
  category: Schema.String,
  preference: Schema.String,
  source: Schema.String,
  confidence: Schema.Number,
  created_at: Iso,
  ...retrieved
})

type Scored = Pick<ScoredMemory, "score" | "sharedFrom">
const scoreOf = (s: Scored | undefined) =>
  s === undefined ? {} : { score: s.score.final, ...(s.sharedFrom !== undefined ? { shared_from: s.sharedFrom } : {}) }

/** @since 0.1.0 */
export const heuristicItem = (h: Heuristic, s?: Scored): typeof HeuristicItem.Type => ({
  id: h.id,
  agent: h.agent,
  task_type: h.taskType,
  condition: h.condition,
  strategy: h.strategy,
  confidence: h.confidence,
  occurrence_count: h.occurrenceCount,
  success_rate: h.successRate,
  created_at: iso(h.createdAt),
  ...scoreOf(s)
})

/** @since 0.1.0 */
export const outcomeItem = (o: Outcome, s?: Scored): typeof OutcomeItem.Type => ({
  id: o.id,
  agent: o.agent,
  task_type: o.taskType,
  task_description: o.task,
  success: o.success,
  strategy_used: o.strategyUsed,
  ...(o.durationMs !== undefined ? { duration_ms: o.durationMs } : {}),
  ...(o.errorMessage !== undefined ? { error_message: o.errorMessage } : {}),
  created_at: iso(o.createdAt),
  ...scoreOf(s)
})

/** @since 0.1.0 */
export const knowledgeItem = (k: DomainKnowledge, s?: Scored): typeof KnowledgeItem.Type => ({
  id: k.id,
  agent: k.agent,
  domain: k.domain,
  fact: k.fact,
  source: k.source,
  confidence: k.confidence,
  created_at: iso(k.createdAt),
  ...scoreOf(s)
})

/** @since 0.1.0 */
export const antiPatternItem = (a: AntiPattern, s?: Scored): typeof AntiPatternItem.Type => ({
  id: a.id,
  agent: a.agent,
  ...(a.taskType !== undefined ? { task_type: a.taskType } : {}),
  pattern: a.pattern,
  why_bad: a.whyBad,
  better_alternative: a.betterAlternative,
  occurrence_count: a.occurrenceCount,
  created_at: iso(a.createdAt),
  ...scoreOf(s)
})

/** @since 0.1.0 */
export const preferenceItem = (p: UserPreference, s?: Scored): typeof PreferenceItem.Type => ({
  id: p.id,
  user_id: p.userId,
  category: p.category,
  preference: p.preference,
  source: p.source,
  confidence: p.confidence,
  created_at: iso(p.createdAt),
  ...scoreOf(s)
})

/**
 * A retrieved slice (`memories` of `alma_retrieve`), as the original serialised it.
 *
 * **Units** `retrieval_time_ms`: milliseconds; `token_count`: tokens of `prompt_injection`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const SliceJson = Schema.Struct({
  heuristics: Schema.Array(HeuristicItem),
  outcomes: Schema.Array(OutcomeItem),
  domain_knowledge: Schema.Array(KnowledgeItem),
  anti_patterns: Schema.Array(AntiPatternItem),
  preferences: Schema.Array(PreferenceItem),
  query: Schema.String,
  agent: Schema.String,
  mode: Schema.String,
  retrieval_time_ms: Schema.Number,
  total_items: Schema.Number,
  token_count: Schema.Number
})

/** @since 0.1.0 */
export const sliceJson = (slice: MemorySlice): typeof SliceJson.Type => ({
  heuristics: slice.heuristics.map((s) => heuristicItem(s.memory, s)),
  outcomes: slice.outcomes.map((s) => outcomeItem(s.memory, s)),
  domain_knowledge: slice.domainKnowledge.map((s) => knowledgeItem(s.memory, s)),
  anti_patterns: slice.antiPatterns.map((s) => antiPatternItem(s.memory, s)),
  preferences: slice.preferences.map((s) => preferenceItem(s.memory, s)),
  query: slice.query,
  agent: slice.agent,
  mode: slice.mode,
  retrieval_time_ms: slice.retrievalTimeMs,
  total_items: slice.totalItems,
  token_count: slice.tokenCount
})

/**
 * What `alma_retrieve` and `alma_retrieve_scoped` return besides their own fields.
 *
 * @since 0.1.0
 * @category schemas
 */
export const RetrievedFields = {
  memories: SliceJson,
  prompt_injection: Schema.String.annotations({
    description: "The memories rendered as a prompt section; paste it into your context as is"
  })
}

/** @since 0.1.0 */
export const retrievedResult = (slice: MemorySlice) => ({ memories: sliceJson(slice), prompt_injection: slice.toPrompt() })

/**
 * Memory counts with the original's key names (`heuristics_count`, …, `total_count`).
 *
 * @since 0.1.0
 * @category schemas
 */
export const CountsJson = Schema.Struct({
  heuristics_count: Schema.Number,
  outcomes_count: Schema.Number,
  preferences_count: Schema.Number,
  domain_knowledge_count: Schema.Number,
  anti_patterns_count: Schema.Number,
  total_count: Schema.Number
})

/** @since 0.1.0 */
export const countsJson = (counts: Readonly<Record<string, number>>): typeof CountsJson.Type => {
  const n = (k: string) => counts[k] ?? 0
  const c = {
    heuristics_count: n("heuristic"),
    outcomes_count: n("outcome"),
    preferences_count: n("user_preference"),
    domain_knowledge_count: n("domain_knowledge"),
    anti_patterns_count: n("anti_pattern")
  }
  return { ...c, total_count: Object.values(c).reduce((a, b) => a + b, 0) }
}
