import * as SqlClient from "@effect/sql/SqlClient"
import * as SqliteClient from "@effect/sql-sqlite-node/SqliteClient"
import { afterEach, assert, describe, it } from "@effect/vitest"
import Database from "better-sqlite3"
import { Deferred, Effect, Fiber } from "effect"
import * as sqliteVec from "sqlite-vec"
import { type ChildProcess, spawn } from "node:child_process"
import { mkdtempSync } from "node:fs"
import { tmpdir } from "node:os"
import { dirname, join, resolve } from "node:path"
import { createInterface } from "node:readline"
import { fileURLToPath } from "node:url"
import { makeWriteTransaction } from "../../layers/sqlite/internal/transaction.js"

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..")

interface Child {
  /** Parsed stdout lines after `ready`. */
  readonly lines: Array<any>
  /** Loaded, waiting for `go` to open the file. */
  readonly ready: Promise<void>
  readonly firstLine: Promise<void>
  readonly exited: Promise<{ readonly code: number | null; readonly stderr: string }>
  /** Lets the child open the file and start. */
  readonly go: () => void
  /** Closes the child's stdin (a reader stops on it). */
  readonly stop: () => void
}

/** The children of the running test (killed after it, should it fail before they exit). */
const children = new Set<ChildProcess>()

afterEach(() => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL")
  children.clear()
})

/** Runs `test/fixtures/sqliteWriter.ts` in its own process. */
const run = (args: ReadonlyArray<string>): Child => {
  const child = spawn(process.execPath, ["--import", "tsx", join(root, "test/fixtures/sqliteWriter.ts"), ...args], {
    cwd: root,
    stdio: ["pipe", "pipe", "pipe"]
  })
  children.add(child)
  const lines: Array<any> = []
  let stderr = ""
  let isReady: () => void = () => {}
  let sawLine: () => void = () => {}
  const ready = new Promise<void>((done) => (isReady = done))
  const firstLine = new Promise<void>((done) => (sawLine = done))
  child.stderr.on("data", (d) => (stderr += String(d)))
  createInterface({ input: child.stdout }).on("line", (line) => {
    const value = JSON.parse(line)
    if (value.ready === true) return isReady()
    lines.push(value)
    sawLine()
  })
  const exited = new Promise<{ code: number | null; stderr: string }>((done) => {
    child.on("exit", (code) => {
      isReady()
      sawLine()
      done({ code, stderr })
    })
  })
  return { lines, ready, firstLine, exited, go: () => child.stdin.write("go\n"), stop: () => child.stdin.end() }
}

/** Starts the children together once all are loaded, so that they open the file at the same moment. */
const startTogether = async (children: ReadonlyArray<Child>) => {
  await Promise.all(children.map((c) => c.ready))
  children.forEach((c) => c.go())
}

const freshFile = () => join(mkdtempSync(join(tmpdir(), "alma-concurrency-")), "alma.db")

