/**
 * The ALMAError family: every failure ALMA reports, as serialisable tagged errors.
 *
 * Mirrors the original ALMA hierarchy (`ALMAError` → ConfigurationError, ScopeViolationError,
 * StorageError, EmbeddingError) plus ValidationError and NotFoundError, which the original lacked (it
 * raised bare `ValueError`s). The original's RetrievalError and ExtractionError are left out: nothing
 * raises them (in the original only ScopeViolationError was ever raised; reference §6), and a
 * retrieval fails only through its storage or its embedder. Every class is a `Schema.TaggedError` so it crosses
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
 * What kind of storage failure it was, when the backend can tell (from its result code):
 * `full` (disk, quota or size limit), `readonly`, `corrupt` (damaged file or not a database), `busy`
 * (locked past the busy timeout), `io` (the operating system's I/O error), `cantopen`.
 *
 * @since 0.1.0
 * @category errors
 */
export const StorageErrorReason = Schema.Literal("full", "readonly", "corrupt", "busy", "io", "cantopen")

/**
 * @since 0.1.0
 * @category errors
 */
export type StorageErrorReason = typeof StorageErrorReason.Type

/** What each reason means and what to do about it (the message of a `StorageError` with a reason). */
const storageRemedies: Record<StorageErrorReason, string> = {
  full: "the disk, the file system quota or the database size limit is full; free disk space or raise the " +
    "limit, then retry",
  readonly: "the database is read-only to this process; make the database file, its directory and the file " +
    "system writable, then retry",
  corrupt: "the database file is damaged or is not a database; restore it from a backup, or salvage what is " +
    "readable with `alma export` run on a copy of the file",
  busy: "another connection kept the database locked past the busy timeout; retry, and if it persists look " +
    "for a process holding a long write transaction",
  io: "the operating system reported an I/O error on the database file; check the disk and the file system " +
    "(hardware, a network mount), then retry",
  cantopen: "the database file cannot be opened; check that its directory exists and that the file is a " +
    "readable and writable regular file"
}

/**
 * A storage backend failed (I/O, constraint, driver error). Wraps the backend's own error as `cause`.
 *
 * **Shape** `backend` (e.g. `sqlite`), `operation` (e.g. `save`), `reason` (see
 * {@link StorageErrorReason}; absent when the backend cannot tell), `code` (the backend's result
 * code, e.g. `SQLITE_FULL`), `cause`. The message names `code` and, for a `reason`, what to do.
 *
 * @since 0.1.0
 * @category errors
 */
export class StorageError extends Schema.TaggedError<StorageError>()("StorageError", {
  backend: Schema.String,
  operation: Schema.String,
  reason: Schema.optional(StorageErrorReason),
  code: Schema.optional(Schema.String),
  cause: Schema.optional(Schema.Defect)
}) {
  readonly [AlmaErrorTypeId]: AlmaErrorTypeId = AlmaErrorTypeId
  override get message(): string {
    const base = `Storage backend "${this.backend}" failed during ${this.operation}`
    const code = this.code === undefined ? "" : `: ${this.code}`
    if (this.reason !== undefined) return `${base}${code}: ${storageRemedies[this.reason]}`
    const detail = this.cause instanceof Error ? `: ${this.cause.message}` : ""
    return `${base}${code}${detail}`
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
  NotFoundError
)

/**
 * @since 0.1.0
 * @category guards
 */
export const isAlmaError = (u: unknown): u is AlmaError => Predicate.hasProperty(u, AlmaErrorTypeId)
