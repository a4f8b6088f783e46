/**
 * The default values of every setting, as documented in `config/default.yaml`; published as
 * `AlmaConfig.defaultConfig`.
 *
 * @internal
 */
import * as path from "node:path"
import { Defaults } from "../../src/domain/Defaults.js"
import type { AlmaConfig } from "../AlmaConfig.js"

/** The configuration used when there is no file (see `AlmaConfig.defaultConfig`). */
export const defaultConfig: AlmaConfig = {
  projectId: "default",
  storage: "sqlite",
  sqlitePath: path.resolve(".alma", "alma.db"),
  cache: "memory",
  server: {
    host: "127.0.0.1",
    port: 8765,
    tokens: [],
    maxBodyBytes: 1_048_576,
    corsOrigins: [],
    allowedHosts: [],
    maxWsConnectionsPerToken: 64,
    maxInFlightPerToken: 256,
    accessLog: true,
    shutdownTimeoutMs: 10_000
  },
  embedding: { provider: "local", dimensions: 512, cacheSize: Defaults.embeddingCache.capacity },
  allowUnknownAgents: false,
  maxRegisteredAgents: Defaults.maxRegisteredAgents,
  agents: [],
  retrieval: {
    defaultTopK: Defaults.retrieval.topK,
    minScore: Defaults.retrieval.minScore,
    halfLifeDays: Defaults.retrieval.halfLifeDays,
    weights: Defaults.retrieval.weights,
    cacheTtlSeconds: Defaults.cache.timeToLiveSeconds,
    cacheMaxEntries: Defaults.cache.capacity,
    maxContextTokens: Defaults.retrieval.maxContextTokens
  },
  // similarityThreshold unset: calibrated per embedding model (internal/strategyMatch.ts).
  learning: { minFailuresForAntiPattern: Defaults.learning.minFailuresForAntiPattern },
  safety: { onFlagged: "flag" },
  forgetting: {
    olderThanDays: Defaults.forgetting.olderThanDays,
    belowConfidence: Defaults.forgetting.belowConfidence,
    halfLifeDays: Defaults.forgetting.halfLifeDays
  }
}
