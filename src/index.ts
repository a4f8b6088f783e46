/**
 * alma-memory: Agent Learning Memory Architecture.
 *
 * @since 0.1.0
 */
export * as Alma from "./Alma.js"
export { AgentScope } from "./domain/AgentScope.js"
export * from "./domain/AlmaError.js"
export { Defaults } from "./domain/Defaults.js"
export * as Ids from "./domain/Ids.js"
export * as Inputs from "./domain/Inputs.js"
export * as Memory from "./domain/Memory.js"
export { MemorySlice, ScoreBreakdown } from "./domain/MemorySlice.js"
export * as AlmaService from "./services/Alma.js"
export * as Embedder from "./services/Embedder.js"
export * as Forgetter from "./services/Forgetter.js"
export * as Learner from "./services/Learner.js"
export * as MemoryCache from "./services/MemoryCache.js"
export * as MemoryScope from "./services/MemoryScope.js"
export * as Retriever from "./services/Retriever.js"
export * as Storage from "./services/Storage.js"
export * as Workflows from "./services/Workflows.js"
export * as Consolidator from "./services/Consolidator.js"
export * as Advisor from "./services/Advisor.js"
export * as Workflow from "./domain/Workflow.js"
export * as AlmaRpcs from "./rpc/AlmaRpcs.js"
export * as AlmaRemote from "./rpc/AlmaClient.js"
export * as Server from "./server/Server.js"
export * as Jsonl from "./transfer/Jsonl.js"
// The documented formulas behind retrieval, relevance gating, strategy matching, prompt budgets and
// chunked embedding, for callers (and the benchmarks) that reproduce or tune them.
export * as Scoring from "./internal/scoring.js"
export * as Relevance from "./internal/relevance.js"
export * as StrategyMatch from "./internal/strategyMatch.js"
export * as Prompt from "./internal/prompt.js"
export * as EmbedText from "./internal/embedText.js"
export { type AlmaClient, createAlma, type CreateAlmaOptions } from "./client.js"
export { demoAgents, runDemo } from "./demo.js"
export * as AlmaConfig from "../config/AlmaConfig.js"
export * as SqliteStorage from "../layers/sqlite/SqliteStorage.js"
export * as MemoryStorage from "../layers/memory/MemoryStorage.js"
// PostgreSQL and Redis are subpaths (`alma-memory/postgres`, `alma-memory/redis`): importing the root
// never loads pg or ioredis.
export * as LocalEmbedder from "../layers/embedders/LocalEmbedder.js"
export * as TransformersEmbedder from "../layers/embedders/TransformersEmbedder.js"
export * as HashEmbedder from "../layers/embedders/HashEmbedder.js"
