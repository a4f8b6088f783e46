/**
 * Issue 19 item 4, end to end against real `alma serve` processes on a fixed free port: requests
 * during start-up never hang (each probe is refused, answered 503, or answered, within 2 s), and a
 * PostgreSQL that cannot be reached fails the start before the port is ever bound, both when the
 * port is closed (a quick nonzero exit) and when it accepts but never answers (the port stays
 * closed while the server waits for it).
 */
import * as net from "node:net"
import { afterAll, describe, expect, it } from "vitest"
import { ensureBuilt, removeTempDirs, serverConfigYaml, spawnAlma, writeConfig } from "../fixtures/serverProcess.js"

afterAll(() => removeTempDirs())

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

/** A port that was free a moment ago. */
const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const s = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address() as net.AddressInfo
      s.close(() => resolve(port))
    })
    s.on("error", reject)
  })

type Outcome = "refused" | "hung" | number

/** One `GET /health` on a fresh connection: refused, the status, or "hung" after `timeoutMs`. */
const probe = (port: number, timeoutMs = 2_000) =>
  new Promise<Outcome>((resolve) => {
    const socket = net.connect(port, "127.0.0.1")
    let data = ""
    const done = (o: Outcome) => {
      clearTimeout(timer)
      socket.destroy()
      resolve(o)
    }
    const timer = setTimeout(() => done("hung"), timeoutMs)
    socket.on("connect", () => socket.write(`GET /health HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n\r\n`))
    socket.on("data", (d) => {
      data += d.toString("latin1")
      const m = /^HTTP\/1\.1 (\d{3})/.exec(data)
      if (m !== null) done(Number(m[1]))
    })
    socket.on("error", (e: NodeJS.ErrnoException) => done(e.code === "ECONNREFUSED" ? "refused" : "hung"))
    socket.on("close", () => done(data === "" ? "refused" : "hung"))
  })

/** Probes every `everyMs` until `until()` holds; resolves with every outcome. */
const probeWhile = async (port: number, until: () => boolean, everyMs = 2): Promise<Array<Outcome>> => {
  const probes: Array<Promise<Outcome>> = []
  while (!until()) {
    probes.push(probe(port))
    await sleep(everyMs)
  }
  return Promise.all(probes)
}

const tally = (outcomes: ReadonlyArray<Outcome>) =>
  outcomes.reduce<Record<string, number>>((t, o) => ({ ...t, [String(o)]: (t[String(o)] ?? 0) + 1 }), {})

describe("start-up", () => {
  it("probes from spawn until well after Listening: none hangs (refused, 503 or 200)", async () => {
    await ensureBuilt()
    const port = await freePort()
    const { dir, file } = writeConfig(serverConfigYaml({ port }))
    const proc = spawnAlma(["serve", "--config", file], { cwd: dir })
    let listeningAt: number | undefined
    proc.child.stderr.on("data", () => {
      if (listeningAt === undefined && /Listening on/.test(proc.stderr())) listeningAt = performance.now()
    })
    try {
      const outcomes = await probeWhile(
        port,
        () => !proc.alive() || (listeningAt !== undefined && performance.now() - listeningAt > 200)
      )
      const counts = tally(outcomes)
      expect(proc.alive(), proc.stderr()).toBe(true)
      expect(counts["hung"], JSON.stringify(counts)).toBeUndefined()
      expect(outcomes.every((o) => o === "refused" || o === 503 || o === 200), JSON.stringify(counts)).toBe(true)
      expect(counts["200"]).toBeGreaterThan(0)
    } finally {
      await proc.stop()
    }
  })
})

const postgresYaml = (pgPort: number, port: number) =>
  [
    "project_id: default",
    "storage: postgres",
    "postgres:",
    `  url: postgres://postgres@127.0.0.1:${pgPort}/alma_unreachable`,
    "embedding_provider: hash",
    "embedding_dim: 64",
    "server:",
    "  host: 127.0.0.1",
    `  port: ${port}`,
    ""
  ].join("\n")

describe("an unreachable PostgreSQL", () => {
  it("closed port: nonzero exit, and the server port never accepted a connection", async () => {
    await ensureBuilt()
    const [pgPort, port] = [await freePort(), await freePort()]
    const { dir, file } = writeConfig(postgresYaml(pgPort, port))
    const proc = spawnAlma(["serve", "--config", file], { cwd: dir })
    const outcomes = await probeWhile(port, () => !proc.alive(), 5)
    const exited = await proc.exited
    expect(exited.code, proc.stderr()).not.toBe(0)
    expect(exited.code).not.toBeNull()
    expect(proc.stderr()).not.toMatch(/Listening on/)
    expect(tally(outcomes)).toEqual({ refused: outcomes.length })
  })

  it("a port that accepts and never answers: the server port stays closed while it waits", async () => {
    await ensureBuilt()
    const held: Array<net.Socket> = []
    const silent = net.createServer((s) => held.push(s.on("error", () => {})))
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve))
    const pgPort = (silent.address() as net.AddressInfo).port
    const port = await freePort()
    const { dir, file } = writeConfig(postgresYaml(pgPort, port))
    const proc = spawnAlma(["serve", "--config", file], { cwd: dir })
    try {
      const started = performance.now()
      // Wait until the server is connecting to PostgreSQL, then probe for 1.5 s.
      while (held.length === 0 && performance.now() - started < 15_000) await sleep(10)
      expect(held.length, proc.stderr()).toBeGreaterThan(0)
      const until = performance.now() + 1_500
      const outcomes = await probeWhile(port, () => performance.now() > until || !proc.alive(), 5)
      expect(tally(outcomes)).toEqual({ refused: outcomes.length })
    } finally {
      await proc.stop("SIGKILL")
      for (const s of held) s.destroy()
      silent.close()
    }
  })
})
