/**
 * Every default of ALMA in one table, with its source: the services, the configuration defaults
 * (`AlmaConfig.defaultConfig`, `config/default.yaml`), the MCP tools and the CLI read it from here.
 *
 * | setting | default | unit | source |
 * | --- | --- | --- | --- |
 * | `retrieval.topK` | 5 | items per kind | original `retrieve(top_k=5)` |
 * | `retrieval.minScore` | 0.2 | score | original `min_score_threshold` |
 * | `retrieval.halfLifeDays` | 30 | days | original `recency_half_life_days` |
 * | `retrieval.weights` | 0.4 / 0.3 / 0.2 / 0.1 | similarity / recency / success / confidence | original `ScoringWeights` |
 * | `retrieval.maxContextTokens` | 2000 | o200k_base tokens | original `MemorySlice.to_prompt(max_tokens=2000)` |
 * | `cache.timeToLiveSeconds` | 300 | s | original `RetrievalCache(ttl_seconds=300)` |
 * | `cache.capacity` | 1000 | entries | original `RetrievalCache(max_entries=1000)` |
 * | `embeddingCache.capacity` | 10 000 | entries | ALMA-TS |
 * | `learning.minOccurrencesForHeuristic` | 3 | outcomes | original `MemoryScope.min_occurrences_for_heuristic` |
 * | `learning.minFailuresForAntiPattern` | 2 | failures | original `LearningProtocol` (2 similar failures) |
 * | `forgetting.olderThanDays` | 90 | days | original `forget(older_than_days=90)` |
 * | `forgetting.belowConfidence` | 0.3 | confidence | original `forget(below_confidence=0.3)` |
 * | `forgetting.halfLifeDays` | 60 / 30 / 365 / 90 / 45 | days | original `DecayConfig` (heuristic / outcome / preference / knowledge / anti-pattern) |
 * | `consolidation.similarityThreshold`, `memoryType`, `dryRun` | 0.85, heuristics, true | cosine | original `alma_consolidate` |
 * | `consolidation.maxMemories` | 1000 | memories | original (newest 1,000) |
 * | `advice.topK` | 5 | matches per kind | ALMA-TS (as `retrieval.topK`) |
 * | `workflow.topK` | 5 | items per kind | original `alma_retrieve_scoped` |
 * | `workflow.keepLatest` | 1 | checkpoints per branch | original `cleanup_checkpoints(keep_latest=1)` |
 * | `auditLogLimit` | 100 | rows | ALMA-TS |
 * | `maxRegisteredAgents` | 100 | agents per project | ALMA-TS |
 *
 * The strategy-similarity thresholds and the relevance floor are calibrated per embedding model
 * (`internal/strategyMatch.ts`, `internal/relevance.ts`), not fixed here.
 *
 * @since 0.1.0
 */

/**
 * @since 0.1.0
 * @category constants
 */
export const Defaults = {
  retrieval: {
    topK: 5,
    minScore: 0.2,
    halfLifeDays: 30,
    weights: { similarity: 0.4, recency: 0.3, success: 0.2, confidence: 0.1 },
    maxContextTokens: 2000
  },
  cache: { timeToLiveSeconds: 300, capacity: 1000 },
  embeddingCache: { capacity: 10_000 },
  learning: { minOccurrencesForHeuristic: 3, minFailuresForAntiPattern: 2 },
  forgetting: {
    olderThanDays: 90,
    belowConfidence: 0.3,
    halfLifeDays: { heuristic: 60, outcome: 30, user_preference: 365, domain_knowledge: 90, anti_pattern: 45 }
  },
  consolidation: { memoryType: "heuristics", similarityThreshold: 0.85, maxMemories: 1000, dryRun: true },
  advice: { topK: 5 },
  workflow: { topK: 5, keepLatest: 1 },
  auditLogLimit: 100,
  maxRegisteredAgents: 100
} as const
