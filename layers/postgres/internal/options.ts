/**
 * Options of the PostgreSQL backend, their defaults and their checks.
 *
 * @since 0.1.0
 */
import { Effect, Redacted } from "effect"
import { ConfigurationError } from "../../../src/domain/AlmaError.js"
import { isSchemaName } from "./tables.js"

/**
 * Options of `PgStorage.make` / `PgStorage.layer`, over a `PgClient` the caller owns.
 *
 * **Shape** `schema`: where every table lives (created if missing; default `alma`), lower-case letters,
 * digits and `_`; `hnsw.m`, `hnsw.efConstruction`: HNSW build parameters, used when the schema is
 * created (defaults 16 and 64, pgvector's); `hnsw.efSearch`: candidates per HNSW scan (default 40,
 * pgvector's), set per query when the client's connections do not already set it.
 *
 * @since 0.1.0
 * @category models
 */
export interface ClientOptions {
  readonly schema?: string | undefined
  readonly hnsw?: {
    readonly m?: number | undefined
    readonly efConstruction?: number | undefined
    readonly efSearch?: number | undefined
  } | undefined
}

/**
 * Options of `PgStorage.layerWith`: `ClientOptions` plus the connection.
 *
 * **Shape** `url`: `postgres://user:password@host:port/database` (a `Redacted` keeps the password out
 * of logs; no error message ever repeats it); `poolSize`: connections (default 10).
 *
 * @since 0.1.0
 * @category models
 */
export interface Options extends ClientOptions {
  readonly url: string | Redacted.Redacted<string>
  readonly poolSize?: number | undefined
}

/**
 * Options with every default filled in and checked.
 *
 * @since 0.1.0
 * @category models
 */
export interface Resolved {
  readonly schema: string
  readonly hnsw: { readonly m: number; readonly efConstruction: number; readonly efSearch: number }
}

/** Defaults: pgvector's own for HNSW (m 16, ef_construction 64, ef_search 40); a pool of 10. */
const defaults = { schema: "alma", m: 16, efConstruction: 64, efSearch: 40, poolSize: 10 }

const integerIn = (key: string, value: number, min: number, max: number, meaning: string) =>
  Number.isSafeInteger(value) && value >= min && value <= max ? Effect.void : Effect.fail(
    new ConfigurationError({
      key,
      description: `${meaning} must be an integer from ${min} to ${max}, got ${value}`
    })
  )

/**
 * Fills in and checks the options (pgvector's bounds for HNSW: m 2–100, ef_construction 4–1000 and at
 * least 2 × m, ef_search 1–1000).
 *
 * **Errors** `ConfigurationError` naming the option (`postgres.schema`, `postgres.hnsw.m`, …).
 *
 * @since 0.1.0
 * @category constructors
 */
export const resolve = (options: ClientOptions): Effect.Effect<Resolved, ConfigurationError> =>
  Effect.gen(function*() {
    const schema = options.schema ?? defaults.schema
    if (!isSchemaName(schema)) {
      return yield* new ConfigurationError({
        key: "postgres.schema",
        description: `schema name "${schema}" is not allowed: use 1 to 63 lower-case letters, digits and ` +
          "underscores, not starting with a digit (e.g. alma, alma_test)"
      })
    }
    const m = options.hnsw?.m ?? defaults.m
    const efConstruction = options.hnsw?.efConstruction ?? defaults.efConstruction
    const efSearch = options.hnsw?.efSearch ?? defaults.efSearch
    yield* integerIn("postgres.hnsw.m", m, 2, 100, "HNSW m (links per node)")
    yield* integerIn(
      "postgres.hnsw.efConstruction",
      efConstruction,
      Math.max(4, 2 * m),
      1000,
      "HNSW efConstruction (at least 2 × m)"
    )
    yield* integerIn("postgres.hnsw.efSearch", efSearch, 1, 1000, "HNSW efSearch (candidates per scan)")
    return { schema, hnsw: { m, efConstruction, efSearch } }
  })

/**
 * The connection options of `layerWith`, checked: the URL as `Redacted`, the pool size.
 *
 * **Errors** `ConfigurationError` (key `postgres.pool_size`) for a pool size outside 1–1000.
 *
 * @since 0.1.0
 * @category constructors
 */
export const resolveConnection = (options: Options) =>
  Effect.gen(function*() {
    const poolSize = options.poolSize ?? defaults.poolSize
    yield* integerIn("postgres.pool_size", poolSize, 1, 1000, "the connection pool size")
    const url = Redacted.isRedacted(options.url) ? options.url : Redacted.make(options.url)
    return { url, poolSize }
  })

/** pgvector indexes `vector` columns of at most 2,000 dimensions with HNSW. */
const maxIndexedDimensions = 2000

/**
 * Checks that the embedder's vectors can be stored and indexed.
 *
 * **Errors** `ConfigurationError` (key `embedding_dim`) for a dimension that is not an integer from 1
 * to 2,000 (pgvector's HNSW limit for `vector`).
 *
 * @since 0.1.0
 * @category constructors
 */
export const checkDimensions = (space: { readonly model: string; readonly dimensions: number }) =>
  Number.isSafeInteger(space.dimensions) && space.dimensions > 0 && space.dimensions <= maxIndexedDimensions
    ? Effect.void
    : Effect.fail(
      new ConfigurationError({
        key: "embedding_dim",
        description: `the embedder "${space.model}" reports ${space.dimensions} dimensions; PostgreSQL ` +
          `storage needs an integer from 1 to ${maxIndexedDimensions} (pgvector's HNSW limit): configure ` +
          "an embedder with fewer dimensions"
      })
    )
