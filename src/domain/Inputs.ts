/**
 * Inputs of the public operations, with their validation rules and documented limits.
 *
 * Limits (the original validated none of these, reference §6):
 * - names (agent, project, user, task type, domain, category): 1–128 characters of `[A-Za-z0-9_.:-]`;
 * - `task`: 1–32,000 characters (long tasks are embedded in chunks, not cut);
 * - other texts (strategy, fact, preference, pattern, …): 1–8,000 characters, not blank;
 * - `topK`: integer 1–100; `maxTokens`: integer 16–200,000;
 * - `durationMs`: finite, 0 – 31,536,000,000 (one year); confidences: [0, 1];
 * - `metadata`: a JSON object of at most 16 KiB when serialised.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import { MemoryId, MemoryKind, Name } from "./Ids.js"
import { Metadata, UnitInterval } from "./Memory.js"

/** Longest accepted task description (characters). */
export const MAX_TASK_LENGTH = 32_000
/** Longest accepted text field other than the task (characters). */
export const MAX_TEXT_LENGTH = 8_000
/** Largest accepted metadata object, serialised as JSON (bytes). */
export const MAX_METADATA_BYTES = 16_384

/**
 * Non-blank text of at most `max` characters.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Text = (max: number) =>
  Schema.String.pipe(
    Schema.filter((s) => s.trim().length > 0 || "must not be empty or blank"),
    Schema.maxLength(max, { message: () => `must be at most ${max} characters` })
  )

/**
 * A metadata object of at most {@link MAX_METADATA_BYTES} bytes as JSON.
 *
 * @since 0.1.0
 * @category schemas
 */
export const BoundedMetadata = Metadata.pipe(
  Schema.filter((m) => {
    let size: number
    try {
      size = Buffer.byteLength(JSON.stringify(m))
    } catch {
      return "must be JSON-serialisable"
    }
    return size <= MAX_METADATA_BYTES || `must be at most ${MAX_METADATA_BYTES} bytes as JSON (got ${size})`
  })
)

/**
 * An integer in [min, max], with messages naming the bounds.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Int = (min: number, max: number) =>
  Schema.Number.pipe(
    Schema.int({ message: () => "must be an integer" }),
    Schema.between(min, max, { message: () => `must be between ${min} and ${max}` })
  )

/**
 * Retrieval modes of the original ALMA (reference §3.3), plus `auto` (infer from the task's wording).
 *
 * @since 0.1.0
 * @category models
 */
export const RetrievalMode = Schema.Literal(
  "broad",
  "precise",
  "diagnostic",
  "learning",
  "recall",
  "benchmark",
  "similarity",
  "auto"
)

/**
 * @since 0.1.0
 * @category models
 */
export type RetrievalMode = typeof RetrievalMode.Type

/**
 * Input of `retrieve`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const RetrieveInput = Schema.Struct({
  task: Text(MAX_TASK_LENGTH).annotations({ description: "The task the agent is about to do" }),
  agent: Name.annotations({ description: "Agent asking" }),
  userId: Schema.optional(Name).annotations({ description: "Include this user's preferences" }),
  topK: Schema.optional(Int(1, 100)).annotations({ description: "Items per kind (default 5, or the mode's)" }),
  kinds: Schema.optional(Schema.Array(MemoryKind)).annotations({ description: "Kinds to retrieve (default all)" }),
  mode: Schema.optional(RetrievalMode),
  maxTokens: Schema.optional(Int(16, 200_000)).annotations({ description: "Prompt budget in tokens (default 2000)" })
})

/**
 * @since 0.1.0
 * @category models
 */
export type RetrieveInput = typeof RetrieveInput.Encoded

/**
 * Input of `learn`: the outcome of one task.
 *
 * @since 0.1.0
 * @category schemas
 */
export const LearnInput = Schema.Struct({
  agent: Name,
  task: Text(MAX_TASK_LENGTH),
  outcome: Schema.Literal("success", "failure").annotations({ description: "success or failure" }),
  strategyUsed: Text(MAX_TEXT_LENGTH),
  taskType: Schema.optional(Name),
  durationMs: Schema.optional(
    Schema.Number.pipe(
      Schema.finite({ message: () => "must be a finite number" }),
      Schema.between(0, 31_536_000_000, { message: () => "must be between 0 and 31536000000 ms" })
    )
  ),
  errorMessage: Schema.optional(Text(MAX_TEXT_LENGTH)),
  feedback: Schema.optional(Text(MAX_TEXT_LENGTH)),
  metadata: Schema.optional(BoundedMetadata)
})

/**
 * @since 0.1.0
 * @category models
 */
export type LearnInput = typeof LearnInput.Encoded

/**
 * Input of `addPreference`.
 *
 * **Source** confidence defaults to 1.0 for `explicit_instruction`, else 0.7 (original ALMA).
 *
 * @since 0.1.0
 * @category schemas
 */
