/**
 * `alma serve` authentication end to end: a real server process with two tokens (from the
 * environment, through `${VAR}` in the config) bound to projects `team-a` and `team:b` (a name with
 * `:` on purpose: it must be routable). Requests without a valid token get 401 on every surface,
 * with no memory content in the answer or the access log; a token only ever reaches its own
 * project; the internal mount paths answer 404 however they are spelled.
 */
import { Cause, Chunk, Effect, Exit, Layer, Stream } from "effect"
import { randomBytes } from "node:crypto"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { MemoryId } from "../../src/domain/Ids.js"
import * as AlmaClient from "../../src/rpc/AlmaClient.js"
import { mountPath } from "../../src/server/middleware.js"
import {
  bearer,
  exitOf,
  mcpClient,
  mcpPost,
  request,
  rpcLine,
  rpcPost,
  upgrade,
  withRpcClient
} from "../fixtures/serverClients.js"
import {
  removeTempDirs,
  runAlma,
  serverConfigYaml,
  type ServeProcess,
  startServe,
  tempDir,
  writeConfig
} from "../fixtures/serverProcess.js"

const TOKEN_A = randomBytes(16).toString("hex")
const TOKEN_B = randomBytes(16).toString("hex")
const FACT = `zebra-quokka-${randomBytes(6).toString("hex")} opens the vault at midnight`
/** A query similar to FACT, without its secret part. */
const QUERY = "who opens the vault at midnight"
const A = "team-a"
const B = "team:b"

let server: ServeProcess
let memoryId: string

beforeAll(async () => {
  server = await startServe({
    yaml: serverConfigYaml({ tokens: [{ env: "ALMA_TEST_TOKEN_A", project: A }, { env: "ALMA_TEST_TOKEN_B", project: B }] }),
    env: { ALMA_TEST_TOKEN_A: TOKEN_A, ALMA_TEST_TOKEN_B: TOKEN_B }
  })
  const write = await rpcPost(server.url("/rpc"), rpcLine("AddKnowledge", { agent: "helena", domain: "vault", fact: FACT }), TOKEN_A)
  const exit = exitOf(write.messages)
  expect(exit?._tag).toBe("Success")
  memoryId = exit.value.id
})

afterAll(async () => {
  await server?.stop()
  removeTempDirs()
})

/** Every way of failing to present a valid token. */
const badAuthorizations = (): ReadonlyArray<[string, Record<string, string>]> => [
  ["missing", {}],
  ["wrong token", bearer(randomBytes(16).toString("hex"))],
  ["token of the right length, one character off", bearer(`${TOKEN_A.slice(0, -1)}${TOKEN_A.endsWith("0") ? "1" : "0"}`)],
  ["prefix of a valid token", bearer(TOKEN_A.slice(0, 20))],
  ["valid token with a suffix", bearer(`${TOKEN_A}x`)],
  ["valid token, Basic scheme", { authorization: `Basic ${Buffer.from(`user:${TOKEN_A}`).toString("base64")}` }],
  ["valid token, no scheme", { authorization: TOKEN_A }],
  ["Bearer without token", { authorization: "Bearer " }],
  ["two tokens", { authorization: `Bearer ${TOKEN_A} ${TOKEN_B}` }],
  ["token in a query string", {}]
]

const leaks = (text: string): ReadonlyArray<string> =>
  [FACT, "zebra-quokka", memoryId, TOKEN_A, TOKEN_B].filter((secret) => text.includes(secret))

describe("requests without a valid token", () => {
  it.each(badAuthorizations())("%s: 401 on /rpc and /mcp, upgrade refused on /ws, nothing leaked", async (label, headers) => {
    const query = label === "token in a query string" ? `?token=${TOKEN_A}&access_token=${TOKEN_A}` : ""
    const rpc = await request(server.url(`/rpc${query}`), {
      body: rpcLine("Get", { id: memoryId }),
      headers: { "content-type": "application/ndjson", ...headers }
    })
    const mcp = await request(server.url(`/mcp${query}`), {
      body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "tools/call", params: { name: "alma_retrieve", arguments: { task: QUERY, agent: "helena" } } }),
      headers: { "content-type": "application/json", accept: "application/json, text/event-stream", ...headers }
    })
    const ws = await upgrade(server.url(`/ws${query}`).replace("http:", "ws:"), headers)
    if (ws._tag === "open") ws.socket.close()
    for (const [surface, status, body] of [["rpc", rpc.status, rpc.body], ["mcp", mcp.status, mcp.body]] as const) {
      expect({ surface, status }).toEqual({ surface, status: 401 })
      expect(leaks(body)).toEqual([])
    }
    expect(rpc.headers["www-authenticate"]).toMatch(/^Bearer /)
    expect(ws).toMatchObject({ _tag: "refused", status: 401 })
    expect(ws._tag === "refused" ? leaks(ws.body) : ["opened"]).toEqual([])
  })

  it("the typed RPC client reports a refused token as ConfigurationError (key token), over HTTP and WebSocket", async () => {
    for (const [transport, path] of [["http", "/rpc"], ["ws", "/ws"]] as const) {
      const url = server.url(path).replace(/^http:/, transport === "ws" ? "ws:" : "http:")
      const options = { url, token: "not-a-valid-token-at-all" }
      const layer = transport === "http" ? AlmaClient.layerHttp(options) : AlmaClient.layerWebSocket(options)
      const exit = await Effect.runPromiseExit(Effect.scoped(Layer.build(layer)))
      expect(Exit.isFailure(exit) && Cause.failureOption(exit.cause)).toMatchObject({
        _tag: "Some",
        value: { _tag: "ConfigurationError", key: "token" }
      })
    }
  })

  it("the MCP SDK client cannot connect with a wrong token, and can with a right one", async () => {
    await expect(mcpClient(server.url("/mcp"), "wrong-token-wrong-token")).rejects.toThrow()
    const client = await mcpClient(server.url("/mcp"), TOKEN_A)
    try {
      const result = await client.callTool({ name: "alma_retrieve", arguments: { task: QUERY, agent: "helena" } })
      expect(JSON.stringify(result)).toContain(FACT)
    } finally {
      await client.close()
    }
  })
})

