import { assert, describe, it } from "@effect/vitest"
import { Effect } from "effect"
import { existsSync, mkdtempSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { HashEmbedder } from "alma-memory"
import { runLearningWith } from "../../src/learning/Learning.js"
import type { DomainSpec } from "../../src/learning/Model.js"
import { suites } from "../../src/registry.js"

interface Json {
  readonly quick: boolean
  readonly config: Record<string, unknown>
  readonly dataset: { readonly agents: number; readonly outcomes: number; readonly expectedFamilies: number }
  readonly goals: ReadonlyArray<{ readonly metric: string; readonly goal: string; readonly value: number | null; readonly met: boolean }>
  readonly formation: {
    readonly overall: Record<string, number | null>
    readonly byDomain: Record<string, Record<string, number | null>>
    readonly memories: ReadonlyArray<{ readonly id: string; readonly kind: string; readonly verdict: string; readonly families: ReadonlyArray<string> }>
  }
  readonly slices: Record<string, Record<string, number | null>>
  readonly tokens: { readonly mean: number | null; readonly p95: number | null }
  readonly repeatMistakes: { readonly overall: Record<string, unknown> }
  readonly observations: ReadonlyArray<{ readonly kind: string; readonly items: number; readonly tokens: number }>
}

// Control script (issue 18: "the same strings repeated works"): one agent, identical texts, so any
// engine forms exactly one heuristic and one anti-pattern.
const control: DomainSpec = {
  domain: "form_testing",
  agent: "helena",
  scenarios: [{
    key: "submit",
    summary: "submitting a form",
    tasks: ["Test the login form submission", "Test the signup form submission", "Test the contact form submission"],
    heldOut: ["Test the settings form submission"],
    success: { strategies: Array.from({ length: 3 }, () => "Wait for the submit button to be enabled, then click it") },
    failure: { strategies: Array.from({ length: 2 }, () => "Sleep two seconds, then click submit"), errors: ["Timeout: button still disabled"] }
  }],
  templated: { strategy: "retry", failures: [] },
  offTopic: ["Write a poem about the sea"]
}

describe("bench learning", () => {
  it("is registered as `alma bench learning`", async () => {
    const suite = await suites["learning"]!()
    assert.isFunction(suite)
  })

  it.effect("control script through the real engine: one memory per family, F1 1, provenance mapped", () =>
    Effect.gen(function*() {
      const report = yield* runLearningWith({ domains: [control], embedder: HashEmbedder.layer })
      const json = report.json as Json
      const memories = [...json.formation.memories].sort((a, b) => a.kind.localeCompare(b.kind))
      assert.deepStrictEqual(memories.map((m) => [m.kind, m.verdict, m.families]), [
        ["anti_pattern", "match", ["form_testing/submit/failure"]],
        ["heuristic", "match", ["form_testing/submit/success"]]
      ])
      assert.deepStrictEqual(
        [json.formation.overall["expected"], json.formation.overall["covered"], json.formation.overall["f1"], json.formation.overall["duplicates"]],
        [2, 2, 1, 0]
      )
      assert.strictEqual(json.goals.find((g) => g.metric === "formation F1")!.met, true)
      assert.strictEqual(json.goals.find((g) => g.metric === "duplicate memories")!.met, true)
    }))

  it.effect("quick run with the hash embedder: report shape and internally consistent figures", () =>
    Effect.gen(function*() {
      const progress: Array<readonly [number, number | undefined]> = []
      const report = yield* runLearningWith({ quick: true, embedder: HashEmbedder.layer, onProgress: (d, t) => progress.push([d, t]) })
      const json = report.json as Json
      assert.strictEqual(report.suite, "learning")
      assert.isTrue(json.quick)
      assert.deepStrictEqual([json.dataset.agents, json.dataset.outcomes, json.dataset.expectedFamilies], [3, 78, 12])
      assert.deepStrictEqual(progress.at(-1), [78 + 24, 78 + 24])
      assert.strictEqual(json.config["embedderModel"], "hash-256")
      assert.deepStrictEqual(json.goals.map((g) => g.goal), ["≥ 0.9", "0", "0", "≥ 50%"])
      const o = json.formation.overall
      assert.strictEqual(o["formed"], json.formation.memories.length)
      assert.strictEqual(o["covered"], json.formation.memories.filter((m) => m.verdict === "match").length)
      assert.strictEqual(o["duplicates"], json.formation.memories.filter((m) => m.verdict === "duplicate").length)
      assert.strictEqual(o["crossFamilyMerges"], json.formation.memories.filter((m) => m.families.length > 1).length)
      assert.strictEqual(Object.keys(json.formation.byDomain).length, 3)
      for (const v of [o["recall"], o["f1"]]) assert.isTrue(v !== null && v !== undefined && v >= 0 && v <= 1)
      const offItems = json.observations.filter((x) => x.kind !== "on-topic").reduce((n, x) => n + x.items, 0)
      assert.strictEqual(json.slices["offTopicAll"]!["items"], offItems)
      assert.strictEqual(json.goals[2]!.value, offItems)
      assert.strictEqual(json.goals[2]!.met, offItems === 0)
      assert.strictEqual(json.observations.length, 24)
      assert.isAbove(json.tokens.mean!, 0)
      assert.strictEqual(json.repeatMistakes.overall["tasks"], 12)
      assert.include(report.markdown, "| formation F1 | ≥ 0.9 |")
      assert.include(report.markdown, "### Repeat mistakes")
      assert.deepStrictEqual(report.charts.map((c) => c.name), ["learning-formation-by-domain", "learning-repeat-mistakes"])
      for (const c of report.charts) assert.isTrue(c.svg.startsWith("<svg"))
    }), { timeout: 30_000 })

  it.effect("uses a configuration file's embedder and never writes to its database", () =>
    Effect.gen(function*() {
      const dir = mkdtempSync(join(tmpdir(), "alma-learning-config-"))
      const config = join(dir, "config.yaml")
      writeFileSync(config, "project_id: from-config\nembedding_provider: hash\nembedding_dim: 64\n")
      const report = yield* runLearningWith({ domains: [control], config })
      const json = report.json as Json
      assert.strictEqual(json.config["embedderModel"], "hash-64")
      assert.strictEqual(json.formation.overall["f1"], 1)
      assert.isFalse(existsSync(join(dir, "alma.db")))
    }))
})
