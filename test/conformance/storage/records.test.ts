/**
 * Storage conformance: workflow records (`putRecords`, `listRecords`, `deleteRecords`), opaque JSON
 * keyed by (projectId, collection, id) and listed per parent, newest first.
 */
import { assert } from "@effect/vitest"
import { DateTime, Effect } from "effect"
import type * as Storage from "../../../src/services/Storage.js"
import { build, stored, vec } from "./fixtures.js"
import { describeBackends, storageTest } from "./suite.js"

/** A record of `proj-a`, collection `checkpoint`, parent `run-1`, created at `at` ms, unless overridden. */
const record = (
  id: string,
  at: number,
  over: Partial<Omit<Storage.WorkflowRecord, "createdAt">> = {}
): Storage.WorkflowRecord => ({
  projectId: "proj-a",
  collection: "checkpoint",
  id,
  parent: "run-1",
  createdAt: DateTime.unsafeMake(at),
  data: JSON.stringify({ id, at, nested: { list: [1, "two", null], text: "ünïcödé \"quoted\"" } }),
  ...over
})

const view = (records: ReadonlyArray<Storage.WorkflowRecord>) =>
  records.map((r) => ({ ...r, createdAt: DateTime.toEpochMillis(r.createdAt) }))

describeBackends("Storage workflow records", (backend) => {
  const test = storageTest(backend)

  test("putRecords then listRecords returns a parent's records newest first, then by id descending", (storage) =>
    Effect.gen(function*() {
      const records = [
        record("cp-a", 1_000),
        record("cp-c", 3_000),
        record("cp-b", 3_000),
        record("cp-d", 2_000),
        record("cp-e", 9_000, { parent: "run-2" })
      ]
      yield* storage.putRecords(records)
      const listed = yield* storage.listRecords("proj-a", "checkpoint", "run-1")
      assert.deepStrictEqual(view(listed), view([records[1]!, records[2]!, records[3]!, records[0]!]))
      assert.deepStrictEqual(view(yield* storage.listRecords("proj-a", "checkpoint", "run-2")), view([records[4]!]))
      assert.deepStrictEqual(yield* storage.listRecords("proj-a", "checkpoint", "run-3"), [])
      assert.deepStrictEqual(yield* storage.listRecords("proj-a", "artifact", "run-1"), [])
    }))

  test("putRecords replaces by (project, collection, id): new parent, time and data, no duplicate", (storage) =>
    Effect.gen(function*() {
      yield* storage.putRecords([record("cp-1", 1_000)])
      const moved = record("cp-1", 5_000, { parent: "run-2", data: "{\"v\":2}" })
      yield* storage.putRecords([moved])
      assert.deepStrictEqual(yield* storage.listRecords("proj-a", "checkpoint", "run-1"), [])
      assert.deepStrictEqual(view(yield* storage.listRecords("proj-a", "checkpoint", "run-2")), view([moved]))
    }))

  test("putRecords with one key twice in a batch keeps the last; an empty batch does nothing", (storage) =>
    Effect.gen(function*() {
      const last = record("cp-1", 2_000, { data: "{\"v\":\"last\"}" })
      yield* storage.putRecords([record("cp-1", 1_000), last])
      yield* storage.putRecords([])
      assert.deepStrictEqual(view(yield* storage.listRecords("proj-a", "checkpoint", "run-1")), view([last]))
    }))

  test("one id in two collections or two projects is two records", (storage) =>
    Effect.gen(function*() {
      const checkpoint = record("same", 1_000)
      const artifact = record("same", 2_000, { collection: "artifact", parent: "run-1", data: "{\"a\":1}" })
      const other = record("same", 3_000, { projectId: "proj-b", data: "{\"b\":1}" })
      yield* storage.putRecords([checkpoint, artifact, other])
      assert.deepStrictEqual(view(yield* storage.listRecords("proj-a", "checkpoint", "run-1")), view([checkpoint]))
      assert.deepStrictEqual(view(yield* storage.listRecords("proj-a", "artifact", "run-1")), view([artifact]))
      assert.deepStrictEqual(view(yield* storage.listRecords("proj-b", "checkpoint", "run-1")), view([other]))
      assert.deepStrictEqual(yield* storage.listRecords("proj-c", "checkpoint", "run-1"), [])
    }))

  test("deleteRecords deletes by id within one project and collection, counting only what it deleted", (storage) =>
    Effect.gen(function*() {
      yield* storage.putRecords([
        record("cp-1", 1_000),
        record("cp-2", 2_000),
        record("cp-3", 3_000),
        record("cp-1", 1_000, { collection: "artifact" }),
        record("cp-2", 2_000, { projectId: "proj-b" })
      ])
      assert.strictEqual(yield* storage.deleteRecords("proj-a", "checkpoint", ["cp-1", "cp-2", "cp-9", "cp-1"]), 2)
      assert.deepStrictEqual(
        (yield* storage.listRecords("proj-a", "checkpoint", "run-1")).map((r) => r.id),
        ["cp-3"]
      )
      assert.lengthOf(yield* storage.listRecords("proj-a", "artifact", "run-1"), 1)
      assert.lengthOf(yield* storage.listRecords("proj-b", "checkpoint", "run-1"), 1)
      assert.strictEqual(yield* storage.deleteRecords("proj-a", "checkpoint", []), 0)
      assert.strictEqual(yield* storage.deleteRecords("proj-c", "checkpoint", ["cp-3"]), 0)
      assert.strictEqual(yield* storage.deleteRecords("proj-a", "artifact", ["cp-3"]), 0)
      // Records live apart from memories: no memory counts, no audit rows.
      assert.deepStrictEqual(Object.values(yield* storage.stats("proj-a")), [0, 0, 0, 0, 0])
      assert.deepStrictEqual(yield* storage.auditLog("proj-a", 10), [])
    }))

  test("a large batch of records is stored and deleted whole", (storage) =>
    Effect.gen(function*() {
      const records = Array.from({ length: 700 }, (_, i) => record(`cp-${String(i).padStart(4, "0")}`, i))
      yield* storage.putRecords(records)
      const listed = yield* storage.listRecords("proj-a", "checkpoint", "run-1")
      assert.deepStrictEqual(listed.map((r) => r.id), records.map((r) => r.id).reverse())
      assert.strictEqual(yield* storage.deleteRecords("proj-a", "checkpoint", records.map((r) => r.id)), 700)
      assert.deepStrictEqual(yield* storage.listRecords("proj-a", "checkpoint", "run-1"), [])
    }))

  test("deleting a memory deletes the artifact records linked to it, and only those", (storage) =>
    Effect.gen(function*() {
      const gone = stored(build.outcome({ n: 1 }), vec(1))
      const kept = stored(build.outcome({ n: 2 }), vec(0, 1))
      yield* storage.save([gone, kept])
      yield* storage.putRecords([
        record("art-1", 1_000, { collection: "artifact", parent: gone.memory.id }),
        record("art-2", 2_000, { collection: "artifact", parent: kept.memory.id }),
        // A checkpoint whose run id happens to equal the memory id is not an artifact: it stays.
        record("cp-1", 3_000, { collection: "checkpoint", parent: gone.memory.id }),
        // Same parent in another project: untouched.
        record("art-3", 4_000, { collection: "artifact", parent: gone.memory.id, projectId: "proj-b" })
      ])
      assert.strictEqual(yield* storage.delete("proj-a", [{ id: gone.memory.id, reason: "test" }]), 1)
      assert.deepStrictEqual(yield* storage.listRecords("proj-a", "artifact", gone.memory.id), [])
      assert.deepStrictEqual(
        (yield* storage.listRecords("proj-a", "artifact", kept.memory.id)).map((r) => r.id),
        ["art-2"]
      )
      assert.deepStrictEqual(
        (yield* storage.listRecords("proj-a", "checkpoint", gone.memory.id)).map((r) => r.id),
        ["cp-1"]
      )
      assert.deepStrictEqual(
        (yield* storage.listRecords("proj-b", "artifact", gone.memory.id)).map((r) => r.id),
        ["art-3"]
      )
    }))
})
