/**
 * Storage conformance: scope isolation. Searches, lists, counts and reads never return another
 * project's memories, nor those of an owner or kind outside the scope.
 *
 * Besides examples, a property over random corpora (fast-check): each run writes 0–24 memories of
 * random kinds, owners (agents `alice`, `bob`; users `u1`, `u2`), words and vectors into two new
 * projects of ONE storage shared by all runs (so earlier runs' projects are there to leak), then checks
 * random scopes against a model: every hit is in scope, each (owner, kind) partition returns exactly
 * min(k, its matching memories), vector hits are that partition's nearest with the exact cosine
 * distance, and `list`, `stats` and `getMany` return exactly the model's memories.
 */
import { assert, it } from "@effect/vitest"
import { Effect, Runtime } from "effect"
import * as fc from "fast-check"
import type { MemoryKind } from "../../../src/domain/Ids.js"
import { userOwner } from "../../../src/domain/Ids.js"
import { ownerOf } from "../../../src/domain/Memory.js"
import { cosine } from "../../../src/services/Embedder.js"
import * as Storage from "../../../src/services/Storage.js"
import { fresh } from "./backends.js"
import { allKinds, build, idOf, ids, memoryIds, scope, sorted, stored, vec } from "./fixtures.js"
import { describeBackends, storageTest } from "./suite.js"

const NUM_RUNS = 25

const WORDS = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot"] as const
const AGENTS = ["alice", "bob"] as const
const USERS = ["u1", "u2"] as const
/** Owners a scope may name: both agents, both users, an agent and a user that own nothing, a bare user id. */
const SCOPE_OWNERS = ["alice", "bob", "carol", userOwner("u1"), userOwner("u2"), userOwner("u3"), "u1"]

const vectorArb = fc.array(fc.integer({ min: -3, max: 3 }), { minLength: 3, maxLength: 3 })
  .map((v) => (v.every((x) => x === 0) ? [1, ...v.slice(1)] : v))

const memoryArb = fc.record({
  project: fc.integer({ min: 0, max: 1 }),
  kind: fc.constantFrom(...allKinds),
  who: fc.integer({ min: 0, max: 1 }),
  words: fc.subarray([...WORDS], { minLength: 1 }),
  vector: vectorArb
})

const queryArb = fc.record({
  /** Project 2 of a run is never written. */
  project: fc.integer({ min: 0, max: 2 }),
  owners: fc.subarray(SCOPE_OWNERS),
  kinds: fc.subarray([...allKinds]),
  k: fc.integer({ min: 1, max: 4 }),
  word: fc.constantFrom(...WORDS),
  vector: vectorArb
})

const caseArb = fc.record({
  memories: fc.array(memoryArb, { maxLength: 24 }),
  queries: fc.array(queryArb, { minLength: 1, maxLength: 4 })
})

interface ModelMemory {
  readonly record: Storage.StoredMemory
  readonly project: string
  readonly owner: string
  readonly kind: MemoryKind
  readonly words: ReadonlyArray<string>
}

let runs = 0

