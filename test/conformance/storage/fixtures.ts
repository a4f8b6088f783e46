/**
 * Fixtures of the Storage conformance suite: memories of every kind built from a few fields, hand-made
 * unit vectors of dimension `DIMENSIONS` (distances known exactly), and assertion helpers.
 *
 * Also used by backend-specific tests (`test/layers/*Storage.test.ts`) for their own cases, and by the
 * child process `test/fixtures/conformanceWriter.ts`: so no test-runner import here (vitest cannot be
 * loaded outside its runner); assertions use `node:assert`.
 */
import * as assert from "node:assert/strict"
import { DateTime, Effect, Layer, Schema } from "effect"
import type { MemoryKind } from "../../../src/domain/Ids.js"
import { idPrefix, MemoryId } from "../../../src/domain/Ids.js"
import { AntiPattern, DomainKnowledge, Heuristic, Memory, Outcome, UserPreference } from "../../../src/domain/Memory.js"
import * as Embedder from "../../../src/services/Embedder.js"
import type * as Storage from "../../../src/services/Storage.js"

/** The dimension of every vector in the suite (the test embedder's). */
export const DIMENSIONS = 8

/** A unit vector of dimension `DIMENSIONS` from its leading components (not all zero). */
export const vec = (...xs: ReadonlyArray<number>): Float32Array => {
  const v = Float32Array.from({ length: DIMENSIONS }, (_, i) => xs[i] ?? 0)
  const norm = Math.hypot(...v)
  return v.map((x) => x / norm)
}

/**
 * An embedder that only states a model and a dimension: storage layers read both to check the vectors
 * they are given; the suite never embeds through it.
 */
export const TestEmbedder = (model = `test-${DIMENSIONS}`, dimensions = DIMENSIONS): Layer.Layer<Embedder.Embedder> =>
  Layer.succeed(Embedder.Embedder, {
    model,
    dimensions,
    embed: () => Effect.dieMessage("the storage conformance suite never embeds"),
    embedMany: () => Effect.dieMessage("the storage conformance suite never embeds")
  })

/** The id of memory number `n` of a kind (`heur_000…00n` in hex). */
export const idOf = (kind: MemoryKind, n: number): MemoryId =>
  MemoryId.make(`${idPrefix[kind]}_${n.toString(16).padStart(16, "0")}`)

/** Fields of a built memory; everything else gets a fixed filler value. */
export interface Spec {
  /** Distinguishes memories (and their ids) within a test. */
  readonly n: number
  readonly project?: string
  /** Agent, or user id for a preference. */
  readonly owner?: string
  /** The main searchable text (condition, task, pattern, fact, preference). */
  readonly text?: string
  /** The second searchable field: strategy, strategy used, why bad; the domain or category (a name). */
  readonly detail?: string
  readonly taskType?: string
  /** Confidence of heuristics, knowledge and preferences; success of an outcome (≥ 0.5). */
  readonly confidence?: number
  /** createdAt (and the kind's recency timestamp), epoch ms (default `n` seconds). */
  readonly at?: number
}

const common = (kind: MemoryKind, s: Spec) => {
  const at = DateTime.unsafeMake(s.at ?? s.n * 1000)
  return {
    id: idOf(kind, s.n),
    projectId: s.project ?? "proj-a",
    createdAt: at,
    updatedAt: at,
    metadata: { n: s.n },
    provenance: []
  }
}

const text = (s: Spec) => s.text ?? `memory${s.n}`
const at = (s: Spec) => DateTime.unsafeMake(s.at ?? s.n * 1000)

/** Builders per kind. Filler texts (`qq…`) are words no test searches for. */
export const build = {
  heuristic: (s: Spec) =>
    Heuristic.make({
      ...common("heuristic", s),
      agent: s.owner ?? "alice",
      taskType: s.taskType ?? "deploy",
      condition: text(s),
      strategy: s.detail ?? "qqstrategy",
      confidence: s.confidence ?? 0.8,
      occurrenceCount: 4,
      successCount: 3,
      lastValidated: at(s)
    }),
  outcome: (s: Spec) =>
    Outcome.make({
      ...common("outcome", s),
      agent: s.owner ?? "alice",
      task: text(s),
      taskType: s.taskType ?? "deploy",
      success: (s.confidence ?? 1) >= 0.5,
      strategyUsed: s.detail ?? "qqstrategy",
      durationMs: 1500
    }),
  anti_pattern: (s: Spec) =>
    AntiPattern.make({
      ...common("anti_pattern", s),
      agent: s.owner ?? "alice",
      ...(s.taskType === undefined ? {} : { taskType: s.taskType }),
      pattern: text(s),
      whyBad: s.detail ?? "qqwhybad",
      betterAlternative: "qqbetter",
      occurrenceCount: 2,
      lastSeen: at(s)
    }),
  domain_knowledge: (s: Spec) =>
    DomainKnowledge.make({
      ...common("domain_knowledge", s),
      agent: s.owner ?? "alice",
      domain: s.detail ?? "qqdomain",
      fact: text(s),
      source: "qqsource",
      confidence: s.confidence ?? 0.9,
      lastVerified: at(s)
    }),
  user_preference: (s: Spec) =>
    UserPreference.make({
      ...common("user_preference", s),
      userId: s.owner ?? "user1",
      category: s.detail ?? "qqcategory",
      preference: text(s),
      source: "qqsource",
      confidence: s.confidence ?? 1
    })
} satisfies { readonly [K in MemoryKind]: (s: Spec) => Memory }

/** Every kind, in a fixed order. */
export const allKinds: ReadonlyArray<MemoryKind> = [
  "heuristic",
  "outcome",
  "anti_pattern",
  "domain_knowledge",
  "user_preference"
]

/** A memory with its embedding. */
export const stored = (memory: Memory, embedding: Float32Array): Storage.StoredMemory => ({ memory, embedding })

const encode = Schema.encode(Memory)

/** The memory's encoded form (what JSON it has), for deep comparisons. */
export const encoded = (memory: Memory) => encode(memory)

/** Asserts two stored memories are the same: every field (encoded) and every vector component. */
export const assertSameMemory = (actual: Storage.StoredMemory, expected: Storage.StoredMemory) =>
  Effect.gen(function*() {
    assert.deepStrictEqual(yield* encode(actual.memory), yield* encode(expected.memory))
    assert.deepStrictEqual(Array.from(actual.embedding), Array.from(expected.embedding))
  })

/** The ids of hits or memories, in order. */
export const ids = (items: ReadonlyArray<{ readonly id: MemoryId }>): Array<MemoryId> => items.map((i) => i.id)

/** The ids of stored memories or memories, in order. */
export const memoryIds = (items: ReadonlyArray<Storage.StoredMemory | Memory>): Array<MemoryId> =>
  items.map((i) => ("memory" in i ? i.memory.id : i.id))

/** A sorted copy. */
export const sorted = <A extends string>(xs: ReadonlyArray<A>): Array<A> => [...xs].sort()

/** A search scope: `proj-a`, owner `alice`, heuristics, k 10, unless overridden. */
export const scope = (over: Partial<Storage.SearchScope> = {}): Storage.SearchScope => ({
  projectId: "proj-a",
  owners: ["alice"],
  kinds: ["heuristic"],
  k: 10,
  ...over
})
