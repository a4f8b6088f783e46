/**
 * Versioned schema of the PostgreSQL backend (bookkeeping table `alma_migrations` in the storage's
 * schema), the `vector` extension check, and the check that the schema's embeddings match the
 * configured embedder.
 *
 * @since 0.1.0
 */
import type * as SqlClient from "@effect/sql/SqlClient"
import type { SqlError } from "@effect/sql/SqlError"
import { Effect, Schema } from "effect"
import { ConfigurationError } from "../../src/domain/AlmaError.js"
import { checkExtension, ensureExtension } from "./internal/extension.js"
import type * as Tables from "./internal/tables.js"

/**
 * The embedding space a schema is bound to. **Units** `dimensions`: vector length.
 *
 * @since 0.1.0
 * @category models
 */
export interface EmbeddingSpace {
  readonly model: string
  readonly dimensions: number
}

/**
 * HNSW build parameters (pgvector `m`, `ef_construction`); they apply when the index is created.
 *
 * @since 0.1.0
 * @category models
 */
export interface HnswBuild {
  readonly m: number
  readonly efConstruction: number
}

/**
 * What the migrations need: the client, the schema's tables, the embedding space and HNSW build
 * parameters of a new schema.
 *
 * @since 0.1.0
 * @category models
 */
export interface Context {
  readonly sql: SqlClient.SqlClient
  readonly tables: Tables.Tables
  readonly space: EmbeddingSpace
  readonly hnsw: HnswBuild
}

/** The largest dimension whose vectors are stored inline in the row (4 bytes each: 6 KB of an 8 KB page). */
const inlineVectorDimensions = 1500

interface Migration {
  readonly version: number
  readonly name: string
  readonly run: (context: Context) => Effect.Effect<void, SqlError>
}

/**
 * The migrations, in order (append only: a released migration is never edited).
 *
 * 1. `alma_meta` (embedding model and dimension); `memories` with a `vector(d)` column under an HNSW
 *    index (cosine), the words of the searchable text as a `tsvector` (positions, no stemming: see
 *    `internal/rows.ts`) under a GIN index with their count (`search_len`), b-tree indexes on
 *    (project, owner, kind, created_at) (covering `search_len`, for BM25's partition statistics),
 *    (…, task_type, created_at) and (project, created_at);
 *    `forget_audit`; `workflow_records` keyed (project_id, collection, id). Indexes build on the
 *    empty tables, so they never fail for lack of rows.
 * 2. `forget_audit.action`: what the audited write was (`delete`, or `import`), so that imports are
 *    audited too; existing rows are deletions.
 *
 * **Source** pgvector 0.8 HNSW (`vector_cosine_ops`, `m` 16 and `ef_construction` 64 are pgvector's
 * defaults); PostgreSQL `tsvector` and GIN.
 *
 * @since 0.1.0
 * @category constructors
 */
