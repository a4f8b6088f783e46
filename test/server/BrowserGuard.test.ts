/**
 * Issue 19 item 1, end to end against a default `alma serve` (loopback, no tokens): what a web page
 * on another site can make a browser send is refused and changes nothing. A WebSocket opened with
 * a foreign `Origin` gets 403 and no `Export`; `text/plain` (and the other CORS-safelisted types)
 * POSTs of `Learn` and `Forget` get 415 on `/rpc` and `/mcp` and neither store nor delete; a
 * spoofed `Host` (DNS rebinding) gets 421 without memory content, on `/health` too. Controls: the
 * typed clients, the MCP SDK client, a listed origin and a listed host still work, and the same
 * `Forget` with its real content type does delete (so the refused one would have).
 */
import { randomBytes } from "node:crypto"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import {
  exitOf,
  mcpClient,
  ndjson,
  request,
  rpcLine,
  rpcPost,
  upgrade,
  withRpcClient
} from "../fixtures/serverClients.js"
import { removeTempDirs, serverConfigYaml, type ServeProcess, startServe } from "../fixtures/serverProcess.js"

const EVIL = "https://evil.example"
const LISTED = "http://localhost:3000"
const SECRET = `okapi-${randomBytes(6).toString("hex")}`

let server: ServeProcess
let listed: ServeProcess
/** Memories after seeding (5 outcomes, and whatever heuristics they formed). */
let seeded = 0

const learn = (i: number) => ({ agent: "helena", task: `deploy ${SECRET} ${i}`, outcome: "success", strategyUsed: `blue-green ${i}` })
const simpleTypes = ["text/plain", "text/plain;charset=UTF-8", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", ""]

const total = async (target: ServeProcess = server): Promise<number> =>
  exitOf((await rpcPost(target.url("/rpc"), rpcLine("Stats", {}))).messages)?.value?.total

beforeAll(async () => {
  ;[server, listed] = await Promise.all([
    startServe({ yaml: serverConfigYaml() }),
    startServe({ yaml: serverConfigYaml({ corsOrigins: [LISTED], allowedHosts: ["alma.test", "other.test:9"] }) })
  ])
  const lines = Array.from({ length: 5 }, (_, i) => rpcLine("Learn", learn(i), String(i))).join("")
  const learned = await rpcPost(server.url("/rpc"), lines)
  expect(learned.messages.filter((m) => m.exit?._tag === "Success")).toHaveLength(5)
  seeded = await total()
  expect(seeded).toBeGreaterThanOrEqual(5)
})

afterAll(async () => {
  await Promise.all([server?.stop(), listed?.stop()])
  removeTempDirs()
})

describe("Origin", () => {
  it("a WebSocket opened from another origin is refused with 403 naming the header; no Export streams", async () => {
    for (const origin of [EVIL, "null", `http://127.0.0.1:${server.port}.evil.example`, `http://127.0.0.1:${server.port + 1}`]) {
      const ws = await upgrade(server.url("/ws").replace("http:", "ws:"), { origin })
      if (ws._tag === "open") {
        ws.socket.send(rpcLine("Export", {}))
        ws.socket.close()
      }
      expect({ origin, ws: ws._tag === "refused" ? ws.status : "open" }).toEqual({ origin, ws: 403 })
      expect(ws._tag === "refused" && JSON.parse(ws.body)).toMatchObject({ error: "forbidden_origin", header: "origin" })
    }
  })

  it("an RPC or MCP POST from another origin is refused with 403, even with the right content type", async () => {
    const rpc = await request(server.url("/rpc"), {
      body: rpcLine("Export", {}),
      headers: { "content-type": "application/ndjson", origin: EVIL }
    })
    const mcp = await request(server.url("/mcp"), {
      body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "tools/call", params: { name: "alma_stats", arguments: {} } }),
      headers: { "content-type": "application/json", accept: "application/json, text/event-stream", origin: EVIL }
    })
    for (const r of [rpc, mcp]) {
      expect(r.status).toBe(403)
      expect(r.body).not.toContain(SECRET)
      expect(r.headers["access-control-allow-origin"]).toBeUndefined()
    }
  })

  it("the server's own origins and a listed origin pass (controls)", async () => {
    for (const origin of [`http://127.0.0.1:${server.port}`, `http://localhost:${server.port}`]) {
      const r = await request(server.url("/rpc"), { body: rpcLine("Health", {}), headers: { "content-type": "application/ndjson", origin } })
      expect({ origin, status: r.status }).toEqual({ origin, status: 200 })
    }
    const ws = await upgrade(listed.url("/ws").replace("http:", "ws:"), { origin: LISTED })
    expect(ws._tag).toBe("open")
    if (ws._tag === "open") ws.socket.close()
    const evil = await upgrade(listed.url("/ws").replace("http:", "ws:"), { origin: EVIL })
    expect(evil).toMatchObject({ _tag: "refused", status: 403 })
  })
})

