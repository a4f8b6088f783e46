import { assert, describe, it } from "@effect/vitest"
import { DateTime, Effect, Layer, TestClock } from "effect"
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterAll } from "vitest"
import * as HashEmbedder from "../../layers/embedders/HashEmbedder.js"
import * as Alma from "../../src/Alma.js"
import type { ValidationError } from "../../src/domain/AlmaError.js"
import { MemoryId } from "../../src/domain/Ids.js"
import type { Memory } from "../../src/domain/Memory.js"
import { AntiPattern, DomainKnowledge, Heuristic, Outcome } from "../../src/domain/Memory.js"
import { groupBySimilarity } from "../../src/internal/consolidation/group.js"
import * as Consolidator from "../../src/services/Consolidator.js"
import * as Learner from "../../src/services/Learner.js"
import * as Retriever from "../../src/services/Retriever.js"
import * as Storage from "../../src/services/Storage.js"
import { scope } from "../fixtures/stack.js"

const PROJECT = "default"

const withConsolidator = (engine: Layer.Layer<Alma.Services, unknown>) =>
  Consolidator.layer({ projectId: PROJECT }).pipe(Layer.provideMerge(engine))

const inMemory = () => withConsolidator(Alma.layerInMemory({ agents: [scope("helena"), scope("victor")] }))

let seq = 0
const id = (prefix: string) => MemoryId.make(`${prefix}_${(++seq).toString(16).padStart(16, "0")}`)

interface Extra {
  readonly provenance?: ReadonlyArray<MemoryId>
  readonly metadata?: Record<string, unknown>
}

const base = (prefix: string, at: DateTime.Utc, extra: Extra = {}) => ({
  id: id(prefix),
  projectId: PROJECT,
  createdAt: at,
  updatedAt: at,
  metadata: extra.metadata ?? {},
  provenance: extra.provenance ?? []
})

const heuristic = (
  agent: string,
  strategy: string,
  fields: { confidence: number; occurrences: number; successes: number },
  at: DateTime.Utc,
  extra: Extra = {}
) =>
  Heuristic.make({
    ...base("heur", at, extra),
    agent,
    taskType: "form_testing",
    condition: "task type: form_testing",
    strategy,
    confidence: fields.confidence,
    occurrenceCount: fields.occurrences,
    successCount: fields.successes,
    lastValidated: at
  })

const store = (memories: ReadonlyArray<Memory>) => Effect.flatMap(Learner.Learner, (l) => l.store(memories))
const consolidate = (input: Consolidator.ConsolidateInput) =>
  Effect.flatMap(Consolidator.Consolidator, (c) => c.consolidate(input))
const listAll = (owners?: ReadonlyArray<string>) =>
  Effect.flatMap(Storage.Storage, (s) => s.list({ projectId: PROJECT, owners }))
const audit = Effect.flatMap(Storage.Storage, (s) => s.auditLog(PROJECT, 100))

const STRATEGY = "fill the login form field by field and wait for each validation message"

/** Three near-duplicates of STRATEGY (cosine ≥ 0.85 with the hash embedder) and one unrelated heuristic. */
const seedHeuristics = (agent: string) =>
  Effect.gen(function*() {
    yield* TestClock.adjust("30 days")
    const t0 = DateTime.subtract(yield* DateTime.now, { days: 10 }) // all in the past
    const day = (n: number) => DateTime.add(t0, { days: n })
    const o1 = id("out")
    const o2 = id("out")
    const o3 = id("out")
    const dupes = [
      heuristic(agent, STRATEGY, { confidence: 0.8, occurrences: 5, successes: 4 }, day(0), { provenance: [o1, o2] }),
      heuristic(agent, `${STRATEGY}.`, { confidence: 1, occurrences: 3, successes: 3 }, day(1), {
        provenance: [o2, o3],
        metadata: { feedback_helpful: 2 }
      }),
      heuristic(agent, `${STRATEGY} again`, { confidence: 0.6, occurrences: 10, successes: 6 }, day(2), {
        metadata: { feedback_helpful: 1, note: "kept unless overridden" }
      })
    ]
    const other = heuristic(agent, "take a screenshot of the rendered checkout page and diff it", {
      confidence: 0.9,
      occurrences: 4,
      successes: 4
    }, day(3))
    yield* store([...dupes, other])
    return { dupes, other, outcomes: [o1, o2, o3] }
  })

