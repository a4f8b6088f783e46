/**
 * Storage conformance: ranking agreement with the in-memory reference backend on a fixed corpus
 * (`corpus.ts`, 40 memories). For every query and every (owner, kind) partition:
 *
 * - `vectorSearch`: the same top 5 up to ties (`agreement.ts`), and the same cosine distance per id;
 * - `lexicalSearch`: the same top 5 up to ties (BM25 values may differ in scale between backends;
 *   only each backend's own order is compared);
 * - the full hybrid retrieval of the engine (`Alma.layerWith(storage, HashEmbedder.layer)`): the same
 *   top 5 per kind, up to ties of the final score within `ENGINE_TOLERANCE`, and each memory's final
 *   score within `ENGINE_TOLERANCE` of the reference's.
 *
 * Each backend's top 5 (a search with k = 5) must also be a top 5 of its own full ranking (k = 50).
 * The reference is checked against hand-derived expectations too, so the comparison is not with an
 * arbitrary order.
 */
import { assert, it } from "@effect/vitest"
import { Effect, TestClock } from "effect"
import * as HashEmbedder from "../../../layers/embedders/HashEmbedder.js"
import * as Alma from "../../../src/Alma.js"
import type { MemoryKind } from "../../../src/domain/Ids.js"
import { userOwner } from "../../../src/domain/Ids.js"
import { searchText } from "../../../src/domain/Memory.js"
import type { ScoredMemory } from "../../../src/domain/MemorySlice.js"
import * as AlmaService from "../../../src/services/Alma.js"
import * as Embedder from "../../../src/services/Embedder.js"
import * as Storage from "../../../src/services/Storage.js"
import type { Ranked } from "./agreement.js"
import { topKDisagreements } from "./agreement.js"
import type { Backend } from "./backends.js"
import { fresh, reference } from "./backends.js"
import { corpus, lexicalQueries, NOW, tasks, vectorQueries } from "./corpus.js"
import { allKinds, idOf, vec } from "./fixtures.js"
import { describeBackends } from "./suite.js"

const K = 5

/**
 * Final scores closer than this are a tie in the engine comparison: float rounding only, since every
 * backend computes BM25 with FTS5's IDF (k1 1.2, b 0.75) over the same per-partition statistics.
 */
const ENGINE_TOLERANCE = 1e-6

/** Partitions searched: each kind of alice, and u1's preferences. */
const partitions: ReadonlyArray<Storage.SearchScope> = allKinds.map((kind) => ({
  projectId: "proj-a",
  owners: [kind === "user_preference" ? userOwner("u1") : "alice"],
  kinds: [kind],
  k: 50
}))

const partitionName = (s: Storage.SearchScope) => `${s.owners[0]}/${s.kinds[0]}`

/** Per query and partition: the full ranking (k = 50) and the top k (k = 5). */
type Rankings = ReadonlyArray<{ readonly label: string; readonly full: Array<Ranked>; readonly top: Array<Ranked> }>

const saveCorpus = Effect.flatMap(
  Storage.Storage,
  (storage) => storage.save(corpus.map((e) => ({ memory: e.memory, embedding: vec(...e.topics) })))
)

const vectorRankings = Effect.gen(function*() {
  const storage = yield* Storage.Storage
  yield* saveCorpus
  const out: Array<Rankings[number]> = []
  for (const [q, topics] of vectorQueries.entries()) {
    for (const s of partitions) {
      const rank = (hits: ReadonlyArray<Storage.VectorHit>) => hits.map((h) => ({ id: h.id, score: -h.distance }))
      out.push({
        label: `vector query ${q} in ${partitionName(s)}`,
        full: rank(yield* storage.vectorSearch(s, vec(...topics))),
        top: rank(yield* storage.vectorSearch({ ...s, k: K }, vec(...topics)))
      })
    }
  }
  return out
})

const lexicalRankings = Effect.gen(function*() {
  const storage = yield* Storage.Storage
  yield* saveCorpus
  const out: Array<Rankings[number]> = []
  for (const text of lexicalQueries) {
    for (const s of partitions) {
      const rank = (hits: ReadonlyArray<Storage.LexicalHit>) => hits.map((h) => ({ id: h.id, score: h.bm25 }))
      out.push({
        label: `lexical query "${text}" in ${partitionName(s)}`,
        full: rank(yield* storage.lexicalSearch(s, text)),
        top: rank(yield* storage.lexicalSearch({ ...s, k: K }, text))
      })
    }
  }
  return out
})

/** The engine over the backend's storage (hash embeddings, 256 dimensions) with the corpus in it. */
const engine = (backend: Backend) =>
  Alma.layerWith(backend.open(backend.newTarget()), HashEmbedder.layer, { projectId: "proj-a", allowUnknownAgents: true })

