/**
 * Ready-made ALMA stacks: the engine services over any Storage and Embedder, and full stacks on the
 * embedded default (SQLite + the local sentence encoder), in memory, or from a configuration file.
 *
 * @since 0.1.0
 */
import { Duration, Effect, Layer } from "effect"
import type { AlmaConfig } from "../config/AlmaConfig.js"
import { loadConfigOrDefault } from "../config/AlmaConfig.js"
import * as HashEmbedder from "../layers/embedders/HashEmbedder.js"
import * as LocalEmbedder from "../layers/embedders/LocalEmbedder.js"
import * as TransformersEmbedder from "../layers/embedders/TransformersEmbedder.js"
import * as MemoryStorage from "../layers/memory/MemoryStorage.js"
import * as SqliteStorage from "../layers/sqlite/SqliteStorage.js"
import type { AgentScope } from "./domain/AgentScope.js"
import type { ConfigurationError, EmbeddingError, StorageError } from "./domain/AlmaError.js"
import * as Advisor from "./services/Advisor.js"
import * as AlmaService from "./services/Alma.js"
import * as Consolidator from "./services/Consolidator.js"
import * as Embedder from "./services/Embedder.js"
import * as Forgetter from "./services/Forgetter.js"
import * as Learner from "./services/Learner.js"
import * as MemoryCache from "./services/MemoryCache.js"
import * as MemoryScope from "./services/MemoryScope.js"
import * as Retriever from "./services/Retriever.js"
import type * as Storage from "./services/Storage.js"
import * as Workflows from "./services/Workflows.js"

/**
 * Engine settings (everything but the storage and embedder choice).
 *
 * @since 0.1.0
 * @category models
 */
export interface EngineOptions {
  readonly projectId?: string | undefined
  readonly agents?: ReadonlyArray<AgentScope> | undefined
  readonly allowUnknownAgents?: boolean | undefined
  /** Agents `registerAgent` may add per project (default 100; see `MemoryScope.Options`). */
  readonly maxRegisteredAgents?: number | undefined
  readonly retrieval?: Omit<Retriever.Options, "projectId"> | undefined
  readonly cache?: MemoryCache.Options | undefined
  readonly learning?: Omit<Learner.Options, "projectId"> | undefined
  readonly forgetting?: Omit<Forgetter.Options, "projectId"> | undefined
}

/**
 * Every service ALMA provides.
 *
 * @since 0.1.0
 * @category models
 */
export type Services =
  | AlmaService.Alma
  | Workflows.Workflows
  | Consolidator.Consolidator
  | Advisor.Advisor
  | Retriever.Retriever
  | Learner.Learner
  | Forgetter.Forgetter
  | MemoryScope.MemoryScope
  | MemoryCache.MemoryCache
  | Storage.Storage
  | Embedder.Embedder

/**
 * One project's engine over a Storage, an Embedder and a MemoryCache left open: MemoryScope,
 * Retriever, Learner, Forgetter, Workflows, Consolidator, Advisor and the Alma service. A server builds one per project over shared
 * Storage, Embedder and cache (cache keys carry the project).
 *
 * @since 0.1.0
 * @category layers
 */
export const layerProject = (options: Omit<EngineOptions, "cache"> = {}) => {
  const projectId = options.projectId ?? "default"
  return Layer.mergeAll(
    AlmaService.layer({ projectId }),
    Workflows.layer({ projectId }),
    Consolidator.layer({ projectId }),
    // Default thresholds: the only failure (a threshold out of range) cannot happen here.
    Layer.orDie(Advisor.layer({ projectId }))
  ).pipe(
    Layer.provideMerge(
      Layer.mergeAll(
        Retriever.layer({ projectId, ...options.retrieval }),
        Learner.layer({ projectId, ...options.learning }),
        Forgetter.layer({ projectId, ...options.forgetting })
      )
    ),
    Layer.provideMerge(
      MemoryScope.layer({
        scopes: options.agents ?? [],
        allowUnknownAgents: options.allowUnknownAgents,
        maxRegisteredAgents: options.maxRegisteredAgents
      })
    )
  )
}

