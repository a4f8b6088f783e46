/**
 * The SQLite storage backend: one file holding memories (JSON rows), their vectors (sqlite-vec vec0,
 * partitioned per project, owner and kind), a lexical index (FTS5, porter stemming), the forget
 * audit and the workflow records (checkpoints, artifacts). Schema changes are versioned migrations.
 *
 * @since 0.1.0
 */
import * as Reactivity from "@effect/experimental/Reactivity"
import * as FileSystem from "@effect/platform/FileSystem"
import * as Path from "@effect/platform/Path"
import * as NodeFileSystem from "@effect/platform-node/NodeFileSystem"
import * as NodePath from "@effect/platform-node/NodePath"
import * as Migrator from "@effect/sql/Migrator"
import * as SqlClient from "@effect/sql/SqlClient"
import type { SqlError } from "@effect/sql/SqlError"
import * as SqliteClient from "@effect/sql-sqlite-node/SqliteClient"
import { Config, Context, Effect, Layer, type ParseResult, Schema } from "effect"
import * as sqliteVec from "sqlite-vec"
import { ConfigurationError, type StorageError } from "../../src/domain/AlmaError.js"
import * as Embedder from "../../src/services/Embedder.js"
import * as Storage from "../../src/services/Storage.js"
import { cooperative, yieldToEventLoop } from "./internal/cooperative.js"
import { storageError } from "./internal/errors.js"
import * as Queries from "./internal/queries.js"
import * as Records from "./internal/records.js"
import { isBusy, makeWriteTransaction } from "./internal/transaction.js"
import { checkSpace, type EmbeddingSpace, loader, migrationsTable, validateSpace } from "./migrations.js"

const backend = "sqlite"

/** Maps failures to StorageError, after letting the event loop turn (see internal/cooperative.ts). */
const refail = (operation: string) => <A, E, R>(self: Effect.Effect<A, E, R>): Effect.Effect<A, StorageError, R> =>
  Effect.zipRight(yieldToEventLoop, self).pipe(
    Effect.mapError((cause) => storageError(operation, cause))
  )

const runMigrations = Migrator.make({})

/**
 * Further attempts at the migration lock after one has waited the whole busy timeout in vain (another
 * process migrating a large file): with the 5 s timeout of `layerWith`, about a minute in all.
 */
const migrationLockRetries = 11

/**
 * Runs the pending migrations, once across processes. A file whose migrations are all applied is
 * only read (no lock: opening never waits for a writer). Otherwise the check and the migrations run
 * in one `BEGIN IMMEDIATE` transaction: processes opening the same new file at once take turns on the
 * write lock, the first migrates, the others then find nothing left to do (without the lock they
 * would all see no migrations, and all but one would give up half way and find no `alma_meta`).
 */
const migrate = (space: EmbeddingSpace) =>
  Effect.gen(function*() {
    const sql = yield* SqlClient.SqlClient
    const migrations = yield* loader(space).pipe(refail("migrate"))
    const latest = Math.max(0, ...migrations.map(([id]) => id))
    const applied = yield* sql<{ readonly id: number | null }>`select max(migration_id) as id from ${
      sql(migrationsTable)
    }`.withoutTransform.pipe(
      Effect.map(([row]) => row?.id ?? 0),
      // No bookkeeping table yet (a new file): the locked path below creates it.
      Effect.orElseSucceed(() => 0)
    )
    if (applied >= latest) return
    yield* makeWriteTransaction(sql)(runMigrations({ loader: loader(space), table: migrationsTable })).pipe(
      Effect.retry({ times: migrationLockRetries, while: isBusy }),
      refail("migrate"),
      // The Migrator turns a failing migration into a defect; it is still a storage failure to the caller.
      Effect.catchAllDefect((cause) => Effect.fail(storageError("migrate", cause)))
    )
  })

const MetaRows = Schema.Array(Schema.Struct({ key: Schema.String, value: Schema.String }))

