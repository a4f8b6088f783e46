/**
 * Configuration loading: reads `.alma/config.yaml`, expands `${VAR}` references, validates every
 * key strictly and resolves the result into an {@link AlmaConfig}.
 *
 * The original ALMA silently ignored many of its documented keys (reference §7). Here every key
 * either takes effect or is rejected with a `ConfigurationError` naming its dotted path, the file and
 * the line. `config/default.yaml` documents every key with its default; `config/example.yaml` is a
 * worked two-agent example. This is the one module allowed to read `process.env`.
 *
 * @since 0.1.0
 */
import type { Redacted } from "effect"
import { Effect, Predicate } from "effect"
import * as fs from "node:fs/promises"
import * as path from "node:path"
import type { AgentScope } from "../src/domain/AgentScope.js"
import { ConfigurationError } from "../src/domain/AlmaError.js"
import type { MemoryKind } from "../src/domain/Ids.js"
import * as defaults from "./internal/defaults.js"
import type { Env } from "./internal/interpolate.js"
import { readSettings } from "./internal/interpolate.js"
import { baseDir, resolve } from "./internal/resolve.js"
import { decodeSettings } from "./internal/schema.js"

// model

/**
 * Storage backend: `sqlite` (a file, persistent; the embedded default), `memory` (in-process, lost on
 * exit) or `postgres` (PostgreSQL + pgvector; several ALMA processes may share it).
 *
 * @since 0.1.0
 * @category models
 */
export type StorageKind = "sqlite" | "memory" | "postgres"

/**
 * Where the retrieval and embedding caches live: `memory` (per process) or `redis` (shared by every
 * process pointed at the same Redis; a write in one invalidates cached retrievals in all).
 *
 * @since 0.1.0
 * @category models
 */
export type CacheKind = "memory" | "redis"

/**
 * PostgreSQL settings (present when `storage` is `postgres`).
 *
 * **Shape** `url`: redacted connection URL (e.g. from `${ALMA_PG_URL}`); `schema`: SQL schema holding
 * ALMA's tables; `poolSize`: connections; `hnsw`: pgvector HNSW index parameters.
 * **Source** `m` 16 and `efConstruction` 64 are pgvector's defaults; `efSearch` 40 likewise.
 *
 * @since 0.1.0
 * @category models
 */
export interface PostgresConfig {
  readonly url: Redacted.Redacted<string>
  readonly schema: string
  readonly poolSize: number
  readonly hnsw: { readonly m: number; readonly efConstruction: number; readonly efSearch: number }
}

/**
 * Redis settings (present when `cache` is `redis`). **Shape** `url`: redacted (e.g. `${ALMA_REDIS_URL}`);
 * `keyPrefix`: first segment of every key.
 *
 * @since 0.1.0
 * @category models
 */
export interface RedisConfig {
  readonly url: Redacted.Redacted<string>
  readonly keyPrefix: string
}

/**
 * One bearer token and the single project it may read and write.
 *
 * @since 0.1.0
 * @category models
 */
export interface ServerToken {
  readonly token: Redacted.Redacted<string>
  readonly project: string
}

/**
 * Settings of `alma serve` (RPC and MCP over HTTP).
 *
 * **Units** `maxBodyBytes`: bytes (HTTP bodies and WebSocket messages); `shutdownTimeoutMs`: ms;
 * `maxWsConnectionsPerToken`, `maxInFlightPerToken`: counts per token (per project without
 * tokens). **Rules** binding to anything but a loopback address requires `tokens`; with `tokens`,
 * every request needs one. `Host` must be a loopback name, the bind address or an `allowedHosts`
 * entry; `Origin`, when sent, the server's own or a `corsOrigins` entry.
 *
 * @since 0.1.0
 * @category models
 */
export interface ServerConfig {
  readonly host: string
  readonly port: number
  readonly tokens: ReadonlyArray<ServerToken>
  readonly maxBodyBytes: number
  readonly corsOrigins: ReadonlyArray<string>
  /** Extra names the `Host` header may carry (`name`, `name:port`, `*`); default none. */
  readonly allowedHosts: ReadonlyArray<string>
  /** Open WebSocket connections per token; default 64. */
  readonly maxWsConnectionsPerToken: number
  /** HTTP requests in flight per token; default 256. */
  readonly maxInFlightPerToken: number
  readonly accessLog: boolean
  readonly shutdownTimeoutMs: number
}