export const migrations: ReadonlyArray<Migration> = [
  {
    version: 1,
    name: "create_memories",
    run: ({ hnsw, space, sql, tables: t }) =>
      Effect.gen(function*() {
        yield* sql`create table ${t.meta} (key text primary key, value text not null)`
        yield* sql`insert into ${t.meta} (key, value) values ('embedding_model', ${space.model}),
          ('embedding_dimensions', ${String(space.dimensions)})`
        // The dimension and HNSW parameters are DDL (no bind parameters there); all were checked to be
        // positive integers.
        yield* sql`create table ${t.memories} (
          seq bigint generated always as identity,
          id text primary key,
          kind text not null,
          project_id text not null,
          owner text not null,
          task_type text,
          created_at timestamptz not null,
          updated_at timestamptz not null,
          body text not null,
          search_tsv tsvector not null,
          search_len integer not null,
          embedding ${sql.literal(`vector(${space.dimensions})`)} not null
        )`
        // Vectors inline in the row (not in the TOAST table): a COPY of 20k × 512-d took 3.3 s instead of
        // 4.4 s, an exact top-10 over a 2,000-row partition 5.8 ms instead of 20 ms
        // (`alma bench latency --config <postgres config>`; formerly src/bench/pg/bulk.ts, commit bf5f598). Up to 1,500 dimensions (6 KB), so that a row always fits a page.
        if (space.dimensions <= inlineVectorDimensions) {
          yield* sql`alter table ${t.memories} alter column embedding set storage plain`
        }
        yield* sql`create index memories_embedding on ${t.memories} using hnsw (embedding vector_cosine_ops)
          with (${sql.literal(`m = ${hnsw.m}, ef_construction = ${hnsw.efConstruction}`)})`
        yield* sql`create index memories_search on ${t.memories} using gin (search_tsv)`
        yield* sql`create index memories_by_partition on ${t.memories} (project_id, owner, kind, created_at)
          include (search_len)`
        yield* sql`create index memories_by_task_type on ${t.memories} (project_id, owner, kind, task_type, created_at)`
        yield* sql`create index memories_by_created on ${t.memories} (project_id, created_at)`
        yield* sql`create table ${t.audit} (
          seq bigint generated always as identity primary key,
          memory_id text not null,
          kind text not null,
          project_id text not null,
          owner text not null,
          reason text not null,
          deleted_at timestamptz not null,
          snapshot text not null
        )`
        yield* sql`create index forget_audit_by_project on ${t.audit} (project_id, deleted_at, seq)`
        yield* sql`create table ${t.records} (
          project_id text not null,
          collection text not null,
          id text not null,
          parent text not null,
          created_at timestamptz not null,
          data text not null,
          primary key (project_id, collection, id)
        )`
        yield* sql`create index workflow_records_by_parent on ${t.records} (project_id, collection, parent, created_at, id)`
      })
  },
  {
    version: 2,
    name: "audit_action",
    run: ({ sql, tables: t }) =>
      // Rows written before this migration are all deletions.
      Effect.asVoid(sql`alter table ${t.audit} add column action text not null default 'delete'`)
  }
]

/**
 * The newest schema version.
 *
 * @since 0.1.0
 * @category constructors
 */
export const latestVersion = Math.max(...migrations.map((m) => m.version))

/** The advisory lock every ALMA migration of a database takes (one key for all schemas, since
 * `create extension` is database-wide). */
const lockKey = "alma-memory/migrate"

const Version = Schema.Array(Schema.Struct({ version: Schema.NullOr(Schema.Number) }))

/** The schema's applied version: 0 when it has no bookkeeping table yet. */
const appliedVersion = ({ sql, tables: t }: Pick<Context, "sql" | "tables">) =>
  Effect.gen(function*() {
    const [found] = yield* sql<{ readonly name: string | null }>`select to_regclass(${t.migrationsName}) as name`
    if (found?.name == null) return 0
    const [row] = yield* sql`select max(version) as version from ${t.migrations}`.pipe(
      Effect.flatMap(Schema.decodeUnknown(Version)),
      Effect.orDie
    )
    return row?.version ?? 0
  })

/**
 * Brings the schema to the latest version, once across processes: a schema already up to date is only
 * read; otherwise one transaction takes a database-wide advisory lock, enables `vector` if missing,
 * creates the schema if missing and applies the pending migrations, so processes starting at once
 * take turns and the later ones find nothing left to do. Then checks pgvector ≥ 0.8.0.
 *
 * **Errors** `ConfigurationError` (key `postgres.vector`: pgvector missing, not enabled and not
 * enableable by this user, or too old; key `postgres.schema`: the schema is missing and this user
 * may not create it), `SqlError` otherwise.
 *
 * @since 0.1.0
 * @category constructors
 */
