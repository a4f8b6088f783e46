/**
 * Where the `latency` suite's stores live: a fresh SQLite file per store size (the default), or, when
 * the configuration file given with `--config` says `storage: postgres`, a fresh PostgreSQL schema per
 * store size (`bench_<time>_<size>`, dropped at the end), over the configured URL, pool size and HNSW
 * parameters. With `cache: redis`, the Redis of the configuration also serves the cache-hit phase.
 *
 * @since 0.1.0
 */
import * as PgClient from "@effect/sql-pg/PgClient"
import { Effect, type Layer, ManagedRuntime, Redacted } from "effect"
import { Redis } from "ioredis"
import { statSync } from "node:fs"
import * as path from "node:path"
import { SqliteStorage } from "alma-memory"
import { PgStorage } from "alma-memory/postgres"
import type { AlmaConfig, Embedder, Storage } from "alma-memory"

/**
 * The storage layer of one store size (it needs the stack's embedder for the vector dimension).
 *
 * @since 0.1.0
 * @category models
 */
export type StorageLayer = Layer.Layer<Storage.Storage, unknown, Embedder.Embedder>

/**
 * One store size's place: its storage layer, its size on disk, and its removal.
 *
 * **Units** `sizeMiB`: MiB (the SQLite file; or the total size of the schema's relations, indexes and
 * TOAST included).
 *
 * @since 0.1.0
 * @category models
 */
export interface Store {
  /** `alma.db` in a fresh folder, or `<schema>` in PostgreSQL. */
  readonly where: string
  readonly storage: StorageLayer
  readonly sizeMiB: () => Promise<number>
  /**
   * Brings the planner's statistics up to date after the seed, outside every timer (PostgreSQL:
   * `ANALYZE` of the memories table, which autovacuum would run within about a minute of a large
   * load; SQLite: nothing, as before). Resolves to whether it did anything.
   */
  readonly analyze: () => Promise<boolean>
  readonly remove: () => Promise<void>
}

/**
 * The Redis of a `cache: redis` configuration, for the cache phase.
 *
 * **Shape** `keyPrefix`: the configured prefix plus `:bench:<time>`, so the run never touches other
 * processes' keys; `clear` deletes every key under it.
 *
 * @since 0.1.0
 * @category models
 */
export interface RedisTarget {
  readonly url: Redacted.Redacted<string>
  readonly keyPrefix: string
  readonly clear: () => Promise<void>
}

/**
 * The backend of a run.
 *
 * **Shape** `settings` goes into the JSON as is (no URL: it may hold a password).
 *
 * @since 0.1.0
 * @category models
 */
export interface Backend {
  readonly storage: "sqlite" | "postgres"
  readonly settings: BackendSettings
  readonly open: (size: number, directory: string) => Promise<Store>
  readonly redis: RedisTarget | undefined
}

/**
 * The backend as recorded in the JSON.
 *
 * @since 0.1.0
 * @category models
 */
export interface BackendSettings {
  readonly storage: "sqlite" | "postgres"
  readonly cache: "off" | "memory and redis"
  readonly schemaPrefix?: string
  readonly poolSize?: number
  readonly hnsw?: { readonly m: number; readonly efConstruction: number; readonly efSearch: number }
  readonly pgVersion?: string
  readonly pgvectorVersion?: string
}

const mib = (bytes: number) => Math.round(bytes / 2 ** 20)

/**
 * SQLite: `alma.db` in the folder of each size (the suite's behaviour before `--config`).
 *
 * @since 0.1.0
 * @category constructors
 */
export const sqlite: Backend = {
  storage: "sqlite",
  settings: { storage: "sqlite", cache: "off" },
  redis: undefined,
  open: async (_size, directory) => {
    const filename = path.join(directory, "alma.db")
    return {
      where: filename,
      storage: SqliteStorage.layerWith({ filename }),
      sizeMiB: async () => mib(statSync(filename).size),
      analyze: async () => false,
      remove: async () => {}
    }
  }
}

