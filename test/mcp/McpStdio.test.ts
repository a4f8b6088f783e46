/**
 * The MCP server over stdio, started as a separate process: the official SDK client (connect, tool
 * list, tool calls, an error, a resource), and the protocol hygiene a raw client sees: stdout carries
 * only JSON-RPC messages (logs go to stderr), lines that are not JSON-RPC are answered with JSON-RPC
 * errors (id null) without disturbing the rest, and the process exits when stdin ends. More on
 * malformed lines: McpStdioJsonRpc.test.ts.
 */
import { Client } from "@modelcontextprotocol/sdk/client/index.js"
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js"
import { spawn } from "node:child_process"
import { mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { callErr, callOk, connect, readJson, TOOL_NAMES } from "../fixtures/mcpClient.js"

/**
 * The stdio server: the built CLI's `alma mcp` (`npm test` builds it first), on an in-memory store
 * with the agents of test/fixtures/mcpStack.ts (helena inherits from victor, who shares with her).
 */
const configDir = mkdtempSync(join(tmpdir(), "alma-mcp-stdio-"))
const configFile = join(configDir, "config.yaml")
writeFileSync(
  configFile,
  [
    "storage: memory",
    "embedding_provider: hash",
    "agents:",
    "  helena: { domain: frontend, cannot_learn: [backend], inherit_from: [victor] }",
    "  victor: { domain: backend, share_with: [helena] }",
    ""
  ].join("\n")
)
afterAll(() => rmSync(configDir, { recursive: true, force: true }))

const STDIO_SERVER = {
  command: process.execPath,
  args: [fileURLToPath(new URL("../../dist/cli/alma.js", import.meta.url)), "mcp", "--config", configFile]
} as const

const cwd = fileURLToPath(new URL("../..", import.meta.url))

describe("MCP over stdio with the SDK client", () => {
  let client: Client
  let errors: Array<unknown>
  let stderr = ""

  beforeAll(async () => {
    const transport = new StdioClientTransport({ ...STDIO_SERVER, args: [...STDIO_SERVER.args], cwd, stderr: "pipe" })
    transport.stderr?.on("data", (chunk) => {
      stderr += String(chunk)
    })
    ;({ client, errors } = await connect(transport))
  })

  afterAll(async () => {
    await client?.close()
  })

  it("lists the 19 tools", async () => {
    const { tools } = await client.listTools()
    expect(tools.map((t) => t.name).sort()).toEqual([...TOOL_NAMES].sort())
    expect(client.getServerVersion()?.name).toBe("alma-memory")
  })

  it("records and retrieves a fact, reports errors as tool errors, and serves resources", async () => {
    const { knowledge } = await callOk(client, "alma_add_knowledge", {
      agent: "helena",
      domain: "frontend",
      fact: "Buttons use the design system's Button component"
    })
    const { memories, prompt_injection } = await callOk(client, "alma_retrieve", {
      task: "Add a button to the settings page",
      agent: "helena"
    })
    expect(memories.domain_knowledge.map((k: { id: string }) => k.id)).toEqual([knowledge.id])
    expect(prompt_injection).toContain("design system's Button")

    const { error } = await callErr(client, "alma_learn", { agent: "helena", task: "t", outcome: "success" })
    expect(error).toEqual({ _tag: "ValidationError", field: "strategy_used", reason: "is required" })

    const agents = (await readJson(client, "alma://agents")).json
    expect(agents.agents.map((a: { name: string }) => a.name)).toEqual(["helena", "victor"])
    expect((await callOk(client, "alma_health")).total_memories).toBe(1)
  })

  it("raised no transport errors (stdout held only protocol messages)", () => {
    expect(errors).toEqual([])
    expect(stderr).not.toMatch(/"jsonrpc"/)
  })
})

describe("MCP over stdio, raw", () => {
  it("writes only JSON-RPC to stdout, logs to stderr, answers junk lines and exits when stdin ends", async () => {
    const child = spawn(STDIO_SERVER.command, [...STDIO_SERVER.args], { cwd, stdio: ["pipe", "pipe", "pipe"] })
    let stdout = ""
    let stderr = ""
    child.stderr.on("data", (chunk) => (stderr += String(chunk)))
    const exited = new Promise<number | null>((resolve) => child.on("exit", resolve))
    const lines = () => stdout.split("\n").filter((l) => l.length > 0)
    const hasReply = (id: number) => lines().some((l) => JSON.parse(l).id === id)
    const waiters: Array<() => void> = []
    child.stdout.on("data", (chunk) => {
      stdout += String(chunk)
      for (const wake of waiters.splice(0)) wake()
    })
    const replied = async (id: number) => {
      while (!hasReply(id)) {
        if (child.exitCode !== null) throw new Error(`server exited early: ${stderr}`)
        await new Promise<void>((resolve) => waiters.push(resolve))
      }
    }
    const send = (message: object) => child.stdin.write(`${JSON.stringify(message)}\n`)
    const call = (id: number, name: string, args: object) =>
      send({ jsonrpc: "2.0", id, method: "tools/call", params: { name, arguments: args } })

    send({
      jsonrpc: "2.0",
      id: 1,
      method: "initialize",
      params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "raw", version: "1" } }
    })
    send({ jsonrpc: "2.0", method: "notifications/initialized" })
    child.stdin.write("this is not JSON\n{\"foo\":1}\n42\n{\"jsonrpc\":\"2.0\",\"id\":\"x\",\"result\":{}}\n\n")
    const fact = { agent: "helena", domain: "frontend", fact: "Forms validate on blur" }
    call(2, "alma_add_knowledge", fact)
    call(3, "alma_add_knowledge", fact)
    await replied(2)
    await replied(3)
    // Merging the two identical facts logs "consolidated memories" (Effect.logInfo).
    call(4, "alma_consolidate", { agent: "helena", memory_type: "domain_knowledge", dry_run: false })
    call(5, "alma_retrieve", { agent: "helena", top_k: 0 })
    await replied(4)
    await replied(5)

    const messages = lines().map((l) => JSON.parse(l))
    for (const m of messages) expect(m.jsonrpc).toBe("2.0")
    expect(messages.map((m) => m.id).filter((id) => id !== null).sort()).toEqual([1, 2, 3, 4, 5])
    // "this is not JSON" (-32700), {"foo":1} and 42 (-32600); the response to nothing is ignored.
    expect(messages.filter((m) => m.id === null).map((m) => m.error.code).sort()).toEqual([-32700, -32600, -32600].sort())
    const byId = (id: number) => messages.find((m) => m.id === id)
    expect(byId(1).result.serverInfo.name).toBe("alma-memory")
    expect(byId(4).result.structuredContent).toMatchObject({ dry_run: false, merged_count: 2, groups_found: 1 })
    expect(byId(5).result.isError).toBe(true)
    expect(byId(5).result.structuredContent).toMatchObject({ field: "task", reason: expect.stringContaining("\"top_k\"") })
    expect(stderr).toContain("consolidated memories")

    child.stdin.end()
    expect(await exited).toBe(0)
  })
})
