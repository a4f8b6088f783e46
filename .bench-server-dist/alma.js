#!/usr/bin/env node
import { createRequire as __almaCreateRequire } from "node:module"; const require = __almaCreateRequire(import.meta.url);
import {
  layer,
  runMain,
  versionString
} from "./chunk-3NVX4HF5.js";
import {
  suites
} from "./chunk-ISA4O5EM.js";
import "./chunk-ISN7HRKI.js";
import {
  Command_exports,
  Options_exports,
  ValidationError_exports,
  agent,
  agentFilter,
  config,
  json,
  kinds,
  optionalInteger,
  optionalNumber,
  optionalText,
  positional,
  refuseOption,
  text
} from "./chunk-FT56ESOA.js";
import {
  ExitCode,
  Output,
  Reported,
  layer as layer2
} from "./chunk-3G4U7EKN.js";
import "./chunk-HNHJBYPG.js";
import {
  Cause_exports,
  Console_exports,
  Effect_exports,
  Exit_exports,
  Layer_exports,
  Logger_exports
} from "./chunk-S5EEIEDT.js";

// src/cli/spec.ts
var confidence = optionalNumber("confidence", "Confidence in [0, 1]", "0..1");
var source = optionalText("source", "Where it came from (e.g. explicit_instruction, user_stated)");
var init = {
  agents: Options_exports.text("agent").pipe(
    Options_exports.withAlias("a"),
    Options_exports.withPseudoName("name"),
    Options_exports.withDescription("Add an agent with an open scope (repeatable)"),
    Options_exports.repeated,
    Options_exports.mapEffect((names2) => Effect_exports.forEach(names2, refuseOption("--agent")))
  ),
  force: Options_exports.boolean("force").pipe(Options_exports.withDescription("Overwrite an existing configuration file")),
  config: optionalText("config", "Where to write the configuration (default .alma/config.yaml)", "file"),
  json
};
var health = { config, json };
var retrieve = {
  task: positional("task", "The task the agent is about to do"),
  agent,
  user: optionalText("user", "Also retrieve this user's preferences", "name"),
  topK: optionalInteger("top-k", "Memories per kind, 1-100 (default: the configuration's default_top_k)"),
  kinds,
  mode: optionalText(
    "mode",
    "Retrieval mode: broad, precise, diagnostic, learning, recall, benchmark, similarity or auto",
    "mode"
  ),
  maxTokens: optionalInteger("max-tokens", "Token budget of the prompt slice, 16-200000 (default 2000)"),
  config,
  json
};
var learn = {
  task: positional("task", "The task the agent did"),
  agent,
  outcome: text("outcome", "success or failure", "success|failure"),
  strategy: text("strategy", "The strategy the agent used"),
  taskType: optionalText("task-type", "Task type (default: inferred from the task)", "name"),
  error: optionalText("error", "Error message, for failures"),
  feedback: optionalText("feedback", "Feedback on the outcome"),
  durationMs: optionalNumber("duration-ms", "How long the task took, in milliseconds", "ms"),
  config,
  json
};
var addPreference = {
  preference: positional("preference", 'The preference, e.g. "Report failing selectors verbatim"'),
  user: text("user", "User the preference belongs to", "name"),
  category: text("category", "Category, e.g. reporting", "name"),
  source,
  confidence,
  config,
  json
};
var addKnowledge = {
  agent,
  domain: text("domain", "Knowledge domain (must be within the agent's scope)", "name"),
  fact: text("fact", "The fact"),
  source,
  confidence,
  config,
  json
};
var addAntiPattern = {
  pattern: positional("pattern", "What not to do"),
  agent,
  whyBad: text("why-bad", "Why it is bad"),
  instead: text("instead", "What to do instead"),
  taskType: optionalText("task-type", "Task type it applies to (must be within the agent's scope)", "name"),
  config,
  json
};
var forget = {
  agent: agentFilter,
  olderThanDays: optionalNumber(
    "older-than-days",
    "Delete outcomes older than this many days (default: configuration, 90)",
    "days"
  ),
  belowConfidence: optionalNumber(
    "below-confidence",
    "Delete heuristics whose decayed confidence is below this, in [0, 1] (default: configuration, 0.3)",
    "0..1"
  ),
  dryRun: Options_exports.boolean("dry-run").pipe(Options_exports.withDescription("Only list what would be deleted")),
  config,
  json
};
var stats = { agent: agentFilter, config, json };
var exportMemories = {
  out: optionalText("out", "Write to this file instead of stdout", "file"),
  embeddings: Options_exports.boolean("embeddings").pipe(
    Options_exports.withDescription("Include each memory's stored vector (an import into the same embedder then skips re-embedding)")
  ),
  kinds,
  agent: agentFilter,
  config,
  json
};
var importMemories = {
  file: positional("file", "JSONL file written by `alma export`"),
  skipInvalid: Options_exports.boolean("skip-invalid").pipe(
    Options_exports.withDescription("Import the valid lines and report the invalid ones (default: refuse the whole file)")
  ),
  config,
  json
};
var demo = {
  keep: Options_exports.boolean("keep").pipe(Options_exports.withDescription("Keep the demo's database instead of deleting it"))
};
var bench = {
  suite: positional("suite", `Suite name (${Object.keys(suites).join(", ")}) or path of a module exporting a Suite`),
  dataset: optionalText("dataset", "Dataset file or folder (default: the suite's, under ../shared/datasets)", "path"),
  config,
  out: optionalText("out", "Directory for <suite>.json and the charts (default bench/results)", "dir"),
  quick: Options_exports.boolean("quick").pipe(Options_exports.withDescription("A small slice of the data (smoke runs, CI)")),
  json
};
var serve = {
  config,
  host: optionalText("host", "Address to bind (default server.host, 127.0.0.1); any other than loopback needs tokens", "address"),
  port: optionalInteger("port", "TCP port (default server.port, 8765; 0 picks a free one)", "port")
};
var mcp = {
  config,
  project: optionalText("project", "Project to serve (default the configuration's project_id)", "name")
};