const engineRankings = (backend: Backend) =>
  Effect.gen(function*() {
    const storage = yield* Storage.Storage
    const embedder = yield* Embedder.Embedder
    const alma = yield* AlmaService.Alma
    const vectors = yield* embedder.embedMany(corpus.map((e) => searchText(e.memory)))
    yield* storage.save(corpus.map((e, i) => ({ memory: e.memory, embedding: vectors[i]! })))
    const out: Array<Rankings[number]> = []
    for (const task of tasks) {
      const slice = yield* alma.retrieve({ task, agent: "alice", userId: "u1", topK: K })
      const lists: Record<MemoryKind, ReadonlyArray<ScoredMemory>> = {
        heuristic: slice.heuristics,
        outcome: slice.outcomes,
        anti_pattern: slice.antiPatterns,
        domain_knowledge: slice.domainKnowledge,
        user_preference: slice.preferences
      }
      for (const kind of allKinds) {
        const ranked = lists[kind].map((s) => ({ id: s.memory.id, score: s.score.final }))
        out.push({ label: `task "${task}", ${kind}`, full: ranked, top: ranked })
      }
    }
    return out
  }).pipe(Effect.provide(engine(backend)))

const assertAgree = (reference: Rankings, actual: Rankings, tolerance: number) => {
  assert.deepStrictEqual(actual.map((r) => r.label), reference.map((r) => r.label))
  const failures = reference.flatMap((r, i) => {
    const a = actual[i]!
    const problems = [
      ...topKDisagreements(r.full, a.full, K, tolerance),
      ...topKDisagreements(a.full, a.top, K, tolerance).map((p) => `the backend's k = ${K} search: ${p}`)
    ]
    const show = (x: ReadonlyArray<Ranked>) => x.slice(0, K + 2).map((h) => `${h.id} ${h.score.toFixed(6)}`).join(", ")
    return problems.length === 0 ? [] : [`${r.label}: ${problems.join("; ")}\n  reference: ${show(r.full)}\n  backend:   ${show(a.full)}`]
  })
  assert.deepStrictEqual(failures, [])
}

/** The certain part of a ranking's top k (ids strictly above the (k+1)-th score), sorted. */
const certainTop = (rankings: Rankings, label: string): Array<string> => {
  const r = rankings.find((x) => x.label === label)!.full
  const next = r[K]?.score ?? -Infinity
  return r.slice(0, K).filter((x) => x.score > next + 1e-9).map((x) => x.id).sort()
}

describeBackends("Storage ranking agreement with the reference", (backend) => {
  it.effect("vectorSearch: same top 5 up to ties, same cosine distances", () =>
    Effect.gen(function*() {
      const expected = yield* Effect.provide(vectorRankings, fresh(reference))
      const actual = yield* Effect.provide(vectorRankings, fresh(backend))
      // hand-derived: for topic "cache", heuristics 1 and 10 tie first, 2 and 8 tie next, then all tie
      assert.deepStrictEqual(
        certainTop(expected, "vector query 0 in alice/heuristic"),
        [1, 10, 2, 8].map((n) => idOf("heuristic", n)).sort()
      )
      assertAgree(expected, actual, 1e-5)
      expected.forEach((r, i) => {
        const distances = new Map(actual[i]!.full.map((h) => [h.id, h.score]))
        for (const h of r.full) assert.closeTo(distances.get(h.id) ?? NaN, h.score, 1e-5, `${r.label}: ${h.id}`)
      })
    }))

  it.effect("lexicalSearch: same top 5 up to ties", () =>
    Effect.gen(function*() {
      const expected = yield* Effect.provide(lexicalRankings, fresh(reference))
      const actual = yield* Effect.provide(lexicalRankings, fresh(backend))
      // hand-derived: "cache" is in heuristics 1 (three times), 10 (twice) and 2 (once): nowhere else of alice's
      assert.deepStrictEqual(
        expected.find((r) => r.label === `lexical query "cache" in alice/heuristic`)!.full.map((h) => h.id),
        [1, 10, 2].map((n) => idOf("heuristic", n))
      )
      assertAgree(expected, actual, 1e-9)
    }))

  it.effect("hybrid retrieval through the engine: same top 5 per kind up to ties", () =>
    Effect.gen(function*() {
      yield* TestClock.setTime(NOW)
      const expected = yield* engineRankings(reference)
      const actual = yield* engineRankings(backend)
      // hand-derived: the heuristic about warming the cache after a deploy is the best for that task
      const warm = expected.find((r) => r.label === `task "warm the cache after a deploy", heuristic`)!
      assert.strictEqual(warm.full[0]?.id, idOf("heuristic", 1))
      assert.isAbove(expected.reduce((n, r) => n + r.full.length, 0), 60)
      assertAgree(expected, actual, ENGINE_TOLERANCE)
      expected.forEach((r, i) => {
        const finals = new Map(actual[i]!.full.map((h) => [h.id, h.score]))
        for (const h of r.full) {
          if (finals.has(h.id)) assert.closeTo(finals.get(h.id)!, h.score, ENGINE_TOLERANCE, `${r.label}: ${h.id}`)
        }
      })
    }))
})
