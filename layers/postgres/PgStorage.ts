/**
 * The PostgreSQL storage backend: memories in one table of a schema of their own (default `alma`),
 * their vectors in a pgvector `vector(d)` column under an HNSW index (cosine), their words in a
 * `tsvector` under a GIN index for BM25 lexical search, the forget audit and the workflow records.
 * Schema changes are versioned migrations, applied once across processes.
 *
 * @since 0.1.0
 */
import * as Reactivity from "@effect/experimental/Reactivity"
import * as PgClient from "@effect/sql-pg/PgClient"
import * as SqlClient from "@effect/sql/SqlClient"
import type { SqlError } from "@effect/sql/SqlError"
import { Config, Effect, Layer, Option, type ParseResult } from "effect"
import { ConfigurationError, StorageError } from "../../src/domain/AlmaError.js"
import * as Embedder from "../../src/services/Embedder.js"
import * as Storage from "../../src/services/Storage.js"
import * as Bulk from "./internal/bulk.js"
import { openPool } from "./internal/connection.js"
import * as Options from "./internal/options.js"
import * as Queries from "./internal/queries.js"
import * as Records from "./internal/records.js"
import * as Tables from "./internal/tables.js"
import { checkSpace, migrate } from "./migrations.js"

export type {
  /** @since 0.1.0 */
  ClientOptions,
  /** @since 0.1.0 */
  Options
} from "./internal/options.js"

const backend = "postgres"

const refail = (operation: string) => <A, E, R>(self: Effect.Effect<A, E, R>): Effect.Effect<A, StorageError, R> =>
  Effect.mapError(self, (cause) => new StorageError({ backend, operation, cause }))

const openFailure = <A, R>(self: Effect.Effect<A, ConfigurationError | { readonly _tag: "SqlError" }, R>) =>
  Effect.catchTag(self, "SqlError", (cause) => Effect.fail(new StorageError({ backend, operation: "open", cause })))

/**
 * Builds the storage over the `PgClient` in context; `copyPool`, the client's own `pg.Pool`, lets
 * large saves use `COPY`.
 */
const build = (options: Options.Resolved, copyPool?: Bulk.CopyPool) =>
  Effect.gen(function*() {
    const sql = yield* PgClient.PgClient
    const embedder = yield* Embedder.Embedder
    const space = { model: embedder.model, dimensions: embedder.dimensions }
    yield* Options.checkDimensions(space)
    const tables = Tables.make(sql, options.schema)
    const context = { sql, tables, space, hnsw: options.hnsw }
    const where = `schema "${options.schema}" of database "${sql.config.database ?? "(default)"}" at ` +
      `${sql.config.host ?? "localhost"}:${sql.config.port ?? 5432}`
    yield* openFailure(migrate(context))
    yield* openFailure(checkSpace(context, where))
    // Connections of `layerWith` have it from their connection parameters; another client may have it
    // from `ALTER DATABASE/ROLE … SET`; otherwise vector searches set it per query.
    const [scan] = yield* sql<{ readonly mode: string | null }>`select current_setting('hnsw.iterative_scan', true)
      as mode`.pipe(refail("open"))
    const iterative = scan?.mode === "relaxed_order" || scan?.mode === "strict_order"
      ? { _tag: "session" as const }
      : { _tag: "local" as const, efSearch: options.hnsw.efSearch }
    const q = Queries.make(sql, tables, space.dimensions, iterative)
    const records = Records.make(sql, tables)
    const bulk = copyPool === undefined ? undefined : Bulk.make(copyPool, sql, tables, space.dimensions)

    return Storage.make<SqlError | ParseResult.ParseError>(backend, {
      save: (batch, options) =>
        Effect.gen(function*() {
          // Audited saves (imports) take the INSERT path, which writes the audit rows in its transaction;
          // so does a save inside a caller's transaction (`exclusive`): COPY runs on a connection of its own.
          const inTransaction = Option.isSome(yield* Effect.serviceOption(SqlClient.TransactionConnection))
          if (bulk !== undefined && batch.length >= Bulk.threshold && options?.audit === undefined && !inTransaction) {
            return yield* bulk.save(batch, q.save)
          }
          yield* q.save(batch, options)
        }),
      foreignIds: q.foreignIds,
      exclusive: q.exclusive,
      getMany: q.getMany,
      vectorSearch: q.vectorSearch,
      lexicalSearch: q.lexicalSearch,
      list: q.list,
      delete: q.delete,
      auditLog: q.auditLog,
      putRecords: records.put,
      listRecords: records.list,
      deleteRecords: records.delete,
      stats: q.stats
    })
  })

