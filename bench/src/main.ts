/**
 * The benchmark runner: `npm run bench -- <suite> [--dataset PATH] [--config FILE] [--out DIR] [--quick]
 * [--json]` at the repository root (`alma bench <suite>` starts this same entry through tsx when the
 * workspace is present). Prints the suite's Markdown and the files written, or with `--json`
 * `{ suite, results, charts, benchmarks }` (absolute paths). A progress line is drawn on stderr when it
 * is a terminal (and `NO_COLOR` / `CI` are unset).
 *
 * Exit codes: 0 ok, 1 failure (of the suite, or files that cannot be written), 2 usage error. A failure
 * is printed once on stderr as `error: …` (and `hint: …`), or with `--json` as
 * `{ "error": { tag, message, hint?, exitCode } }`.
 *
 * @since 0.1.0
 */
import { Args, Command, Options, ValidationError } from "@effect/cli"
import * as NodeContext from "@effect/platform-node/NodeContext"
import * as NodeRuntime from "@effect/platform-node/NodeRuntime"
import { Cause, Console, Effect, Exit, Layer, Logger, Option, Predicate, Schema } from "effect"
import * as path from "node:path"
import { BenchError, commandLine, run, Written } from "./Run.js"
import { suites } from "./registry.js"

const color = process.stdout.isTTY === true && (process.env.NO_COLOR ?? "") === ""
const progress = process.stderr.isTTY === true && (process.env.NO_COLOR ?? "") === "" && process.env.CI === undefined
const sgr = (open: number, close: number) => (s: string) => color ? `\u001b[${open}m${s}\u001b[${close}m` : s
const dim = sgr(2, 22)
const red = sgr(31, 39)
const bold = sgr(1, 22)

/** A progress line on stderr (a no-op off a terminal): `update` redraws at most every 80 ms, `done` erases. */
const progressLine = (label: string) => {
  if (!progress) return { update: (_done: number, _total: number | undefined) => {}, done: () => {} }
  let last = -Infinity
  let drawn = false
  return {
    update: (done: number, total: number | undefined) => {
      const now = performance.now()
      if (!(total !== undefined && done >= total) && now - last < 80) return
      last = now
      drawn = true
      if (total === undefined || total <= 0) {
        process.stderr.write(`\r\u001b[2K${label} ${done}`)
        return
      }
      const fraction = Math.min(1, Math.max(0, done / total))
      const filled = Math.round(fraction * 24)
      process.stderr.write(
        `\r\u001b[2K${label} [${"#".repeat(filled)}${"-".repeat(24 - filled)}] ${done}/${total} ` +
          `${Math.round(fraction * 100)}%`
      )
    },
    done: () => {
      if (drawn) process.stderr.write("\r\u001b[2K")
      drawn = false
    }
  }
}

const ErrorJson = Schema.parseJson(Schema.Struct({
  error: Schema.Struct({
    tag: Schema.String,
    message: Schema.String,
    hint: Schema.optional(Schema.String),
    exitCode: Schema.Number
  })
}))

/** Prints `error` once on stderr and returns the exit code. */
const report = (error: unknown, json: boolean) =>
  Effect.gen(function*() {
    const code = error instanceof BenchError ? error.code ?? 1 : 1
    const tag = Predicate.hasProperty(error, "_tag") && typeof error._tag === "string" ? error._tag : "Error"
    const message = Predicate.hasProperty(error, "message") && typeof error.message === "string" && error.message !== ""
      ? error.message
      : String(error)
    const hint = error instanceof BenchError ? error.hint : undefined
    if (json) {
      const text = yield* Schema.encode(ErrorJson)({
        error: { tag, message, ...(hint !== undefined ? { hint } : {}), exitCode: code }
      }).pipe(Effect.orDie)
      yield* Console.error(text)
    } else {
      yield* Console.error(`${red(bold("error:"))} ${message}`)
      if (hint !== undefined) yield* Console.error(`${dim("hint:")} ${hint}`)
    }
    return code
  })

