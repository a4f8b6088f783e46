/**
 * The workflow-record methods of the Storage port (`putRecords`, `listRecords`, `deleteRecords`), on
 * the in-memory and SQLite backends, plus SQLite's migration 3 on a file of the previous schema.
 */
import * as Migrator from "@effect/sql/Migrator"
import * as SqlClient from "@effect/sql/SqlClient"
import * as SqliteClient from "@effect/sql-sqlite-node/SqliteClient"
import { afterAll, assert, describe, it } from "@effect/vitest"
import { DateTime, Effect, Layer } from "effect"
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import * as sqliteVec from "sqlite-vec"
import * as MemoryStorage from "../../layers/memory/MemoryStorage.js"
import * as Migrations from "../../layers/sqlite/migrations.js"
import * as SqliteStorage from "../../layers/sqlite/SqliteStorage.js"
import * as Embedder from "../../src/services/Embedder.js"
import * as Storage from "../../src/services/Storage.js"

const dir = mkdtempSync(join(tmpdir(), "alma-records-"))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
let files = 0
const freshFile = () => join(dir, `db-${++files}.sqlite`)

const TestEmbedder = Layer.succeed(Embedder.Embedder, {
  model: "test-8",
  dimensions: 8,
  embed: () => Effect.dieMessage("the record tests never embed"),
  embedMany: () => Effect.dieMessage("the record tests never embed")
})

const record = (
  id: string,
  parent: string,
  atMillis: number,
  fields: Partial<Storage.WorkflowRecord> = {}
): Storage.WorkflowRecord => ({
  projectId: "proj-a",
  collection: "checkpoint",
  id,
  parent,
  createdAt: DateTime.unsafeMake(atMillis),
  data: JSON.stringify({ id }),
  ...fields
})

const ids = (records: ReadonlyArray<Storage.WorkflowRecord>) => records.map((r) => r.id)

const recordsContract = (name: string, makeLayer: () => Layer.Layer<Storage.Storage, unknown>) =>
  describe(`Storage records (${name})`, () => {
    const run = <A, E>(body: (s: Storage.Service) => Effect.Effect<A, E>) =>
      Effect.flatMap(Storage.Storage, body).pipe(Effect.provide(makeLayer()))

    it.effect("lists one parent's records newest first, ties broken by id descending", () =>
      run((s) =>
        Effect.gen(function*() {
          yield* s.putRecords([
            record("b", "run-1", 2000),
            record("a", "run-1", 2000),
            record("c", "run-1", 1000),
            record("d", "run-1", 3000),
            record("x", "run-2", 5000)
          ])
          const listed = yield* s.listRecords("proj-a", "checkpoint", "run-1")
          assert.deepStrictEqual(ids(listed), ["d", "b", "a", "c"])
          assert.strictEqual(DateTime.toEpochMillis(listed[0]!.createdAt), 3000)
          assert.deepStrictEqual(listed[0], record("d", "run-1", 3000))
          assert.deepStrictEqual(ids(yield* s.listRecords("proj-a", "checkpoint", "run-3")), [])
        })
      ))

    it.effect("keeps projects and collections apart, even for the same id and parent", () =>
      run((s) =>
        Effect.gen(function*() {
          yield* s.putRecords([
            record("r1", "p", 1000, { data: "a-checkpoint" }),
            record("r1", "p", 1000, { projectId: "proj-b", data: "b-checkpoint" }),
            record("r1", "p", 1000, { collection: "artifact", data: "a-artifact" })
          ])
          const data = (projectId: string, collection: Storage.WorkflowCollection) =>
            Effect.map(s.listRecords(projectId, collection, "p"), (rs) => rs.map((r) => r.data))
          assert.deepStrictEqual(yield* data("proj-a", "checkpoint"), ["a-checkpoint"])
          assert.deepStrictEqual(yield* data("proj-b", "checkpoint"), ["b-checkpoint"])
          assert.deepStrictEqual(yield* data("proj-a", "artifact"), ["a-artifact"])
          assert.deepStrictEqual(yield* data("proj-b", "artifact"), [])
          assert.strictEqual(yield* s.deleteRecords("proj-b", "checkpoint", ["r1"]), 1)
          assert.deepStrictEqual(yield* data("proj-a", "checkpoint"), ["a-checkpoint"])
          assert.deepStrictEqual(yield* data("proj-a", "artifact"), ["a-artifact"])
        })
      ))

    it.effect("replaces a record put again under the same key (last one wins within a batch)", () =>
      run((s) =>
        Effect.gen(function*() {
          yield* s.putRecords([record("r1", "old", 1000, { data: "v1" })])
          yield* s.putRecords([record("r1", "new", 2000, { data: "v2" }), record("r1", "new", 3000, { data: "v3" })])
          assert.deepStrictEqual(yield* s.listRecords("proj-a", "checkpoint", "old"), [])
          const listed = yield* s.listRecords("proj-a", "checkpoint", "new")
          assert.deepStrictEqual(listed, [record("r1", "new", 3000, { data: "v3" })])
        })
      ))

    it.effect("deletes by id and counts only what existed", () =>
      run((s) =>
        Effect.gen(function*() {
          yield* s.putRecords([record("a", "p", 1), record("b", "p", 2), record("c", "p", 3)])
          assert.strictEqual(yield* s.deleteRecords("proj-a", "checkpoint", ["a", "c", "missing", "a"]), 2)
          assert.strictEqual(yield* s.deleteRecords("proj-a", "checkpoint", []), 0)
          assert.strictEqual(yield* s.deleteRecords("proj-a", "artifact", ["b"]), 0)
          assert.deepStrictEqual(ids(yield* s.listRecords("proj-a", "checkpoint", "p")), ["b"])
        })
      ))

    it.effect("stores large data and many records in one put", () =>
      run((s) =>
        Effect.gen(function*() {
          const big = "x".repeat(1_100_000)
          const many = Array.from({ length: 600 }, (_, i) => record(`r${String(i).padStart(4, "0")}`, "p", i))
          yield* s.putRecords([...many, record("big", "q", 1, { data: big })])
          const listed = yield* s.listRecords("proj-a", "checkpoint", "p")
          assert.strictEqual(listed.length, 600)
          assert.strictEqual(listed[0]!.id, "r0599")
          assert.strictEqual((yield* s.listRecords("proj-a", "checkpoint", "q"))[0]!.data.length, big.length)
          assert.strictEqual(yield* s.deleteRecords("proj-a", "checkpoint", ids(many)), 600)
        })
      ))
  })

