/**
 * Storage conformance: the reading and writing methods (`backend`, `save`, `get`, `getMany`,
 * `vectorSearch`, `lexicalSearch`, `list`, `stats`), as the port's docstrings state them. Deletion and
 * the audit are in `deletion.test.ts`, workflow records in `records.test.ts`, scopes in
 * `isolation.test.ts`.
 */
import { assert } from "@effect/vitest"
import { DateTime, Effect } from "effect"
import { userOwner } from "../../../src/domain/Ids.js"
import type * as Storage from "../../../src/services/Storage.js"
import {
  allKinds,
  assertSameMemory,
  build,
  idOf,
  ids,
  memoryIds,
  scope,
  sorted,
  stored,
  vec
} from "./fixtures.js"
import { describeBackends, storageTest } from "./suite.js"

describeBackends("Storage methods", (backend) => {
  const test = storageTest(backend)

  test("reports a backend name", (storage) =>
    Effect.sync(() => {
      assert.isString(storage.backend)
      assert.isAbove(storage.backend.length, 0)
    }))

  test("save then get returns each kind's memory and embedding unchanged", (storage) =>
    Effect.gen(function*() {
      const records = allKinds.map((kind, i) =>
        stored(build[kind]({ n: i + 1, owner: kind === "user_preference" ? "user1" : "alice" }), vec(i, 1, -0.5))
      )
      yield* storage.save(records)
      for (const record of records) {
        yield* assertSameMemory(yield* storage.get("proj-a", record.memory.id), record)
      }
    }))

  test("save keeps its own copy of the embedding", (storage) =>
    Effect.gen(function*() {
      const embedding = vec(1, 2, 3)
      const original = Array.from(embedding)
      yield* storage.save([stored(build.heuristic({ n: 1 }), embedding)])
      embedding.fill(0)
      assert.deepStrictEqual(Array.from((yield* storage.get("proj-a", idOf("heuristic", 1))).embedding), original)
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
        stored(build.heuristic({ n: 3 }), vec(1, 1)),
        stored(build.heuristic({ n: 4 }), vec(-1))
      ])
      const hits = yield* storage.vectorSearch(scope(), vec(1))
      assert.deepStrictEqual(ids(hits), [2, 3, 1, 4].map((n) => idOf("heuristic", n)))
      assert.closeTo(hits[0]!.distance, 0, 1e-5)
      assert.closeTo(hits[1]!.distance, 1 - Math.SQRT1_2, 1e-5)
      assert.closeTo(hits[2]!.distance, 1, 1e-5)
      assert.closeTo(hits[3]!.distance, 2, 1e-5)
      assert.deepStrictEqual(ids(yield* storage.vectorSearch(scope({ k: 2 }), vec(1))), ids(hits.slice(0, 2)))
    }))

  test("vectorSearch returns up to k from each (owner, kind): a busy owner never crowds out another", (storage) =>
    Effect.gen(function*() {
      const busy = Array.from({ length: 20 }, (_, i) => stored(build.heuristic({ n: i + 1 }), vec(1, i / 100)))
      const busyAnti = Array.from({ length: 5 }, (_, i) => stored(build.anti_pattern({ n: 100 + i }), vec(1, i / 50)))
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
      const quoted = yield* storage.lexicalSearch(scope(), "'network'; drop table memories; -- \\ %_")
      assert.deepStrictEqual(ids(quoted), [idOf("heuristic", 1)])
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
      assert.deepStrictEqual(yield* storage.stats("proj-a", []), {
        heuristic: 0,
        outcome: 0,
        user_preference: 0,
        domain_knowledge: 0,
        anti_pattern: 0
      })
    }))
})
