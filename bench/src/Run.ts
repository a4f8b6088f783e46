/**
 * Running one suite the way `npm run bench -- <suite>` (and `alma bench <suite>`, which starts this
 * workspace) does: load it by name or module path, run it, write `<out>/<suite>.json` and one SVG per
 * chart, and append a dated section with the machine and the command line to `BENCHMARKS.md` in the
 * current directory.
 *
 * @since 0.1.0
 */
import { Data, DateTime, Effect, Predicate, Schema } from "effect"
import { mkdir, writeFile } from "node:fs/promises"
import * as os from "node:os"
import * as path from "node:path"
import { pathToFileURL } from "node:url"
import { suites } from "./registry.js"
import type { BenchOptions, BenchReport, Suite } from "./Suite.js"

/**
 * A failure of the runner itself (not of the suite): an unknown suite (`code` 2, a usage error), a
 * module that exports no suite, results that cannot be written. `hint` says what to do.
 *
 * @since 0.1.0
 * @category errors
 */
export class BenchError extends Data.TaggedError("BenchError")<{
  readonly message: string
  readonly hint?: string | undefined
  readonly code?: 1 | 2 | undefined
}> {}

const isSuite = (u: unknown): u is Suite => typeof u === "function"

/**
 * A registered suite by name (`registry.ts`), or the module at path `name` (relative to the current
 * directory) whose default export, or `suite` export, is a {@link Suite}.
 *
 * **Errors** `BenchError`: code 2 for a name that is neither registered nor a path (one containing a
 * `/` or `\`, or ending in `.js`, `.mjs`, `.cjs` or `.ts`); code 1 when the module cannot be imported
 * or exports no suite.
 *
 * @since 0.1.0
 * @category constructors
 */
export const loadSuite = (name: string): Effect.Effect<Suite, BenchError> =>
  Effect.gen(function*() {
    const registered = suites[name]
    if (registered !== undefined) {
      return yield* Effect.tryPromise({
        try: registered,
        catch: (cause) => new BenchError({ message: `cannot load the ${name} suite: ${String(cause)}` })
      })
    }
    if (!/[\\/]|\.([cm]?js|ts)$/.test(name)) {
      return yield* new BenchError({
        message: `unknown suite "${name}"`,
        hint: `choose one of: ${Object.keys(suites).join(", ")} (or give the path of a module exporting a Suite)`,
        code: 2
      })
    }
    const module: unknown = yield* Effect.tryPromise({
      try: () => import(pathToFileURL(path.resolve(name)).href),
      catch: (cause) => new BenchError({ message: `cannot import ${name}: ${String(cause)}` })
    })
    const suite = Predicate.hasProperty(module, "default") && isSuite(module.default)
      ? module.default
      : Predicate.hasProperty(module, "suite") && isSuite(module.suite)
      ? module.suite
      : undefined
    if (suite === undefined) {
      return yield* new BenchError({ message: `${name} exports no suite (a function as \`default\` or \`suite\`)` })
    }
    return suite
  })

/**
 * One line describing this machine, for BENCHMARKS.md: CPU model, cores, RAM (GiB), Node version,
 * platform and architecture.
 *
 * @since 0.1.0
 * @category constructors
 */
export const machine = (): string => {
  const cpus = os.cpus()
  const model = cpus[0]?.model.trim() || "unknown CPU"
  const ram = (os.totalmem() / 2 ** 30).toFixed(1)
  return `${model}, ${cpus.length} cores, ${ram} GiB RAM, Node ${process.version}, ${os.platform()} ${os.arch()}`
}

const quote = (arg: string) => (/^[\w./:=@,-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, "'\\''")}'`)

/**
 * The environment variable through which `alma bench` passes its own command line (already quoted),
 * so that BENCHMARKS.md records what the user typed.
 *
 * @since 0.1.0
 * @category constants
 */
export const COMMAND_ENV = "ALMA_BENCH_COMMAND"

