/**
 * Memory tools: retrieve what an agent has learned, and record outcomes, preferences, facts and
 * anti-patterns (the original's `alma_retrieve`, `alma_learn`, `alma_add_preference`,
 * `alma_add_knowledge`, plus `alma_add_anti_pattern`).
 *
 * @since 0.1.0
 */
import * as Tool from "@effect/ai/Tool"
import * as Toolkit from "@effect/ai/Toolkit"
import { Schema } from "effect"
import { ToolFailure } from "../errors.js"
import * as P from "../params.js"
import * as R from "../results.js"

/** @since 0.1.0 */
export const Retrieve = Tool.make("alma_retrieve", {
  description: "Call this BEFORE starting a task. Returns what this agent has learned that is relevant to the task: " +
    "strategies that worked (heuristics), patterns to avoid (anti-patterns), domain facts, the user's preferences " +
    "and similar past outcomes, best first. Put `prompt_injection` into your context and follow it; use the " +
    "memory ids with alma_record_feedback after the task.",
  parameters: {
    task: P.Task.annotations({ description: "The task you are about to do, in plain words" }),
    agent: P.Agent,
    user_id: Schema.optional(P.UserId),
    top_k: Schema.optional(P.TopK)
  },
  success: Schema.Struct(R.RetrievedFields),
  failure: ToolFailure
}).annotate(Tool.Readonly, true).annotate(Tool.Destructive, false).annotate(Tool.OpenWorld, false)

/** @since 0.1.0 */
export const Learn = Tool.make("alma_learn", {
  description: "Call this AFTER finishing a task, whether it succeeded or failed, to record the outcome. Repeated " +
    "similar successes become heuristics (strategies recommended to this agent later); repeated failures of the " +
    "same strategy become anti-patterns. The result lists anti-patterns your strategy matched (`warnings`).",
  parameters: {
    agent: P.Agent,
    task: P.Task.annotations({ description: "The task that was carried out" }),
    outcome: Schema.Literal("success", "failure").annotations({
      title: "outcome",
      description: "\"success\" if the task achieved its goal, else \"failure\""
    }),
    strategy_used: P.text("strategy_used", "The approach taken, specific enough to repeat or avoid next time"),
    task_type: Schema.optional(P.TaskType),
    duration_ms: Schema.optional(P.Between(0, 31_536_000_000).annotations({
      title: "duration_ms",
      description: "How long the task took, in milliseconds"
    })),
    error_message: Schema.optional(P.text("error_message", "The error seen, if the task failed")),
    feedback: Schema.optional(P.text("feedback", "What the user said about the result, if anything"))
  },
  success: Schema.Struct({
    learned: Schema.Boolean,
    outcome: Schema.Struct({ id: Schema.String, agent: Schema.String, task_type: Schema.String, success: Schema.Boolean }),
    heuristic: Schema.optional(Schema.Struct({ id: Schema.String, action: Schema.Literal("created", "updated") })),
    anti_pattern: Schema.optional(Schema.Struct({ id: Schema.String, action: Schema.Literal("created", "updated") })),
    warnings: Schema.Array(R.AntiPatternItem),
    message: Schema.String
  }),
  failure: ToolFailure
}).annotate(Tool.Destructive, false).annotate(Tool.OpenWorld, false)

/** @since 0.1.0 */
export const AddPreference = Tool.make("alma_add_preference", {
  description: "Record a lasting preference of a user (style, constraints, ways of working) so that every agent " +
    "working for that user is told about it in alma_retrieve. Call it when the user states a preference.",
  parameters: {
    user_id: P.name("user_id", "Id of the user the preference belongs to"),
    category: P.name("category", "Kind of preference, e.g. \"communication\", \"code_style\" or \"workflow\""),
    preference: P.text("preference", "The preference in one sentence, e.g. \"Prefers concise answers without emoji\""),
    source: Schema.optional(P.text(
      "source",
      "How it was learned (default \"explicit_instruction\", confidence 1.0; any other source gets 0.7)"
    ))
  },
  success: Schema.Struct({ preference: R.PreferenceItem }),
  failure: ToolFailure
}).annotate(Tool.Destructive, false).annotate(Tool.OpenWorld, false)

/** @since 0.1.0 */
export const AddKnowledge = Tool.make("alma_add_knowledge", {
  description: "Record a fact about a domain the agent works in (e.g. how an API behaves, a project convention), " +
    "so it is returned by alma_retrieve for related tasks. Fails with ScopeViolationError if the agent may not " +
    "learn in that domain.",
  parameters: {
    agent: P.Agent,
    domain: P.name("domain", "The knowledge domain, e.g. \"authentication\" or \"billing_api\""),
    fact: P.text("fact", "The fact, self-contained and specific"),
    source: Schema.optional(P.text(
      "source",
      "How it was learned (default \"user_stated\", confidence 1.0; any other source gets 0.8)"
    ))
  },
  success: Schema.Struct({ knowledge: R.KnowledgeItem }),
  failure: ToolFailure
}).annotate(Tool.Destructive, false).annotate(Tool.OpenWorld, false)

/** @since 0.1.0 */
export const AddAntiPattern = Tool.make("alma_add_anti_pattern", {
  description: "Record something the agent must NOT do, why, and what to do instead, e.g. after a costly mistake or " +
    "when the user forbids an approach. It is returned by alma_retrieve and alma_check_action for related tasks.",
  parameters: {
    agent: P.Agent,
    pattern: P.text("pattern", "The action or approach to avoid, e.g. \"Using sleep() to wait for elements\""),
    why_bad: P.text("why_bad", "Why it is bad, e.g. \"Causes flaky tests\""),
    better_alternative: P.text("better_alternative", "What to do instead, e.g. \"Use explicit waits\""),
    task_type: Schema.optional(P.TaskType.annotations({
      description: "Category of task the anti-pattern applies to (optional; it must be within the agent's scope)"
    }))
  },
  success: Schema.Struct({ anti_pattern: R.AntiPatternItem }),
  failure: ToolFailure
}).annotate(Tool.Destructive, false).annotate(Tool.OpenWorld, false)

/**
 * @since 0.1.0
 * @category toolkits
 */
export const MemoryToolkit = Toolkit.make(Retrieve, Learn, AddPreference, AddKnowledge, AddAntiPattern)
