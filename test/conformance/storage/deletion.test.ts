/**
 * Storage conformance: `delete` and `auditLog`. A delete removes memories from every index and writes
 * one audit row (with a JSON snapshot) per memory it deleted, counting only those.
 */
import { assert } from "@effect/vitest"
import { DateTime, Effect, Schema, TestClock } from "effect"
import { Memory } from "../../../src/domain/Memory.js"
import { build, encoded, idOf, ids, memoryIds, scope, sorted, stored, vec } from "./fixtures.js"
import { describeBackends, storageTest } from "./suite.js"

describeBackends("Storage deletion", (backend) => {
  const test = storageTest(backend)

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
      assert.deepStrictEqual(memoryIds(yield* storage.getMany("proj-a", [one!, two!, three!])), [three])
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
      assert.deepStrictEqual(yield* encoded(snapshot), yield* encoded(records[0]!.memory))

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

  test("a preference's audit row names its user owner; a deleted id can be saved again", (storage) =>
    Effect.gen(function*() {
      const pref = stored(build.user_preference({ n: 1, owner: "u1", text: "dark theme" }), vec(1))
      yield* storage.save([pref])
      assert.strictEqual(yield* storage.delete("proj-a", [{ id: pref.memory.id, reason: "user asked" }]), 1)
      const [row] = yield* storage.auditLog("proj-a", 10)
      assert.strictEqual(row!.owner, "@user/u1")
      assert.strictEqual(row!.kind, "user_preference")
      yield* storage.save([pref])
      assert.deepStrictEqual(memoryIds([(yield* storage.get("proj-a", pref.memory.id))]), [pref.memory.id])
      const prefs = scope({ owners: ["@user/u1"], kinds: ["user_preference"] })
      assert.deepStrictEqual(ids(yield* storage.lexicalSearch(prefs, "theme")), [pref.memory.id])
      assert.lengthOf(yield* storage.auditLog("proj-a", 10), 1)
    }))

  test("delete of one id twice in a batch deletes and audits it once", (storage) =>
    Effect.gen(function*() {
      yield* storage.save([stored(build.heuristic({ n: 1 }), vec(1))])
      const id = idOf("heuristic", 1)
      assert.strictEqual(yield* storage.delete("proj-a", [{ id, reason: "first" }, { id, reason: "second" }]), 1)
      const audit = yield* storage.auditLog("proj-a", 10)
      assert.lengthOf(audit, 1)
      assert.strictEqual(audit[0]!.reason, "first")
    }))
})
