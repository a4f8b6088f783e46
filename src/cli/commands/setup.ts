/**
 * Handlers of `alma init` (write a commented configuration) and `alma health` (check the whole setup).
 *
 * @since 0.1.0
 */
import { FileSystem, Path } from "@effect/platform"
import { Clock, Console, Context, Effect, Either, Layer, Option, Schema } from "effect"
import { fileURLToPath } from "node:url"
import { parseConfig } from "../../../config/AlmaConfig.js"
import * as SqliteIntegrity from "../../../layers/sqlite/SqliteIntegrity.js"
import * as Alma from "../../Alma.js"
import { Name } from "../../domain/Ids.js"
import { decodeInput } from "../../internal/validate.js"
import * as Embedder from "../../services/Embedder.js"
import * as Storage from "../../services/Storage.js"
import { CliError, describe, Reported, reporting } from "../errors.js"
import * as Output from "../output.js"
import type * as Spec from "../spec.js"
import { DEFAULT_CONFIG_PATH, loadCliConfig } from "../stack.js"

// The template ships with the package (package.json "files": config/*.yaml). From the bundle
// (dist/cli/) and from the sources (src/cli/commands/) it sits at a different depth.
const templateCandidates = ["../../config/default.yaml", "../../../config/default.yaml"]

const readTemplate = Effect.gen(function*() {
  const fs = yield* FileSystem.FileSystem
  for (const candidate of templateCandidates) {
    const text = yield* fs.readFileString(fileURLToPath(new URL(candidate, import.meta.url))).pipe(Effect.option)
    if (Option.isSome(text) && text.value.includes("embedding_provider:")) return text.value
  }
  return yield* new CliError({
    message: "cannot find config/default.yaml in the installed package",
    hint: "reinstall alma-memory, or copy config/default.yaml from the repository by hand"
  })
})

const withAgents = (template: string, agents: ReadonlyArray<string>) =>
  agents.length === 0
    ? template
    : template.replace(
      /^agents: \{\}$/m,
      `agents:\n${agents.map((a) => `  ${a}: {}   # open scope: may learn any task type or domain`).join("\n")}`
    )

/**
 * `--json` shape of `init`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const InitJson = Schema.Struct({
  path: Schema.String,
  agents: Schema.Array(Schema.String),
  overwritten: Schema.Boolean
})

/**
 * `alma init`: writes the configuration template (with `--agent`s) unless the file exists.
 *
 * @since 0.1.0
 * @category commands
 */
export const init = (o: Spec.Args<typeof Spec.init>) =>
  Effect.gen(function*() {
    const fs = yield* FileSystem.FileSystem
    const path = yield* Path.Path
    const out = yield* Output.Output
    const file = path.resolve(Option.getOrElse(o.config, () => DEFAULT_CONFIG_PATH))
    const agents = yield* Effect.forEach(o.agents, (a) => decodeInput(Schema.Struct({ agent: Name }), { agent: a }))
    const names = [...new Set(agents.map((a) => a.agent))]
    const exists = yield* fs.exists(file).pipe(Effect.orElseSucceed(() => false))
    if (exists && !o.force) {
      return yield* new CliError({
        message: `${file} already exists; nothing was written`,
        hint: "pass --force to replace it, or --config <path> to write somewhere else"
      })
    }
    const text = withAgents(yield* readTemplate, names)
    yield* parseConfig(text, { file, env: {} }) // the written file must load as it is
    yield* fs.makeDirectory(path.dirname(file), { recursive: true }).pipe(
      Effect.zipRight(fs.writeFileString(file, text)),
      Effect.mapError((e) => new CliError({ message: `cannot write ${file}: ${e.message}` }))
    )
    if (o.json) return yield* Output.printJson(InitJson, { path: file, agents: names, overwritten: exists })
    yield* Console.log(`${exists ? "replaced" : "wrote"} ${out.bold(path.relative(process.cwd(), file) || file)}`)
    if (names.length > 0) {
      yield* Console.log(`agents (open scope): ${names.join(", ")}; narrow them with can_learn / cannot_learn`)
      yield* Console.log(`next: alma learn "<task>" -a ${names[0]} --outcome success --strategy "<what worked>"`)
    } else {
      yield* Console.log(
        out.yellow("no agents configured: ") +
          "with allow_unknown_agents: false every agent is refused. Add some under `agents:`, " +
          "or run `alma init --force --agent <name>`"
      )
    }
  }).pipe(reporting({ command: "init", json: o.json }))

