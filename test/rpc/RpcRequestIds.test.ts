/**
 * Request ids the @effect/rpc server cannot take (K7, src/rpc/internal/validatePayloads.ts): a
 * Request whose id is not an integer is answered with a ValidationError on `id` for that request
 * alone; an Interrupt or Ack naming no integer id is ignored. The WebSocket stays open and the other
 * requests on it, or in the same HTTP body, are answered normally.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import * as WS from "ws"
import { type RunningServer, startServer } from "./rpcServer.js"

let server: RunningServer
beforeAll(async () => {
  server = await startServer({ sqlite: [], memory: ["ids"] })
})
afterAll(async () => {
  await server?.close()
})

const agents = (id: unknown) => ({ _tag: "Request", id, tag: "Agents", payload: {}, headers: [] })
const badIds: ReadonlyArray<unknown> = ["abc", "1.5", "7n", 2.5, null, { a: 1 }]

const exitOf = (messages: ReadonlyArray<any>, requestId: string) =>
  messages.find((m) => m._tag === "Exit" && m.requestId === requestId)

const expectBadId = (exit: any, label: string) => {
  expect(exit, label).toBeDefined()
  expect(exit.exit._tag, label).toBe("Failure")
  expect(exit.exit.cause.error, label).toMatchObject({ _tag: "ValidationError", field: "id" })
}

describe("RPC request ids that are not integers", () => {
  it("HTTP: each is answered as a failure of its own request; the body's other requests succeed", async () => {
    const body = [agents("1"), ...badIds.map(agents), agents(2), { _tag: "Interrupt", requestId: "zz" }, { _tag: "Ack", requestId: {} }]
    const response = await fetch(server.http("ids"), {
      method: "POST",
      headers: { "content-type": "application/ndjson" },
      body: body.map((m) => `${JSON.stringify(m)}\n`).join("")
    })
    expect(response.status).toBe(200)
    const messages = (await response.text()).split("\n").filter((l) => l !== "").map((l) => JSON.parse(l))
    expect(messages.filter((m) => m._tag === "Defect")).toStrictEqual([])
    expect(exitOf(messages, "1").exit._tag).toBe("Success")
    expect(exitOf(messages, "2").exit._tag).toBe("Success")
    for (const id of badIds) expectBadId(exitOf(messages, typeof id === "string" ? id : JSON.stringify(id)), JSON.stringify(id))
  })

  it("WebSocket: the connection stays open and other requests in flight are answered", async () => {
    const socket = new WS.WebSocket(server.ws("ids"))
    const received: Array<any> = []
    const waiters: Array<() => void> = []
    socket.on("message", (data) => {
      for (const line of String(data).split("\n").filter((l) => l !== "")) received.push(JSON.parse(line))
      for (const wake of waiters.splice(0)) wake()
    })
    let closed = false
    socket.on("close", () => (closed = true, waiters.splice(0).forEach((wake) => wake())))
    await new Promise<void>((resolve, reject) => {
      socket.once("open", () => resolve())
      socket.once("error", reject)
    })
    const until = async (p: () => boolean) => {
      while (!p()) {
        if (closed) throw new Error(`connection closed; received ${JSON.stringify(received)}`)
        await new Promise<void>((resolve) => waiters.push(resolve))
      }
    }

    socket.send(JSON.stringify(agents("10")))
    for (const id of badIds) socket.send(JSON.stringify(agents(id)))
    // A message nested too deep (here its id) is refused as malformed: one Defect, the connection stays.
    const deep = `${"{\"a\":".repeat(20_000)}1${"}".repeat(20_000)}`
    socket.send(`{"_tag":"Request","id":${deep},"tag":"Agents","payload":{},"headers":[]}`)
    socket.send(JSON.stringify({ _tag: "Interrupt", requestId: "not-a-number" }))
    socket.send(JSON.stringify({ _tag: "Ack", requestId: null }))
    socket.send(JSON.stringify(agents("11")))
    socket.send(JSON.stringify({ _tag: "Ping" }))
    await until(() => received.some((m) => m._tag === "Pong") && exitOf(received, "11") !== undefined)
    await until(() => exitOf(received, "10") !== undefined)
    for (const id of badIds) {
      const requestId = typeof id === "string" ? id : JSON.stringify(id)
      await until(() => exitOf(received, requestId) !== undefined)
      expectBadId(exitOf(received, requestId), requestId)
    }
    expect(exitOf(received, "10").exit._tag).toBe("Success")
    expect(exitOf(received, "11").exit._tag).toBe("Success")
    const defects = received.filter((m) => m._tag === "Defect")
    expect(defects).toHaveLength(1)
    expect(String(defects[0].defect)).toContain("nested at most")
    expect(socket.readyState).toBe(WS.WebSocket.OPEN)
    socket.close()
  })
})