const v = (...xs: Array<number>) => Float32Array.from(xs)

describe("groupBySimilarity (union-find)", () => {
  it("chains transitively: A~B and B~C group A, B, C although A and C are far apart", () => {
    // angles 0°, 30°, 60°: cos(A,B) = cos(B,C) ≈ 0.866, cos(A,C) = 0.5
    const a = v(1, 0)
    const b = v(Math.cos(Math.PI / 6), Math.sin(Math.PI / 6))
    const c = v(Math.cos(Math.PI / 3), Math.sin(Math.PI / 3))
    const d = v(-1, 0)
    const groups = groupBySimilarity([a, d, c, b], 0.85)
    assert.strictEqual(groups.length, 1)
    assert.deepStrictEqual(groups[0]!.members, [0, 2, 3])
    assert.closeTo(groups[0]!.minSimilarity, Math.cos(Math.PI / 6), 1e-6)
    // without B the chain breaks
    assert.deepStrictEqual(groupBySimilarity([a, d, c], 0.85), [])
  })

  it("links a pair exactly at the threshold and not just above it", () => {
    const a = v(1, 0)
    const b = v(0.6, 0.8) // cosine 0.6
    assert.strictEqual(groupBySimilarity([a, b], 0.6).length, 1)
    assert.strictEqual(groupBySimilarity([a, b], 0.6 + 1e-5).length, 0)
    // threshold 1 still merges identical vectors despite Float32 rounding; threshold 0 links orthogonal ones
    const x = v(0.1, 0.7, 0.3)
    assert.strictEqual(groupBySimilarity([x, Float32Array.from(x)], 1).length, 1)
    assert.strictEqual(groupBySimilarity([v(1, 0), v(0, 1)], 0).length, 1)
    assert.strictEqual(groupBySimilarity([v(1, 0), v(-1, 0.01)], 0).length, 0)
  })

  it("minSimilarity is the weakest necessary link, not the weakest pair", () => {
    // A-B 0.99, B-C 0.99, A-C lower but above the threshold: the group holds with 0.99 links only
    const a = v(1, 0)
    const b = v(Math.cos(0.141), Math.sin(0.141))
    const c = v(Math.cos(0.282), Math.sin(0.282))
    const [g] = groupBySimilarity([a, b, c], 0.9)
    assert.deepStrictEqual(g!.members, [0, 1, 2])
    assert.closeTo(g!.minSimilarity, Math.cos(0.141), 1e-6)
  })

  it("separates unrelated clusters and drops singletons", () => {
    const groups = groupBySimilarity([v(1, 0, 0), v(0, 1, 0), v(0.99, 0.01, 0), v(0, 0.99, 0.01), v(0, 0, 1)], 0.95)
    assert.deepStrictEqual(groups.map((g) => g.members), [[0, 2], [1, 3]])
  })
})

