/**
 * Handler of `alma bench <suite>`: runs a benchmark suite, writes its JSON and charts, and appends a dated
 * section with the machine and the command line to BENCHMARKS.md.
 *
 * @since 0.1.0
 */
import { FileSystem, Path } from "@effect/platform"
import { Console, DateTime, Effect, Option, Predicate, Schema } from "effect"
import * as os from "node:os"
import { pathToFileURL } from "node:url"
import { suites } from "../../bench/registry.js"
import type { BenchReport, Suite } from "../../bench/Suite.js"
import { CliError, reporting } from "../errors.js"
import * as O from "../options.js"
import * as Output from "../output.js"
import type * as Spec from "../spec.js"

const isSuite = (u: unknown): u is Suite => typeof u === "function"

// A registered name, or a path to a module whose default export (or `suite` export) is a Suite.
const loadSuite = (name: string, resolve: (p: string) => string) =>
  Effect.gen(function*() {
    const registered = suites[name]
    if (registered !== undefined) {
      return yield* Effect.tryPromise({
        try: registered,
        catch: (cause) => new CliError({ message: `cannot load the ${name} suite: ${String(cause)}` })
      })
    }
    if (!/[\\/]|\.[cm]?js$/.test(name)) {
      return yield* new CliError({
        message: `unknown suite "${name}"`,
        hint: `choose one of: ${Object.keys(suites).join(", ")} (or give the path of a module exporting a Suite)`,
        code: 2
      })
    }
    const module: unknown = yield* Effect.tryPromise({
      try: () => import(pathToFileURL(resolve(name)).href),
      catch: (cause) => new CliError({ message: `cannot import ${name}: ${String(cause)}` })
    })
    const suite = Predicate.hasProperty(module, "default") && isSuite(module.default)
      ? module.default
      : Predicate.hasProperty(module, "suite") && isSuite(module.suite)
      ? module.suite
      : undefined
    if (suite === undefined) {
      return yield* new CliError({ message: `${name} exports no suite (a function as \`default\` or \`suite\`)` })
    }
    return suite
  })

/** One line describing this machine, for BENCHMARKS.md. */
const machine = (): string => {
  const cpus = os.cpus()
  const model = cpus[0]?.model.trim() || "unknown CPU"
  const ram = (os.totalmem() / 2 ** 30).toFixed(1)
  return `${model}, ${cpus.length} cores, ${ram} GiB RAM, Node ${process.version}, ${os.platform()} ${os.arch()}`
}

const quote = (arg: string) => (/^[\w./:=@,-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, "'\\''")}'`)

/**
 * `--json` shape of `bench`: the files written.
 *
 * @since 0.1.0
 * @category schemas
 */
export const BenchJson = Schema.Struct({
  suite: Schema.String,
  results: Schema.String,
  charts: Schema.Array(Schema.String),
  benchmarks: Schema.String
})

const encodeResults = Schema.encode(Schema.parseJson(Schema.Unknown, { space: 2 }))

const writeReport = (report: BenchReport, outDir: string, command: string) =>
  Effect.gen(function*() {
    const fs = yield* FileSystem.FileSystem
    const path = yield* Path.Path
    const results = path.join(outDir, `${report.suite}.json`)
    const charts = report.charts.map((c) => path.join(outDir, `${c.name}.svg`))
    const benchmarks = path.resolve("BENCHMARKS.md")
    const date = DateTime.formatIso(yield* DateTime.now).slice(0, 10)
    const section = `\n## ${report.suite} — ${date}\n\nMachine: ${machine()}\n\nCommand: \`${command}\`\n\n` +
      `${report.markdown.trim()}\n`
    const json = yield* encodeResults(report.json).pipe(
      Effect.mapError((e) => new CliError({ message: `the suite's results are not JSON: ${e.message}` }))
    )
    yield* Effect.gen(function*() {
      yield* fs.makeDirectory(outDir, { recursive: true })
      yield* fs.writeFileString(results, `${json}\n`)
      for (const [i, chart] of report.charts.entries()) yield* fs.writeFileString(charts[i]!, chart.svg)
      yield* fs.writeFileString(benchmarks, section, { flag: "a" })
    }).pipe(Effect.mapError((e) => new CliError({ message: `cannot write the results: ${e.message}` })))
    return { suite: report.suite, results, charts, benchmarks }
  })

/**
 * `alma bench <suite>`: the suite's Markdown and the files written, or `BenchJson`.
 *
 * @since 0.1.0
 * @category commands
 */
export const bench = (o: Spec.Args<typeof Spec.bench>) =>
  Effect.gen(function*() {
    const path = yield* Path.Path
    const out = yield* Output.Output
    const suite = yield* loadSuite(o.suite, (p) => path.resolve(p))
    const line = out.progressLine(`bench ${o.suite}`)
    const report = yield* Effect.suspend(() =>
      suite({
        dataset: O.opt(o.dataset),
        config: O.opt(o.config),
        quick: o.quick,
        onProgress: line.update
      })
    ).pipe(Effect.ensuring(Effect.sync(line.done)))
    const command = ["alma", ...process.argv.slice(2)].map(quote).join(" ")
    const written = yield* writeReport(report, path.resolve(Option.getOrElse(o.out, () => "bench/results")), command)
    if (o.json) return yield* Output.printJson(BenchJson, written)
    yield* Console.log(report.markdown.trim())
    yield* Console.log(out.dim(`\nwrote ${[written.results, ...written.charts].map((f) => path.relative(".", f)).join(", ")}`))
    yield* Console.log(out.dim(`appended a section to ${path.relative(".", written.benchmarks)}`))
  }).pipe(reporting({ command: "bench", json: o.json }))
