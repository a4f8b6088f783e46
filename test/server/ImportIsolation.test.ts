/**
 * An `Import` over RPC never moves another project's memory (issue 15, finding 1): a real `alma
 * serve` with two tokens bound to projects A and B on one store. With token B, an `Import` carrying
 * the id of A's memory used to move it into B (A's copy gone, no audit). Now it fails with a typed
 * `ValidationError` naming `memories.0.id`, A's memory is untouched, B holds nothing and neither
 * project gets an audit row; with `onIdConflict: "new-id"` B gets a copy under a fresh id.
 */
import { randomBytes } from "node:crypto"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { exitOf, rpcLine, rpcPost } from "../fixtures/serverClients.js"
import { removeTempDirs, serverConfigYaml, type ServeProcess, startServe } from "../fixtures/serverProcess.js"

const TOKEN_A = randomBytes(16).toString("hex")
const TOKEN_B = randomBytes(16).toString("hex")

let server: ServeProcess

beforeAll(async () => {
  server = await startServe({
    yaml: serverConfigYaml({ tokens: [{ env: "ALMA_TEST_TOKEN_A", project: "a" }, { env: "ALMA_TEST_TOKEN_B", project: "b" }] }),
    env: { ALMA_TEST_TOKEN_A: TOKEN_A, ALMA_TEST_TOKEN_B: TOKEN_B }
  })
})

afterAll(async () => {
  await server?.stop()
  removeTempDirs()
})

const call = async (tag: string, payload: unknown, token: string) =>
  exitOf((await rpcPost(server.url("/rpc"), rpcLine(tag, payload), token)).messages)

describe("Import across projects over RPC", () => {
  it("token B cannot move A's memory by importing its id; new-id imports a copy", async () => {
    const written = await call("AddKnowledge", { agent: "helena", domain: "vault", fact: "A's own fact about the vault" }, TOKEN_A)
    expect(written?._tag).toBe("Success")
    const memory = written.value
    const refused = await call("Import", { memories: [{ ...memory, fact: "planted by B" }] }, TOKEN_B)
    expect(refused?._tag).toBe("Failure")
    const error = refused.cause?.error ?? refused.cause
    expect(JSON.stringify(error)).toContain("ValidationError")
    expect(JSON.stringify(error)).toContain("memories.0.id")

    const kept = await call("Get", { id: memory.id }, TOKEN_A)
    expect(kept?._tag).toBe("Success")
    expect(kept.value.fact).toBe("A's own fact about the vault")
    expect(kept.value.projectId).toBe("a")
    expect((await call("Stats", {}, TOKEN_B)).value.total).toBe(0)
    expect((await call("AuditLog", { limit: 10 }, TOKEN_A)).value).toEqual([])
    expect((await call("AuditLog", { limit: 10 }, TOKEN_B)).value).toEqual([])

    const copied = await call("Import", { memories: [memory], onIdConflict: "new-id" }, TOKEN_B)
    expect(copied?._tag).toBe("Success")
    expect(copied.value).toBe(1)
    expect((await call("Get", { id: memory.id }, TOKEN_A)).value.projectId).toBe("a")
    expect((await call("Stats", {}, TOKEN_B)).value.total).toBe(1)
    const audit = (await call("AuditLog", { limit: 10 }, TOKEN_B)).value
    expect(audit.map((r: { action: string; reason: string }) => `${r.action}:${r.reason}`)).toEqual(["import:imported: new"])
  }, 60_000)
})
