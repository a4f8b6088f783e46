/**
 * The scripted demo: two scoped agents learn, share and retrieve on the embedded default.
 *
 * @since 0.1.0
 */
import { Console, Effect } from "effect"
import { AgentScope } from "./domain/AgentScope.js"
import * as AlmaService from "./services/Alma.js"

/**
 * The demo's agents: helena (frontend testing) inherits from victor (API testing), who shares with her.
 *
 * @since 0.1.0
 * @category constructors
 */
export const demoAgents: ReadonlyArray<AgentScope> = [
  AgentScope.make({
    agent: "helena",
    domain: "ui_testing",
    canLearn: ["ui_testing", "form_testing"],
    cannotLearn: ["database_migrations"],
    inheritFrom: ["victor"]
  }),
  AgentScope.make({ agent: "victor", domain: "api_testing", canLearn: ["api_testing"], shareWith: ["helena"] })
]

const step = (n: number, title: string) => Console.log(`\n${n}. ${title}`)

/**
 * Runs the scenario against the Alma service in context, narrating each step to stdout.
 *
 * **Errors** any ALMA error other than the scope violation the demo provokes on purpose.
 *
 * @since 0.1.0
 * @category constructors
 */
export const runDemo = Effect.gen(function*() {
  const alma = yield* AlmaService.Alma
  const good = "Wait for the submit button to be enabled, then assert on the inline error messages"
  const bad = "Sleep for 5 seconds after clicking submit, then assert"

  yield* step(1, "helena succeeds three times with the same strategy: a heuristic forms")
  for (const field of ["email", "password", "phone number"]) {
    const r = yield* alma.learn({
      agent: "helena",
      task: `Test validation of the ${field} field on the signup form`,
      taskType: "form_testing",
      outcome: "success",
      strategyUsed: good,
      durationMs: 1200
    })
    yield* Console.log(
      `   learned outcome ${r.outcome.id} (success)` +
        (r.heuristic ? ` -> heuristic ${r.heuristic.action}: confidence ${r.heuristic.memory.confidence}` : "")
    )
  }

  yield* step(2, "helena fails twice with a fixed sleep: an anti-pattern forms, with a better alternative")
  for (const field of ["email", "password"]) {
    const r = yield* alma.learn({
      agent: "helena",
      task: `Test the ${field} error message on the login form`,
      taskType: "form_testing",
      outcome: "failure",
      strategyUsed: bad,
      errorMessage: "Flaky: the error message rendered after the fixed sleep ended"
    })
    yield* Console.log(`   learned outcome ${r.outcome.id} (failure)`)
    if (r.antiPattern) {
      const ap = r.antiPattern.memory
      yield* Console.log(`   -> anti-pattern ${r.antiPattern.action}: "${ap.pattern}"`)
      yield* Console.log(`      why bad: ${ap.whyBad}`)
      yield* Console.log(`      instead: ${ap.betterAlternative}`)
    }
  }

  yield* step(3, "helena tries to learn outside her scope: refused, nothing stored")
  const refused = yield* Effect.flip(
    Effect.asVoid(alma.learn({
      agent: "helena",
      task: "Add an index to the users table",
      taskType: "database_migrations",
      outcome: "success",
      strategyUsed: "CREATE INDEX CONCURRENTLY"
    }))
  )
  yield* Console.log(`   ${refused._tag}: ${refused.message}`)

  yield* step(4, "victor records an API fact; he shares with helena, who inherits from him")
  yield* alma.addKnowledge({
    agent: "victor",
    domain: "api_testing",
    fact: "The login API returns 401 with a JSON error body when the password is wrong"
  })
  yield* alma.addPreference({ userId: "ana", category: "reporting", preference: "Report failing selectors verbatim" })
  yield* Console.log("   victor: 1 fact stored; user ana: 1 preference stored")

  yield* step(5, "helena retrieves memory before her next task, and gets a token-budgeted prompt slice")
  const slice = yield* alma.retrieve({
    task: "Test the error message shown on the login form when the password is wrong",
    agent: "helena",
    userId: "ana",
    maxTokens: 400
  })
  const shared = slice.domainKnowledge.filter((k) => k.sharedFrom !== undefined).map((k) => k.sharedFrom)
  yield* Console.log(
    `   ${slice.totalItems} memories in ${slice.retrievalTimeMs.toFixed(1)} ms; shared from: ${shared.join(", ") || "none"}`
  )
  yield* Console.log(`   prompt slice (${slice.tokenCount} tokens, budget ${slice.maxTokens}):\n`)
  yield* Console.log(slice.toPrompt().split("\n").map((l) => `   | ${l}`).join("\n"))
  const stats = yield* alma.stats()
  yield* Console.log(`\nStored: ${JSON.stringify(stats.counts)} on ${stats.backend}`)
})
