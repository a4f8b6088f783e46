/**
 * Storage conformance: concurrent writers. Two processes (`test/fixtures/conformanceWriter.ts`) open
 * the same target and, started at the same moment, each save 5,000 memories with distinct ids in
 * batches of 100. Afterwards every acknowledged memory is there: exactly 10,000, counted, listed and
 * read back by `getMany` (all of them, with their vectors), and by `get` for one in `GET_EVERY`
 * (10,000 single reads took 4–8 s on the shared 2-core machine: the sample keeps the suite within its
 * CI budget). The target is created (migrated) first by the test, so the writers only write. (The
 * memory backend is exempt: one process's heap.)
 */
import { assert, it } from "@effect/vitest"
import { Array as Arr, Effect } from "effect"
import { type ChildProcess, spawn } from "node:child_process"
import { dirname, join, resolve } from "node:path"
import { createInterface } from "node:readline"
import { fileURLToPath } from "node:url"
import type { MemoryId } from "../../../src/domain/Ids.js"
import * as Storage from "../../../src/services/Storage.js"
import { reopen } from "./backends.js"
import { DIMENSIONS } from "./fixtures.js"
import { describeBackends } from "./suite.js"

const WRITERS = 2
const PER_WRITER = 5_000
const BATCH = 100
/** One acknowledged id in this many is also read by `get`. */
const GET_EVERY = 10

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../../..")

interface Writer {
  readonly process: ChildProcess
  /** Ids of the acknowledged batches, in order. */
  readonly acknowledged: Array<ReadonlyArray<MemoryId>>
  readonly ready: Promise<void>
  readonly exited: Promise<{ readonly code: number | null; readonly stderr: string }>
}

const start = (backend: string, target: string, writer: number): Writer => {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", join(root, "test/fixtures/conformanceWriter.ts"), backend, target, String(writer), String(PER_WRITER), String(BATCH)],
    { cwd: root, stdio: ["pipe", "pipe", "pipe"], env: process.env }
  )
  const acknowledged: Array<ReadonlyArray<MemoryId>> = []
  let stderr = ""
  let isReady: () => void = () => {}
  const ready = new Promise<void>((done) => (isReady = done))
  child.stderr!.on("data", (d) => (stderr += String(d)))
  createInterface({ input: child.stdout! }).on("line", (line) => {
    const value = JSON.parse(line)
    if (value.ready === true) isReady()
    else acknowledged.push(value.ids)
  })
  const exited = new Promise<{ code: number | null; stderr: string }>((done) =>
    child.on("exit", (code) => {
      isReady()
      done({ code, stderr })
    })
  )
  return { process: child, acknowledged, ready, exited }
}

/** Runs the writers to their end; kills them should the test be interrupted first. */
const runWriters = (backend: string, target: string) =>
  Effect.acquireUseRelease(
    Effect.sync(() => Array.from({ length: WRITERS }, (_, w) => start(backend, target, w + 1))),
    (writers) =>
      Effect.promise(async () => {
        await Promise.all(writers.map((w) => w.ready))
        for (const w of writers) w.process.stdin!.write("go\n")
        return { writers, exits: await Promise.all(writers.map((w) => w.exited)) }
      }),
    (writers) =>
      Effect.sync(() => {
        for (const w of writers) if (w.process.exitCode === null && w.process.signalCode === null) w.process.kill("SIGKILL")
      })
  )

describeBackends("Storage concurrent writers", (backend) => {
  it.live(`${WRITERS} processes × ${PER_WRITER} writes in batches of ${BATCH}: none lost`, () =>
    Effect.gen(function*() {
      const target = backend.newTarget()
      // create the target (schema, migrations) before the writers open it
      yield* Effect.provide(Storage.Storage, reopen(backend, target))
      const { writers, exits } = yield* runWriters(backend.name, target)
      exits.forEach(({ code, stderr }, i) => assert.strictEqual(code, 0, `writer ${i + 1} failed:\n${stderr}`))
      writers.forEach((w) => assert.lengthOf(w.acknowledged, PER_WRITER / BATCH))
      const acknowledged = writers.flatMap((w) => w.acknowledged.flat())
      assert.strictEqual(new Set(acknowledged).size, WRITERS * PER_WRITER)

      yield* Effect.gen(function*() {
        const storage = yield* Storage.Storage
        assert.strictEqual((yield* storage.stats("concurrency")).domain_knowledge, WRITERS * PER_WRITER)
        for (let w = 1; w <= WRITERS; w++) {
          assert.strictEqual((yield* storage.stats("concurrency", [`writer${w}`])).domain_knowledge, PER_WRITER)
        }
        assert.lengthOf(yield* storage.list({ projectId: "concurrency" }), WRITERS * PER_WRITER)
        const read = yield* Effect.forEach(
          Arr.chunksOf(acknowledged, 500),
          (ids) => storage.getMany("concurrency", ids),
          { concurrency: 4 }
        )
        assert.deepStrictEqual(read.flat().map((r) => r.memory.id), acknowledged)
        assert.isTrue(read.flat().every((r) => r.embedding.length === DIMENSIONS))
        const sample = acknowledged.filter((_, i) => i % GET_EVERY === 0)
        const found = yield* Effect.forEach(
          sample,
          (id) => Effect.map(storage.get("concurrency", id), (r) => r.memory.id === id),
          { concurrency: 8 }
        )
        assert.strictEqual(found.filter(Boolean).length, sample.length)
      }).pipe(Effect.provide(reopen(backend, target)))
    }), 120_000)
}, "concurrency")
