/**
 * The built `alma serve` under load: /health keeps being answered while 20 retrieves run at once
 * against 5,000 memories (the longest /health wait is printed, not asserted), and 8 clients learning
 * at the same time over HTTP and WebSocket lose nothing (exactly 400 outcomes stored).
 */
import { Effect, Exit } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { exitOf, request, rpcLine, rpcPost, withRpcClient } from "../fixtures/serverClients.js"
import { removeTempDirs, serverConfigYaml, type ServeProcess, startServe } from "../fixtures/serverProcess.js"

const MEMORIES = 5_000
const RETRIEVES = 20
const ROUNDS = 5
const CLIENTS = 8
const LEARNS = 50

let server: ServeProcess

const topics = ["checkout", "login", "search", "billing", "upload", "profile", "export", "settings", "cart", "invoice"]
const verbs = ["validates", "retries", "caches", "renders", "logs", "rejects", "paginates", "encrypts"]

beforeAll(async () => {
  server = await startServe({ yaml: serverConfigYaml({ accessLog: false, maxBodyBytes: 4 * 1024 * 1024 }) })
  for (let start = 0; start < MEMORIES; start += 1_000) {
    const inputs = Array.from({ length: 1_000 }, (_, k) => {
      const i = start + k
      return {
        agent: "helena",
        domain: topics[i % topics.length]!,
        fact: `The ${topics[i % topics.length]} page ${verbs[i % verbs.length]} input number ${i} with rule ${i % 97}`
      }
    })
    const response = await rpcPost(server.url("/rpc"), rpcLine("AddKnowledgeBatch", { inputs }))
    expect(exitOf(response.messages)?._tag).toBe("Success")
  }
}, 120_000)

afterAll(async () => {
  await server?.stop()
  removeTempDirs()
})

describe("event loop", () => {
  it(`/health is answered throughout ${ROUNDS} rounds of ${RETRIEVES} concurrent retrieves over ${MEMORIES} memories`, async () => {
    const stats = await rpcPost(server.url("/rpc"), rpcLine("Stats", {}))
    expect(exitOf(stats.messages)?.value?.counts?.domain_knowledge).toBe(MEMORIES)

    const healthStatuses: Array<number> = []
    const healthMs: Array<number> = []
    const retrieveMs: Array<number> = []
    let running = true
    const poller = (async () => {
      while (running) {
        const started = performance.now()
        const response = await request(server.url("/health"), { method: "GET" }).catch(() => ({ status: 0 }))
        healthMs.push(performance.now() - started)
        healthStatuses.push(response.status)
        await new Promise((resolve) => setTimeout(resolve, 5))
      }
    })()
    const results: Array<string> = []
    for (let round = 0; round < ROUNDS; round++) {
      await Promise.all(Array.from({ length: RETRIEVES }, async (_, i) => {
        const started = performance.now()
        const task = `how does the ${topics[(i + round) % topics.length]} page handle input ${i * 37 + round}`
        const response = await rpcPost(server.url("/rpc"), rpcLine("Retrieve", { task, agent: "helena", topK: 10 }))
        retrieveMs.push(performance.now() - started)
        results.push(exitOf(response.messages)?._tag)
      }))
    }
    running = false
    await poller

    const max = (xs: ReadonlyArray<number>) => Math.round(Math.max(...xs))
    const median = (xs: ReadonlyArray<number>) => Math.round([...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!)
    console.log(
      `[load] /health during retrieves: n=${healthMs.length} median=${median(healthMs)}ms max=${max(healthMs)}ms; ` +
        `retrieve (${RETRIEVES} concurrent, ${MEMORIES} memories): median=${median(retrieveMs)}ms max=${max(retrieveMs)}ms`
    )
    expect(results).toEqual(Array(ROUNDS * RETRIEVES).fill("Success"))
    expect(healthStatuses.length).toBeGreaterThan(0)
    expect(healthStatuses.filter((s) => s !== 200)).toEqual([])
  })
})

describe("concurrency", () => {
  it(`${CLIENTS} clients × ${LEARNS} learns each (HTTP and WebSocket) store exactly ${CLIENTS * LEARNS} outcomes`, async () => {
    const before = await rpcPost(server.url("/rpc"), rpcLine("Stats", {}))
    const outcomesBefore: number = exitOf(before.messages)?.value?.counts?.outcome
    const exits = await Promise.all(Array.from({ length: CLIENTS }, (_, c) => {
      const transport = c % 2 === 0 ? "http" : "ws"
      const url = transport === "http" ? server.url("/rpc") : server.url("/ws").replace("http:", "ws:")
      return withRpcClient(transport, url, undefined, (client) =>
        Effect.forEach(Array.from({ length: LEARNS }, (_, i) => i), (i) =>
          client.Learn({
            agent: "helena",
            task: `Client ${c} task ${i}: fill in the ${topics[i % topics.length]} form`,
            outcome: i % 4 === 0 ? "failure" : "success",
            strategyUsed: `strategy ${i % 3} for the ${topics[i % topics.length]} form`,
            taskType: "forms"
          }).pipe(Effect.map((result) => result.outcome.id))))
    }))
    const ids = exits.flatMap((exit) => {
      expect(Exit.isSuccess(exit), String(exit)).toBe(true)
      return Exit.isSuccess(exit) ? exit.value : []
    })
    expect(ids).toHaveLength(CLIENTS * LEARNS)
    expect(new Set(ids).size).toBe(CLIENTS * LEARNS)
    const after = await rpcPost(server.url("/rpc"), rpcLine("Stats", {}))
    expect(exitOf(after.messages)?.value?.counts?.outcome - outcomesBefore).toBe(CLIENTS * LEARNS)
    expect(outcomesBefore).toBe(0)
  })
})
