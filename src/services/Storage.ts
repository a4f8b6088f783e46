/**
 * The storage port: where memories, their embeddings and the forget audit live.
 *
 * One port, several backends (`layers/sqlite`, `layers/memory`, later Postgres): every backend passes
 * the same contract suite (`test/conformance/storage/`).
 *
 * @since 0.1.0
 */
import type { DateTime, Effect } from "effect"
import { Context, Schema } from "effect"
import type { NotFoundError, StorageError } from "../domain/AlmaError.js"
import { MemoryId, MemoryKind } from "../domain/Ids.js"
import type { Owner } from "../domain/Ids.js"
import type { Memory } from "../domain/Memory.js"

/**
 * A memory with its embedding. Every write carries the embedding, so no write path can store a memory
 * that vector search cannot find (the original's defect 1).
 *
 * **Shape** `embedding`: `Float32Array` of the embedder's dimension.
 *
 * @since 0.1.0
 * @category models
 */
export interface StoredMemory {
  readonly memory: Memory
  readonly embedding: Float32Array
}

/**
 * Where to search: one project, some owners (agents, or `@user/<id>` for preferences), some kinds.
 * Backends search each (owner, kind) partition separately and return up to `k` hits from **each**, so
 * a busy owner or a numerous kind never crowds out another (the original's defect 8).
 *
 * @since 0.1.0
 * @category models
 */
export interface SearchScope {
  readonly projectId: string
  readonly owners: ReadonlyArray<Owner>
  readonly kinds: ReadonlyArray<MemoryKind>
  readonly k: number
}

/**
 * A vector hit. **Units** `distance`: cosine distance in [0, 2], smaller is closer.
 *
 * @since 0.1.0
 * @category models
 */
export interface VectorHit {
  readonly id: MemoryId
  readonly distance: number
}

/**
 * A lexical hit. **Units** `bm25`: BM25 relevance, larger is better (> 0).
 *
 * @since 0.1.0
 * @category models
 */
export interface LexicalHit {
  readonly id: MemoryId
  readonly bm25: number
}

/**
 * Filter for `list`. Results are newest first (`createdAt` descending).
 *
 * @since 0.1.0
 * @category models
 */
export interface ListQuery {
  readonly projectId: string
  readonly owners?: ReadonlyArray<Owner> | undefined
  readonly kinds?: ReadonlyArray<MemoryKind> | undefined
  readonly taskType?: string | undefined
  readonly createdBefore?: DateTime.Utc | undefined
  readonly limit?: number | undefined
}

/**
 * What an audit row records: a deletion (forget, prune, delete, consolidation) or an import.
 *
 * @since 0.1.0
 * @category models
 */
export const AuditAction = Schema.Literal("delete", "import")

/**
 * @since 0.1.0
 * @category models
 */
export type AuditAction = typeof AuditAction.Type

/**
 * One audited write: what was deleted or imported, why and when, with a JSON snapshot.
 *
 * **Shape** `action`: `delete` (default, for rows written before imports were audited) or `import`;
 * `deletedAt`: when the write happened (the name predates import auditing); `snapshot`: the memory as
 * JSON, as it was before the write (a deletion, or an import that replaced it) or, for an import of a
 * new id, as imported.
 *
 * @since 0.1.0
 * @category models
 */
export class ForgetAudit extends Schema.Class<ForgetAudit>("ForgetAudit")({
  memoryId: MemoryId,
  kind: MemoryKind,
  projectId: Schema.String,
  owner: Schema.String,
  action: Schema.optionalWith(AuditAction, { default: () => "delete" as const }),
  reason: Schema.String,
  deletedAt: Schema.DateTimeUtc,
  snapshot: Schema.String.annotations({ description: "The memory as JSON, before the write (or as imported)" })
}) {}

/**
 * Options of `save`. With `audit`, every saved memory writes an audit row in the same transaction:
 * action `import`, reason `audit.reason` (followed by `: replaced` when the id existed in the
 * project, `: new` otherwise), snapshot as `ForgetAudit` says.
 *
 * @since 0.1.0
 * @category models
 */
export interface SaveOptions {
  readonly audit?: { readonly reason: string } | undefined
}

/**
 * The message of the `StorageError` cause when a save names an id held by another project: a save
 * never moves a memory between projects.
 *
 * @since 0.1.0
 * @category constructors
 */
export const foreignIdMessage = (id: string): string =>
  `memory id ${id} is held by another project of this store; a save never moves a memory between projects`

/**
 * Why memories are deleted, recorded in the audit.
 *
 * @since 0.1.0
 * @category models
 */
export interface Deletion {
  readonly id: MemoryId
  readonly reason: string
}

/**
 * Memory counts per kind.
 *
 * @since 0.1.0
 * @category models
 */
export type KindCounts = { readonly [K in MemoryKind]: number }

/**
 * A workflow record: a checkpoint of a workflow run, or an artifact linked to a memory. Records are
 * opaque to storage: `data` is JSON the Workflows service encodes and decodes.
 *
 * **Shape** `collection`: `checkpoint` | `artifact`; `parent`: the run id (checkpoints) or memory id
 * (artifacts) records are listed by; `data`: JSON text.
 *
 * @since 0.1.0
 * @category models
 */
export interface WorkflowRecord {
  readonly projectId: string
  readonly collection: WorkflowCollection
  readonly id: string
  readonly parent: string
  readonly createdAt: DateTime.Utc
  readonly data: string
}

