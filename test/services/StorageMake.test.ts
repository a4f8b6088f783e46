/**
 * `Storage.make`, the wrapper every backend shares: spans, error mapping, `get` from `getMany`, and
 * `exclusive` telling the effect's own failures from the backend's. Over stub primitives, so that
 * each behaviour is seen alone; the backends themselves run the conformance suite.
 */
import { assert, describe, it } from "@effect/vitest"
import { Data, Effect, Option, Ref } from "effect"
import { StorageError } from "../../src/domain/AlmaError.js"
import * as Storage from "../../src/services/Storage.js"
import { build, vec } from "../conformance/storage/fixtures.js"

class BackendFailure extends Data.TaggedError("BackendFailure")<{ readonly detail: string }> {}

const unused = Effect.dieMessage("not used by this test")

/** Primitives that are never called, but for those a test gives. */
const stub = (overrides: Partial<Storage.Primitives<BackendFailure>>): Storage.Primitives<BackendFailure> => ({
  save: () => unused,
  foreignIds: () => unused,
  exclusive: (_projectId, _key, effect) => effect,
  getMany: () => unused,
  vectorSearch: () => unused,
  lexicalSearch: () => unused,
  list: () => unused,
  delete: () => unused,
  auditLog: () => unused,
  putRecords: () => unused,
  listRecords: () => unused,
  deleteRecords: () => unused,
  stats: () => unused,
  ...overrides
})

/** The current span's name and attributes, as a primitive sees them. */
const currentSpan = Effect.map(Effect.orDie(Effect.currentSpan), (span) => ({
  name: span.name,
  attributes: Object.fromEntries(span.attributes)
}))

const stored = { memory: build.heuristic({ n: 1 }), embedding: vec(1) }
const scope: Storage.SearchScope = { projectId: "proj-a", owners: ["alice"], kinds: ["heuristic"], k: 7 }

describe("Storage.make", () => {
  it.effect("maps a primitive's failure to a StorageError of the backend and operation, the failure as cause", () =>
    Effect.gen(function*() {
      const failure = new BackendFailure({ detail: "disk gone" })
      const storage = Storage.make("stub", stub({ list: () => Effect.fail(failure) }))
      const error = yield* Effect.flip(storage.list({ projectId: "proj-a" }))
      assert.instanceOf(error, StorageError)
      assert.deepStrictEqual([error.backend, error.operation], ["stub", "list"])
      // The failure itself, as raised inside the span (Effect wraps it to carry the span).
      assert.deepStrictEqual(error.cause instanceof BackendFailure && error.cause.detail, "disk gone")
    }))

  it.effect("maps through the backend's toStorageError when it has one", () =>
    Effect.gen(function*() {
      const storage = Storage.make(
        "stub",
        stub({
          toStorageError: (operation, cause) =>
            new StorageError({ backend: "stub", operation, reason: "full", cause: cause.detail }),
          stats: () => Effect.fail(new BackendFailure({ detail: "SQLITE_FULL" }))
        })
      )
      const error = yield* Effect.flip(storage.stats("proj-a"))
      assert.deepStrictEqual([error.operation, error.reason, error.cause], ["stats", "full", "SQLITE_FULL"])
    }))

  it.effect("get is getMany of one id: the record, else NotFoundError; getMany's failure as operation get", () =>
    Effect.gen(function*() {
      const asked = yield* Ref.make<ReadonlyArray<unknown>>([])
      const found = Storage.make(
        "stub",
        stub({ getMany: (projectId, ids) => Effect.as(Ref.set(asked, [projectId, ids]), [stored]) })
      )
      assert.strictEqual(yield* found.get("proj-a", stored.memory.id), stored)
      assert.deepStrictEqual(yield* Ref.get(asked), ["proj-a", [stored.memory.id]])

      const missing = Storage.make("stub", stub({ getMany: () => Effect.succeed([]) }))
      const notFound = yield* Effect.flip(missing.get("proj-a", stored.memory.id))
      assert.deepStrictEqual(notFound._tag === "NotFoundError" && [notFound.entity, notFound.id], [
        "memory",
        stored.memory.id
      ])

      const failing = Storage.make("stub", stub({ getMany: () => Effect.fail(new BackendFailure({ detail: "x" })) }))
      const error = yield* Effect.flip(failing.get("proj-a", stored.memory.id))
      assert.deepStrictEqual(error._tag === "StorageError" && [error.backend, error.operation], ["stub", "get"])
    }))

  it.effect("exclusive keeps the effect's own failures, even of the backend's error class; the section sees them", () =>
    Effect.gen(function*() {
      const rolledBack = yield* Ref.make(false)
      const storage = Storage.make(
        "stub",
        stub({
          exclusive: (_projectId, _key, effect) => Effect.tapError(effect, () => Ref.set(rolledBack, true))
        })
      )
      const own = new BackendFailure({ detail: "the caller's" })
      const error = yield* Effect.flip(storage.exclusive("proj-a", "formation", Effect.fail(own)))
      assert.deepStrictEqual(error instanceof BackendFailure && error.detail, "the caller's")
      assert.isTrue(yield* Ref.get(rolledBack))
      assert.strictEqual(yield* storage.exclusive("proj-a", "formation", Effect.succeed(42)), 42)
    }))

  it.effect("exclusive maps its own failure (the transaction's) to a StorageError of operation exclusive", () =>
    Effect.gen(function*() {
      const begin = new BackendFailure({ detail: "BEGIN failed" })
      const ran = yield* Ref.make(false)
      const storage = Storage.make("stub", stub({ exclusive: () => Effect.fail(begin) }))
      const error = yield* Effect.flip(storage.exclusive("proj-a", "formation", Ref.set(ran, true)))
      assert.deepStrictEqual(error._tag === "StorageError" && [error.backend, error.operation], ["stub", "exclusive"])
      assert.deepStrictEqual(error.cause instanceof BackendFailure && error.cause.detail, "BEGIN failed")
      assert.isFalse(yield* Ref.get(ran))
    }))

  it.effect("each method runs in a span Storage.<operation> with alma.backend, alma.count or alma.k", () =>
    Effect.gen(function*() {
      const seen = yield* Ref.make<Array<{ readonly name: string; readonly attributes: object }>>([])
      const record = Effect.flatMap(currentSpan, (span) => Ref.update(seen, (all) => [...all, span]))
      const storage = Storage.make(
        "stub",
        stub({
          save: () => record,
          vectorSearch: () => Effect.as(record, []),
          deleteRecords: () => Effect.as(record, 0),
          auditLog: () => Effect.as(record, []),
          exclusive: (_projectId, _key, effect) => Effect.zipRight(record, effect)
        })
      )
      yield* storage.save([stored, stored])
      yield* storage.vectorSearch(scope, vec(1))
      yield* storage.deleteRecords("proj-a", "artifact", ["a", "b", "c"])
      yield* storage.auditLog("proj-a", 10)
      yield* storage.exclusive("proj-a", "formation", Effect.void)
      assert.deepStrictEqual(yield* Ref.get(seen), [
        { name: "Storage.save", attributes: { "alma.backend": "stub", "alma.count": 2 } },
        { name: "Storage.vectorSearch", attributes: { "alma.backend": "stub", "alma.k": 7 } },
        { name: "Storage.deleteRecords", attributes: { "alma.backend": "stub", "alma.count": 3 } },
        { name: "Storage.auditLog", attributes: { "alma.backend": "stub" } },
        { name: "Storage.exclusive", attributes: { "alma.backend": "stub" } }
      ])
      assert.isTrue(Option.isNone(yield* Effect.option(Effect.currentSpan)))
    }))
})
