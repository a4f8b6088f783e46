import { assert, describe, it } from "@effect/vitest"
import { Effect } from "effect"
import { existsSync, mkdtempSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { AgentScope, Alma, AlmaService, HashEmbedder } from "alma-memory"
import { loadDataset } from "../../src/reflexion/Dataset.js"
import { defaultDataset, runReflexionWith } from "../../src/reflexion/Reflexion.js"
import { replay } from "../../src/reflexion/Replay.js"

const fixtures = fileURLToPath(new URL("../../../test/fixtures/reflexion", import.meta.url))

interface Score {
  readonly queries: number
  readonly tasks: number
  readonly recallAt1: number | null
  readonly recallAt5: number | null
  readonly mrr: number | null
}
interface Json {
  readonly families: Record<string, Score>
  readonly variants: Record<string, Score>
  readonly overall: Score
  readonly config: Record<string, unknown>
  readonly files: ReadonlyArray<{ readonly path: string; readonly format: string | null }>
  readonly runs: ReadonlyArray<{ readonly id: string; readonly role: string; readonly agent: string | null }>
  readonly examples: ReadonlyArray<{ readonly family: string; readonly prompt: string }>
}

const inUnit = (x: number | null) => x !== null && x >= 0 && x <= 1

describe("replay", () => {
  it.effect("records each new lesson as an anti-pattern whose provenance is the failed outcome", () =>
    Effect.gen(function*() {
      const dataset = yield* loadDataset(join(fixtures, "hotpot", "reflexion_log.txt"))
      const run = dataset.runs[0]!
      const alma = yield* AlmaService.Alma
      const result = yield* replay([{ run, agent: "hotpotqa" }])
      assert.deepStrictEqual(result.queries.map((q) => [q.taskKey.slice(0, 12), q.trial, q.ownLessons]), [
        ["Who directed", 2, 1],
        ["In what year", 2, 1],
        ["In what year", 3, 2]
      ])
      assert.deepStrictEqual(result.runs[0]!.successAfterLesson, 1)
      const lessons = yield* alma.exportMemories({ kinds: ["anti_pattern"] })
      const explicit = lessons.filter((m) => m.metadata["bench"] === "reflexion")
      assert.strictEqual(explicit.length, 3)
      // A lesson's evidence is its own task's failures: the failed outcome it was written for, and
      // later failures of that task with the same strategy (never another task's: no hub lessons).
      for (const lesson of explicit) {
        assert.isAtLeast(lesson.provenance.length, 1)
        for (const id of lesson.provenance) {
          const outcome = yield* alma.get(id)
          assert.strictEqual(outcome.kind, "outcome")
          if (outcome.kind === "outcome") {
            assert.isFalse(outcome.success)
            assert.strictEqual(outcome.metadata["taskKey"], lesson.metadata["taskKey"])
          }
        }
      }
    }).pipe(Effect.provide(Alma.layerInMemory({ agents: [AgentScope.make({ agent: "hotpotqa" })] }))))
})

describe("runReflexion", () => {
  it.effect("on the fixtures: every format, controls skipped, counts as hand-checked", () =>
    Effect.gen(function*() {
      const progress: Array<[number, number | undefined]> = []
      const report = yield* runReflexionWith({
        dataset: fixtures,
        embedder: HashEmbedder.layer,
        onProgress: (done, total) => progress.push([done, total])
      })
      const json = report.json as Json
      assert.strictEqual(report.suite, "reflexion")
      assert.deepStrictEqual(
        Object.fromEntries(Object.entries(json.families).map(([f, s]) => [f, s.queries])),
        { alfworld: 3, hotpotqa: 4, humaneval: 3 }
      )
      assert.strictEqual(json.variants["alfworld (env id only)"]!.queries, 3)
      assert.strictEqual(json.runs.find((r) => r.id === "hotpot/base_log.txt")!.role, "control")
      assert.deepStrictEqual(
        json.runs.filter((r) => r.agent !== null).map((r) => r.agent),
        ["alfworld.alfworld", "hotpotqa.reflexion_log", "humaneval", "alfworld.renamed", "hotpotqa.qa_log"]
      )
      assert.strictEqual(progress.at(-1)![0], progress.at(-1)![1])
      assert.strictEqual(json.config["embedderModel"], "hash-256")
      assert.match(report.markdown, /\| hotpotqa \| 2 \|/)
      assert.match(report.charts[0]!.svg, /^<svg/)
    }))

  it.effect("uses a configuration file's embedder and never writes to its database", () =>
    Effect.gen(function*() {
      const dir = mkdtempSync(join(tmpdir(), "alma-reflexion-config-"))
      const config = join(dir, "config.yaml")
      writeFileSync(config, "project_id: from-config\nembedding_provider: hash\nembedding_dim: 64\n")
      const report = yield* runReflexionWith({ dataset: join(fixtures, "programming"), config })
      const json = report.json as Json
      assert.strictEqual(json.config["embedderModel"], "hash-64")
      assert.strictEqual(json.config["projectId"], "from-config")
      assert.strictEqual(json.families["humaneval"]!.queries, 3)
      assert.isFalse(existsSync(join(dir, "alma.db")))
    }))

  it.effect("quick run on the real dataset with the hash embedder: sane structure", () =>
    Effect.gen(function*() {
      const dataset = yield* defaultDataset
      assert.match(dataset, /shared[\\/]datasets[\\/]reflexion-logs$/)
      const report = yield* runReflexionWith({ quick: true, embedder: HashEmbedder.layer })
      const json = report.json as Json
      assert.deepStrictEqual(Object.keys(json.families).sort(), ["alfworld", "hotpotqa", "humaneval"])
      for (const s of [...Object.values(json.families), ...Object.values(json.variants), json.overall]) {
        assert.isAbove(s.queries, 0)
        assert.isAbove(s.tasks, 0)
        assert.isTrue(inUnit(s.recallAt1) && inUnit(s.recallAt5) && inUnit(s.mrr))
        assert.isAtMost(s.recallAt1!, s.recallAt5!)
        assert.isAtLeast(s.mrr!, s.recallAt1!)
      }
      assert.isTrue(json.files.some((f) => f.format === null))
      assert.isTrue(json.runs.some((r) => r.role === "control"))
      assert.strictEqual(json.examples.length, 3)
      assert.match(report.markdown, /```text\n/)
    }), { timeout: 20_000 })
})
