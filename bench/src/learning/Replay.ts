/**
 * Runs the paraphrase script through the public API: every outcome is a `learn`, then every query a
 * `retrieve` (default mode, topK and budget), then the formed memories are read back with
 * `exportMemories`.
 *
 * @since 0.1.0
 */
import { DateTime, Effect } from "effect"
import { AgentScope, AlmaService, Embedder, Memory, MemoryCache, Relevance, Retriever, StrategyMatch } from "alma-memory"
import type { MemorySlice } from "alma-memory"
import type { FormedMemory } from "./Formation.js"
import type { Dataset, Query } from "./Model.js"
import type { Embedded } from "./Paraphrase.js"
import type { Observation, SliceItem } from "./Slices.js"

/**
 * A rendered slice kept for the report.
 *
 * @since 0.1.0
 * @category models
 */
export interface Example {
  readonly query: string
  readonly kind: string
  readonly agent: string
  readonly task: string
  readonly tokens: number
  readonly prompt: string
}

/**
 * What a replay produced.
 *
 * **Shape** `familyOfOutcome`: learned outcome id → family id; `memories`: heuristics and
 * anti-patterns, oldest first; `learned`: counts of `learn`'s own report (created / updated memories,
 * calls that returned at least one warning); `vectors`: every strategy text's embedding.
 *
 * @since 0.1.0
 * @category models
 */
export interface ReplayResult {
  readonly familyOfOutcome: ReadonlyMap<string, string>
  readonly memories: ReadonlyArray<FormedMemory>
  readonly observations: ReadonlyArray<Observation>
  readonly examples: ReadonlyArray<Example>
  readonly learned: {
    readonly heuristicsCreated: number
    readonly heuristicsUpdated: number
    readonly antiPatternsCreated: number
    readonly antiPatternsUpdated: number
    readonly warned: number
  }
  readonly vectors: ReadonlyArray<Embedded>
  /** Every query again without the relevance gate (floor 0, no minimum score, no cache): the items with their relevance. */
  readonly ungated: ReadonlyArray<Ungated>
  readonly embedder: { readonly model: string; readonly dimensions: number }
}

/**
 * One query's ungated slice: its items with their relevance to the task (`internal/relevance.ts`, in [0, 1]).
 *
 * @since 0.1.0
 * @category models
 */
export interface Ungated {
  readonly query: Query
  readonly items: ReadonlyArray<SliceItem & { readonly relevance: number }>
}

/**
 * A slice's items: heuristics, anti-patterns, outcomes, then preferences and knowledge (`other`).
 *
 * @since 0.1.0
 * @category constructors
 */
export const itemsOf = (slice: MemorySlice): ReadonlyArray<SliceItem> => [
  ...slice.heuristics.map((s) => ({ kind: "heuristic" as const, id: s.memory.id, text: s.memory.strategy, provenance: s.memory.provenance })),
  ...slice.antiPatterns.map((s) => ({ kind: "anti_pattern" as const, id: s.memory.id, text: s.memory.pattern, provenance: s.memory.provenance })),
  ...slice.outcomes.map((s) => ({ kind: "outcome" as const, id: s.memory.id, text: s.memory.strategyUsed, provenance: [s.memory.id] })),
  ...slice.preferences.map((s) => ({ kind: "other" as const, id: s.memory.id, text: s.memory.preference, provenance: s.memory.provenance })),
  ...slice.domainKnowledge.map((s) => ({ kind: "other" as const, id: s.memory.id, text: s.memory.fact, provenance: s.memory.provenance }))
]

const formed = (m: Memory.Memory): ReadonlyArray<FormedMemory & { readonly at: number }> => {
  const at = DateTime.toEpochMillis(m.createdAt)
  if (m.kind === "heuristic") return [{ id: m.id, kind: m.kind, agent: m.agent, text: m.strategy, provenance: m.provenance, at }]
  if (m.kind === "anti_pattern") return [{ id: m.id, kind: m.kind, agent: m.agent, text: m.pattern, provenance: m.provenance, at }]
  return []
}

