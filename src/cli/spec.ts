/**
 * What each `alma` command accepts: its options and arguments. Kept apart from the handlers
 * (`commands/`) so that parsing, `--help` and `--version` load none of the library.
 *
 * @since 0.1.0
 */
import type { Command } from "@effect/cli"
import { Options } from "@effect/cli"
import { Effect } from "effect"
import * as O from "./options.js"

/**
 * The parsed values of a command's options.
 *
 * @since 0.1.0
 * @category models
 */
export type Args<C extends Command.Command.Config> = Command.Command.ParseConfig<C>

const confidence = O.optionalNumber("confidence", "Confidence in [0, 1]", "0..1")
const source = O.optionalText("source", "Where it came from (e.g. explicit_instruction, user_stated)")

/**
 * Options of `alma init`.
 *
 * @since 0.1.0
 * @category options
 */
export const init = {
  agents: Options.text("agent").pipe(
    Options.withAlias("a"),
    Options.withPseudoName("name"),
    Options.withDescription("Add an agent with an open scope (repeatable)"),
    Options.repeated,
    Options.mapEffect((names) => Effect.forEach(names, O.refuseOption("--agent")))
  ),
  force: Options.boolean("force").pipe(Options.withDescription("Overwrite an existing configuration file")),
  config: O.optionalText("config", "Where to write the configuration (default .alma/config.yaml)", "file"),
  json: O.json
}

/**
 * Options of `alma health`.
 *
 * @since 0.1.0
 * @category options
 */
export const health = { config: O.config, json: O.json }

/**
 * Options of `alma retrieve`.
 *
 * @since 0.1.0
 * @category options
 */
export const retrieve = {
  task: O.positional("task", "The task the agent is about to do"),
  agent: O.agent,
  user: O.optionalText("user", "Also retrieve this user's preferences", "name"),
  topK: O.optionalInteger("top-k", "Memories per kind, 1-100 (default: the configuration's default_top_k)"),
  kinds: O.kinds,
  mode: O.optionalText(
    "mode",
    "Retrieval mode: broad, precise, diagnostic, learning, recall, benchmark, similarity or auto",
    "mode"
  ),
  maxTokens: O.optionalInteger("max-tokens", "Token budget of the prompt slice, 16-200000 (default 2000)"),
  config: O.config,
  json: O.json
}

/**
 * Options of `alma learn`.
 *
 * @since 0.1.0
 * @category options
 */
export const learn = {
  task: O.positional("task", "The task the agent did"),
  agent: O.agent,
  outcome: O.text("outcome", "success or failure", "success|failure"),
  strategy: O.text("strategy", "The strategy the agent used"),
  taskType: O.optionalText("task-type", "Task type (default: inferred from the task)", "name"),
  error: O.optionalText("error", "Error message, for failures"),
  feedback: O.optionalText("feedback", "Feedback on the outcome"),
  durationMs: O.optionalNumber("duration-ms", "How long the task took, in milliseconds", "ms"),
  config: O.config,
  json: O.json
}

/**
 * Options of `alma add-preference`.
 *
 * @since 0.1.0
 * @category options
 */
export const addPreference = {
  preference: O.positional("preference", "The preference, e.g. \"Report failing selectors verbatim\""),
  user: O.text("user", "User the preference belongs to", "name"),
  category: O.text("category", "Category, e.g. reporting", "name"),
  source,
  confidence,
  config: O.config,
  json: O.json
}

/**
 * Options of `alma add-knowledge`.
 *
 * @since 0.1.0
 * @category options
 */
export const addKnowledge = {
  agent: O.agent,
  domain: O.text("domain", "Knowledge domain (must be within the agent's scope)", "name"),
  fact: O.text("fact", "The fact"),
  source,
  confidence,
  config: O.config,
  json: O.json
}

/**
 * Options of `alma add-anti-pattern`.
 *
 * @since 0.1.0
 * @category options
 */
export const addAntiPattern = {
  pattern: O.positional("pattern", "What not to do"),
  agent: O.agent,
  whyBad: O.text("why-bad", "Why it is bad"),
  instead: O.text("instead", "What to do instead"),
  taskType: O.optionalText("task-type", "Task type it applies to (must be within the agent's scope)", "name"),
  config: O.config,
  json: O.json
}

