/**
 * JSON-RPC 2.0 conformance of the MCP server over Streamable HTTP, with raw POSTs: ids of any
 * string or number come back unchanged, malformed input gets -32700 / -32600 (HTTP 400, as the
 * official SDK server), unknown methods -32601, batches are answered whole, notifications get 202.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import type { RunningServer } from "../fixtures/mcpHttp.js"
import { startHttp } from "../fixtures/mcpHttp.js"
import { inMemoryEngine, testInfo } from "../fixtures/mcpStack.js"

let server: RunningServer
beforeAll(async () => {
  server = await startHttp([{ path: "/mcp", info: testInfo("alpha"), engine: inMemoryEngine("alpha") }])
})
afterAll(async () => {
  await server?.dispose()
})

const post = async (body: string) => {
  const response = await fetch(server.url("/mcp"), {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json, text/event-stream" },
    body
  })
  const text = await response.text()
  return { status: response.status, text, json: text === "" ? undefined : JSON.parse(text) }
}
const send = (message: unknown) => post(JSON.stringify(message))
const request = (id: unknown, method: string, params?: unknown) =>
  ({ jsonrpc: "2.0", id, method, ...(params === undefined ? {} : { params }) })
const initialize = (id: unknown) =>
  request(id, "initialize", { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "raw", version: "1" } })

describe("MCP over HTTP: request ids (K4)", () => {
  it("string, numeric-string, fractional and integer ids come back unchanged", async () => {
    for (const id of ["abc", "7", "", 1.5, 3, -2, 0]) {
      const { status, json } = await send(initialize(id))
      expect(status, String(id)).toBe(200)
      expect(json.id, String(id)).toStrictEqual(id)
      expect(json.result.serverInfo.name).toBe("alma-memory")
    }
    const call = await send(request("call-1", "tools/call", { name: "alma_health", arguments: {} }))
    expect(call.json).toMatchObject({ jsonrpc: "2.0", id: "call-1", result: { structuredContent: { status: "healthy" } } })
  })

  it("a cancellation naming a string id (not in flight) is accepted and changes nothing", async () => {
    const cancel = await send({ jsonrpc: "2.0", method: "notifications/cancelled", params: { requestId: "gone", reason: "x" } })
    expect(cancel.status).toBe(202)
    expect(cancel.text).toBe("")
    expect((await send(request("after", "ping"))).json).toStrictEqual({ jsonrpc: "2.0", id: "after", result: {} })
  })

  it("an id that is null, a boolean or an object is an Invalid Request", async () => {
    for (const id of [null, true, { a: 1 }]) {
      const { status, json } = await send(request(id, "ping"))
      expect(status).toBe(400)
      expect(json).toMatchObject({ jsonrpc: "2.0", id: null, error: { code: -32600 } })
    }
  })
})

describe("MCP over HTTP: malformed input (K2, K6)", () => {
  it("text that is not JSON is a Parse error, status 400", async () => {
    for (const body of ["{not json", "", "[1,"]) {
      const { status, json } = await post(body)
      expect(status, body).toBe(400)
      expect(json, body).toMatchObject({ jsonrpc: "2.0", id: null, error: { code: -32700 } })
    }
  })

  it("JSON that is not a request or notification is an Invalid Request, status 400, naming the problem", async () => {
    const cases: ReadonlyArray<[unknown, unknown, RegExp]> = [
      [{}, null, /jsonrpc/],
      [0, null, /object/],
      [null, null, /object/],
      [{ jsonrpc: "2.0" }, null, /method/],
      [{ jsonrpc: "1.0", id: 4, method: "ping" }, 4, /jsonrpc/],
      [{ jsonrpc: "2.0", id: "m", method: 12 }, "m", /method/],
      [{ jsonrpc: "2.0", id: 5, method: "ping", params: "x" }, 5, /params/],
      [[], null, /empty batch/],
      [Array.from({ length: 101 }, (_, i) => request(i, "ping")), null, /more than 100/]
    ]
    for (const [message, id, reason] of cases) {
      const { status, json } = await send(message)
      const label = JSON.stringify(message).slice(0, 60)
      expect(status, label).toBe(400)
      expect(json, label).toMatchObject({ jsonrpc: "2.0", id, error: { code: -32600 } })
      expect(json.error.message, label).toMatch(reason)
    }
  })

  it("a batch answers each invalid element with -32600 and still answers its requests", async () => {
    const { status, json } = await send([5, request("ok", "ping")])
    expect(status).toBe(200)
    expect(json).toHaveLength(2)
    expect(json).toContainEqual({ jsonrpc: "2.0", id: "ok", result: {} })
    expect(json).toContainEqual(expect.objectContaining({ id: null, error: expect.objectContaining({ code: -32600 }) }))
  })
})

describe("MCP over HTTP: methods and params (K5)", () => {
  it("an unknown method is Method not found, with the request's id", async () => {
    for (const method of ["nope", "notifications/initialized", "@effect/rpc/Ping"]) {
      const { status, json } = await send(request(`u-${method}`, method))
      expect(status, method).toBe(200)
      expect(json, method).toMatchObject({ jsonrpc: "2.0", id: `u-${method}`, error: { code: -32601 } })
      expect(json.error.message).toContain(method)
    }
  })

  it("params of the wrong shape are Invalid params, with the request's id", async () => {
    const array = await send(request(10, "tools/call", [1]))
    expect(array.json).toMatchObject({ id: 10, error: { code: -32602 } })
    const wrong = await send(request("w", "tools/call", { name: 5 }))
    expect(wrong.status).toBe(200)
    expect(wrong.json).toMatchObject({ id: "w", error: { code: -32602 } })
    expect(wrong.json.error.message).toContain("name")
  })

  it("an unknown notification is ignored with 202, as are responses to nothing", async () => {
    for (const message of [
      { jsonrpc: "2.0", method: "notifications/nope" },
      { jsonrpc: "2.0", method: "notifications/initialized" },
      { jsonrpc: "2.0", id: "x", result: {} },
      { jsonrpc: "2.0", id: 99, error: { code: 1, message: "m" } }
    ]) {
      const { status, text } = await send(message)
      expect(status, JSON.stringify(message)).toBe(202)
      expect(text).toBe("")
    }
  })
})

describe("MCP over HTTP: a request the server fails to take", () => {
  it("arguments nested 20,000 deep are answered with the request's id, not a 5xx", async () => {
    const deep = `${"[".repeat(20_000)}${"]".repeat(20_000)}`
    const { status, json } = await post(
      `{"jsonrpc":"2.0","id":"deep","method":"tools/call","params":{"name":"alma_forget","arguments":{"agent":${deep}}}}`
    )
    expect(status).toBe(200)
    expect(json.id).toBe("deep")
    expect("result" in json || "error" in json).toBe(true)
    expect((await send(request("next", "ping"))).json).toStrictEqual({ jsonrpc: "2.0", id: "next", result: {} })
  })
})

describe("MCP over HTTP: batches (K3)", () => {
  it("a batch with a notification answers each of its requests, in one array", async () => {
    const { status, json } = await send([
      request("b1", "ping"),
      { jsonrpc: "2.0", method: "notifications/initialized" },
      request(2, "tools/list"),
      request("b3", "nope")
    ])
    expect(status).toBe(200)
    expect(json).toHaveLength(3)
    const byId = new Map(json.map((r: { id: unknown }) => [r.id, r]))
    expect(byId.get("b1")).toStrictEqual({ jsonrpc: "2.0", id: "b1", result: {} })
    expect((byId.get(2) as { result: { tools: Array<unknown> } }).result.tools.length).toBeGreaterThan(0)
    expect(byId.get("b3")).toMatchObject({ error: { code: -32601 } })
  })

  it("a batch of notifications only is accepted with 202", async () => {
    const { status, text } = await send([{ jsonrpc: "2.0", method: "notifications/initialized" }])
    expect(status).toBe(202)
    expect(text).toBe("")
  })
})
