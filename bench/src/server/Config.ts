/**
 * Configurations of the `server` benchmark: the ALMA configuration file each run's server loads,
 * written to the run's temporary directory.
 *
 * Every configuration keeps the store, the agents and the server fixed: a fresh SQLite file in the
 * run's directory, agents open (`allow_unknown_agents: true`, no scopes), loopback on a free port, no
 * tokens, no access log. It varies the embedder (and, with a user's file, everything else: caches,
 * retrieval and learning settings).
 *
 * @since 0.1.0
 */
import { Effect } from "effect"
import { readFileSync, writeFileSync } from "node:fs"
import * as path from "node:path"
import { parse, stringify } from "yaml"
import { AlmaConfig } from "alma-memory"

/**
 * One configuration under test.
 *
 * **Shape** `name`: short id (`hash`, `local`, `config`); `settings`: file keys (as in
 * `config/default.yaml`) laid over the fixed ones.
 *
 * @since 0.1.0
 * @category models
 */
export interface Configuration {
  readonly name: string
  readonly label: string
  readonly settings: Readonly<Record<string, unknown>>
}

/**
 * The hash embedder (256 dimensions, no model): isolates the server, the storage and retrieval.
 *
 * @since 0.1.0
 * @category constructors
 */
export const hash: Configuration = {
  name: "hash",
  label: "hash embedder (256d, no model)",
  settings: { embedding_provider: "hash" }
}

/**
 * The product default: the local USE-lite embedder (512 dimensions), with the embedding cache on.
 *
 * @since 0.1.0
 * @category constructors
 */
export const local: Configuration = {
  name: "local",
  label: "local USE-lite embedder (512d)",
  settings: { embedding_provider: "local" }
}

/** Project id of every run. */
export const PROJECT = "bench"

const fixed = (directory: string) => ({
  project_id: PROJECT,
  storage: "sqlite",
  storage_dir: directory,
  db_name: "alma.db",
  allow_unknown_agents: true,
  agents: {}
})

const server = { host: "127.0.0.1", port: 0, tokens: [], access_log: false, cors_origins: [] }

/**
 * A user's configuration file as a {@link Configuration}: its settings, less those the benchmark
 * fixes (project, storage, agents, server); a relative `embedding_model_dir` is made absolute.
 *
 * **Errors** `ConfigurationError` when the file does not load (as `alma serve` would refuse it).
 *
 * @since 0.1.0
 * @category constructors
 */
export const fromFile = (file: string) =>
  Effect.gen(function*() {
    const loaded = yield* AlmaConfig.loadConfig(file)
    const document: unknown = parse(readFileSync(path.resolve(file), "utf8")) ?? {}
    const root = typeof document === "object" && document !== null ? (document as Record<string, unknown>) : {}
    const inner = typeof root["alma"] === "object" && root["alma"] !== null ? root["alma"] as Record<string, unknown> : root
    const settings: Record<string, unknown> = { ...inner }
    for (const key of ["project_id", "storage", "storage_dir", "db_name", "postgres", "agents", "allow_unknown_agents"]) {
      delete settings[key]
    }
    if (loaded.embedding.modelDir !== undefined) settings["embedding_model_dir"] = loaded.embedding.modelDir
    return {
      name: "config",
      label: `${path.basename(file)} (${loaded.embedding.provider} embedder, ${loaded.cache} cache)`,
      settings
    } satisfies Configuration
  })

/**
 * Writes `configuration`'s file into `directory` (its SQLite file goes there too) and loads it back.
 *
 * **Errors** `ConfigurationError` when the written file does not load.
 *
 * @since 0.1.0
 * @category constructors
 */
export const write = (configuration: Configuration, directory: string) =>
  Effect.gen(function*() {
    const file = path.join(directory, "config.yaml")
    const given = configuration.settings["server"]
    const document = {
      ...fixed(directory),
      ...configuration.settings,
      ...fixed(directory),
      server: { ...(typeof given === "object" && given !== null ? given : {}), ...server }
    }
    writeFileSync(file, stringify(document))
    const config: AlmaConfig.AlmaConfig = yield* AlmaConfig.loadConfig(file)
    return { file, config }
  })
