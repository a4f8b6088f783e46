import { assert, describe, it } from "@effect/vitest"
import { Effect } from "effect"
import { scope, withAlma } from "../fixtures/stack.js"

const learnMany = (
  alma: Parameters<Parameters<typeof withAlma>[0]>[0],
  n: number,
  fields: { agent?: string; outcome?: "success" | "failure"; strategyUsed?: string; errorMessage?: string }
) =>
  Effect.forEach(Array.from({ length: n }), (_, i) =>
    alma.learn({
      agent: fields.agent ?? "helena",
      task: `Test the login form validation, run ${i}`,
      taskType: "form_testing",
      outcome: fields.outcome ?? "success",
      strategyUsed: fields.strategyUsed ?? "incremental validation with explicit waits",
      ...(fields.errorMessage ? { errorMessage: fields.errorMessage } : {})
    }))

describe("Learner: heuristics", () => {
  it.effect("forms a heuristic at min_occurrences similar successes, not before", () =>
    withAlma((alma) =>
      Effect.gen(function*() {
        const results = yield* learnMany(alma, 3, {})
        assert.isUndefined(results[0]!.heuristic)
        assert.isUndefined(results[1]!.heuristic)
        const formed = results[2]!.heuristic
        assert.strictEqual(formed?.action, "created")
        assert.strictEqual(formed?.memory.occurrenceCount, 3)
        assert.strictEqual(formed?.memory.successCount, 3)
        assert.strictEqual(formed?.memory.confidence, 1)
        assert.strictEqual(formed?.memory.condition, "task type: form_testing")
        assert.deepStrictEqual([...formed!.memory.provenance].sort(), results.map((r) => r.outcome.id).sort())
      })
    ))

  it.effect("updates the matching heuristic instead of duplicating it (reference defect 5)", () =>
    withAlma((alma) =>
      Effect.gen(function*() {
        const results = yield* learnMany(alma, 5, {})
        assert.strictEqual(results[3]!.heuristic?.action, "updated")
        assert.strictEqual(results[4]!.heuristic?.action, "updated")
        assert.strictEqual(results[4]!.heuristic?.memory.id, results[2]!.heuristic?.memory.id)
        const stats = yield* alma.stats()
        assert.strictEqual(stats.counts.heuristic, 1)
        assert.strictEqual(results[4]!.heuristic?.memory.occurrenceCount, 5)
        // a failure of the same strategy lowers its confidence
        const [failed] = yield* learnMany(alma, 1, { outcome: "failure", errorMessage: "timeout" })
        assert.strictEqual(failed!.heuristic?.memory.occurrenceCount, 6)
        assert.closeTo(failed!.heuristic!.memory.confidence, 5 / 6, 1e-9)
      })
    ))

  it.effect("needs a success fraction above 0.5", () =>
    withAlma((alma) =>
      Effect.gen(function*() {
        yield* learnMany(alma, 2, { outcome: "failure", errorMessage: "element not found" })
        const [third] = yield* learnMany(alma, 1, {})
        assert.isUndefined(third!.heuristic)
        assert.strictEqual((yield* alma.stats()).counts.heuristic, 0)
      })
    ))

  it.effect("respects the agent's min_occurrences_for_heuristic", () =>
    withAlma(
      (alma) =>
        Effect.gen(function*() {
          const results = yield* learnMany(alma, 2, {})
          assert.strictEqual(results[1]!.heuristic?.action, "created")
        }),
      { agents: [scope("helena", { minOccurrencesForHeuristic: 2 })] }
    ))

  it.effect("dissimilar strategies do not count towards each other", () =>
    withAlma((alma) =>
      Effect.gen(function*() {
        yield* learnMany(alma, 2, { strategyUsed: "incremental validation with explicit waits" })
        const [r] = yield* learnMany(alma, 1, { strategyUsed: "screenshot diffing of the rendered page" })
        assert.isUndefined(r!.heuristic)
      })
    ))
})