const checkCase = (storage: Storage.Service, c: typeof caseArb extends fc.Arbitrary<infer A> ? A : never) =>
  Effect.gen(function*() {
    const run = ++runs
    const project = (p: number) => `iso${run}-p${p}`
    const model: Array<ModelMemory> = c.memories.map((m, i) => {
      const owner = m.kind === "user_preference" ? USERS[m.who]! : AGENTS[m.who]!
      const memory = build[m.kind]({ n: run * 1000 + i, project: project(m.project), owner, text: m.words.join(" ") })
      return {
        record: stored(memory, vec(...m.vector)),
        project: project(m.project),
        owner: ownerOf(memory),
        kind: m.kind,
        words: m.words
      }
    })
    yield* storage.save(model.map((m) => m.record))
    const allIds = model.map((m) => m.record.memory.id)
    for (const p of [0, 1, 2]) {
      const expected = model.filter((m) => m.project === project(p)).map((m) => m.record.memory.id)
      assert.deepStrictEqual(memoryIds(yield* storage.getMany(project(p), allIds)), expected)
    }
    for (const m of model.slice(0, 3)) {
      const other = project(m.project === project(0) ? 1 : 0)
      assert.strictEqual((yield* Effect.flip(storage.get(other, m.record.memory.id)))._tag, "NotFoundError")
    }
    for (const q of c.queries) {
      const s: Storage.SearchScope = { projectId: project(q.project), owners: q.owners, kinds: q.kinds, k: q.k }
      const inScope = model.filter((m) =>
        m.project === s.projectId && s.owners.includes(m.owner) && s.kinds.includes(m.kind)
      )
      const byId = new Map(inScope.map((m) => [m.record.memory.id as string, m]))
      const partition = (m: ModelMemory) => `${m.owner}/${m.kind}`
      const counts = (ms: ReadonlyArray<ModelMemory>) => {
        const out = new Map<string, number>()
        for (const m of ms) out.set(partition(m), (out.get(partition(m)) ?? 0) + 1)
        return out
      }
      const capped = (ms: ReadonlyArray<ModelMemory>) =>
        new Map([...counts(ms)].map(([key, n]) => [key, Math.min(n, s.k)]))

      const query = vec(...q.vector)
      const vectorHits = yield* storage.vectorSearch(s, query)
      const vectorModel = vectorHits.map((h) => byId.get(h.id))
      assert.isTrue(vectorModel.every((m) => m !== undefined), "a vector hit outside the scope")
      assert.deepStrictEqual(counts(vectorModel as Array<ModelMemory>), capped(inScope))
      const distance = (m: ModelMemory) => 1 - cosine(m.record.embedding, query)
      vectorHits.forEach((h, i) => {
        const m = vectorModel[i]!
        assert.closeTo(h.distance, distance(m), 1e-5)
        // nothing left out of its partition is nearer than the hits kept from it
        for (const other of inScope) {
          if (partition(other) === partition(m) && !vectorHits.some((x) => x.id === other.record.memory.id)) {
            assert.isAtLeast(distance(other), h.distance - 1e-5)
          }
        }
      })
      const distances = vectorHits.map((h) => h.distance)
      assert.deepStrictEqual(distances, [...distances].sort((a, b) => a - b))

      const lexicalHits = yield* storage.lexicalSearch(s, q.word)
      const lexicalModel = lexicalHits.map((h) => byId.get(h.id))
      assert.isTrue(
        lexicalModel.every((m) => m !== undefined && m.words.includes(q.word)),
        "a lexical hit outside the scope or without the word"
      )
      assert.deepStrictEqual(
        counts(lexicalModel as Array<ModelMemory>),
        capped(inScope.filter((m) => m.words.includes(q.word)))
      )
      for (const h of lexicalHits) assert.isAbove(h.bm25, 0)

      const listed = yield* storage.list({ projectId: s.projectId, owners: s.owners, kinds: s.kinds })
      assert.deepStrictEqual(sorted(memoryIds(listed)), sorted(inScope.map((m) => m.record.memory.id)))
      const stats = yield* storage.stats(s.projectId, s.owners)
      for (const kind of allKinds) {
        const expected = model.filter((m) => m.project === s.projectId && s.owners.includes(m.owner) && m.kind === kind)
        assert.strictEqual(stats[kind], expected.length, `stats of ${kind}`)
      }
    }
  })

describeBackends("Storage isolation", (backend) => {
  const test = storageTest(backend)

  test("searches and lists return only the requested kinds", (storage) =>
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

  test("user preferences belong to @user/<id>, never to an agent named like the user", (storage) =>
    Effect.gen(function*() {
      const pref = stored(build.user_preference({ n: 1, owner: "u1", text: "dark theme" }), vec(1))
      const agentU1 = stored(build.domain_knowledge({ n: 2, owner: "u1", text: "dark theme" }), vec(1))
      yield* storage.save([pref, agentU1])
      const prefScope = scope({ owners: [userOwner("u1")], kinds: ["user_preference", "domain_knowledge"] })
      assert.deepStrictEqual(ids(yield* storage.vectorSearch(prefScope, vec(1))), [pref.memory.id])
      assert.deepStrictEqual(ids(yield* storage.lexicalSearch(prefScope, "theme")), [pref.memory.id])
      const agentScope = scope({ owners: ["u1"], kinds: ["user_preference", "domain_knowledge"] })
      assert.deepStrictEqual(ids(yield* storage.vectorSearch(agentScope, vec(1))), [agentU1.memory.id])
      assert.deepStrictEqual(memoryIds(yield* storage.list({ projectId: "proj-a", owners: ["u1"] })), [agentU1.memory.id])
      assert.strictEqual((yield* storage.stats("proj-a", [userOwner("u1")])).user_preference, 1)
      assert.strictEqual((yield* storage.stats("proj-a", ["u1"])).user_preference, 0)
    }))

  test("another project's memories, audit rows and records are never returned", (storage) =>
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

  it.effect(`random corpora and scopes match the model (${NUM_RUNS} runs on one storage)`, () =>
    Effect.gen(function*() {
      const storage = yield* Storage.Storage
      const runtime = yield* Effect.runtime<never>()
      yield* Effect.promise(() =>
        fc.assert(
          fc.asyncProperty(caseArb, (c) => Runtime.runPromise(runtime)(checkCase(storage, c))),
          { numRuns: NUM_RUNS }
        )
      )
    }).pipe(Effect.provide(fresh(backend))))
})
