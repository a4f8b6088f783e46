/**
 * The memory model: the five kinds of memory ALMA keeps, with the fields of the original ALMA
 * (reference §2.2), plus ids, timestamps, metadata and provenance on every kind.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import { MemoryId, Name } from "./Ids.js"

/**
 * A number in [0, 1].
 *
 * @since 0.1.0
 * @category schemas
 */
export const UnitInterval = Schema.Number.pipe(
  Schema.finite({ message: () => "must be a finite number" }),
  Schema.between(0, 1, { message: () => "must be between 0 and 1" })
)

/**
 * A non-negative integer count.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Count = Schema.Number.pipe(Schema.int(), Schema.nonNegative())

/**
 * Free-form JSON metadata attached to a memory.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Metadata = Schema.Record({ key: Schema.String, value: Schema.Unknown })

/**
 * @since 0.1.0
 * @category models
 */
export type Metadata = typeof Metadata.Type

const common = {
  id: MemoryId,
  projectId: Name.annotations({ description: "Project the memory belongs to" }),
  createdAt: Schema.DateTimeUtc,
  updatedAt: Schema.DateTimeUtc,
  metadata: Metadata,
  provenance: Schema.Array(MemoryId).annotations({
    description: "Ids of the outcomes that formed or confirmed this memory, newest last"
  })
}

/**
 * "When `condition`, do `strategy`": formed from repeated similar successful outcomes.
 *
 * **Units** `confidence` in [0, 1] (success fraction of the similar outcomes).
 *
 * @since 0.1.0
 * @category models
 */
export class Heuristic extends Schema.Class<Heuristic>("Heuristic")({
  kind: Schema.tag("heuristic"),
  ...common,
  agent: Name,
  taskType: Name,
  condition: Schema.String,
  strategy: Schema.String,
  confidence: UnitInterval,
  occurrenceCount: Count,
  successCount: Count,
  lastValidated: Schema.DateTimeUtc
}) {
  /** `successCount / occurrenceCount`, 0 when there are no occurrences. */
  get successRate(): number {
    return this.occurrenceCount === 0 ? 0 : this.successCount / this.occurrenceCount
  }
}

/**
 * The record of one task an agent carried out.
 *
 * **Units** `durationMs`: milliseconds.
 *
 * @since 0.1.0
 * @category models
 */
export class Outcome extends Schema.Class<Outcome>("Outcome")({
  kind: Schema.tag("outcome"),
  ...common,
  agent: Name,
  task: Schema.String,
  taskType: Name,
  success: Schema.Boolean,
  strategyUsed: Schema.String,
  durationMs: Schema.optional(Schema.Number),
  errorMessage: Schema.optional(Schema.String),
  feedback: Schema.optional(Schema.String)
}) {}

/**
 * Something a user wants (style, constraints), kept per user and project.
 *
 * @since 0.1.0
 * @category models
 */
export class UserPreference extends Schema.Class<UserPreference>("UserPreference")({
  kind: Schema.tag("user_preference"),
  ...common,
  userId: Name,
  category: Name,
  preference: Schema.String,
  source: Schema.String,
  confidence: UnitInterval
}) {}

/**
 * A fact in a domain the agent may learn in.
 *
 * @since 0.1.0
 * @category models
 */
export class DomainKnowledge extends Schema.Class<DomainKnowledge>("DomainKnowledge")({
  kind: Schema.tag("domain_knowledge"),
  ...common,
  agent: Name,
  domain: Name,
  fact: Schema.String,
  source: Schema.String,
  confidence: UnitInterval,
  lastVerified: Schema.DateTimeUtc
}) {}

/**
 * What not to do: a pattern that failed repeatedly, why it is bad, and what to do instead.
 *
 * @since 0.1.0
 * @category models
 */
export class AntiPattern extends Schema.Class<AntiPattern>("AntiPattern")({
  kind: Schema.tag("anti_pattern"),
  ...common,
  agent: Name,
  taskType: Schema.optional(Name),
  pattern: Schema.String,
  whyBad: Schema.String,
  betterAlternative: Schema.String,
  occurrenceCount: Count,
  lastSeen: Schema.DateTimeUtc
}) {}

/**
 * Any memory, discriminated by `kind`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Memory = Schema.Union(Heuristic, Outcome, UserPreference, DomainKnowledge, AntiPattern)

/**
 * @since 0.1.0
 * @category models
 */
export type Memory = typeof Memory.Type

/**
 * The memory's storage owner: its agent, or `@user/<userId>` for a preference.
 *
 * @since 0.1.0
 * @category models
 */
export const ownerOf = (memory: Memory): string =>
  memory.kind === "user_preference" ? `@user/${memory.userId}` : memory.agent

/**
 * The text ALMA embeds and indexes for a memory (what retrieval matches against).
 *
 * @since 0.1.0
 * @category models
 */
export const searchText = (memory: Memory): string => {
  switch (memory.kind) {
    case "heuristic":
      return `${memory.condition}. ${memory.strategy}`
    case "outcome":
      return `${memory.task}. ${memory.strategyUsed}`
    case "user_preference":
      return `${memory.category}: ${memory.preference}`
    case "domain_knowledge":
      return `${memory.domain}: ${memory.fact}`
    case "anti_pattern":
      return `${memory.pattern}. ${memory.whyBad}`
  }
}
