/**
 * The MCP server over Streamable HTTP, driven by the official SDK client: the tool list, every tool
 * with valid input (one learning story: knowledge, preference, anti-pattern, outcomes → heuristic,
 * retrieval, workflow checkpoints and artifacts, advice, feedback, forgetting), and the resources.
 */
import type { Client } from "@modelcontextprotocol/sdk/client/index.js"
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { callOk, connect, readJson, TOOL_NAMES } from "../fixtures/mcpClient.js"
import type { RunningServer } from "../fixtures/mcpHttp.js"
import { startHttp } from "../fixtures/mcpHttp.js"
import { inMemoryEngine, testInfo } from "../fixtures/mcpStack.js"

const PATH = "/_p/alpha/mcp"
let server: RunningServer
let client: Client
let transportErrors: Array<unknown>

beforeAll(async () => {
  server = await startHttp([{ path: PATH, info: testInfo("alpha"), engine: inMemoryEngine("alpha") }])
  ;({ client, errors: transportErrors } = await connect(new StreamableHTTPClientTransport(server.url(PATH))))
})

afterAll(async () => {
  await client?.close()
  await server?.dispose()
})

describe("MCP over Streamable HTTP", () => {
  it("lists exactly the 19 tools, each described for a model, with JSON Schema inputs", async () => {
    const { tools } = await client.listTools()
    expect(tools.map((t) => t.name).sort()).toEqual([...TOOL_NAMES].sort())
    for (const tool of tools) {
      expect(tool.description?.length, tool.name).toBeGreaterThan(40)
      expect(tool.inputSchema.type).toBe("object")
      for (const [param, schema] of Object.entries(tool.inputSchema.properties ?? {})) {
        expect((schema as { description?: string }).description, `${tool.name}.${param}`).toBeTruthy()
      }
    }
    const retrieve = tools.find((t) => t.name === "alma_retrieve")!
    expect(Object.keys(retrieve.inputSchema.properties!)).toEqual(["task", "agent", "user_id", "top_k"])
    expect([...retrieve.inputSchema.required!].sort()).toEqual(["agent", "task"])
    expect(retrieve.annotations?.readOnlyHint).toBe(true)
    const learn = tools.find((t) => t.name === "alma_learn")!
    expect([...learn.inputSchema.required!].sort()).toEqual(["agent", "outcome", "strategy_used", "task"])
    expect(tools.find((t) => t.name === "alma_forget")!.annotations?.destructiveHint).toBe(true)
  })

  it("records knowledge, preferences, anti-patterns and outcomes, and retrieves them for a task", async () => {
    const { knowledge } = await callOk(client, "alma_add_knowledge", {
      agent: "helena",
      domain: "frontend",
      fact: "The login form uses React Hook Form"
    })
    expect(knowledge).toMatchObject({ agent: "helena", domain: "frontend", source: "user_stated", confidence: 1 })
    expect(knowledge.id).toMatch(/^dk_/)

    const { preference } = await callOk(client, "alma_add_preference", {
      user_id: "ana",
      category: "style",
      preference: "Concise answers"
    })
    expect(preference).toMatchObject({ user_id: "ana", source: "explicit_instruction", confidence: 1 })

    const { anti_pattern } = await callOk(client, "alma_add_anti_pattern", {
      agent: "helena",
      pattern: "Using sleep to wait for elements",
      why_bad: "Causes flaky tests",
      better_alternative: "Use explicit waits",
      task_type: "form_testing"
    })
    expect(anti_pattern).toMatchObject({ why_bad: "Causes flaky tests", task_type: "form_testing" })
    expect(anti_pattern.id).toMatch(/^anti_/)

    const learn = () =>
      callOk(client, "alma_learn", {
        agent: "helena",
        task: "Test the login form validation",
        outcome: "success",
        strategy_used: "Check each field with explicit waits",
        task_type: "form_testing",
        duration_ms: 1200
      })
    const first = await learn()
    expect(first).toMatchObject({ learned: true, outcome: { agent: "helena", task_type: "form_testing", success: true } })
    expect(first.outcome.id).toMatch(/^out_/)
    await learn()
    const third = await learn()
    // Three similar successes form a heuristic (min_occurrences_for_heuristic 3, as in the original).
    expect(third.heuristic).toMatchObject({ action: "created" })

    const { memories, prompt_injection } = await callOk(client, "alma_retrieve", {
      task: "Test the login form",
      agent: "helena",
      user_id: "ana"
    })
    expect(memories.heuristics.map((h: { id: string }) => h.id)).toEqual([third.heuristic.id])
    expect(memories.heuristics[0]).toMatchObject({ strategy: "Check each field with explicit waits", occurrence_count: 3 })
    expect(memories.domain_knowledge.map((k: { id: string }) => k.id)).toContain(knowledge.id)
    expect(memories.anti_patterns.map((a: { id: string }) => a.id)).toContain(anti_pattern.id)
    expect(memories.preferences.map((p: { id: string }) => p.id)).toContain(preference.id)
    // The three outcomes are summarised by the heuristic they formed: not repeated beside it.
    expect(memories.outcomes).toHaveLength(0)
    expect(memories).toMatchObject({ query: "Test the login form", agent: "helena" })
    expect(memories.total_items).toBe(
      memories.heuristics.length + memories.outcomes.length + memories.domain_knowledge.length +
        memories.anti_patterns.length + memories.preferences.length
    )
    expect(prompt_injection).toContain("## Relevant Strategies")
    expect(prompt_injection).toContain("React Hook Form")
    expect(prompt_injection).toContain("Concise answers")

    const top1 = await callOk(client, "alma_retrieve", { task: "Test the login form", agent: "helena", top_k: 1 })
    expect(top1.memories.heuristics).toHaveLength(1)
    expect(top1.memories.outcomes).toHaveLength(0)
  })

  it("reports stats, health and a dry-run consolidation", async () => {
    const { stats } = await callOk(client, "alma_stats")
    expect(stats).toMatchObject({
      project_id: "alpha",
      storage_type: "memory",
      heuristics_count: 1,
      outcomes_count: 3,
      preferences_count: 1,
      domain_knowledge_count: 1,
      anti_patterns_count: 1,
      total_count: 7
    })
    const own = await callOk(client, "alma_stats", { agent: "helena" })
    expect(own.stats).toMatchObject({ agent: "helena", preferences_count: 0, total_count: 6 })

    const health = await callOk(client, "alma_health")
    expect(health).toMatchObject({
      status: "healthy",
      project_id: "alpha",
      total_memories: 7,
      registered_agents: ["helena", "victor"]
    })
    expect(Number.isNaN(Date.parse(health.timestamp))).toBe(false)

    const consolidation = await callOk(client, "alma_consolidate", { agent: "helena" })
    expect(consolidation).toMatchObject({ dry_run: true, merged_count: 0, errors: [] })
    expect(consolidation.memories_processed).toBe(1)
    expect(consolidation.message).toMatch(/^Would merge/)
  })

  it("checkpoints, resumes, merges states and cleans up a workflow run", async () => {
    const a = await callOk(client, "alma_checkpoint", { run_id: "run-1", node_id: "fetch", state: { step: 1 } })
    expect(a).toMatchObject({ skipped: false, checkpoint: { run_id: "run-1", node_id: "fetch", sequence_number: 1 } })
    const same = await callOk(client, "alma_checkpoint", { run_id: "run-1", node_id: "fetch", state: { step: 1 } })
    expect(same.skipped).toBe(true)
    expect(same.checkpoint.id).toBe(a.checkpoint.id)
    const b = await callOk(client, "alma_checkpoint", {
      run_id: "run-1",
      node_id: "parse",
      state: { step: 2 },
      parent_checkpoint_id: a.checkpoint.id,
      metadata: { attempt: 1 }
    })
    expect(b.checkpoint).toMatchObject({ sequence_number: 2, parent_checkpoint_id: a.checkpoint.id, metadata: { attempt: 1 } })

    const resumed = await callOk(client, "alma_resume", { run_id: "run-1" })
    expect(resumed.checkpoint).toMatchObject({ id: b.checkpoint.id, state: { step: 2 } })
    expect((await callOk(client, "alma_resume", { run_id: "run-unknown" })).checkpoint).toBeNull()

    const merged = await callOk(client, "alma_merge_states", {
      states: [{ total: 1, items: [1], who: "a" }, { total: 2, items: [2], who: "b" }],
      reducer_config: { total: "sum", items: "append", who: "first_value" }
    })
    expect(merged).toEqual({ merged_state: { total: 3, items: [1, 2], who: "a" }, input_count: 2 })

    const cleanup = await callOk(client, "alma_cleanup_checkpoints", { run_id: "run-1" })
    expect(cleanup).toMatchObject({ deleted_count: 1, kept: 1 })
    expect((await callOk(client, "alma_resume", { run_id: "run-1" })).checkpoint.id).toBe(b.checkpoint.id)
  })

  it("learns from a workflow run, links artifacts to its outcome and retrieves within the workflow", async () => {
    const learned = await callOk(client, "alma_workflow_learn", {
      agent: "helena",
      workflow_id: "checkout",
      run_id: "run-7",
      result: "success",
      summary: "Ran the checkout flow end to end",
      strategies_used: ["parallel payment checks"],
      duration_seconds: 42.5,
      node_count: 6
    })
    expect(learned.outcome).toMatchObject({ workflow_id: "checkout", run_id: "run-7", result: "success", agent: "helena" })
    const outcomeId: string = learned.outcome.id

    const { artifact } = await callOk(client, "alma_link_artifact", {
      memory_id: outcomeId,
      artifact_type: "screenshot",
      storage_url: "s3://bucket/checkout.png",
      mime_type: "image/png",
      size_bytes: 2048
    })
    expect(artifact).toMatchObject({ memory_id: outcomeId, artifact_type: "screenshot", size_bytes: 2048 })
    const listed = await callOk(client, "alma_get_artifacts", { memory_id: outcomeId })
    expect(listed.count).toBe(1)
    expect(listed.artifacts[0].id).toBe(artifact.id)

    const scoped = await callOk(client, "alma_retrieve_scoped", {
      task: "checkout flow",
      agent: "helena",
      scope: "workflow",
      workflow_id: "checkout"
    })
    expect(scoped).toMatchObject({ scope: "workflow", scope_filter: { workflow_id: "checkout" } })
    expect(scoped.memories.outcomes.map((o: { id: string }) => o.id)).toEqual([outcomeId])
    expect(scoped.prompt_injection).toContain("checkout flow")
    const other = await callOk(client, "alma_retrieve_scoped", {
      task: "checkout flow",
      agent: "helena",
      scope: "workflow",
      workflow_id: "another"
    })
    expect(other.memories.total_items).toBe(0)
  })

  it("checks a proposed action against anti-patterns and records feedback on memories", async () => {
    const check = await callOk(client, "alma_check_action", {
      agent: "helena",
      action: "Using sleep to wait for elements",
      context: "Causes flaky tests"
    })
    expect(check.recommendation).toBe("avoid")
    expect(check.anti_patterns[0]).toMatchObject({ pattern: "Using sleep to wait for elements", why_bad: "Causes flaky tests" })
    expect(check.reason.length).toBeGreaterThan(10)
    const unrelated = await callOk(client, "alma_check_action", {
      agent: "helena",
      action: "Write a changelog entry for the billing service release"
    })
    expect(unrelated.recommendation).toBe("proceed")

    const { memories } = await callOk(client, "alma_retrieve", { task: "Test the login form", agent: "helena" })
    const heuristicId: string = memories.heuristics[0].id
    const factId: string = memories.domain_knowledge[0].id
    const feedback = await callOk(client, "alma_record_feedback", {
      agent: "helena",
      task: "Test the login form",
      helpful: [factId],
      harmful: [heuristicId, "out_ffffffffffffffff"],
      notes: "The strategy missed the async validators"
    })
    expect(feedback.missing).toEqual(["out_ffffffffffffffff"])
    const harmed = feedback.updated.find((u: { id: string }) => u.id === heuristicId)
    expect(harmed).toMatchObject({ kind: "heuristic", verdict: "harmful" })
    expect(harmed.confidence_after).toBeLessThan(harmed.confidence_before)
    expect(feedback.updated.find((u: { id: string }) => u.id === factId)).toMatchObject({ verdict: "helpful" })
  })

  it("serves alma://config and alma://agents", async () => {
    const { resources } = await client.listResources()
    expect(resources.map((r) => r.uri)).toEqual(["alma://config", "alma://agents"])
    const config = await readJson(client, "alma://config")
    expect(config.mimeType).toBe("application/json")
    expect(config.json).toEqual(testInfo("alpha").config)

    const agents = (await readJson(client, "alma://agents")).json
    expect(agents).toMatchObject({ project_id: "alpha", agent_count: 2 })
    const helena = agents.agents.find((a: { name: string }) => a.name === "helena")
    expect(helena.scope).toMatchObject({ domain: "frontend", cannot_learn: ["backend"], inherit_from: ["victor"] })
    expect(helena.stats).toMatchObject({ heuristics_count: 1, domain_knowledge_count: 1, anti_patterns_count: 1 })
  })

  it("forgets stale memories (runs last: it deletes the outcomes)", async () => {
    const before = (await callOk(client, "alma_stats")).stats.total_count
    const none = await callOk(client, "alma_forget", { agent: "victor" })
    expect(none.pruned_count).toBe(0)
    const forgot = await callOk(client, "alma_forget", { agent: "helena", older_than_days: 0 })
    expect(forgot.pruned_count).toBeGreaterThanOrEqual(4)
    expect(forgot.message).toContain(String(forgot.pruned_count))
    expect((await callOk(client, "alma_stats")).stats.total_count).toBe(before - forgot.pruned_count)
  })

  it("raised no transport errors", () => {
    expect(transportErrors).toEqual([])
  })
})
