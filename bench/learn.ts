/**
 * Benchmark 2: `learn` over the seeded SQLite file with the precomputed embedder (no model
 * inference), then the steps of one learn timed on their own.
 */
import { DateTime, Effect, type Layer, ManagedRuntime } from "effect"
import * as SqliteStorage from "../layers/sqlite/SqliteStorage.js"
import * as Alma from "../src/Alma.js"
import type { AgentScope } from "../src/domain/AgentScope.js"
import { MemoryId } from "../src/domain/Ids.js"
import type { LearnInput } from "../src/domain/Inputs.js"
import { Outcome } from "../src/domain/Memory.js"
import * as AlmaService from "../src/services/Alma.js"
import * as Embedder from "../src/services/Embedder.js"
import * as Storage from "../src/services/Storage.js"
import { hex16, rng } from "./corpus.js"
import { perturb } from "./vectors.js"
import { summarize, type Summary, timeCalls } from "./stats.js"

export interface LearnRunResult {
  readonly latency: Summary
  readonly actions: Record<string, number>
  readonly breakdown: Record<string, Summary>
}

const HISTORY_WINDOW = 200

export const learnBench = async (options: {
  readonly filename: string
  readonly projectId: string
  readonly agents: ReadonlyArray<AgentScope>
  readonly embedder: Layer.Layer<Embedder.Embedder>
  readonly inputs: ReadonlyArray<LearnInput & { readonly taskType: string }>
  readonly warmup: number
  readonly centre: Float32Array
}): Promise<LearnRunResult> => {
  const runtime = ManagedRuntime.make(
    Alma.layerWith(SqliteStorage.layerWith({ filename: options.filename }), options.embedder, {
      projectId: options.projectId,
      agents: options.agents,
      cache: { timeToLive: 0 }
    })
  )
  try {
    const alma = await runtime.runPromise(AlmaService.Alma)
    const storage = await runtime.runPromise(Storage.Storage)
    const embedder = await runtime.runPromise(Embedder.Embedder)
    const projectId = options.projectId
    const n = options.inputs.length - options.warmup
    const actions: Record<string, number> = {}
    const samples = await timeCalls(options.warmup, n, async (i) => {
      const input = options.inputs[i]!
      const result = await runtime.runPromise(alma.learn(input))
      if (i >= options.warmup) {
        for (const key of [
          result.heuristic ? `heuristic ${result.heuristic.action}` : "no heuristic",
          result.antiPattern ? `anti-pattern ${result.antiPattern.action}` : "no anti-pattern",
          result.warnings.length > 0 ? "with warnings" : "no warnings"
        ]) actions[key] = (actions[key] ?? 0) + 1
      }
    })

    // The steps of one learn, on the same agents and task types.
    const pick = (i: number) => options.inputs[i % options.inputs.length]!
    const outcomes = await timeCalls(options.warmup, n, (i) =>
      runtime.runPromise(storage.list({
        projectId,
        owners: [pick(i).agent],
        kinds: ["outcome"],
        taskType: pick(i).taskType,
        limit: HISTORY_WINDOW
      })))
    const heuristics = await timeCalls(options.warmup, n, (i) =>
      runtime.runPromise(storage.list({
        projectId,
        owners: [pick(i).agent],
        kinds: ["heuristic"],
        taskType: pick(i).taskType,
        limit: HISTORY_WINDOW
      })))
    const antiPatterns = await timeCalls(options.warmup, n, (i) =>
      runtime.runPromise(storage.list({
        projectId,
        owners: [pick(i).agent],
        kinds: ["anti_pattern"],
        taskType: pick(i).taskType,
        limit: HISTORY_WINDOW
      })))
    const strategyVector = (i: number) => perturb(options.centre, rng(i + 7))
    const warnings = await timeCalls(options.warmup, n, (i) =>
      runtime.runPromise(
        storage.vectorSearch({ projectId, owners: [pick(i).agent], kinds: ["anti_pattern"], k: 10 }, strategyVector(i))
          .pipe(Effect.flatMap((hits) => storage.getMany(projectId, hits.map((h) => h.id))))
      ))
    const strategiesOf = await Promise.all(options.inputs.slice(0, 20).map((input) =>
      runtime.runPromise(storage.list({
        projectId,
        owners: [input.agent],
        kinds: ["outcome"],
        taskType: input.taskType,
        limit: HISTORY_WINDOW
      })).then((rows) => rows.map((m) => m.kind === "outcome" ? m.strategyUsed : ""))
    ))
    const cachedEmbed = await timeCalls(options.warmup, n, (i) =>
      runtime.runPromise(embedder.embedMany(strategiesOf[i % strategiesOf.length]!)))
    const now = DateTime.unsafeNow()
    const saveOne = await timeCalls(options.warmup, n, (i) => {
      const input = pick(i)
      const memory = Outcome.make({
        id: MemoryId.make(`out_${hex16(i, 991)}`),
        projectId,
        agent: input.agent,
        task: input.task,
        taskType: input.taskType,
        success: true,
        strategyUsed: input.strategyUsed,
        createdAt: now,
        updatedAt: now,
        metadata: {},
        provenance: []
      })
      return runtime.runPromise(storage.save([{ memory, embedding: perturb(options.centre, rng(i)) }]))
    })
    return {
      latency: summarize(samples),
      actions,
      breakdown: {
        "Storage.list outcomes (agent, task type, limit 200)": summarize(outcomes),
        "Storage.list heuristics (agent, task type)": summarize(heuristics),
        "Storage.list anti-patterns (agent, task type, limit 200)": summarize(antiPatterns),
        "warning candidates: vectorSearch anti-patterns k=10 + getMany": summarize(warnings),
        "cached embedMany of ~200 history strategies (all hits)": summarize(cachedEmbed),
        "Storage.save of one outcome (one transaction)": summarize(saveOne)
      }
    }
  } finally {
    await runtime.dispose()
  }
}
