/**
 * The JSON-RPC front's id mapping (src/mcp/jsonRpc.ts), message by message: every request reaches
 * the RPC server with a fresh integer id and its response gets the client's id back; a
 * cancellation names the same integer; a cancelled request is not answered; a batch's responses
 * come out together on a stream.
 */
import type { FromServerEncoded } from "@effect/rpc/RpcMessage"
import { describe, expect, it } from "vitest"
import { Session } from "../../src/mcp/jsonRpc.js"

const ping = (id: unknown) => ({ jsonrpc: "2.0", id, method: "ping" })
const success = (requestId: string, value: unknown = {}): FromServerEncoded => ({
  _tag: "Exit",
  requestId,
  exit: { _tag: "Success", value }
})
const interrupted = (requestId: string): FromServerEncoded => ({
  _tag: "Exit",
  requestId,
  exit: { _tag: "Failure", cause: { _tag: "Interrupt", fiberId: { _tag: "None" } } }
})
const internalIdOf = (session: Session, message: unknown): string => {
  const [forwarded] = session.decode(message).messages
  if (forwarded?._tag !== "Request") throw new Error("expected a forwarded request")
  return forwarded.id
}

describe("JSON-RPC session", () => {
  it("forwards each request under a fresh integer id and answers with the client's id", () => {
    const session = new Session({ stream: true, headers: [] })
    const ids = ["7", 7, "abc", 2.5].map((id) => internalIdOf(session, ping(id)))
    for (const id of ids) expect(id).toMatch(/^\d+$/)
    expect(new Set(ids).size).toBe(4)
    expect(session.encode(success(ids[0]!))).toStrictEqual({ jsonrpc: "2.0", id: "7", result: {} })
    expect(session.encode(success(ids[1]!))).toStrictEqual({ jsonrpc: "2.0", id: 7, result: {} })
    expect(session.encode(success(ids[3]!))).toStrictEqual({ jsonrpc: "2.0", id: 2.5, result: {} })
    // A second Exit for the same request (or one never issued) is not sent.
    expect(session.encode(success(ids[0]!))).toBeUndefined()
    expect(session.encode(success("999"))).toBeUndefined()
  })

  it("maps the requestId of notifications/cancelled, and does not answer the cancelled request", () => {
    const session = new Session({ stream: true, headers: [] })
    const internal = internalIdOf(session, { jsonrpc: "2.0", id: "slow", method: "tools/call", params: { name: "x" } })
    const cancel = session.decode({ jsonrpc: "2.0", method: "notifications/cancelled", params: { requestId: "slow" } })
    expect(cancel.output).toBeUndefined()
    expect(cancel.messages).toStrictEqual([
      { _tag: "Request", id: "", tag: "notifications/cancelled", payload: { requestId: Number(internal) }, headers: [] }
    ])
    expect(session.encode(interrupted(internal))).toBeUndefined()
    // Once answered (or unknown), a cancellation has nothing to cancel and is dropped.
    const late = session.decode({ jsonrpc: "2.0", method: "notifications/cancelled", params: { requestId: "slow" } })
    expect(late.messages).toStrictEqual([])
  })

  it("an interrupted request that was not cancelled is answered with an Internal error", () => {
    const session = new Session({ stream: false, headers: [] })
    const internal = internalIdOf(session, ping("i"))
    expect(session.encode(interrupted(internal))).toMatchObject({ id: "i", error: { code: -32603 } })
  })

  it("on a stream, a batch's responses and errors come out together once all are ready", () => {
    const session = new Session({ stream: true, headers: [] })
    const decoded = session.decode([ping("a"), { jsonrpc: "2.0", method: "notifications/initialized" }, ping("b"), 3])
    expect(decoded.output).toBeUndefined()
    const [a, , b] = decoded.messages
    expect(session.encode(success((a as { id: string }).id))).toBeUndefined()
    const all = session.encode(success((b as { id: string }).id)) as Array<{ id: unknown }>
    expect(all.map((r) => r.id).sort()).toStrictEqual(["a", "b", null].sort())
  })

  it("a failure carrying an MCP error keeps its code and message", () => {
    const session = new Session({ stream: false, headers: [] })
    const internal = internalIdOf(session, ping(1))
    const failure: FromServerEncoded = {
      _tag: "Exit",
      requestId: internal,
      exit: { _tag: "Failure", cause: { _tag: "Fail", error: { _tag: "InvalidParams", code: -32602, message: "Tool 'x' not found" } } }
    }
    expect(session.encode(failure)).toStrictEqual({
      jsonrpc: "2.0",
      id: 1,
      error: { code: -32602, message: "Tool 'x' not found" }
    })
  })
})
