/**
 * Protocol edge cases of the built `alma serve` / `alma mcp`, each one a bug the server fuzz tests
 * found (ids K1–K9, see test/fixtures/serverKnownBugs.ts). Fixed ones are plain regression tests.
 * One still open is marked `it.fails` and states the correct behaviour: when its fix lands, the test
 * starts failing; then drop `.fails` and delete the bug's entry in serverKnownBugs.ts, so that the
 * fuzz tests stop excusing it.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import * as WS from "ws"
import { mcpPost, ndjson, request, rpcLine } from "../fixtures/serverClients.js"
import { initializeParams, jsonRpcPeer } from "../fixtures/serverJsonRpcPeer.js"
import {
  removeTempDirs,
  serverConfigYaml,
  type ServeProcess,
  spawnAlma,
  startServe,
  writeConfig
} from "../fixtures/serverProcess.js"

let server: ServeProcess

beforeAll(async () => {
  server = await startServe({ yaml: serverConfigYaml({ accessLog: false }) })
})

afterAll(async () => {
  await server?.stop()
  removeTempDirs()
})

const deep = (n: number) => "[".repeat(n) + "]".repeat(n)

/**
 * Sends `messages` on one RPC WebSocket, then a Ping; resolves once the Pong and `exits` Exit
 * messages have come back (or after 5 s), with what came back and whether the server closed it.
 */
const overWebSocket = (messages: ReadonlyArray<string>, exits = 0) =>
  new Promise<{ readonly closed: boolean; readonly received: Array<any> }>((resolve, reject) => {
    const socket = new WS.WebSocket(server.url("/ws").replace("http:", "ws:"))
    const received: Array<any> = []
    const done = (closed: boolean) => {
      clearTimeout(timer)
      socket.removeAllListeners("close")
      socket.close()
      resolve({ closed, received })
    }
    const timer = setTimeout(() => done(false), 5_000)
    socket.on("message", (data) => {
      received.push(JSON.parse(data.toString()))
      const pong = received.some((m) => m._tag === "Pong")
      if (pong && received.filter((m) => m._tag === "Exit").length >= exits) done(false)
    })
    socket.on("close", () => done(true))
    socket.on("error", reject)
    socket.on("open", () => {
      for (const m of messages) socket.send(m)
      socket.send(JSON.stringify({ _tag: "Ping" }))
    })
  })

/** Runs `alma mcp`, writes `lines` in one write, and collects the responses for `waitMs`. */
const overStdio = async (lines: ReadonlyArray<string>, waitMs = 3_000) => {
  const { dir, file } = writeConfig(serverConfigYaml({ projectId: "known-bugs" }))
  const proc = spawnAlma(["mcp", "--config", file], { cwd: dir })
  try {
    const peer = jsonRpcPeer(proc)
    await peer.request({ id: 0, method: "initialize", params: initializeParams })
    proc.child.stdin.write(lines.map((l) => `${l}\n`).join(""))
    await new Promise((resolve) => setTimeout(resolve, waitMs))
    return peer.responses().filter((r) => r.id !== 0)
  } finally {
    await proc.stop()
  }
}

const mcp = async (body: string) => {
  const response = await mcpPost(server.url("/mcp"), body)
  return { status: response.status, body: response.body === "" ? undefined : JSON.parse(response.body) }
}

describe("RPC (src/rpc)", () => {
  it("control: a well-formed request over WebSocket is answered and the connection stays open", async () => {
    const { closed, received } = await overWebSocket([JSON.stringify({ _tag: "Request", id: "1", tag: "Health", payload: {}, headers: [] })], 1)
    expect(closed).toBe(false)
    expect(received).toContainEqual(expect.objectContaining({ _tag: "Exit", requestId: "1", exit: expect.objectContaining({ _tag: "Success" }) }))
  })

  it("K1: a deeply nested envelope value does not close the WebSocket connection", async () => {
    const { closed } = await overWebSocket([`{"_tag":${deep(5_000)}}`])
    expect(closed).toBe(false)
  })

  it("K7: a Request with a non-integer id is refused alone; the connection and its other requests go on", async () => {
    const { closed, received } = await overWebSocket([
      JSON.stringify({ _tag: "Request", id: "abc", tag: "Health", payload: {}, headers: [] }),
      JSON.stringify({ _tag: "Ack", requestId: "helena" }),
      JSON.stringify({ _tag: "Request", id: "2", tag: "Health", payload: {}, headers: [] })
    ], 2)
    expect(closed).toBe(false)
    expect(received).toContainEqual(expect.objectContaining({ _tag: "Exit", requestId: "2", exit: expect.objectContaining({ _tag: "Success" }) }))
    expect(received).toContainEqual(expect.objectContaining({
      _tag: "Exit",
      requestId: "abc",
      exit: expect.objectContaining({ cause: expect.objectContaining({ error: expect.objectContaining({ _tag: "ValidationError", field: "id" }) }) })
    }))
  })

  it("K8: an ndjson body whose last line has no newline is still answered", async () => {
    const response = await request(server.url("/rpc"), { body: rpcLine("Health", {}).trimEnd(), headers: { "content-type": "application/ndjson" } })
    expect(ndjson(response.body).map((m) => m._tag)).toEqual(["Exit"])
  })

  it("K8: a malformed line does not lose the valid requests of the same body", async () => {
    const response = await request(server.url("/rpc"), { body: `${rpcLine("Health", {}, "1")}{bad\n`, headers: { "content-type": "application/ndjson" } })
    expect(ndjson(response.body).some((m) => m._tag === "Exit" && m.requestId === "1")).toBe(true)
  })
})

