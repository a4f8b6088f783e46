/**
 * Versioned schema of the SQLite backend, run by `@effect/sql`'s Migrator (table `alma_migrations`),
 * and the check that the file's embeddings match the configured embedder.
 *
 * @since 0.1.0
 */
import * as Migrator from "@effect/sql/Migrator"
import * as SqlClient from "@effect/sql/SqlClient"
import { Effect, Schema } from "effect"
import { ConfigurationError } from "../../src/domain/AlmaError.js"
import type { MemoryKind } from "../../src/domain/Ids.js"
import { searchText } from "../../src/domain/Memory.js"
import * as Indexes from "./internal/indexes.js"
import { codeBits, MemoryJson } from "./internal/rows.js"
import { moveUserPartitions } from "./internal/sharedUsers.js"

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

/** Memories per step of migration 2's copy. */
const copyChunk = 500

const decodeBody = Schema.decodeUnknown(MemoryJson)

/**
 * The migrations, in order (append only: a released migration is never edited). The vec0 table needs
 * its dimension at creation, so migration 1 takes it from the embedder and records model and
 * dimension in `alma_meta`; later ones read the dimension back from `alma_meta`.
 *
 * 1. `memories`, a vec0 table of float vectors (`memory_vectors`) and one FTS5 table for the file
 *    (`memory_fts`, a partition token per document).
 * 2. Indexes partitioned so that a search costs what its own partitions hold: float vectors move to a
 *    rowid table (`memory_vectors`); vector search scans candidate codes (`memory_codes`, vec0 `bit`
 *    vectors, partitioned per project, owner and kind); the lexical index becomes one FTS5 table per
 *    (project, owner, kind) (`memory_fts_tables` registers them; `memory_fts` becomes a view of all
 *    their rows); list indexes gain `task_type`, and all of them run ascending so that
 *    `created_at desc, seq desc` is a backward index scan.
 * 3. `workflow_records`: checkpoints and artifacts of the Workflows service, keyed
 *    (project, collection, id), listed per (project, collection, parent) newest first.
 * 4. `forget_audit.action`: what the audited write was (`delete`, or `import`), so that imports are
 *    audited too; existing rows are deletions.
 * 5. User owners (`@user/<userId>`, from request input) share one index partition per (project, kind)
 *    instead of an FTS5 table and a vec0 partition each: their entries move there
 *    (`internal/sharedUsers.ts`); a user's searches run over that user's rows alone.
 *
 * **Source** vec0 partition keys and `bit` vectors, FTS5 contentless-delete tables: sqlite-vec 0.1.9,
 * SQLite ≥ 3.43.
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
    }),
    "2_partitioned_indexes": Effect.gen(function*() {
      const sql = yield* SqlClient.SqlClient
      const [stored] = yield* sql<{ readonly value: string }>`select value from alma_meta
        where key = 'embedding_dimensions'`.withoutTransform
      const dimensions = Number(stored?.value)
      // The file's own dimension (checked against the embedder after the migrations).
      if (!Number.isSafeInteger(dimensions) || dimensions <= 0) {
        return yield* Effect.dieMessage(`alma_meta holds no valid embedding_dimensions (${stored?.value})`)
      }
      // Float vectors: out of vec0 (each point read there opens a blob handle on a 1,024-vector chunk)
      // into a rowid table.
      yield* sql`create table memory_vectors_f32 (memory_seq integer primary key, embedding blob not null)`
      yield* sql`insert into memory_vectors_f32 (memory_seq, embedding) select memory_seq, embedding from memory_vectors`
      yield* sql`drop table memory_vectors`
      yield* sql`alter table memory_vectors_f32 rename to memory_vectors`
      yield* sql.unsafe(`create virtual table memory_codes using vec0(
        memory_seq integer primary key,
        part text partition key,
        code bit[${codeBits(dimensions)}]
      )`)
      yield* sql`drop table memory_fts`
      yield* sql`create table memory_fts_tables (
        part text primary key,
        name text not null unique,
        project_id text not null,
        owner text not null,
        kind text not null
      )`
      yield* sql`create view memory_fts as select null as rowid where 0`
      const indexes = Indexes.make(sql, dimensions)
      let after = 0
      while (true) {
        const rows = yield* sql<{
          readonly seq: number
          readonly project_id: string
          readonly owner: string
          readonly kind: MemoryKind
          readonly body: string
          readonly embedding: Uint8Array
        }>`select m.seq as seq, m.project_id as project_id, m.owner as owner, m.kind as kind, m.body as body,
            v.embedding as embedding
          from memories m join memory_vectors v on v.memory_seq = m.seq
          where m.seq > ${after} order by m.seq limit ${copyChunk}`.withoutTransform
        if (rows.length === 0) break
        const entries = yield* Effect.forEach(rows, (row) =>
          Effect.map(decodeBody(row.body), (memory) => ({
            seq: BigInt(row.seq),
            projectId: row.project_id,
            owner: row.owner,
            kind: row.kind,
            embedding: new Float32Array(new Uint8Array(row.embedding).buffer),
            text: searchText(memory)
          })))
        yield* indexes.insertCodes(entries)
        yield* indexes.insertTexts(entries)
        after = rows[rows.length - 1]!.seq
      }
      yield* sql`drop index memories_by_partition`
      yield* sql`drop index memories_by_created`
      yield* sql`create index memories_by_partition on memories (project_id, owner, kind, created_at)`
      yield* sql`create index memories_by_task_type on memories (project_id, owner, kind, task_type, created_at)`
      yield* sql`create index memories_by_created on memories (project_id, created_at)`
    }),
    "3_workflow_records": Effect.gen(function*() {
      const sql = yield* SqlClient.SqlClient
      yield* sql`create table workflow_records (
        project_id text not null,
        collection text not null,
        id text not null,
        parent text not null,
        created_at integer not null,
        data text not null,
        primary key (project_id, collection, id)
      )`
      // Ascending, with the id last: listing a parent's records newest first is a backward index scan.
      yield* sql`create index workflow_records_by_parent on workflow_records
        (project_id, collection, parent, created_at, id)`
    }),
    "4_audit_action": Effect.gen(function*() {
      const sql = yield* SqlClient.SqlClient
      // Rows written before this migration are all deletions.
      yield* sql`alter table forget_audit add column action text not null default 'delete'`
    }),
    "5_shared_user_partitions": Effect.gen(function*() {
      const sql = yield* SqlClient.SqlClient
      const [stored] = yield* sql<{ readonly value: string }>`select value from alma_meta
        where key = 'embedding_dimensions'`.withoutTransform
      const dimensions = Number(stored?.value)
      if (!Number.isSafeInteger(dimensions) || dimensions <= 0) {
        return yield* Effect.dieMessage(`alma_meta holds no valid embedding_dimensions (${stored?.value})`)
      }
      yield* moveUserPartitions(sql, dimensions)
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
  const fix = "or re-embed: with the old embedder configured, `alma export --out memories.jsonl`; then, with " +
    "the new one and a new storage file, `alma import memories.jsonl` (import re-embeds; " +
    "programmatically: Alma.exportMemories / Alma.importMemories)"
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
