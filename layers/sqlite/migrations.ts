/**
 * Versioned schema of the SQLite backend, run by `@effect/sql`'s Migrator (table `alma_migrations`),
 * and the check that the file's embeddings match the configured embedder.
 *
 * @since 0.1.0
 */
import * as Migrator from "@effect/sql/Migrator"
import * as SqlClient from "@effect/sql/SqlClient"
import { Effect } from "effect"
import { ConfigurationError } from "../../src/domain/AlmaError.js"

/**
 * The embedding space a database file is bound to.
 *
 * **Units** `dimensions`: vector length.
 *
 * @since 0.1.0
 * @category models
 */
export interface EmbeddingSpace {
  readonly model: string
  readonly dimensions: number
}

/**
 * Name of the Migrator's bookkeeping table.
 *
 * @since 0.1.0
 * @category models
 */
export const migrationsTable = "alma_migrations"

/**
 * The migrations, in order. The vec0 table needs its dimension at creation, so migration 1 takes it
 * from the embedder and records model and dimension in `alma_meta`.
 *
 * **Source** vec0 partition keys and FTS5 contentless-delete tables: sqlite-vec 0.1.9, SQLite ≥ 3.43.
 *
 * @since 0.1.0
 * @category constructors
 */
export const loader = (space: EmbeddingSpace): Migrator.Loader =>
  Migrator.fromRecord({
    "1_create_memories": Effect.gen(function*() {
      const sql = yield* SqlClient.SqlClient
      yield* sql`create table alma_meta (key text primary key, value text not null)`
      yield* sql`insert into alma_meta (key, value) values ('embedding_model', ${space.model}),
        ('embedding_dimensions', ${String(space.dimensions)})`
      yield* sql`create table memories (
        seq integer primary key,
        id text not null unique,
        kind text not null,
        project_id text not null,
        owner text not null,
        task_type text,
        created_at integer not null,
        updated_at integer not null,
        body text not null
      )`
      yield* sql`create index memories_by_partition on memories (project_id, owner, kind, created_at desc)`
      yield* sql`create index memories_by_created on memories (project_id, created_at desc)`
      // The dimension is part of the DDL (no bind parameters there); it was checked to be a positive integer.
      yield* sql.unsafe(`create virtual table memory_vectors using vec0(
        memory_seq integer primary key,
        part text partition key,
        embedding float[${space.dimensions}] distance_metric=cosine
      )`)
      yield* sql`create virtual table memory_fts using fts5(
        words, part, tokenize = 'porter unicode61', content = '', contentless_delete = 1
      )`
      yield* sql`create table forget_audit (
        seq integer primary key,
        memory_id text not null,
        kind text not null,
        project_id text not null,
        owner text not null,
        reason text not null,
        deleted_at integer not null,
        snapshot text not null
      )`
      yield* sql`create index forget_audit_by_project on forget_audit (project_id, deleted_at desc)`
    })
  })

/**
 * Checks that `space` can be stored at all (a positive integer dimension).
 *
 * **Errors** `ConfigurationError` (key `embedding_dim`).
 *
 * @since 0.1.0
 * @category constructors
 */
export const validateSpace = (space: EmbeddingSpace): Effect.Effect<void, ConfigurationError> =>
  Number.isSafeInteger(space.dimensions) && space.dimensions > 0
    ? Effect.void
    : Effect.fail(
      new ConfigurationError({
        key: "embedding_dim",
        description: `the embedder "${space.model}" reports ${space.dimensions} dimensions; ` +
          "a vector store needs a positive integer dimension: fix the embedder configuration"
      })
    )

/**
 * Compares the embedding space recorded in the file with the configured one.
 *
 * **Errors** `ConfigurationError`: key `embedding_dim` when the dimensions differ (naming both), key
 * `embedding_model` when only the model differs (vectors of different models are not comparable).
 *
 * @since 0.1.0
 * @category constructors
 */
export const checkSpace = (
  file: string,
  stored: EmbeddingSpace,
  configured: EmbeddingSpace
): Effect.Effect<void, ConfigurationError> => {
  const fix = "re-embed the stored memories with `alma reembed`, or point storage at a new file"
  if (stored.dimensions !== configured.dimensions) {
    return Effect.fail(
      new ConfigurationError({
        key: "embedding_dim",
        description: `database ${file} holds ${stored.dimensions}-dimensional embeddings ` +
          `(model "${stored.model}") but the configured embedder "${configured.model}" produces ` +
          `${configured.dimensions}-dimensional ones: configure model "${stored.model}" again, ${fix}`
      })
    )
  }
  if (stored.model !== configured.model) {
    return Effect.fail(
      new ConfigurationError({
        key: "embedding_model",
        description: `database ${file} holds embeddings of model "${stored.model}" but the configured ` +
          `embedder is "${configured.model}" (same dimension, ${configured.dimensions}, yet vectors of ` +
          `different models are not comparable): configure model "${stored.model}" again, ${fix}`
      })
    )
  }
  return Effect.void
}