describe("MCP over Streamable HTTP (src/mcp)", () => {
  it("control: ping with an integer id", async () => {
    expect(await mcp(JSON.stringify({ jsonrpc: "2.0", id: 1, method: "ping" }))).toEqual({
      status: 200,
      body: { jsonrpc: "2.0", id: 1, result: {} }
    })
  })

  it("K1: deeply nested tool arguments are an error response, not a 500", async () => {
    const response = await mcp(`{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"alma_stats","arguments":${deep(5_000)}}}`)
    expect(response.status).toBe(200)
    expect(response.body?.id).toBe(2)
  })

  it("K2: JSON that is not a JSON-RPC message gets -32600 Invalid Request, not a 500", async () => {
    const response = await mcp("{}")
    expect(response.status).toBeLessThan(500)
    expect(response.body?.error?.code).toBe(-32600)
  })

  it("K3: a batch holding a notification still answers its requests", async () => {
    const response = await mcp(JSON.stringify([
      { jsonrpc: "2.0", method: "notifications/initialized" },
      { jsonrpc: "2.0", id: 3, method: "ping" }
    ]))
    expect(response.body).toEqual([{ jsonrpc: "2.0", id: 3, result: {} }])
  })

  it("K4: a string id is answered with the same id", async () => {
    const response = await mcp(JSON.stringify({ jsonrpc: "2.0", id: "abc", method: "ping" }))
    expect(response.body).toEqual({ jsonrpc: "2.0", id: "abc", result: {} })
  })

  it("K4: notifications/cancelled with a string requestId gets no response", async () => {
    const response = await mcp(JSON.stringify({ jsonrpc: "2.0", method: "notifications/cancelled", params: { requestId: "abc" } }))
    expect(response.body).toBeUndefined()
  })

  it("K5: an unknown method gets -32601 Method not found, with the request's id", async () => {
    const response = await mcp(JSON.stringify({ jsonrpc: "2.0", id: 5, method: "no/such/method" }))
    expect(response.body).toMatchObject({ id: 5, error: { code: -32601 } })
  })

  it("K6: text that is not JSON gets -32700 Parse error with id null", async () => {
    const response = await mcp("{not json")
    expect(response.body).toMatchObject({ id: null, error: { code: -32700 } })
  })

  it("K9: invalid params get -32602 Invalid params (not code 0 with a defect)", async () => {
    const response = await mcp(JSON.stringify({ jsonrpc: "2.0", id: 9, method: "resources/read", params: { uri: true } }))
    expect(response.body).toMatchObject({ id: 9, error: { code: -32602 } })
  })
})

describe("MCP over stdio (src/mcp)", () => {
  it("K1: a deeply nested line is an error response; alma mcp keeps running", async () => {
    const deepLine = `{"jsonrpc":"2.0","id":3,"method":"tools/call","params":{"name":"alma_stats","arguments":${deep(20_000)}}}`
    const responses = await overStdio([deepLine])
    expect(responses).toContainEqual(expect.objectContaining({ id: 3 }))
  })

  it("control: two pings in one write are both answered", async () => {
    const responses = await overStdio([
      JSON.stringify({ jsonrpc: "2.0", id: 1, method: "ping" }),
      JSON.stringify({ jsonrpc: "2.0", id: 2, method: "ping" })
    ], 1_000)
    expect(responses.map((r) => r.id).sort()).toEqual([1, 2])
  })

  it("K4: a string id is answered, and the next line of the same write too", async () => {
    const responses = await overStdio([
      JSON.stringify({ jsonrpc: "2.0", id: "abc", method: "ping" }),
      JSON.stringify({ jsonrpc: "2.0", id: 2, method: "ping" })
    ])
    expect(responses.map((r) => r.id)).toEqual(expect.arrayContaining(["abc", 2]))
  })

  it("K6: a line that is not JSON gets -32700 Parse error", async () => {
    const responses = await overStdio(["{not json", JSON.stringify({ jsonrpc: "2.0", id: 2, method: "ping" })])
    expect(responses).toContainEqual(expect.objectContaining({ id: null, error: expect.objectContaining({ code: -32700 }) }))
  })
})
