/**
 * `alma serve` request limits and CORS, end to end against real server processes: bodies over
 * `server.max_body_bytes` are refused (413 when the length is declared; refused, without harm to
 * the server, when the body is chunked); CORS is off unless `server.cors_origins` lists the origin
 * (and a request from an unlisted origin is refused).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { exitOf, ndjson, request, rpcLine } from "../fixtures/serverClients.js"
import { removeTempDirs, serverConfigYaml, type ServeProcess, startServe } from "../fixtures/serverProcess.js"

const LIMIT = 2048
const ALLOWED = "https://app.example.test"
const OTHER = "https://evil.example.test"

let limited: ServeProcess
let withCors: ServeProcess

beforeAll(async () => {
  ;[limited, withCors] = await Promise.all([
    startServe({ yaml: serverConfigYaml({ maxBodyBytes: LIMIT }) }),
    startServe({ yaml: serverConfigYaml({ corsOrigins: [ALLOWED] }) })
  ])
})

afterAll(async () => {
  await Promise.all([limited?.stop(), withCors?.stop()])
  removeTempDirs()
})

/** An AddKnowledge request line of exactly `bytes` bytes (newline included). */
const knowledgeLine = (bytes: number, id = "1"): string => {
  const base = rpcLine("AddKnowledge", { agent: "helena", domain: "limits", fact: "" }, id)
  return rpcLine("AddKnowledge", { agent: "helena", domain: "limits", fact: "f".repeat(bytes - base.length) }, id)
}

const NDJSON = { "content-type": "application/ndjson" }

const health = async (server: ServeProcess) => (await request(server.url("/health"), { method: "GET" })).status

/** The status of a request, or the transport error's code (a reset counts as a refusal). */
const outcome = (p: Promise<{ readonly status: number; readonly body: string }>) =>
  p.then((r) => ({ status: r.status, body: r.body }), (e: NodeJS.ErrnoException) => ({ status: 0, body: String(e.code ?? e.message) }))

describe("max_body_bytes", () => {
  it("a body at the limit is accepted (control)", async () => {
    const line = knowledgeLine(LIMIT)
    expect(Buffer.byteLength(line)).toBe(LIMIT)
    const response = await request(limited.url("/rpc"), { body: line, headers: NDJSON })
    expect(response.status).toBe(200)
    expect(exitOf(ndjson(response.body))?._tag).toBe("Success")
  })

  it("a body one byte over, with Content-Length: 413 on /rpc and /mcp, nothing stored", async () => {
    const line = knowledgeLine(LIMIT + 1, "2")
    for (const path of ["/rpc", "/mcp"]) {
      const response = await request(limited.url(path), {
        body: line,
        headers: { "content-type": "application/json", accept: "application/json, text/event-stream" }
      })
      expect({ path, status: response.status }).toEqual({ path, status: 413 })
      expect(JSON.parse(response.body)).toMatchObject({ error: "payload_too_large" })
      expect(response.body).not.toContain("fff")
    }
    // 5 MiB: the server answers 413 from the header and closes; the client may see the answer or a
    // reset of its upload, never an acceptance.
    const big = await outcome(request(limited.url("/rpc"), { body: "x".repeat(5 * 1024 * 1024), headers: NDJSON }))
    expect(big.status === 413 || big.status === 0, JSON.stringify(big)).toBe(true)
    const stats = ndjson((await request(limited.url("/rpc"), { body: rpcLine("Stats", {}), headers: NDJSON })).body)
    expect(exitOf(stats)?.value?.counts?.domain_knowledge).toBe(1)
  })

  it("a chunked body under the limit is accepted (control)", async () => {
    const response = await request(limited.url("/rpc"), { body: knowledgeLine(LIMIT - 100, "3"), chunked: true, headers: NDJSON })
    expect(response.status).toBe(200)
    expect(exitOf(ndjson(response.body), "3")?._tag).toBe("Success")
  })

  it("a chunked body over the limit (no Content-Length) is refused; the server keeps serving", async () => {
    const results = await Promise.all([
      outcome(request(limited.url("/rpc"), { body: knowledgeLine(LIMIT * 4, "4"), chunked: true, headers: NDJSON })),
      outcome(request(limited.url("/rpc"), { body: Buffer.alloc(3 * 1024 * 1024, 0x61), chunked: true, headers: NDJSON })),
      outcome(request(limited.url("/mcp"), {
        body: Buffer.alloc(LIMIT * 10, 0x20),
        chunked: true,
        headers: { "content-type": "application/json", accept: "application/json, text/event-stream" }
      }))
    ])
    for (const r of results) {
      // Refused: 413, or the connection reset by the server to stop the upload. Never accepted.
      expect(r.status === 413 || r.status === 0, JSON.stringify(r)).toBe(true)
      expect(r.body).not.toContain("Success")
    }
    expect(limited.alive()).toBe(true)
    expect(await health(limited)).toBe(200)
    const stats = ndjson((await request(limited.url("/rpc"), { body: rpcLine("Stats", {}), headers: NDJSON })).body)
    expect(exitOf(stats)?.value?.counts?.domain_knowledge).toBe(2)
    // The access log calls them what they are: 413, not a server error.
    expect(limited.stderr()).not.toMatch(/status=5\d\d/)
    expect(limited.stderr().match(/path=\/(rpc|mcp)(?: project=\S+)? status=413/g)?.length).toBeGreaterThanOrEqual(5)
  })
})

