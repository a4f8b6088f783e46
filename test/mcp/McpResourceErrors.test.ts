/**
 * Issue 15 item 5, over Streamable HTTP (in process): `resources/read` of a URI no resource has is
 * the MCP error -32002 "Resource not found" with the uri in `data` (the official SDK client sees an
 * `McpError`), not an empty result; a request whose numeric id JSON cannot carry back (`1e400`,
 * which parses to Infinity and would be written as `null`) is -32600 Invalid Request with id `null`
 * (HTTP 400) rather than a response bearing a different id.
 */
import { Client } from "@modelcontextprotocol/sdk/client/index.js"
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js"
import { McpError } from "@modelcontextprotocol/sdk/types.js"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { connect, readJson } from "../fixtures/mcpClient.js"
import type { RunningServer } from "../fixtures/mcpHttp.js"
import { startHttp } from "../fixtures/mcpHttp.js"
import { inMemoryEngine, testInfo } from "../fixtures/mcpStack.js"

let server: RunningServer
let client: Client
beforeAll(async () => {
  server = await startHttp([{ path: "/mcp", info: testInfo("alpha"), engine: inMemoryEngine("alpha") }])
  client = (await connect(new StreamableHTTPClientTransport(server.url("/mcp")))).client
})
afterAll(async () => {
  await client?.close()
  await server?.dispose()
})

const post = async (body: string) => {
  const response = await fetch(server.url("/mcp"), {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json, text/event-stream" },
    body
  })
  const text = await response.text()
  return { status: response.status, json: text === "" ? undefined : JSON.parse(text) }
}

describe("MCP resources/read of an unknown URI", () => {
  it("is -32002 Resource not found with the uri, through the official SDK client", async () => {
    for (const uri of ["alma://nope", "alma://config/extra", "file:///etc/passwd"]) {
      const error = await client.readResource({ uri }).then(() => undefined, (e: unknown) => e)
      expect(error, uri).toBeInstanceOf(McpError)
      expect((error as McpError).code).toBe(-32002)
      expect((error as McpError).data).toStrictEqual({ uri })
      expect((error as McpError).message).toContain(uri)
    }
    // The known resources still read.
    expect((await readJson(client, "alma://config")).json.project_id).toBe("alpha")
    expect((await readJson(client, "alma://agents")).json.agent_count).toBe(2)
  })

  it("in a batch, only the unknown one is an error", async () => {
    const { json, status } = await post(JSON.stringify([
      { jsonrpc: "2.0", id: "a", method: "resources/read", params: { uri: "alma://missing" } },
      { jsonrpc: "2.0", id: "b", method: "resources/read", params: { uri: "alma://config" } }
    ]))
    expect(status).toBe(200)
    const byId = new Map((json as Array<any>).map((r) => [r.id, r]))
    expect(byId.get("a")).toStrictEqual({
      jsonrpc: "2.0",
      id: "a",
      error: { code: -32002, message: "Resource not found: alma://missing", data: { uri: "alma://missing" } }
    })
    expect(byId.get("b").result.contents[0].uri).toBe("alma://config")
  })
})

describe("MCP request ids JSON cannot carry back", () => {
  it("1e400 and -1e400 are Invalid Request (id null, HTTP 400); large finite ids still echo", async () => {
    for (const id of ["1e400", "-1e400"]) {
      const { json, status } = await post(`{"jsonrpc":"2.0","id":${id},"method":"ping"}`)
      expect(status, id).toBe(400)
      expect(json, id).toMatchObject({ jsonrpc: "2.0", id: null, error: { code: -32600 } })
      expect(json.error.message, id).toContain("64-bit float")
    }
    const big = await post(`{"jsonrpc":"2.0","id":1e300,"method":"ping"}`)
    expect(big.json).toStrictEqual({ jsonrpc: "2.0", id: 1e300, result: {} })
  })

  it("in a batch, the others are still answered", async () => {
    const { json, status } = await post(
      `[{"jsonrpc":"2.0","id":1e400,"method":"ping"},{"jsonrpc":"2.0","id":7,"method":"ping"}]`
    )
    expect(status).toBe(200)
    expect(json).toContainEqual({ jsonrpc: "2.0", id: 7, result: {} })
    expect(json).toContainEqual(expect.objectContaining({ id: null, error: expect.objectContaining({ code: -32600 }) }))
  })
})
