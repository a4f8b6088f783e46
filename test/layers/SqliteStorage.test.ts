import * as SqlClient from "@effect/sql/SqlClient"
import * as SqliteClient from "@effect/sql-sqlite-node/SqliteClient"
import { afterAll, assert, describe, it } from "@effect/vitest"
import { Effect, Layer } from "effect"
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import * as sqliteVec from "sqlite-vec"
import * as SqliteStorage from "../../layers/sqlite/SqliteStorage.js"
import * as Embedder from "../../src/services/Embedder.js"
import * as Storage from "../../src/services/Storage.js"
import { build, DIMENSIONS, storageContract, vec } from "../contracts/StorageContract.js"

const dir = mkdtempSync(join(tmpdir(), "alma-sqlite-"))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

let files = 0
const freshFile = () => join(dir, `db-${++files}.sqlite`)

const TestEmbedder = (model = "test-8", dimensions = DIMENSIONS) =>
  Layer.succeed(Embedder.Embedder, {
    model,
    dimensions,
    embed: () => Effect.dieMessage("the storage tests never embed"),
    embedMany: () => Effect.dieMessage("the storage tests never embed")
  })

const storageAt = (filename: string, embedder = TestEmbedder()) =>
  SqliteStorage.layerWith({ filename }).pipe(Layer.provide(embedder))

/** Storage over a client the test can also query (sqlite-vec loaded, as `layerWith` does). */
const storageWithClient = (filename: string, embedder = TestEmbedder()) => {
  const client = Layer.effectDiscard(
    Effect.flatMap(SqliteClient.SqliteClient, (c) => c.loadExtension(sqliteVec.getLoadablePath()))
  ).pipe(Layer.provideMerge(SqliteClient.layer({ filename })))
  return SqliteStorage.layer.pipe(Layer.provideMerge(client), Layer.provide(embedder))
}

storageContract("sqlite", () => storageAt(freshFile()))

