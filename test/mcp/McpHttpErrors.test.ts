/**
 * Bad input and failures over Streamable HTTP: every error is a tool result with `isError: true`
 * and a clear message naming the field, and the server keeps serving; a defect in a handler is
 * reported, not fatal. Also: several projects' servers on one router, each with its own engine.
 */
import type { Client } from "@modelcontextprotocol/sdk/client/index.js"
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js"
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest"
import { AgentScope } from "../../src/domain/AgentScope.js"
import { callErr, callOk, connect, readJson, TOOL_NAMES } from "../fixtures/mcpClient.js"
import type { RunningServer } from "../fixtures/mcpHttp.js"
import { startHttp, withFaults } from "../fixtures/mcpHttp.js"
import { inMemoryEngine, testInfo } from "../fixtures/mcpStack.js"

let server: RunningServer
const clients: Record<"alpha" | "beta" | "faulty", Client> = {} as never

beforeAll(async () => {
  server = await startHttp([
    { path: "/_p/alpha/mcp", info: testInfo("alpha"), engine: inMemoryEngine("alpha") },
    { path: "/_p/beta/mcp", info: testInfo("beta"), engine: inMemoryEngine("beta", [AgentScope.make({ agent: "solo" })]) },
    { path: "/_p/faulty/mcp", info: testInfo("faulty"), engine: withFaults(inMemoryEngine("faulty")) }
  ])
  for (const name of ["alpha", "beta", "faulty"] as const) {
    clients[name] = (await connect(new StreamableHTTPClientTransport(server.url(`/_p/${name}/mcp`)))).client
  }
})

afterAll(async () => {
  for (const client of Object.values(clients)) await client.close()
  await server?.dispose()
})

// After every error, the server must still answer.
afterEach(async () => {
  expect((await callOk(clients.alpha, "alma_health")).status).toBe("healthy")
})

