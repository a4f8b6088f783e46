/**
 * JSON-RPC 2.0 conformance of the MCP server over stdio (the built `alma mcp`, `npm run build:cli`),
 * with raw lines: every line is answered on stdout (-32700 for text that is not JSON, -32600 for
 * JSON that is not JSON-RPC, -32601 for unknown methods), string and fractional ids come back
 * unchanged, a batch is answered as one array line, and no line loses the rest of its stdin chunk.
 */
import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process"
import { mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { afterAll, beforeAll, describe, expect, it } from "vitest"

const dir = mkdtempSync(join(tmpdir(), "alma-mcp-jsonrpc-"))
const config = join(dir, "config.yaml")
writeFileSync(config, "storage: memory\nembedding_provider: hash\nallow_unknown_agents: true\n")
const cli = fileURLToPath(new URL("../../dist/cli/alma.js", import.meta.url))
const cwd = fileURLToPath(new URL("../..", import.meta.url))

let child: ChildProcessWithoutNullStreams
let stdout = ""
let stderr = ""
const waiters: Array<() => void> = []

const lines = (): Array<any> => stdout.split("\n").filter((l) => l !== "").map((l) => JSON.parse(l))
/** Waits until `count` lines have come out on stdout, and returns them. */
const linesAfter = async (count: number) => {
  while (lines().length < count) {
    if (child.exitCode !== null) throw new Error(`server exited: ${stderr}`)
    await new Promise<void>((resolve) => waiters.push(resolve))
  }
  return lines()
}
/** The single message (not a batch) answering `id`, once it came. */
const answerTo = async (id: unknown) => {
  for (;;) {
    const found = lines().find((m) => !Array.isArray(m) && m.id === id)
    if (found !== undefined) return found
    await linesAfter(lines().length + 1)
  }
}

beforeAll(async () => {
  child = spawn(process.execPath, [cli, "mcp", "--config", config], { cwd, stdio: ["pipe", "pipe", "pipe"] })
  child.stdout.on("data", (chunk) => {
    stdout += String(chunk)
    for (const wake of waiters.splice(0)) wake()
  })
  child.stderr.on("data", (chunk) => (stderr += String(chunk)))
  const init = { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "raw", version: "1" } }
  child.stdin.write(`${JSON.stringify({ jsonrpc: "2.0", id: "init", method: "initialize", params: init })}\n`)
  child.stdin.write(`${JSON.stringify({ jsonrpc: "2.0", method: "notifications/initialized" })}\n`)
  expect((await answerTo("init")).result.serverInfo.name).toBe("alma-memory")
})

afterAll(async () => {
  if (child.exitCode === null) {
    const exited = new Promise((resolve) => child.on("exit", resolve))
    child.stdin.end()
    await exited
  }
  rmSync(dir, { recursive: true, force: true })
})

describe("MCP over stdio, JSON-RPC", () => {
  it("answers every line of one chunk, malformed ones included, and keeps the ids as sent", async () => {
    const before = lines().length
    const chunk = [
      "this is not JSON",
      "{\"foo\":1}",
      "42",
      "[]",
      JSON.stringify({ jsonrpc: "1.0", id: 3, method: "ping" }),
      JSON.stringify({ jsonrpc: "2.0", id: "7", method: "ping" }),
      JSON.stringify({ jsonrpc: "2.0", id: 1.5, method: "ping" }),
      JSON.stringify({ jsonrpc: "2.0", id: "u", method: "no/such/method" }),
      JSON.stringify({ jsonrpc: "2.0", method: "notifications/cancelled", params: { requestId: "nothing-in-flight" } }),
      "",
      JSON.stringify({ jsonrpc: "2.0", id: "last", method: "tools/call", params: { name: "alma_health", arguments: {} } })
    ].join("\n")
    child.stdin.write(`${chunk}\n`)
    const answers = (await linesAfter(before + 9)).slice(before)
    expect(answers).toHaveLength(9)
    const errors = (code: number) => answers.filter((m) => m.error?.code === code)
    expect(errors(-32700)).toStrictEqual([
      { jsonrpc: "2.0", id: null, error: { code: -32700, message: expect.stringContaining("Parse error") } }
    ])
    expect(errors(-32600).map((m) => m.id)).toStrictEqual([null, null, null, 3])
    expect(errors(-32601)).toMatchObject([{ id: "u", error: { message: expect.stringContaining("no/such/method") } }])
    expect(answers.find((m) => m.id === "7")).toStrictEqual({ jsonrpc: "2.0", id: "7", result: {} })
    expect(answers.find((m) => m.id === 1.5)).toStrictEqual({ jsonrpc: "2.0", id: 1.5, result: {} })
    expect(answers.find((m) => m.id === "last").result.structuredContent.status).toBe("healthy")
  })

  it("answers a batch holding a notification with one array of its responses", async () => {
    const before = lines().length
    child.stdin.write(`${JSON.stringify([
      { jsonrpc: "2.0", id: "b1", method: "ping" },
      { jsonrpc: "2.0", method: "notifications/initialized" },
      { jsonrpc: "2.0", id: 22, method: "tools/list" },
      { jsonrpc: "2.0", id: "b3", method: "nope" }
    ])}\n`)
    const [batch] = (await linesAfter(before + 1)).slice(before)
    expect(Array.isArray(batch)).toBe(true)
    expect(batch.map((r: { id: unknown }) => r.id).sort()).toStrictEqual([22, "b1", "b3"].sort())
    expect(batch.find((r: { id: unknown }) => r.id === "b3").error.code).toBe(-32601)
    expect(batch.find((r: { id: unknown }) => r.id === 22).result.tools.length).toBeGreaterThan(0)
  })

  it("answers a request the server fails to take (arguments nested 20,000 deep) and goes on reading", async () => {
    const deep = `${"[".repeat(20_000)}${"]".repeat(20_000)}`
    child.stdin.write(
      `{"jsonrpc":"2.0","id":"deep","method":"tools/call","params":{"name":"alma_forget","arguments":{"agent":${deep}}}}\n` +
        `${JSON.stringify({ jsonrpc: "2.0", id: "next", method: "ping" })}\n`
    )
    const answer = await answerTo("deep")
    expect("result" in answer || "error" in answer).toBe(true)
    expect(await answerTo("next")).toStrictEqual({ jsonrpc: "2.0", id: "next", result: {} })
  })

  it("wrote only JSON-RPC 2.0 messages to stdout", () => {
    for (const m of lines().flat()) expect(m.jsonrpc).toBe("2.0")
  })
})
