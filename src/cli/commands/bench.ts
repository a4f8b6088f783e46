/**
 * Handler of `alma bench <suite>`. The benchmark suites are not part of the published package: they
 * live in the repository's private `@alma-memory/bench` workspace (`bench/`). In a clone of the
 * repository (after `npm install`) this command runs that workspace's runner, `bench/src/main.ts`,
 * through tsx, in the current directory and with the same options, so it behaves as
 * `npm run bench -- <suite>`: it writes `<out>/<suite>.json` and the charts and appends a dated section
 * to BENCHMARKS.md, whose "Command:" line records this command line. Without the workspace it fails
 * with a `CliError` saying how to get it.
 *
 * @since 0.1.0
 */
import { Effect, Option } from "effect"
import { spawn } from "node:child_process"
import { existsSync, readFileSync } from "node:fs"
import { createRequire } from "node:module"
import * as os from "node:os"
import * as path from "node:path"
import { fileURLToPath, pathToFileURL } from "node:url"
import { CliError, Reported, reporting } from "../errors.js"
import type * as Spec from "../spec.js"
import { benchSuites } from "../spec.js"

const WORKSPACE = "@alma-memory/bench"

const nameOf = (manifest: string): string | undefined => {
  try {
    const parsed: unknown = JSON.parse(readFileSync(manifest, "utf8"))
    return typeof parsed === "object" && parsed !== null && "name" in parsed ? String(parsed.name) : undefined
  } catch {
    return undefined
  }
}

/** The folder of the `alma-memory` package.json at or above this module (src/, dist/ or the bundle). */
const packageRoot = (): string | undefined => {
  for (let dir = path.dirname(fileURLToPath(import.meta.url));; dir = path.dirname(dir)) {
    if (nameOf(path.join(dir, "package.json")) === "alma-memory") return dir
    if (path.dirname(dir) === dir) return undefined
  }
}

/**
 * The benchmark workspace's folder: `@alma-memory/bench` as Node resolves it from the package root
 * (npm links workspaces into node_modules), else `bench/` beside the package root; `undefined` when
 * neither holds that package with its runner `src/main.ts` (as in an installed copy of the package).
 */
const findWorkspace = (root: string | undefined): string | undefined => {
  if (root === undefined) return undefined
  const candidates: Array<string> = []
  try {
    candidates.push(path.dirname(createRequire(path.join(root, "package.json")).resolve(`${WORKSPACE}/package.json`)))
  } catch {
    // not linked: try the folder beside the package root
  }
  candidates.push(path.join(root, "bench"))
  return candidates.find((dir) =>
    nameOf(path.join(dir, "package.json")) === WORKSPACE && existsSync(path.join(dir, "src", "main.ts"))
  )
}

const notPublished = (suite: string) =>
  new CliError({
    message: "the benchmark suites are not part of the published alma-memory package",
    hint: "they live in the repository's private @alma-memory/bench workspace: clone the ALMA repository, run " +
      `\`npm install\` at its root, then \`npm run bench -- ${suite}\` there`
  })

const quote = (arg: string) => (/^[\w./:=@,-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, "'\\''")}'`)

/** The exit code of a child that ended by `signal` (128 + its number, as a shell reports it). */
const signalCode = (signal: NodeJS.Signals): number => 128 + (os.constants.signals[signal] ?? 0)

/**
 * Runs `node --import tsx <entry> ...args` with inherited stdio; resolves with its exit code.
 * Interrupting the effect (Ctrl-C, SIGTERM) stops the child with SIGTERM and waits for it.
 */
const runChild = (args: ReadonlyArray<string>, env: NodeJS.ProcessEnv) =>
  Effect.async<number, CliError>((resume) => {
    const child = spawn(process.execPath, args, { stdio: "inherit", env })
    let exited = false
    child.once("error", (cause) => resume(Effect.fail(new CliError({ message: `cannot start the benchmarks: ${cause.message}` }))))
    child.once("exit", (code, signal) => {
      exited = true
      resume(Effect.succeed(code ?? (signal !== null ? signalCode(signal) : 1)))
    })
    return Effect.async<void>((done) => {
      if (exited) return done(Effect.void)
      child.once("exit", () => done(Effect.void))
      child.kill("SIGTERM")
    })
  })

/** Validates the suite, finds the workspace and tsx, and runs the workspace's runner: its exit code. */
const launch = (o: Spec.Args<typeof Spec.bench>) =>
  Effect.gen(function*() {
    if (!benchSuites.includes(o.suite) && !/[\\/]|\.([cm]?js|ts)$/.test(o.suite)) {
      return yield* new CliError({
        message: `unknown suite "${o.suite}"`,
        hint: `choose one of: ${benchSuites.join(", ")} (or give the path of a module exporting a Suite)`,
        code: 2
      })
    }
    const workspace = findWorkspace(packageRoot())
    if (workspace === undefined) return yield* notPublished(o.suite)
    const tsx = yield* Effect.try({
      try: () => pathToFileURL(createRequire(path.join(workspace, "package.json")).resolve("tsx")).href,
      catch: () =>
        new CliError({
          message: "tsx, which runs the benchmark workspace from its sources, is not installed",
          hint: "run `npm install` at the repository root"
        })
    })
    const flag = (name: string, value: Option.Option<string>) =>
      Option.match(value, { onNone: () => [], onSome: (v) => [`--${name}`, v] })
    const forwarded = [
      o.suite,
      ...flag("dataset", o.dataset),
      ...flag("config", o.config),
      ...flag("out", o.out),
      ...(o.quick ? ["--quick"] : []),
      ...(o.json ? ["--json"] : [])
    ]
    return yield* runChild(["--import", tsx, path.join(workspace, "src", "main.ts"), ...forwarded], {
      ...process.env,
      // tsx maps `alma-memory` to the sources through the workspace's tsconfig paths.
      TSX_TSCONFIG_PATH: path.join(workspace, "tsconfig.json"),
      ALMA_BENCH_COMMAND: ["alma", ...process.argv.slice(2)].map(quote).join(" ")
    })
  })

/**
 * `alma bench <suite>`: the workspace runner's output and exit code (0 ok, 1 failure, 2 usage error).
 *
 * **Errors** (printed once) a usage error (exit 2) for a suite that is neither a known name nor a
 * module path; a `CliError` (exit 1) when the benchmark workspace or tsx is missing. The runner prints
 * its own failures; its exit code becomes this command's.
 *
 * @since 0.1.0
 * @category commands
 */
export const bench = (o: Spec.Args<typeof Spec.bench>) =>
  launch(o).pipe(
    reporting({ command: "bench", json: o.json }),
    // The runner printed its own failure: pass its exit code on without printing again.
    Effect.flatMap((code) => (code === 0 ? Effect.void : Effect.fail(new Reported({ code }))))
  )
