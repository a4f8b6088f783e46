/**
 * Workload (a) of the `peers` suite: LoCoMo turn-level retrieval, the data and metrics of the `locomo`
 * suite. Every system stores every turn of every conversation (one scope per conversation, all in one
 * store), then answers every QA item with evidence with its top 10.
 *
 * @since 0.1.0
 */
import { mkdirSync } from "node:fs"
import * as path from "node:path"
import { Prompt } from "alma-memory"
import { summarize, type Summary } from "../latency/Stats.js"
import type { Dataset, Sample } from "../locomo/Dataset.js"
import { turnFact } from "../locomo/Dataset.js"
import type { Breakdown, Judged } from "../locomo/Metrics.js"
import { breakdown } from "../locomo/Metrics.js"
import type { SharedEmbedder } from "./Embedding.js"
import { cosine } from "./Embedding.js"
import type { Item, PeerStore, System } from "./Systems.js"

/**
 * One system's LoCoMo results.
 *
 * **Units** `metrics`: recall/NDCG in [0, 1], tokens o200k of the top-5 texts joined by newlines;
 * `searchMs`: wall time of each search (the query vector comes from the shared table: embedding
 * excluded); `ingest.turnsPerSecond`: turns stored over the summed time of the write calls.
 * `setAgreement` (systems returning an unordered top k only): mean share of the returned top k that is
 * in the exact cosine top k of the conversation.
 *
 * @since 0.1.0
 * @category models
 */
export interface LocomoSystemResult {
  readonly system: string
  readonly metrics: Breakdown
  readonly searchMs: Summary
  readonly ingest: { readonly turns: number; readonly calls: number; readonly seconds: number; readonly turnsPerSecond: number }
  readonly reorderedByCosine: boolean
  readonly setAgreement?: number | undefined
}

/**
 * The scope (ALMA agent, mem0 user, Mastra resource) of a conversation.
 *
 * @since 0.1.0
 * @category constructors
 */
export const scopeOf = (sample: Sample): string => sample.id.replace(/[^A-Za-z0-9_.:-]/g, "_").slice(0, 128) || "sample"

const BATCH = 100
/** ALMA's domain of the stored turns (as in the `locomo` suite). */
const DOMAIN = "conversation"

/**
 * Ranks `hits` by cosine to `query` under the shared table (for systems whose top k is unordered).
 *
 * @since 0.1.0
 * @category constructors
 */
export const byCosine = (embedder: SharedEmbedder, query: string, hits: ReadonlyArray<Item>): ReadonlyArray<Item> => {
  const q = embedder.table.get(query)
  if (q === undefined) return hits
  const score = (h: Item) => {
    const v = embedder.table.get(h.text)
    return v === undefined ? -Infinity : cosine(q, v)
  }
  return [...hits].map((h) => [h, score(h)] as const).sort((a, b) => b[1] - a[1]).map(([h]) => h)
}

/**
 * Runs workload (a) on `systems`, interleaving the systems query by query (the order rotates).
 *
 * **Errors** rejects with whatever a system throws.
 *
 * @since 0.1.0
 * @category constructors
 */
export const runLocomoWorkload = async (options: {
  readonly dataset: Dataset
  readonly systems: ReadonlyArray<System>
  readonly embedder: SharedEmbedder
  readonly dir: string
  readonly k: number
  readonly onStep: () => void
}): Promise<ReadonlyArray<LocomoSystemResult>> => {
  const { dataset, embedder, k } = options
  const samples = dataset.samples
  const scopes = samples.map(scopeOf)
  embedder.mode = "table-or-model"
  // Every text any system embeds, embedded by the model before any timing.
  const facts = samples.flatMap((s) => s.turns.map((t) => turnFact(t, "dated")))
  const texts = [
    ...facts,
    ...options.systems.flatMap((system) => system.embeddedText === undefined ? [] : facts.map((f) => system.embeddedText!(f, DOMAIN))),
    ...samples.flatMap((s) => s.questions.filter((q) => q.evidence.length > 0).map((q) => q.question))
  ]
  for (let i = 0; i < texts.length; i += 256) await embedder.embed(texts.slice(i, i + 256))

  const stores: Array<PeerStore> = []
  try {
    for (const system of options.systems) {
      const dir = path.join(options.dir, `locomo-${system.name.toLowerCase()}`)
      mkdirSync(dir, { recursive: true })
      stores.push(await system.open({ dir, embedder, scopes, k, domain: DOMAIN }))
    }
    const writeMs = options.systems.map(() => [] as Array<number>)
    for (const [s, sample] of samples.entries()) {
      const items = sample.turns.map((t) => ({ key: t.diaId, text: turnFact(t, "dated") }))
      for (let i = 0; i < items.length; i += BATCH) {
        for (const [j, store] of stores.entries()) {
          const t0 = performance.now()
          await store.add(scopes[s]!, items.slice(i, i + BATCH))
          writeMs[j]!.push(performance.now() - t0)
        }
      }
      options.onStep()
    }
    const judged = options.systems.map(() => [] as Array<Judged>)
    const searchMs = options.systems.map(() => [] as Array<number>)
    const agreement = options.systems.map(() => [] as Array<number>)
    let turn = 0
    for (const [s, sample] of samples.entries()) {
      const turnTexts = sample.turns.map((t) => turnFact(t, "dated"))
      for (const q of sample.questions) {
        if (q.evidence.length === 0) continue
        const order = stores.map((_, j) => (j + turn) % stores.length)
        turn++
        for (const j of order) {
          const t0 = performance.now()
          const hits = await stores[j]!.search(scopes[s]!, q.question, k)
          searchMs[j]!.push(performance.now() - t0)
          const system = options.systems[j]!
          const ranked = system.ranked ? hits : byCosine(embedder, q.question, hits)
          if (!system.ranked) {
            const exact = new Set(byCosine(embedder, q.question, turnTexts.map((text) => ({ key: text, text })))
              .slice(0, k).map((h) => h.text))
            agreement[j]!.push(hits.length === 0 ? 0 : hits.filter((h) => exact.has(h.text)).length / Math.min(k, exact.size))
          }
          judged[j]!.push({
            category: q.category,
            evidence: q.evidence,
            ranked: ranked.slice(0, 10).map((h) => h.key),
            tokens: Prompt.tokenCount(ranked.slice(0, 5).map((h) => h.text).join("\n"))
          })
        }
      }
      options.onStep()
    }
    return options.systems.map((system, j) => {
      const seconds = writeMs[j]!.reduce((a, b) => a + b, 0) / 1000
      const turns = samples.reduce((n, s) => n + s.turns.length, 0)
      return {
        system: system.name,
        metrics: breakdown(judged[j]!),
        searchMs: summarize(searchMs[j]!),
        ingest: { turns, calls: writeMs[j]!.length, seconds, turnsPerSecond: Math.round(turns / seconds) },
        reorderedByCosine: !system.ranked,
        ...(system.ranked ? {} : {
          setAgreement: agreement[j]!.length === 0 ? NaN : agreement[j]!.reduce((a, b) => a + b, 0) / agreement[j]!.length
        })
      }
    })
  } finally {
    for (const store of stores) await store.close()
  }
}