/** One SQL statement on a short-lived client (schema drop, sizes, versions). */
const runSql = async <A>(url: Redacted.Redacted<string>, f: (sql: PgClient.PgClient) => Effect.Effect<A, unknown>) => {
  const runtime = ManagedRuntime.make(PgClient.layer({ url, maxConnections: 1 }))
  try {
    return await runtime.runPromise(Effect.flatMap(PgClient.PgClient, f))
  } finally {
    await runtime.dispose()
  }
}

const redisTarget = (config: AlmaConfig.AlmaConfig, stamp: string): RedisTarget | undefined => {
  if (config.cache !== "redis" || config.redis === undefined) return undefined
  const { url, keyPrefix: base } = config.redis
  const keyPrefix = `${base}:bench:${stamp}`
  return {
    url,
    keyPrefix,
    clear: async () => {
      const client = new Redis(Redacted.value(url), { lazyConnect: true, maxRetriesPerRequest: 1 })
      try {
        await client.connect()
        let cursor = "0"
        do {
          const [next, keys] = await client.scan(cursor, "MATCH", `${keyPrefix}:*`, "COUNT", 1000)
          if (keys.length > 0) await client.del(...keys)
          cursor = next
        } while (cursor !== "0")
      } finally {
        client.disconnect()
      }
    }
  }
}

/**
 * The backend a configuration selects: PostgreSQL for `storage: postgres` (the configured `schema` is
 * not used: each size gets `bench_<time>_<size>`), SQLite otherwise (its configured path is not used
 * either: each size gets a fresh file). Only the storage, pool, HNSW and cache settings are taken from
 * the configuration; engine settings stay the suite's (project `bench`, retrieval cache off in the
 * timed phases).
 *
 * **Errors** rejects when PostgreSQL cannot be reached (the versions are read up front).
 *
 * @since 0.1.0
 * @category constructors
 */
export const fromConfig = async (config: AlmaConfig.AlmaConfig | undefined): Promise<Backend> => {
  const stamp = Date.now().toString(36)
  const redis = config === undefined ? undefined : redisTarget(config, stamp)
  const cache = redis === undefined ? "off" as const : "memory and redis" as const
  if (config?.storage !== "postgres" || config.postgres === undefined) {
    return { ...sqlite, settings: { ...sqlite.settings, cache }, redis }
  }
  const pg = config.postgres
  const schemaPrefix = `bench_${stamp}`
  const versions = await runSql(pg.url, (sql) =>
    sql<{ readonly pg: string; readonly vector: string | null }>`select current_setting('server_version') as pg,
      (select coalesce(
        (select extversion from pg_extension where extname = 'vector'),
        (select default_version from pg_available_extensions where name = 'vector'))) as vector`)
  return {
    storage: "postgres",
    settings: {
      storage: "postgres",
      cache,
      schemaPrefix,
      poolSize: pg.poolSize,
      hnsw: pg.hnsw,
      pgVersion: versions[0]?.pg ?? "unknown",
      pgvectorVersion: versions[0]?.vector ?? "unknown"
    },
    redis,
    open: async (size) => {
      const schema = `${schemaPrefix}_${size}`
      return {
        where: schema,
        storage: PgStorage.layerWith({ url: pg.url, schema, poolSize: pg.poolSize, hnsw: pg.hnsw }),
        sizeMiB: () =>
          runSql(pg.url, (sql) =>
            sql<{ readonly bytes: string }>`select coalesce(sum(pg_total_relation_size(c.oid)), 0)::text as bytes
              from pg_class c join pg_namespace n on n.oid = c.relnamespace
              where n.nspname = ${schema} and c.relkind in ('r', 'm')`).then((rows) => mib(Number(rows[0]?.bytes ?? 0))),
        analyze: () => runSql(pg.url, (sql) => sql`analyze ${sql(`${schema}.memories`)}`).then(() => true),
        remove: () => runSql(pg.url, (sql) => sql`drop schema if exists ${sql(schema)} cascade`).then(() => undefined)
      }
    }
  }
}
