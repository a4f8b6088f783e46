/**
 * The ALMAError family: every failure ALMA reports, as serialisable tagged errors.
 *
 * Mirrors the original ALMA hierarchy (`ALMAError` → ConfigurationError, ScopeViolationError,
 * StorageError, EmbeddingError, RetrievalError) plus ValidationError and NotFoundError, which the
 * original lacked (it raised bare `ValueError`s). Every class is a `Schema.TaggedError` so it crosses
 * RPC and MCP intact, and carries the `AlmaErrorTypeId` brand so `isAlmaError` recognises it.
 *
 * Messages are written for the agent or operator reading them: they say what was wrong and what to
 * do next, and never contain memory text or secrets.
 *
 * @since 0.1.0
 */
import { Predicate, Schema } from "effect"

/**
 * Brand carried by every ALMA error.
 *
 * @since 0.1.0
 * @category errors
 */
export const AlmaErrorTypeId: unique symbol = Symbol.for("alma-memory/AlmaError")

/**
 * @since 0.1.0
 * @category errors
 */
export type AlmaErrorTypeId = typeof AlmaErrorTypeId

/**
 * Configuration is missing, malformed or inconsistent (unknown key, bad value, embedding dimension
 * that does not match the stored one, unset `${ENV}` variable).
 *
 * **Shape** `key`: the configuration key or setting at fault; `description`: what is wrong and how to
 * fix it; `file`: the configuration file, when there is one.
 *
 * @since 0.1.0
 * @category errors
 */
export class ConfigurationError extends Schema.TaggedError<ConfigurationError>()("ConfigurationError", {
  key: Schema.String,
  description: Schema.String,
  file: Schema.optional(Schema.String)
}) {
  readonly [AlmaErrorTypeId]: AlmaErrorTypeId = AlmaErrorTypeId
  override get message(): string {
    return `Configuration error at "${this.key}"${this.file ? ` in ${this.file}` : ""}: ${this.description}`
  }
}

/**
 * An input was rejected before anything was changed.
 *
 * **Shape** `field`: the input field at fault (dotted path, e.g. `metadata.tags`); `reason`: what was
 * wrong and what is allowed.
 *
 * @since 0.1.0
 * @category errors
 */
export class ValidationError extends Schema.TaggedError<ValidationError>()("ValidationError", {
  field: Schema.String,
  reason: Schema.String
}) {
  readonly [AlmaErrorTypeId]: AlmaErrorTypeId = AlmaErrorTypeId
  override get message(): string {
    return `Invalid "${this.field}": ${this.reason}`
  }
}

/**
 * An agent tried to learn outside its scope (`cannot_learn` lists the domain, or `can_learn` is
 * non-empty and does not), or to touch memory it may not read.
 *
 * **Shape** `agent`; `domain`: the task type or knowledge domain refused; `reason`.
 *
 * @since 0.1.0
 * @category errors
 */
export class ScopeViolationError extends Schema.TaggedError<ScopeViolationError>()("ScopeViolationError", {
  agent: Schema.String,
  domain: Schema.String,
  reason: Schema.String
}) {
  readonly [AlmaErrorTypeId]: AlmaErrorTypeId = AlmaErrorTypeId
  override get message(): string {
    return `Agent "${this.agent}" may not learn in "${this.domain}": ${this.reason}`
  }
}

/**
 * A storage backend failed (I/O, constraint, driver error). Wraps the backend's own error as `cause`.
 *
 * **Shape** `backend` (e.g. `sqlite`), `operation` (e.g. `save`), `cause`.
 *
 * @since 0.1.0
 * @category errors
 */
export class StorageError extends Schema.TaggedError<StorageError>()("StorageError", {
  backend: Schema.String,
  operation: Schema.String,
  cause: Schema.optional(Schema.Defect)
}) {
  readonly [AlmaErrorTypeId]: AlmaErrorTypeId = AlmaErrorTypeId
  override get message(): string {
    const detail = this.cause instanceof Error ? `: ${this.cause.message}` : ""
    return `Storage backend "${this.backend}" failed during ${this.operation}${detail}`
  }
}

/**
 * The embedding model failed to load or to embed.
 *
 * **Shape** `model`, `reason`, `cause`.
 *
 * @since 0.1.0
 * @category errors
 */
export class EmbeddingError extends Schema.TaggedError<EmbeddingError>()("EmbeddingError", {
  model: Schema.String,
  reason: Schema.String,
  cause: Schema.optional(Schema.Defect)
}) {
  readonly [AlmaErrorTypeId]: AlmaErrorTypeId = AlmaErrorTypeId
  override get message(): string {
    return `Embedding model "${this.model}" failed: ${this.reason}`
  }
}

/**
 * Retrieval could not be carried out (other than a storage or embedding failure).
 *
 * @since 0.1.0
 * @category errors
 */
export class RetrievalError extends Schema.TaggedError<RetrievalError>()("RetrievalError", {
  reason: Schema.String
}) {
  readonly [AlmaErrorTypeId]: AlmaErrorTypeId = AlmaErrorTypeId
  override get message(): string {
    return `Retrieval failed: ${this.reason}`
  }
}

/**
 * No memory (or agent) with that id exists in the caller's project.
 *
 * **Shape** `entity` (e.g. `memory`), `id`.
 *
 * @since 0.1.0
 * @category errors
 */
export class NotFoundError extends Schema.TaggedError<NotFoundError>()("NotFoundError", {
  entity: Schema.String,
  id: Schema.String
}) {
  readonly [AlmaErrorTypeId]: AlmaErrorTypeId = AlmaErrorTypeId
  override get message(): string {
    return `No ${this.entity} with id "${this.id}"`
  }
}

/**
 * Any ALMA error.
 *
 * @since 0.1.0
 * @category errors
 */
export type AlmaError =
  | ConfigurationError
  | ValidationError
  | ScopeViolationError
  | StorageError
  | EmbeddingError
  | RetrievalError
  | NotFoundError

/**
 * Schema of the whole family, for RPC `error` and MCP `failure` at the edges.
 *
 * @since 0.1.0
 * @category schemas
 */
export const AlmaError = Schema.Union(
  ConfigurationError,
  ValidationError,
  ScopeViolationError,
  StorageError,
  EmbeddingError,
  RetrievalError,
  NotFoundError
)

/**
 * @since 0.1.0
 * @category guards
 */
export const isAlmaError = (u: unknown): u is AlmaError => Predicate.hasProperty(u, AlmaErrorTypeId)
