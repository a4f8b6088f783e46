/**
 * Checks the decoded file against the rules a schema cannot express (cross-key constraints,
 * agent references) and builds the {@link AlmaConfig}: defaults applied, paths made absolute,
 * weights renormalised.
 *
 * @internal
 */
import { Effect, Redacted, Schema } from "effect"
import * as path from "node:path"
import { Defaults } from "../../src/domain/Defaults.js"
import type { AlmaConfig, EmbeddingConfig, PostgresConfig, RedisConfig, ServerConfig } from "../AlmaConfig.js"
import { AgentScope } from "../../src/domain/AgentScope.js"
import type { ConfigurationError } from "../../src/domain/AlmaError.js"
import { Name } from "../../src/domain/Ids.js"
import { defaultConfig } from "./defaults.js"
import type { Report } from "./report.js"
import { problem } from "./report.js"
import type { FileConfig } from "./schema.js"
import { nameAllowed } from "./schema.js"

const DEFAULT_MODEL = "Xenova/all-MiniLM-L6-v2"
const LOCAL_DIMENSIONS = 512
const HASH_DIMENSIONS = 256

const checkEmbedding = (f: FileConfig, base: string, report: Report) =>
  Effect.gen(function*() {
    const provider = f.embedding_provider ?? defaultConfig.embedding.provider
    const dim = f.embedding_dim ?? undefined
    if (provider === "local" && dim !== undefined && dim !== LOCAL_DIMENSIONS) {
      return yield* problem(
        report,
        "embedding_dim",
        `the local provider produces ${LOCAL_DIMENSIONS}-dimensional vectors; got ${dim}; set 512 or remove the key`
      )
    }
    if (provider === "hash" && dim !== undefined && (dim < 16 || dim > 4096)) {
      const allowed = "allowed for the hash provider: an integer from 16 to 4096"
      return yield* problem(report, "embedding_dim", `got ${dim}; ${allowed}`)
    }
    if (provider !== "transformers") {
      for (const key of ["embedding_model", "embedding_model_dir"] as const) {
        if (f[key] != null) {
          const why = `only used with embedding_provider: transformers (here ${provider})`
          return yield* problem(report, key, `${why}; remove it or set it to null`)
        }
      }
    }
    const dimensions = provider === "local" ? LOCAL_DIMENSIONS : provider === "hash" ? dim ?? HASH_DIMENSIONS : dim
    const modelDir = provider === "transformers" && f.embedding_model_dir != null
      ? path.resolve(base, f.embedding_model_dir)
      : undefined
    const embedding: EmbeddingConfig = {
      provider,
      ...(dimensions === undefined ? {} : { dimensions }),
      ...(provider === "transformers" ? { model: f.embedding_model ?? DEFAULT_MODEL } : {}),
      ...(modelDir === undefined ? {} : { modelDir }),
      cacheSize: f.embedding_cache_size ?? defaultConfig.embedding.cacheSize
    }
    return embedding
  })

const checkAgents = (agents: NonNullable<FileConfig["agents"]>, report: Report) =>
  Effect.gen(function*() {
    const defined = Object.keys(agents)
    const scopes: Array<AgentScope> = []
    for (const [agent, a] of Object.entries(agents)) {
      const key = `agents.${agent}`
      if (!Schema.is(Name)(agent)) return yield* problem(report, key, `not a valid agent name; allowed: ${nameAllowed}`)
      const canLearn = a?.can_learn ?? []
      const cannotLearn = a?.cannot_learn ?? []
      const shareWith = a?.share_with ?? []
      const inheritFrom = a?.inherit_from ?? []
      const both = canLearn.find((x) => cannotLearn.includes(x))
      if (both !== undefined) {
        const fix = "remove it from one of the lists"
        return yield* problem(report, `${key}.can_learn`, `"${both}" is also in cannot_learn, which wins; ${fix}`)
      }
      for (const [i, other] of shareWith.entries()) {
        if (other !== "*" && !defined.includes(other)) {
          const hint = "define it, or use \"*\" to share with every agent that inherits"
          return yield* problem(report, `${key}.share_with[${i}]`, `"${other}" is not defined under agents; ${hint}`)
        }
      }
      for (const [i, source] of inheritFrom.entries()) {
        const at = `${key}.inherit_from[${i}]`
        const others = defined.filter((x) => x !== agent).join(", ") || "(no other agents)"
        if (source === agent) return yield* problem(report, at, "an agent always reads its own memories; remove it")
        if (!defined.includes(source)) {
          return yield* problem(report, at, `"${source}" is not defined under agents; allowed: ${others}`)
        }
        if (!(agents[source]?.share_with ?? []).some((x) => x === "*" || x === agent)) {
          const fix = `add ${agent} to agents.${source}.share_with`
          return yield* problem(report, at, `"${source}" does not share with "${agent}", so this has no effect; ${fix}`)
        }
      }
      scopes.push(AgentScope.make({
        agent,
        ...(a?.domain == null ? {} : { domain: a.domain }),
        canLearn,
        cannotLearn,
        shareWith,
        inheritFrom,
        minOccurrencesForHeuristic: a?.min_occurrences_for_heuristic ?? Defaults.learning.minOccurrencesForHeuristic
      }))
    }
    return scopes
  })

