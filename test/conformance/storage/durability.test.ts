/**
 * Storage conformance: durability. Everything written through one layer (memories of every kind with
 * their vectors and index entries, deletions and their audit rows, workflow records) is there, and
 * searchable, through a new layer over the same target after the first is released. The new layer
 * can write again, and a third sees both layers' writes. (The memory backend is exempt: nothing
 * outlives its layer.)
 */
import { assert, it } from "@effect/vitest"
import { DateTime, Effect, TestClock } from "effect"
import { userOwner } from "../../../src/domain/Ids.js"
import * as Storage from "../../../src/services/Storage.js"
import { reopen } from "./backends.js"
import { allKinds, assertSameMemory, build, ids, memoryIds, scope, sorted, stored, vec } from "./fixtures.js"
import { describeBackends } from "./suite.js"

const records = allKinds.flatMap((kind, i) =>
  [0, 1].map((j) =>
    stored(
      build[kind]({
        n: 10 * i + j + 1,
        owner: kind === "user_preference" ? "u1" : "alice",
        text: `durable note${j} of ${kind}`
      }),
      vec(i + 1, j, 1)
    )
  )
)
const kept = records.filter((_, i) => i % 2 === 0)
const forgotten = records.filter((_, i) => i % 2 === 1)

const workflowRecord = (id: string, at: number): Storage.WorkflowRecord => ({
  projectId: "proj-a",
  collection: "checkpoint",
  id,
  parent: "run-1",
  createdAt: DateTime.unsafeMake(at),
  data: JSON.stringify({ id })
})

/** Asserts the target holds exactly `memories` (in every index) and `audited` deletions. */
const assertHolds = (
  memories: ReadonlyArray<Storage.StoredMemory>,
  audited: ReadonlyArray<Storage.StoredMemory>,
  checkpoints: ReadonlyArray<string>
) =>
  Effect.gen(function*() {
    const storage = yield* Storage.Storage
    for (const m of memories) yield* assertSameMemory(yield* storage.get("proj-a", m.memory.id), m)
    const all = [...new Set([...memories, ...audited].map((m) => m.memory.id))]
    assert.deepStrictEqual(sorted(memoryIds(yield* storage.getMany("proj-a", all))), sorted(memoryIds(memories)))
    assert.deepStrictEqual(sorted(memoryIds(yield* storage.list({ projectId: "proj-a" }))), sorted(memoryIds(memories)))
    const stats = yield* storage.stats("proj-a")
    assert.strictEqual(Object.values(stats).reduce((a, b) => a + b, 0), memories.length)
    const everywhere = scope({ owners: ["alice", userOwner("u1")], kinds: allKinds, k: 10 })
    const expected = sorted(memoryIds(memories))
    assert.deepStrictEqual(sorted(ids(yield* storage.vectorSearch(everywhere, vec(1, 1, 1)))), expected)
    assert.deepStrictEqual(sorted(ids(yield* storage.lexicalSearch(everywhere, "durable"))), expected)
    const audit = yield* storage.auditLog("proj-a", 100)
    assert.deepStrictEqual(sorted(audit.map((a) => a.memoryId)), sorted(memoryIds(audited)))
    assert.deepStrictEqual(
      (yield* storage.listRecords("proj-a", "checkpoint", "run-1")).map((r) => r.id),
      checkpoints
    )
  })

describeBackends("Storage durability", (backend) => {
  it.effect("a new layer over the same target finds everything, and can write on", () =>
    Effect.gen(function*() {
      const target = backend.newTarget()
      yield* Effect.gen(function*() {
        const storage = yield* Storage.Storage
        yield* storage.save(records)
        yield* TestClock.adjust("1 hour")
        yield* storage.delete("proj-a", forgotten.map((m) => ({ id: m.memory.id, reason: "durability" })))
        yield* storage.putRecords([workflowRecord("cp-1", 1_000), workflowRecord("cp-2", 2_000)])
      }).pipe(Effect.provide(reopen(backend, target)))

      yield* Effect.gen(function*() {
        yield* assertHolds(kept, forgotten, ["cp-2", "cp-1"])
        const storage = yield* Storage.Storage
        const [newest] = yield* storage.auditLog("proj-a", 1)
        assert.strictEqual(DateTime.toEpochMillis(newest!.deletedAt), 3_600_000)
        assert.strictEqual(newest!.reason, "durability")
        // writes on the second layer
        yield* storage.save(forgotten.slice(0, 1))
        yield* storage.delete("proj-a", [{ id: kept[0]!.memory.id, reason: "second layer" }])
        yield* storage.deleteRecords("proj-a", "checkpoint", ["cp-1"])
        yield* storage.putRecords([workflowRecord("cp-3", 3_000)])
      }).pipe(Effect.provide(reopen(backend, target)))

      yield* assertHolds(
        [...kept.slice(1), ...forgotten.slice(0, 1)],
        [...forgotten, kept[0]!],
        ["cp-3", "cp-2"]
      ).pipe(Effect.provide(reopen(backend, target)))
    }), 30_000)
}, "durability")
