/**
 * Storage conformance: batch atomicity. A `save` whose batch holds one invalid record (here a vector
 * of the wrong dimension) fails with `StorageError` and changes nothing: no memory of the batch is
 * stored, none it would have replaced is changed, in any index, wherever the invalid record sits in
 * the batch and however large the batch (a backend that writes a large batch in several statements
 * must still write all or none).
 *
 * Deletion batches have no invalid input through the port (unknown ids are skipped by contract), so
 * their atomicity is the durability and deletion suites' "deleted ⇔ audited" checks.
 */
import { assert } from "@effect/vitest"
import { Effect } from "effect"
import type * as Storage from "../../../src/services/Storage.js"
import { assertSameMemory, build, DIMENSIONS, ids, scope, stored, vec } from "./fixtures.js"
import { describeBackends, storageTest } from "./suite.js"

const valid = (n: number, text = `atomic memory${n}`) => stored(build.heuristic({ n, text }), vec(1, n))
const invalid = (n: number) => stored(build.heuristic({ n, text: "invalid wrongdim" }), new Float32Array(DIMENSIONS + 3).fill(0.25))

/** Saves `batch`, asserting it fails with the backend's StorageError. */
const saveFails = (storage: Storage.Service, batch: ReadonlyArray<Storage.StoredMemory>) =>
  Effect.gen(function*() {
    const error = yield* Effect.flip(storage.save(batch))
    assert.strictEqual(error._tag, "StorageError")
    assert.strictEqual(error.backend, storage.backend)
  })

const assertNothingStored = (storage: Storage.Service) =>
  Effect.gen(function*() {
    assert.deepStrictEqual(Object.values(yield* storage.stats("proj-a")), [0, 0, 0, 0, 0])
    assert.deepStrictEqual(yield* storage.list({ projectId: "proj-a" }), [])
    assert.deepStrictEqual(yield* storage.vectorSearch(scope(), vec(1)), [])
    assert.deepStrictEqual(yield* storage.lexicalSearch(scope(), "atomic wrongdim"), [])
  })

describeBackends("Storage batch atomicity", (backend) => {
  const test = storageTest(backend)

  for (const [where, place] of [["first", 0], ["middle", 2], ["last", 4]] as const) {
    test(`a save with an invalid record ${where} fails with StorageError and stores nothing`, (storage) =>
      Effect.gen(function*() {
        const batch = [1, 2, 3, 4].map((n) => valid(n))
        batch.splice(place, 0, invalid(9))
        yield* saveFails(storage, batch)
        yield* assertNothingStored(storage)
        assert.deepStrictEqual(yield* storage.getMany("proj-a", batch.map((r) => r.memory.id)), [])
      }))
  }

  test("a failed save changes none of the memories it would have replaced", (storage) =>
    Effect.gen(function*() {
      const before = [valid(1, "atomic original"), valid(2, "atomic original")]
      yield* storage.save(before)
      yield* saveFails(storage, [valid(1, "atomic replacement"), valid(3), invalid(2)])
      for (const r of before) yield* assertSameMemory(yield* storage.get("proj-a", r.memory.id), r)
      assert.strictEqual((yield* storage.stats("proj-a")).heuristic, 2)
      assert.deepStrictEqual(yield* storage.lexicalSearch(scope(), "replacement wrongdim"), [])
      assert.lengthOf(yield* storage.lexicalSearch(scope(), "original"), 2)
      assert.deepStrictEqual(ids(yield* storage.vectorSearch(scope({ k: 1 }), vec(1, 1))), [before[0]!.memory.id])
    }))

  // 1,200 records: several statements in every backend so far (SQLite writes 250 rows per statement,
  // PostgreSQL 1,000).
  test("a large batch with an invalid record near its end stores nothing", (storage) =>
    Effect.gen(function*() {
      const batch = Array.from({ length: 1_200 }, (_, i) => valid(i + 1))
      batch.splice(1_100, 0, invalid(5_000))
      yield* saveFails(storage, batch)
      yield* assertNothingStored(storage)
      // and the storage still works afterwards
      yield* storage.save(batch.slice(0, 3))
      assert.strictEqual((yield* storage.stats("proj-a")).heuristic, 3)
    }), 30_000)
}, "atomicity")