describe("Content-Type", () => {
  it("a text/plain (or other no-preflight) POST of Learn to /rpc is 415 and stores nothing", async () => {
    for (const type of simpleTypes) {
      const headers: Record<string, string> = type === "" ? {} : { "content-type": type }
      const r = await request(server.url("/rpc"), { body: rpcLine("Learn", learn(99)), headers })
      expect({ type, status: r.status }).toEqual({ type, status: 415 })
      expect(JSON.parse(r.body)).toMatchObject({ error: "unsupported_media_type", header: "content-type" })
    }
    expect(await total()).toBe(seeded)
  })

  it("a text/plain POST of Forget {olderThanDays: 0} to /rpc is 415 and deletes nothing", async () => {
    for (const type of simpleTypes) {
      const r = await request(server.url("/rpc"), {
        body: rpcLine("Forget", { olderThanDays: 0 }),
        headers: type === "" ? {} : { "content-type": type }
      })
      expect({ type, status: r.status }).toEqual({ type, status: 415 })
    }
    expect(await total()).toBe(seeded)
  })

  it("the same attacks on /mcp (alma_learn, alma_forget) are 415 and change nothing", async () => {
    const call = (name: string, args: Record<string, unknown>) =>
      JSON.stringify({ jsonrpc: "2.0", id: 1, method: "tools/call", params: { name, arguments: args } })
    const attempts = [
      call("alma_learn", { agent: "helena", task: "planted", outcome: "success", strategy_used: "planted" }),
      call("alma_forget", { older_than_days: 0 })
    ]
    for (const body of attempts) {
      for (const type of simpleTypes) {
        const r = await request(server.url("/mcp"), {
          body,
          headers: { ...(type === "" ? {} : { "content-type": type }), accept: "application/json, text/event-stream" }
        })
        expect({ type, status: r.status }).toEqual({ type, status: 415 })
      }
    }
    expect(await total()).toBe(seeded)
  })
})

describe("Host", () => {
  it("a spoofed Host (DNS rebinding) gets 421 and no memory content, on every route", async () => {
    for (const host of ["evil.example", `evil.example:${server.port}`, `127.0.0.1:${server.port + 1}`, `localhost.evil.example:${server.port}`]) {
      const health = await request(server.url("/health"), { method: "GET", headers: { host } })
      const exported = await request(server.url("/rpc"), { body: rpcLine("Export", {}), headers: { host, "content-type": "application/ndjson" } })
      const ws = await upgrade(server.url("/ws").replace("http:", "ws:"), { host })
      if (ws._tag === "open") ws.socket.close()
      expect({ host, statuses: [health.status, exported.status, ws._tag === "refused" ? ws.status : "open"] })
        .toEqual({ host, statuses: [421, 421, 421] })
      expect(exported.body).not.toContain(SECRET)
      expect(JSON.parse(health.body)).toMatchObject({ error: "misdirected_request", header: "host" })
    }
  })

  it("loopback names with the port and server.allowed_hosts entries pass (controls)", async () => {
    for (const host of [`localhost:${server.port}`, `127.0.0.1:${server.port}`, `[::1]:${server.port}`, `LOCALHOST:${server.port}`]) {
      const r = await request(server.url("/health"), { method: "GET", headers: { host } })
      expect({ host, status: r.status }).toEqual({ host, status: 200 })
    }
    for (const [host, status] of [["alma.test", 200], ["alma.test:443", 200], ["other.test:9", 200], ["other.test:10", 421]] as const) {
      const r = await request(listed.url("/health"), { method: "GET", headers: { host } })
      expect({ host, status: r.status }).toEqual({ host, status })
    }
  })
})

describe("the clients still work", () => {
  it("typed RPC client over HTTP and WebSocket, MCP SDK client; a real Forget deletes (control for the 415s)", async () => {
    for (const transport of ["http", "ws"] as const) {
      const url = transport === "http" ? server.url("/rpc") : server.url("/ws").replace("http:", "ws:")
      const exit = await withRpcClient(transport, url, undefined, (client) => client.Stats({}))
      expect(exit).toMatchObject({ _tag: "Success", value: { total: seeded } })
    }
    const mcp = await mcpClient(server.url("/mcp"))
    const tools = await mcp.listTools()
    expect(tools.tools.map((t) => t.name)).toContain("alma_forget")
    await mcp.close()
    const forgot = ndjson((await request(server.url("/rpc"), {
      body: rpcLine("Forget", { olderThanDays: 0 }),
      headers: { "content-type": "application/ndjson" }
    })).body)
    expect(exitOf(forgot)?._tag).toBe("Success")
    expect(await total()).toBeLessThan(seeded)
  })
})