// src/cli/Cli.ts
var lazy = (load, handler) => (args) => Effect_exports.flatMap(Effect_exports.promise(load), (m) => handler(m)(args));
var memory = () => import("./memory-VGSCTEM2.js");
var maintenance = () => import("./maintenance-WIKMPE36.js");
var setup = () => import("./setup-BKP3CMKE.js");
var transfer = () => import("./transfer-6E7QH2NL.js");
var subcommands = [
  Command_exports.make("init", init, lazy(setup, (m) => m.init)).pipe(
    Command_exports.withDescription("Write .alma/config.yaml with every key and its default, commented; --agent adds agents")
  ),
  Command_exports.make("health", health, lazy(setup, (m) => m.health)).pipe(
    Command_exports.withDescription("Check that the configuration loads, the embedder works and the storage opens; exit 1 if not")
  ),
  Command_exports.make("retrieve", retrieve, lazy(memory, (m) => m.retrieve)).pipe(
    Command_exports.withDescription("Retrieve the memories relevant to a task, rendered as a token-budgeted prompt slice")
  ),
  Command_exports.make("learn", learn, lazy(memory, (m) => m.learn)).pipe(
    Command_exports.withDescription("Record the outcome of a task; repeated outcomes form heuristics and anti-patterns")
  ),
  Command_exports.make("add-preference", addPreference, lazy(memory, (m) => m.addPreference)).pipe(
    Command_exports.withDescription("Record a user preference")
  ),
  Command_exports.make("add-knowledge", addKnowledge, lazy(memory, (m) => m.addKnowledge)).pipe(
    Command_exports.withDescription("Record a domain fact for an agent")
  ),
  Command_exports.make("add-anti-pattern", addAntiPattern, lazy(memory, (m) => m.addAntiPattern)).pipe(
    Command_exports.withDescription("Record an explicit anti-pattern with its better alternative")
  ),
  Command_exports.make("forget", forget, lazy(maintenance, (m) => m.forget)).pipe(
    Command_exports.withDescription("Delete stale outcomes and heuristics whose decayed confidence fell too low (audited)")
  ),
  Command_exports.make("stats", stats, lazy(maintenance, (m) => m.stats)).pipe(
    Command_exports.withDescription("Count the stored memories per kind (of the project, or of one agent)")
  ),
  Command_exports.make("export", exportMemories, lazy(transfer, (m) => m.exportMemories)).pipe(
    Command_exports.withDescription("Export memories as JSONL (a header line, then one memory per line), to stdout or --out")
  ),
  Command_exports.make("import", importMemories, lazy(transfer, (m) => m.importMemories)).pipe(
    Command_exports.withDescription(
      "Import a JSONL export, re-embedding when the embedder differs; all or nothing unless --skip-invalid"
    )
  ),
  Command_exports.make("demo", demo, lazy(() => import("./demo-5JCOONZ2.js"), (m) => m.demo)).pipe(
    Command_exports.withDescription(
      "Run the narrated scenario (two scoped agents learn, share and retrieve) on a fresh temporary database"
    )
  ),
  Command_exports.make("serve", serve, lazy(() => import("./serve-SKP6HW7B.js"), (m) => m.serve)).pipe(
    Command_exports.withDescription(
      "Serve the RPC API (/rpc ndjson, /ws WebSocket) and MCP (/mcp Streamable HTTP) on 127.0.0.1:8765 until SIGTERM"
    )
  ),
  Command_exports.make("mcp", mcp, lazy(() => import("./serve-SKP6HW7B.js"), (m) => m.mcp)).pipe(
    Command_exports.withDescription("Serve MCP over stdio (newline-delimited JSON-RPC) for Claude Code and other MCP clients")
  ),
  Command_exports.make("bench", bench, lazy(() => import("./bench-3PC44VEB.js"), (m) => m.bench)).pipe(
    Command_exports.withDescription("Run a benchmark suite; write <out>/<suite>.json and charts, and append to BENCHMARKS.md")
  )
];
var names = [
  "init",
  "health",
  "retrieve",
  "learn",
  "add-preference",
  "add-knowledge",
  "add-anti-pattern",
  "forget",
  "stats",
  "export",
  "import",
  "demo",
  "serve",
  "mcp",
  "bench"
];
var root = Command_exports.make("alma", {}, () => Effect_exports.gen(function* () {
  yield* Console_exports.error(`usage: alma <command> [options]; commands: ${names.join(", ")}`);
  yield* Console_exports.error("run `alma --help` for the details, or `alma demo` to see ALMA at work");
  return yield* new Reported({ code: ExitCode.usage });
})).pipe(
  Command_exports.withDescription(
    "ALMA: persistent, scoped memory that makes AI agents better with every task. Configuration: --config FILE, else .alma/config.yaml, else the built-in defaults (SQLite in .alma/alma.db, local embedder). Exit codes: 0 ok, 1 error (validation, scope, not found, configuration), 2 usage error."
  ),
  Command_exports.withSubcommands(subcommands)
);
var cli = Command_exports.run(root, { name: "alma", version: versionString });
var commandOf = (argv) => argv.slice(2).find((a) => names.includes(a));
var run = (argv) => cli(argv).pipe(
  Effect_exports.as(ExitCode.ok),
  Effect_exports.catchAll((error) => {
    if (error instanceof Reported) return Effect_exports.succeed(error.code);
    const command = commandOf(argv);
    return Effect_exports.gen(function* () {
      const out = yield* Output;
      if (ValidationError_exports.isValidationError(error)) {
        yield* Console_exports.error(out.dim(`hint: run \`alma ${command !== void 0 ? `${command} ` : ""}--help\` for usage`));
      }
      return ExitCode.usage;
    });
  }),
  Effect_exports.catchAllCause(
    (cause) => Effect_exports.as(
      Console_exports.error(`error: unexpected failure (please report it): ${Cause_exports.pretty(cause)}`),
      ExitCode.domain
    )
  )
);

// src/cli/bin.ts
var noColor = (process.env.NO_COLOR ?? "") !== "";
var MainLive = Layer_exports.mergeAll(
  layer,
  layer2({
    color: process.stdout.isTTY === true && !noColor,
    progress: process.stderr.isTTY === true && !noColor
  }),
  // Library logs (warnings) go to stderr, so that stdout carries only the command's output.
  Logger_exports.replace(Logger_exports.defaultLogger, Logger_exports.withConsoleError(Logger_exports.logfmtLogger))
);
var serving = ["serve", "mcp"].includes(process.argv[2] ?? "");
var teardown = (exit) => {
  const code = Exit_exports.isSuccess(exit) && typeof exit.value === "number" ? exit.value : Exit_exports.isInterrupted(exit) ? serving ? 0 : 130 : 1;
  process.stdout.write("", () => process.exit(code));
};
run(process.argv).pipe(
  Effect_exports.provide(MainLive),
  runMain({ disableErrorReporting: true, disablePrettyLogger: true, teardown })
);