recordsContract("memory", () => MemoryStorage.layer)
recordsContract("sqlite", () => SqliteStorage.layerWith({ filename: freshFile() }).pipe(Layer.provide(TestEmbedder)))

describe("SqliteStorage workflow records", () => {
  it.effect("keeps records across a reopen, and migration 3 upgrades a file of the previous schema", () =>
    Effect.gen(function*() {
      const filename = freshFile()
      // A file at schema 2 (as 0.1.0 after migration 2 wrote it).
      yield* Effect.gen(function*() {
        const client = yield* SqliteClient.SqliteClient
        yield* client.loadExtension(sqliteVec.getLoadablePath())
        const upTo2 = Effect.map(
          Migrations.loader({ model: "test-8", dimensions: 8 }),
          (all) => all.filter(([id]) => id <= 2)
        )
        yield* Migrator.make({})({ loader: upTo2, table: Migrations.migrationsTable })
      }).pipe(Effect.provide(SqliteClient.layer({ filename })))
      const open = SqliteStorage.layerWith({ filename }).pipe(Layer.provide(TestEmbedder))
      yield* Effect.flatMap(Storage.Storage, (s) => s.putRecords([record("a", "p", 1), record("b", "p", 2)])).pipe(
        Effect.provide(open)
      )
      const reopened = yield* Effect.gen(function*() {
        const s = yield* Storage.Storage
        const sql = yield* SqlClient.SqlClient
        const migrations = yield* sql<{ migration_id: number }>`select migration_id from alma_migrations
          order by migration_id`
        const plan = yield* sql<{ detail: string }>`explain query plan select id from workflow_records
          where project_id = 'proj-a' and collection = 'checkpoint' and parent = 'p'
          order by created_at desc, id desc`
        return { listed: yield* s.listRecords("proj-a", "checkpoint", "p"), migrations, plan }
      }).pipe(
        Effect.provide(SqliteStorage.layer.pipe(
          Layer.provideMerge(Layer.effectDiscard(
            Effect.flatMap(SqliteClient.SqliteClient, (c) => c.loadExtension(sqliteVec.getLoadablePath()))
          ).pipe(Layer.provideMerge(SqliteClient.layer({ filename })))),
          Layer.provide(TestEmbedder)
        ))
      )
      assert.deepStrictEqual(reopened.migrations.map((m) => m.migration_id), [1, 2, 3, 4, 5])
      assert.deepStrictEqual(ids(reopened.listed), ["b", "a"])
      const plan = reopened.plan.map((row) => row.detail).join("; ")
      assert.include(plan, "workflow_records_by_parent")
      assert.notInclude(plan, "TEMP B-TREE")
    }))
})