const text = (name: string, description: string, pseudo: string) =>
  Options.text(name).pipe(Options.withPseudoName(pseudo), Options.withDescription(description), Options.optional)

const bench = Command.make("bench", {
  suite: Args.text({ name: "suite" }).pipe(
    Args.withDescription(`Suite name (${Object.keys(suites).join(", ")}) or path of a module exporting a Suite`)
  ),
  dataset: text("dataset", "Dataset file or folder (default: the suite's, under ../shared/datasets)", "path"),
  config: text("config", "ALMA configuration file of the configuration under test", "file"),
  out: text("out", "Directory for <suite>.json and the charts (default bench/results)", "dir"),
  quick: Options.boolean("quick").pipe(Options.withDescription("A small slice of the data (smoke runs, CI)")),
  json: Options.boolean("json").pipe(Options.withDescription("Print the files written as JSON"))
}, (o) =>
  Effect.gen(function*() {
    const line = progressLine(`bench ${o.suite}`)
    const { report: result, written } = yield* run({
      suite: o.suite,
      dataset: Option.getOrUndefined(o.dataset),
      config: Option.getOrUndefined(o.config),
      out: Option.getOrUndefined(o.out),
      quick: o.quick,
      onProgress: line.update,
      command: commandLine(process.argv.slice(2))
    }).pipe(Effect.ensuring(Effect.sync(line.done)))
    if (o.json) return yield* Console.log(yield* Schema.encode(Schema.parseJson(Written, { space: 2 }))(written))
    yield* Console.log(result.markdown.trim())
    const files = [written.results, ...written.charts].map((f) => path.relative(".", f))
    yield* Console.log(dim(`\nwrote ${files.join(", ")}`))
    yield* Console.log(dim(`appended a section to ${path.relative(".", written.benchmarks)}`))
  }).pipe(
    Effect.catchAll((error) => Effect.flatMap(report(error, o.json), (code) => Effect.sync(() => (process.exitCode = code))))
  )).pipe(Command.withDescription(
    "Run a benchmark suite; write <out>/<suite>.json and charts, and append to BENCHMARKS.md"
  ))

const cli = Command.run(bench, { name: "ALMA benchmarks (npm run bench -- <suite>)", version: "0.1.0" })

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-?]*[ -/]*[@-~]/g
const strip = (args: ReadonlyArray<unknown>) => args.map((a) => (typeof a === "string" ? a.replace(ANSI, "") : a))

/** Off a colour terminal, a console without ANSI sequences (@effect/cli colours its help unconditionally). */
const plain = Layer.unwrapEffect(Effect.map(Effect.console, (c) =>
  Console.setConsole({
    ...c,
    log: (...args) => c.log(...strip(args)),
    error: (...args) => c.error(...strip(args))
  })
))

const main = cli(process.argv).pipe(
  // @effect/cli has printed the parse error itself.
  Effect.catchIf(ValidationError.isValidationError, () =>
    Effect.zipRight(Console.error(dim("hint: run `npm run bench -- --help` for usage")), Effect.sync(() => (process.exitCode = 2)))),
  Effect.provide(color ? NodeContext.layer : Layer.merge(NodeContext.layer, plain)),
  Effect.provide(Logger.replace(Logger.defaultLogger, Logger.withConsoleError(Logger.logfmtLogger)))
)

NodeRuntime.runMain(main, {
  disableErrorReporting: true,
  disablePrettyLogger: true,
  // Exit once stdout has drained: a loaded model or a pool may keep the event loop alive.
  teardown: (exit) => {
    const code = Exit.isSuccess(exit)
      ? typeof process.exitCode === "number" ? process.exitCode : 0
      : Exit.isInterrupted(exit)
      ? 130
      : (console.error(Cause.pretty(exit.cause)), 1)
    process.stdout.write("", () => process.exit(code))
  }
})
