/**
 * Server properties of `layerRpc` and client-side behaviour of `AlmaClient`, in process over real
 * sockets: several projects on one router, bearer tokens over HTTP and WebSocket, unreachable servers,
 * and malformed input that must never stop the server.
 */
import { assert, describe, it } from "@effect/vitest"
import { Effect, Layer, Redacted } from "effect"
import { createServer } from "node:net"
import { afterAll, beforeAll } from "vitest"
import * as WS from "ws"
import { ConfigurationError, StorageError } from "../../src/domain/AlmaError.js"
import * as AlmaClient from "../../src/rpc/AlmaClient.js"
import * as Alma from "../../src/services/Alma.js"
import { type RunningServer, SECRET, startServer } from "./rpcServer.js"

let server: RunningServer
beforeAll(async () => {
  server = await startServer({ sqlite: [], memory: ["one", "two"] })
})
afterAll(async () => {
  await server?.close()
})

const clients = {
  http: (project: string, token?: string | Redacted.Redacted) => AlmaClient.layerHttp({ url: server.http(project), token }),
  ws: (project: string, token?: string | Redacted.Redacted) => AlmaClient.layerWebSocket({ url: server.ws(project), token })
}

const withAlma = <A, E>(layer: Layer.Layer<Alma.Alma, ConfigurationError | StorageError>, f: (alma: Alma.Service) => Effect.Effect<A, E>) =>
  Effect.flatMap(Alma.Alma, f).pipe(Effect.provide(layer))

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const address = probe.address()
      const port = typeof address === "object" && address !== null ? address.port : 0
      probe.close(() => resolve(port))
    })
  })

describe.each(["http", "ws"] as const)("AlmaClient over %s", (transport) => {
  it.effect("two layerRpc instances on one router serve their own Alma", () =>
    Effect.gen(function*() {
      const domain = `d-${transport}`
      const one = yield* withAlma(clients[transport]("one"), (alma) =>
        Effect.zipRight(
          alma.addKnowledge({ agent: "helena", domain, fact: "only in one" }),
          Effect.map(alma.stats(), (s) => [alma.projectId, s.total] as const)
        ))
      const two = yield* withAlma(clients[transport]("two"), (alma) =>
        Effect.map(alma.exportMemories({ agent: "helena" }), (ms) => [alma.projectId, ms.filter((m) => m.kind === "domain_knowledge" && m.domain === domain).length] as const))
      assert.strictEqual(one[0], "one")
      assert.isAtLeast(one[1], 1)
      assert.deepStrictEqual(two, ["two", 0])
    }))

  it.effect("sends the bearer token; a refused token fails the build with ConfigurationError", () =>
    Effect.gen(function*() {
      const projectId = yield* withAlma(clients[transport]("secure", SECRET), (alma) => Effect.succeed(alma.projectId))
      assert.strictEqual(projectId, "secure")
      const redacted = yield* withAlma(clients[transport]("secure", Redacted.make(SECRET)), (alma) => alma.agents)
      assert.lengthOf(redacted, 2)
      for (const token of [undefined, "wrong"]) {
        const error = yield* Effect.flip(withAlma(clients[transport]("secure", token), (alma) => Effect.succeed(alma.projectId)))
        assert.instanceOf(error, ConfigurationError)
        assert.strictEqual(error._tag === "ConfigurationError" && error.key, "token")
      }
    }))

  it.effect("an unreachable server fails the build with StorageError { backend: rpc }", () =>
    Effect.gen(function*() {
      const port = yield* Effect.promise(freePort)
      const url = transport === "http" ? `http://127.0.0.1:${port}/rpc` : `ws://127.0.0.1:${port}/ws`
      const layer = transport === "http" ? AlmaClient.layerHttp({ url }) : AlmaClient.layerWebSocket({ url })
      const error = yield* Effect.flip(withAlma(layer, (alma) => Effect.succeed(alma.projectId)))
      assert.instanceOf(error, StorageError)
      assert.deepStrictEqual(error._tag === "StorageError" && [error.backend, error.operation], ["rpc", "connect"])
    }))
})

