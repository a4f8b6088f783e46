/**
 * Graceful shutdown of the built `alma serve` and `alma mcp`: a signal that arrives while a batch
 * write is in flight lets it finish and be acknowledged, the process exits 0, and the SQLite file is
 * closed cleanly (no -wal/-shm left) with the whole batch in it; `alma mcp` also stops, with code 0,
 * when its stdin ends.
 */
import { existsSync } from "node:fs"
import { join } from "node:path"
import { afterAll, describe, expect, it } from "vitest"
import * as WS from "ws"
import { exitOf, rpcLine, rpcPost } from "../fixtures/serverClients.js"
import { initializeParams, jsonRpcPeer } from "../fixtures/serverJsonRpcPeer.js"
import {
  removeTempDirs,
  runAlma,
  serverConfigYaml,
  spawnAlma,
  startServe,
  writeConfig
} from "../fixtures/serverProcess.js"

afterAll(() => removeTempDirs())

/** Items in the batch: about a second of work on this machine, so the signal lands mid-request. */
const BATCH = 5_000
const DB = "shutdown.db"

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

/** `alma stats --json` on the config in `dir`: the counts after reopening the file. */
const statsOf = async (dir: string) => {
  const result = await runAlma(["stats", "--config", join(dir, "config.yaml"), "--json"], { cwd: dir })
  expect(result.code, result.stderr).toBe(0)
  return JSON.parse(result.stdout) as { readonly counts: Record<string, number>; readonly total: number }
}

const closedCleanly = (dir: string) => ({
  wal: existsSync(join(dir, `${DB}-wal`)),
  shm: existsSync(join(dir, `${DB}-shm`)),
  db: existsSync(join(dir, DB))
})

describe.each(["SIGTERM", "SIGINT"] as const)("alma serve, %s", (signal) => {
  it(`during a ${BATCH}-item AddKnowledgeBatch: acknowledged, exit 0, batch committed, file closed`, async () => {
    const server = await startServe({ yaml: serverConfigYaml({ dbName: DB, maxBodyBytes: 4 * 1024 * 1024 }) })
    const inputs = Array.from({ length: BATCH }, (_, i) => ({
      agent: "helena",
      domain: "shutdown",
      fact: `Shutdown fact number ${i} written before ${signal}`
    }))
    const pending = rpcPost(server.url("/rpc"), rpcLine("AddKnowledgeBatch", { inputs }))
    const respondedAt = pending.then(() => performance.now())
    await sleep(250)
    const signalledAt = performance.now()
    server.child.kill(signal)
    const response = await pending
    const exited = await server.exited

    // The signal did land while the request was in flight (otherwise this test proves nothing).
    expect(await respondedAt).toBeGreaterThan(signalledAt)
    expect(response.status).toBe(200)
    const exit = exitOf(response.messages)
    expect(exit?._tag).toBe("Success")
    expect(exit.value).toHaveLength(BATCH)
    expect(exited, server.stderr()).toEqual({ code: 0, signal: null })
    expect(closedCleanly(server.dir)).toEqual({ wal: false, shm: false, db: true })
    const stats = await statsOf(server.dir)
    expect(stats.counts.domain_knowledge).toBe(BATCH)
  })
})

describe("alma serve, other shutdowns", () => {
  it("idle: SIGTERM exits 0 at once and leaves no -wal", async () => {
    const server = await startServe({ yaml: serverConfigYaml({ dbName: DB }) })
    const health = await rpcPost(server.url("/rpc"), rpcLine("Stats", {}))
    expect(exitOf(health.messages)?._tag).toBe("Success")
    expect(await server.stop("SIGTERM")).toEqual({ code: 0, signal: null })
    expect(closedCleanly(server.dir)).toEqual({ wal: false, shm: false, db: true })
  })

  it("with an idle WebSocket client connected: SIGTERM still exits 0 (the socket is closed, not waited for)", async () => {
    const server = await startServe({ yaml: serverConfigYaml({ dbName: DB, shutdownTimeoutMs: 5_000 }) })
    const socket = new WS.WebSocket(server.url("/ws").replace("http:", "ws:"))
    await new Promise((resolve, reject) => (socket.once("open", resolve), socket.once("error", reject)))
    const closed = new Promise<number>((resolve) => socket.once("close", (code) => resolve(code)))
    const exited = await server.stop("SIGTERM", 15_000)
    expect(exited, server.stderr()).toEqual({ code: 0, signal: null })
    expect(typeof (await closed)).toBe("number")
    expect(closedCleanly(server.dir)).toEqual({ wal: false, shm: false, db: true })
  })
})

describe("alma mcp", () => {
  const start = () => {
    const { dir, file } = writeConfig(serverConfigYaml({ dbName: DB }))
    const proc = spawnAlma(["mcp", "--config", file], { cwd: dir })
    return { dir, proc, peer: jsonRpcPeer(proc) }
  }

  const addKnowledge = (peer: ReturnType<typeof jsonRpcPeer>, id: number) =>
    peer.request({
      id,
      method: "tools/call",
      params: { name: "alma_add_knowledge", arguments: { agent: "helena", domain: "shutdown", fact: `Fact ${id}` } }
    })

  it("exits 0 when stdin closes, with its writes committed and the file closed", async () => {
    const { dir, proc, peer } = start()
    await peer.request({ id: 0, method: "initialize", params: initializeParams })
    const added = await addKnowledge(peer, 1)
    expect(added.result?.isError).toBe(false)
    proc.child.stdin.end()
    const timer = setTimeout(() => proc.child.kill("SIGKILL"), 20_000)
    const exited = await proc.exited
    clearTimeout(timer)
    expect(exited, proc.stderr()).toEqual({ code: 0, signal: null })
    expect(closedCleanly(dir)).toEqual({ wal: false, shm: false, db: true })
    expect((await statsOf(dir)).counts.domain_knowledge).toBe(1)
  })

  it("exits 0 on SIGTERM, with its writes committed", async () => {
    const { dir, proc, peer } = start()
    await peer.request({ id: 0, method: "initialize", params: initializeParams })
    await addKnowledge(peer, 1)
    await addKnowledge(peer, 2)
    expect(await proc.stop("SIGTERM")).toEqual({ code: 0, signal: null })
    expect(closedCleanly(dir)).toEqual({ wal: false, shm: false, db: true })
    expect((await statsOf(dir)).counts.domain_knowledge).toBe(2)
  })

  it("stdout carries only JSON-RPC", async () => {
    const { proc, peer } = start()
    await peer.request({ id: 0, method: "initialize", params: initializeParams })
    await peer.request({ id: 1, method: "tools/list" })
    proc.child.stdin.end()
    await proc.exited
    expect(peer.nonJson()).toEqual([])
    expect(proc.stdout().trim().split("\n").every((l) => JSON.parse(l).jsonrpc === "2.0")).toBe(true)
  })
})
