/**
 * The storage port: where memories, their embeddings and the forget audit live.
 *
 * One port, several backends (`layers/sqlite`, `layers/postgres`, `layers/memory`): every backend passes
 * the same contract suite (`test/conformance/storage/`), and builds its `Service` with `make` from its
 * `Primitives`, which adds the spans, the error mapping and the derived methods once for all.
 *
 * @since 0.1.0
 */
import type { DateTime } from "effect"
import { Context, Effect } from "effect"
import { NotFoundError, StorageError } from "../domain/AlmaError.js"
import type { MemoryId, MemoryKind } from "../domain/Ids.js"
import { AuditAction, ForgetAudit } from "../domain/Results.js"
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
 * The audit's schemas live in `domain/Results.ts`; re-exported here, the port that writes them.
 *
 * @since 0.1.0
 * @category models
 */
export { AuditAction, ForgetAudit }

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
 * The name of a `Service` method, as `StorageError.operation` and the span `Storage.<operation>` give it.
 *
 * @since 0.1.0
 * @category models
 */
export type Operation = Exclude<keyof Service, "backend">

/**
 * What a backend implements for `make`: every `Service` method but `get` (derived from `getMany`),
 * with the same parameters, result and contract, but failing with the backend's own errors `E` (e.g.
 * `SqlError | ParseError`) and without spans.
 *
 * **Shape** `exclusive` fails with the effect's own errors, or with `E` for its own failures (those of
 * its transaction or lock). `toStorageError` (default: a `StorageError` of the backend and operation,
 * `E` as its `cause`) turns an `E` into the error callers see.
 *
 * @since 0.1.0
 * @category models
 */
export type Primitives<E> =
  & {
    readonly [K in Exclude<Operation, "get" | "exclusive">]: (
      ...args: Parameters<Service[K]>
    ) => Effect.Effect<Effect.Effect.Success<ReturnType<Service[K]>>, E>
  }
  & {
    readonly exclusive: <A, E1, R>(
      projectId: string,
      key: string,
      effect: Effect.Effect<A, E1, R>
    ) => Effect.Effect<A, E1 | E, R>
    readonly toStorageError?: ((operation: Operation, cause: E) => StorageError) | undefined
  }

/** A failure of the effect given to `exclusive`, told apart from the backend's own on the way out. */
class OwnFailure<out E> {
  constructor(readonly error: E) {}
}

/**
 * The `Service` of a backend, from its primitives: what every backend shares is added here once.
 *
 * - **Spans** `Storage.<operation>` with `alma.backend`, plus `alma.count` (records saved, read or
 *   deleted: `save`, `getMany`, `delete`, `putRecords`, `deleteRecords`) and `alma.k` (searches).
 * - **Errors** every failure `E` of a primitive becomes `toStorageError(operation, E)`; `get` fails with
 *   `NotFoundError` (entity `memory`) when `getMany` finds nothing; `exclusive` fails with the effect's
 *   own errors unchanged and maps only its own (transaction, lock) failures, as operation `exclusive`.
 *
 * Modelled on `RunnerStorage.makeEncoded` of `@effect/cluster`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = <E>(backend: string, primitives: Primitives<E>): Service => {
  const toStorageError = primitives.toStorageError ??
    ((operation: Operation, cause: E) => new StorageError({ backend, operation, cause }))
  const refail = (operation: Operation) => <A>(effect: Effect.Effect<A, E>): Effect.Effect<A, StorageError> =>
    Effect.mapError(effect, (cause) => toStorageError(operation, cause))
  const span = { attributes: { "alma.backend": backend } }
  /** The primitive as a method: its span, with `attributes` of the call, and its errors mapped. */
  const method = <Args extends Array<unknown>, A>(
    operation: Operation,
    primitive: (...args: Args) => Effect.Effect<A, E>,
    attributes?: (...args: Args) => Record<string, number>
  ): (...args: Args) => Effect.Effect<A, StorageError> =>
    Effect.fn(`Storage.${operation}`, span)((...args: Args) => {
      const effect = refail(operation)(Effect.suspend(() => primitive(...args)))
      if (attributes === undefined) return effect
      return Effect.zipRight(Effect.annotateCurrentSpan(attributes(...args)), effect)
    })
  const isOwn = <E1>(failure: OwnFailure<E1> | E): failure is OwnFailure<E1> => failure instanceof OwnFailure
  const ownFailure = <E1>(error: E1) => new OwnFailure(error)

  return Storage.of({
    backend,
    save: method("save", primitives.save, (records) => ({ "alma.count": records.length })),
    foreignIds: method("foreignIds", primitives.foreignIds),
    exclusive: <A, E1, R>(projectId: string, key: string, effect: Effect.Effect<A, E1, R>) =>
      Effect.suspend(() => primitives.exclusive(projectId, key, Effect.mapError(effect, ownFailure))).pipe(
        Effect.catchAll((failure) =>
          Effect.fail(isOwn(failure) ? failure.error : toStorageError("exclusive", failure))
        ),
        Effect.withSpan("Storage.exclusive", span)
      ),
    get: Effect.fn("Storage.get", { ...span, captureStackTrace: false })((projectId: string, id: MemoryId) =>
      Effect.suspend(() => primitives.getMany(projectId, [id])).pipe(
        refail("get"),
        Effect.flatMap(([found]) =>
          found === undefined ? Effect.fail(new NotFoundError({ entity: "memory", id })) : Effect.succeed(found)
        )
      )
    ),
    getMany: method("getMany", primitives.getMany, (_, ids) => ({ "alma.count": ids.length })),
    vectorSearch: method("vectorSearch", primitives.vectorSearch, (scope) => ({ "alma.k": scope.k })),
    lexicalSearch: method("lexicalSearch", primitives.lexicalSearch, (scope) => ({ "alma.k": scope.k })),
    list: method("list", primitives.list),
    delete: method("delete", primitives.delete, (_, deletions) => ({ "alma.count": deletions.length })),
    auditLog: method("auditLog", primitives.auditLog),
    putRecords: method("putRecords", primitives.putRecords, (records) => ({ "alma.count": records.length })),
    listRecords: method("listRecords", primitives.listRecords),
    deleteRecords: method("deleteRecords", primitives.deleteRecords, (_, __, ids) => ({ "alma.count": ids.length })),
    stats: method("stats", primitives.stats)
  })
}

/**
 * The searchable terms of a text for BM25 (`internal/terms.ts`); re-exported for the backends.
 *
 * @since 0.1.0
 * @category constructors
 */
export { queryTerms } from "../internal/terms.js"