/**
 * @since 0.1.0
 * @category models
 */
export type WorkflowCollection = "checkpoint" | "artifact"

/**
 * @since 0.1.0
 * @category models
 */
export interface Service {
  /** Backend name, e.g. `sqlite`, `memory`. */
  readonly backend: string
  /**
   * Inserts or replaces each record by id, all in one transaction (all or none). A record whose id is
   * held by a memory of another project fails the whole save with `StorageError` (cause
   * `foreignIdMessage`): ids are unique per store, and a save never moves a memory between projects.
   */
  readonly save: (records: ReadonlyArray<StoredMemory>, options?: SaveOptions) => Effect.Effect<void, StorageError>
  /** The ids among `ids` that are held by memories of a project other than `projectId`. */
  readonly foreignIds: (
    projectId: string,
    ids: ReadonlyArray<MemoryId>
  ) => Effect.Effect<ReadonlyArray<MemoryId>, StorageError>
  /**
   * Runs `effect` alone for (`projectId`, `key`) across every process using this store: no two
   * `exclusive` sections of the same project and key overlap, and the effect's storage calls see
   * everything committed before it started. Learning serialises heuristic formation with it.
   * SQLite: one `BEGIN IMMEDIATE` transaction (the file's write lock, so it also excludes other
   * writers); PostgreSQL: one transaction holding `pg_advisory_xact_lock` on a hash of project and
   * key; memory: a lock per key. On SQLite and PostgreSQL the effect's saves join that transaction, and
   * a failure of the effect rolls them back (the memory backend has no transactions).
   */
  readonly exclusive: <A, E, R>(
    projectId: string,
    key: string,
    effect: Effect.Effect<A, E, R>
  ) => Effect.Effect<A, E | StorageError, R>
  /** The record with that id in `projectId`. */
  readonly get: (projectId: string, id: MemoryId) => Effect.Effect<StoredMemory, NotFoundError | StorageError>
  /** The records with those ids in `projectId`; missing ids are skipped. */
  readonly getMany: (
    projectId: string,
    ids: ReadonlyArray<MemoryId>
  ) => Effect.Effect<ReadonlyArray<StoredMemory>, StorageError>
  /** Up to `k` nearest per (owner, kind) partition by cosine distance, nearest first. */
  readonly vectorSearch: (
    scope: SearchScope,
    vector: Float32Array
  ) => Effect.Effect<ReadonlyArray<VectorHit>, StorageError>
  /** Up to `k` best BM25 matches per (owner, kind) for the query's terms, best first. */
  readonly lexicalSearch: (scope: SearchScope, text: string) => Effect.Effect<ReadonlyArray<LexicalHit>, StorageError>
  /** Memories matching the filter, newest first (without their embeddings: listing never needs them). */
  readonly list: (query: ListQuery) => Effect.Effect<ReadonlyArray<Memory>, StorageError>
  /**
   * Deletes the memories and writes one audit row each, in one transaction; the artifact records
   * linked to a deleted memory (collection `artifact`, parent = its id) are deleted with it.
   * Returns the number of memories deleted.
   */
  readonly delete: (projectId: string, deletions: ReadonlyArray<Deletion>) => Effect.Effect<number, StorageError>
  /** Audit rows of `projectId`, newest first. */
  readonly auditLog: (projectId: string, limit: number) => Effect.Effect<ReadonlyArray<ForgetAudit>, StorageError>
  /** Inserts or replaces each record by (projectId, collection, id), all in one transaction. */
  readonly putRecords: (records: ReadonlyArray<WorkflowRecord>) => Effect.Effect<void, StorageError>
  /** The records of one parent in a collection, newest first (`createdAt` descending, then `id` descending). */
  readonly listRecords: (
    projectId: string,
    collection: WorkflowCollection,
    parent: string
  ) => Effect.Effect<ReadonlyArray<WorkflowRecord>, StorageError>
  /** Deletes records by id in one transaction. Returns the number deleted. */
  readonly deleteRecords: (
    projectId: string,
    collection: WorkflowCollection,
    ids: ReadonlyArray<string>
  ) => Effect.Effect<number, StorageError>
  /** Counts per kind in `projectId`, optionally for some owners only. */
  readonly stats: (
    projectId: string,
    owners?: ReadonlyArray<Owner> | undefined
  ) => Effect.Effect<KindCounts, StorageError>
}

/**
 * @since 0.1.0
 * @category tags
 */
export class Storage extends Context.Tag("alma-memory/Storage")<Storage, Service>() {}

/**
 * Extracts the searchable terms of a text for BM25: lower-cased words of 2+ letters or digits, English
 * stop words removed, deduplicated, at most 32.
 *
 * @since 0.1.0
 * @category constructors
 */
export const queryTerms = (text: string): ReadonlyArray<string> => {
  const seen = new Set<string>()
  for (const word of text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) {
    if (word.length < 2 || stopWords.has(word)) continue
    seen.add(word)
    if (seen.size >= 32) break
  }
  return [...seen]
}

const stopWords = new Set(
  (
    "a an and are as at be but by for from has have he her his i if in into is it its me my no not of on or our " +
    "she so than that the their them then there these they this to was we were what when where which who will " +
    "with you your do does did how can could should would about after before up down out over just also been being " +
    "am any all more most some such only own same too very s t don"
  ).split(" ")
)