/**
 * The command line recorded in BENCHMARKS.md for the arguments `args` (those after the script): the
 * one `alma bench` passed in {@link COMMAND_ENV}, else `npm run bench -- …` when npm runs the `bench`
 * script, else `tsx bench/src/main.ts …`. Arguments are shell-quoted where needed.
 *
 * @since 0.1.0
 * @category constructors
 */
export const commandLine = (args: ReadonlyArray<string>, env: NodeJS.ProcessEnv = process.env): string => {
  const given = env[COMMAND_ENV]
  if (given !== undefined && given !== "") return given
  const quoted = args.map(quote).join(" ")
  return env.npm_lifecycle_event === "bench"
    ? `npm run bench${quoted === "" ? "" : ` -- ${quoted}`}`
    : `tsx bench/src/main.ts${quoted === "" ? "" : ` ${quoted}`}`
}

/**
 * The files a run wrote (absolute paths).
 *
 * @since 0.1.0
 * @category models
 */
export const Written = Schema.Struct({
  suite: Schema.String,
  results: Schema.String,
  charts: Schema.Array(Schema.String),
  benchmarks: Schema.String
})

/**
 * @since 0.1.0
 * @category models
 */
export type Written = typeof Written.Type

const encodeResults = Schema.encode(Schema.parseJson(Schema.Unknown, { space: 2 }))

/**
 * Writes `<outDir>/<suite>.json` and `<outDir>/<chart>.svg`, then appends to `BENCHMARKS.md` in the
 * current directory a section `## <suite> — <YYYY-MM-DD>` with the machine, the command line and the
 * suite's Markdown.
 *
 * **Errors** `BenchError` when the results are not JSON or a file cannot be written.
 *
 * @since 0.1.0
 * @category constructors
 */
export const writeReport = (report: BenchReport, outDir: string, command: string): Effect.Effect<Written, BenchError> =>
  Effect.gen(function*() {
    const results = path.join(outDir, `${report.suite}.json`)
    const charts = report.charts.map((c) => path.join(outDir, `${c.name}.svg`))
    const benchmarks = path.resolve("BENCHMARKS.md")
    const date = DateTime.formatIso(yield* DateTime.now).slice(0, 10)
    const section = `\n## ${report.suite} — ${date}\n\nMachine: ${machine()}\n\nCommand: \`${command}\`\n\n` +
      `${report.markdown.trim()}\n`
    const json = yield* encodeResults(report.json).pipe(
      Effect.mapError((e) => new BenchError({ message: `the suite's results are not JSON: ${e.message}` }))
    )
    yield* Effect.tryPromise({
      try: async () => {
        await mkdir(outDir, { recursive: true })
        await writeFile(results, `${json}\n`)
        for (const [i, chart] of report.charts.entries()) await writeFile(charts[i]!, chart.svg)
        await writeFile(benchmarks, section, { flag: "a" })
      },
      catch: (cause) => new BenchError({ message: `cannot write the results: ${String(cause)}` })
    })
    return { suite: report.suite, results, charts, benchmarks }
  })

/**
 * What to run: the suite (name or module path), its options, and where the results go (default
 * `bench/results` under the current directory).
 *
 * @since 0.1.0
 * @category models
 */
export interface RunOptions extends BenchOptions {
  readonly suite: string
  readonly out?: string | undefined
  /** Recorded in BENCHMARKS.md (see {@link commandLine}). */
  readonly command: string
}

/**
 * Loads, runs and records one suite; the suite's report and the files written.
 *
 * **Errors** `BenchError` (see {@link loadSuite}, {@link writeReport}) or whatever the suite fails with.
 *
 * @since 0.1.0
 * @category constructors
 */
export const run = (options: RunOptions): Effect.Effect<{ report: BenchReport; written: Written }, unknown> =>
  Effect.gen(function*() {
    const suite = yield* loadSuite(options.suite)
    const report = yield* Effect.suspend(() =>
      suite({
        dataset: options.dataset,
        config: options.config,
        quick: options.quick,
        onProgress: options.onProgress
      })
    )
    const written = yield* writeReport(report, path.resolve(options.out ?? "bench/results"), options.command)
    return { report, written }
  })