describe("SqliteStorage", () => {
  const record = (n: number) => ({ memory: build.heuristic({ n, text: `durable memory${n}` }), embedding: vec(1, n) })

  it.effect("keeps everything across a close and reopen of the file", () =>
    Effect.gen(function*() {
      const filename = freshFile()
      yield* Effect.gen(function*() {
        const storage = yield* Storage.Storage
        yield* storage.save([record(1), record(2), record(3)])
        yield* storage.delete("proj-a", [{ id: record(3).memory.id, reason: "test" }])
      }).pipe(Effect.provide(storageAt(filename)))
      yield* Effect.gen(function*() {
        const storage = yield* Storage.Storage
        const got = yield* storage.get("proj-a", record(2).memory.id)
        assert.deepStrictEqual(Array.from(got.embedding), Array.from(record(2).embedding))
        const scope = { projectId: "proj-a", owners: ["alice"], kinds: ["heuristic" as const], k: 10 }
        assert.lengthOf(yield* storage.vectorSearch(scope, vec(1)), 2)
        assert.lengthOf(yield* storage.lexicalSearch(scope, "durable"), 2)
        assert.lengthOf(yield* storage.auditLog("proj-a", 10), 1)
      }).pipe(Effect.provide(storageAt(filename)))
    }))

  it.effect("uses the WAL journal, records migrations once and passes integrity_check", () =>
    Effect.gen(function*() {
      const filename = freshFile()
      const open = Effect.gen(function*() {
        const storage = yield* Storage.Storage
        const sql = yield* SqlClient.SqlClient
        yield* storage.save([record(1), record(2)])
        yield* storage.delete("proj-a", [1, 2].map((n) => ({ id: record(n).memory.id, reason: "test" })))
        yield* storage.save([record(2)])
        const [journal] = yield* sql<{ journal_mode: string }>`pragma journal_mode`
        const migrations = yield* sql<{ migration_id: number; created_at: string }>`
          select migration_id, created_at from alma_migrations order by migration_id`
        const [integrity] = yield* sql<{ integrity_check: string }>`pragma integrity_check`
        const [counts] = yield* sql<{ memories: number; vectors: number; fts: number }>`select
          (select count(*) from memories) as memories, (select count(*) from memory_vectors) as vectors,
          (select count(*) from memory_fts) as fts`
        return { journal: journal?.journal_mode, migrations, integrity: integrity?.integrity_check, counts }
      }).pipe(Effect.provide(storageWithClient(filename)))
      const first = yield* open
      const second = yield* open
      assert.strictEqual(first.journal, "wal")
      assert.deepStrictEqual(first.migrations.map((m) => m.migration_id), [1])
      assert.deepStrictEqual(second.migrations, first.migrations)
      assert.strictEqual(second.integrity, "ok")
      assert.deepStrictEqual(first.counts, { memories: 1, vectors: 1, fts: 1 })
      assert.deepStrictEqual(second.counts, { memories: 1, vectors: 1, fts: 1 })
    }))

  it.effect("fails with ConfigurationError naming both dimensions when the embedder changes dimension", () =>
    Effect.gen(function*() {
      const filename = freshFile()
      yield* Effect.provide(Storage.Storage, storageAt(filename))
      const reopened = storageAt(filename, TestEmbedder("test-16", 16))
      const error = yield* Effect.flip(Effect.provide(Storage.Storage, reopened))
      assert.strictEqual(error._tag, "ConfigurationError")
      if (error._tag !== "ConfigurationError") return
      assert.strictEqual(error.key, "embedding_dim")
      assert.include(error.description, "8-dimensional")
      assert.include(error.description, "16-dimensional")
      assert.include(error.description, filename)
      assert.include(error.description, "alma reembed")
    }))

  it.effect("fails with ConfigurationError when the model changes at the same dimension", () =>
    Effect.gen(function*() {
      const filename = freshFile()
      yield* Effect.provide(Storage.Storage, storageAt(filename))
      const error = yield* Effect.flip(Effect.provide(Storage.Storage, storageAt(filename, TestEmbedder("other-8"))))
      assert.strictEqual(error._tag, "ConfigurationError")
      if (error._tag !== "ConfigurationError") return
      assert.strictEqual(error.key, "embedding_model")
      assert.include(error.description, "test-8")
      assert.include(error.description, "other-8")
    }))

  it.effect("fails with ConfigurationError when sqlite-vec is not loaded", () =>
    Effect.gen(function*() {
      const layer = SqliteStorage.layer.pipe(
        Layer.provide(SqliteClient.layer({ filename: freshFile() })),
        Layer.provide(TestEmbedder())
      )
      const error = yield* Effect.flip(Effect.provide(Storage.Storage, layer))
      assert.strictEqual(error._tag, "ConfigurationError")
      if (error._tag === "ConfigurationError") assert.strictEqual(error.key, "sqlite_vec")
    }))

  it.effect("saves a batch atomically and maps driver errors to StorageError", () =>
    Effect.gen(function*() {
      const storage = yield* Storage.Storage
      const bad = { memory: build.heuristic({ n: 2 }), embedding: new Float32Array(3) }
      const error = yield* Effect.flip(storage.save([record(1), bad]))
      assert.strictEqual(error._tag, "StorageError")
      assert.strictEqual(error.backend, "sqlite")
      assert.strictEqual(error.operation, "save")
      assert.strictEqual((yield* storage.stats("proj-a")).heuristic, 0)
      const search = yield* Effect.flip(
        storage.vectorSearch({ projectId: "proj-a", owners: ["alice"], kinds: ["heuristic"], k: 3 }, vec(1).slice(0, 3))
      )
      assert.strictEqual(search._tag, "StorageError")
    }).pipe(Effect.provide(storageAt(freshFile()))))

  it.effect("creates the parent directory of the file", () =>
    Effect.gen(function*() {
      const storage = yield* Storage.Storage
      yield* storage.save([record(1)])
      assert.strictEqual((yield* storage.stats("proj-a")).heuristic, 1)
    }).pipe(Effect.provide(storageAt(join(dir, "nested", "deeper", "alma.db")))))

  it.effect("saves a large batch across several statements", () =>
    Effect.gen(function*() {
      const storage = yield* Storage.Storage
      const records = Array.from({ length: 1200 }, (_, i) => record(i + 1))
      yield* storage.save(records)
      yield* storage.save(records.slice(0, 600))
      assert.strictEqual((yield* storage.stats("proj-a")).heuristic, 1200)
      const got = yield* storage.getMany("proj-a", records.map((r) => r.memory.id))
      assert.lengthOf(got, 1200)
      const deleted = yield* storage.delete("proj-a", records.map((r) => ({ id: r.memory.id, reason: "bulk" })))
      assert.strictEqual(deleted, 1200)
      assert.lengthOf(yield* storage.auditLog("proj-a", 5000), 1200)
    }).pipe(Effect.provide(storageAt(freshFile()))))
})
