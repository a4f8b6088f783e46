import { assert, describe, it } from "@effect/vitest"
import { Effect, TestClock } from "effect"
import * as Forgetter from "../../src/services/Forgetter.js"
import { withAlma } from "../fixtures/stack.js"

const learn = (alma: Parameters<Parameters<typeof withAlma>[0]>[0], n: number, outcome: "success" | "failure" = "success") =>
  Effect.forEach(Array.from({ length: n }), (_, i) =>
    alma.learn({
      agent: "helena",
      task: `check form ${i}`,
      taskType: "form_testing",
      outcome,
      strategyUsed: "validate each field as it is typed",
      errorMessage: "timeout"
    }))

describe("Forgetter", () => {
  it.effect("forgets outcomes older than 90 days and audits each deletion", () =>
    withAlma((alma) =>
      Effect.gen(function*() {
        yield* learn(alma, 2)
        yield* TestClock.adjust("91 days")
        yield* alma.learn({ agent: "helena", task: "fresh", taskType: "other", outcome: "success", strategyUsed: "x" })
        const result = yield* alma.forget()
        assert.strictEqual(result.deleted, 2)
        assert.isTrue(result.items.every((i) => i.kind === "outcome" && i.reason.startsWith("stale")))
        const audit = yield* alma.auditLog()
        assert.strictEqual(audit.length, 2)
        assert.include(audit[0]!.snapshot, "check form")
        assert.strictEqual((yield* alma.stats()).counts.outcome, 1)
      })
    ))

  it.effect("decay is computed from timestamps, so repeated runs never compound", () =>
    withAlma((alma) =>
      Effect.gen(function*() {
        yield* learn(alma, 3) // heuristic, confidence 1.0, 60-day half-life
        yield* TestClock.adjust("60 days") // decayed to 0.5: above 0.3
        for (let i = 0; i < 5; i++) {
          const r = yield* alma.forget({ olderThanDays: 365 })
          assert.strictEqual(r.deleted, 0)
        }
        assert.strictEqual((yield* alma.stats()).counts.heuristic, 1)
        yield* TestClock.adjust("50 days") // 110 days: 0.5^(110/60) ≈ 0.28 < 0.3
        const r = yield* alma.forget({ olderThanDays: 365 })
        assert.strictEqual(r.deleted, 1)
        assert.strictEqual(r.items[0]!.kind, "heuristic")
      })
    ))

  it.effect("dry run deletes nothing", () =>
    withAlma((alma) =>
      Effect.gen(function*() {
        yield* learn(alma, 2)
        yield* TestClock.adjust("100 days")
        const r = yield* alma.forget({ dryRun: true })
        assert.strictEqual(r.deleted, 2)
        assert.isTrue(r.dryRun)
        assert.strictEqual((yield* alma.stats()).counts.outcome, 2)
        assert.strictEqual((yield* alma.auditLog()).length, 0)
      })
    ))

  it.effect("forget for one agent leaves the others alone", () =>
    withAlma((alma) =>
      Effect.gen(function*() {
        yield* learn(alma, 2)
        yield* alma.learn({ agent: "victor", task: "api", taskType: "api", outcome: "success", strategyUsed: "x" })
        yield* TestClock.adjust("100 days")
        const r = yield* alma.forget({ agent: "victor" })
        assert.strictEqual(r.deleted, 1)
        assert.strictEqual((yield* alma.stats({ agent: "helena" })).counts.outcome, 2)
      })
    ))

  it.effect("prune removes heuristics with a low success rate after 5 occurrences", () =>
    withAlma((alma) =>
      Effect.gen(function*() {
        yield* learn(alma, 3) // created: 3/3
        yield* learn(alma, 4, "failure") // 3/7 ≈ 0.43 ≥ 0.4: kept
        assert.strictEqual((yield* alma.prune({ dryRun: true })).items.filter((i) => i.kind === "heuristic").length, 0)
        yield* learn(alma, 1, "failure") // 3/8 = 0.375 < 0.4
        const r = yield* alma.prune()
        const heuristic = r.items.find((i) => i.kind === "heuristic")
        assert.isDefined(heuristic)
        assert.match(heuristic!.reason, /^low_success/)
      })
    ))

  it.effect("prune enforces per-agent quotas, keeping the newest outcomes", () =>
    withAlma(
      (alma) =>
        Effect.gen(function*() {
          for (let i = 0; i < 5; i++) {
            yield* alma.learn({ agent: "helena", task: `t${i}`, taskType: `type${i}`, outcome: "success", strategyUsed: `s${i}` })
            yield* TestClock.adjust("1 minute")
          }
          const r = yield* alma.prune()
          assert.strictEqual(r.deleted, 2)
          assert.isTrue(r.items.every((i) => i.reason.startsWith("quota")))
          const left = yield* alma.retrieve({ task: "t", agent: "helena", kinds: ["outcome"], mode: "benchmark" })
          assert.sameMembers(left.outcomes.map((o) => o.memory.task), ["t2", "t3", "t4"])
        }),
      { forgetting: { policy: { ...Forgetter.defaultPrunePolicy, quotas: { outcome: 3 } } } }
    ))
})