const openDatabase = (space: EmbeddingSpace) =>
  Effect.gen(function*() {
    const sql = yield* SqlClient.SqlClient
    yield* sql`select vec_version() as version`.withoutTransform.pipe(
      Effect.mapError((error) =>
        String(error.cause).includes("no such function")
          ? new ConfigurationError({
            key: "sqlite_vec",
            description: "the sqlite-vec extension is not loaded on this SQLite connection: use " +
              "SqliteStorage.layerWith, or load sqliteVec.getLoadablePath() into the SqliteClient before " +
              "building SqliteStorage.layer"
          })
          : storageError("open", error)
      )
    )
    yield* migrate(space)
    const [main] = yield* sql<{ readonly file: string }>`select file from pragma_database_list where name = 'main'`
      .withoutTransform.pipe(refail("open"))
    const file = main?.file ? main.file : ":memory:"
    const meta = yield* sql`select key, value from alma_meta`.withoutTransform.pipe(
      Effect.flatMap(Schema.decodeUnknown(MetaRows)),
      refail("open")
    )
    const value = (key: string) => meta.find((row) => row.key === key)?.value
    const model = value("embedding_model")
    const dimensions = Number(value("embedding_dimensions"))
    if (model === undefined || !Number.isSafeInteger(dimensions)) {
      return yield* new ConfigurationError({
        key: "storage_file",
        description: `database ${file} has no embedding metadata (table alma_meta): it was not created by ` +
          "ALMA or is damaged; point storage at a new file"
      })
    }
    yield* checkSpace(file, { model, dimensions }, space)
  })

/**
 * Builds the SQLite storage on the `SqlClient` in context: loads nothing itself, so the client must
 * already have sqlite-vec loaded (as `layerWith` does). Runs pending migrations, then checks that the
 * file's embedding model and dimension are the configured embedder's.
 *
 * **Concurrency** several processes may use one file. Saves and deletes begin with `BEGIN IMMEDIATE`,
 * so a writer waits for another's write lock (up to the connection's busy timeout) instead of failing;
 * reads never wait (WAL). Migrations run under the write lock, once, however many processes open a
 * new file at the same time.
 *
 * **Shape** vectors: `Float32Array` of `Embedder.dimensions`; searches run one query per
 * (owner, kind) partition and return up to `k` hits from each (`k` is capped at 4,096, sqlite-vec's limit).
 * **Errors** `ConfigurationError` (`sqlite_vec` not loaded; `embedding_dim` or `embedding_model` differ
 * from the file's; `storage_file` not an ALMA file), `StorageError` (migration or I/O failure).
 * **Source** sqlite-vec 0.1.9 vec0 partition keys; SQLite FTS5 `bm25()`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make: Effect.Effect<
  Storage.Service,
  ConfigurationError | StorageError,
  SqlClient.SqlClient | Embedder.Embedder
> = Effect.gen(function*() {
  const sql = yield* SqlClient.SqlClient
  const embedder = yield* Embedder.Embedder
  const space: EmbeddingSpace = { model: embedder.model, dimensions: embedder.dimensions }
  yield* validateSpace(space)
  yield* openDatabase(space)
  const q = Queries.make(sql, space.dimensions)
  const records = Records.make(sql)

  // Every operation but `exclusive` first lets the event loop turn (internal/cooperative.ts).
  return Storage.make<SqlError | ParseResult.ParseError>(backend, {
    toStorageError: storageError,
    save: cooperative(q.save),
    foreignIds: cooperative(q.foreignIds),
    exclusive: (_projectId, _key, effect) => q.exclusive(effect),
    getMany: cooperative(q.getMany),
    vectorSearch: cooperative(q.vectorSearch),
    lexicalSearch: cooperative(q.lexicalSearch),
    list: cooperative(q.list),
    delete: cooperative(q.delete),
    auditLog: cooperative(q.auditLog),
    putRecords: cooperative(records.putRecords),
    listRecords: cooperative(records.listRecords),
    deleteRecords: cooperative(records.deleteRecords),
    stats: cooperative(q.stats)
  })
})

/**
 * The SQLite storage over the `SqlClient` in context (a `SqliteClient` with sqlite-vec loaded). It leaves
 * the connection's settings alone; `layerWith` also sets `PRAGMA mmap_size` (about a third off vector
 * search and off fetching the hits), a 5 s busy timeout, and gives new files 8 KiB pages.
 *
 * **Errors** as `make`.
 *
 * @since 0.1.0
 * @category layers
 */
export const layer: Layer.Layer<
  Storage.Storage,
  ConfigurationError | StorageError,
  SqlClient.SqlClient | Embedder.Embedder
> = Layer.effect(Storage.Storage, make)

/**
 * Options of `layerWith`.
 *
 * **Shape** `filename`: path of the database file (its directory is created if missing), or `:memory:`.
 *
 * @since 0.1.0
 * @category models
 */
export interface Options {
  readonly filename: string
}

