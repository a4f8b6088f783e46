/**
 * The in-memory backend's own cases. The Storage conformance suite (test/conformance/storage/) runs on
 * it too, as the reference backend, relying on what is checked here: every build of the layer is a
 * new, empty store.
 */
import { assert, describe, it } from "@effect/vitest"
import { Effect } from "effect"
import * as MemoryStorage from "../../layers/memory/MemoryStorage.js"
import * as Storage from "../../src/services/Storage.js"
import { build, vec } from "../conformance/storage/fixtures.js"

describe("MemoryStorage", () => {
  it.effect("each build of the layer is a new, empty store; nothing outlives it", () =>
    Effect.gen(function*() {
      const memory = build.heuristic({ n: 1 })
      const first = yield* Effect.gen(function*() {
        const storage = yield* Storage.Storage
        yield* storage.save([{ memory, embedding: vec(1) }])
        return (yield* storage.stats("proj-a")).heuristic
      }).pipe(Effect.provide(MemoryStorage.layer))
      assert.strictEqual(first, 1)
      const second = yield* Effect.gen(function*() {
        const storage = yield* Storage.Storage
        assert.strictEqual(storage.backend, "memory")
        return yield* Effect.flip(storage.get("proj-a", memory.id))
      }).pipe(Effect.provide(MemoryStorage.layer))
      assert.strictEqual(second._tag, "NotFoundError")
    }))
})