export const migrate = (context: Context): Effect.Effect<void, ConfigurationError | SqlError> =>
  Effect.gen(function*() {
    const { sql, tables: t } = context
    if ((yield* appliedVersion(context)) < latestVersion) {
      yield* sql.withTransaction(Effect.gen(function*() {
        yield* sql`select pg_advisory_xact_lock(hashtext(${lockKey}))`
        const [user] = yield* sql<{ readonly name: string }>`select current_user as name`
        yield* ensureExtension(sql, user?.name ?? "?")
        const [schema] = yield* sql`select 1 from pg_namespace where nspname = ${t.schemaName}`
        if (schema === undefined) {
          yield* sql`create schema ${t.schema}`.pipe(Effect.catchIf(
            (error) => String((error.cause as { code?: unknown } | undefined)?.code) === "42501",
            () =>
              new ConfigurationError({
                key: "postgres.schema",
                description: `schema "${t.schemaName}" does not exist and user "${user?.name ?? "?"}" may not ` +
                  `create it: create it as its owner (create schema ${t.schemaName} authorization ` +
                  `${user?.name ?? "<user>"};) or grant the user CREATE on the database`
              })
          ))
        }
        yield* sql`create table if not exists ${t.migrations} (
          version integer primary key,
          name text not null,
          applied_at timestamptz not null default now()
        )`
        const applied = yield* appliedVersion(context)
        for (const migration of migrations) {
          if (migration.version <= applied) continue
          yield* migration.run(context)
          yield* sql`insert into ${t.migrations} (version, name) values (${migration.version}, ${migration.name})`
        }
      }))
    }
    yield* checkExtension(sql)
  })

const Meta = Schema.Array(Schema.Struct({ key: Schema.String, value: Schema.String }))

/**
 * Compares the schema's recorded embedding space with the configured one.
 *
 * **Errors** `ConfigurationError`: key `embedding_dim` when the dimensions differ (naming both), key
 * `embedding_model` when only the model differs (vectors of different models are not comparable),
 * key `postgres.schema` when the schema has no embedding metadata.
 *
 * @since 0.1.0
 * @category constructors
 */
export const checkSpace = (
  context: Context,
  where: string
): Effect.Effect<void, ConfigurationError | SqlError> =>
  Effect.gen(function*() {
    const { space: configured, sql, tables: t } = context
    const meta = yield* sql`select key, value from ${t.meta}`.pipe(
      Effect.flatMap(Schema.decodeUnknown(Meta)),
      Effect.orDie
    )
    const value = (key: string) => meta.find((row) => row.key === key)?.value
    const model = value("embedding_model")
    const dimensions = Number(value("embedding_dimensions"))
    if (model === undefined || !Number.isSafeInteger(dimensions)) {
      return yield* new ConfigurationError({
        key: "postgres.schema",
        description: `${where} has no embedding metadata (table alma_meta): it was not created by ALMA or ` +
          "is damaged; choose another schema"
      })
    }
    const fix = "or re-embed: with the old embedder configured, `alma export --out memories.jsonl`; then, " +
      "with the new one and a new schema (option `schema`), `alma import memories.jsonl` (import re-embeds; " +
      "programmatically: Alma.exportMemories / Alma.importMemories)"
    if (dimensions !== configured.dimensions) {
      return yield* new ConfigurationError({
        key: "embedding_dim",
        description: `${where} holds ${dimensions}-dimensional embeddings (model "${model}") but the ` +
          `configured embedder "${configured.model}" produces ${configured.dimensions}-dimensional ones: ` +
          `configure model "${model}" again, use another schema for the new embedder, ${fix}`
      })
    }
    if (model !== configured.model) {
      return yield* new ConfigurationError({
        key: "embedding_model",
        description: `${where} holds embeddings of model "${model}" but the configured embedder is ` +
          `"${configured.model}" (same dimension, ${dimensions}, yet vectors of different models are not ` +
          `comparable): configure model "${model}" again, use another schema for the new embedder, ${fix}`
      })
    }
  })