/**
 * Builds the PostgreSQL storage on the `PgClient` in context: runs pending migrations in
 * `options.schema` (creating the schema, and the `vector` extension when missing), then checks that
 * the schema's embedding model and dimension are the configured embedder's.
 *
 * **Concurrency** any number of processes may share a schema: writes are transactions, and
 * migrations run once (a database-wide advisory lock), however many processes start at once.
 *
 * **Shape** vectors: `Float32Array` of `Embedder.dimensions` (1–2,000). Searches return up to `k`
 * hits from each (owner, kind) partition; vector distances are cosine distances in [0, 2]; lexical
 * scores are BM25 (k1 1.2, b 0.75, FTS5's IDF floored at 1e-6, no stemming, statistics of the
 * partition: the in-memory backend's formula exactly; larger is better, > 0).
 * **Errors** `ConfigurationError` (`postgres.schema`, `postgres.hnsw.*`, `postgres.vector`: pgvector
 * missing or older than 0.8.0; `embedding_dim` or `embedding_model` differ from the schema's),
 * `StorageError` (migration or I/O failure).
 * **Source** pgvector 0.8 (HNSW, iterative index scans); BM25 as Robertson and Spärck Jones, with
 * the FTS5 defaults (k1 1.2, b 0.75) the SQLite and in-memory backends use.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (
  options: Options.ClientOptions = {}
): Effect.Effect<Storage.Service, ConfigurationError | StorageError, PgClient.PgClient | Embedder.Embedder> =>
  Effect.flatMap(Options.resolve(options), (resolved) => build(resolved))

/**
 * The PostgreSQL storage over the `PgClient` in context. Large saves use multi-row `INSERT`s (COPY
 * needs the pool, which only `layerWith` owns).
 *
 * **Errors** as `make`.
 *
 * @since 0.1.0
 * @category layers
 */
export const layer = (
  options: Options.ClientOptions = {}
): Layer.Layer<Storage.Storage, ConfigurationError | StorageError, PgClient.PgClient | Embedder.Embedder> =>
  Layer.effect(Storage.Storage, make(options))

/**
 * The PostgreSQL storage on its own pool of `poolSize` connections to `options.url`. Every connection
 * starts with `hnsw.iterative_scan = relaxed_order` and `hnsw.ef_search = efSearch` (connection
 * parameters, so a filtered top-k returns k rows with no per-query cost). Saves of 25 memories or more
 * go through binary `COPY`; one of 2,000 or more into a table of at most twice as many rebuilds the
 * HNSW index after the load rather than inserting into it (other sessions wait for the table until
 * it commits; see `internal/bulk.ts` for the measurements).
 *
 * **Errors** as `make`, plus `ConfigurationError` (key `postgres.url`) when the URL is malformed or
 * the server cannot be reached or refuses the login (the message names host and port, never the
 * password), and `postgres.pool_size`.
 *
 * @since 0.1.0
 * @category layers
 */
export const layerWith = (
  options: Options.Options
): Layer.Layer<Storage.Storage, ConfigurationError | StorageError, Embedder.Embedder> =>
  Layer.scoped(
    Storage.Storage,
    Effect.gen(function*() {
      const resolved = yield* Options.resolve(options)
      const connection = yield* Options.resolveConnection(options)
      const { pool } = yield* openPool({ ...connection, efSearch: resolved.hnsw.efSearch })
      const client = yield* PgClient.fromPool({
        acquire: Effect.succeed(pool),
        applicationName: "alma-memory",
        spanAttributes: { "alma.backend": backend }
      }).pipe(refail("open"))
      return yield* build(resolved, pool).pipe(Effect.provideService(PgClient.PgClient, client))
    })
  ).pipe(Layer.provide(Reactivity.layer))

/**
 * `layerWith`, with the options read from configuration.
 *
 * **Errors** as `layerWith`, plus `ConfigurationError` (key `postgres`) when the configuration is
 * missing or invalid.
 *
 * @since 0.1.0
 * @category layers
 */
export const layerConfig = (
  config: Config.Config.Wrap<Options.Options>
): Layer.Layer<Storage.Storage, ConfigurationError | StorageError, Embedder.Embedder> =>
  Layer.unwrapEffect(
    Config.unwrap(config).pipe(
      Effect.mapError((error) =>
        new ConfigurationError({ key: "postgres", description: `invalid PostgreSQL storage configuration: ${error}` })
      ),
      Effect.map(layerWith)
    )
  )
