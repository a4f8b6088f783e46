/**
 * The built `alma serve` under load: its event loop never stalls while 20 retrieves run at once
 * against 5,000 memories (/health keeps being answered), and 8 clients learning at the same time
 * over HTTP and WebSocket lose nothing (exactly 400 outcomes stored).
 *
 * The server's event loop is observed from outside, as the longest time in which the server
 * answered nothing: /health is polled back to back and 20 retrieves are always outstanding, so a
 * loop that turns answers something every few hundred ms, and a loop blocked for 2 s leaves a
 * silence of at least 2 s. Two things that are not the server's loop are taken off that silence:
 * the time the server's main thread waited for a CPU (Linux `/proc/<pid>/schedstat`, field 2: on a
 * busy 2-core machine this is most of a long silence) and this process's own longest event-loop
 * delay (`monitorEventLoopDelay`), which can postpone when an answer is seen. What is left, the
 * stall, must stay under `SERVER_STALL_BOUND_MS`.
 */
import { readFileSync } from "node:fs"
import { monitorEventLoopDelay } from "node:perf_hooks"
import { Effect, Exit } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { exitOf, request, rpcLine, rpcPost, withRpcClient } from "../fixtures/serverClients.js"
import { removeTempDirs, serverConfigYaml, type ServeProcess, startServe } from "../fixtures/serverProcess.js"

const MEMORIES = 5_000
const RETRIEVES = 20
const ROUNDS = 5
const CLIENTS = 8
const LEARNS = 50
/**
 * Longest stall of the server's event loop allowed during the retrieves, in ms (see the header).
 * Seen without a block: −0.02–0.2 s, also with both cores saturated by other processes (silences of
 * up to 1.9 s, nearly all of it waiting for a CPU). Seen with a synchronous block of the server's
 * loop: 1.9 s for 2 s of CPU work or a 2 s wait off the CPU; 1.3 s for a 2 s wall-clock spin at a
 * load average of 4 (a spin is charged only the CPU it got, so on a machine starved harder it
 * looks like the starvation it is).
 */
const SERVER_STALL_BOUND_MS = 1_000

/** Milliseconds the main thread of `pid` has waited on a run queue (Linux); undefined elsewhere. */
const runQueueWaitMs = (pid: number | undefined): number | undefined => {
  try {
    const waitNs = Number(readFileSync(`/proc/${pid}/schedstat`, "utf8").split(" ")[1])
    return Number.isFinite(waitNs) ? waitNs / 1e6 : undefined
  } catch {
    return undefined
  }
}

/**
 * The longest silence between two answers, less the run-queue wait of the server during it
 * (measured from the last wait sample at or before its start to the first at or after its end, so
 * a little more wait than the silence held: the stall is never overstated). Times in ms on this
 * process's clock; `waits` in time order.
 */
const longestStall = (
  answeredAt: ReadonlyArray<number>,
  waits: ReadonlyArray<{ readonly at: number; readonly waitMs: number }>
): { readonly silenceMs: number; readonly waitMs: number; readonly stallMs: number } => {
  const sorted = [...answeredAt].sort((a, b) => a - b)
  const waitBetween = (from: number, to: number) => {
    const before = [...waits].reverse().find((w) => w.at <= from) ?? waits[0]
    const after = waits.find((w) => w.at >= to) ?? waits.at(-1)
    return before === undefined || after === undefined ? 0 : Math.max(0, after.waitMs - before.waitMs)
  }
  let worst = { silenceMs: 0, waitMs: 0, stallMs: 0 }
  for (let i = 1; i < sorted.length; i++) {
    const silenceMs = sorted[i]! - sorted[i - 1]!
    const waitMs = waitBetween(sorted[i - 1]!, sorted[i]!)
    if (silenceMs - waitMs > worst.stallMs) worst = { silenceMs, waitMs, stallMs: silenceMs - waitMs }
  }
  return worst
}

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
    // When each answer (/health or retrieve) arrived, ms on this process's clock.
    const answeredAt: Array<number> = []
    // The server's run-queue wait, sampled every 10 ms (none off Linux: then nothing is taken off).
    const waits: Array<{ at: number; waitMs: number }> = []
    const sampleWait = () => {
      const waitMs = runQueueWaitMs(server.child.pid)
      if (waitMs !== undefined) waits.push({ at: performance.now(), waitMs })
    }
    sampleWait()
    const sampler = setInterval(sampleWait, 10)
    // This process's event-loop delay during the load (nanoseconds, sampled every 10 ms).
    const ownLoop = monitorEventLoopDelay({ resolution: 10 })
    ownLoop.enable()
    let running = true
    const poller = (async () => {
      while (running) {
        const started = performance.now()
        const response = await request(server.url("/health"), { method: "GET" }).catch(() => ({ status: 0 }))
        answeredAt.push(performance.now())
        healthMs.push(answeredAt.at(-1)! - started)
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
        answeredAt.push(performance.now())
        retrieveMs.push(answeredAt.at(-1)! - started)
        results.push(exitOf(response.messages)?._tag)
      }))
    }
    running = false
    await poller
    ownLoop.disable()
    clearInterval(sampler)
    sampleWait()

    const max = (xs: ReadonlyArray<number>) => Math.round(Math.max(...xs))
    const median = (xs: ReadonlyArray<number>) => Math.round([...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!)
    const ownDelayMs = ownLoop.max / 1e6
    const worst = longestStall(answeredAt, waits)
    const stallMs = Math.round(worst.stallMs - ownDelayMs)
    const report = `[load] /health during retrieves: n=${healthMs.length} median=${median(healthMs)}ms max=${max(healthMs)}ms; ` +
      `retrieve (${RETRIEVES} concurrent, ${MEMORIES} memories): median=${median(retrieveMs)}ms max=${max(retrieveMs)}ms; ` +
      `server stall ${stallMs}ms (silence ${Math.round(worst.silenceMs)}ms, less ${Math.round(worst.waitMs)}ms waiting ` +
      `for a CPU${waits.length === 0 ? " (not measured here)" : ""} and ${Math.round(ownDelayMs)}ms of this process's own delay)`
    console.log(report)
    expect(results).toEqual(Array(ROUNDS * RETRIEVES).fill("Success"))
    expect(healthStatuses.length).toBeGreaterThan(0)
    expect(healthStatuses.filter((s) => s !== 200)).toEqual([])
    expect(stallMs, report).toBeLessThan(SERVER_STALL_BOUND_MS)
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