/**
 * Replays the dataset: registers one agent per domain (`canLearn: [domain]`), learns every step in
 * order, retrieves every query, exports the formed memories, and embeds every strategy text once
 * more for the paraphrase statistics. Calls `onStep` after each learn and retrieve.
 *
 * **Errors** those of `learn`, `retrieve`, `exportMemories` and the embedder.
 *
 * @since 0.1.0
 * @category constructors
 */
export const replay = Effect.fn("LearningBench.replay")(function*(
  dataset: Dataset,
  projectId: string,
  onStep: () => void = () => {}
) {
  const alma = yield* AlmaService.Alma
  const embedder = yield* Embedder.Embedder
  for (const d of dataset.domains) yield* alma.registerAgent(AgentScope.make({ agent: d.agent, canLearn: [d.domain] }))
  const familyOfOutcome = new Map<string, string>()
  const learned = { heuristicsCreated: 0, heuristicsUpdated: 0, antiPatternsCreated: 0, antiPatternsUpdated: 0, warned: 0 }
  for (const step of dataset.steps) {
    const result = yield* alma.learn({
      agent: step.agent,
      task: step.task,
      outcome: step.success ? "success" : "failure",
      strategyUsed: step.strategy,
      taskType: step.taskType,
      ...(step.errorMessage !== undefined ? { errorMessage: step.errorMessage } : {}),
      metadata: { bench: "learning" }
    })
    familyOfOutcome.set(result.outcome.id, step.family)
    if (result.heuristic?.action === "created") learned.heuristicsCreated++
    if (result.heuristic?.action === "updated") learned.heuristicsUpdated++
    if (result.antiPattern?.action === "created") learned.antiPatternsCreated++
    if (result.antiPattern?.action === "updated") learned.antiPatternsUpdated++
    if (result.warnings.length > 0) learned.warned++
    yield* Effect.sync(onStep)
  }
  const observations: Array<Observation> = []
  const examples: Array<Example> = []
  for (const query of dataset.queries) {
    const slice = yield* alma.retrieve({ task: query.task, agent: query.agent })
    observations.push({ query, items: itemsOf(slice), tokens: slice.tokenCount })
    if (!examples.some((e) => e.kind === query.kind)) {
      examples.push({ query: query.id, kind: query.kind, agent: query.agent, task: query.task, tokens: slice.tokenCount, prompt: slice.toPrompt() })
    }
    yield* Effect.sync(onStep)
  }
  // The same queries without the gate, to see which floor would keep what (`Gate.floorSweep`).
  const ungatedRetriever = yield* Retriever.make({ projectId, relevanceFloor: 0, minScore: 0 }).pipe(
    Effect.provide(MemoryCache.layer({ timeToLive: 0 }))
  )
  const ungated: Array<Ungated> = []
  for (const query of dataset.queries) {
    const slice = yield* ungatedRetriever.retrieve({ task: query.task, agent: query.agent })
    const words = StrategyMatch.contentWords(query.task)
    const scored = [...slice.heuristics, ...slice.antiPatterns, ...slice.outcomes, ...slice.preferences, ...slice.domainKnowledge]
    const relevance = new Map<string, number>(
      scored.map((s) => [s.memory.id, Relevance.relevance(s.score.vector, words, Memory.searchText(s.memory))])
    )
    ungated.push({ query, items: itemsOf(slice).map((item) => ({ ...item, relevance: relevance.get(item.id) ?? 0 })) })
  }
  const exported = yield* alma.exportMemories({ kinds: ["heuristic", "anti_pattern"] })
  const memories = exported
    .flatMap(formed)
    .sort((a, b) => a.at - b.at || a.id.localeCompare(b.id))
    .map(({ at: _, ...m }) => m)
  const agentOf = new Map(dataset.families.map((f) => [f.id, { agent: f.agent, templated: f.templated }]))
  const strategyTexts = dataset.steps.map((s) => ({ family: s.family, ...agentOf.get(s.family)!, success: s.success, text: s.strategy }))
  const vectors = yield* embedder.embedMany(strategyTexts.map((s) => s.text))
  return {
    familyOfOutcome,
    memories,
    observations,
    examples,
    learned,
    vectors: strategyTexts.map((s, i) => ({ ...s, vector: vectors[i]! })),
    ungated,
    embedder: { model: embedder.model, dimensions: embedder.dimensions }
  } satisfies ReplayResult
})
