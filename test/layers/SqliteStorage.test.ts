import * as Migrator from "@effect/sql/Migrator"
import * as SqlClient from "@effect/sql/SqlClient"
import * as SqliteClient from "@effect/sql-sqlite-node/SqliteClient"
import { afterAll, assert, describe, it } from "@effect/vitest"
import { Effect, Layer, Schema } from "effect"
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import * as sqliteVec from "sqlite-vec"
import * as Rows from "../../layers/sqlite/internal/rows.js"
import * as Migrations from "../../layers/sqlite/migrations.js"
import * as SqliteStorage from "../../layers/sqlite/SqliteStorage.js"
import { userOwner } from "../../src/domain/Ids.js"
import { searchText } from "../../src/domain/Memory.js"
import * as Embedder from "../../src/services/Embedder.js"
import * as Storage from "../../src/services/Storage.js"
import { build, DIMENSIONS, vec } from "../conformance/storage/fixtures.js"

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

/** A client with sqlite-vec loaded, as `layerWith` builds it. */
const storageClient = (filename: string) =>
  Layer.effectDiscard(
    Effect.flatMap(SqliteClient.SqliteClient, (c) => c.loadExtension(sqliteVec.getLoadablePath()))
  ).pipe(Layer.provideMerge(SqliteClient.layer({ filename })))

/** Storage over a client the test can also query (sqlite-vec loaded, as `layerWith` does). */
const storageWithClient = (filename: string, embedder = TestEmbedder()) =>
  SqliteStorage.layer.pipe(Layer.provideMerge(storageClient(filename)), Layer.provide(embedder))

// The Storage conformance suite (test/conformance/storage/) runs on SQLite too; these are SQLite's own cases.

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
        const [counts] = yield* sql<{ memories: number; vectors: number; codes: number; fts: number }>`select
          (select count(*) from memories) as memories, (select count(*) from memory_vectors) as vectors,
          (select count(*) from memory_codes) as codes, (select count(*) from memory_fts) as fts`
        return { journal: journal?.journal_mode, migrations, integrity: integrity?.integrity_check, counts }
      }).pipe(Effect.provide(storageWithClient(filename)))
      const first = yield* open
      const second = yield* open
      assert.strictEqual(first.journal, "wal")
      assert.deepStrictEqual(first.migrations.map((m) => m.migration_id), [1, 2, 3, 4, 5])
      assert.deepStrictEqual(second.migrations, first.migrations)
      assert.strictEqual(second.integrity, "ok")
      assert.deepStrictEqual(first.counts, { memories: 1, vectors: 1, codes: 1, fts: 1 })
      assert.deepStrictEqual(second.counts, { memories: 1, vectors: 1, codes: 1, fts: 1 })
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
      assert.include(error.description, "alma import")
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

