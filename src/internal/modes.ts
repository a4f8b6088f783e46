/**
 * Retrieval modes of the original ALMA (reference §3.3): parameters and inference from the task's
 * wording.
 */
import type { Weights } from "./scoring.js"

/** Parameters of a retrieval mode. */
export interface ModeConfig {
  readonly name: string
  readonly topK: number
  readonly minScore: number
  readonly weights: Weights
  readonly includeAntiPatterns: boolean
  /** MMR diversity factor: 0 = none. */
  readonly diversity: number
  /** Multiplier on failed outcomes (diagnostic mode). */
  readonly failureBoost: number
  /** Multiplier when vector similarity > 0.9 (half of it above 0.8). */
  readonly exactMatchBoost: number
}

const w = (similarity: number, recency: number, success: number, confidence: number): Weights => ({
  similarity,
  recency,
  success,
  confidence
})

/** The seven modes, with the original's values. */
export const modes: Record<string, ModeConfig> = {
  broad: {
    name: "broad",
    topK: 15,
    minScore: 0.3,
    weights: w(0.7, 0.1, 0.1, 0.1),
    includeAntiPatterns: false,
    diversity: 0.8,
    failureBoost: 1,
    exactMatchBoost: 1
  },
  precise: {
    name: "precise",
    topK: 5,
    minScore: 0.7,
    weights: w(0.3, 0.1, 0.4, 0.2),
    includeAntiPatterns: true,
    diversity: 0.2,
    failureBoost: 1,
    exactMatchBoost: 2
  },
  diagnostic: {
    name: "diagnostic",
    topK: 10,
    minScore: 0.4,
    weights: w(0.4, 0.3, 0, 0.3),
    includeAntiPatterns: true,
    diversity: 0.5,
    failureBoost: 1.5,
    exactMatchBoost: 1.5
  },
  learning: {
    name: "learning",
    topK: 20,
    minScore: 0.2,
    weights: w(0.9, 0, 0.05, 0.05),
    includeAntiPatterns: true,
    diversity: 0.3,
    failureBoost: 1,
    exactMatchBoost: 1
  },
  recall: {
    name: "recall",
    topK: 3,
    minScore: 0.5,
    weights: w(0.95, 0, 0, 0.05),
    includeAntiPatterns: false,
    diversity: 0,
    failureBoost: 1,
    exactMatchBoost: 3
  },
  benchmark: {
    name: "benchmark",
    topK: 50,
    minScore: 0,
    weights: w(1, 0, 0, 0),
    includeAntiPatterns: false,
    diversity: 0,
    failureBoost: 1,
    exactMatchBoost: 1
  },
  similarity: {
    name: "similarity",
    topK: 20,
    minScore: 0,
    weights: w(1, 0, 0, 0),
    includeAntiPatterns: false,
    diversity: 0,
    failureBoost: 1,
    exactMatchBoost: 1
  }
}

const families: ReadonlyArray<readonly [string, ReadonlyArray<string>]> = [
  ["diagnostic", [
    "error",
    "bug",
    "fail",
    "failed",
    "failing",
    "broken",
    "issue",
    "problem",
    "debug",
    "fix",
    "wrong",
    "crash",
    "exception",
    "traceback",
    "not working",
    "doesn't work",
    "won't work",
    "can't"
  ]],
  ["broad", [
    "how should",
    "what approach",
    "options for",
    "ways to",
    "plan",
    "design",
    "architect",
    "strategy",
    "alternative",
    "consider",
    "brainstorm",
    "explore",
    "ideas for",
    "possibilities"
  ]],
  ["recall", [
    "what was",
    "when did",
    "remember when",
    "last time",
    "previously",
    "before",
    "earlier",
    "what did we",
    "history of",
    "past"
  ]],
  ["learning", [
    "pattern",
    "similar",
    "consolidate",
    "common",
    "recurring",
    "repeated",
    "frequent",
    "trend",
    "consistent",
    "like before"
  ]]
]

/**
 * Infers the mode from the task: keyword containment on the lower-cased text, first family wins in
 * the order diagnostic → broad → recall → learning, else precise (original ALMA). Returns the mode
 * and up to 3 matched terms as the reason.
 */
export const inferMode = (task: string): { readonly mode: ModeConfig; readonly matched: ReadonlyArray<string> } => {
  const text = task.toLowerCase()
  for (const [name, terms] of families) {
    const matched = terms.filter((t) => text.includes(t))
    if (matched.length > 0) return { mode: modes[name]!, matched: matched.slice(0, 3) }
  }
  return { mode: modes.precise!, matched: [] }
}