describe("a token reaches only its own project", () => {
  it("token A reads the memory back (control)", async () => {
    const get = await rpcPost(server.url("/rpc"), rpcLine("Get", { id: memoryId }), TOKEN_A)
    expect(exitOf(get.messages)).toMatchObject({ _tag: "Success", value: { id: memoryId, fact: FACT, projectId: A } })
  })

  it("token B gets NotFoundError for A's memory by id, over HTTP and WebSocket (typed client)", async () => {
    for (const [transport, path] of [["http", "/rpc"], ["ws", "/ws"]] as const) {
      const url = server.url(path).replace(/^http:/, transport === "ws" ? "ws:" : "http:")
      const exit = await withRpcClient(transport, url, TOKEN_B, (client) => client.Get({ id: MemoryId.make(memoryId) }))
      expect(Exit.isFailure(exit) && Cause.failureOption(exit.cause)).toMatchObject({
        _tag: "Some",
        value: { _tag: "NotFoundError", id: memoryId }
      })
      const health = await withRpcClient(transport, url, TOKEN_B, (client) => client.Health())
      expect(Exit.isSuccess(health) && health.value.projectId).toBe(B)
    }
  })

  it("token B cannot retrieve, export, count, update or delete it", async () => {
    const lines = [
      rpcLine("Retrieve", { task: QUERY, agent: "helena", topK: 100 }, "1"),
      rpcLine("Export", {}, "2"),
      rpcLine("Stats", {}, "3"),
      rpcLine("Update", { id: memoryId, patch: { fact: "overwritten by B" } }, "4"),
      rpcLine("Delete", { id: memoryId }, "5")
    ].join("")
    const b = await rpcPost(server.url("/rpc"), lines, TOKEN_B)
    expect(b.status).toBe(200)
    expect(leaks(b.body).filter((s) => s !== memoryId)).toEqual([])
    expect(exitOf(b.messages, "1")?._tag).toBe("Success")
    expect(b.messages.filter((m) => m._tag === "Chunk" && m.requestId === "2").flatMap((m) => m.values)).toEqual([])
    expect(exitOf(b.messages, "3")).toMatchObject({ _tag: "Success", value: { projectId: B, total: 0 } })
    for (const id of ["4", "5"]) {
      expect(exitOf(b.messages, id)).toMatchObject({ _tag: "Failure", cause: { error: { _tag: "NotFoundError" } } })
    }
    // ...and A's view is unchanged: the same export and stats show the memory (control).
    const a = await rpcPost(
      server.url("/rpc"),
      [rpcLine("Export", {}, "2"), rpcLine("Stats", {}, "3"), rpcLine("Retrieve", { task: QUERY, agent: "helena", topK: 100 }, "1")].join(""),
      TOKEN_A
    )
    expect(JSON.stringify(exitOf(a.messages, "1"))).toContain(FACT)
    expect(a.messages.filter((m) => m._tag === "Chunk" && m.requestId === "2").flatMap((m) => m.values)).toHaveLength(1)
    expect(exitOf(a.messages, "3")).toMatchObject({ _tag: "Success", value: { projectId: A, total: 1 } })
  })

  it("token B over MCP: alma_retrieve and alma_stats do not see it", async () => {
    const client = await mcpClient(server.url("/mcp"), TOKEN_B)
    try {
      const retrieved = await client.callTool({ name: "alma_retrieve", arguments: { task: QUERY, agent: "helena", top_k: 100 } })
      expect(retrieved.isError).toBe(false)
      expect(leaks(JSON.stringify(retrieved))).toEqual([])
      const stats = await client.callTool({ name: "alma_stats", arguments: {} })
      expect(stats.structuredContent).toMatchObject({ stats: { project_id: B, total_count: 0 } })
    } finally {
      await client.close()
    }
  })

  it("the raw client of A streams the memory in Export (typed, control for the stream path)", async () => {
    const exit = await withRpcClient("http", server.url("/rpc"), TOKEN_A, (client) =>
      client.Export({}).pipe(Stream.runCollect, Effect.map(Chunk.toReadonlyArray)))
    expect(Exit.isSuccess(exit) && exit.value.map((m) => m.id)).toEqual([memoryId])
  })
})