const inspect = (filename: string) => {
  const db = new Database(filename, { readonly: true })
  sqliteVec.load(db)
  try {
    const count = (table: string) => (db.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n
    return {
      integrity: db.pragma("integrity_check", { simple: true }),
      ids: (db.prepare("select id from memories").all() as Array<{ id: string }>).map((r) => r.id),
      vectors: count("memory_vectors"),
      lexical: count("memory_fts"),
      migrations: (db.prepare("select migration_id as id from alma_migrations order by migration_id").all() as Array<
        { id: number }
      >).map((r) => r.id),
      meta: count("alma_meta")
    }
  } finally {
    db.close()
  }
}

const batches = 20
const factsPerBatch = 10

const acknowledgedIds = (writers: ReadonlyArray<Child>) =>
  writers.flatMap((w) => w.lines.flatMap((l) => l.ids as ReadonlyArray<string>))

describe("SQLite shared by several processes", () => {
  it("processes opening one new file at once each write all their batches: nothing lost, migrated once", async () => {
    const filename = freshFile()
    const writers = Array.from({ length: 4 }, (_, i) => run(["writer", filename, `w${i}`, String(batches)]))
    await startTogether(writers)
    const exits = await Promise.all(writers.map((w) => w.exited))
    exits.forEach(({ code, stderr }, i) => assert.strictEqual(code, 0, `writer ${i} failed:\n${stderr}`))
    writers.forEach((w) => assert.strictEqual(w.lines.length, batches))
    const acknowledged = acknowledgedIds(writers)
    assert.strictEqual(acknowledged.length, 4 * batches * factsPerBatch)
    const file = inspect(filename)
    assert.strictEqual(file.integrity, "ok")
    assert.deepStrictEqual([...file.ids].sort(), [...acknowledged].sort())
    assert.strictEqual(file.vectors, acknowledged.length)
    assert.strictEqual(file.lexical, acknowledged.length)
    // each migration recorded once, and the embedding metadata written once
    assert.deepStrictEqual(file.migrations, [1, 2, 3, 4, 5])
    assert.strictEqual(file.meta, 2)
  }, 30_000)

  it("a reader retrieving while other processes write never fails", async () => {
    const filename = freshFile()
    // The reader creates the file; writers start once it retrieves.
    const reader = run(["reader", filename, "r"])
    await startTogether([reader])
    await reader.firstLine
    assert.isAbove(reader.lines.length, 0, "the reader failed to start")
    const writers = Array.from({ length: 2 }, (_, i) => run(["writer", filename, `w${i}`, String(batches * 2)]))
    await startTogether(writers)
    const writerExits = await Promise.all(writers.map((w) => w.exited))
    reader.stop()
    const readerExit = await reader.exited
    writerExits.forEach(({ code, stderr }, i) => assert.strictEqual(code, 0, `writer ${i} failed:\n${stderr}`))
    assert.strictEqual(readerExit.code, 0, `reader failed:\n${readerExit.stderr}`)
    // the reader did retrieve while the writers were writing, and saw their facts
    // (wall-clock times taken by the children as they retrieved or were acknowledged)
    const firstAck = Math.min(...writers.map((w) => w.lines[0]!.at as number))
    const lastAck = Math.max(...writers.map((w) => w.lines[w.lines.length - 1]!.at as number))
    const during = reader.lines.filter((l) => l.at >= firstAck && l.at <= lastAck)
    assert.isAbove(during.length, 0, "no retrieval overlapped the writes")
    assert.isAbove(Math.max(...reader.lines.map((l) => l.retrieved as number)), 0)
    const file = inspect(filename)
    assert.strictEqual(file.integrity, "ok")
    assert.deepStrictEqual([...file.ids].sort(), [...acknowledgedIds(writers)].sort())
  }, 30_000)

  it.effect("a write transaction holds the write lock from its start, rolls back on failure and interruption", () => {
    const filename = freshFile()
    return Effect.gen(function*() {
      const sql = yield* SqlClient.SqlClient
      const write = makeWriteTransaction(sql)
      yield* sql`create table t (x integer)`
      // Another connection, one that does not wait for locks.
      const other = new Database(filename, { timeout: 0 })
      // Before its first write, the transaction already holds the write lock (BEGIN IMMEDIATE).
      yield* write(Effect.gen(function*() {
        yield* sql`select count(*) as n from t`
        assert.throws(() => other.exec("begin immediate"), /locked/)
      })).pipe(Effect.ensuring(Effect.sync(() => {
        other.exec("begin immediate")
        other.exec("rollback")
        other.close()
      })))
      const failure = yield* Effect.flip(write(Effect.zipRight(sql`insert into t values (1)`, Effect.fail("failed"))))
      assert.strictEqual(failure, "failed")
      const inserted = yield* Deferred.make<void>()
      const fiber = yield* Effect.fork(write(
        sql`insert into t values (2)`.pipe(
          Effect.zipRight(Deferred.complete(inserted, Effect.void)),
          Effect.zipRight(Effect.never)
        )
      ))
      yield* Deferred.await(inserted)
      yield* Fiber.interrupt(fiber)
      // Nested transactions are savepoints: the failed inner one alone is undone.
      yield* write(Effect.gen(function*() {
        yield* sql`insert into t values (3)`
        yield* write(sql`insert into t values (4)`)
        yield* Effect.ignore(write(Effect.zipRight(sql`insert into t values (5)`, Effect.fail("inner"))))
      }))
      const rows = yield* sql<{ readonly x: number }>`select x from t order by x`
      assert.deepStrictEqual(rows.map((r) => r.x), [3, 4])
    }).pipe(Effect.provide(SqliteClient.layer({ filename })))
  })
})
