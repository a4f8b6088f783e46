/**
 * Workload (b) of the `peers` suite: search latency and write throughput over a store of N memories of
 * one scope (every search considers all N), drawn from the synthetic corpus of the `latency` suite.
 * The systems are interleaved call by call (the order rotates), so that a busy machine slows them alike.
 *
 * @since 0.1.0
 */
import { mkdirSync } from "node:fs"
import * as path from "node:path"
import { rng, taskTypes } from "../latency/Corpus.js"
import { summarize, type Summary } from "../latency/Stats.js"
import { perturb } from "../latency/Vectors.js"
import type { QueryText } from "../latency/World.js"
import { draw, makeTexts } from "../latency/World.js"
import type { SharedEmbedder } from "./Embedding.js"
import type { Item, PeerStore, System } from "./Systems.js"

/**
 * Calls of workload (b).
 *
 * **Units** counts; `writeBatch`: memories per write call.
 *
 * @since 0.1.0
 * @category models
 */
export interface LatencyCalls {
  readonly warmup: number
  readonly retrieves: number
  readonly includingWarmup: number
  readonly including: number
  readonly writeBatch: number
  readonly includingWriteBatches: number
}

/**
 * One system at one store size.
 *
 * **Units** ms per call; `write.memoriesPerSecond`: memories stored over the summed time of the write
 * calls (seeding the store: the embedding outside the timer; `writeIncluding`: the model inside);
 * `hitsPerSearch`: results per search (k expected).
 *
 * @since 0.1.0
 * @category models
 */
export interface LatencySystemResult {
  readonly system: string
  readonly storeSize: number
  readonly retrieveExcluding: Summary
  readonly retrieveIncluding: Summary
  readonly write: { readonly calls: Summary; readonly memoriesPerSecond: number }
  readonly writeIncluding: { readonly calls: Summary; readonly memoriesPerSecond: number }
  readonly hitsPerSearch: Summary
}

/**
 * The one scope of the latency workload (ALMA agent, mem0 user, Mastra resource and thread).
 *
 * @since 0.1.0
 * @category constructors
 */
export const SCOPE = "agent_00"
/** ALMA's domain of the stored facts. */
const DOMAIN = "memory"

const rate = (items: number, samples: ReadonlyArray<number>) => {
  const seconds = samples.reduce((a, b) => a + b, 0) / 1000
  return seconds > 0 ? Math.round(items / seconds) : NaN
}

/**
 * Runs workload (b) at each store size, on fresh stores per size.
 *
 * **Errors** rejects with whatever a system throws.
 *
 * @since 0.1.0
 * @category constructors
 */
