/**
 * Concurrent learns on a SQLite file (whose storage calls yield to the event loop, so concurrent
 * learns really interleave): one (agent, task type) learns one at a time, so its heuristic is formed
 * once and counts every outcome; other pairs learn alongside it.
 *
 * That other pairs really run in parallel is observed on the memory backend, through a Storage whose
 * `list` (called only inside the Learner's locked formation section) records which pairs are inside
 * it at the same time and holds each call for a few milliseconds. Its `exclusive` runs the section
 * as it is: SQLite's `exclusive` is one `BEGIN IMMEDIATE` on the file's single connection, and the
 * memory backend's hashes keys onto 64 shared locks (two of these three pairs share one), so either
 * would order sections whatever the Learner does; what is left is the Learner's own locking.
 */
import { afterAll, assert, describe, it } from "@effect/vitest"
import { Duration, Effect, Layer } from "effect"
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import * as HashEmbedder from "../../layers/embedders/HashEmbedder.js"
import * as MemoryStorage from "../../layers/memory/MemoryStorage.js"
import * as Alma from "../../src/Alma.js"
import * as AlmaService from "../../src/services/Alma.js"
import * as Storage from "../../src/services/Storage.js"
import { scope } from "../fixtures/stack.js"

const dir = mkdtempSync(join(tmpdir(), "alma-learn-concurrency-"))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const stack = (file: string) =>
  Alma.layerSqlite({
    filename: join(dir, file),
    embedder: HashEmbedder.layer,
    agents: [scope("helena"), scope("victor")]
  })

const learn = (alma: AlmaService.Service, agent: string, taskType: string, i: number) =>
  alma.learn({
    agent,
    task: `Check the ${taskType} flow, run ${i}`,
    taskType,
    outcome: "success",
    strategyUsed: "incremental validation with explicit waits"
  })

describe("Learner under concurrency", () => {
  it.effect("12 concurrent learns of one (agent, task type) form exactly one heuristic counting all 12", () =>
    Effect.gen(function*() {
      const alma = yield* AlmaService.Alma
      yield* Effect.forEach(Array.from({ length: 12 }), (_, i) => learn(alma, "helena", "form_testing", i), {
        concurrency: "unbounded"
      })
      const heuristics = yield* alma.exportMemories({ kinds: ["heuristic"] })
      assert.strictEqual(heuristics.length, 1)
      const h = heuristics[0]!
      assert.strictEqual(h.kind === "heuristic" ? h.occurrenceCount : -1, 12)
      assert.strictEqual((yield* alma.stats()).counts.outcome, 12)
    }).pipe(Effect.provide(stack("one-pair.db"))))

  it.effect("concurrent learns of different agents and task types each form their own heuristic", () =>
    Effect.gen(function*() {
      const alma = yield* AlmaService.Alma
      const pairs = [["helena", "form_testing"], ["helena", "api_testing"], ["victor", "form_testing"]] as const
      yield* Effect.forEach(
        pairs.flatMap(([agent, taskType]) => [0, 1, 2, 3].map((i) => [agent, taskType, i] as const)),
        ([agent, taskType, i]) => learn(alma, agent, taskType, i),
        { concurrency: "unbounded" }
      )
      const heuristics = yield* alma.exportMemories({ kinds: ["heuristic"] })
      const key = (m: (typeof heuristics)[number]) =>
        m.kind === "heuristic" ? `${m.agent}/${m.taskType}/${m.occurrenceCount}` : ""
      assert.deepStrictEqual(heuristics.map(key).sort(), [
        "helena/api_testing/4",
        "helena/form_testing/4",
        "victor/form_testing/4"
      ])
    }).pipe(Effect.provide(stack("pairs.db"))))
})

/** Who is inside the formation section: calls of `list` in flight per (agent, task type). */
interface Overlap {
  readonly inFlight: Map<string, number>
  /** Most distinct pairs inside at once. */
  peakPairs: number
  /** Most calls of one pair inside at once. */
  peakSamePair: number
  calls: number
}

/**
 * The memory backend, with `exclusive` running its section as it is and every `list` of one
 * (owner, task type) counted in `overlap` while it runs, held `hold` long.
 */
const observedStorage = (overlap: Overlap, hold: Duration.DurationInput) =>
  Layer.effect(
    Storage.Storage,
    Effect.map(MemoryStorage.make, (inner) =>
      Storage.Storage.of({
        ...inner,
        exclusive: <A, E, R>(_projectId: string, _key: string, effect: Effect.Effect<A, E, R>) => effect,
        list: (query) => {
          if (query.taskType === undefined) return inner.list(query)
          const pair = `${(query.owners ?? []).join(",")}/${query.taskType}`
          const enter = Effect.sync(() => {
            const n = (overlap.inFlight.get(pair) ?? 0) + 1
            overlap.inFlight.set(pair, n)
            overlap.calls++
            overlap.peakSamePair = Math.max(overlap.peakSamePair, n)
            overlap.peakPairs = Math.max(overlap.peakPairs, [...overlap.inFlight.values()].filter((c) => c > 0).length)
          })
          const exit = Effect.sync(() => overlap.inFlight.set(pair, overlap.inFlight.get(pair)! - 1))
          return Effect.acquireUseRelease(enter, () => Effect.zipRight(Effect.sleep(hold), inner.list(query)), () => exit)
        }
      }))
  )

describe("Learner lock granularity (memory backend, sections observed)", () => {
  // Real time: the observed `list` holds each call 40 ms so that sections that can overlap do.
  it.live("learns of different (agent, task type) pairs are inside formation at the same time; one pair's never are", () => {
    const overlap: Overlap = { inFlight: new Map(), peakPairs: 0, peakSamePair: 0, calls: 0 }
    const pairs = [["helena", "form_testing"], ["helena", "api_testing"], ["victor", "form_testing"]] as const
    return Effect.gen(function*() {
      const alma = yield* AlmaService.Alma
      yield* Effect.forEach(
        pairs.flatMap(([agent, taskType]) => [0, 1, 2, 3].map((i) => [agent, taskType, i] as const)),
        ([agent, taskType, i]) => learn(alma, agent, taskType, i),
        { concurrency: "unbounded" }
      )
      // Each learn lists heuristics, anti-patterns and outcomes of its pair inside the section.
      assert.isAtLeast(overlap.calls, 3 * 12)
      // A single lock for all learns (or any ordering of every section) keeps this at 1.
      assert.isAtLeast(overlap.peakPairs, 2, `at most ${overlap.peakPairs} pair(s) inside formation at once`)
      assert.strictEqual(overlap.peakSamePair, 1, "two learns of one pair were inside formation at once")
      const heuristics = yield* alma.exportMemories({ kinds: ["heuristic"] })
      assert.deepStrictEqual(
        heuristics.map((m) => (m.kind === "heuristic" ? `${m.agent}/${m.taskType}/${m.occurrenceCount}` : "")).sort(),
        ["helena/api_testing/4", "helena/form_testing/4", "victor/form_testing/4"]
      )
    }).pipe(
      Effect.provide(
        Alma.layerWith(observedStorage(overlap, Duration.millis(40)), HashEmbedder.layer, {
          agents: [scope("helena"), scope("victor")]
        })
      )
    )
  })
})