describe("Consolidator (in memory)", () => {
  it.effect("a dry run reports the groups and changes nothing", () =>
    Effect.gen(function*() {
      const { dupes } = yield* seedHeuristics("helena")
      const before = yield* listAll()
      const result = yield* consolidate({ agent: "helena" }) // dryRun defaults to true
      assert.isTrue(result.dryRun)
      assert.strictEqual(result.groupsFound, 1)
      assert.strictEqual(result.mergedCount, 3)
      assert.strictEqual(result.memoriesProcessed, 4)
      assert.deepStrictEqual([...result.mergeDetails[0]!.mergedFrom], dupes.map((d) => d.id))
      assert.isAtLeast(result.mergeDetails[0]!.minSimilarity, 0.85)
      const after = yield* listAll()
      assert.deepStrictEqual(after.map((m) => m.id).sort(), before.map((m) => m.id).sort())
      assert.notInclude(after.map((m) => m.id), result.mergeDetails[0]!.mergedInto)
      assert.strictEqual((yield* audit).length, 0)
    }).pipe(Effect.provide(inMemory())))

  it.effect("a real run leaves exactly one merged memory, audits the originals, and retrieval sees it", () =>
    Effect.gen(function*() {
      const { dupes, other, outcomes } = yield* seedHeuristics("helena")
      const retriever = yield* Retriever.Retriever
      const query = { agent: "helena", task: STRATEGY, kinds: ["heuristic" as const], mode: "similarity" as const }
      const cached = yield* retriever.retrieve(query) // fills the cache with the originals
      assert.strictEqual(cached.heuristics.length, 4)
      yield* TestClock.adjust("1 hour")
      const result = yield* consolidate({ agent: "helena", dryRun: false })
      assert.isFalse(result.dryRun)
      assert.strictEqual(result.mergedCount, 3)
      assert.deepStrictEqual(result.errors, [])
      const mergedId = result.mergeDetails[0]!.mergedInto
      const left = yield* listAll(["helena"])
      assert.deepStrictEqual(left.map((m) => m.id).sort(), [mergedId, other.id].sort())
      const merged = left.find((m) => m.id === mergedId)!
      assert(merged.kind === "heuristic")
      // highest-confidence member's text; counts summed; confidence averaged (original ALMA)
      assert.strictEqual(merged.strategy, `${STRATEGY}.`)
      assert.strictEqual(merged.occurrenceCount, 18)
      assert.strictEqual(merged.successCount, 13)
      assert.closeTo(merged.confidence, (0.8 + 1 + 0.6) / 3, 1e-12)
      assert.deepStrictEqual(merged.metadata["merged_from"], dupes.map((d) => d.id))
      assert.strictEqual(merged.metadata["original_count"], 3)
      assert.strictEqual(merged.metadata["merge_timestamp"], DateTime.formatIso(yield* DateTime.now))
      assert.strictEqual(merged.metadata["feedback_helpful"], 3)
      assert.strictEqual(merged.metadata["note"], "kept unless overridden")
      assert.deepStrictEqual([...merged.provenance], outcomes) // union, oldest member first
      assert.isTrue(DateTime.Equivalence(merged.createdAt, dupes[0]!.createdAt))
      assert.isTrue(DateTime.Equivalence(merged.lastValidated, dupes[2]!.lastValidated))
      const rows = yield* audit
      assert.deepStrictEqual(rows.map((r) => r.memoryId).sort(), dupes.map((d) => d.id).sort())
      assert.isTrue(rows.every((r) => r.reason === `consolidated: merged into ${mergedId}`))
      const fresh = yield* retriever.retrieve(query)
      assert.isFalse(fresh.cacheHit)
      assert.deepStrictEqual(fresh.heuristics.map((h) => h.memory.id).sort(), [mergedId, other.id].sort())
      // a second run finds nothing left to merge
      const again = yield* consolidate({ agent: "helena", dryRun: false })
      assert.strictEqual(again.groupsFound, 0)
      assert.strictEqual(again.mergedCount, 0)
    }).pipe(Effect.provide(inMemory())))

  it.effect("never reads or touches another agent's memories", () =>
    Effect.gen(function*() {
      const victor = yield* seedHeuristics("victor")
      yield* seedHeuristics("helena")
      const result = yield* consolidate({ agent: "helena", dryRun: false, similarityThreshold: 0 })
      assert.strictEqual(result.memoriesProcessed, 4)
      const victorLeft = yield* listAll(["victor"])
      assert.deepStrictEqual(victorLeft.map((m) => m.id).sort(), [...victor.dupes, victor.other].map((m) => m.id).sort())
      assert.isTrue((yield* audit).every((r) => r.owner === "helena"))
    }).pipe(Effect.provide(inMemory())))

  it.effect("rejects bad input naming the field, and changes nothing", () =>
    Effect.gen(function*() {
      yield* seedHeuristics("helena")
      const fail = (input: unknown) => Effect.flip(consolidate(input as Consolidator.ConsolidateInput))
      const unknown = (yield* fail({ agent: "nobody", dryRun: false })) as ValidationError
      assert.strictEqual(unknown._tag, "ValidationError")
      assert.strictEqual(unknown.field, "agent")
      for (const threshold of [1.0001, -0.1, Number.NaN]) {
        const e = (yield* fail({ agent: "helena", similarityThreshold: threshold, dryRun: false })) as ValidationError
        assert.strictEqual(e.field, "similarity_threshold")
      }
      const kind = (yield* fail({ agent: "helena", memoryType: "preferences", dryRun: false })) as ValidationError
      assert.strictEqual(kind.field, "memory_type")
      assert.strictEqual((yield* listAll()).length, 4)
      assert.strictEqual((yield* audit).length, 0)
    }).pipe(Effect.provide(inMemory())))

  it.effect("merges knowledge, anti-patterns and outcomes by their own rules", () =>
    Effect.gen(function*() {
      const t0 = yield* DateTime.now
      const later = DateTime.add(t0, { days: 3 })
      const fact = "the login endpoint rate limits to five attempts per minute per user"
      const knowledge = [0.7, 0.9].map((confidence, i) =>
        DomainKnowledge.make({
          ...base("dk", i === 0 ? t0 : later),
          agent: "helena",
          domain: "auth",
          fact: i === 0 ? fact : `${fact}.`,
          source: "user_stated",
          confidence,
          lastVerified: i === 0 ? t0 : later
        })
      )
      const pattern = "use fixed sleep calls to wait for the login form elements"
      const antiPatterns = [
        { occurrences: 4, alt: "No successful alternative recorded yet for form_testing tasks" },
        { occurrences: 2, alt: "wait explicitly until the element is visible" }
      ].map((a, i) =>
        AntiPattern.make({
          ...base("anti", t0),
          agent: "helena",
          taskType: "form_testing",
          pattern: i === 0 ? pattern : `${pattern}.`,
          whyBad: "sleeps are flaky",
          betterAlternative: a.alt,
          occurrenceCount: a.occurrences,
          lastSeen: i === 0 ? later : t0
        })
      )
      const outcomes = [t0, later].map((at, i) =>
        Outcome.make({
          ...base("out", at),
          agent: "helena",
          task: "test the login form",
          taskType: "form_testing",
          success: i === 1,
          strategyUsed: "fill each field and submit"
        })
      )
      yield* store([...knowledge, ...antiPatterns, ...outcomes])

      const k = yield* consolidate({ agent: "helena", memoryType: "domain_knowledge", dryRun: false })
      const mk = k.mergeDetails[0]!.merged
      assert(mk.kind === "domain_knowledge")
      assert.strictEqual(mk.fact, `${fact}.`)
      assert.strictEqual(mk.confidence, 0.9)
      assert.strictEqual(mk.source, "consolidation")

      const a = yield* consolidate({ agent: "helena", memoryType: "anti_patterns", dryRun: false })
      const ma = a.mergeDetails[0]!.merged
      assert(ma.kind === "anti_pattern")
      assert.strictEqual(ma.pattern, pattern) // the most frequent member's text
      assert.strictEqual(ma.occurrenceCount, 6)
      assert.strictEqual(ma.betterAlternative, "wait explicitly until the element is visible")
      assert.isTrue(DateTime.Equivalence(ma.lastSeen, later))

      const o = yield* consolidate({ agent: "helena", memoryType: "outcomes", dryRun: false })
      const mo = o.mergeDetails[0]!.merged
      assert(mo.kind === "outcome")
      assert.isTrue(mo.success) // the most recent member
      assert.isTrue(DateTime.Equivalence(mo.createdAt, later))
      assert.deepStrictEqual([...mo.provenance], outcomes.map((x) => x.id))

      const counts = yield* Effect.flatMap(Storage.Storage, (s) => s.stats(PROJECT, ["helena"]))
      assert.deepInclude(counts, { domain_knowledge: 1, anti_pattern: 1, outcome: 1 })
      assert.strictEqual((yield* audit).length, 6)
    }).pipe(Effect.provide(inMemory())))

  it.effect("completes an interrupted run (merged memory stored, originals not deleted) without double counting", () =>
    Effect.gen(function*() {
      const { dupes, other } = yield* seedHeuristics("helena")
      const preview = yield* consolidate({ agent: "helena" })
      const merged = preview.mergeDetails[0]!.merged
      // What a run that failed right after its store leaves behind:
      yield* store([merged])
      const result = yield* consolidate({ agent: "helena", dryRun: false })
      assert.strictEqual(result.groupsFound, 0)
      assert.strictEqual(result.errors.length, 3)
      assert.include(result.errors[0]!, `already merged into ${merged.id}`)
      const left = yield* listAll(["helena"])
      assert.deepStrictEqual(left.map((m) => m.id).sort(), [merged.id, other.id].sort())
      const kept = left.find((m) => m.id === merged.id)!
      assert(kept.kind === "heuristic")
      assert.strictEqual(kept.occurrenceCount, 18) // not 18 + 18
      assert.deepStrictEqual((yield* audit).map((r) => r.memoryId).sort(), dupes.map((d) => d.id).sort())
    }).pipe(Effect.provide(inMemory())))
  it.effect("an original updated after the interrupted merge is merged again, not deleted as a leftover", () =>
    Effect.gen(function*() {
      const { dupes } = yield* seedHeuristics("helena")
      const merged = (yield* consolidate({ agent: "helena" })).mergeDetails[0]!.merged
      yield* store([merged])
      yield* TestClock.adjust("1 hour")
      const updated = Heuristic.make({ ...dupes[0]!, occurrenceCount: 6, updatedAt: yield* DateTime.now })
      yield* store([updated])
      const result = yield* consolidate({ agent: "helena", dryRun: false })
      assert.strictEqual(result.errors.length, 2) // dupes[1] and dupes[2]
      assert.deepStrictEqual([...result.mergeDetails[0]!.mergedFrom].sort(), [merged.id, updated.id].sort())
      const rows = yield* audit
      assert.strictEqual(rows.length, 4)
    }).pipe(Effect.provide(inMemory())))
})

