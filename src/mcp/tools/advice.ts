/**
 * Advice tools: check a proposed action against what the agent has learned before acting
 * (`alma_check_action`), and tell ALMA which memories helped or hurt afterwards
 * (`alma_record_feedback`).
 *
 * @since 0.1.0
 */
import * as Tool from "@effect/ai/Tool"
import * as Toolkit from "@effect/ai/Toolkit"
import { Schema } from "effect"
import { MAX_TASK_LENGTH, Text } from "../../domain/Inputs.js"
import { ToolFailure } from "../errors.js"
import * as P from "../params.js"

const Similarity = Schema.Number.annotations({
  description: "Cosine similarity in [-1, 1] between your action (with its context) and the memory"
})

/** @since 0.1.0 */
export const CheckAction = Tool.make("alma_check_action", {
  description: "Call this BEFORE a risky or non-obvious step: describe the action or strategy you are about to take " +
    "and get the agent's anti-patterns and heuristics that bear on it, with a recommendation: \"avoid\" (a " +
    "recorded anti-pattern matches strongly: do its better_alternative instead), \"caution\" (a weak match, or " +
    "only low-confidence advice) or \"proceed\".",
  parameters: {
    agent: P.Agent,
    action: P.text("action", "The action or strategy you propose, e.g. \"Retry the payment call in a tight loop\""),
    context: Schema.optional(Text(MAX_TASK_LENGTH).annotations({
      title: "context",
      description: "The task the action is for, and anything else that matters (at most 32,000 characters)"
    })),
    top_k: Schema.optional(P.TopK.annotations({ description: "How many matches of each kind to return (1-100, default 5)" }))
  },
  success: Schema.Struct({
    recommendation: Schema.Literal("proceed", "caution", "avoid"),
    reason: Schema.String,
    anti_patterns: Schema.Array(Schema.Struct({
      id: Schema.String,
      pattern: Schema.String,
      why_bad: Schema.String,
      better_alternative: Schema.String,
      similarity: Similarity
    })),
    heuristics: Schema.Array(Schema.Struct({
      id: Schema.String,
      condition: Schema.String,
      strategy: Schema.String,
      confidence: Schema.Number,
      similarity: Similarity
    }))
  }),
  failure: ToolFailure
}).annotate(Tool.Readonly, true).annotate(Tool.Destructive, false).annotate(Tool.OpenWorld, false)

/** @since 0.1.0 */
export const RecordFeedback = Tool.make("alma_record_feedback", {
  description: "Call this AFTER a task for which you retrieved memories: list the ids of the memories that helped " +
    "and of those that were wrong or misleading. Helpful memories gain confidence, harmful ones lose it, so " +
    "retrieval improves. Ids the agent cannot see are reported in `missing`.",
  parameters: {
    agent: P.Agent,
    task: Schema.optional(P.Task.annotations({ description: "The task the memories were used for" })),
    helpful: Schema.optional(P.MemoryIdList("helpful", "Ids of memories that helped (from alma_retrieve results)")),
    harmful: Schema.optional(P.MemoryIdList("harmful", "Ids of memories that were wrong or misleading")),
    notes: Schema.optional(P.text("notes", "Anything else worth knowing about how the memories worked out"))
  },
  success: Schema.Struct({
    updated: Schema.Array(Schema.Struct({
      id: Schema.String,
      kind: Schema.String,
      verdict: Schema.Literal("helpful", "harmful"),
      confidence_before: Schema.Number,
      confidence_after: Schema.Number
    })),
    missing: Schema.Array(Schema.String),
    message: Schema.String
  }),
  failure: ToolFailure
}).annotate(Tool.Destructive, false).annotate(Tool.OpenWorld, false)

/**
 * @since 0.1.0
 * @category toolkits
 */
export const AdviceToolkit = Toolkit.make(CheckAction, RecordFeedback)
