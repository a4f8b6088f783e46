/**
 * Settings of the `latency` suite: calls per phase (full and quick), store sizes, the real embedder,
 * and the options of `runLatencyWith`.
 *
 * @since 0.1.0
 */
import type { Layer } from "effect"
import { LocalEmbedder } from "alma-memory"
import type { Embedder } from "alma-memory"
import type { BenchOptions } from "../Suite.js"
import type { WorldShape } from "./World.js"

/**
 * Calls per phase.
 *
 * **Units** counts of calls; `insertBatchSize`: memories per `addKnowledgeBatch` call; `seedBatch`:
 * memories per `Storage.save` call while seeding SQLite; `pgSeedBatch`: the same for PostgreSQL (the
 * default, 100,000, loads a store of up to 100k in one save: the library's `COPY` path with the HNSW
 * index built after the load, see `layers/postgres/internal/bulk.ts`); `vectorSearches`: filtered
 * top-10 searches (after `warmup` untimed ones); `cacheQueries`: distinct `retrieve` requests of the
 * cache phase, each timed once as a miss and `cacheRepeats` times as a hit.
 *
 * @since 0.1.0
 * @category models
 */
export interface Calls {
  readonly warmup: number
  readonly retrieves: number
  readonly includingWarmup: number
  readonly including: number
  readonly embedOnly: number
  readonly learns: number
  readonly learnsIncluding: number
  readonly insertWarmup: number
  readonly insertBatches: number
  readonly insertBatchSize: number
  readonly seedBatch: number
  readonly pgSeedBatch: number
  readonly vectorSearches: number
  readonly cacheQueries: number
  readonly cacheRepeats: number
}

/**
 * Calls of a full run (those of the first, superseded `npm run bench` harness for the shared phases).
 *
 * @since 0.1.0
 * @category constructors
 */
export const fullCalls: Calls = {
  warmup: 30,
  retrieves: 300,
  includingWarmup: 20,
  including: 200,
  embedOnly: 100,
  learns: 200,
  learnsIncluding: 100,
  insertWarmup: 3,
  insertBatches: 20,
  insertBatchSize: 100,
  seedBatch: 1_000,
  pgSeedBatch: 100_000,
  vectorSearches: 400,
  cacheQueries: 60,
  cacheRepeats: 5
}

/**
 * Calls of a quick run.
 *
 * @since 0.1.0
 * @category constructors
 */
export const quickCalls: Calls = {
  warmup: 5,
  retrieves: 40,
  includingWarmup: 5,
  including: 30,
  embedOnly: 20,
  learns: 40,
  learnsIncluding: 20,
  insertWarmup: 1,
  insertBatches: 5,
  insertBatchSize: 100,
  seedBatch: 1_000,
  pgSeedBatch: 100_000,
  vectorSearches: 40,
  cacheQueries: 10,
  cacheRepeats: 3
}

/**
 * The real embedder (used for the cluster centres, the query vectors, and every "including
 * embedding" phase).
 *
 * @since 0.1.0
 * @category models
 */
export interface RealEmbedder {
  readonly name: string
  readonly label: string
  readonly layer: Layer.Layer<Embedder.Embedder, unknown>
}

/**
 * The product default: USE-lite, 512 dimensions, local.
 *
 * @since 0.1.0
 * @category constructors
 */
export const useLite: RealEmbedder = { name: "use-lite-512", label: "USE-lite 512d (local)", layer: LocalEmbedder.layer }

/**
 * Options of `runLatencyWith`.
 *
 * **Units** `sizes`: memories in the store, in total over all agents (each a multiple of the agent
 * count); `directory`: where the SQLite files go (default: a new folder in the system temp directory,
 * removed at the end). `config` (from `BenchOptions`): an ALMA configuration file; `storage: postgres`
 * runs the suite on PostgreSQL, `cache: redis` adds the Redis cache phase, and its embedding provider
 * replaces USE-lite unless `embedder` is given.
 *
 * @since 0.1.0
 * @category models
 */
export interface LatencyOptions extends BenchOptions {
  readonly sizes?: ReadonlyArray<number> | undefined
  readonly shape?: WorldShape | undefined
  readonly embedder?: RealEmbedder | undefined
  readonly calls?: Partial<Calls> | undefined
  readonly directory?: string | undefined
}

/**
 * Store sizes of a full run: 1k, 10k and 100k memories (100, 1,000 and 10,000 per agent).
 *
 * @since 0.1.0
 * @category constructors
 */
export const fullSizes: ReadonlyArray<number> = [1_000, 10_000, 100_000]
