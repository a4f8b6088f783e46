/**
 * The default values of every setting, as documented in `config/default.yaml`; published as
 * `AlmaConfig.defaultConfig`.
 *
 * @internal
 */
import * as path from "node:path"
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
  embedding: { provider: "local", dimensions: 512, cacheSize: 10_000 },
  allowUnknownAgents: false,
  maxRegisteredAgents: 100,
  agents: [],
  retrieval: {
    defaultTopK: 5,
    minScore: 0.2,
    halfLifeDays: 30,
    weights: { similarity: 0.4, recency: 0.3, success: 0.2, confidence: 0.1 },
    cacheTtlSeconds: 300,
    cacheMaxEntries: 1000,
    maxContextTokens: 2000
  },
  // similarityThreshold unset: calibrated per embedding model (internal/strategyMatch.ts).
  learning: { minFailuresForAntiPattern: 2 },
  safety: { onFlagged: "flag" },
  forgetting: {
    olderThanDays: 90,
    belowConfidence: 0.3,
    halfLifeDays: { heuristic: 60, outcome: 30, user_preference: 365, domain_knowledge: 90, anti_pattern: 45 }
  }
}
