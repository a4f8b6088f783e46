/**
 * The Storage contract: every backend must pass it. Each test builds a fresh layer from `makeLayer`.
 *
 * Vectors are hand-made 8-dimensional unit vectors, so distances are known exactly.
 */
import { assert, describe, it } from "@effect/vitest"
import { DateTime, Effect, Schema, TestClock } from "effect"
import type { Layer } from "effect"
import type { MemoryKind } from "../../src/domain/Ids.js"
import { idPrefix, MemoryId, userOwner } from "../../src/domain/Ids.js"
import { AntiPattern, DomainKnowledge, Heuristic, Memory, Outcome, UserPreference } from "../../src/domain/Memory.js"
import * as Storage from "../../src/services/Storage.js"

// fixtures

/** The dimension of every vector in the contract. */
export const DIMENSIONS = 8

/** A unit vector of dimension 8 from its leading components. */
export const vec = (...xs: ReadonlyArray<number>): Float32Array => {
  const v = Float32Array.from({ length: DIMENSIONS }, (_, i) => xs[i] ?? 0)
  const norm = Math.hypot(...v)
  return v.map((x) => x / norm)
}

const idOf = (kind: MemoryKind, n: number): MemoryId =>
  MemoryId.make(`${idPrefix[kind]}_${n.toString(16).padStart(16, "0")}`)