const checkWeights = (retrieval: FileConfig["retrieval"], report: Report) => {
  const w = { ...defaultConfig.retrieval.weights, ...retrieval?.weights }
  const total = w.similarity + w.recency + w.success + w.confidence
  if (!(total > 0)) {
    const allowed = "at least one of similarity, recency, success, confidence must be > 0"
    return Effect.fail(problem(report, "retrieval.weights", `all weights are 0; ${allowed}`))
  }
  // Weights already summing to 1 (up to float error, e.g. the defaults) are kept exactly.
  const sum = Math.abs(total - 1) < 1e-9 ? 1 : total
  return Effect.succeed({
    similarity: w.similarity / sum,
    recency: w.recency / sum,
    success: w.success / sum,
    confidence: w.confidence / sum
  })
}

const checkPostgres = (f: FileConfig, report: Report) =>
  Effect.gen(function*() {
    const storage = f.storage ?? defaultConfig.storage
    if (storage !== "postgres") {
      if (f.postgres != null) {
        return yield* problem(report, "postgres", `only used with storage: postgres (here ${storage}); remove it`)
      }
      return undefined
    }
    const p = f.postgres ?? {}
    if (p.url === undefined) {
      const how = "set postgres.url, e.g. url: ${ALMA_PG_URL}, and export ALMA_PG_URL=postgres://user@host:5432/db"
      return yield* problem(report, "postgres.url", `required with storage: postgres; ${how}`)
    }
    if (!/^postgres(ql)?:\/\//.test(p.url)) {
      return yield* problem(report, "postgres.url", "allowed: a URL starting with postgres:// or postgresql://")
    }
    const config: PostgresConfig = {
      url: Redacted.make(p.url),
      schema: p.schema ?? "alma",
      poolSize: p.pool_size ?? 10,
      hnsw: { m: p.hnsw_m ?? 16, efConstruction: p.hnsw_ef_construction ?? 64, efSearch: p.hnsw_ef_search ?? 40 }
    }
    return config
  })

const checkRedis = (f: FileConfig, report: Report) =>
  Effect.gen(function*() {
    const cache = f.cache ?? defaultConfig.cache
    if (cache !== "redis") {
      if (f.redis != null) return yield* problem(report, "redis", "only used with cache: redis; remove it")
      return undefined
    }
    const r = f.redis ?? {}
    if (r.url === undefined) {
      const how = "set redis.url, e.g. url: ${ALMA_REDIS_URL}, and export ALMA_REDIS_URL=redis://127.0.0.1:6379"
      return yield* problem(report, "redis.url", `required with cache: redis; ${how}`)
    }
    if (!/^rediss?:\/\//.test(r.url)) {
      return yield* problem(report, "redis.url", "allowed: a URL starting with redis:// or rediss://")
    }
    const config: RedisConfig = { url: Redacted.make(r.url), keyPrefix: r.key_prefix ?? "alma" }
    return config
  })

const loopback = new Set(["127.0.0.1", "::1", "localhost"])

