/**
 * The timed phases of the `latency` suite over one seeded store (SQLite or PostgreSQL): `retrieve`,
 * `learn` and `addKnowledgeBatch`, each through an already built `ManagedRuntime`, one call at a time
 * after warm-up; the stack's embedder decides whether the embedding is inside the timer.
 *
 * @since 0.1.0
 */
import { Effect, Layer, ManagedRuntime } from "effect"
import { Alma, AlmaService, Embedder } from "alma-memory"
import type { AgentScope, MemoryCache, MemorySlice } from "alma-memory"
import type { StorageLayer } from "./Backend.js"
import { summarize, type Summary, timeCalls } from "./Stats.js"
import type { LearnDraw, QueryText } from "./World.js"

/**
 * Where and how a phase runs: the storage, the project and agents, the embedder of the stack, and the
 * retrieval cache (default: the in-process one with caching off).
 *
 * @since 0.1.0
 * @category models
 */
export interface Stack {
  readonly storage: StorageLayer
  readonly projectId: string
  readonly agents: ReadonlyArray<AgentScope>
  readonly embedder: Layer.Layer<Embedder.Embedder, unknown>
  readonly cache?: Layer.Layer<MemoryCache.MemoryCache, unknown> | undefined
}

/**
 * The stack of the first, superseded `npm run bench` harness: the storage, retrieval cache off,
 * embedding cache on (10,000 entries, `Alma.layerWith`'s default); or, with `cache`, that retrieval
 * cache (as `Alma.layerSharedFromConfig` composes it).
 */
const runtimeOf = (stack: Stack) =>
  stack.cache === undefined
    ? ManagedRuntime.make(
      Alma.layerWith(stack.storage, stack.embedder, { projectId: stack.projectId, agents: stack.agents, cache: { timeToLive: 0 } })
    )
    : ManagedRuntime.make(
      Alma.layerProject({ projectId: stack.projectId, agents: stack.agents }).pipe(
        Layer.provideMerge(Layer.merge(stack.storage, stack.cache)),
        Layer.provideMerge(Embedder.withCache({ capacity: 10_000 })(stack.embedder))
      )
    )

type Runtime = ManagedRuntime.ManagedRuntime<AlmaService.Alma | Embedder.Embedder, unknown>

/**
 * Runs `f` with the stack's runtime and its Alma service; disposes the runtime afterwards.
 *
 * @since 0.1.0
 * @category constructors
 */
export const withRuntime = async <A>(
  stack: Stack,
  f: (runtime: Runtime, alma: AlmaService.Service) => Promise<A>
): Promise<A> => {
  const runtime = runtimeOf(stack)
  try {
    const alma = await runtime.runPromise(AlmaService.Alma)
    return await f(runtime, alma)
  } finally {
    await runtime.dispose()
  }
}

/**
 * Timed `retrieve` calls.
 *
 * **Units** ms; `itemsPerSlice`: memories returned per call; `cacheHits`: calls answered by the
 * retrieval cache (0 expected: it is off).
 *
 * @since 0.1.0
 * @category models
 */
export interface RetrievePhase {
  readonly latency: Summary
  readonly itemsPerSlice: Summary
  readonly reportedRetrievalMs: Summary
  readonly cacheHits: number
}

const items = (s: MemorySlice) =>
  s.heuristics.length + s.antiPatterns.length + s.preferences.length + s.domainKnowledge.length + s.outcomes.length

/**
 * `retrieve` with default options (mode default, topK 5, no userId) for each query after `warmup`
 * untimed ones; every query text is distinct.
 *
 * @since 0.1.0
 * @category constructors
 */
export const timeRetrieve = (stack: Stack, queries: ReadonlyArray<QueryText>, warmup: number): Promise<RetrievePhase> =>
  withRuntime(stack, async (runtime, alma) => {
    const slices: Array<MemorySlice> = []
    const samples = await timeCalls(warmup, queries.length - warmup, async (i) => {
      const q = queries[i]!
      const slice = await runtime.runPromise(alma.retrieve({ task: q.text, agent: q.agent }))
      if (i >= warmup) slices.push(slice)
    })
    return {
      latency: summarize(samples),
      itemsPerSlice: summarize(slices.map(items)),
      reportedRetrievalMs: summarize(slices.map((s) => s.retrievalTimeMs)),
      cacheHits: slices.filter((s) => s.cacheHit).length
    }
  })

/**
 * `embed` alone through the stack's (cached) embedder, every text a cache miss.
 *
 * @since 0.1.0
 * @category constructors
 */
export const timeEmbed = (stack: Stack, texts: ReadonlyArray<string>, warmup: number): Promise<Summary> =>
  withRuntime(stack, async (runtime) => {
    const embedder = await runtime.runPromise(Embedder.Embedder)
    return summarize(
      await timeCalls(warmup, texts.length - warmup, (i) => runtime.runPromise(Effect.asVoid(embedder.embed(texts[i]!))))
    )
  })

/**
 * Timed `learn` calls and what they did.
 *
 * **Units** ms; `actions`: counts of created/updated heuristics and anti-patterns, and of calls with
 * warnings, over the timed calls.
 *
 * @since 0.1.0
 * @category models
 */
export interface LearnPhase {
  readonly latency: Summary
  readonly actions: Record<string, number>
}

/**
 * `learn` for each input after `warmup` untimed ones.
 *
 * @since 0.1.0
 * @category constructors
 */
export const timeLearn = (stack: Stack, inputs: ReadonlyArray<LearnDraw>, warmup: number): Promise<LearnPhase> =>
  withRuntime(stack, async (runtime, alma) => {
    const actions: Record<string, number> = {}
    const samples = await timeCalls(warmup, inputs.length - warmup, async (i) => {
      const result = await runtime.runPromise(alma.learn(inputs[i]!))
      if (i >= warmup) {
        for (const key of [
          result.heuristic ? `heuristic ${result.heuristic.action}` : "no heuristic",
          result.antiPattern ? `anti-pattern ${result.antiPattern.action}` : "no anti-pattern",
          result.warnings.length > 0 ? "with warnings" : "no warnings"
        ]) actions[key] = (actions[key] ?? 0) + 1
      }
    })
    return { latency: summarize(samples), actions }
  })

/**
 * Timed `addKnowledgeBatch` calls (one transaction each).
 *
 * **Units** `latency` in ms per call; `memoriesPerSecond`: memories stored over the summed time of the
 * timed calls; `batchSize`: memories per call.
 *
 * @since 0.1.0
 * @category models
 */
export interface InsertPhase {
  readonly batchSize: number
  readonly latency: Summary
  readonly memoriesPerSecond: number
}

/**
 * `addKnowledgeBatch` of each batch after `warmup` untimed ones.
 *
 * @since 0.1.0
 * @category constructors
 */
export const timeInsert = (
  stack: Stack,
  batches: ReadonlyArray<ReadonlyArray<{ readonly agent: string; readonly domain: string; readonly fact: string }>>,
  warmup: number
): Promise<InsertPhase> =>
  withRuntime(stack, async (runtime, alma) => {
    const samples = await timeCalls(warmup, batches.length - warmup, (i) =>
      runtime.runPromise(alma.addKnowledgeBatch(batches[i]!)))
    const stored = batches.slice(warmup).reduce((n, b) => n + b.length, 0)
    const seconds = samples.reduce((s, x) => s + x, 0) / 1000
    return {
      batchSize: batches[0]?.length ?? 0,
      latency: summarize(samples),
      memoriesPerSecond: seconds > 0 ? Math.round(stored / seconds) : NaN
    }
  })