describe("transport failures after the build", () => {
  it.effect("a call to a server that went away fails with StorageError naming the procedure", () =>
    Effect.gen(function*() {
      const solo = yield* Effect.promise(() => startServer({ sqlite: [], memory: ["solo"] }))
      const error = yield* withAlma(AlmaClient.layerHttp({ url: solo.http("solo") }), (alma) =>
        Effect.zipRight(Effect.promise(solo.close), Effect.flip(alma.stats())))
      assert.instanceOf(error, StorageError)
      assert.deepStrictEqual(error._tag === "StorageError" && [error.backend, error.operation], ["rpc", "Stats"])
    }))
})

const ndjson = (messages: ReadonlyArray<unknown>) => messages.map((m) => (typeof m === "string" ? m : JSON.stringify(m))).join("\n") + "\n"

describe("malformed input never stops the server", () => {
  it("HTTP: garbage, non-objects, bad envelopes and bad payloads are answered, then the server still serves", async () => {
    const bodies = [
      "garbage",
      "null",
      "5",
      JSON.stringify({ _tag: "Request" }),
      JSON.stringify({ _tag: "Request", id: "1", tag: "NoSuchProcedure", payload: {}, headers: [] }),
      JSON.stringify({ _tag: "Request", id: 7, tag: "Get", payload: { id: "dk_00000000000000aa" }, headers: [] }),
      JSON.stringify({ _tag: "Request", id: "2", tag: "Get", payload: { id: "dk_00000000000000aa" }, headers: "x" }),
      JSON.stringify({ _tag: "Request", id: "3", tag: "Get", payload: { id: "dk_00000000000000aa" }, headers: [[1, 2], "x"] }),
      JSON.stringify({ _tag: "Request", id: "4", tag: "Retrieve", payload: null, headers: [] }),
      JSON.stringify({ _tag: "Bogus" })
    ]
    for (const body of bodies) {
      const response = await fetch(server.http("one"), { method: "POST", body: `${body}\n` })
      assert.strictEqual(response.status, 200, body)
      const text = await response.text()
      assert.match(text, /"_tag":"(Defect|Exit)"/, body)
    }
    const typed = await fetch(server.http("one"), {
      method: "POST",
      body: ndjson([{ _tag: "Request", id: "5", tag: "Get", payload: { id: "nope" }, headers: [] }])
    }).then((r) => r.text())
    assert.include(typed, '"_tag":"ValidationError"')
    assert.include(typed, '"field":"id"')
    const health = await Effect.runPromise(withAlma(clients.http("one"), (alma) => alma.stats()))
    assert.strictEqual(health.projectId, "one")
  })

  it("WebSocket: garbage on an open connection is answered and the connection keeps serving", async () => {
    const socket = new WS.WebSocket(server.ws("one"))
    const received: Array<string> = []
    await new Promise<void>((resolve, reject) => {
      socket.once("open", () => resolve())
      socket.once("error", reject)
    })
    socket.on("message", (data) => received.push(String(data)))
    const waitFor = (pattern: RegExp) =>
      new Promise<string>((resolve) => {
        const found = received.find((m) => pattern.test(m))
        if (found !== undefined) return resolve(found)
        const onMessage = (data: WS.RawData) => {
          if (!pattern.test(String(data))) return
          socket.off("message", onMessage)
          resolve(String(data))
        }
        socket.on("message", onMessage)
      })
    for (const frame of ["garbage", "null", "[1,2]", JSON.stringify({ _tag: "Request", id: "1", tag: "Get", payload: {}, headers: "x" })]) {
      socket.send(frame)
    }
    socket.send(JSON.stringify({ _tag: "Ping" }))
    await waitFor(/"_tag":"Pong"/)
    assert.lengthOf(received.filter((m) => m.includes('"_tag":"Defect"')), 3, received.join("\n"))
    const exit = await waitFor(/"requestId":"1"/)
    assert.include(exit, '"_tag":"ValidationError"')
    socket.close()
    const agents = await Effect.runPromise(withAlma(clients.ws("one"), (alma) => alma.agents))
    assert.lengthOf(agents, 2)
  })
})