describe("Learner: anti-patterns", () => {
  it.effect("forms an anti-pattern after 2 similar failures, then updates it", () =>
    withAlma((alma) =>
      Effect.gen(function*() {
        const [first, second, third] = yield* learnMany(alma, 3, {
          outcome: "failure",
          strategyUsed: "fixed sleep of five seconds before asserting",
          errorMessage: "flaky: element appeared after the sleep"
        })
        assert.isUndefined(first!.antiPattern)
        assert.strictEqual(second!.antiPattern?.action, "created")
        assert.strictEqual(second!.antiPattern?.memory.occurrenceCount, 2)
        assert.strictEqual(second!.antiPattern?.memory.whyBad, "flaky: element appeared after the sleep")
        assert.strictEqual(third!.antiPattern?.action, "updated")
        assert.strictEqual(third!.antiPattern?.memory.occurrenceCount, 3)
        assert.strictEqual((yield* alma.stats()).counts.anti_pattern, 1)
      })
    ))

  it.effect("better_alternative is the best successful strategy for the task type", () =>
    withAlma((alma) =>
      Effect.gen(function*() {
        yield* learnMany(alma, 3, { strategyUsed: "wait for the element to be visible" })
        const [, second] = yield* learnMany(alma, 2, {
          outcome: "failure",
          strategyUsed: "fixed sleep of five seconds before asserting",
          errorMessage: "flaky"
        })
        assert.strictEqual(second!.antiPattern?.memory.betterAlternative, "wait for the element to be visible")
      })
    ))

  it.effect("an explicit lesson is never overwritten by later similar failures", () =>
    withAlma((alma) =>
      Effect.gen(function*() {
        const strategy = "fixed sleep of five seconds before asserting"
        const lesson = yield* alma.addAntiPattern({
          agent: "helena",
          taskType: "form_testing",
          pattern: strategy,
          whyBad: "I slept instead of waiting for the element; the message rendered later",
          betterAlternative: "Wait for the error element to be visible"
        })
        const [r] = yield* learnMany(alma, 1, { outcome: "failure", strategyUsed: strategy, errorMessage: "timeout" })
        assert.strictEqual(r!.antiPattern?.action, "updated")
        assert.strictEqual(r!.antiPattern?.memory.id, lesson.id)
        assert.strictEqual(r!.antiPattern?.memory.occurrenceCount, 2)
        assert.strictEqual(r!.antiPattern?.memory.whyBad, lesson.whyBad)
        assert.strictEqual(r!.antiPattern?.memory.betterAlternative, lesson.betterAlternative)
      })
    ))

  it.effect("a generated placeholder is replaced once a real error or alternative is known", () =>
    withAlma((alma) =>
      Effect.gen(function*() {
        const strategy = "fixed sleep of five seconds before asserting"
        const [, formed] = yield* learnMany(alma, 2, { outcome: "failure", strategyUsed: strategy })
        assert.strictEqual(formed!.antiPattern?.memory.whyBad, "failed 2 times on form_testing tasks")
        assert.match(formed!.antiPattern!.memory.betterAlternative, /^No successful alternative recorded yet/)
        yield* learnMany(alma, 3, { strategyUsed: "wait for the element to be visible" })
        const [later] = yield* learnMany(alma, 1, { outcome: "failure", strategyUsed: strategy, errorMessage: "flaky" })
        assert.strictEqual(later!.antiPattern?.memory.whyBad, "flaky")
        assert.strictEqual(later!.antiPattern?.memory.betterAlternative, "wait for the element to be visible")
      })
    ))

  it.effect("a matching anti-pattern warns but never blocks recording (reference defect 6)", () =>
    withAlma((alma) =>
      Effect.gen(function*() {
        const strategy = "fixed sleep of five seconds before asserting"
        yield* learnMany(alma, 2, { outcome: "failure", strategyUsed: strategy, errorMessage: "flaky" })
        const [again] = yield* learnMany(alma, 1, { outcome: "success", strategyUsed: strategy })
        assert.strictEqual(again!.warnings.length, 1)
        assert.strictEqual(again!.warnings[0]!.pattern, strategy)
        // another agent is neither blocked nor warned by helena's private anti-pattern
        const [victor] = yield* learnMany(alma, 1, { agent: "victor", strategyUsed: strategy })
        assert.strictEqual(victor!.warnings.length, 0)
        assert.strictEqual((yield* alma.stats()).counts.outcome, 4)
      })
    ))
})

describe("Learner: at scale", () => {
  it.effect("many other anti-patterns neither hide a match nor cause a duplicate", () =>
    withAlma((alma) =>
      Effect.gen(function*() {
        const strategy = "fixed sleep of five seconds before asserting"
        yield* learnMany(alma, 2, { outcome: "failure", strategyUsed: strategy, errorMessage: "flaky" })
        yield* alma.addAntiPatterns(
          Array.from({ length: 250 }, (_, i) => ({
            agent: "helena",
            taskType: "api_testing",
            pattern: `unrelated mistake number ${i} with the orders endpoint`,
            whyBad: "bad",
            betterAlternative: "good"
          }))
        )
        const [again] = yield* learnMany(alma, 1, { outcome: "failure", strategyUsed: strategy, errorMessage: "flaky" })
        assert.strictEqual(again!.antiPattern?.action, "updated")
        assert.strictEqual(again!.antiPattern?.memory.occurrenceCount, 3)
        assert.deepStrictEqual(again!.warnings.map((w) => w.pattern), [strategy])
        assert.strictEqual((yield* alma.stats()).counts.anti_pattern, 251)
      })
    ))
})

describe("Learner: scope", () => {
  const scoped = { agents: [scope("helena", { canLearn: ["form_testing"], cannotLearn: ["database"] })] }

  it.effect("refuses a task type outside can_learn, storing nothing", () =>
    withAlma(
      (alma) =>
        Effect.gen(function*() {
          const error = yield* Effect.flip(
            alma.learn({ agent: "helena", task: "t", taskType: "api_testing", outcome: "success", strategyUsed: "s" })
          )
          assert.strictEqual(error._tag, "ScopeViolationError")
          assert.strictEqual((yield* alma.stats()).total, 0)
        }),
      scoped
    ))

  it.effect("cannot_learn wins", () =>
    withAlma(
      (alma) =>
        Effect.gen(function*() {
          const error = yield* Effect.flip(alma.addKnowledge({ agent: "helena", domain: "database", fact: "f" }))
          assert.strictEqual(error._tag, "ScopeViolationError")
          if (error._tag === "ScopeViolationError") assert.strictEqual(error.domain, "database")
        }),
      { agents: [scope("helena", { canLearn: ["database"], cannotLearn: ["database"] })] }
    ))

  it.effect("an unknown agent is a ValidationError naming the field", () =>
    withAlma((alma) =>
      Effect.gen(function*() {
        const error = yield* Effect.flip(alma.learn({ agent: "mallory", task: "t", outcome: "success", strategyUsed: "s" }))
        assert.strictEqual(error._tag, "ValidationError")
        if (error._tag === "ValidationError") assert.strictEqual(error.field, "agent")
      })
    ))

  it.effect("the agent's domain is the default task type and always learnable", () =>
    withAlma(
      (alma) =>
        Effect.gen(function*() {
          const r = yield* alma.learn({ agent: "helena", task: "check the form", outcome: "success", strategyUsed: "s" })
          assert.strictEqual(r.outcome.taskType, "frontend")
        }),
      { agents: [scope("helena", { domain: "frontend", canLearn: ["form_testing"] })] }
    ))
})
