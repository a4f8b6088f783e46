/**
 * How the CLI reports failures: once, on stderr, with what to do, and as an exit code
 * (0 ok, 1 domain error, 2 usage error).
 *
 * @since 0.1.0
 */
import { Console, Data, Effect, Predicate, Schema } from "effect"
import type { AlmaError, StorageErrorReason } from "../domain/AlmaError.js"
import { isAlmaError } from "../domain/AlmaError.js"
import * as Output from "./output.js"

/**
 * Exit codes.
 *
 * @since 0.1.0
 * @category models
 */
export const ExitCode = { ok: 0, domain: 1, usage: 2 } as const

/**
 * A CLI-level failure that is not an ALMA error (a file that cannot be read or written, an unknown
 * bench suite, a failed health check). `code` 1 unless it is a usage error.
 *
 * @since 0.1.0
 * @category errors
 */
export class CliError extends Data.TaggedError("CliError")<{
  readonly message: string
  readonly hint?: string | undefined
  readonly code?: 1 | 2 | undefined
}> {}

/**
 * A failure already printed; carries only the exit code. The root turns it into the process's.
 *
 * @since 0.1.0
 * @category errors
 */
export class Reported extends Data.TaggedError("Reported")<{ readonly code: number }> {}

// Library field names → the flags that set them.
const flags: Record<string, string> = {
  agent: "--agent",
  task: "<task>",
  userId: "--user",
  topK: "--top-k",
  kinds: "--kinds",
  mode: "--mode",
  maxTokens: "--max-tokens",
  taskType: "--task-type",
  outcome: "--outcome",
  strategyUsed: "--strategy",
  errorMessage: "--error",
  feedback: "--feedback",
  durationMs: "--duration-ms",
  domain: "--domain",
  fact: "--fact",
  category: "--category",
  preference: "<preference>",
  source: "--source",
  confidence: "--confidence",
  pattern: "<pattern>",
  whyBad: "--why-bad",
  betterAlternative: "--instead",
  olderThanDays: "--older-than-days",
  belowConfidence: "--below-confidence"
}

const flagOf = (field: string): string | undefined => flags[field.split(".")[0] ?? field]

/** The innermost cause's message (and code), for storage failures wrapped by several layers. */
const rootCause = (cause: unknown): string | undefined => {
  let current = cause
  let found: string | undefined
  for (let depth = 0; depth < 8 && Predicate.isObject(current); depth++) {
    if (Predicate.hasProperty(current, "message") && typeof current.message === "string" && current.message.length > 0) {
      const code = Predicate.hasProperty(current, "code") && typeof current.code === "string" ? `${current.code}: ` : ""
      found = `${code}${current.message}`
    }
    current = Predicate.hasProperty(current, "cause") ? current.cause : undefined
  }
  return found
}

/** What to do about a storage failure of each reason (the message already says what happened). */
const storageHint = (reason: StorageErrorReason | undefined): string => {
  switch (reason) {
    case "corrupt":
      return "restore the database file from a backup; to salvage what is still readable, copy the file and run " +
        "`alma export` with storage pointed at the copy"
    case "full":
      return "free disk space (or raise the quota or size limit), then retry; `alma forget` removes old memories"
    case "io":
      return "check the disk and the file system holding the database, then retry; `alma health` checks the setup"
    case "readonly":
    case "cantopen":
    case "busy":
    case undefined:
      return "check that the storage directory is writable; `alma health` checks the setup"
  }
}