export const runLatencyWorkload = async (options: {
  readonly systems: ReadonlyArray<System>
  readonly embedder: SharedEmbedder
  readonly sizes: ReadonlyArray<number>
  readonly calls: LatencyCalls
  readonly dir: string
  readonly k: number
  readonly onStep: () => void
}): Promise<ReadonlyArray<LatencySystemResult>> => {
  const { embedder, calls, k } = options
  const texts = makeTexts({ agents: 1, typesPerAgent: 12, topicsPerType: 10, strategiesPerType: 8 })
  // Cluster centres and the "excluding" queries: real vectors, computed before any timing.
  embedder.mode = "table-or-model"
  const inputs = draw(texts, 4_242)
  const excluding = inputs.queries(calls.warmup + calls.retrieves)
  const including = inputs.queries(calls.includingWarmup + calls.including)
  const centreTexts = taskTypes.map((t) => texts.topicTexts.get(t)!)
  const centreVectors = await embedder.embed(centreTexts.flat())
  await embedder.embed(excluding.map((q) => q.text))
  const centres = new Map(taskTypes.map((t, i) =>
    [t, centreVectors.slice(i * texts.topicTexts.get(t)!.length, (i + 1) * texts.topicTexts.get(t)!.length)]
  ))
  const results: Array<LatencySystemResult> = []
  for (const size of options.sizes) {
    // The stored texts, each with a perturbation of one of its task type's centres (as the first,
    // superseded `npm run bench` harness did).
    const facts = draw(texts, 9_000 + size).facts(SCOPE, size + calls.includingWriteBatches * calls.writeBatch)
    const stored = facts.slice(0, size)
    const later = facts.slice(size)
    // Each system embeds a stored text (or its own rendering of it) to the same vector.
    const variants = (text: string) => [
      text,
      ...options.systems.flatMap((s) => (s.embeddedText === undefined ? [] : [s.embeddedText(text, DOMAIN)]))
    ]
    stored.forEach((f, i) => {
      const r = rng(i * 2654435761 + size)
      const vector = perturb(r.pick(centres.get(f.domain)!), r)
      for (const text of variants(f.fact)) embedder.table.set(text, vector)
    })
    const items: Array<Item> = stored.map((f, i) => ({ key: `m${i}`, text: f.fact }))
    const stores: Array<PeerStore> = []
    try {
      for (const system of options.systems) {
        const dir = path.join(options.dir, `latency-${size}-${system.name.toLowerCase()}`)
        mkdirSync(dir, { recursive: true })
        stores.push(await system.open({ dir, embedder, scopes: [SCOPE], k, domain: DOMAIN }))
      }
      embedder.mode = "table-or-derived"
      const writeMs = stores.map(() => [] as Array<number>)
      for (let i = 0, b = 0; i < items.length; i += calls.writeBatch, b++) {
        const batch = items.slice(i, i + calls.writeBatch)
        for (const j of stores.map((_, j) => (j + b) % stores.length)) {
          const t0 = performance.now()
          await stores[j]!.add(SCOPE, batch)
          writeMs[j]!.push(performance.now() - t0)
        }
      }
      options.onStep()
      const hits = stores.map(() => [] as Array<number>)
      const timeSearches = async (queries: ReadonlyArray<QueryText>, warmup: number) => {
        const samples = stores.map(() => [] as Array<number>)
        for (const [i, q] of queries.entries()) {
          for (const j of stores.map((_, j) => (j + i) % stores.length)) {
            const t0 = performance.now()
            const found = await stores[j]!.search(SCOPE, q.text, k)
            const ms = performance.now() - t0
            if (i >= warmup) {
              samples[j]!.push(ms)
              hits[j]!.push(found.length)
            }
          }
        }
        return samples
      }
      const ex = await timeSearches(excluding, calls.warmup)
      options.onStep()
      embedder.mode = "model"
      const inc = await timeSearches(including, calls.includingWarmup)
      const writeIncMs = stores.map(() => [] as Array<number>)
      for (let b = 0; b < calls.includingWriteBatches; b++) {
        const batch = later.slice(b * calls.writeBatch, (b + 1) * calls.writeBatch)
          .map((f, i) => ({ key: `n${b}-${i}`, text: f.fact }))
        for (const j of stores.map((_, j) => (j + b) % stores.length)) {
          const t0 = performance.now()
          await stores[j]!.add(SCOPE, batch)
          writeIncMs[j]!.push(performance.now() - t0)
        }
      }
      embedder.mode = "table-or-model"
      options.onStep()
      options.systems.forEach((system, j) =>
        results.push({
          system: system.name,
          storeSize: size,
          retrieveExcluding: summarize(ex[j]!),
          retrieveIncluding: summarize(inc[j]!),
          write: { calls: summarize(writeMs[j]!), memoriesPerSecond: rate(items.length, writeMs[j]!) },
          writeIncluding: {
            calls: summarize(writeIncMs[j]!),
            memoriesPerSecond: rate(calls.includingWriteBatches * calls.writeBatch, writeIncMs[j]!)
          },
          hitsPerSearch: summarize(hits[j]!)
        })
      )
    } finally {
      for (const store of stores) await store.close()
      for (const f of facts) for (const text of variants(f.fact)) embedder.table.delete(text)
    }
  }
  return results
}
