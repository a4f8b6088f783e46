/**
 * Workflows.learnWorkflow (through the Learner) and retrieveScoped (the Retriever, filtered by the
 * workflow ids in memories' metadata), on the in-memory and SQLite stacks.
 */
import { assert, describe, it } from "@effect/vitest"
import { Effect } from "effect"
import type * as Workflows from "../../src/services/Workflows.js"
import { backends, type Env, runOn } from "./workflowStack.js"

const deployRun = (
  runId: string,
  fields: Partial<Workflows.WorkflowLearnInput> = {}
): Workflows.WorkflowLearnInput => ({
  agent: "helena",
  workflowId: "deploy",
  runId,
  result: "success",
  summary: "Deploy the billing service to staging with a canary rollout",
  strategiesUsed: ["canary rollout", "health checks before promotion"],
  ...fields
})

for (const backend of backends) {
  const run = <A, E>(body: (env: Env) => Effect.Effect<A, E>) => runOn(backend.stack(), body)

  describe(`Workflows.learnWorkflow (${backend.name})`, () => {
    it.effect("records the run as an outcome with the workflow ids in its metadata", () =>
      run(({ wf }) =>
        Effect.gen(function*() {
          const learned = yield* wf.learnWorkflow(deployRun("run-1", {
            tenantId: "acme",
            nodeCount: 4,
            durationSeconds: 12.5,
            successfulPatterns: ["small batches"],
            failedPatterns: ["big bang"],
            metadata: { ticket: "OPS-1", run_id: "spoofed" }
          }))
          const o = learned.outcome
          assert.isTrue(o.success)
          assert.strictEqual(o.agent, "helena")
          assert.strictEqual(o.task, "Deploy the billing service to staging with a canary rollout")
          assert.strictEqual(o.strategyUsed, "canary rollout; health checks before promotion")
          assert.strictEqual(o.durationMs, 12_500)
          assert.isUndefined(o.feedback)
          assert.deepStrictEqual(o.metadata, {
            ticket: "OPS-1",
            run_id: "run-1",
            workflow_id: "deploy",
            workflow_result: "success",
            tenant_id: "acme",
            node_count: 4,
            duration_seconds: 12.5,
            strategies_used: ["canary rollout", "health checks before promotion"],
            successful_patterns: ["small batches"],
            failed_patterns: ["big bang"]
          })
        })
      ))

    it.effect("partial, cancelled and timeout are failures whose feedback says which", () =>
      run(({ wf }) =>
        Effect.gen(function*() {
          for (const result of ["failure", "partial", "cancelled", "timeout"] as const) {
            const { outcome } = yield* wf.learnWorkflow(deployRun(`run-${result}`, { result, errorMessage: "canary failed" }))
            assert.isFalse(outcome.success, result)
            assert.strictEqual(outcome.feedback, result === "failure" ? undefined : result)
            assert.strictEqual(outcome.errorMessage, "canary failed")
            assert.strictEqual(outcome.metadata["workflow_result"], result)
          }
          const noStrategies = yield* wf.learnWorkflow(deployRun("run-x", { strategiesUsed: [] }))
          assert.strictEqual(noStrategies.outcome.strategyUsed, noStrategies.outcome.task)
        })
      ))

    it.effect("forms a heuristic from repeated successful runs, as any learning does", () =>
      run(({ wf }) =>
        Effect.gen(function*() {
          const results = yield* Effect.forEach(["r1", "r2", "r3"], (id) => wf.learnWorkflow(deployRun(id)))
          assert.isUndefined(results[1]!.heuristic)
          assert.strictEqual(results[2]!.heuristic?.action, "created")
          assert.strictEqual(results[2]!.heuristic?.memory.strategy, "canary rollout; health checks before promotion")
        })
      ))

    it.effect("without a task type, an agent with a restricted scope learns in its domain; an explicit one is checked", () =>
      run(({ wf }) =>
        Effect.gen(function*() {
          const ok = yield* wf.learnWorkflow(deployRun("r1", { agent: "qa-bot" }))
          assert.strictEqual(ok.outcome.taskType, "qa")
          const viaMetadata = yield* wf.learnWorkflow(deployRun("r2", { agent: "helena", metadata: { task_type: "deploys" } }))
          assert.strictEqual(viaMetadata.outcome.taskType, "deploys")
          const denied = yield* Effect.flip(wf.learnWorkflow(deployRun("r3", { agent: "qa-bot", taskType: "workflow:deploy" })))
          assert.strictEqual(denied._tag, "ScopeViolationError")
        })
      ))

    it.effect("rejects bad input naming the field", () =>
      run(({ wf }) =>
        Effect.gen(function*() {
          const field = (input: Workflows.WorkflowLearnInput) =>
            Effect.map(Effect.flip(wf.learnWorkflow(input)), (e) => `${e._tag}:${"field" in e ? e.field : ""}`)
          assert.strictEqual(yield* field(deployRun("r", { result: "meh" as never })), "ValidationError:result")
          assert.strictEqual(yield* field(deployRun("r", { workflowId: "has space" })), "ValidationError:workflowId")
          assert.strictEqual(yield* field(deployRun("r", { agent: "nobody" })), "ValidationError:agent")
          assert.strictEqual(
            yield* field(deployRun("r", { strategiesUsed: ["x".repeat(5000), "y".repeat(5000)] })),
            "ValidationError:strategiesUsed"
          )
          assert.strictEqual(
            yield* field(deployRun("r", { strategiesUsed: [], summary: "z".repeat(9000) })),
            "ValidationError:summary"
          )
          assert.strictEqual(
            yield* field(deployRun("r", { successfulPatterns: Array.from({ length: 40 }, () => "p".repeat(500)) })),
            "ValidationError:metadata"
          )
          assert.strictEqual(yield* field(deployRun("r", { durationSeconds: -1 })), "ValidationError:durationSeconds")
        })
      ))
  })

  describe(`Workflows.retrieveScoped (${backend.name})`, () => {
    const task = "Deploy the billing service to staging with a canary rollout"
    const seed = (wf: Workflows.Service) =>
      Effect.forEach(
        [
          deployRun("run-1", { tenantId: "acme", metadata: { node_id: "build" } }),
          deployRun("run-2", { tenantId: "globex" }),
          deployRun("run-3", { workflowId: "release", tenantId: "acme" })
        ],
        (input) => Effect.map(wf.learnWorkflow(input), (r) => r.outcome.id)
      )
    const runIds = (slice: { readonly outcomes: ReadonlyArray<{ readonly memory: { readonly metadata: any } }> }) =>
      slice.outcomes.map((o) => o.memory.metadata.run_id as string).sort()

    it.effect("filters the agent's retrieval by the scope's ids and reports the filter", () =>
      run(({ wf, alma }) =>
        Effect.gen(function*() {
          const seeded = yield* seed(wf)
          const manual = yield* alma.learn({ agent: "helena", task, outcome: "success", strategyUsed: "manual deploy" })
          const agent = yield* wf.retrieveScoped({ task, agent: "helena" })
          assert.strictEqual(agent.scope, "agent")
          assert.deepStrictEqual(agent.filter, {})
          // Unfiltered: every outcome is shown or summarised by a returned heuristic, none twice.
          const shown = new Set(agent.slice.outcomes.map((o) => o.memory.id))
          const summarised = new Set(agent.slice.heuristics.flatMap((h) => h.memory.provenance))
          for (const id of [...seeded, manual.outcome.id]) assert.isTrue(shown.has(id) !== summarised.has(id), id)
          const texts = agent.slice.outcomes.map((o) => o.memory.strategyUsed)
          assert.strictEqual(new Set(texts).size, texts.length)
          const global = yield* wf.retrieveScoped({ task, agent: "helena", scope: "global" })
          assert.deepStrictEqual(global.slice.outcomes.map((o) => o.memory.id), agent.slice.outcomes.map((o) => o.memory.id))
          const byRun = yield* wf.retrieveScoped({ task, agent: "helena", scope: "run", runId: "run-2" })
          assert.deepStrictEqual(byRun.filter, { run_id: "run-2" })
          assert.deepStrictEqual(runIds(byRun.slice), ["run-2"])
          assert.deepStrictEqual(byRun.slice.heuristics, [])
          const byWorkflow = yield* wf.retrieveScoped({ task, agent: "helena", scope: "workflow", workflowId: "deploy" })
          assert.deepStrictEqual(runIds(byWorkflow.slice), ["run-1", "run-2"])
          const byTenant = yield* wf.retrieveScoped({ task, agent: "helena", scope: "tenant", tenantId: "acme" })
          assert.deepStrictEqual(runIds(byTenant.slice), ["run-1", "run-3"])
          const byNode = yield* wf.retrieveScoped({ task, agent: "helena", scope: "node", runId: "run-1", nodeId: "build" })
          assert.deepStrictEqual(byNode.filter, { run_id: "run-1", node_id: "build" })
          assert.deepStrictEqual(runIds(byNode.slice), ["run-1"])
          const capped = yield* wf.retrieveScoped({ task, agent: "helena", scope: "workflow", workflowId: "deploy", topK: 1 })
          assert.strictEqual(capped.slice.outcomes.length, 1)
          assert.isAtMost(capped.slice.tokenCount, agent.slice.tokenCount)
          const victor = yield* wf.retrieveScoped({ task, agent: "victor", scope: "run", runId: "run-2" })
          assert.deepStrictEqual(victor.slice.outcomes, [])
        })
      ))

    it.effect("finds a scope's memories even when other memories rank above them", () =>
      run(({ wf }) =>
        Effect.gen(function*() {
          yield* Effect.forEach(
            Array.from({ length: 8 }, (_, i) => deployRun(`noise-${i}`)),
            (input) => wf.learnWorkflow(input),
            { discard: true }
          )
          yield* wf.learnWorkflow(deployRun("target", { summary: "Deploy the billing service to production" }))
          const plain = yield* wf.retrieveScoped({ task, agent: "helena", topK: 2 })
          assert.notInclude(runIds(plain.slice), "target")
          const scoped = yield* wf.retrieveScoped({ task, agent: "helena", scope: "run", runId: "target", topK: 2 })
          assert.deepStrictEqual(runIds(scoped.slice), ["target"])
        })
      ))

    it.effect("needs the scope's ids", () =>
      run(({ wf }) =>
        Effect.gen(function*() {
          const field = (input: Workflows.RetrieveScopedInput) =>
            Effect.map(Effect.flip(wf.retrieveScoped(input)), (e) => `${e._tag}:${"field" in e ? e.field : ""}`)
          assert.strictEqual(yield* field({ task, agent: "helena", scope: "run" }), "ValidationError:runId")
          assert.strictEqual(yield* field({ task, agent: "helena", scope: "node", runId: "r" }), "ValidationError:nodeId")
          assert.strictEqual(yield* field({ task, agent: "helena", scope: "workflow" }), "ValidationError:workflowId")
          assert.strictEqual(yield* field({ task, agent: "helena", scope: "tenant" }), "ValidationError:tenantId")
          assert.strictEqual(yield* field({ task, agent: "helena", scope: "galaxy" as never }), "ValidationError:scope")
          assert.strictEqual(yield* field({ task, agent: "helena", topK: 0 }), "ValidationError:topK")
        })
      ))
  })
}