/** A one-line message and an optional hint for an ALMA error. */
const describeAlma = (e: AlmaError, command: string): { message: string; hint?: string } => {
  switch (e._tag) {
    case "ValidationError": {
      const flag = flagOf(e.field)
      const message = flag ? `Invalid "${e.field}" (${flag}): ${e.reason}` : e.message
      if (e.field === "agent" && e.reason.startsWith("unknown agent")) {
        return {
          message,
          hint: "run `alma init --agent <name>` to write a configuration with that agent, or add it under " +
            "`agents:` in your .alma/config.yaml (or set `allow_unknown_agents: true`)"
        }
      }
      if (command === "import" && e.field.startsWith("line ")) {
        return { message, hint: "fix those lines, or pass --skip-invalid to import the valid lines and list the others" }
      }
      return { message, hint: `see \`alma ${command} --help\` for the accepted values` }
    }
    case "ConfigurationError":
      return e.key === "file" && e.description.startsWith("no configuration file")
        ? {
          message: `no configuration file at ${e.file ?? "the given path"}`,
          hint: "create one with `alma init` (or `alma init --config <path>`), or leave out --config to use " +
            "the built-in defaults"
        }
        : e.file !== undefined && /\.ya?ml$/.test(e.file)
        ? { message: e.message, hint: "see config/default.yaml for every key, its default and its range" }
        : { message: e.message }
    case "ScopeViolationError":
      return {
        message: e.message,
        hint: `add "${e.domain}" to the agent's can_learn (and remove it from cannot_learn) in the configuration`
      }
    case "NotFoundError":
      return { message: e.message, hint: "list what is stored with `alma export` or `alma stats`" }
    case "StorageError": {
      const root = rootCause(e.cause)
      const busy = e.reason === "busy" || (root !== undefined && /SQLITE_BUSY|database is locked/i.test(root))
      return {
        message: root !== undefined && !e.message.includes(root) ? `${e.message} (${root})` : e.message,
        hint: busy ? "another process is writing to the same database; retry the command" : storageHint(e.reason)
      }
    }
    case "EmbeddingError":
      return { message: e.message, hint: "run `alma health` to check the embedder" }
  }
}

/** Message and hint of any failure a command may end with. */
export const describe = (error: unknown, command: string): { tag: string; message: string; hint?: string } => {
  if (isAlmaError(error)) return { tag: error._tag, ...describeAlma(error, command) }
  if (error instanceof CliError) {
    return { tag: "CliError", message: error.message, ...(error.hint !== undefined ? { hint: error.hint } : {}) }
  }
  const message = Predicate.hasProperty(error, "message") && typeof error.message === "string"
    ? error.message
    : String(error)
  const tag = Predicate.hasProperty(error, "_tag") && typeof error._tag === "string" ? error._tag : "Error"
  return { tag, message }
}

const ErrorJson = Schema.Struct({
  error: Schema.Struct({
    tag: Schema.String,
    message: Schema.String,
    hint: Schema.optional(Schema.String),
    exitCode: Schema.Number
  })
})

/**
 * Prints `error` once on stderr (`error: …` and `hint: …`, or one JSON object with `--json`) and
 * fails with {@link Reported}.
 *
 * @since 0.1.0
 * @category constructors
 */
export const report = (error: unknown, options: { readonly command: string; readonly json: boolean }) =>
  Effect.gen(function*() {
    const out = yield* Output.Output
    const code = error instanceof CliError ? error.code ?? ExitCode.domain : ExitCode.domain
    const { hint, message, tag } = describe(error, options.command)
    if (options.json) {
      const text = yield* Schema.encode(Schema.parseJson(ErrorJson))({
        error: { tag, message, ...(hint !== undefined ? { hint } : {}), exitCode: code }
      }).pipe(Effect.orDie)
      yield* Console.error(text)
    } else {
      yield* Console.error(`${out.red(out.bold("error:"))} ${message}`)
      if (hint !== undefined) yield* Console.error(`${out.dim("hint:")} ${hint}`)
    }
    return yield* new Reported({ code })
  })

/**
 * Runs a command body and reports any failure once (see {@link report}).
 *
 * @since 0.1.0
 * @category constructors
 */
export const reporting = (options: { readonly command: string; readonly json: boolean }) =>
<A, E, R>(self: Effect.Effect<A, E, R>): Effect.Effect<A, Reported, R | Output.Output> =>
  Effect.catchAll(self, (error) => report(error, options))