/**
 * Embedding provider: `local` (bundled 512-d sentence encoder), `transformers` (a Hugging Face
 * model through transformers.js) or `hash` (deterministic feature hashing, for tests and offline use).
 *
 * @since 0.1.0
 * @category models
 */
export type EmbeddingProvider = "local" | "transformers" | "hash"

/**
 * Fully resolved ALMA configuration (camelCase; every default applied, every path absolute).
 *
 * **Shape** mirrors the file keys of `config/default.yaml`; `sqlitePath` = `storage_dir` + `db_name`;
 * `retrieval.weights` sum to 1; `embedding.dimensions` is filled in for `local` (512) and `hash`
 * (default 256) and left out for `transformers` unless set (the model decides).
 * **Units** `*Days`: days; `cacheTtlSeconds`: seconds; `maxContextTokens`: tokens; sizes: entries.
 * **Source** keys of the original ALMA's `.alma/config.yaml` (reference §7), extended.
 *
 * @since 0.1.0
 * @category models
 */
export interface AlmaConfig {
  /** Project all memories belong to. */
  readonly projectId: string
  /** Storage backend. */
  readonly storage: StorageKind
  /** Absolute path of the SQLite database file (used when `storage` is `sqlite`). */
  readonly sqlitePath: string
  /** PostgreSQL settings; present exactly when `storage` is `postgres`. */
  readonly postgres?: PostgresConfig
  /** Where the retrieval and embedding caches live. */
  readonly cache: CacheKind
  /** Redis settings; present exactly when `cache` is `redis`. */
  readonly redis?: RedisConfig
  /** Settings of `alma serve`. */
  readonly server: ServerConfig
  /** Embedding model selection. */
  readonly embedding: EmbeddingConfig
  /** Whether agents without an entry under `agents` may use ALMA (with an open default scope). */
  readonly allowUnknownAgents: boolean
  /** Agents that may be registered at run time per project, beyond `agents` (`max_registered_agents`). */
  readonly maxRegisteredAgents: number
  /** Configured agents, in file order. */
  readonly agents: ReadonlyArray<AgentScope>
  /** Retrieval tuning. */
  readonly retrieval: RetrievalConfig
  /** Learning tuning. */
  readonly learning: LearningConfig
  /** Write-time poisoning check. */
  readonly safety: SafetyConfig
  /** Forgetting policy. */
  readonly forgetting: ForgettingConfig
  /** Absolute path of the file this was loaded from, if any. */
  readonly file?: string
}

/**
 * Embedding settings.
 *
 * **Units** `dimensions`: vector length; `cacheSize`: entries (0 disables the embedding cache).
 *
 * @since 0.1.0
 * @category models
 */
export interface EmbeddingConfig {
  /** Which embedder to build. */
  readonly provider: EmbeddingProvider
  /** Vector length; absent for `transformers` unless configured. */
  readonly dimensions?: number
  /** `transformers` only: model id or folder name. */
  readonly model?: string
  /** `transformers` only: absolute local folder holding model folders (offline use). */
  readonly modelDir?: string
  /** Embedding cache capacity in entries; 0 disables it. */
  readonly cacheSize: number
}

/**
 * Retrieval settings.
 *
 * **Units** `halfLifeDays`: days; `cacheTtlSeconds`: seconds (0 disables); `maxContextTokens`:
 * tokens; `minScore` and `weights`: unitless, `weights` summing to 1.
 *
 * @since 0.1.0
 * @category models
 */
export interface RetrievalConfig {
  /** Memories returned per kind when a query gives no `k` (1..100). */
  readonly defaultTopK: number
  /** Fused-score floor below which memories are dropped (0..1). */
  readonly minScore: number
  /** Recency half-life in days: recency = 0.5 ^ (age / halfLifeDays). */
  readonly halfLifeDays: number
  /** Score fusion weights, each >= 0, summing to 1. */
  readonly weights: {
    readonly similarity: number
    readonly recency: number
    readonly success: number
    readonly confidence: number
  }
  /** Retrieval cache time-to-live in seconds; 0 disables the cache. */
  readonly cacheTtlSeconds: number
  /** Retrieval cache capacity in entries. */
  readonly cacheMaxEntries: number
  /** Token budget of the rendered prompt context. */
  readonly maxContextTokens: number
}

