/**
 * The server under test, in its own process: `alma serve --config <file>` on a free loopback port,
 * so the load generator never shares its event loop: the package's `src/cli/bin.ts` through tsx
 * (the benchmarks run from the repository's sources). Its CPU time and peak RSS are read from `/proc`
 * (Linux; absent elsewhere).
 *
 * @since 0.1.0
 */
import { type ChildProcess, spawn } from "node:child_process"
import { readFileSync } from "node:fs"
import { createRequire } from "node:module"
import * as path from "node:path"
import { pathToFileURL } from "node:url"
import { packageRoot } from "../locomo/Paths.js"

/**
 * A running server.
 *
 * **Units** `cpuSeconds`: user + system CPU time of the process so far (s); `peakRssMiB`: its
 * `VmHWM` (MiB); both `undefined` where `/proc` is missing.
 *
 * @since 0.1.0
 * @category models
 */
export interface ServerProcess {
  readonly pid: number
  /** `http://127.0.0.1:<port>` */
  readonly url: string
  readonly command: ReadonlyArray<string>
  readonly cpuSeconds: () => number | undefined
  readonly peakRssMiB: () => number | undefined
  /** The last few KiB of its stdout and stderr. */
  readonly output: () => string
  /** SIGTERM, then SIGKILL after `graceMs`; resolves when it has exited. */
  readonly stop: (graceMs?: number) => Promise<void>
}

/**
 * Options of {@link startServer}.
 *
 * **Units** `startTimeoutMs`: how long to wait for "Listening on" (ms); `cpuProfileDir`: when set,
 * the server runs with `--cpu-prof` and writes its V8 CPU profile there on exit; `serve`: the node
 * arguments that start `alma serve` (default {@link serveArguments}), e.g. `["dist/cli/alma.js", "serve"]`.
 *
 * @since 0.1.0
 * @category models
 */
export interface StartOptions {
  readonly configFile: string
  readonly cwd: string
  readonly startTimeoutMs?: number | undefined
  readonly cpuProfileDir?: string | undefined
  readonly serve?: ReadonlyArray<string> | undefined
}

/**
 * The node arguments that start `alma serve` from the sources: `<package root>/src/cli/bin.ts`
 * through tsx.
 *
 * @since 0.1.0
 * @category constructors
 */
export const serveArguments = (): Array<string> => {
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href
  return ["--import", tsx, path.join(packageRoot(), "src", "cli", "bin.ts"), "serve"]
}

/** Linux `USER_HZ` (clock ticks of `/proc/<pid>/stat` per second): 100 on every mainstream architecture. */
const TICKS_PER_SECOND = 100

const readProc = (pid: number, file: string): string | undefined => {
  try {
    return readFileSync(`/proc/${pid}/${file}`, "utf8")
  } catch {
    return undefined
  }
}

const cpuOf = (pid: number): number | undefined => {
  const stat = readProc(pid, "stat")
  if (stat === undefined) return undefined
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ")
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND
}

const hwmOf = (pid: number): number | undefined => {
  const match = readProc(pid, "status")?.match(/VmHWM:\s+(\d+) kB/)
  return match === null || match === undefined ? undefined : Math.round(Number(match[1]) / 1024)
}

const exited = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve()
    else child.once("exit", () => resolve())
  })

/**
 * Starts `alma serve --config <configFile>` and resolves once it logs its address.
 *
 * **Errors** rejects with an `Error` carrying the server's output when it exits first or does not
 * listen within `startTimeoutMs` (default 180 s: tsx on a loaded machine is slow to start).
 *
 * @since 0.1.0
 * @category constructors
 */
export const startServer = (options: StartOptions): Promise<ServerProcess> => {
  const profile = options.cpuProfileDir === undefined ? [] : ["--cpu-prof", "--cpu-prof-dir", options.cpuProfileDir]
  const args = [...profile, ...(options.serve ?? serveArguments()), "--config", options.configFile]
  const child = spawn(process.execPath, args, {
    cwd: options.cwd,
    env: { ...process.env, NO_COLOR: "1" },
    stdio: ["ignore", "pipe", "pipe"]
  })
  // A benchmark killed mid-run must not leave its server behind.
  const orphan = () => child.kill("SIGKILL")
  process.once("exit", orphan)
  child.once("exit", () => process.removeListener("exit", orphan))
  let tail = ""
  const keep = (chunk: string) => {
    tail = (tail + chunk).slice(-4096)
  }
  return new Promise<ServerProcess>((resolve, reject) => {
    let settled = false
    const fail = (message: string) => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      child.kill("SIGKILL")
      reject(new Error(`${message}; server output:\n${tail}`))
    }
    const timer = setTimeout(() => fail("the server did not listen in time"), options.startTimeoutMs ?? 180_000)
    const onData = (chunk: string) => {
      keep(chunk)
      const match = tail.match(/Listening on (http:\/\/[\w.:[\]-]+)/)
      if (match === null || settled) return
      settled = true
      clearTimeout(timer)
      const pid = child.pid!
      resolve({
        pid,
        url: match[1]!,
        command: [process.execPath, ...args],
        cpuSeconds: () => cpuOf(pid),
        peakRssMiB: () => hwmOf(pid),
        output: () => tail,
        stop: async (graceMs = 15_000) => {
          if (child.exitCode !== null || child.signalCode !== null) return
          const killer = setTimeout(() => child.kill("SIGKILL"), graceMs)
          child.kill("SIGTERM")
          await exited(child)
          clearTimeout(killer)
        }
      })
    }
    child.stdout!.setEncoding("utf8").on("data", onData)
    child.stderr!.setEncoding("utf8").on("data", onData)
    child.once("error", (e) => fail(`cannot start the server: ${e.message}`))
    child.once("exit", (code, signal) => fail(`the server exited (code ${code}, signal ${signal}) before listening`))
  })
}
