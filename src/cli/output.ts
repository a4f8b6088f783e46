/**
 * Terminal output of the `alma` CLI: colours only on a TTY without `NO_COLOR`, ANSI-free consoles
 * otherwise, `--json` printing through schemas, and a TTY-only progress line on stderr.
 *
 * @since 0.1.0
 */
import { Console, Context, Effect, Layer, Schema } from "effect"

/**
 * What the terminal supports, decided once in `bin.ts` from the process's streams and environment.
 *
 * @since 0.1.0
 * @category models
 */
export interface Options {
  /** ANSI colours on stdout (stdout is a TTY and `NO_COLOR` is unset). */
  readonly color: boolean
  /** Progress lines on stderr (stderr is a TTY and `NO_COLOR`/`CI` are unset). */
  readonly progress: boolean
}

/**
 * A progress line: `update` redraws it, `done` erases it. Both do nothing off a TTY.
 *
 * @since 0.1.0
 * @category models
 */
export interface Progress {
  readonly update: (done: number, total: number | undefined) => void
  readonly done: () => void
}

/**
 * @since 0.1.0
 * @category models
 */
export interface Service extends Options {
  readonly bold: (s: string) => string
  readonly dim: (s: string) => string
  readonly red: (s: string) => string
  readonly green: (s: string) => string
  readonly yellow: (s: string) => string
  readonly cyan: (s: string) => string
  /** Starts a progress line labelled `label` on stderr; `unit` follows the count when the total is unknown. */
  readonly progressLine: (label: string, unit?: string) => Progress
}

/**
 * @since 0.1.0
 * @category tags
 */
export class Output extends Context.Tag("alma-memory/cli/Output")<Output, Service>() {}

// ANSI CSI and OSC sequences.
// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)/g

/**
 * The text without ANSI escape sequences.
 *
 * @since 0.1.0
 * @category constructors
 */
export const stripAnsi = (s: string): string => s.replace(ANSI, "")

const sgr = (on: boolean, open: number, close: number) => (s: string) => on ? `\u001b[${open}m${s}\u001b[${close}m` : s

const BAR = 24
const MIN_REDRAW_MS = 80

const makeProgress = (enabled: boolean, label: string, unit: string | undefined): Progress => {
  if (!enabled) return { update: () => {}, done: () => {} }
  let last = -Infinity
  let drawn = false
  const write = (text: string) => process.stderr.write(text)
  return {
    update: (done, total) => {
      const now = performance.now()
      const finished = total !== undefined && done >= total
      if (!finished && now - last < MIN_REDRAW_MS) return
      last = now
      drawn = true
      if (total === undefined || total <= 0) {
        write(`\r\u001b[2K${label} ${done}${unit !== undefined ? ` ${unit}` : ""}`)
        return
      }
      const fraction = Math.min(1, Math.max(0, done / total))
      const filled = Math.round(fraction * BAR)
      write(
        `\r\u001b[2K${label} [${"#".repeat(filled)}${"-".repeat(BAR - filled)}] ${done}/${total} ` +
          `${Math.round(fraction * 100)}%`
      )
    },
    done: () => {
      if (drawn) write("\r\u001b[2K")
      drawn = false
    }
  }
}

/**
 * @since 0.1.0
 * @category constructors
 */
export const make = (options: Options): Service => ({
  ...options,
  bold: sgr(options.color, 1, 22),
  dim: sgr(options.color, 2, 22),
  red: sgr(options.color, 31, 39),
  green: sgr(options.color, 32, 39),
  yellow: sgr(options.color, 33, 39),
  cyan: sgr(options.color, 36, 39),
  progressLine: (label, unit) => makeProgress(options.progress, label, unit)
})

/**
 * A console that drops ANSI sequences from everything it prints (used when colours are off, because
 * @effect/cli colours its help and errors unconditionally).
 *
 * @since 0.1.0
 * @category constructors
 */
export const plainConsole = (base: Console.Console): Console.Console => {
  const strip = (args: ReadonlyArray<unknown>) => args.map((a) => (typeof a === "string" ? stripAnsi(a) : a))
  return {
    ...base,
    log: (...args) => base.log(...strip(args)),
    error: (...args) => base.error(...strip(args)),
    info: (...args) => base.info(...strip(args)),
    warn: (...args) => base.warn(...strip(args)),
    debug: (...args) => base.debug(...strip(args))
  }
}

/**
 * The Output service, plus (when colours are off) the ANSI-stripping console.
 *
 * @since 0.1.0
 * @category layers
 */
export const layer = (options: Options): Layer.Layer<Output> =>
  options.color
    ? Layer.succeed(Output, make(options))
    : Layer.merge(
      Layer.succeed(Output, make(options)),
      Layer.unwrapEffect(Effect.map(Effect.console, (c) => Console.setConsole(plainConsole(c))))
    )

/**
 * Prints `value` to stdout as indented JSON, encoded by `schema` (dates as ISO strings, classes as
 * plain objects).
 *
 * @since 0.1.0
 * @category constructors
 */
export const printJson = <A, I>(schema: Schema.Schema<A, I>, value: A): Effect.Effect<void> =>
  Schema.encode(Schema.parseJson(schema, { space: 2 }))(value).pipe(
    Effect.orDie, // every value printed here was produced or decoded by the same schema
    Effect.flatMap((text) => Console.log(text))
  )
