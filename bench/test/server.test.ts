/**
 * The `server` benchmark suite, smoke-sized: a real `alma serve` process per surface (hash embedder,
 * 200 memories), real autocannon load for 2 s. Asserts the shape of the result and that no request
 * failed (not speed). A second server receives invalid requests, to show failures are counted.
 */
import { Effect } from "effect"
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import * as path from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { suites } from "../src/registry.js"
import * as Config from "../src/server/Config.js"
import { runLoad } from "../src/server/Load.js"
import { type ServerProcess, startServer } from "../src/server/Process.js"
import { runServerWith } from "../src/server/Server.js"
import { type Bodies, verdict } from "../src/server/Workload.js"

const TIMEOUT = 300_000

describe("server suite: classification of responses", () => {
  it("RPC: a Success exit is ok (with its cache flag); a Failure exit, a missing Exit or a non-2xx is not", () => {
    const success = `{"_tag":"Exit","requestId":"1","exit":{"_tag":"Success","value":{"cacheHit":true}}}\n`
    expect(verdict("rpc", "retrieve", 200, success)).toEqual({ ok: true, cacheHit: true })
    expect(verdict("rpc", "learn", 200, success)).toEqual({ ok: true, cacheHit: undefined })
    const failure = `{"_tag":"Exit","requestId":"1","exit":{"_tag":"Failure","cause":{"_tag":"Fail",` +
      `"error":{"field":"task","_tag":"ValidationError"}}}}\n`
    expect(verdict("rpc", "retrieve", 200, failure)).toEqual({ ok: false, reason: "Failure ValidationError" })
    expect(verdict("rpc", "retrieve", 200, "").ok).toBe(false)
    expect(verdict("rpc", "retrieve", 503, success)).toEqual({ ok: false, reason: "HTTP 503" })
  })

  it("MCP: a result is ok unless isError; a JSON-RPC error or a non-JSON body is not", () => {
    expect(verdict("mcp", "retrieve", 200, `{"jsonrpc":"2.0","id":1,"result":{"isError":false}}`)).toEqual({ ok: true })
    expect(verdict("mcp", "learn", 200, `{"jsonrpc":"2.0","id":1,"result":{"isError":true,"structuredContent":` +
      `{"_tag":"ScopeViolationError"}}}`)).toEqual({ ok: false, reason: "isError ScopeViolationError" })
    expect(verdict("mcp", "learn", 200, `{"jsonrpc":"2.0","id":1,"error":{"code":-32602}}`).reason)
      .toBe("JSON-RPC error -32602")
    expect(verdict("mcp", "retrieve", 200, "<html>").ok).toBe(false)
  })

  it("--config: the file's settings, less project, storage, agents and server, which each run fixes", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "bench-server-config-"))
    try {
      const file = path.join(dir, "mine.yaml")
      writeFileSync(file, [
        "alma:",
        "  project_id: prod",
        "  storage_dir: data",
        "  embedding_provider: hash",
        "  embedding_dim: 64",
        "  agents:",
        "    helena: {}",
        "  server:",
        "    port: 9999",
        "    max_body_bytes: 2048",
        "  retrieval:",
        "    cache_ttl_seconds: 0",
        ""
      ].join("\n"))
      const configuration = await Effect.runPromise(Config.fromFile(file))
      expect(configuration.name).toBe("config")
      expect(configuration.label).toBe("mine.yaml (hash embedder, memory cache)")
      expect(Object.keys(configuration.settings).sort()).toEqual(["embedding_dim", "embedding_provider", "retrieval", "server"])
      const run = path.join(dir, "run")
      mkdirSync(run)
      const { config } = await Effect.runPromise(Config.write(configuration, run))
      expect(config.projectId).toBe(Config.PROJECT)
      expect(config.sqlitePath).toBe(path.join(run, "alma.db"))
      expect(config.embedding.dimensions).toBe(64)
      expect(config.retrieval.cacheTtlSeconds).toBe(0)
      expect(config.agents).toEqual([])
      expect(config.allowUnknownAgents).toBe(true)
      expect(config.server).toMatchObject({ host: "127.0.0.1", port: 0, tokens: [], accessLog: false, maxBodyBytes: 2048 })
      await expect(Effect.runPromise(Config.fromFile(path.join(dir, "missing.yaml")))).rejects.toThrow()
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it("registry: `server` loads lazily as a suite", async () => {
    expect(typeof (await suites["server"]!())).toBe("function")
  })
})