/**
 * Learning settings.
 *
 * **Units** `similarityThreshold`: strategy similarity in [0, 1]; `minFailuresForAntiPattern`: count.
 *
 * @since 0.1.0
 * @category models
 */
export interface LearningConfig {
  /**
   * Strategy similarity at or above which two strategies count as the same when forming heuristics
   * and anti-patterns, for both polarities. Unset (the default): the thresholds calibrated for the
   * embedding model (`use-lite-512`: 0.70 same polarity, 0.85 across; `internal/strategyMatch.ts`),
   * the original's 0.75 for models without a calibration.
   */
  readonly similarityThreshold?: number | undefined
  /** Similar failures needed before an anti-pattern forms. */
  readonly minFailuresForAntiPattern: number
}

/**
 * Safety settings: what a memory write does when the poisoning check flags its text (instructions
 * aimed at the model, hidden characters, encoded payloads).
 *
 * **Shape** `onFlagged`: `flag` stores the memory with `metadata.alma_safety` and logs a warning;
 * `refuse` fails the whole write with a `ValidationError` naming the field and the flag.
 * **Source** ALMA-TS (the original had no such check); default `flag`.
 *
 * @since 0.1.0
 * @category models
 */
export interface SafetyConfig {
  /** `flag` (store, marked) or `refuse` (store nothing, ValidationError). */
  readonly onFlagged: "flag" | "refuse"
}

/**
 * Forgetting settings.
 *
 * **Units** `olderThanDays`, `halfLifeDays`: days; `belowConfidence`: unitless in [0, 1].
 *
 * @since 0.1.0
 * @category models
 */
export interface ForgettingConfig {
  /** `forget` removes outcomes older than this many days. */
  readonly olderThanDays: number
  /** `forget` removes heuristics whose confidence is below this. */
  readonly belowConfidence: number
  /** Confidence-decay half-life per memory kind, in days. */
  readonly halfLifeDays: Readonly<Record<MemoryKind, number>>
}

/**
 * The configuration used when there is no file: the values documented in `config/default.yaml`.
 *
 * **Shape** `sqlitePath` is `<cwd>/.alma/alma.db`; no agents; no `file`.
 * **Source** `project_id`, `storage_dir`, `db_name`, `min_occurrences_for_heuristic` as in the
 * original ALMA; the rest are ALMA-TS choices documented in `config/default.yaml`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const defaultConfig: AlmaConfig = defaults.defaultConfig

/** YAML text → expanded plain settings → decoded file → resolved configuration. */
const parseWith = (text: string, file: string | undefined, base: string, env: Env) =>
  Effect.gen(function*() {
    const { report, settings } = yield* readSettings(text, file, env)
    const decoded = yield* decodeSettings(settings, report)
    return yield* resolve(decoded, base, report)
  })

// api

/**
 * Options of {@link parseConfig}.
 *
 * **Shape** `file`: the path the text came from (named in errors; relative `storage_dir` resolves
 * against it, see {@link parseConfig}); `env`: variables for `${VAR}` expansion (default `process.env`).
 *
 * @since 0.1.0
 * @category models
 */
export interface ParseOptions {
  /** Path the text was read from; named in errors and recorded as `AlmaConfig.file`. */
  readonly file?: string | undefined
  /** Variables for `${VAR}` expansion; default `process.env`. */
  readonly env?: Readonly<Record<string, string | undefined>> | undefined
}

