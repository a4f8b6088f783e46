/**
 * Issue 15 item 2, end to end against a real `alma serve` with two tokens of one project:
 * WebSocket frames and messages are held to `server.max_body_bytes` (over it: closed with 1009,
 * also when the message comes in fragments that are each under it), four 8 MiB frames at once
 * neither grow the server's memory nor stall `/health`; open WebSocket connections and HTTP
 * requests in flight are bounded per token (`max_ws_connections_per_token`: one more is closed
 * with 1013; `max_in_flight_per_token`: one more gets 429), and another token is not affected.
 */
import { randomBytes } from "node:crypto"
import { readFileSync } from "node:fs"
import * as http from "node:http"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import * as WS from "ws"
import { bearer, ndjson, request, rpcLine, upgrade } from "../fixtures/serverClients.js"
import { removeTempDirs, serverConfigYaml, type ServeProcess, startServe } from "../fixtures/serverProcess.js"

const LIMIT = 64 * 1024
const TOKEN_1 = randomBytes(16).toString("hex")
const TOKEN_2 = randomBytes(16).toString("hex")

let server: ServeProcess
const wsUrl = () => server.url("/ws").replace("http:", "ws:")

beforeAll(async () => {
  server = await startServe({
    yaml: serverConfigYaml({
      tokens: [{ env: "ALMA_TEST_WS_TOKEN_1", project: "a" }, { env: "ALMA_TEST_WS_TOKEN_2", project: "a" }],
      maxBodyBytes: LIMIT,
      maxWsConnectionsPerToken: 3,
      maxInFlightPerToken: 2
    }),
    env: { ALMA_TEST_WS_TOKEN_1: TOKEN_1, ALMA_TEST_WS_TOKEN_2: TOKEN_2 }
  })
})

afterAll(async () => {
  await server?.stop()
  removeTempDirs()
})

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

/** An open WebSocket with `token` (fails the test if the upgrade is refused). */
const open = async (token: string): Promise<WS.WebSocket> => {
  const result = await upgrade(wsUrl(), bearer(token))
  if (result._tag !== "open") throw new Error(`upgrade refused: ${result.status} ${result.body}`)
  return result.socket
}

/** Resolves with the close code and reason, or "open" if the socket is still open after `ms`. */
const closed = (socket: WS.WebSocket, ms = 5_000) =>
  new Promise<{ readonly code: number; readonly reason: string } | "open">((resolve) => {
    if (socket.readyState === WS.WebSocket.CLOSED) return resolve({ code: -1, reason: "already closed" })
    const timer = setTimeout(() => resolve("open"), ms)
    socket.on("close", (code, reason) => {
      clearTimeout(timer)
      resolve({ code, reason: reason.toString("utf8") })
    })
    socket.on("error", () => {})
  })

/** The first message received, parsed. */
const reply = (socket: WS.WebSocket) =>
  new Promise<any>((resolve) => socket.once("message", (data: WS.RawData) => resolve(JSON.parse(data.toString()))))

/** A Stats request padded with JSON whitespace to exactly `bytes` bytes. */
const padded = (bytes: number, id: string) => {
  const line = JSON.stringify({ _tag: "Request", id, tag: "Stats", payload: {}, headers: [] })
  return line.slice(0, -1) + " ".repeat(bytes - line.length) + "}"
}

const rss = (pid: number): number => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1]) * 1024

const timedHealth = async (): Promise<number> => {
  const started = performance.now()
  const r = await request(server.url("/health"), { method: "GET" })
  expect(r.status).toBe(200)
  return performance.now() - started
}

describe("message size", () => {
  it("a message of exactly max_body_bytes is answered (control)", async () => {
    const socket = await open(TOKEN_1)
    const answer = reply(socket)
    socket.send(padded(LIMIT, "1"))
    expect(await answer).toMatchObject({ _tag: "Exit", requestId: "1", exit: { _tag: "Success" } })
    socket.close()
  })

  it("one byte over closes the connection with 1009", async () => {
    const socket = await open(TOKEN_1)
    socket.send(padded(LIMIT + 1, "2"))
    expect(await closed(socket)).toMatchObject({ code: 1009 })
  })

  it("fragments each under the limit but over it together close with 1009", async () => {
    const socket = await open(TOKEN_1)
    const message = Buffer.from(padded(LIMIT + 4096, "3"))
    const part = Math.ceil(message.length / 4)
    for (let i = 0; i < 4; i++) socket.send(message.subarray(i * part, (i + 1) * part), { fin: i === 3, binary: false })
    expect(await closed(socket)).toMatchObject({ code: 1009 })
  })

  it("four 8 MiB frames at once: each closed with 1009, RSS flat, /health fast meanwhile", async () => {
    const before = rss(server.child.pid!)
    const sockets = await Promise.all([TOKEN_1, TOKEN_1, TOKEN_2, TOKEN_2].map(open))
    const frame = Buffer.alloc(8 * 1024 * 1024, 0x20)
    const closes = sockets.map((s) => closed(s, 10_000))
    for (const s of sockets) s.send(frame)
    const latencies = [await timedHealth(), await timedHealth(), await timedHealth()]
    const codes = (await Promise.all(closes)).map((c) => (c === "open" ? "open" : c.code))
    expect(codes).toEqual([1009, 1009, 1009, 1009])
    expect(Math.max(...latencies)).toBeLessThan(500)
    // The server never buffered the frames (32 MiB in all).
    expect(rss(server.child.pid!) - before).toBeLessThan(24 * 1024 * 1024)
  })
})

