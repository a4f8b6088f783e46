/**
 * The multi-factor score of the original ALMA (reference §3.2), with hybrid relevance.
 *
 * `final = w_sim·similarity + w_rec·recency + w_succ·success + w_conf·confidence`, default weights
 * 0.4/0.3/0.2/0.1, recency `0.5^(age_days/30)`, per-kind success and confidence terms as in the
 * original. `similarity` fuses vector and lexical relevance by noisy-OR (see `fuse`).
 */
import { DateTime } from "effect"
import { Defaults } from "../domain/Defaults.js"
import type { Memory } from "../domain/Memory.js"

/** Weights of the four factors. */
export interface Weights {
  readonly similarity: number
  readonly recency: number
  readonly success: number
  readonly confidence: number
}

/** 0.4/0.3/0.2/0.1, as in the original ALMA. */
export const defaultWeights: Weights = Defaults.retrieval.weights

/** Renormalises weights to sum 1 when their sum is outside [0.99, 1.01] (original behaviour). */
export const normalizeWeights = (w: Weights): Weights => {
  const sum = w.similarity + w.recency + w.success + w.confidence
  if (sum <= 0) return defaultWeights
  if (sum >= 0.99 && sum <= 1.01) return w
  return {
    similarity: w.similarity / sum,
    recency: w.recency / sum,
    success: w.success / sum,
    confidence: w.confidence / sum
  }
}

const DAY_MS = 86_400_000

/** `0.5^(ageDays/halfLifeDays)`; 1 for future timestamps. */
export const recencyFactor = (ageDays: number, halfLifeDays: number): number =>
  ageDays <= 0 ? 1 : Math.pow(0.5, ageDays / halfLifeDays)

/** Age of a timestamp in days at `nowMs`. */
export const ageDays = (at: DateTime.Utc, nowMs: number): number => (nowMs - DateTime.toEpochMillis(at)) / DAY_MS

/**
 * The timestamp recency is measured from, per kind (original ALMA): heuristic `lastValidated`,
 * outcome `createdAt`, knowledge `lastVerified`, anti-pattern `lastSeen`, preference `updatedAt`.
 */
export const recencyTimestamp = (m: Memory): DateTime.Utc => {
  switch (m.kind) {
    case "heuristic":
      return m.lastValidated
    case "outcome":
      return m.createdAt
    case "domain_knowledge":
      return m.lastVerified
    case "anti_pattern":
      return m.lastSeen
    case "user_preference":
      return m.updatedAt
  }
}

/**
 * Success term per kind (original ALMA, except anti-patterns): heuristic success rate; outcome 1.0 if
 * it succeeded else 0.3; knowledge, preference and anti-pattern 1.0. The original's anti-pattern term
 * `min(occurrences/10, 1)` let a popular lesson outrank a clearly more similar one (issue 18's "hub"
 * lessons): on the Reflexion replay, lesson recall@1 0.888 with it, 0.973 without (BENCHMARKS.md);
 * the count stays visible in the prompt ("seen N×").
 */
export const successTerm = (m: Memory): number => {
  switch (m.kind) {
    case "heuristic":
      return m.occurrenceCount === 0 ? 0 : m.successCount / m.occurrenceCount
    case "outcome":
      return m.success ? 1 : 0.3
    default:
      return 1
  }
}

/** Confidence term per kind (original ALMA): stored confidence, 1.0 for outcomes and anti-patterns. */
export const confidenceTerm = (m: Memory): number => {
  switch (m.kind) {
    case "heuristic":
    case "domain_knowledge":
    case "user_preference":
      return m.confidence
    default:
      return 1
  }
}

/**
 * Weight of lexical evidence in the fused relevance. 0.7, measured on the LoCoMo development split
 * (`alma bench locomo`): recall@5 0.604 → 0.633 and NDCG@10 0.461 → 0.511 against 0.3 with the local
 * embedder, whose cosines are bunched (BM25 alone: 0.601; vector alone: 0.292).
 */
export const LEXICAL_WEIGHT = 0.7

/**
 * Fused relevance: noisy-OR of vector similarity and weighted lexical relevance,
 * `1 − (1 − vector)·(1 − 0.7·lexical)`. Lexical evidence can only raise relevance, a perfect vector
 * match stays 1, and absolute similarity is kept (reciprocal-rank fusion would discard it, and the
 * score threshold and the exact-match boost need it).
 */
export const fuse = (vector: number, lexical: number): number =>
  1 - (1 - clamp01(vector)) * (1 - LEXICAL_WEIGHT * clamp01(lexical))

/** Clamps to [0, 1]; NaN becomes 0. */
export const clamp01 = (x: number): number => (Number.isNaN(x) ? 0 : x < 0 ? 0 : x > 1 ? 1 : x)

/** Weighted sum of the four factors. */
export const weightedScore = (
  w: Weights,
  t: { readonly similarity: number; readonly recency: number; readonly success: number; readonly confidence: number }
): number =>
  w.similarity * t.similarity + w.recency * t.recency + w.success * t.success + w.confidence * t.confidence
