/**
 * Input of consolidation, with the original `alma_consolidate` tool's names and limits (reference
 * §5.1: memory_type allow-list, 0 ≤ similarity_threshold ≤ 1, dry_run default true).
 */
import { Effect, Schema } from "effect"
import { ValidationError } from "../../domain/AlmaError.js"
import type { MemoryKind } from "../../domain/Ids.js"
import { Name } from "../../domain/Ids.js"
import { decodeInput } from "../validate.js"

/** The original tool's memory types and the kind each one consolidates. */
export const targetKinds = {
  heuristics: "heuristic",
  outcomes: "outcome",
  domain_knowledge: "domain_knowledge",
  anti_patterns: "anti_pattern"
} as const satisfies Record<string, MemoryKind>

/** Decoded input of `Consolidator.consolidate`. */
export const ConsolidateInput = Schema.Struct({
  agent: Name,
  memoryType: Schema.optional(Schema.Literal("heuristics", "outcomes", "domain_knowledge", "anti_patterns")),
  similarityThreshold: Schema.optional(
    Schema.Number.pipe(
      Schema.finite({ message: () => "must be a finite number" }),
      Schema.between(0, 1, { message: () => "must be a cosine similarity between 0 and 1 (default 0.85)" })
    )
  ),
  dryRun: Schema.optional(Schema.Boolean)
})

/** `similarityThreshold` → `similarity_threshold`; dotted paths keep their indices (`helpful.3`). */
export const snakeCase = (field: string): string => field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)

/**
 * `decodeInput`, with the offending field named as the MCP tools name their parameters (snake_case,
 * the original's names: `similarity_threshold`, `memory_type`, `top_k`).
 */
export const decodeToolInput = <A, I>(schema: Schema.Schema<A, I, never>, input: unknown): Effect.Effect<A, ValidationError> =>
  Effect.mapError(decodeInput(schema, input), (e) => new ValidationError({ field: snakeCase(e.field), reason: e.reason }))