/**
 * The engine over a Storage and an Embedder left open: {@link layerProject} with an in-process
 * MemoryCache.
 *
 * @since 0.1.0
 * @category layers
 */
export const layerEngine = (options: EngineOptions = {}) =>
  layerProject(options).pipe(Layer.provideMerge(MemoryCache.layer(options.cache)))

/**
 * A full stack over the given storage and embedder layers. The embedder gets an embedding cache of
 * `embeddingCacheSize` entries (default 10,000; 0 disables it).
 *
 * @since 0.1.0
 * @category layers
 */
export const layerWith = <E1, R1, E2, R2>(
  storage: Layer.Layer<Storage.Storage, E1, R1 | Embedder.Embedder>,
  embedder: Layer.Layer<Embedder.Embedder, E2, R2>,
  options: EngineOptions & { readonly embeddingCacheSize?: number | undefined } = {}
): Layer.Layer<Services, E1 | E2, Exclude<R1, Embedder.Embedder> | R2> =>
  layerEngine(options).pipe(
    Layer.provideMerge(storage),
    Layer.provideMerge(
      options.embeddingCacheSize === 0 ? embedder : Embedder.withCache({ capacity: options.embeddingCacheSize ?? 10_000 })(embedder)
    )
  )

/**
 * In-memory stack for tests: MemoryStorage and, unless another is given, the deterministic
 * HashEmbedder (256 dims).
 *
 * @since 0.1.0
 * @category layers
 */
export const layerInMemory = (
  options: EngineOptions & { readonly embedder?: Layer.Layer<Embedder.Embedder> | undefined } = {}
): Layer.Layer<Services> => layerWith(MemoryStorage.layer, options.embedder ?? HashEmbedder.layer, options)

/**
 * The embedded default: SQLite (+ sqlite-vec + FTS5) in `filename`, with the local Universal Sentence
 * Encoder Lite (512 dims, offline) unless another embedder is given.
 *
 * @since 0.1.0
 * @category layers
 */
export const layerSqlite = <E = never>(
  options: EngineOptions & {
    readonly filename: string
    readonly embedder?: Layer.Layer<Embedder.Embedder, E> | undefined
  }
): Layer.Layer<Services, ConfigurationError | StorageError | EmbeddingError | E> =>
  layerWith<ConfigurationError | StorageError, never, ConfigurationError | EmbeddingError | E, never>(
    SqliteStorage.layerWith({ filename: options.filename }),
    options.embedder ?? LocalEmbedder.layer,
    options
  )

/**
 * The embedder a configuration selects.
 *
 * @since 0.1.0
 * @category layers
 */
export const embedderFromConfig = (
  config: AlmaConfig
): Layer.Layer<Embedder.Embedder, ConfigurationError | EmbeddingError> => {
  const e = config.embedding
  switch (e.provider) {
    case "hash":
      return HashEmbedder.layerWith({ dimensions: e.dimensions })
    case "transformers":
      return TransformersEmbedder.layerWith({
        ...(e.model !== undefined ? { model: e.model } : {}),
        ...(e.modelDir !== undefined ? { localModelPath: e.modelDir, allowRemoteModels: false } : {}),
        ...(e.dimensions !== undefined ? { dimensions: e.dimensions } : {})
      })
    case "local":
      return LocalEmbedder.layer
  }
}

/**
 * Engine options a configuration selects.
 *
 * @since 0.1.0
 * @category constructors
 */
export const engineOptions = (config: AlmaConfig): EngineOptions & { readonly embeddingCacheSize: number } => ({
  projectId: config.projectId,
  agents: config.agents,
  allowUnknownAgents: config.allowUnknownAgents,
  maxRegisteredAgents: config.maxRegisteredAgents,
  retrieval: config.retrieval,
  cache: {
    timeToLive: Duration.seconds(config.retrieval.cacheTtlSeconds),
    capacity: config.retrieval.cacheMaxEntries
  },
  learning: { ...config.learning, onFlagged: config.safety.onFlagged },
  forgetting: {
    olderThanDays: config.forgetting.olderThanDays,
    belowConfidence: config.forgetting.belowConfidence,
    halfLifeDays: config.forgetting.halfLifeDays
  },
  embeddingCacheSize: config.embedding.cacheSize
})