// health

const Check = Schema.Struct({
  name: Schema.Literal("config", "embedder", "storage", "memories"),
  ok: Schema.Boolean,
  detail: Schema.String,
  hint: Schema.optional(Schema.String)
})
type Check = typeof Check.Type

/**
 * `--json` shape of `health`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const HealthJson = Schema.Struct({ ok: Schema.Boolean, checks: Schema.Array(Check) })

const failed = (name: Check["name"], error: unknown): Check => {
  const d = describe(error, "health")
  return { name, ok: false, detail: d.message, ...(d.hint !== undefined ? { hint: d.hint } : {}) }
}

const runChecks = (config: Option.Option<string>) =>
  Effect.gen(function*() {
    const checks: Array<Check> = []
    const loaded = yield* Effect.either(loadCliConfig(config))
    if (Either.isLeft(loaded)) return [failed("config", loaded.left)]
    const c = loaded.right
    checks.push({
      name: "config",
      ok: true,
      detail: `${c.file ?? `built-in defaults (no ${DEFAULT_CONFIG_PATH})`}; project ${c.projectId}; ` +
        `${c.agents.length} agent${c.agents.length === 1 ? "" : "s"}` +
        (c.allowUnknownAgents ? ", unknown agents allowed" : ", unknown agents refused")
    })

    const start = yield* Clock.currentTimeMillis
    const embedder = yield* Effect.either(
      Layer.build(Alma.embedderFromConfig(c)).pipe(
        Effect.map((ctx) => Context.get(ctx, Embedder.Embedder)),
        Effect.tap((e) => e.embed("health check"))
      )
    )
    if (Either.isLeft(embedder)) return [...checks, failed("embedder", embedder.left)]
    const e = embedder.right
    const loadMs = (yield* Clock.currentTimeMillis) - start
    checks.push({
      name: "embedder",
      ok: true,
      detail: `${c.embedding.provider}: ${e.model}, ${e.dimensions} dimensions, ` +
        `loaded and embedded in ${loadMs} ms`
    })

    const storageLayer = Alma.storageFromConfig(c)
    const storage = yield* Effect.either(
      Layer.build(storageLayer.pipe(Layer.provide(Layer.succeed(Embedder.Embedder, e)))).pipe(
        Effect.map((ctx) => Context.get(ctx, Storage.Storage))
      )
    )
    if (Either.isLeft(storage)) return [...checks, failed("storage", storage.left)]
    const s = storage.right
    // Opening reads a few pages only: quick_check reads them all (a damaged file opens fine).
    const integrity = c.storage === "sqlite" ? yield* Effect.either(SqliteIntegrity.quickCheck(c.sqlitePath)) : undefined
    if (integrity !== undefined && Either.isLeft(integrity)) return [...checks, failed("storage", integrity.left)]
    checks.push({ name: "storage", ok: true, detail: `${s.backend}${
        c.storage === "sqlite" ? `: ${c.sqlitePath} (quick_check ok)` : c.storage === "postgres" ? `: schema ${c.postgres?.schema}` : ""
      }`
    })

    const counts = yield* Effect.either(s.stats(c.projectId))
    if (Either.isLeft(counts)) return [...checks, failed("memories", counts.left)]
    const total = Object.values(counts.right).reduce((a, b) => a + b, 0)
    const parts = Object.entries(counts.right).map(([k, n]) => `${k} ${n}`).join(", ")
    checks.push({ name: "memories", ok: true, detail: `${total} (${parts})` })
    return checks
  }).pipe(Effect.scoped)

/**
 * `alma health`: one line per check (config, embedder, storage, memories), or `HealthJson`; fails
 * with exit code 1 when a check fails.
 *
 * @since 0.1.0
 * @category commands
 */
export const health = (o: Spec.Args<typeof Spec.health>) =>
  Effect.gen(function*() {
    const out = yield* Output.Output
    const checks = yield* runChecks(o.config)
    const ok = checks.every((c) => c.ok) && checks.length === 4
    if (o.json) {
      yield* Output.printJson(HealthJson, { ok, checks })
    } else {
      for (const c of checks) {
        const mark = c.ok ? out.green("ok  ") : out.red("FAIL")
        yield* Console.log(`${mark} ${c.name.padEnd(9)} ${c.detail}`)
        if (c.hint !== undefined) yield* Console.log(`     ${out.dim(`hint: ${c.hint}`)}`)
      }
    }
    if (!ok) return yield* new Reported({ code: 1 })
  })
