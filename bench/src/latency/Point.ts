/**
 * One store size of the `latency` suite: seed a fresh store (on PostgreSQL, then `ANALYZE` it,
 * outside the timers), then run every timed phase on it, in order: filtered top-10 search and its
 * recall, `retrieve` excluding and including the embedding, `embed` alone, the cache phase (with
 * Redis only), `learn`, and `addKnowledgeBatch`.
 *
 * @since 0.1.0
 */
import type { Layer } from "effect"
import { loadavg } from "node:os"
import type { AgentScope, Embedder } from "alma-memory"
import type { Backend } from "./Backend.js"
import { timeCache } from "./Cache.js"
import type { LatencyPoint } from "./Report.js"
import type { RssSampler } from "./Rss.js"
import { partitions, type SearchQuery, timeVectorSearch } from "./Search.js"
import { seed, type World } from "./Seed.js"
import type { Calls } from "./Settings.js"
import { summarize } from "./Stats.js"
import { timeEmbed, timeInsert, timeLearn, timeRetrieve } from "./Timing.js"
import type { LearnDraw, QueryText } from "./World.js"

/**
 * What every store size of a run shares: the world, the drawn inputs, the embedders.
 *
 * @since 0.1.0
 * @category models
 */
export interface Shared {
  readonly world: World
  readonly agents: ReadonlyArray<AgentScope>
  readonly backend: Backend
  readonly calls: Calls
  readonly precomputed: Layer.Layer<Embedder.Embedder>
  readonly real: Layer.Layer<Embedder.Embedder, unknown>
  readonly excludingQueries: ReadonlyArray<QueryText>
  readonly includingQueries: ReadonlyArray<QueryText>
  readonly embedTexts: ReadonlyArray<string>
  readonly learnExcluding: ReadonlyArray<LearnDraw>
  readonly learnIncluding: ReadonlyArray<LearnDraw>
  readonly insertExcluding: ReadonlyArray<ReadonlyArray<{ agent: string; domain: string; fact: string }>>
  readonly insertIncluding: ReadonlyArray<ReadonlyArray<{ agent: string; domain: string; fact: string }>>
  readonly searches: ReadonlyArray<SearchQuery>
  readonly cacheQueries: ReadonlyArray<QueryText>
}

/**
 * Phases per store size: 9, and 10 with the Redis cache phase.
 *
 * @since 0.1.0
 * @category constructors
 */
export const phasesPerSize = (backend: Backend): number => (backend.redis === undefined ? 9 : 10)

/** The 1-minute load average, read at each phase's start (0 on Windows). */
const load1 = () => Math.round(loadavg()[0]! * 100) / 100

/**
 * Seeds a fresh store of `size` memories in `directory` (SQLite) or a fresh schema (PostgreSQL), runs
 * every phase, and removes the store.
 *
 * **Errors** rejects with whatever failed; the store is removed either way.
 *
 * @since 0.1.0
 * @category constructors
 */
export const measurePoint = async (
  s: Shared,
  size: number,
  directory: string,
  rss: RssSampler,
  step: () => void
): Promise<LatencyPoint> => {
  const { calls, world } = s
  const store = await s.backend.open(size, directory)
  const excluding = { storage: store.storage, projectId: world.projectId, agents: s.agents, embedder: s.precomputed }
  const including = { ...excluding, embedder: s.real }
  const load: Record<string, number> = {}
  const phase = <A>(name: string, f: () => Promise<A>) => {
    load[name] = load1()
    return rss.phase(`${size}:${name}`, f).finally(step)
  }
  try {
    const exact = partitions()
    const perAgent = size / world.agents.length
    const batchSize = Math.min(size, s.backend.storage === "postgres" ? calls.pgSeedBatch : calls.seedBatch)
    const seeded = await phase("seed", () =>
      seed(world, { storage: store.storage, perAgent, batchSize, embedder: s.precomputed, onSaved: exact.add }, () => {}))
    const saveMs = seeded.batchMs.reduce((sum, x) => sum + x, 0)
    const analyzeStarted = performance.now()
    const analyzed = await store.analyze()
    const analyzeSeconds = (performance.now() - analyzeStarted) / 1000
    const vectorSearch = await phase("vectorSearch", () =>
      timeVectorSearch(store.storage, s.precomputed, world.projectId, s.searches, calls.warmup, exact))
    const retrieveExcluding = await phase("retrieveExcluding", () => timeRetrieve(excluding, s.excludingQueries, calls.warmup))
    const retrieveIncluding = await phase("retrieveIncluding", () =>
      timeRetrieve(including, s.includingQueries, calls.includingWarmup))
    const embedOnly = await phase("embedOnly", () => timeEmbed(including, s.embedTexts, calls.includingWarmup))
    const redis = s.backend.redis
    const cache = redis === undefined ? undefined : await phase("cache", () =>
      timeCache(excluding, redis, String(size), s.cacheQueries, Math.min(calls.warmup, 5), calls.cacheRepeats))
    const learnEx = await phase("learnExcluding", () => timeLearn(excluding, s.learnExcluding, calls.warmup))
    const learnIn = await phase("learnIncluding", () => timeLearn(including, s.learnIncluding, calls.includingWarmup))
    const insertEx = await phase("insertExcluding", () => timeInsert(excluding, s.insertExcluding, calls.insertWarmup))
    const insertIn = await phase("insertIncluding", () => timeInsert(including, s.insertIncluding, calls.insertWarmup))
    const peaks = rss.peaks()
    return {
      storeSize: size,
      perAgent,
      seed: {
        records: seeded.records,
        counts: seeded.counts,
        batchSize,
        batchMs: summarize(seeded.batchMs),
        saveSeconds: saveMs / 1000,
        buildSeconds: seeded.buildMs / 1000,
        memoriesPerSecond: Math.round(seeded.records / (saveMs / 1000)),
        ...(analyzed ? { analyzeSeconds } : {})
      },
      vectorSearch,
      retrieveExcluding,
      retrieveIncluding,
      embedOnly,
      ...(cache === undefined ? {} : { cache }),
      learnExcluding: learnEx,
      learnIncluding: learnIn,
      insertExcluding: insertEx,
      insertIncluding: insertIn,
      fileMiB: await store.sizeMiB(),
      peakRssMiB: Object.fromEntries(
        Object.entries(peaks).filter(([k]) => k.startsWith(`${size}:`)).map(([k, v]) => [k.slice(`${size}:`.length), v])
      ),
      loadAverage1m: load
    }
  } finally {
    await store.remove()
  }
}
