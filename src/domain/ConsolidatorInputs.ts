/**
 * Input of consolidation (`Consolidator.consolidate`, MCP `alma_consolidate`), with the original
 * tool's names and limits (reference §5.1: memory_type allow-list, 0 ≤ similarity_threshold ≤ 1,
 * dry_run default true).
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import { Name } from "./Ids.js"

/**
 * Which memories to consolidate, with the original tool's names.
 *
 * @since 0.1.0
 * @category schemas
 */
export const ConsolidationTarget = Schema.Literal("heuristics", "outcomes", "domain_knowledge", "anti_patterns")

/**
 * @since 0.1.0
 * @category models
 */
export type ConsolidationTarget = typeof ConsolidationTarget.Type

/**
 * Input of `consolidate`. Defaults as in the original ALMA: `memoryType` heuristics,
 * `similarityThreshold` 0.85 (cosine similarity, in [0, 1]), `dryRun` true (the MCP tool's default).
 *
 * @since 0.1.0
 * @category schemas
 */
export const ConsolidateInput = Schema.Struct({
  agent: Name,
  memoryType: Schema.optional(ConsolidationTarget),
  similarityThreshold: Schema.optional(
    Schema.Number.pipe(
      Schema.finite({ message: () => "must be a finite number" }),
      Schema.between(0, 1, { message: () => "must be a cosine similarity between 0 and 1 (default 0.85)" })
    )
  ),
  dryRun: Schema.optional(Schema.Boolean)
})

/**
 * @since 0.1.0
 * @category models
 */
export type ConsolidateInput = typeof ConsolidateInput.Encoded