/**
 * The storage a configuration selects (needs an Embedder for the vector dimension).
 *
 * @since 0.1.0
 * @category layers
 */
export const storageFromConfig = (
  config: AlmaConfig
): Layer.Layer<Storage.Storage, ConfigurationError | StorageError, Embedder.Embedder> => {
  switch (config.storage) {
    case "memory":
      return MemoryStorage.layer
    case "sqlite":
      return SqliteStorage.layerWith({ filename: config.sqlitePath })
    case "postgres": {
      // The resolver guarantees the mapping with storage: postgres.
      const pg = config.postgres!
      // Loaded on demand, so that importing alma-memory never loads pg (subpath `alma-memory/postgres`).
      return Layer.unwrapEffect(
        Effect.map(
          Effect.promise(() => import("../layers/postgres/PgStorage.js")),
          (PgStorage) => PgStorage.layerWith({ url: pg.url, schema: pg.schema, poolSize: pg.poolSize, hnsw: pg.hnsw })
        )
      )
    }
  }
}

/**
 * What every project of a process shares: the configured Storage, the Embedder (with its embedding
 * cache) and the retrieval cache. `embedder` replaces the configured embedder (the CLI passes one
 * that loads its model lazily).
 *
 * @since 0.1.0
 * @category layers
 */
export const layerSharedFromConfig = (
  config: AlmaConfig,
  embedder: Layer.Layer<Embedder.Embedder, ConfigurationError | EmbeddingError> = embedderFromConfig(config)
): Layer.Layer<
  Storage.Storage | Embedder.Embedder | MemoryCache.MemoryCache,
  ConfigurationError | StorageError | EmbeddingError
> => {
  const options = engineOptions(config)
  const redis = config.cache === "redis" ? config.redis : undefined
  // Redis (shared across processes) under the in-process embedding cache, when configured.
  // The Redis layers load on demand, so that importing alma-memory never loads ioredis.
  const shared = redis === undefined
    ? embedder
    : Layer.unwrapEffect(
      Effect.map(
        Effect.promise(() => import("../layers/redis/RedisEmbeddingCache.js")),
        (RedisEmbeddingCache) => RedisEmbeddingCache.withRedisCache({ url: redis.url, keyPrefix: redis.keyPrefix })(embedder)
      )
    )
  const cachedEmbedder = options.embeddingCacheSize === 0
    ? shared
    : Embedder.withCache({ capacity: options.embeddingCacheSize })(shared)
  const retrievalCache = redis === undefined
    ? MemoryCache.layer(options.cache)
    : Layer.unwrapEffect(
      Effect.map(
        Effect.promise(() => import("../layers/redis/RedisCache.js")),
        (RedisCache) =>
          RedisCache.layer({ url: redis.url, keyPrefix: redis.keyPrefix, timeToLive: Duration.seconds(config.retrieval.cacheTtlSeconds) })
      )
    )
  return Layer.mergeAll(storageFromConfig(config), retrievalCache).pipe(Layer.provideMerge(cachedEmbedder))
}

/**
 * The full stack a configuration describes.
 *
 * @since 0.1.0
 * @category layers
 */
export const layerFromConfig = (
  config: AlmaConfig,
  embedder?: Layer.Layer<Embedder.Embedder, ConfigurationError | EmbeddingError>
): Layer.Layer<Services, ConfigurationError | StorageError | EmbeddingError> =>
  layerProject(engineOptions(config)).pipe(Layer.provideMerge(layerSharedFromConfig(config, embedder)))

/**
 * The full stack from a configuration file (`.alma/config.yaml` by default); built-in defaults
 * (SQLite in `.alma/alma.db`, local embedder) when the file does not exist.
 *
 * **Errors** `ConfigurationError` (unknown key, bad value, unset `${ENV}`, dimension mismatch),
 * `StorageError`, `EmbeddingError`.
 *
 * @since 0.1.0
 * @category layers
 */
export const fromConfig = (
  path: string = ".alma/config.yaml"
): Layer.Layer<Services, ConfigurationError | StorageError | EmbeddingError> =>
  Layer.unwrapEffect(Effect.map(loadConfigOrDefault(path), layerFromConfig))