/**
 * Options of `alma forget`.
 *
 * @since 0.1.0
 * @category options
 */
export const forget = {
  agent: O.agentFilter,
  olderThanDays: O.optionalNumber(
    "older-than-days",
    "Delete outcomes older than this many days (default: configuration, 90)",
    "days"
  ),
  belowConfidence: O.optionalNumber(
    "below-confidence",
    "Delete heuristics whose decayed confidence is below this, in [0, 1] (default: configuration, 0.3)",
    "0..1"
  ),
  dryRun: Options.boolean("dry-run").pipe(Options.withDescription("Only list what would be deleted")),
  config: O.config,
  json: O.json
}

/**
 * Options of `alma stats`.
 *
 * @since 0.1.0
 * @category options
 */
export const stats = { agent: O.agentFilter, config: O.config, json: O.json }

/**
 * Options of `alma export`.
 *
 * @since 0.1.0
 * @category options
 */
export const exportMemories = {
  out: O.optionalText("out", "Write to this file instead of stdout", "file"),
  embeddings: Options.boolean("embeddings").pipe(
    Options.withDescription("Include each memory's stored vector (an import into the same embedder then skips re-embedding)")
  ),
  kinds: O.kinds,
  agent: O.agentFilter,
  config: O.config,
  json: O.json
}

/**
 * Options of `alma import`.
 *
 * @since 0.1.0
 * @category options
 */
export const importMemories = {
  file: O.positional("file", "JSONL file written by `alma export`"),
  skipInvalid: Options.boolean("skip-invalid").pipe(
    Options.withDescription("Import the valid lines and report the invalid ones (default: refuse the whole file)")
  ),
  onIdConflict: Options.choice("on-id-conflict", ["error", "new-id"]).pipe(
    Options.withDescription(
      "An id already held by another project of the store: refuse the file (error) or import that memory " +
        "under a fresh id (new-id); a memory is never moved between projects"
    ),
    Options.withDefault("error" as const)
  ),
  config: O.config,
  json: O.json
}

/**
 * Options of `alma demo`.
 *
 * @since 0.1.0
 * @category options
 */
export const demo = {
  keep: Options.boolean("keep").pipe(Options.withDescription("Keep the demo's database instead of deleting it"))
}

/**
 * The suites of the repository's benchmark workspace (`bench/src/registry.ts` of `@alma-memory/bench`,
 * which is not published), by name: kept here so that `alma bench --help` and the unknown-suite check
 * load none of it. `bench/test/registry.test.ts` checks that the two lists agree.
 *
 * @since 0.1.0
 * @category constants
 */
export const benchSuites: ReadonlyArray<string> = ["locomo", "reflexion", "latency", "peers", "server", "users", "learning"]

/**
 * Options of `alma bench`.
 *
 * @since 0.1.0
 * @category options
 */
export const bench = {
  suite: O.positional("suite", `Suite name (${benchSuites.join(", ")}) or path of a module exporting a Suite`),
  dataset: O.optionalText("dataset", "Dataset file or folder (default: the suite's, under ../shared/datasets)", "path"),
  config: O.config,
  out: O.optionalText("out", "Directory for <suite>.json and the charts (default bench/results)", "dir"),
  quick: Options.boolean("quick").pipe(Options.withDescription("A small slice of the data (smoke runs, CI)")),
  json: O.json
}

/**
 * Options of `alma serve`.
 *
 * @since 0.1.0
 * @category options
 */
export const serve = {
  config: O.config,
  host: O.optionalText("host", "Address to bind (default server.host, 127.0.0.1); any other than loopback needs tokens", "address"),
  port: O.optionalInteger("port", "TCP port (default server.port, 8765; 0 picks a free one)", "port")
}

/**
 * Options of `alma mcp`.
 *
 * @since 0.1.0
 * @category options
 */
export const mcp = {
  config: O.config,
  project: O.optionalText("project", "Project to serve (default the configuration's project_id)", "name")
}
