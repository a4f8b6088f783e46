/**
 * The `alma` command line: every command, and `run`, which turns a command line into an exit code
 * (0 ok, 1 domain error, 2 usage error) with each error printed once.
 *
 * @since 0.1.0
 */
import { Command, ValidationError } from "@effect/cli"
import type { CliApp } from "@effect/cli"
import { Cause, Console, Effect } from "effect"
import { versionString } from "../internal/version.js"
import { ExitCode, Reported } from "./errors.js"
import * as Output from "./output.js"
import * as Spec from "./spec.js"

// Handlers are imported on first use: parsing, --help and --version load none of the library.
const lazy = <M, A>(load: () => Promise<M>, handler: (m: M) => (args: A) => Effect.Effect<void, Reported, Environment>) =>
(args: A) => Effect.flatMap(Effect.promise(load), (m) => handler(m)(args))

type Environment = CliApp.CliApp.Environment | Output.Output

const memory = () => import("./commands/memory.js")
const maintenance = () => import("./commands/maintenance.js")
const setup = () => import("./commands/setup.js")
const transfer = () => import("./commands/transfer.js")

const subcommands = [
  Command.make("init", Spec.init, lazy(setup, (m) => m.init)).pipe(
    Command.withDescription("Write .alma/config.yaml with every key and its default, commented; --agent adds agents")
  ),
  Command.make("health", Spec.health, lazy(setup, (m) => m.health)).pipe(
    Command.withDescription("Check that the configuration loads, the embedder works and the storage opens; exit 1 if not")
  ),
  Command.make("retrieve", Spec.retrieve, lazy(memory, (m) => m.retrieve)).pipe(
    Command.withDescription("Retrieve the memories relevant to a task, rendered as a token-budgeted prompt slice")
  ),
  Command.make("learn", Spec.learn, lazy(memory, (m) => m.learn)).pipe(
    Command.withDescription("Record the outcome of a task; repeated outcomes form heuristics and anti-patterns")
  ),
  Command.make("add-preference", Spec.addPreference, lazy(memory, (m) => m.addPreference)).pipe(
    Command.withDescription("Record a user preference")
  ),
  Command.make("add-knowledge", Spec.addKnowledge, lazy(memory, (m) => m.addKnowledge)).pipe(
    Command.withDescription("Record a domain fact for an agent")
  ),
  Command.make("add-anti-pattern", Spec.addAntiPattern, lazy(memory, (m) => m.addAntiPattern)).pipe(
    Command.withDescription("Record an explicit anti-pattern with its better alternative")
  ),
  Command.make("forget", Spec.forget, lazy(maintenance, (m) => m.forget)).pipe(
    Command.withDescription("Delete stale outcomes and heuristics whose decayed confidence fell too low (audited)")
  ),
  Command.make("stats", Spec.stats, lazy(maintenance, (m) => m.stats)).pipe(
    Command.withDescription("Count the stored memories per kind (of the project, or of one agent)")
  ),
  Command.make("export", Spec.exportMemories, lazy(transfer, (m) => m.exportMemories)).pipe(
    Command.withDescription("Export memories as JSONL (a header line, then one memory per line), to stdout or --out")
  ),
  Command.make("import", Spec.importMemories, lazy(transfer, (m) => m.importMemories)).pipe(
    Command.withDescription(
      "Import a JSONL export, re-embedding when the embedder differs; all or nothing unless --skip-invalid"
    )
  ),
  Command.make("demo", Spec.demo, lazy(() => import("./commands/demo.js"), (m) => m.demo)).pipe(
    Command.withDescription(
      "Run the narrated scenario (two scoped agents learn, share and retrieve) on a fresh temporary database"
    )
  ),
  Command.make("serve", Spec.serve, lazy(() => import("./commands/serve.js"), (m) => m.serve)).pipe(
    Command.withDescription(
      "Serve the RPC API (/rpc ndjson, /ws WebSocket) and MCP (/mcp Streamable HTTP) on 127.0.0.1:8765 until SIGTERM"
    )
  ),
  Command.make("mcp", Spec.mcp, lazy(() => import("./commands/serve.js"), (m) => m.mcp)).pipe(
    Command.withDescription("Serve MCP over stdio (newline-delimited JSON-RPC) for Claude Code and other MCP clients")
  ),
  Command.make("bench", Spec.bench, lazy(() => import("./commands/bench.js"), (m) => m.bench)).pipe(
    Command.withDescription("Run a benchmark suite; write <out>/<suite>.json and charts, and append to BENCHMARKS.md")
  )
] as const

const names: ReadonlyArray<string> = [
  "init", "health", "retrieve", "learn", "add-preference", "add-knowledge", "add-anti-pattern", "forget", "stats",
  "export", "import", "demo", "serve", "mcp", "bench"
]

const root = Command.make("alma", {}, () =>
  Effect.gen(function*() {
    yield* Console.error(`usage: alma <command> [options]; commands: ${names.join(", ")}`)
    yield* Console.error("run `alma --help` for the details, or `alma demo` to see ALMA at work")
    return yield* new Reported({ code: ExitCode.usage })
  })).pipe(
    Command.withDescription(
      "ALMA: persistent, scoped memory that makes AI agents better with every task. " +
        "Configuration: --config FILE, else .alma/config.yaml, else the built-in defaults (SQLite in .alma/alma.db, " +
        "local embedder). Exit codes: 0 ok, 1 error (validation, scope, not found, configuration), 2 usage error."
    ),
    Command.withSubcommands(subcommands)
  )

/**
 * The CLI application (@effect/cli), before error handling.
 *
 * @since 0.1.0
 * @category commands
 */
export const cli = Command.run(root, { name: "alma", version: versionString })

/** The subcommand named on the command line, for the usage hint. */
const commandOf = (argv: ReadonlyArray<string>) => argv.slice(2).find((a) => names.includes(a))

/**
 * Runs the command line `argv` (as `process.argv`: runtime, script, then arguments) and returns the
 * exit code. Every failure has been printed exactly once when this returns.
 *
 * @since 0.1.0
 * @category commands
 */
export const run = (
  argv: ReadonlyArray<string>
): Effect.Effect<number, never, CliApp.CliApp.Environment | Output.Output> =>
  cli(argv).pipe(
    Effect.as<number>(ExitCode.ok),
    Effect.catchAll((error) => {
      if (error instanceof Reported) return Effect.succeed(error.code)
      // @effect/cli has already printed the parse error itself.
      const command = commandOf(argv)
      return Effect.gen(function*() {
        const out = yield* Output.Output
        if (ValidationError.isValidationError(error)) {
          yield* Console.error(out.dim(`hint: run \`alma ${command !== undefined ? `${command} ` : ""}--help\` for usage`))
        }
        return ExitCode.usage
      })
    }),
    Effect.catchAllCause((cause) =>
      Effect.as(
        Console.error(`error: unexpected failure (please report it): ${Cause.pretty(cause)}`),
        ExitCode.domain
      )
    )
  )