interface Spec {
  /** Distinguishes memories (and their ids) within a test. */
  readonly n: number
  readonly project?: string
  /** Agent, or user id for a preference. */
  readonly owner?: string
  /** Searchable text. */
  readonly text?: string
  readonly taskType?: string
  /** createdAt, epoch ms (default `n` seconds). */
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

/** Builders per kind. Texts are `spec.text` plus filler words no test searches for. */
export const build = {
  heuristic: (s: Spec) =>
    Heuristic.make({
      ...common("heuristic", s),
      agent: s.owner ?? "alice",
      taskType: s.taskType ?? "deploy",
      condition: text(s),
      strategy: "qqstrategy",
      confidence: 0.8,
      occurrenceCount: 4,
      successCount: 3,
      lastValidated: DateTime.unsafeMake(s.at ?? s.n * 1000)
    }),
  outcome: (s: Spec) =>
    Outcome.make({
      ...common("outcome", s),
      agent: s.owner ?? "alice",
      task: text(s),
      taskType: s.taskType ?? "deploy",
      success: true,
      strategyUsed: "qqstrategy",
      durationMs: 1500
    }),
  anti_pattern: (s: Spec) =>
    AntiPattern.make({
      ...common("anti_pattern", s),
      agent: s.owner ?? "alice",
      ...(s.taskType === undefined ? {} : { taskType: s.taskType }),
      pattern: text(s),
      whyBad: "qqwhybad",
      betterAlternative: "qqbetter",
      occurrenceCount: 2,
      lastSeen: DateTime.unsafeMake(s.at ?? s.n * 1000)
    }),
  domain_knowledge: (s: Spec) =>
    DomainKnowledge.make({
      ...common("domain_knowledge", s),
      agent: s.owner ?? "alice",
      domain: "qqdomain",
      fact: text(s),
      source: "qqsource",
      confidence: 0.9,
      lastVerified: DateTime.unsafeMake(s.at ?? s.n * 1000)
    }),
  user_preference: (s: Spec) =>
    UserPreference.make({
      ...common("user_preference", s),
      userId: s.owner ?? "user1",
      category: "qqcategory",
      preference: text(s),
      source: "qqsource",
      confidence: 1
    })
} satisfies { readonly [K in MemoryKind]: (s: Spec) => Memory }

const stored = (memory: Memory, embedding: Float32Array): Storage.StoredMemory => ({ memory, embedding })

const encode = Schema.encode(Memory)

const assertSameMemory = (actual: Storage.StoredMemory, expected: Storage.StoredMemory) =>
  Effect.gen(function*() {
    assert.deepStrictEqual(yield* encode(actual.memory), yield* encode(expected.memory))
    assert.deepStrictEqual(Array.from(actual.embedding), Array.from(expected.embedding))
  })

const ids = (items: ReadonlyArray<{ readonly id: MemoryId }>) => items.map((i) => i.id)
const memoryIds = (items: ReadonlyArray<Storage.StoredMemory | Memory>) =>
  items.map((i) => ("memory" in i ? i.memory.id : i.id))
const sorted = (xs: ReadonlyArray<string>) => [...xs].sort()

const scope = (over: Partial<Storage.SearchScope> = {}): Storage.SearchScope => ({
  projectId: "proj-a",
  owners: ["alice"],
  kinds: ["heuristic"],
  k: 10,
  ...over
})

const allKinds: ReadonlyArray<MemoryKind> = [
  "heuristic",
  "outcome",
  "anti_pattern",
  "domain_knowledge",
  "user_preference"
]

// suite

/**
 * Registers the Storage contract for one backend. `makeLayer` must return a fresh, empty storage each
 * call, for vectors of dimension `DIMENSIONS`.
 */
export const storageContract = (
  name: string,
  makeLayer: () => Layer.Layer<Storage.Storage, unknown, never>
) =>
  describe(`Storage contract: ${name}`, () => {
    const test = <A, E>(title: string, body: (storage: Storage.Service) => Effect.Effect<A, E>) =>
      it.effect(title, () => Effect.flatMap(Storage.Storage, body).pipe(Effect.provide(makeLayer())))

    test("reports a backend name", (storage) =>
      Effect.sync(() => {
        assert.isString(storage.backend)
        assert.isAbove(storage.backend.length, 0)
      }))

    test("save then get returns each kind's memory and embedding unchanged", (storage) =>
      Effect.gen(function*() {
        const records = allKinds.map((kind, i) =>
          stored(build[kind]({ n: i + 1, owner: kind === "user_preference" ? "user1" : "alice" }), vec(i, 1))
        )
        yield* storage.save(records)
        for (const record of records) {
          yield* assertSameMemory(yield* storage.get("proj-a", record.memory.id), record)
        }
      }))

    test("get fails with NotFoundError for a missing id or another project's id", (storage) =>
      Effect.gen(function*() {
        yield* storage.save([stored(build.heuristic({ n: 1 }), vec(1))])
        const missing = yield* Effect.flip(storage.get("proj-a", idOf("heuristic", 99)))
        assert.strictEqual(missing._tag, "NotFoundError")
        const elsewhere = yield* Effect.flip(storage.get("proj-b", idOf("heuristic", 1)))
        assert.strictEqual(elsewhere._tag, "NotFoundError")
      }))

    test("save of an empty batch does nothing", (storage) =>
      Effect.gen(function*() {
        yield* storage.save([])
        const counts = yield* storage.stats("proj-a")
        assert.deepStrictEqual(Object.values(counts), [0, 0, 0, 0, 0])
      }))

    test("save replaces by id: new body and vector, no duplicate in any index", (storage) =>
      Effect.gen(function*() {
        const first = stored(build.heuristic({ n: 1, text: "alpha bravo" }), vec(1))
        const second = stored(build.heuristic({ n: 1, text: "charlie delta" }), vec(0, 1))
        yield* storage.save([first])
        yield* storage.save([second])
        yield* assertSameMemory(yield* storage.get("proj-a", first.memory.id), second)
        assert.lengthOf(yield* storage.list({ projectId: "proj-a" }), 1)
        assert.strictEqual((yield* storage.stats("proj-a")).heuristic, 1)
        const near = yield* storage.vectorSearch(scope(), vec(0, 1))
        assert.deepStrictEqual(ids(near), [first.memory.id])
        assert.closeTo(near[0]!.distance, 0, 1e-5)
        const far = yield* storage.vectorSearch(scope(), vec(1))
        assert.lengthOf(far, 1)
        assert.closeTo(far[0]!.distance, 1, 1e-5)
        assert.deepStrictEqual(yield* storage.lexicalSearch(scope(), "alpha"), [])
        assert.deepStrictEqual(ids(yield* storage.lexicalSearch(scope(), "charlie")), [first.memory.id])
      }))

    test("save with one id twice in a batch keeps the last", (storage) =>
      Effect.gen(function*() {
        const first = stored(build.heuristic({ n: 1, text: "alpha" }), vec(1))
        const second = stored(build.heuristic({ n: 1, text: "bravo" }), vec(0, 1))
        yield* storage.save([first, second])
        yield* assertSameMemory(yield* storage.get("proj-a", first.memory.id), second)
        assert.lengthOf(yield* storage.vectorSearch(scope(), vec(1)), 1)
      }))

    test("getMany returns the found records in request order and skips missing ids", (storage) =>
      Effect.gen(function*() {
        const records = [1, 2, 3].map((n) => stored(build.heuristic({ n }), vec(n)))
        yield* storage.save(records)
        yield* storage.save([stored(build.heuristic({ n: 4, project: "proj-b" }), vec(4))])
        const got = yield* storage.getMany("proj-a", [
          idOf("heuristic", 3),
          idOf("heuristic", 42),
          idOf("heuristic", 1),
          idOf("heuristic", 4)
        ])
        assert.deepStrictEqual(memoryIds(got), [idOf("heuristic", 3), idOf("heuristic", 1)])
        yield* assertSameMemory(got[0]!, records[2]!)
        assert.deepStrictEqual(yield* storage.getMany("proj-a", []), [])
      }))

    test("vectorSearch returns the nearest first with cosine distances", (storage) =>
      Effect.gen(function*() {
        yield* storage.save([
          stored(build.heuristic({ n: 1 }), vec(0, 1)),
          stored(build.heuristic({ n: 2 }), vec(1)),
          stored(build.heuristic({ n: 3 }), vec(1, 1))
        ])
        const hits = yield* storage.vectorSearch(scope(), vec(1))
        assert.deepStrictEqual(ids(hits), [2, 3, 1].map((n) => idOf("heuristic", n)))
        assert.closeTo(hits[0]!.distance, 0, 1e-5)
        assert.closeTo(hits[1]!.distance, 1 - Math.SQRT1_2, 1e-5)
        assert.closeTo(hits[2]!.distance, 1, 1e-5)
        assert.lengthOf(yield* storage.vectorSearch(scope({ k: 2 }), vec(1)), 2)
      }))

    test("vectorSearch returns up to k from each (owner, kind): a busy owner never crowds out another", (storage) =>
      Effect.gen(function*() {
        const busy = Array.from({ length: 20 }, (_, i) => stored(build.heuristic({ n: i + 1 }), vec(1, i / 100)))
        const busyAnti = Array.from(
          { length: 5 },
          (_, i) => stored(build.anti_pattern({ n: 100 + i }), vec(1, i / 50))
        )
        const quiet = [1, 2].map((i) => stored(build.heuristic({ n: 200 + i, owner: "bob" }), vec(0, 1, i)))
        yield* storage.save([...busy, ...busyAnti, ...quiet])
        const hits = yield* storage.vectorSearch(
          scope({ owners: ["alice", "bob"], kinds: ["heuristic", "anti_pattern"], k: 3 }),
          vec(1)
        )
        assert.lengthOf(hits, 8)
        const expected = [...busy.slice(0, 3), ...busyAnti.slice(0, 3), ...quiet].map((s) => s.memory.id)
        assert.deepStrictEqual(sorted(ids(hits)), sorted(expected))
        const distances = hits.map((h) => h.distance)
        assert.deepStrictEqual(distances, [...distances].sort((a, b) => a - b))
      }))

    test("lexicalSearch returns up to k from each (owner, kind), best first, with positive bm25", (storage) =>
      Effect.gen(function*() {
        const busy = Array.from(
          { length: 20 },
          (_, i) => stored(build.heuristic({ n: i + 1, text: `kubernetes cluster${i}` }), vec(1))
        )
        const best = stored(build.heuristic({ n: 50, text: "kubernetes rollout" }), vec(1))
        const quiet = [1, 2].map((i) =>
          stored(build.heuristic({ n: 200 + i, owner: "bob", text: `kubernetes node${i}` }), vec(1))
        )
        yield* storage.save([...busy, best, ...quiet])
        const hits = yield* storage.lexicalSearch(scope({ owners: ["alice", "bob"], k: 3 }), "Kubernetes rollout?")
        const aliceHits = hits.filter((h) => !quiet.some((q) => q.memory.id === h.id))
        assert.lengthOf(aliceHits, 3)
        assert.strictEqual(aliceHits[0]!.id, best.memory.id)
        const bobHits = hits.filter((h) => !aliceHits.includes(h))
        assert.deepStrictEqual(sorted(ids(bobHits)), sorted(ids(quiet.map((q) => q.memory))))
        for (const hit of hits) assert.isAbove(hit.bm25, 0)
        const scores = hits.map((h) => h.bm25)
        assert.deepStrictEqual(scores, [...scores].sort((a, b) => b - a))
      }))

    test("lexicalSearch returns nothing without terms and treats query syntax as plain words", (storage) =>
      Effect.gen(function*() {
        yield* storage.save([stored(build.heuristic({ n: 1, text: "retry flaky network calls" }), vec(1))])
        assert.deepStrictEqual(yield* storage.lexicalSearch(scope(), ""), [])
        assert.deepStrictEqual(yield* storage.lexicalSearch(scope(), "the and of a"), [])
        assert.deepStrictEqual(yield* storage.lexicalSearch(scope(), "unrelated words"), [])
        const hits = yield* storage.lexicalSearch(scope(), "NEAR(\"flaky\" * AND) part: words:network OR -x ^y")
        assert.deepStrictEqual(ids(hits), [idOf("heuristic", 1)])
      }))

    test("searches return only the requested kinds", (storage) =>
      Effect.gen(function*() {
        yield* storage.save(
          (["heuristic", "outcome", "anti_pattern", "domain_knowledge"] as const).map((kind, i) =>
            stored(build[kind]({ n: i + 1, text: "shared words" }), vec(1))
          )
        )
        const wanted: ReadonlyArray<MemoryKind> = ["heuristic", "anti_pattern"]
        const expected = sorted([idOf("heuristic", 1), idOf("anti_pattern", 3)])
        assert.deepStrictEqual(sorted(ids(yield* storage.vectorSearch(scope({ kinds: wanted }), vec(1)))), expected)
        assert.deepStrictEqual(sorted(ids(yield* storage.lexicalSearch(scope({ kinds: wanted }), "shared"))), expected)
        assert.deepStrictEqual(sorted(memoryIds(yield* storage.list({ projectId: "proj-a", kinds: wanted }))), expected)
        assert.deepStrictEqual(yield* storage.vectorSearch(scope({ kinds: [] }), vec(1)), [])
        assert.deepStrictEqual(yield* storage.lexicalSearch(scope({ owners: [] }), "shared"), [])
      }))

    test("user preferences belong to @user/<id>", (storage) =>
      Effect.gen(function*() {
        const pref = stored(build.user_preference({ n: 1, owner: "u1", text: "dark theme" }), vec(1))
        yield* storage.save([pref])
        const prefScope = scope({ owners: [userOwner("u1")], kinds: ["user_preference"] })
        assert.deepStrictEqual(ids(yield* storage.vectorSearch(prefScope, vec(1))), [pref.memory.id])
        assert.deepStrictEqual(ids(yield* storage.lexicalSearch(prefScope, "theme")), [pref.memory.id])
        const wrongOwner = scope({ owners: ["u1"], kinds: ["user_preference"] })
        assert.deepStrictEqual(yield* storage.vectorSearch(wrongOwner, vec(1)), [])
        assert.strictEqual((yield* storage.stats("proj-a", [userOwner("u1")])).user_preference, 1)
      }))

    test("project isolation: another project's memories are never returned", (storage) =>
      Effect.gen(function*() {
        const a = [1, 2].map((n) => stored(build.heuristic({ n, project: "proj-a", text: "cache warmup" }), vec(1)))
        const b = [3, 4].map((n) => stored(build.heuristic({ n, project: "proj-b", text: "cache warmup" }), vec(1)))
        yield* storage.save([...a, ...b])
        const aIds = ids(a.map((s) => s.memory))
        const bIds = ids(b.map((s) => s.memory))
        const inB = scope({ projectId: "proj-b" })
        assert.strictEqual((yield* Effect.flip(storage.get("proj-b", aIds[0]!)))._tag, "NotFoundError")
        assert.deepStrictEqual(memoryIds(yield* storage.getMany("proj-b", [...aIds, ...bIds])), bIds)
        assert.deepStrictEqual(sorted(ids(yield* storage.vectorSearch(inB, vec(1)))), bIds)
        assert.deepStrictEqual(sorted(ids(yield* storage.lexicalSearch(inB, "cache"))), bIds)
        assert.deepStrictEqual(sorted(memoryIds(yield* storage.list({ projectId: "proj-b" }))), bIds)
        assert.strictEqual((yield* storage.stats("proj-b")).heuristic, 2)
        assert.strictEqual((yield* storage.stats("proj-c")).heuristic, 0)
        assert.strictEqual(yield* storage.delete("proj-b", aIds.map((id) => ({ id, reason: "wrong project" }))), 0)
        assert.deepStrictEqual(memoryIds(yield* storage.getMany("proj-a", aIds)), aIds)
        assert.deepStrictEqual(yield* storage.auditLog("proj-b", 10), [])
        assert.strictEqual(yield* storage.delete("proj-a", [{ id: aIds[0]!, reason: "stale" }]), 1)
        assert.deepStrictEqual(yield* storage.auditLog("proj-b", 10), [])
        assert.lengthOf(yield* storage.auditLog("proj-a", 10), 1)
      }))

    test("delete removes from every index, writes audit rows and counts only what it deleted", (storage) =>
      Effect.gen(function*() {
        const records = [1, 2, 3].map((n) => stored(build.heuristic({ n, text: "obsolete advice" }), vec(1, n / 10)))
        yield* storage.save(records)
        const [one, two, three] = ids(records.map((s) => s.memory))
        yield* TestClock.adjust("1 hour")
        const deleted = yield* storage.delete("proj-a", [
          { id: one!, reason: "contradicted" },
          { id: two!, reason: "stale" },
          { id: idOf("heuristic", 77), reason: "missing" }
        ])
        assert.strictEqual(deleted, 2)
        assert.strictEqual((yield* Effect.flip(storage.get("proj-a", one!)))._tag, "NotFoundError")
        assert.deepStrictEqual(ids(yield* storage.vectorSearch(scope(), vec(1))), [three])
        assert.deepStrictEqual(ids(yield* storage.lexicalSearch(scope(), "obsolete")), [three])
        assert.deepStrictEqual(memoryIds(yield* storage.list({ projectId: "proj-a" })), [three])
        assert.strictEqual((yield* storage.stats("proj-a")).heuristic, 1)

        const audit = yield* storage.auditLog("proj-a", 10)
        assert.deepStrictEqual(sorted(audit.map((a) => a.memoryId)), sorted([one!, two!]))
        const first = audit.find((a) => a.memoryId === one)!
        assert.strictEqual(first.reason, "contradicted")
        assert.strictEqual(first.kind, "heuristic")
        assert.strictEqual(first.owner, "alice")
        assert.strictEqual(first.projectId, "proj-a")
        assert.strictEqual(DateTime.toEpochMillis(first.deletedAt), 3_600_000)
        const snapshot = yield* Schema.decodeUnknown(Schema.parseJson(Memory))(first.snapshot)
        assert.deepStrictEqual(yield* encode(snapshot), yield* encode(records[0]!.memory))

        yield* TestClock.adjust("1 hour")
        const again = yield* storage.delete("proj-a", [{ id: three!, reason: "done" }, { id: one!, reason: "again" }])
        assert.strictEqual(again, 1)
        const newest = yield* storage.auditLog("proj-a", 10)
        assert.strictEqual(newest.length, 3)
        assert.strictEqual(newest[0]!.memoryId, three)
        assert.strictEqual(DateTime.toEpochMillis(newest[0]!.deletedAt), 7_200_000)
        assert.deepStrictEqual((yield* storage.auditLog("proj-a", 1)).map((a) => a.memoryId), [three])
        assert.strictEqual(yield* storage.delete("proj-a", []), 0)
      }))

    test("list filters by owners, kinds, taskType, createdBefore and limit, newest first", (storage) =>
      Effect.gen(function*() {
        const records = [
          stored(build.heuristic({ n: 1, at: 1_000, taskType: "deploy" }), vec(1)),
          stored(build.outcome({ n: 2, at: 5_000, taskType: "test" }), vec(2)),
          stored(build.anti_pattern({ n: 3, at: 3_000, taskType: "deploy" }), vec(3)),
          stored(build.anti_pattern({ n: 4, at: 4_000 }), vec(4)),
          stored(build.heuristic({ n: 5, at: 2_000, owner: "bob", taskType: "deploy" }), vec(5)),
          stored(build.domain_knowledge({ n: 6, at: 6_000 }), vec(6)),
          stored(build.user_preference({ n: 7, at: 7_000, owner: "u1" }), vec(7))
        ]
        yield* storage.save(records)
        const list = (q: Omit<Storage.ListQuery, "projectId">) =>
          Effect.map(storage.list({ projectId: "proj-a", ...q }), memoryIds)
        const id = (i: number) => records[i - 1]!.memory.id
        assert.deepStrictEqual(yield* list({}), [7, 6, 2, 4, 3, 5, 1].map(id))
        assert.deepStrictEqual(yield* list({ owners: ["bob", userOwner("u1")] }), [7, 5].map(id))
        assert.deepStrictEqual(yield* list({ kinds: ["anti_pattern", "outcome"] }), [2, 4, 3].map(id))
        assert.deepStrictEqual(yield* list({ taskType: "deploy" }), [3, 5, 1].map(id))
        assert.deepStrictEqual(yield* list({ createdBefore: DateTime.unsafeMake(4_000) }), [3, 5, 1].map(id))
        assert.deepStrictEqual(yield* list({ limit: 2 }), [7, 6].map(id))
        assert.deepStrictEqual(
          yield* list({ owners: ["alice"], kinds: ["heuristic", "anti_pattern"], taskType: "deploy", limit: 5 }),
          [3, 1].map(id)
        )
        const outcomes = yield* storage.list({ projectId: "proj-a", kinds: ["outcome"] })
        yield* assertSameMemory({ memory: outcomes[0]!, embedding: records[1]!.embedding }, records[1]!)
      }))

    test("stats counts per kind, optionally for some owners", (storage) =>
      Effect.gen(function*() {
        yield* storage.save([
          stored(build.heuristic({ n: 1 }), vec(1)),
          stored(build.heuristic({ n: 2 }), vec(2)),
          stored(build.heuristic({ n: 3, owner: "bob" }), vec(3)),
          stored(build.outcome({ n: 4 }), vec(4)),
          stored(build.user_preference({ n: 5, owner: "u1" }), vec(5)),
          stored(build.heuristic({ n: 6, project: "proj-b" }), vec(6))
        ])
        assert.deepStrictEqual(yield* storage.stats("proj-a"), {
          heuristic: 3,
          outcome: 1,
          user_preference: 1,
          domain_knowledge: 0,
          anti_pattern: 0
        })
        assert.deepStrictEqual(yield* storage.stats("proj-a", ["alice"]), {
          heuristic: 2,
          outcome: 1,
          user_preference: 0,
          domain_knowledge: 0,
          anti_pattern: 0
        })
      }))
  })