describe("internal mount paths", () => {
  const spellings = () => {
    const a = mountPath(A, "/rpc")
    return [a, `/${a}`, a.replace("/_p/", "/%5Fp/"), a.replace("/_p/", "/%5fp/"), a.replace("/_p/", "/_P/"), `${a}?x=1`, mountPath(B, "/mcp")]
  }

  it("answer 404 from outside, with or without a token, with no content", async () => {
    for (const path of spellings()) {
      for (const token of [undefined, TOKEN_A, TOKEN_B]) {
        const rpc = await request(server.url(path), { body: rpcLine("Get", { id: memoryId }), headers: bearer(token) })
        expect({ path, token: token !== undefined, status: rpc.status }).toEqual({ path, token: token !== undefined, status: 404 })
        expect(leaks(rpc.body)).toEqual([])
      }
    }
    const ws = await upgrade(server.url(mountPath(A, "/ws")).replace("http:", "ws:"))
    expect(ws).toMatchObject({ _tag: "refused", status: 404 })
  })

  it("other paths are 404 and /health needs no token", async () => {
    for (const path of ["/", "/rpc/", "/RPC", "//rpc", "/mcp/x", "/_p/"]) {
      const response = await request(server.url(path), { body: rpcLine("Health", {}), headers: bearer(TOKEN_A) })
      expect({ path, status: response.status }).toEqual({ path, status: 404 })
    }
    const health = await request(server.url("/health"), { method: "GET" })
    expect(health.status).toBe(200)
    expect(JSON.parse(health.body)).toEqual({ status: "ok", projects: 2 })
  })

  it("MCP: a valid request through a rewritten path works for each token's own project", async () => {
    for (const [token, project] of [[TOKEN_A, A], [TOKEN_B, B]] as const) {
      const response = await mcpPost(
        server.url("/mcp"),
        JSON.stringify({ jsonrpc: "2.0", id: 7, method: "resources/read", params: { uri: "alma://config" } }),
        token
      )
      expect(response.status).toBe(200)
      expect(response.body).toContain(JSON.stringify(project).slice(1, -1))
    }
  })
})

describe("the access log", () => {
  it("records the refused requests (401, 404) but never memory content or a token", async () => {
    // Give the log lines of the requests above time to be flushed.
    await request(server.url("/health"), { method: "GET" })
    const output = server.stderr() + server.stdout()
    expect(output).toMatch(/status=401/)
    expect(output).toMatch(/status=404/)
    expect(leaks(output)).toEqual([])
  })

  it("writes the project of every authenticated request (config/default.yaml: access_log)", async () => {
    await request(server.url("/health"), { method: "GET" })
    const lines = (server.stderr() + server.stdout()).split("\n").filter((l) => l.includes("message=request"))
    const authenticated = lines.filter((l) => /path=\/(rpc|mcp|ws) /.test(l) && !/status=(401|404)/.test(l))
    expect(authenticated.length).toBeGreaterThan(5)
    for (const line of authenticated) expect(line).toMatch(/ project=(team-a|"team:b"|team:b) /)
    expect(lines.some((l) => l.includes("project=team-a"))).toBe(true)
    expect(lines.some((l) => l.includes("team:b"))).toBe(true)
    // Refused requests have no project: they never got one.
    for (const line of lines.filter((l) => l.includes("status=401"))) expect(line).not.toMatch(/project=/)
  })
})

describe("without tokens", () => {
  it("on loopback, requests act on project_id without any Authorization", async () => {
    const open = await startServe({ yaml: serverConfigYaml({ projectId: "solo" }) })
    try {
      const response = await rpcPost(open.url("/rpc"), rpcLine("Health", {}))
      expect(exitOf(response.messages)).toMatchObject({ _tag: "Success", value: { projectId: "solo" } })
      const mcp = await mcpClient(open.url("/mcp"))
      await mcp.close()
    } finally {
      expect(await open.stop()).toEqual({ code: 0, signal: null })
    }
  })

  it("--host 0.0.0.0 refuses to start: ConfigurationError naming server.tokens, nonzero exit, nothing bound", async () => {
    const { dir, file } = writeConfig(serverConfigYaml({ projectId: "exposed" }))
    const result = await runAlma(["serve", "--config", file, "--host", "0.0.0.0"], { cwd: dir })
    expect(result.code).not.toBe(0)
    expect(result.code).not.toBeNull()
    expect(result.stderr).toMatch(/Configuration error at "server\.tokens"/)
    expect(result.stderr + result.stdout).not.toMatch(/Listening on/)
  })

  it("server.host: 0.0.0.0 in the file is refused the same way", async () => {
    const dir = tempDir()
    const { file } = writeConfig(serverConfigYaml({ host: "0.0.0.0" }))
    const result = await runAlma(["serve", "--config", file], { cwd: dir })
    expect(result.code).not.toBe(0)
    expect(result.stderr).toMatch(/Configuration error at "server\.tokens"/)
  })
})