describe("SqliteStorage partitioned indexes", () => {
  const heuristic = (n: number, owner: string, text: string, embedding: Float32Array) => ({
    memory: build.heuristic({ n, owner, text }),
    embedding
  })

  it.effect("gives each (project, owner, kind) its own FTS5 table, registered on first write", () =>
    Effect.gen(function*() {
      const storage = yield* Storage.Storage
      const sql = yield* SqlClient.SqlClient
      yield* storage.save([
        heuristic(1, "alice", "kubernetes rollout", vec(1)),
        heuristic(2, "bob", "kubernetes rollout", vec(1)),
        { memory: build.outcome({ n: 3, owner: "alice", text: "kubernetes rollout" }), embedding: vec(1) },
        { memory: build.heuristic({ n: 4, owner: "alice", project: "proj-b", text: "kubernetes" }), embedding: vec(1) }
      ])
      const tables = yield* sql<{ project_id: string; owner: string; kind: string; name: string }>`
        select project_id, owner, kind, name from memory_fts_tables order by project_id, owner, kind`
      assert.deepStrictEqual(tables.map((t) => [t.project_id, t.owner, t.kind]), [
        ["proj-a", "alice", "heuristic"],
        ["proj-a", "alice", "outcome"],
        ["proj-a", "bob", "heuristic"],
        ["proj-b", "alice", "heuristic"]
      ])
      assert.strictEqual(new Set(tables.map((t) => t.name)).size, 4)
      for (const t of tables) {
        const [row] = yield* sql<{ n: number }>`select count(*) as n from ${sql(t.name)}`
        assert.strictEqual(row!.n, 1)
      }
      // A partition that was never written has no table and simply returns nothing.
      const none = yield* storage.lexicalSearch(
        { projectId: "proj-a", owners: ["carol", "alice"], kinds: ["domain_knowledge", "heuristic"], k: 5 },
        "kubernetes"
      )
      assert.deepStrictEqual(none.map((h) => h.id), [build.heuristic({ n: 1 }).id])
      // Moving a memory to another owner moves its index entries.
      yield* storage.save([heuristic(1, "carol", "kubernetes rollout", vec(1))])
      const scope = { projectId: "proj-a", owners: ["alice"], kinds: ["heuristic" as const], k: 5 }
      assert.deepStrictEqual(yield* storage.lexicalSearch(scope, "kubernetes"), [])
      assert.deepStrictEqual(yield* storage.vectorSearch(scope, vec(1)), [])
      assert.lengthOf(yield* storage.lexicalSearch({ ...scope, owners: ["carol"] }, "kubernetes"), 1)
      const [fts] = yield* sql<{ n: number }>`select count(*) as n from memory_fts`
      assert.strictEqual(fts!.n, 4)
    }).pipe(Effect.provide(storageWithClient(freshFile()))))

  it.effect("ranks vector candidates by exact cosine distance, exactly when a partition is small", () =>
    Effect.gen(function*() {
      const storage = yield* Storage.Storage
      // 50 memories on a half circle (no more than the candidates of a search, so the ranking is exact).
      const records = Array.from({ length: 50 }, (_, i) => {
        const angle = (i / 50) * Math.PI
        return heuristic(i + 1, "alice", `memory${i}`, vec(Math.cos(angle), Math.sin(angle), 0.01 * i))
      })
      yield* storage.save(records)
      const query = vec(1, 0.05)
      const expected = records
        .map((r) => ({ id: r.memory.id, distance: 1 - Embedder.cosine(r.embedding, query) }))
        .sort((a, b) => a.distance - b.distance)
        .slice(0, 7)
      const hits = yield* storage.vectorSearch(
        { projectId: "proj-a", owners: ["alice"], kinds: ["heuristic"], k: 7 },
        query
      )
      assert.deepStrictEqual(hits.map((h) => h.id), expected.map((e) => e.id))
      hits.forEach((h, i) => assert.closeTo(h.distance, expected[i]!.distance, 1e-5))
    }).pipe(Effect.provide(storageAt(freshFile()))))

  it.effect("layerWith gives a new file 8 KiB pages and the WAL journal; an existing file keeps its pages", () =>
    Effect.gen(function*() {
      const filename = freshFile()
      const pragmas = Effect.gen(function*() {
        const storage = yield* Storage.Storage
        yield* storage.save([heuristic(1, "alice", "kept", vec(1))])
        const sql = yield* SqlClient.SqlClient
        const [page] = yield* sql<{ page_size: number }>`pragma page_size`
        const [journal] = yield* sql<{ journal_mode: string }>`pragma journal_mode`
        return [page?.page_size, journal?.journal_mode]
      })
      yield* Effect.provide(Storage.Storage, storageAt(filename))
      assert.deepStrictEqual(yield* pragmas.pipe(Effect.provide(storageWithClient(filename))), [8192, "wal"])
      // A file created elsewhere (here with SQLite's default pages) is opened as it is.
      const older = freshFile()
      yield* Effect.provide(Storage.Storage, storageWithClient(older))
      yield* Effect.provide(Storage.Storage, storageAt(older))
      assert.deepStrictEqual(yield* pragmas.pipe(Effect.provide(storageWithClient(older))), [4096, "wal"])
    }))

  it.effect("rejects vectors of the wrong dimension in searches as in saves", () =>
    Effect.gen(function*() {
      const storage = yield* Storage.Storage
      const scope = { projectId: "proj-a", owners: ["nobody"], kinds: ["heuristic" as const], k: 3 }
      const error = yield* Effect.flip(storage.vectorSearch(scope, new Float32Array(DIMENSIONS + 1)))
      assert.strictEqual(error._tag, "StorageError")
    }).pipe(Effect.provide(storageAt(freshFile()))))

  it.effect("upgrades a file written by the first schema (one FTS5 table, float vec0) in place", () =>
    Effect.gen(function*() {
      const filename = freshFile()
      const records = [
        heuristic(1, "alice", "flaky login retry", vec(1)),
        heuristic(2, "alice", "slow checkout page", vec(0, 1)),
        heuristic(3, "bob", "flaky login retry", vec(1, 1)),
        { memory: build.user_preference({ n: 4, owner: "u1", text: "dark theme" }), embedding: vec(0, 0, 1) }
      ]
      // The first schema, written as version 0.1.0 wrote it.
      yield* Effect.gen(function*() {
        const sql = yield* SqlClient.SqlClient
        const first = Effect.map(
          Migrations.loader({ model: "test-8", dimensions: DIMENSIONS }),
          (all) => all.filter(([id]) => id === 1)
        )
        yield* Migrator.make({})({ loader: first, table: Migrations.migrationsTable })
        for (const r of records) {
          const row = Rows.toMemoryRow(r.memory, yield* Schema.encode(Rows.MemoryJson)(r.memory))
          const [inserted] = yield* sql<{ seq: number }>`insert into memories ${sql.insert(row)} returning seq`
          const seq = inserted!.seq
          const part = Rows.partitionKey(row.project_id, row.owner, row.kind)
          yield* sql`insert into memory_vectors (memory_seq, part, embedding)
            values (${BigInt(seq)}, ${part}, ${Rows.toBlob(r.embedding)})`
          yield* sql`insert into memory_fts (rowid, words, part) values (${BigInt(seq)}, ${searchText(r.memory)}, ${"p1"})`
        }
      }).pipe(Effect.provide(storageClient(filename)))
      yield* Effect.gen(function*() {
        const storage = yield* Storage.Storage
        const sql = yield* SqlClient.SqlClient
        const migrations = yield* sql<{ migration_id: number }>`select migration_id from alma_migrations`
        assert.deepStrictEqual(migrations.map((m) => m.migration_id), [1, 2, 3, 4, 5])
        for (const r of records) {
          const got = yield* storage.get("proj-a", r.memory.id)
          assert.deepStrictEqual(Array.from(got.embedding), Array.from(r.embedding))
        }
        const alice = { projectId: "proj-a", owners: ["alice"], kinds: ["heuristic" as const], k: 5 }
        assert.deepStrictEqual((yield* storage.lexicalSearch(alice, "flaky")).map((h) => h.id), [records[0]!.memory.id])
        assert.deepStrictEqual(
          (yield* storage.vectorSearch(alice, vec(1))).map((h) => h.id),
          [records[0]!.memory.id, records[1]!.memory.id]
        )
        const prefs = { projectId: "proj-a", owners: [userOwner("u1")], kinds: ["user_preference" as const], k: 5 }
        assert.lengthOf(yield* storage.lexicalSearch(prefs, "theme"), 1)
        assert.deepStrictEqual(
          (yield* storage.list({ projectId: "proj-a", owners: ["alice"], kinds: ["heuristic"], taskType: "deploy" }))
            .map((m) => m.id),
          [records[1]!.memory.id, records[0]!.memory.id]
        )
        assert.strictEqual(yield* storage.delete("proj-a", [{ id: records[2]!.memory.id, reason: "test" }]), 1)
        const [counts] = yield* sql<{ memories: number; vectors: number; codes: number; fts: number }>`select
          (select count(*) from memories) as memories, (select count(*) from memory_vectors) as vectors,
          (select count(*) from memory_codes) as codes, (select count(*) from memory_fts) as fts`
        assert.deepStrictEqual(counts, { memories: 3, vectors: 3, codes: 3, fts: 3 })
        const [integrity] = yield* sql<{ integrity_check: string }>`pragma integrity_check`
        assert.strictEqual(integrity?.integrity_check, "ok")
      }).pipe(Effect.provide(storageWithClient(filename)))
    }))
})
