import { assert, describe, it } from "@effect/vitest"
import { Effect, TestClock } from "effect"
import { scope, withAlma } from "../fixtures/stack.js"

const sharing = {
  agents: [
    scope("victor", { shareWith: ["helena"] }),
    scope("helena", { inheritFrom: ["victor", "quinn"] }),
    scope("quinn"), // helena inherits from quinn, but quinn does not share with her
    scope("carl")
  ]
}

describe("Retriever", () => {
  it.effect("returns the relevant memories per kind with a score breakdown", () =>
    withAlma((alma) =>
      Effect.gen(function*() {
        yield* alma.addKnowledge({ agent: "helena", domain: "auth", fact: "The login API uses JWT tokens with 24 hour expiry" })
        yield* alma.addKnowledge({ agent: "helena", domain: "billing", fact: "Invoices are generated on the first day of the month" })
        yield* alma.addAntiPattern({
          agent: "helena",
          pattern: "fixed sleep before asserting on the login form",
          whyBad: "flaky tests",
          betterAlternative: "wait for the element"
        })
        const slice = yield* alma.retrieve({ task: "test the login API token expiry", agent: "helena" })
        assert.strictEqual(slice.domainKnowledge[0]!.memory.fact, "The login API uses JWT tokens with 24 hour expiry")
        const top = slice.domainKnowledge[0]!.score
        assert.isAbove(top.vector, 0)
        assert.isAbove(top.lexical, 0)
        assert.isAtLeast(top.similarity, top.vector)
        assert.strictEqual(top.recency, 1)
        assert.isAbove(top.final, 0.2)
        assert.strictEqual(slice.antiPatterns.length, 1)
        assert.isFalse(slice.cacheHit)
        assert.isAbove(slice.tokenCount, 0)
        assert.isAtMost(slice.tokenCount, 2000)
      })
    ))

  it.effect("topK applies per kind", () =>
    withAlma((alma) =>
      Effect.gen(function*() {
        yield* alma.addKnowledgeBatch(
          Array.from({ length: 8 }, (_, i) => ({ agent: "helena", domain: "forms", fact: `login form rule number ${i}` }))
        )
        yield* alma.addAntiPatterns(
          Array.from({ length: 4 }, (_, i) => ({
            agent: "helena",
            pattern: `login form mistake ${i}`,
            whyBad: "bad",
            betterAlternative: "good"
          }))
        )
        const slice = yield* alma.retrieve({ task: "login form rule", agent: "helena", topK: 3 })
        assert.strictEqual(slice.domainKnowledge.length, 3)
        assert.strictEqual(slice.antiPatterns.length, 3)
        const only = yield* alma.retrieve({ task: "login form rule", agent: "helena", kinds: ["domain_knowledge"] })
        assert.strictEqual(only.antiPatterns.length, 0)
        assert.strictEqual(only.domainKnowledge.length, 5)
      })
    ))

  it.effect("includes the user's preferences only when userId is given", () =>
    withAlma((alma) =>
      Effect.gen(function*() {
        yield* alma.addPreference({ userId: "u1", category: "style", preference: "Prefers verbose test output" })
        yield* alma.addPreference({ userId: "u2", category: "style", preference: "Prefers terse output" })
        const without = yield* alma.retrieve({ task: "write tests", agent: "helena" })
        assert.strictEqual(without.preferences.length, 0)
        const withUser = yield* alma.retrieve({ task: "write tests", agent: "helena", userId: "u1" })
        assert.deepStrictEqual(withUser.preferences.map((p) => p.memory.preference), ["Prefers verbose test output"])
        assert.include(withUser.toPrompt(), "## User Preferences\n- Prefers verbose test output")
      })
    ))

  it.effect("sharing needs inherit_from on the reader AND share_with on the owner (reference defect 7)", () =>
    withAlma(
      (alma) =>
        Effect.gen(function*() {
          yield* alma.addKnowledge({ agent: "victor", domain: "api", fact: "The orders API paginates with cursors" })
          yield* alma.addKnowledge({ agent: "quinn", domain: "api", fact: "The orders API rate limit is 100 per minute" })
          const helena = yield* alma.retrieve({ task: "orders API", agent: "helena" })
          assert.deepStrictEqual(helena.domainKnowledge.map((k) => k.memory.fact), ["The orders API paginates with cursors"])
          assert.strictEqual(helena.domainKnowledge[0]!.sharedFrom, "victor")
          const carl = yield* alma.retrieve({ task: "orders API", agent: "carl" })
          assert.strictEqual(carl.totalItems, 0)
          const victor = yield* alma.retrieve({ task: "orders API", agent: "victor" })
          assert.strictEqual(victor.domainKnowledge.length, 1) // no reverse visibility
        }),
      sharing
    ))

  it.effect("a write by a sharing agent invalidates the reader's cached slice (reference defect 7)", () =>
    withAlma(
      (alma) =>
        Effect.gen(function*() {
          yield* alma.addKnowledge({ agent: "victor", domain: "api", fact: "The orders API paginates with cursors" })
          const first = yield* alma.retrieve({ task: "orders API", agent: "helena" })
          const second = yield* alma.retrieve({ task: "orders API", agent: "helena" })
          assert.isFalse(first.cacheHit)
          assert.isTrue(second.cacheHit)
          // carl's write cannot change helena's result: her cache entry survives
          yield* alma.addKnowledge({ agent: "carl", domain: "api", fact: "The orders API is versioned" })
          assert.isTrue((yield* alma.retrieve({ task: "orders API", agent: "helena" })).cacheHit)
          yield* alma.addKnowledge({ agent: "victor", domain: "api", fact: "The orders API returns 429 when throttled" })
          const third = yield* alma.retrieve({ task: "orders API", agent: "helena" })
          assert.isFalse(third.cacheHit)
          assert.strictEqual(third.domainKnowledge.length, 2)
        }),
      sharing
    ))

  it.effect("the cache key covers every request field (reference defect 10)", () =>
    withAlma((alma) =>
      Effect.gen(function*() {
        yield* alma.addKnowledgeBatch(
          Array.from({ length: 4 }, (_, i) => ({ agent: "helena", domain: "api", fact: `orders API fact ${i}` }))
        )
        const two = yield* alma.retrieve({ task: "orders API", agent: "helena", topK: 2 })
        const three = yield* alma.retrieve({ task: "orders API", agent: "helena", topK: 3 })
        assert.isFalse(three.cacheHit)
        assert.strictEqual(two.domainKnowledge.length, 2)
        assert.strictEqual(three.domainKnowledge.length, 3)
        const recall = yield* alma.retrieve({ task: "orders API", agent: "helena", topK: 2, mode: "recall" })
        assert.isFalse(recall.cacheHit)
        const long = `${"context ".repeat(60)} orders API`
        yield* alma.retrieve({ task: long, agent: "helena" })
        assert.isTrue((yield* alma.retrieve({ task: long, agent: "helena" })).cacheHit) // long tasks hit too
      })
    ))

  it.effect("outcomes are retrieved and rendered as Recent Outcomes (reference defect 19)", () =>
    withAlma((alma) =>
      Effect.gen(function*() {
        yield* alma.learn({
          agent: "helena",
          task: "Deploy the orders service",
          taskType: "ops",
          outcome: "failure",
          strategyUsed: "blue green deploy",
          errorMessage: "health check timeout"
        })
        const slice = yield* alma.retrieve({ task: "deploy the orders service", agent: "helena" })
        assert.strictEqual(slice.outcomes.length, 1)
        assert.include(
          slice.toPrompt(),
          "## Recent Outcomes\n- [failure] Deploy the orders service\n  Strategy: blue green deploy (error: health check timeout)"
        )
      })
    ))

  it.effect("a cached slice expires after the TTL", () =>
    withAlma((alma) =>
      Effect.gen(function*() {
        yield* alma.addKnowledge({ agent: "helena", domain: "api", fact: "The orders API paginates" })
        yield* alma.retrieve({ task: "orders", agent: "helena" })
        assert.isTrue((yield* alma.retrieve({ task: "orders", agent: "helena" })).cacheHit)
        yield* TestClock.adjust("301 seconds")
        assert.isFalse((yield* alma.retrieve({ task: "orders", agent: "helena" })).cacheHit)
      })
    ))

  it.effect("a long task is embedded whole, not cut to its last sentence (reference §3.12)", () =>
    withAlma((alma) =>
      Effect.gen(function*() {
        yield* alma.addKnowledge({ agent: "helena", domain: "payments", fact: "Stripe webhooks must be verified with the signing secret" })
        const filler = Array.from({ length: 12 }, (_, i) => `Step ${i} of the plan is routine and unremarkable.`).join(" ")
        const task = `Verify the Stripe webhooks signing secret handling. ${filler} Report back when done?`
        assert.isAbove(task.length, 400)
        const slice = yield* alma.retrieve({ task, agent: "helena" })
        assert.strictEqual(slice.domainKnowledge[0]?.memory.fact, "Stripe webhooks must be verified with the signing secret")
      })
    ))

  it.effect("recency decays with a 30-day half-life", () =>
    withAlma((alma) =>
      Effect.gen(function*() {
        yield* alma.addKnowledge({ agent: "helena", domain: "api", fact: "The orders API paginates" })
        yield* TestClock.adjust("30 days")
        const slice = yield* alma.retrieve({ task: "orders API", agent: "helena" })
        assert.closeTo(slice.domainKnowledge[0]!.score.recency, 0.5, 1e-9)
      })
    ))

  it.effect("modes: explicit, inferred, and their effect on kinds and topK", () =>
    withAlma((alma) =>
      Effect.gen(function*() {
        yield* alma.addAntiPattern({ agent: "helena", pattern: "retry the crash loop", whyBad: "hides bugs", betterAlternative: "read the traceback" })
        yield* alma.addKnowledgeBatch(
          Array.from({ length: 20 }, (_, i) => ({ agent: "helena", domain: "ops", fact: `crash loop note ${i}` }))
        )
        const broad = yield* alma.retrieve({ task: "crash loop", agent: "helena", mode: "broad" })
        assert.strictEqual(broad.mode, "broad")
        assert.strictEqual(broad.antiPatterns.length, 0) // broad excludes anti-patterns
        assert.isAtMost(broad.domainKnowledge.length, 15)
        const inferred = yield* alma.retrieve({ task: "fix the crash loop", agent: "helena", mode: "auto" })
        assert.strictEqual(inferred.mode, "diagnostic")
        assert.strictEqual(inferred.antiPatterns.length, 1)
        const bench = yield* alma.retrieve({ task: "crash loop", agent: "helena", mode: "benchmark" })
        assert.strictEqual(bench.domainKnowledge.length, 20)
      })
    ))

  it.effect("memories of another project are never returned", () =>
    Effect.gen(function*() {
      // two projects over one store are covered by the storage contract; here: two stacks, two projects
      const a = yield* withAlma((alma) =>
        Effect.zipRight(
          alma.addKnowledge({ agent: "helena", domain: "api", fact: "project A secret fact" }),
          alma.retrieve({ task: "secret fact", agent: "helena" })
        ), { projectId: "a" })
      assert.strictEqual(a.projectId, "a")
      assert.strictEqual(a.domainKnowledge.length, 1)
    }))

  it.effect("bad input is a ValidationError naming the field", () =>
    withAlma((alma) =>
      Effect.gen(function*() {
        const cases: ReadonlyArray<readonly [unknown, string]> = [
          [{ task: "", agent: "helena" }, "task"],
          [{ task: "   ", agent: "helena" }, "task"],
          [{ task: "x".repeat(32_001), agent: "helena" }, "task"],
          [{ task: "t", agent: "helena", topK: 0 }, "topK"],
          [{ task: "t", agent: "helena", topK: 2.5 }, "topK"],
          [{ task: "t", agent: "helena", topK: Number.NaN }, "topK"],
          [{ task: "t", agent: "hel ena" }, "agent"],
          [{ task: 42, agent: "helena" }, "task"],
          [{ task: "t", agent: "helena", mode: "fast" }, "mode"],
          [{ task: "t", agent: "helena", kinds: ["facts"] }, "kinds.0"],
          [{ task: "t", agent: "helena", extra: 1 }, "extra"]
        ]
        for (const [input, field] of cases) {
          // deliberately untyped input, as a JavaScript or RPC caller could send
          const error = yield* Effect.flip(alma.retrieve(input as never))
          assert.strictEqual(error._tag, "ValidationError", JSON.stringify(input).slice(0, 80))
          if (error._tag === "ValidationError") assert.strictEqual(error.field, field)
        }
      })
    ))
})