describe("Consolidator (SQLite file)", () => {
  const dir = mkdtempSync(join(tmpdir(), "alma-consolidate-"))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))
  const filename = join(dir, "alma.db")
  const sqlite = () =>
    withConsolidator(
      Alma.layerSqlite({ filename, embedder: HashEmbedder.layer, agents: [scope("helena"), scope("victor")] })
    )

  it.effect("merges, audits and persists across reopening", () =>
    Effect.gen(function*() {
      const { mergedId, dupeIds } = yield* Effect.gen(function*() {
        const { dupes } = yield* seedHeuristics("helena")
        yield* seedHeuristics("victor")
        const dry = yield* consolidate({ agent: "helena" })
        assert.strictEqual((yield* listAll(["helena"])).length, 4)
        assert.strictEqual(dry.groupsFound, 1)
        const result = yield* consolidate({ agent: "helena", dryRun: false })
        return { mergedId: result.mergeDetails[0]!.mergedInto, dupeIds: dupes.map((d) => d.id) }
      }).pipe(Effect.provide(sqlite()))
      yield* Effect.gen(function*() {
        const helena = yield* listAll(["helena"])
        assert.strictEqual(helena.length, 2)
        assert.include(helena.map((m) => m.id), mergedId)
        assert.strictEqual((yield* listAll(["victor"])).length, 4)
        const rows = yield* audit
        assert.deepStrictEqual(rows.map((r) => r.memoryId).sort(), [...dupeIds].sort())
        assert.isTrue(rows.every((r) => r.reason.startsWith("consolidated") && r.owner === "helena"))
        const stored = yield* Effect.flatMap(Storage.Storage, (s) => s.get(PROJECT, mergedId))
        assert.strictEqual(stored.embedding.length, HashEmbedder.DEFAULT_DIMENSIONS)
      }).pipe(Effect.provide(sqlite()))
    }))
})