/**
 * Parses and validates the text of a configuration file. Pure apart from reading `process.env`
 * when `options.env` is not given.
 *
 * **Shape** YAML mapping of snake_case keys (see `config/default.yaml`), optionally wrapped in a
 * top-level `alma:` mapping; an empty document means all defaults. Missing keys take their defaults;
 * partial `weights` and `half_life_days` mappings are merged with the defaults, then `weights` are
 * renormalised to sum 1.
 * - Paths: a relative `storage_dir` (and `embedding_model_dir`) resolves against the project
 *   directory: the parent of the `.alma` folder when the file lives in one (`/p/.alma/config.yaml` →
 *   `/p`), else the file's own directory; without `file`, the current directory.
 * - Variables: any string value may use `${VAR}` or `${VAR:-default}` (default used when `VAR` is
 *   unset or empty); `$${` is a literal `${`. A plain (unquoted) value that is exactly one reference
 *   is read as if the variable's text were written there (`${N}` with `N=5` is the number 5); quoted
 *   or embedded references always give strings. Keys are never expanded.
 * **Errors** `ConfigurationError` with `key` the dotted path (`retrieval.weights.similarity`,
 * `agents.helena.inherit_from[0]`), or `yaml` for a syntax error; the description says what was
 * wrong, what is allowed and the line. Raised for: YAML syntax errors; unknown keys; bad values; an
 * unset variable; `embedding_dim` other than 512 with `local` (16–4096 with `hash`); `embedding_model*`
 * without `transformers`; `storage_dir`/`db_name` with `storage: memory`; all-zero weights; an agent
 * in both `can_learn` and `cannot_learn`; `share_with`/`inherit_from` naming an undefined agent;
 * `inherit_from` an agent that does not share with this one (it would have no effect).
 * **Source** the original ALMA's `ConfigLoader` format (reference §7), made strict: the original
 * ignored unknown keys and left unset variables verbatim.
 *
 * @example
 * ```ts
 * const config = yield* parseConfig("retrieval:\n  default_top_k: 8\n", { env: {} })
 * ```
 *
 * @since 0.1.0
 * @category constructors
 */
export const parseConfig = Effect.fn("AlmaConfig.parse")(function*(text: string, options?: ParseOptions) {
  const file = options?.file
  return yield* parseWith(text, file, baseDir(file), options?.env ?? process.env)
})

/** The file's text, or `undefined` when it does not exist. */
const readText = (file: string): Effect.Effect<string | undefined, ConfigurationError> =>
  Effect.tryPromise({ try: () => fs.readFile(file, "utf8"), catch: (cause) => cause }).pipe(
    Effect.catchAll((cause) =>
      Predicate.hasProperty(cause, "code") && cause.code === "ENOENT"
        ? Effect.succeed(undefined)
        : Effect.fail(
          new ConfigurationError({
            key: "file",
            description: `cannot read the file: ${cause instanceof Error ? cause.message : String(cause)}`,
            file
          })
        )
    )
  )

/**
 * Reads and parses a configuration file (see {@link parseConfig} for the format and rules).
 *
 * **Errors** `ConfigurationError` with key `file` when the file is missing (create one with
 * `alma init`) or unreadable; otherwise as {@link parseConfig}.
 *
 * @example
 * ```ts
 * const config = yield* loadConfig(".alma/config.yaml")
 * ```
 *
 * @since 0.1.0
 * @category constructors
 */
export const loadConfig = Effect.fn("AlmaConfig.load")(function*(file: string) {
  const absolute = path.resolve(file)
  const text = yield* readText(absolute)
  if (text === undefined) {
    return yield* new ConfigurationError({
      key: "file",
      description: "no configuration file here; create one with `alma init` (or copy config/default.yaml)",
      file: absolute
    })
  }
  return yield* parseWith(text, absolute, baseDir(absolute), process.env)
})

/**
 * Like {@link loadConfig}, but a missing file yields the defaults, with `sqlitePath` resolved as if
 * the file existed (`/p/.alma/config.yaml` → `/p/.alma/alma.db`) and no `file`.
 *
 * **Errors** `ConfigurationError` for an unreadable or invalid file, as {@link loadConfig}.
 *
 * @since 0.1.0
 * @category constructors
 */
export const loadConfigOrDefault = Effect.fn("AlmaConfig.loadOrDefault")(function*(file: string) {
  const absolute = path.resolve(file)
  const text = yield* readText(absolute)
  return text === undefined
    ? yield* parseWith("", undefined, baseDir(absolute), {})
    : yield* parseWith(text, absolute, baseDir(absolute), process.env)
})
