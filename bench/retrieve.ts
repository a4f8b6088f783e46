/**
 * Benchmark 1: `retrieve` over the seeded SQLite file, with the retrieval cache disabled and a
 * distinct query per call, excluding (precomputed vectors) and including (real USE-lite) the query
 * embedding.
 */
import { Effect, type Layer, ManagedRuntime } from "effect"
import * as SqliteStorage from "../layers/sqlite/SqliteStorage.js"
import * as Alma from "../src/Alma.js"
import type { AgentScope } from "../src/domain/AgentScope.js"
import type { Memory } from "../src/domain/Memory.js"
import type { MemorySlice } from "../src/domain/MemorySlice.js"
import * as AlmaService from "../src/services/Alma.js"
import * as Embedder from "../src/services/Embedder.js"
import { type Query, renderBreakdown, storageBreakdown, vectorRecall } from "./profile.js"
import { summarize, type Summary, timeCalls } from "./stats.js"

export interface RetrieveRun {
  readonly latency: Summary
  /** Items per slice and the library's own `retrievalTimeMs`, to cross-check. */
  readonly itemsPerSlice: Summary
  readonly reportedRetrievalMs: Summary
  readonly cacheHits: number
  /**
   * A relevance proxy: per kind, the share of returned items whose task type (a knowledge item's
   * domain) is the task type the query was generated for.
   */
  readonly taskTypePrecision: Record<string, number>
}

const taskTypeOf = (m: Memory): string | undefined =>
  m.kind === "domain_knowledge" ? m.domain : m.kind === "user_preference" ? undefined : m.taskType

const runRetrieves = async (
  runtime: ManagedRuntime.ManagedRuntime<AlmaService.Alma, unknown>,
  queries: ReadonlyArray<{ readonly agent: string; readonly text: string; readonly taskType?: string }>,
  warmup: number,
  slices: Array<MemorySlice>
): Promise<RetrieveRun> => {
  const alma = await runtime.runPromise(AlmaService.Alma)
  const precision: Record<string, [number, number]> = {}
  const samples = await timeCalls(warmup, queries.length - warmup, async (i) => {
    const q = queries[i]!
    const slice = await runtime.runPromise(alma.retrieve({ task: q.text, agent: q.agent }))
    if (i >= warmup) {
      slices.push(slice)
      for (const item of [...slice.heuristics, ...slice.antiPatterns, ...slice.domainKnowledge, ...slice.outcomes]) {
        const e = (precision[item.memory.kind] ??= [0, 0])
        e[1]++
        if (q.taskType !== undefined && taskTypeOf(item.memory) === q.taskType) e[0]++
      }
    }
  })
  const count = (s: MemorySlice) =>
    s.heuristics.length + s.antiPatterns.length + s.preferences.length + s.domainKnowledge.length + s.outcomes.length
  return {
    latency: summarize(samples),
    itemsPerSlice: summarize(slices.map(count)),
    reportedRetrievalMs: summarize(slices.map((s) => s.retrievalTimeMs)),
    cacheHits: slices.filter((s) => s.cacheHit).length,
    taskTypePrecision: Object.fromEntries(
      Object.entries(precision).map(([kind, [hit, n]]) => [kind, Math.round((hit / n) * 1000) / 1000])
    )
  }
}

export interface ExcludingResult {
  readonly run: RetrieveRun
  readonly breakdown: Record<string, Summary>
  /** Share of the exact 10 nearest of each searched partition that `Storage.vectorSearch` returned. */
  readonly vectorRecall: { readonly recall: number; readonly partitions: number; readonly exactScan: Summary }
}

/**
 * `retrieve` with the precomputed embedder (no model inference), then the Storage calls of the same
 * queries timed one by one, and the prompt rendering of the slices.
 */
export const retrieveExcluding = async (options: {
  readonly filename: string
  readonly projectId: string
  readonly agents: ReadonlyArray<AgentScope>
  readonly embedder: Layer.Layer<Embedder.Embedder>
  readonly queries: ReadonlyArray<Query>
  readonly warmup: number
}): Promise<ExcludingResult> => {
  const runtime = ManagedRuntime.make(
    Alma.layerWith(SqliteStorage.layerWith({ filename: options.filename }), options.embedder, {
      projectId: options.projectId,
      agents: options.agents,
      cache: { timeToLive: 0 }
    })
  )
  try {
    const slices: Array<MemorySlice> = []
    const run = await runRetrieves(runtime, options.queries, options.warmup, slices)
    const { breakdown, vectorIds } = await storageBreakdown(runtime, options.projectId, options.queries, options.warmup)
    breakdown["renderPrompt (o200k token count) of the slices"] = renderBreakdown(slices)
    const recall = vectorRecall(options.filename, options.projectId, options.queries, vectorIds)
    breakdown["exact brute-force KNN over the float vectors, 4 partitions (for comparison)"] = recall.exactScan
    return { run, breakdown, vectorRecall: recall }
  } finally {
    await runtime.dispose()
  }
}

export interface IncludingResult {
  readonly run: RetrieveRun
  /** Building the stack: opening the file and loading USE-lite (ms). */
  readonly startupMs: number
  /** `embed` alone through the stack's (cached) embedder, every text a cache miss. */
  readonly embedOnly: Summary
}

/** `retrieve` on `Alma.layerSqlite` with the real local embedder, then the query embedding alone. */
export const retrieveIncluding = async (options: {
  readonly filename: string
  readonly projectId: string
  readonly agents: ReadonlyArray<AgentScope>
  readonly queries: ReadonlyArray<{ readonly agent: string; readonly text: string }>
  readonly embedTexts: ReadonlyArray<string>
  readonly warmup: number
}): Promise<IncludingResult> => {
  const runtime = ManagedRuntime.make(
    Alma.layerSqlite({
      filename: options.filename,
      projectId: options.projectId,
      agents: options.agents,
      cache: { timeToLive: 0 }
    })
  )
  try {
    const t0 = performance.now()
    await runtime.runtime()
    const startupMs = performance.now() - t0
    const run = await runRetrieves(runtime, options.queries, options.warmup, [])
    const embedder = await runtime.runPromise(Embedder.Embedder)
    const embedOnly = summarize(
      await timeCalls(options.warmup, options.embedTexts.length - options.warmup, (i) =>
        runtime.runPromise(Effect.asVoid(embedder.embed(options.embedTexts[i]!))))
    )
    return { run, startupMs, embedOnly }
  } finally {
    await runtime.dispose()
  }
}
