/**
 * Consolidation targets as kinds, and tool-style decoding (snake_case field names) shared by the
 * Consolidator and the Advisor. The input schemas live in `domain/ConsolidatorInputs.ts` and
 * `domain/AdvisorInputs.ts`.
 */
import { Effect, Schema } from "effect"
import { ValidationError } from "../../domain/AlmaError.js"
import type { MemoryKind } from "../../domain/Ids.js"
import type { ConsolidationTarget } from "../../domain/ConsolidatorInputs.js"
import { decodeInput } from "../validate.js"

/** The original tool's memory types and the kind each one consolidates. */
export const targetKinds = {
  heuristics: "heuristic",
  outcomes: "outcome",
  domain_knowledge: "domain_knowledge",
  anti_patterns: "anti_pattern"
} as const satisfies Record<ConsolidationTarget, MemoryKind>

/** `similarityThreshold` → `similarity_threshold`; dotted paths keep their indices (`helpful.3`). */
export const snakeCase = (field: string): string => field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)

/**
 * `decodeInput`, with the offending field named as the MCP tools name their parameters (snake_case,
 * the original's names: `similarity_threshold`, `memory_type`, `top_k`).
 */
export const decodeToolInput = <A, I>(schema: Schema.Schema<A, I, never>, input: unknown): Effect.Effect<A, ValidationError> =>
  Effect.mapError(decodeInput(schema, input), (e) => new ValidationError({ field: snakeCase(e.field), reason: e.reason }))
