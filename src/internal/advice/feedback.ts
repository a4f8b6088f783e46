/**
 * Feedback arithmetic: a memory that helped moves its confidence toward 1, one that hurt toward 0,
 * by an exponential-moving-average step, and every verdict is counted in its metadata.
 *
 * `new = c + α·(target − c)`, target 1 (helpful) or 0 (harmful), α = 0.15: the original ALMA's
 * `feedback_weight` (reference §3.4, `FeedbackAwareScorer`, which blends
 * `(1 − 0.15)·score + 0.15·feedback`). Repeated verdicts converge geometrically: after n helpful ones
 * `1 − c_n = (1 − c_0)·0.85ⁿ`; a confidence never leaves [0, 1].
 */
import type { Memory } from "../../domain/Memory.js"
import { AntiPattern, DomainKnowledge, Heuristic, Outcome, UserPreference } from "../../domain/Memory.js"
import { confidenceTerm } from "../scoring.js"

/** α, the step toward the target: 0.15, the original's `feedback_weight`. */
export const FEEDBACK_WEIGHT = 0.15

/** Metadata keys: verdict counters and the time (ISO-8601) of the latest verdict. */
export const FEEDBACK_HELPFUL = "feedback_helpful"
export const FEEDBACK_HARMFUL = "feedback_harmful"
export const LAST_FEEDBACK_AT = "last_feedback_at"

/** A verdict on one memory. */
export type Verdict = "helpful" | "harmful"

/** One confidence step: `c + α·(target − c)`, clamped to [0, 1]. */
export const step = (confidence: number, verdict: Verdict, alpha: number = FEEDBACK_WEIGHT): number => {
  const next = confidence + alpha * ((verdict === "helpful" ? 1 : 0) - confidence)
  return next < 0 ? 0 : next > 1 ? 1 : next
}

const counter = (value: unknown): number =>
  typeof value === "number" && Number.isInteger(value) && value >= 0 ? value : 0

/**
 * The memory after one verdict, with its confidence before and after. Heuristics, domain knowledge
 * and preferences (the kinds with a stored confidence) take a step; outcomes and anti-patterns only
 * count the verdict, and report the scoring's constant confidence 1.0 before and after. The content,
 * `updatedAt` and timestamps of evidence are kept: feedback is not an edit, and `updatedAt` is a
 * preference's recency in scoring (harmful feedback must not make a preference look fresh).
 */
export const applyVerdict = (
  memory: Memory,
  verdict: Verdict,
  at: string,
  alpha: number = FEEDBACK_WEIGHT
): { readonly memory: Memory; readonly confidenceBefore: number; readonly confidenceAfter: number } => {
  const key = verdict === "helpful" ? FEEDBACK_HELPFUL : FEEDBACK_HARMFUL
  const metadata = { ...memory.metadata, [key]: counter(memory.metadata[key]) + 1, [LAST_FEEDBACK_AT]: at }
  const before = confidenceTerm(memory)
  switch (memory.kind) {
    case "heuristic": {
      const confidence = step(memory.confidence, verdict, alpha)
      return {
        memory: Heuristic.make({ ...memory, confidence, metadata }),
        confidenceBefore: before,
        confidenceAfter: confidence
      }
    }
    case "domain_knowledge": {
      const confidence = step(memory.confidence, verdict, alpha)
      return {
        memory: DomainKnowledge.make({ ...memory, confidence, metadata }),
        confidenceBefore: before,
        confidenceAfter: confidence
      }
    }
    case "user_preference": {
      const confidence = step(memory.confidence, verdict, alpha)
      return {
        memory: UserPreference.make({ ...memory, confidence, metadata }),
        confidenceBefore: before,
        confidenceAfter: confidence
      }
    }
    case "outcome":
      return { memory: Outcome.make({ ...memory, metadata }), confidenceBefore: before, confidenceAfter: before }
    case "anti_pattern":
      return { memory: AntiPattern.make({ ...memory, metadata }), confidenceBefore: before, confidenceAfter: before }
  }
}
