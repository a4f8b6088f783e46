/**
 * Maintenance tools: forgetting, statistics, health and consolidation (the original's `alma_forget`,
 * `alma_stats`, `alma_health`, `alma_consolidate`).
 *
 * @since 0.1.0
 */
import * as Tool from "@effect/ai/Tool"
import * as Toolkit from "@effect/ai/Toolkit"
import { Schema } from "effect"
import { ToolFailure } from "../errors.js"
import * as P from "../params.js"
import { CountsJson } from "../results.js"

/** @since 0.1.0 */
export const Forget = Tool.make("alma_forget", {
  description: "Delete stale or weak memories: outcomes older than `older_than_days`, and heuristics whose confidence " +
    "(after time decay) is below `below_confidence`. Deletions are permanent (they are kept in an audit log). " +
    "Call it only when asked to clean up memory.",
  parameters: {
    agent: Schema.optional(P.Agent.annotations({ description: "Only forget this agent's memories (default: every agent)" })),
    older_than_days: Schema.optional(P.Between(0, 36_500).annotations({
      title: "older_than_days",
      description: "Age in days beyond which outcomes are forgotten (default 90, or the project's configured value)"
    })),
    below_confidence: Schema.optional(P.Between(0, 1).annotations({
      title: "below_confidence",
      description: "Confidence in [0, 1] below which heuristics are forgotten (default 0.3, or the project's configured value)"
    }))
  },
  success: Schema.Struct({ pruned_count: Schema.Number, message: Schema.String }),
  failure: ToolFailure
}).annotate(Tool.OpenWorld, false)

/** @since 0.1.0 */
export const Stats = Tool.make("alma_stats", {
  description: "Count the memories of this project, per kind, or of one agent's own memories.",
  parameters: {
    agent: Schema.optional(P.Agent.annotations({ description: "Count only this agent's memories (default: the whole project)" }))
  },
  success: Schema.Struct({
    stats: Schema.Struct({
      project_id: Schema.String,
      agent: Schema.optional(Schema.String),
      storage_type: Schema.String,
      ...CountsJson.fields
    })
  }),
  failure: ToolFailure
}).annotate(Tool.Readonly, true).annotate(Tool.Destructive, false).annotate(Tool.OpenWorld, false)

/** @since 0.1.0 */
export const Health = Tool.make("alma_health", {
  description: "Check that the memory server and its storage work. Returns status \"healthy\" with the project id, " +
    "the total number of memories and the configured agents, or status \"unhealthy\" with the error.",
  success: Schema.Struct({
    status: Schema.Literal("healthy", "unhealthy"),
    project_id: Schema.String,
    total_memories: Schema.optional(Schema.Number),
    registered_agents: Schema.Array(Schema.String),
    timestamp: Schema.String.annotations({ description: "ISO 8601 (UTC)" }),
    error: Schema.optional(Schema.String)
  }),
  failure: ToolFailure
}).annotate(Tool.Readonly, true).annotate(Tool.Destructive, false).annotate(Tool.OpenWorld, false)

/** @since 0.1.0 */
export const Consolidate = Tool.make("alma_consolidate", {
  description: "Find groups of near-duplicate memories of one agent and merge each group into one memory. By " +
    "default this is a dry run that only reports the groups; pass dry_run=false to merge (the originals are " +
    "deleted). Use it when retrieval returns many repetitive memories.",
  parameters: {
    agent: P.Agent,
    memory_type: Schema.optional(
      Schema.Literal("heuristics", "outcomes", "domain_knowledge", "anti_patterns").annotations({
        title: "memory_type",
        description: "Which kind of memory to consolidate (default \"heuristics\")"
      })
    ),
    similarity_threshold: Schema.optional(P.Between(0, 1).annotations({
      title: "similarity_threshold",
      description: "Cosine similarity in [0, 1] at or above which two memories count as duplicates (default 0.85; " +
        "higher merges less)"
    })),
    dry_run: Schema.optional(Schema.Boolean.annotations({
      title: "dry_run",
      description: "true (default): only report what would be merged; false: merge"
    }))
  },
  success: Schema.Struct({
    dry_run: Schema.Boolean,
    merged_count: Schema.Number,
    groups_found: Schema.Number,
    memories_processed: Schema.Number,
    merge_details: Schema.Array(Schema.Struct({
      merged_into: Schema.String,
      merged_from: Schema.Array(Schema.String),
      min_similarity: Schema.Number
    })),
    errors: Schema.Array(Schema.String),
    message: Schema.String
  }),
  failure: ToolFailure
}).annotate(Tool.OpenWorld, false)

/**
 * @since 0.1.0
 * @category toolkits
 */
export const AdminToolkit = Toolkit.make(Forget, Stats, Health, Consolidate)
