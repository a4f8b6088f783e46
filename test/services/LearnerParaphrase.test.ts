/**
 * The learning loop on real wording (issue 18), with the local sentence encoder (the embedded
 * default): paraphrased outcomes of one strategy form ONE heuristic (never a duplicate), paraphrased
 * failures form an anti-pattern whose alternative is the working strategy, and a templated strategy
 * text recorded for unrelated tasks never merges them. Under the original rule (one cosine ≥ 0.75)
 * the first paraphrase group formed two heuristics and the failures none.
 */
import { afterAll, assert, describe, it } from "@effect/vitest"
import { Effect } from "effect"
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import * as AlmaConfig from "../../config/AlmaConfig.js"
import * as LocalEmbedder from "../../layers/embedders/LocalEmbedder.js"
import * as SqliteStorage from "../../layers/sqlite/SqliteStorage.js"
import * as Alma from "../../src/Alma.js"
import type { LearnInput } from "../../src/domain/Inputs.js"
import * as AlmaService from "../../src/services/Alma.js"
import { scope } from "../fixtures/stack.js"

const dir = mkdtempSync(join(tmpdir(), "alma-paraphrase-"))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
let files = 0

// The embedded default (`Alma.layerSqlite`), and the stack every configuration-driven surface (CLI,
// servers, MCP) builds from the default configuration: both must use the calibrated thresholds.
const stacks = {
  "embedded default": () =>
    Alma.layerSqlite({ filename: join(dir, `db-${++files}.sqlite`), embedder: LocalEmbedder.layer, agents: [scope("helena")] }),
  "default configuration (CLI, servers)": () =>
    Alma.layerWith(SqliteStorage.layerWith({ filename: join(dir, `db-${++files}.sqlite`) }), LocalEmbedder.layer, {
      ...Alma.engineOptions(AlmaConfig.defaultConfig),
      agents: [scope("helena")]
    })
}

const outcome = (taskType: string, task: string, success: boolean, strategyUsed: string, errorMessage?: string) =>
  ({
    agent: "helena",
    task,
    taskType,
    outcome: success ? "success" : "failure",
    strategyUsed,
    ...(errorMessage ? { errorMessage } : {})
  }) satisfies LearnInput

const learnAll = (inputs: ReadonlyArray<LearnInput>) =>
  Effect.gen(function*() {
    const alma = yield* AlmaService.Alma
    for (const input of inputs) yield* alma.learn(input)
    const memories = yield* alma.exportMemories({ kinds: ["heuristic", "anti_pattern"] })
    return {
      heuristics: memories.filter((m) => m.kind === "heuristic"),
      antiPatterns: memories.filter((m) => m.kind === "anti_pattern")
    }
  })

describe.each(Object.entries(stacks))("learning on paraphrased outcomes (local embedder, %s)", (_, stack) => {
  it.effect("four paraphrased successes form one heuristic counting all four", () =>
    Effect.gen(function*() {
      const { heuristics } = yield* learnAll([
        outcome("form_testing", "Test the signup form", true, "Waited for the submit button to be enabled before clicking it, then checked the success message"),
        outcome("form_testing", "Test the login form", true, "Wait until the submit button is enabled, click it, and assert the confirmation appears"),
        outcome("form_testing", "Check the contact form", true, "Only clicked submit once the button became enabled, then verified the thank-you notice"),
        outcome("form_testing", "Test the checkout form", true, "Waited for submit to become clickable, pressed it, asserted the success banner")
      ])
      assert.lengthOf(heuristics, 1)
      const h = heuristics[0]!
      assert.strictEqual(h.kind === "heuristic" && h.occurrenceCount, 4)
    }).pipe(Effect.provide(stack())), 120_000)

  it.effect("paraphrased fixed-sleep failures form an anti-pattern whose alternative is the working strategy", () =>
    Effect.gen(function*() {
      const working = "Wait until the submit button is enabled, click it, and assert the confirmation appears"
      const { antiPatterns, heuristics } = yield* learnAll([
        outcome("form_testing", "Test the signup form", true, working),
        outcome("form_testing", "Test the login form", true, "Waited for the submit button to be enabled before clicking it, then checked the success message"),
        outcome("form_testing", "Test the profile form", true, "Only clicked submit once the button became enabled, then verified the notice"),
        outcome("form_testing", "Test the checkout form", false, "Slept for a fixed five seconds, then clicked submit", "element not interactable"),
        outcome("form_testing", "Test the address form", false, "Added a hard-coded 5 second sleep before pressing submit", "timeout waiting for response"),
        outcome("form_testing", "Test the payment form", false, "Used a fixed sleep of five seconds and then hit the submit button", "element not interactable")
      ])
      assert.lengthOf(heuristics, 1)
      assert.lengthOf(antiPatterns, 1)
      const ap = antiPatterns[0]!
      assert.strictEqual(ap.kind === "anti_pattern" && ap.occurrenceCount, 3)
      assert.isTrue(ap.kind === "anti_pattern" && /enabled/.test(ap.betterAlternative), JSON.stringify(ap))
    }).pipe(Effect.provide(stack())), 120_000)

  it.effect("a templated strategy text recorded for unrelated tasks forms no lesson merging them", () =>
    Effect.gen(function*() {
      const { antiPatterns } = yield* learnAll([
        outcome("general", "Find the capital of the country where the Nile ends", false, "I will search for the answer and then respond"),
        outcome("general", "Sort a list of integers in place without extra memory", false, "I will search for the answer and then respond"),
        outcome("general", "Put a washed mug on the kitchen shelf", false, "I will search for the answer and then respond"),
        outcome("general", "Compute the median of a stream of numbers", false, "I will search for the answer and then respond")
      ])
      // Each anti-pattern, if any, is bound to similar tasks: none merges two unrelated tasks.
      for (const ap of antiPatterns) assert.isAtMost(ap.provenance.length, 1, JSON.stringify(ap))
    }).pipe(Effect.provide(stack())), 120_000)
})
