/**
 * Storage conformance: a memory belongs to its project. `save` never moves an id between projects
 * (the whole save fails and nothing changes anywhere), `foreignIds` names the ids another project
 * holds, an audited save writes one `import` audit row per memory (with the replaced version as
 * snapshot) in the importing project only, and `exclusive` sections of one key never overlap.
 */
import { assert } from "@effect/vitest"
import { Cause, Effect, Exit, Fiber } from "effect"
import { foreignIdMessage } from "../../../src/services/Storage.js"
import { build, idOf, stored, vec } from "./fixtures.js"
import { describeBackends, storageTest } from "./suite.js"

describeBackends("Storage ownership", (backend) => {
  const test = storageTest(backend)
  const inA = stored(build.domain_knowledge({ n: 1, project: "proj-a", text: "the original of project a" }), vec(1))

  test("a save naming another project's id fails whole and changes nothing in either project", (storage) =>
    Effect.gen(function*() {
      yield* storage.save([inA])
      const hijack = stored(build.domain_knowledge({ n: 1, project: "proj-b", text: "planted by b" }), vec(0, 1))
      const innocent = stored(build.domain_knowledge({ n: 2, project: "proj-b" }), vec(0, 0, 1))
      const exit = yield* Effect.exit(storage.save([innocent, hijack]))
      assert.isTrue(Exit.isFailure(exit))
      if (Exit.isFailure(exit)) {
        const error = Cause.failureOption(exit.cause)
        assert.isTrue(error._tag === "Some" && error.value._tag === "StorageError")
        assert.include(String(Cause.pretty(exit.cause)), foreignIdMessage(inA.memory.id))
      }
      const kept = yield* storage.get("proj-a", inA.memory.id)
      assert.strictEqual(kept.memory.kind === "domain_knowledge" && kept.memory.fact, "the original of project a")
      assert.strictEqual((yield* storage.stats("proj-a")).domain_knowledge, 1)
      assert.strictEqual((yield* storage.stats("proj-b")).domain_knowledge, 0)
      assert.lengthOf(yield* storage.getMany("proj-b", [inA.memory.id, innocent.memory.id]), 0)
      assert.lengthOf(yield* storage.auditLog("proj-a", 10), 0)
    }))

  test("foreignIds names exactly the ids held by other projects", (storage) =>
    Effect.gen(function*() {
      yield* storage.save([inA, stored(build.heuristic({ n: 5, project: "proj-b" }), vec(1, 1))])
      const ids = [inA.memory.id, idOf("heuristic", 5), idOf("outcome", 9)]
      assert.deepStrictEqual([...(yield* storage.foreignIds("proj-b", ids))], [inA.memory.id])
      assert.deepStrictEqual([...(yield* storage.foreignIds("proj-a", ids))], [idOf("heuristic", 5)])
      assert.deepStrictEqual([...(yield* storage.foreignIds("proj-c", [idOf("outcome", 9)]))], [])
    }))

  test("an audited save writes one import row per memory, the replaced version as snapshot", (storage) =>
    Effect.gen(function*() {
      yield* storage.save([inA])
      const replacement = stored(build.domain_knowledge({ n: 1, project: "proj-a", text: "replaced text" }), vec(1))
      const fresh = stored(build.domain_knowledge({ n: 3, project: "proj-a", text: "brand new" }), vec(0, 1))
      yield* storage.save([replacement, fresh], { audit: { reason: "imported" } })
      const rows = yield* storage.auditLog("proj-a", 10)
      assert.lengthOf(rows, 2)
      const byId = new Map(rows.map((r) => [r.memoryId, r]))
      const replaced = byId.get(inA.memory.id)!
      assert.strictEqual(replaced.action, "import")
      assert.strictEqual(replaced.reason, "imported: replaced")
      assert.include(replaced.snapshot, "the original of project a")
      const created = byId.get(fresh.memory.id)!
      assert.strictEqual(created.action, "import")
      assert.strictEqual(created.reason, "imported: new")
      assert.include(created.snapshot, "brand new")
      assert.lengthOf(yield* storage.auditLog("proj-b", 10), 0)
      // Deletions keep their action.
      yield* storage.delete("proj-a", [{ id: fresh.memory.id, reason: "test" }])
      const [latest] = yield* storage.auditLog("proj-a", 1)
      assert.strictEqual(latest!.action, "delete")
    }))

  test("exclusive sections of one key never overlap; a failure inside rolls its saves back", (storage) =>
    Effect.gen(function*() {
      let inside = 0
      let overlapped = false
      const section = (n: number) =>
        storage.exclusive(
          "proj-a",
          "k",
          Effect.gen(function*() {
            inside++
            if (inside > 1) overlapped = true
            for (let i = 0; i < 5; i++) yield* Effect.yieldNow()
            yield* storage.save([stored(build.outcome({ n, project: "proj-a" }), vec(n % 3, 1))])
            inside--
          })
        )
      const fibers = yield* Effect.forEach([1, 2, 3, 4, 5, 6], (n) => Effect.fork(section(n)))
      yield* Fiber.joinAll(fibers)
      assert.isFalse(overlapped)
      assert.strictEqual((yield* storage.stats("proj-a")).outcome, 6)
      const failed = yield* Effect.exit(storage.exclusive(
        "proj-a",
        "k",
        Effect.zipRight(
          storage.save([stored(build.outcome({ n: 7, project: "proj-a" }), vec(1))]),
          Effect.fail("boom" as const)
        )
      ))
      assert.isTrue(Exit.isFailure(failed))
      // The memory backend has no transactions: its saves stay.
      const expected = backend.name === "memory" ? 7 : 6
      assert.strictEqual((yield* storage.stats("proj-a")).outcome, expected)
    }))
})