const preflight = (server: ServeProcess, path: string, origin: string) =>
  request(server.url(path), {
    method: "OPTIONS",
    headers: {
      origin,
      "access-control-request-method": "POST",
      "access-control-request-headers": "authorization, content-type"
    }
  })

describe("CORS", () => {
  it("is off by default: no Access-Control-Allow-Origin on preflights or responses", async () => {
    for (const path of ["/rpc", "/mcp", "/health"]) {
      const pre = await preflight(limited, path, ALLOWED)
      expect(pre.headers["access-control-allow-origin"]).toBeUndefined()
      expect(pre.headers["access-control-allow-headers"]).toBeUndefined()
    }
    // Without cors_origins a page of another origin is not even answered (Guard.ts).
    const post = await request(limited.url("/rpc"), { body: rpcLine("Health", {}), headers: { ...NDJSON, origin: ALLOWED } })
    expect(post.status).toBe(403)
    expect(post.headers["access-control-allow-origin"]).toBeUndefined()
  })

  it("with cors_origins, a preflight from a listed origin is allowed (with the auth header)", async () => {
    for (const path of ["/rpc", "/mcp"]) {
      const pre = await preflight(withCors, path, ALLOWED)
      expect(pre.status).toBeLessThan(300)
      expect(pre.headers["access-control-allow-origin"]).toBe(ALLOWED)
      expect(String(pre.headers["access-control-allow-headers"]).toLowerCase()).toContain("authorization")
      expect(String(pre.headers["access-control-allow-methods"])).toContain("POST")
    }
    const post = await request(withCors.url("/rpc"), { body: rpcLine("Health", {}), headers: { ...NDJSON, origin: ALLOWED } })
    expect(post.status).toBe(200)
    expect(post.headers["access-control-allow-origin"]).toBe(ALLOWED)
  })

  it("with cors_origins, another origin is not allowed", async () => {
    for (const origin of [OTHER, `${ALLOWED}.evil.test`, "null", ALLOWED.replace("https", "http")]) {
      const pre = await preflight(withCors, "/rpc", origin)
      const allowed = pre.headers["access-control-allow-origin"]
      expect({ origin, allowed }).not.toEqual({ origin, allowed: origin })
      expect(allowed).not.toBe("*")
      const post = await request(withCors.url("/rpc"), { body: rpcLine("Health", {}), headers: { ...NDJSON, origin } })
      expect(post.headers["access-control-allow-origin"] === origin).toBe(false)
    }
  })
})
