/**
 * `alma mcp` with requests piped in and stdin closed at once (`echo … | alma mcp`), with no
 * `initialize` (issue 19 item 5): like the official SDK's server, it handles the requests it read and
 * answers every one before it exits, instead of stopping at the end of stdin and answering
 * "Internal error" to the requests still running. The learn is stored (a second process counts it).
 * The same run checks issue 15 item 5 over stdio: an unknown resource is -32002, an id of `1e400`
 * is -32600 with id `null`. Runs the built CLI on a real SQLite file.
 */
import { spawn } from "node:child_process"
import { mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { alma, bin, ensureBuilt, json } from "../cli/fixtures.js"

const dir = mkdtempSync(join(tmpdir(), "alma-mcp-eof-"))
const config = join(dir, "config.yaml")
writeFileSync(config, `storage_dir: ${join(dir, "data")}\nembedding_provider: hash\nallow_unknown_agents: true\n`)
beforeAll(() => ensureBuilt(), 120_000)
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** Runs `alma mcp` with `input` as its whole stdin (closed right after); its stdout lines, parsed. */
const pipeThrough = (input: string): Promise<{ code: number | null; answers: Array<any>; stderr: string }> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, "mcp", "--config", config], { cwd: dir, stdio: ["pipe", "pipe", "pipe"] })
    let stdout = ""
    let stderr = ""
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d))
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d))
    child.on("error", reject)
    child.on("close", (code) =>
      resolve({ code, stderr, answers: stdout.split("\n").filter((l) => l !== "").map((l) => JSON.parse(l)) }))
    child.stdin.end(input)
  })

const learn = (id: number, n: number) => ({
  jsonrpc: "2.0",
  id,
  method: "tools/call",
  params: {
    name: "alma_learn",
    arguments: { agent: "piper", task: `task ${n}`, task_type: "piping", outcome: "success", strategy_used: `strategy ${n}` }
  }
})

describe("alma mcp: requests piped in without initialize", () => {
  it("answers every request before exiting at the end of stdin, and the learns are stored", async () => {
    const lines = [
      ...[1, 2, 3].map((n) => JSON.stringify(learn(n, n))),
      JSON.stringify({ jsonrpc: "2.0", id: 4, method: "resources/read", params: { uri: "alma://nope" } }),
      "{\"jsonrpc\":\"2.0\",\"id\":1e400,\"method\":\"ping\"}"
    ]
    const { answers, code, stderr } = await pipeThrough(`${lines.join("\n")}\n`)
    expect(code, stderr).toBe(0)
    expect(answers, JSON.stringify(answers)).toHaveLength(5)
    for (const id of [1, 2, 3]) {
      const answer = answers.find((a) => a.id === id)
      expect(answer?.error, JSON.stringify(answer)).toBeUndefined()
      expect(answer.result.isError).toBe(false)
      expect(answer.result.structuredContent.learned).toBe(true)
    }
    expect(answers.find((a) => a.id === 4)).toStrictEqual({
      jsonrpc: "2.0",
      id: 4,
      error: { code: -32002, message: "Resource not found: alma://nope", data: { uri: "alma://nope" } }
    })
    expect(answers.find((a) => a.id === null)).toMatchObject({ error: { code: -32600 } })
    expect(JSON.stringify(answers)).not.toContain("Internal error")

    const stats = await alma(dir, "stats", "--json", "--config", config)
    expect(stats.code, stats.stderr).toBe(0)
    // Three outcomes (and the heuristic the three similar successes formed).
    expect((json(stats).counts as Record<string, number>).outcome).toBe(3)
  }, 60_000)
})