describe("MCP tool errors over HTTP", () => {
  it("a missing required argument names the field", async () => {
    const { error, text } = await callErr(clients.alpha, "alma_retrieve", { agent: "helena" })
    expect(error).toEqual({ _tag: "ValidationError", field: "task", reason: "is required" })
    expect(text).toBe("ValidationError: Invalid \"task\": is required")
  })

  it("every problem of the arguments is listed, one per field", async () => {
    const { error } = await callErr(clients.alpha, "alma_learn", { agent: "helena", task: "t", outcome: "maybe" })
    expect(error.field).toBe("outcome")
    expect(error.reason).toContain("\"strategy_used\": is required")
    expect(error.reason.match(/outcome/g)).toBeNull()
  })

  it("a wrong type or an out-of-range value names the field and what is allowed", async () => {
    const wrongType = await callErr(clients.alpha, "alma_retrieve", { task: "t", agent: "helena", top_k: "five" })
    expect(wrongType.error).toMatchObject({ _tag: "ValidationError", field: "top_k" })
    expect(wrongType.error.reason).toContain("Expected number, actual \"five\"")
    const range = await callErr(clients.alpha, "alma_retrieve", { task: "t", agent: "helena", top_k: 1000 })
    expect(range.error).toEqual({ _tag: "ValidationError", field: "top_k", reason: "must be between 1 and 100" })
    const blank = await callErr(clients.alpha, "alma_add_knowledge", { agent: "helena", domain: "frontend", fact: "  " })
    expect(blank.error).toMatchObject({ field: "fact", reason: "must not be empty or blank" })
    const reducer = await callErr(clients.alpha, "alma_merge_states", { states: [{}], reducer_config: { a: "avg" } })
    expect(reducer.error.field).toBe("reducer_config.a")
  })

  it("an unknown parameter is rejected, not ignored", async () => {
    const { error } = await callErr(clients.alpha, "alma_retrieve", { task: "t", agent: "helena", topk: 3 })
    expect(error).toEqual({ _tag: "ValidationError", field: "topk", reason: "is not a parameter of this tool" })
  })

  it("an unknown agent is a ValidationError listing the configured agents", async () => {
    const { error, text } = await callErr(clients.alpha, "alma_retrieve", { task: "t", agent: "nobody" })
    expect(error).toMatchObject({ _tag: "ValidationError", field: "agent" })
    expect(text).toContain("helena, victor")
  })

  it("learning outside the agent's scope is a ScopeViolationError and stores nothing", async () => {
    const before = (await callOk(clients.alpha, "alma_stats")).stats.total_count
    const { error } = await callErr(clients.alpha, "alma_add_knowledge", { agent: "helena", domain: "backend", fact: "f" })
    expect(error).toMatchObject({ _tag: "ScopeViolationError", agent: "helena", domain: "backend" })
    expect((await callOk(clients.alpha, "alma_stats")).stats.total_count).toBe(before)
  })

  it("an unknown memory id is a NotFoundError; a malformed one a ValidationError", async () => {
    const missing = await callErr(clients.alpha, "alma_link_artifact", {
      memory_id: "out_0123456789abcdef",
      artifact_type: "log",
      storage_url: "file:///tmp/x.log"
    })
    expect(missing.error).toEqual({ _tag: "NotFoundError", entity: "memory", id: "out_0123456789abcdef" })
    expect(missing.text).toBe("NotFoundError: No memory with id \"out_0123456789abcdef\"")
    const malformed = await callErr(clients.alpha, "alma_get_artifacts", { memory_id: "42" })
    expect(malformed.error).toMatchObject({ _tag: "ValidationError", field: "memory_id" })
    expect(malformed.error.reason).toContain("prefix heur|out|pref|dk|anti")
  })

  it("engine-level validation errors use the tools' snake_case field names", async () => {
    const { error } = await callErr(clients.alpha, "alma_retrieve_scoped", { task: "t", agent: "helena", scope: "node" })
    expect(error).toMatchObject({ _tag: "ValidationError" })
    expect(error.field).toMatch(/^(run_id|node_id)$/)
    const big = await callErr(clients.alpha, "alma_checkpoint", { run_id: "r", node_id: "n", state: { s: "x".repeat(1_100_000) } })
    expect(big.error).toMatchObject({ _tag: "ValidationError", field: "state" })
  })

  it("an unknown tool is a JSON-RPC error", async () => {
    await expect(clients.alpha.callTool({ name: "alma_nope", arguments: {} })).rejects.toThrow(/alma_nope' not found/)
  })

  it("a defect in a handler becomes an InternalError result without internal details", async () => {
    const { error, text } = await callErr(clients.faulty, "alma_retrieve", { task: "t", agent: "helena" })
    expect(error).toEqual({ _tag: "InternalError", tool: "alma_retrieve", reason: "the handler failed unexpectedly" })
    expect(text).toContain("Internal error in alma_retrieve")
    expect(text).not.toContain("4f1c")
    // The same server goes on serving.
    await callOk(clients.faulty, "alma_add_knowledge", { agent: "helena", domain: "frontend", fact: "still serving" })
  })

  it("a storage failure is a StorageError result; alma_health reports it as unhealthy", async () => {
    const { error, text } = await callErr(clients.faulty, "alma_stats")
    expect(error).toMatchObject({ _tag: "StorageError", backend: "sqlite", operation: "stats" })
    expect(text).toBe("StorageError: Storage backend \"sqlite\" failed during stats: disk I/O error")
    const health = await callOk(clients.faulty, "alma_health")
    expect(health).toMatchObject({ status: "unhealthy", project_id: "faulty", registered_agents: ["helena", "victor"] })
    expect(health.error).toContain("disk I/O error")
    expect(health.total_memories).toBeUndefined()
  })

  it("survives malformed HTTP bodies, and answers 405 to GET and DELETE", async () => {
    const post = (body: string) =>
      fetch(server.url("/_p/alpha/mcp"), {
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/json, text/event-stream" },
        body
      }).then(async (r) => ({ status: r.status, text: await r.text() }))
    for (const body of ["{not json", "{\"foo\":1}", "{\"jsonrpc\":\"2.0\",\"id\":\"abc\",\"result\":{}}", "[]", "null"]) {
      const response = await post(body)
      expect(response.status, body).toBeGreaterThanOrEqual(200)
    }
    expect((await fetch(server.url("/_p/alpha/mcp"))).status).toBe(405)
    expect((await fetch(server.url("/_p/alpha/mcp"), { method: "DELETE" })).status).toBe(405)
  })
})

describe("one MCP server per project on one router", () => {
  it("each path serves its own project's engine and tools", async () => {
    const alpha = await callOk(clients.alpha, "alma_health")
    const beta = await callOk(clients.beta, "alma_health")
    expect(alpha).toMatchObject({ project_id: "alpha", registered_agents: ["helena", "victor"] })
    expect(beta).toMatchObject({ project_id: "beta", registered_agents: ["solo"], total_memories: 0 })

    await callOk(clients.beta, "alma_add_knowledge", { agent: "solo", domain: "ops", fact: "Deploys happen on Tuesdays" })
    expect((await callOk(clients.beta, "alma_stats")).stats.domain_knowledge_count).toBe(1)
    const alphaCounts = (await callOk(clients.alpha, "alma_stats")).stats
    expect(alphaCounts.project_id).toBe("alpha")
    const retrieved = await callOk(clients.alpha, "alma_retrieve", { task: "When do deploys happen?", agent: "helena" })
    expect(retrieved.prompt_injection).not.toContain("Tuesdays")
    await callErr(clients.alpha, "alma_retrieve", { task: "t", agent: "solo" })

    for (const client of [clients.alpha, clients.beta]) {
      expect((await client.listTools()).tools).toHaveLength(TOOL_NAMES.length)
    }
    const config = (await readJson(clients.beta, "alma://config")).json
    expect(config.project_id).toBe("beta")
  })
})
