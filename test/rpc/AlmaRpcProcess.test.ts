/**
 * `AlmaRpcs` end to end: a real server in this process (SQLite and in-memory projects side by side on
 * one router), and a client in a separate process (`test/fixtures/rpcClient.ts`) that calls every
 * procedure over HTTP and over WebSocket and reports what arrived, classes checked by `instanceof`
 * on the client side.
 */
import { Effect } from "effect"
import { execFile } from "node:child_process"
import { readFileSync } from "node:fs"
import { fileURLToPath } from "node:url"
import { afterAll, assert, beforeAll, describe, expect, it } from "vitest"
import { scenario } from "../fixtures/rpcClientScenario.js"
import { memoryStack, type RunningServer, startServer } from "./rpcServer.js"

const root = fileURLToPath(new URL("../..", import.meta.url))
const version: unknown = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")).version

interface Report {
  readonly procedures: Record<string, any>
  readonly dropin: Record<string, unknown>
}

const runClient = (transport: "http" | "ws", proceduresUrl: string, dropinUrl: string) =>
  new Promise<Report>((resolve, reject) => {
    execFile(
      process.execPath,
      ["--import", "tsx", "test/fixtures/rpcClient.ts", transport, proceduresUrl, dropinUrl],
      { cwd: root, timeout: 120_000, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error) return reject(new Error(`client failed: ${error.message}\n${stderr}`))
        resolve(JSON.parse(stdout))
      }
    )
  })

let server: RunningServer
let local: Record<string, unknown>

beforeAll(async () => {
  server = await startServer({ sqlite: ["procs-http", "procs-ws"], memory: ["dropin-http", "dropin-ws"] })
  local = await Effect.runPromise(Effect.provide(scenario, memoryStack("dropin-local")))
})

afterAll(async () => {
  await server?.close()
})

const ok = (value: unknown) => ({ ok: true, value })
const fail = (error: Record<string, unknown>) => ({ ok: false, error })