const checkServer = (f: FileConfig, report: Report) =>
  Effect.gen(function*() {
    const d = defaultConfig.server
    const s = f.server ?? {}
    const tokens = s.tokens ?? []
    const host = s.host ?? d.host
    if (!loopback.has(host) && tokens.length === 0) {
      const why = `binding ${host} exposes ALMA beyond this machine, which requires bearer tokens`
      return yield* problem(report, "server.tokens", `${why}; add tokens: [{token: \${ALMA_TOKEN}, project: <name>}]`)
    }
    const seen = new Set<string>()
    for (const [i, t] of tokens.entries()) {
      if (seen.has(t.token)) return yield* problem(report, `server.tokens[${i}].token`, "duplicate token; each token must be unique")
      seen.add(t.token)
    }
    const config: ServerConfig = {
      host,
      port: s.port ?? d.port,
      tokens: tokens.map((t) => ({ token: Redacted.make(t.token), project: t.project })),
      maxBodyBytes: s.max_body_bytes ?? d.maxBodyBytes,
      corsOrigins: s.cors_origins ?? d.corsOrigins,
      allowedHosts: s.allowed_hosts ?? d.allowedHosts,
      maxWsConnectionsPerToken: s.max_ws_connections_per_token ?? d.maxWsConnectionsPerToken,
      maxInFlightPerToken: s.max_in_flight_per_token ?? d.maxInFlightPerToken,
      accessLog: s.access_log ?? d.accessLog,
      shutdownTimeoutMs: s.shutdown_timeout_ms ?? d.shutdownTimeoutMs
    }
    return config
  })

/** Validates the decoded file `f` and builds the configuration; relative paths resolve against `base`. */
export const resolve = (
  f: FileConfig,
  base: string,
  report: Report
): Effect.Effect<AlmaConfig, ConfigurationError> =>
  Effect.gen(function*() {
    const d = defaultConfig
    const storage = f.storage ?? d.storage
    if (storage !== "sqlite") {
      for (const key of ["storage_dir", "db_name"] as const) {
        if (f[key] !== undefined) {
          return yield* problem(report, key, `only used with storage: sqlite (here ${storage}); remove it or set storage: sqlite`)
        }
      }
    }
    const postgres = yield* checkPostgres(f, report)
    const redis = yield* checkRedis(f, report)
    const server = yield* checkServer(f, report)
    const embedding = yield* checkEmbedding(f, base, report)
    const agents = yield* checkAgents(f.agents ?? {}, report)
    const weights = yield* checkWeights(f.retrieval, report)
    const r = f.retrieval ?? {}
    const fg = f.forgetting ?? {}
    return {
      projectId: f.project_id ?? d.projectId,
      storage,
      sqlitePath: path.resolve(base, f.storage_dir ?? ".alma", f.db_name ?? "alma.db"),
      ...(postgres === undefined ? {} : { postgres }),
      cache: f.cache ?? d.cache,
      ...(redis === undefined ? {} : { redis }),
      server,
      embedding,
      allowUnknownAgents: f.allow_unknown_agents ?? d.allowUnknownAgents,
      maxRegisteredAgents: f.max_registered_agents ?? d.maxRegisteredAgents,
      agents,
      retrieval: {
        defaultTopK: r.default_top_k ?? d.retrieval.defaultTopK,
        minScore: r.min_score ?? d.retrieval.minScore,
        halfLifeDays: r.half_life_days ?? d.retrieval.halfLifeDays,
        weights,
        cacheTtlSeconds: r.cache_ttl_seconds ?? d.retrieval.cacheTtlSeconds,
        cacheMaxEntries: r.cache_max_entries ?? d.retrieval.cacheMaxEntries,
        maxContextTokens: r.max_context_tokens ?? d.retrieval.maxContextTokens
      },
      learning: {
        ...(f.learning?.similarity_threshold !== undefined ? { similarityThreshold: f.learning.similarity_threshold } : {}),
        minFailuresForAntiPattern: f.learning?.min_failures_for_anti_pattern ?? d.learning.minFailuresForAntiPattern
      },
      safety: { onFlagged: f.safety?.on_flagged ?? d.safety.onFlagged },
      forgetting: {
        olderThanDays: fg.older_than_days ?? d.forgetting.olderThanDays,
        belowConfidence: fg.below_confidence ?? d.forgetting.belowConfidence,
        halfLifeDays: { ...d.forgetting.halfLifeDays, ...fg.half_life_days }
      },
      ...(report.file === undefined ? {} : { file: report.file })
    }
  })

/** Directory relative `storage_dir` and `embedding_model_dir` resolve against. */
export const baseDir = (file: string | undefined): string => {
  if (file === undefined) return process.cwd()
  const dir = path.dirname(path.resolve(file))
  return path.basename(dir) === ".alma" ? path.dirname(dir) : dir
}
