/**
 * Builders for the cache conformance suite and the Redis fixtures: slices that exercise the whole
 * MemorySlice schema (DateTimes, nested memory classes, optional fields, metadata), and keys whose
 * computation is counted.
 */
import { DateTime, Effect, Ref, Schema } from "effect"
import { MemoryId } from "../../../src/domain/Ids.js"
import { DomainKnowledge, Heuristic } from "../../../src/domain/Memory.js"
import { MemorySlice, ScoreBreakdown } from "../../../src/domain/MemorySlice.js"
import * as MemoryCache from "../../../src/services/MemoryCache.js"

const at = DateTime.unsafeMake("2025-03-01T12:00:00.000Z")

const score = (final: number) =>
  ScoreBreakdown.make({ vector: final, lexical: 0.25, similarity: final, recency: 1, success: 1, confidence: 0.9, final })

/** A slice whose `query` is `label` (so tests can tell which computation produced it). */
export const slice = (label: string, projectId = "p"): MemorySlice =>
  MemorySlice.make({
    query: label,
    agent: "helena",
    projectId,
    userId: "ana",
    mode: "default",
    heuristics: [{
      memory: Heuristic.make({
        id: MemoryId.make("heur_00000000000000a1"),
        projectId,
        createdAt: at,
        updatedAt: at,
        metadata: { tags: ["forms"], weight: 2 },
        provenance: [MemoryId.make("out_00000000000000b2")],
        agent: "helena",
        taskType: "forms",
        condition: "task type: forms",
        strategy: "validate incrementally",
        confidence: 0.8,
        occurrenceCount: 5,
        successCount: 4,
        lastValidated: at
      }),
      score: score(0.9)
    }],
    antiPatterns: [],
    preferences: [],
    domainKnowledge: [{
      memory: DomainKnowledge.make({
        id: MemoryId.make("dk_00000000000000c3"),
        projectId,
        createdAt: at,
        updatedAt: at,
        metadata: {},
        provenance: [],
        agent: "victor",
        domain: "billing",
        fact: `invoices are immutable (${label})`,
        source: "user_stated",
        confidence: 1,
        lastVerified: at
      }),
      score: score(0.7),
      sharedFrom: "victor"
    }],
    outcomes: [],
    retrievalTimeMs: 3.5,
    maxTokens: 2000,
    tokenCount: 42,
    cacheHit: false
  })

/** The slice's encoded (JSON-ready) form, for deep comparisons. */
export const encoded = (s: MemorySlice) => Schema.encode(MemorySlice)(s)

/** A cache key with the computation a get on it runs on a miss. */
export interface Lookup {
  readonly key: MemoryCache.RetrievalKey
  readonly compute: Effect.Effect<MemorySlice, MemoryCache.ComputeError>
}

/** A key of `projectId`/`id` whose computation returns `value` and counts its runs in `runs`. */
export const countedKey = (
  runs: Ref.Ref<number>,
  projectId: string,
  id: string,
  owners: ReadonlyArray<string>,
  value: MemorySlice = slice(id, projectId)
): Lookup => ({
  key: new MemoryCache.RetrievalKey(projectId, id, owners),
  compute: Effect.as(Ref.update(runs, (n) => n + 1), value)
})

/** `cache.get` of a lookup. */
export const lookup = (cache: MemoryCache.Service, l: Lookup) => cache.get(l.key, l.compute)
