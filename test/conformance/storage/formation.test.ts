/**
 * Storage conformance: heuristic formation across processes. Two processes
 * (`test/fixtures/formationLearner.ts`) open the same target under the full engine and, started at
 * the same moment, each learn the same successful strategy `PER_WRITER` times for each of
 * `TASK_TYPES.length` task types. Formation is serialised in the store (`Storage.exclusive`), so
 * afterwards each task type has exactly one heuristic, whose occurrence count is every outcome of
 * both processes, and no outcome is lost. Before `exclusive`, the per-process learn lock let the two
 * processes form duplicate heuristics and lose counts. (The memory backend is exempt: one process's
 * heap.)
 */
import { assert, it } from "@effect/vitest"
import { Effect } from "effect"
import { type ChildProcess, spawn } from "node:child_process"
import { dirname, join, resolve } from "node:path"
import { createInterface } from "node:readline"
import { fileURLToPath } from "node:url"
import * as HashEmbedder from "../../../layers/embedders/HashEmbedder.js"
import * as Alma from "../../../src/Alma.js"
import * as AlmaService from "../../../src/services/Alma.js"
import { scope } from "../../fixtures/stack.js"
import type { Backend } from "./backends.js"
import { describeBackends } from "./suite.js"

const WRITERS = 2
const PER_WRITER = 10
const TASK_TYPES = ["form_testing", "api_testing", "login", "search", "checkout", "upload"]

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../../..")

interface Learner {
  readonly process: ChildProcess
  readonly ready: Promise<void>
  readonly exited: Promise<{ readonly code: number | null; readonly stderr: string; readonly done: number }>
}

const start = (backend: string, target: string, writer: number): Learner => {
  const child = spawn(
    process.execPath,
    [
      "--import",
      "tsx",
      join(root, "test/fixtures/formationLearner.ts"),
      backend,
      target,
      String(writer),
      String(PER_WRITER),
      TASK_TYPES.join(",")
    ],
    { cwd: root, stdio: ["pipe", "pipe", "pipe"], env: process.env }
  )
  let stderr = ""
  let done = 0
  let isReady: () => void = () => {}
  const ready = new Promise<void>((resolve) => (isReady = resolve))
  child.stderr!.on("data", (d) => (stderr += String(d)))
  createInterface({ input: child.stdout! }).on("line", (line) => {
    const value = JSON.parse(line)
    if (value.ready === true) isReady()
    if (typeof value.done === "number") done = value.done
  })
  const exited = new Promise<{ code: number | null; stderr: string; done: number }>((resolve) =>
    child.on("exit", (code) => {
      isReady()
      resolve({ code, stderr, done })
    })
  )
  return { process: child, ready, exited }
}

const stackOf = (backend: Backend, target: string) =>
  Alma.layerWith(backend.open(target), HashEmbedder.layer, { agents: [scope("helena")], projectId: "formation" })

describeBackends("Heuristic formation across processes", (backend) => {
  it.live(`${WRITERS} processes × ${PER_WRITER} learns × ${TASK_TYPES.length} task types: one heuristic each, exact counts`, () =>
    Effect.gen(function*() {
      const target = backend.newTarget()
      // Create the target (schema, migrations) before the learners open it.
      yield* Effect.provide(AlmaService.Alma, stackOf(backend, target))
      const learners = yield* Effect.acquireRelease(
        Effect.sync(() => Array.from({ length: WRITERS }, (_, w) => start(backend.name, target, w + 1))),
        (all) =>
          Effect.sync(() => {
            for (const l of all) if (l.process.exitCode === null && l.process.signalCode === null) l.process.kill("SIGKILL")
          })
      )
      const exits = yield* Effect.promise(async () => {
        await Promise.all(learners.map((l) => l.ready))
        for (const l of learners) l.process.stdin!.write("go\n")
        return Promise.all(learners.map((l) => l.exited))
      })
      exits.forEach(({ code, done, stderr }, i) => {
        assert.strictEqual(code, 0, `learner ${i + 1} failed:\n${stderr}`)
        assert.strictEqual(done, PER_WRITER * TASK_TYPES.length)
      })
      yield* Effect.gen(function*() {
        const alma = yield* AlmaService.Alma
        const heuristics = yield* alma.exportMemories({ kinds: ["heuristic"] })
        const counts = heuristics.map((h) => (h.kind === "heuristic" ? `${h.taskType}:${h.occurrenceCount}` : ""))
        assert.deepStrictEqual(counts.sort(), TASK_TYPES.map((t) => `${t}:${WRITERS * PER_WRITER}`).sort())
        assert.strictEqual((yield* alma.stats()).counts.outcome, WRITERS * PER_WRITER * TASK_TYPES.length)
      }).pipe(Effect.provide(stackOf(backend, target)))
    }).pipe(Effect.scoped), 180_000)
}, "concurrency")
