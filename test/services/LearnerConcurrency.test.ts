/**
 * Concurrent learns on a SQLite file (whose storage calls yield to the event loop, so concurrent
 * learns really interleave): one (agent, task type) learns one at a time, so its heuristic is formed
 * once and counts every outcome; other pairs learn alongside it.
 */
import { afterAll, assert, describe, it } from "@effect/vitest"
import { Effect } from "effect"
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import * as HashEmbedder from "../../layers/embedders/HashEmbedder.js"
import * as Alma from "../../src/Alma.js"
import * as AlmaService from "../../src/services/Alma.js"
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