export const AddPreferenceInput = Schema.Struct({
  userId: Name,
  category: Name,
  preference: Text(MAX_TEXT_LENGTH),
  source: Schema.optional(Text(256)),
  confidence: Schema.optional(UnitInterval),
  metadata: Schema.optional(BoundedMetadata)
})

/**
 * @since 0.1.0
 * @category models
 */
export type AddPreferenceInput = typeof AddPreferenceInput.Encoded

/**
 * Input of `addKnowledge`.
 *
 * **Source** confidence defaults to 1.0 for `user_stated`, else 0.8 (original ALMA).
 *
 * @since 0.1.0
 * @category schemas
 */
export const AddKnowledgeInput = Schema.Struct({
  agent: Name,
  domain: Name,
  fact: Text(MAX_TEXT_LENGTH),
  source: Schema.optional(Text(256)),
  confidence: Schema.optional(UnitInterval),
  metadata: Schema.optional(BoundedMetadata)
})

/**
 * @since 0.1.0
 * @category models
 */
export type AddKnowledgeInput = typeof AddKnowledgeInput.Encoded

/**
 * Input of `addAntiPattern` (an explicit anti-pattern, not learned from outcomes).
 *
 * @since 0.1.0
 * @category schemas
 */
export const AddAntiPatternInput = Schema.Struct({
  agent: Name,
  pattern: Text(MAX_TEXT_LENGTH),
  whyBad: Text(MAX_TEXT_LENGTH),
  betterAlternative: Text(MAX_TEXT_LENGTH),
  taskType: Schema.optional(Name),
  provenance: Schema.optional(Schema.Array(MemoryId).pipe(Schema.maxItems(100))).annotations({
    description: "Ids of the outcomes this anti-pattern was learned from (at most 100)"
  }),
  metadata: Schema.optional(BoundedMetadata)
})

/**
 * @since 0.1.0
 * @category models
 */
export type AddAntiPatternInput = typeof AddAntiPatternInput.Encoded

/**
 * Fields `update` may change. Counts, ids, owners and timestamps are ALMA's to maintain.
 *
 * @since 0.1.0
 * @category schemas
 */
export const UpdateInput = Schema.Struct({
  condition: Schema.optional(Text(MAX_TEXT_LENGTH)),
  strategy: Schema.optional(Text(MAX_TEXT_LENGTH)),
  preference: Schema.optional(Text(MAX_TEXT_LENGTH)),
  fact: Schema.optional(Text(MAX_TEXT_LENGTH)),
  pattern: Schema.optional(Text(MAX_TEXT_LENGTH)),
  whyBad: Schema.optional(Text(MAX_TEXT_LENGTH)),
  betterAlternative: Schema.optional(Text(MAX_TEXT_LENGTH)),
  feedback: Schema.optional(Text(MAX_TEXT_LENGTH)),
  confidence: Schema.optional(UnitInterval),
  metadata: Schema.optional(BoundedMetadata)
})

/**
 * @since 0.1.0
 * @category models
 */
export type UpdateInput = typeof UpdateInput.Encoded

/**
 * Input of `forget`.
 *
 * **Units** `olderThanDays`: days (default 90); `belowConfidence`: [0, 1] (default 0.3), compared
 * with the decayed confidence (original ALMA defaults).
 *
 * @since 0.1.0
 * @category schemas
 */
export const ForgetInput = Schema.Struct({
  agent: Schema.optional(Name),
  olderThanDays: Schema.optional(
    Schema.Number.pipe(
      Schema.finite({ message: () => "must be a finite number" }),
      Schema.between(0, 36_500, { message: () => "must be between 0 and 36500 days" })
    )
  ),
  belowConfidence: Schema.optional(UnitInterval),
  dryRun: Schema.optional(Schema.Boolean)
})

/**
 * @since 0.1.0
 * @category models
 */
export type ForgetInput = typeof ForgetInput.Encoded

/**
 * What an import does with an id held by another project of the store: `error` (the default)
 * refuses the whole import with a `ValidationError`; `new-id` stores that memory under a fresh id.
 * Either way no memory is moved between projects.
 *
 * @since 0.1.0
 * @category schemas
 */
export const OnIdConflict = Schema.Literal("error", "new-id")

/**
 * @since 0.1.0
 * @category models
 */
export type OnIdConflict = typeof OnIdConflict.Type

/**
 * `auditLog`'s `limit`. **Units** rows, integer 1–10,000 (the caller's default is 100).
 *
 * @since 0.1.0
 * @category schemas
 */
export const AuditLogLimit = Schema.Number.pipe(
  Schema.int({ message: () => "limit must be an integer" }),
  Schema.between(1, 10_000, { message: () => "limit must be between 1 and 10000" })
)