describe("server suite: smoke run", () => {
  it("200 memories, 2 s per surface, hash embedder: every field filled, no errors", async () => {
    const progress: Array<number> = []
    const report = await Effect.runPromise(runServerWith({
      memories: 200,
      durationSeconds: 2,
      warmupSeconds: 0.5,
      connections: 4,
      tasks: 40,
      learns: 40,
      configurations: [Config.hash],
      onProgress: (done) => progress.push(done)
    }))
    const json = report.json
    expect(report.suite).toBe("server")
    expect(progress).toEqual([1, 2, 3])
    expect(json.seeds["hash"]).toMatchObject({ memories: 200 })
    expect(json.runs.map((r) => `${r.configuration}/${r.surface}`)).toEqual(["hash/rpc", "hash/mcp"])
    for (const r of json.runs) {
      const l = r.load
      expect(l.errors, `${r.surface}: ${l.errors.samples.join("; ")}`).toMatchObject({ total: 0, application: 0 })
      expect(l.responses.retrieve).toBeGreaterThan(l.responses.learn)
      expect(l.responses.learn).toBeGreaterThan(0)
      expect(l.latency.n).toBe(l.responses.retrieve + l.responses.learn)
      expect(l.throughput).toBeGreaterThan(0)
      expect(l.latency.p50).toBeLessThanOrEqual(l.latency.p99)
      expect(l.retrieve.n).toBe(l.responses.retrieve)
      expect(r.store.atStart).toBeGreaterThanOrEqual(200)
      // Every learn of the timed phase stored one outcome (heuristics may add more).
      expect(r.store.atEnd! - r.store.atStart!).toBeGreaterThanOrEqual(l.responses.learn)
      expect(r.server.peakRssMiB).toBeGreaterThan(10)
      expect(r.server.cpuSeconds).toBeGreaterThan(0)
    }
    expect(json.runs[0]!.load.cacheHitRate).toBeGreaterThanOrEqual(0)
    expect(json.runs[1]!.load.cacheHitRate).toBeUndefined()
    expect(report.charts.map((c) => c.name)).toEqual(["server-throughput", "server-latency"])
    for (const chart of report.charts) expect(chart.svg.startsWith("<svg")).toBe(true)
    expect(report.markdown).toContain("| hash | RPC `/rpc` |")
    expect(report.markdown).toContain("| hash | MCP `/mcp` |")
  }, TIMEOUT)
})

describe("server suite: failures are counted", () => {
  let dir: string
  let server: ServerProcess
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "bench-server-test-"))
    const { file } = await Effect.runPromise(Config.write(Config.hash, dir))
    server = await startServer({ configFile: file, cwd: dir })
  }, TIMEOUT)
  afterAll(async () => {
    await server?.stop()
    rmSync(dir, { recursive: true, force: true })
  })

  // Retrieves without a task (a ValidationError), learns of a valid outcome.
  const invalid = (surface: "rpc" | "mcp"): Bodies => {
    let id = 0
    const line = (tag: string, payload: object) =>
      surface === "rpc"
        ? `${JSON.stringify({ _tag: "Request", id: String(++id), tag, payload, headers: [] })}\n`
        : JSON.stringify({ jsonrpc: "2.0", id: ++id, method: "tools/call", params: { name: tag, arguments: payload } })
    return {
      next: (operation) =>
        operation === "retrieve"
          ? line(surface === "rpc" ? "Retrieve" : "alma_retrieve", { agent: "agent_00" })
          : surface === "rpc"
          ? line("Learn", { agent: "agent_00", task: "t", outcome: "success", strategyUsed: "s" })
          : line("alma_learn", { agent: "agent_00", task: "t", outcome: "success", strategy_used: "s" }),
      sent: () => ({ retrieve: 0, learn: 0 }),
      fresh: () => ({ retrieve: 0, learn: 0 })
    }
  }

  it.each(["rpc", "mcp"] as const)("%s: every invalid retrieve is an application error, the learns are not", async (surface) => {
    const result = await runLoad({ url: server.url, surface, bodies: invalid(surface), connections: 2, durationSeconds: 1 })
    expect(result.responses.retrieve).toBeGreaterThan(0)
    expect(result.responses.learn).toBeGreaterThan(0)
    expect(result.errors.application).toBe(result.responses.retrieve)
    expect(result.errors.total).toBe(result.responses.retrieve)
    expect(result.errors.samples).toEqual([surface === "rpc" ? "retrieve: Failure ValidationError" : "retrieve: isError ValidationError"])
  }, TIMEOUT)
})