const ensureDirectory = (filename: string) =>
  Effect.gen(function*() {
    if (filename === "" || filename === ":memory:" || filename.startsWith("file:")) return
    const fs = yield* FileSystem.FileSystem
    const path = yield* Path.Path
    yield* fs.makeDirectory(path.dirname(path.resolve(filename)), { recursive: true })
  })

/** 1 GiB of address space for memory-mapped reads (SQLite caps it at its compile-time maximum). */
const mmapSize = 1024 * 1024 * 1024

/**
 * Page size of new files. A 512-d float32 vector row takes just over 2 KiB, so a 4 KiB page (SQLite's
 * default) holds one; 8 KiB pages hold three (the benchmark file: 388 instead of 530 MiB).
 */
const newFilePageSize = 8192

/**
 * How long a statement waits for a lock another connection (process) holds before failing with
 * `SQLITE_BUSY`: a write transaction waits this long for the write lock.
 */
const busyTimeoutMillis = 5000

/**
 * Sets the journal of a connection opened without one: a new, empty file first gets
 * `newFilePageSize` pages (once written, a file keeps its page size), then every file goes to WAL
 * (persistent: a file already in WAL stays so). Nothing here rewrites a file, so any number of
 * processes can open the same new file at once: the first to write it fixes its page size, the others
 * find it written. (Vacuuming an empty WAL file into new pages instead needs it to leave WAL, which
 * fails while another process has the file open: it then kept 4 KiB pages.)
 */
const openJournal = (client: SqliteClient.SqliteClient) =>
  Effect.gen(function*() {
    const [pages] = yield* client<{ readonly page_count: number }>`pragma page_count`.withoutTransform
    if (pages?.page_count === 0) yield* client.unsafe(`pragma page_size = ${newFilePageSize}`)
    yield* client.unsafe("pragma journal_mode = wal")
  })

const clientLayer = (options: Options): Layer.Layer<SqliteClient.SqliteClient | SqlClient.SqlClient, StorageError> =>
  Layer.scopedContext(Effect.gen(function*() {
    yield* ensureDirectory(options.filename).pipe(refail("open"))
    // Without the client's own switch to WAL, which would fix a new file's page size first.
    const client = yield* SqliteClient.make({
      filename: options.filename,
      disableWAL: true,
      spanAttributes: { "alma.backend": backend }
    }).pipe(
      // better-sqlite3 throws synchronously on an unopenable file; that is an I/O failure, not a bug.
      Effect.catchAllDefect((cause) => Effect.fail(storageError("open", cause)))
    )
    yield* client.unsafe(`pragma busy_timeout = ${busyTimeoutMillis}`).pipe(refail("open"))
    yield* client.loadExtension(sqliteVec.getLoadablePath()).pipe(refail("loadExtension"))
    yield* openJournal(client).pipe(refail("open"))
    // vec0 scans whole partitions of candidate codes: memory-mapped reads take about a third off vector
    // search and off fetching the hits (BENCHMARKS.md).
    yield* client.unsafe(`pragma mmap_size = ${mmapSize}`).pipe(refail("open"))
    return Context.make(SqliteClient.SqliteClient, client).pipe(Context.add(SqlClient.SqlClient, client))
  })).pipe(Layer.provide([Reactivity.layer, NodeFileSystem.layer, NodePath.layer]))

/**
 * The SQLite storage on its own single-connection client for `options.filename` (WAL journal),
 * with sqlite-vec loaded.
 *
 * **Errors** as `make`, plus `StorageError` (operation `open` or `loadExtension`) when the file cannot
 * be opened or the extension cannot be loaded.
 *
 * @since 0.1.0
 * @category layers
 */
export const layerWith = (
  options: Options
): Layer.Layer<Storage.Storage, ConfigurationError | StorageError, Embedder.Embedder> =>
  layer.pipe(Layer.provide(clientLayer(options)))

/**
 * `layerWith`, with the options read from configuration.
 *
 * **Errors** as `layerWith`, plus `ConfigurationError` (key `sqlite`) when the configuration is missing
 * or invalid.
 *
 * @since 0.1.0
 * @category layers
 */
export const layerConfig = (
  config: Config.Config.Wrap<Options>
): Layer.Layer<Storage.Storage, ConfigurationError | StorageError, Embedder.Embedder> =>
  Layer.unwrapEffect(
    Config.unwrap(config).pipe(
      Effect.mapError((error) =>
        new ConfigurationError({ key: "sqlite", description: `invalid SQLite storage configuration: ${error}` })
      ),
      Effect.map(layerWith)
    )
  )