describe("connections per token", () => {
  it("one more than max_ws_connections_per_token is closed with 1013; another token and a freed slot open", async () => {
    const three = await Promise.all([open(TOKEN_1), open(TOKEN_1), open(TOKEN_1)])
    // The three stay open (they answer).
    for (const [i, s] of three.entries()) {
      const answer = reply(s)
      s.send(padded(200, String(10 + i)))
      expect(await answer).toMatchObject({ _tag: "Exit", exit: { _tag: "Success" } })
    }
    const fourth = await open(TOKEN_1)
    expect(await closed(fourth)).toEqual({ code: 1013, reason: "at most 3 WebSocket connections per token" })
    const other = await open(TOKEN_2)
    expect(await closed(other, 300)).toBe("open")
    other.close()
    three[0]!.close()
    await closed(three[0]!)
    // The slot is released once the server has seen the close.
    let again: WS.WebSocket | undefined
    for (let attempt = 0; attempt < 20 && again === undefined; attempt++) {
      const s = await open(TOKEN_1)
      if ((await closed(s, 200)) === "open") again = s
      else await sleep(100)
    }
    expect(again).toBeDefined()
    for (const s of [again!, three[1]!, three[2]!]) s.close()
  })
})

/** A POST /rpc whose chunked body is left unfinished until `finish` is called: a request in flight. */
const pending = (token: string) => {
  let resolveResponse!: (r: { status: number; body: string }) => void
  const response = new Promise<{ status: number; body: string }>((resolve) => (resolveResponse = resolve))
  const req = http.request(server.url("/rpc"), {
    method: "POST",
    agent: false,
    headers: { "content-type": "application/ndjson", ...bearer(token) }
  }, (res) => {
    let body = ""
    res.setEncoding("utf8").on("data", (d: string) => (body += d)).on("end", () => resolveResponse({ status: res.statusCode ?? 0, body }))
  })
  req.on("error", () => {})
  req.flushHeaders()
  req.write(" ")
  return { response, finish: () => req.end(rpcLine("Health", {})) }
}

describe("requests in flight per token", () => {
  it("one more than max_in_flight_per_token gets 429 with a JSON body; another token and a freed slot pass", async () => {
    const slow = [pending(TOKEN_1), pending(TOKEN_1)]
    await sleep(300)
    const refused = await request(server.url("/rpc"), {
      body: rpcLine("Health", {}),
      headers: { "content-type": "application/ndjson", ...bearer(TOKEN_1) }
    })
    expect(refused.status).toBe(429)
    expect(refused.headers["retry-after"]).toBe("1")
    expect(JSON.parse(refused.body)).toMatchObject({ error: "too_many_requests" })
    const other = await request(server.url("/rpc"), {
      body: rpcLine("Health", {}),
      headers: { "content-type": "application/ndjson", ...bearer(TOKEN_2) }
    })
    expect(other.status).toBe(200)
    // /health is not counted.
    expect((await request(server.url("/health"), { method: "GET" })).status).toBe(200)
    slow[0]!.finish()
    const first = await slow[0]!.response
    expect(first.status).toBe(200)
    expect(ndjson(first.body)[0]).toMatchObject({ _tag: "Exit", exit: { _tag: "Success" } })
    const after = await request(server.url("/rpc"), {
      body: rpcLine("Health", {}),
      headers: { "content-type": "application/ndjson", ...bearer(TOKEN_1) }
    })
    expect(after.status).toBe(200)
    slow[1]!.finish()
    expect((await slow[1]!.response).status).toBe(200)
  })
})

describe("the access log", () => {
  it("calls the closed WebSockets upgrades (101), never server errors", async () => {
    await request(server.url("/health"), { method: "GET" })
    const ws = server.stderr().split("\n").filter((l) => l.includes("message=request") && l.includes("path=/ws"))
    expect(ws.length).toBeGreaterThan(5)
    expect(ws.filter((l) => /status=5\d\d/.test(l))).toEqual([])
    expect(ws.some((l) => l.includes("status=101"))).toBe(true)
  })
})