describe.each(["http", "ws"] as const)("AlmaRpcs over %s, client in a separate process", (transport) => {
  let report: Report
  beforeAll(async () => {
    report = await runClient(transport, server[transport](`procs-${transport}`), server[transport](`dropin-${transport}`))
  })

  it("Health, Agents and RegisterAgent", () => {
    const p = report.procedures
    expect(p.health).toEqual({
      class: "Health", status: "ok", projectId: `procs-${transport}`, backend: "sqlite", total: 0, agents: 2, version,
      timestamp: true
    })
    expect(p.agents).toEqual([["AgentScope", "helena"], ["AgentScope", "victor"]])
    expect(p.registerAgent).toEqual(ok("ok"))
    expect(p.agentsAfter).toEqual(["helena", "remy", "victor"])
  })

  it("writes return the domain classes; batches are all-or-none", () => {
    const p = report.procedures
    expect(p.addPreference).toEqual(ok({ class: "UserPreference", kind: "user_preference", text: "style: Terse" }))
    expect(p.addKnowledge).toEqual({ class: "DomainKnowledge", kind: "domain_knowledge", text: "testing: Selectors use data-testid" })
    expect(p.addAntiPattern.value.class).toBe("AntiPattern")
    expect(p.addPreferences.value.map((m: any) => m.class)).toEqual(["UserPreference", "UserPreference"])
    expect(p.addAntiPatterns.value).toHaveLength(1)
    expect(p.addKnowledgeBatch).toEqual(ok({ n: 150, classes: ["DomainKnowledge"] }))
    expect(p.batchScope).toEqual(fail({ class: "ScopeViolationError", agent: "helena", domain: "billing" }))
    expect(p.batchUnchanged).toBe(true)
    expect(p.learn.map((r: any) => [r.class, r.outcome])).toEqual(Array(3).fill(["LearnResult", "Outcome"]))
    expect(p.learn[2].heuristic).toEqual(["Heuristic", "created"])
  })

  it("typed errors arrive as their classes", () => {
    const p = report.procedures
    expect(p.addKnowledgeScope).toEqual(fail({ class: "ScopeViolationError", agent: "helena", domain: "billing" }))
    expect(p.getUnknown).toEqual(fail({ class: "NotFoundError", entity: "memory", id: "dk_00000000000000aa" }))
    expect(p.retrieveUnknownAgent.error).toMatchObject({ class: "ValidationError", field: "agent" })
    expect(p.updateNotEditable.error).toMatchObject({ class: "ValidationError", field: "strategy" })
    expect(p.pruneUnknownAgent.error).toMatchObject({ class: "ValidationError", field: "agent" })
    expect(p.importInvalid.error).toMatchObject({ class: "ValidationError", field: "memories.0.confidence" })
  })

  it("reads, update, delete, audit, forget, prune, stats", () => {
    const p = report.procedures
    expect(p.retrieve).toMatchObject({ class: "MemorySlice", heuristics: ["Heuristic"], preferences: 2, prompt: true })
    expect(p.get).toEqual(ok(p.addKnowledge))
    expect(p.update).toEqual(ok({ class: "DomainKnowledge", kind: "domain_knowledge", text: "testing: Selectors use data-testid only" }))
    expect(p.delete).toEqual(ok("deleted"))
    expect(p.getDeleted.error.class).toBe("NotFoundError")
    expect(p.deleteAgain.error.class).toBe("NotFoundError")
    expect(p.auditLog).toEqual(ok([["ForgetAudit", true]]))
    expect(p.forget).toEqual(ok(["ForgetResult", true]))
    expect(p.prune).toEqual(ok(["ForgetResult", true]))
    expect(p.stats).toEqual({
      class: "Stats",
      backend: "sqlite",
      counts: { heuristic: 1, outcome: 3, user_preference: 3, domain_knowledge: 150, anti_pattern: 2 },
      total: 159
    })
    expect(p.statsAgent.value).toMatchObject({ domain_knowledge: 150, anti_pattern: 1 })
  })

  it("Export streams every memory (more than one server chunk); Import re-stores them by id", () => {
    const p = report.procedures
    expect(p.export).toEqual({
      n: 159,
      classes: ["AntiPattern", "DomainKnowledge", "Heuristic", "Outcome", "UserPreference"]
    })
    expect(p.exportKinds).toBe(2)
    expect(p.exportAgent).toBe(151)
    expect(p.import).toEqual(ok(159))
    expect(p.statsAfterImport).toBe(159)
  })

  it("payloads failing the schema come back as ValidationError naming the field", () => {
    const l = report.procedures.loose
    expect(l.topKZero).toEqual(fail({ class: "ValidationError", field: "topK", reason: "must be between 1 and 100" }))
    expect(l.missingTask).toEqual(fail({ class: "ValidationError", field: "task", reason: "is required" }))
    expect(l.extraField).toEqual(fail({ class: "ValidationError", field: "colour", reason: "is not an allowed field" }))
    expect(l.notAnObject.error).toMatchObject({ class: "ValidationError", field: "input" })
    expect(l.badId.error).toMatchObject({ class: "ValidationError", field: "id" })
    expect(l.badPatch.error).toMatchObject({ class: "ValidationError", field: "patch.confidence" })
    expect(l.batchItem).toEqual(fail({ class: "ValidationError", field: "inputs.1.fact", reason: "must not be empty or blank" }))
    expect(l.badScope.error).toMatchObject({ class: "ValidationError", field: "scope.agent" })
    expect(l.badLimit.error).toMatchObject({ class: "ValidationError", field: "limit" })
    expect(l.badExportKind.error).toMatchObject({ class: "ValidationError", field: "kinds.0" })
  })

  it("AlmaClient is a drop-in: the scenario gives the same results as on a local stack", () => {
    const { projectId, ...remote } = report.dropin
    const { projectId: localProject, ...expected } = local
    assert.strictEqual(projectId, `dropin-${transport}`)
    assert.strictEqual(localProject, "dropin-local")
    expect(remote).toEqual(expected)
  })
})
