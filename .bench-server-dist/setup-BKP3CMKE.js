import { createRequire as __almaCreateRequire } from "node:module"; const require = __almaCreateRequire(import.meta.url);
import "./chunk-5MBQVIM5.js";
import "./chunk-ISN7HRKI.js";
import {
  DEFAULT_CONFIG_PATH,
  loadCliConfig
} from "./chunk-VIWFRVFD.js";
import {
  CliError,
  Output,
  Reported,
  describe,
  printJson,
  reporting
} from "./chunk-3G4U7EKN.js";
import {
  Embedder,
  Name,
  Storage,
  decodeInput,
  embedderFromConfig,
  layer3 as layer,
  layerWith2 as layerWith,
  parseConfig
} from "./chunk-7HY5L3DF.js";
import "./chunk-HNHJBYPG.js";
import {
  Clock_exports,
  Console_exports,
  Context_exports,
  Effect_exports,
  Either_exports,
  FileSystem_exports,
  Layer_exports,
  Option_exports,
  Path_exports,
  Schema_exports
} from "./chunk-S5EEIEDT.js";

// src/cli/commands/setup.ts
import { fileURLToPath } from "url";
var templateCandidates = ["../../config/default.yaml", "../../../config/default.yaml"];
var readTemplate = Effect_exports.gen(function* () {
  const fs = yield* FileSystem_exports.FileSystem;
  for (const candidate of templateCandidates) {
    const text = yield* fs.readFileString(fileURLToPath(new URL(candidate, import.meta.url))).pipe(Effect_exports.option);
    if (Option_exports.isSome(text) && text.value.includes("embedding_provider:")) return text.value;
  }
  return yield* new CliError({
    message: "cannot find config/default.yaml in the installed package",
    hint: "reinstall alma-memory, or copy config/default.yaml from the repository by hand"
  });
});
var withAgents = (template, agents) => agents.length === 0 ? template : template.replace(
  /^agents: \{\}$/m,
  `agents:
${agents.map((a) => `  ${a}: {}   # open scope: may learn any task type or domain`).join("\n")}`
);
var InitJson = Schema_exports.Struct({
  path: Schema_exports.String,
  agents: Schema_exports.Array(Schema_exports.String),
  overwritten: Schema_exports.Boolean
});
var init = (o) => Effect_exports.gen(function* () {
  const fs = yield* FileSystem_exports.FileSystem;
  const path = yield* Path_exports.Path;
  const out = yield* Output;
  const file = path.resolve(Option_exports.getOrElse(o.config, () => DEFAULT_CONFIG_PATH));
  const agents = yield* Effect_exports.forEach(o.agents, (a) => decodeInput(Schema_exports.Struct({ agent: Name }), { agent: a }));
  const names = [...new Set(agents.map((a) => a.agent))];
  const exists = yield* fs.exists(file).pipe(Effect_exports.orElseSucceed(() => false));
  if (exists && !o.force) {
    return yield* new CliError({
      message: `${file} already exists; nothing was written`,
      hint: "pass --force to replace it, or --config <path> to write somewhere else"
    });
  }
  const text = withAgents(yield* readTemplate, names);
  yield* parseConfig(text, { file, env: {} });
  yield* fs.makeDirectory(path.dirname(file), { recursive: true }).pipe(
    Effect_exports.zipRight(fs.writeFileString(file, text)),
    Effect_exports.mapError((e) => new CliError({ message: `cannot write ${file}: ${e.message}` }))
  );
  if (o.json) return yield* printJson(InitJson, { path: file, agents: names, overwritten: exists });
  yield* Console_exports.log(`${exists ? "replaced" : "wrote"} ${out.bold(path.relative(process.cwd(), file) || file)}`);
  if (names.length > 0) {
    yield* Console_exports.log(`agents (open scope): ${names.join(", ")}; narrow them with can_learn / cannot_learn`);
    yield* Console_exports.log(`next: alma learn "<task>" -a ${names[0]} --outcome success --strategy "<what worked>"`);
  } else {
    yield* Console_exports.log(
      out.yellow("no agents configured: ") + "with allow_unknown_agents: false every agent is refused. Add some under `agents:`, or run `alma init --force --agent <name>`"
    );
  }
}).pipe(reporting({ command: "init", json: o.json }));
var Check = Schema_exports.Struct({
  name: Schema_exports.Literal("config", "embedder", "storage", "memories"),
  ok: Schema_exports.Boolean,
  detail: Schema_exports.String,
  hint: Schema_exports.optional(Schema_exports.String)
});
var HealthJson = Schema_exports.Struct({ ok: Schema_exports.Boolean, checks: Schema_exports.Array(Check) });
var failed = (name, error) => {
  const d = describe(error, "health");
  return { name, ok: false, detail: d.message, ...d.hint !== void 0 ? { hint: d.hint } : {} };
};
var runChecks = (config) => Effect_exports.gen(function* () {
  const checks = [];
  const loaded = yield* Effect_exports.either(loadCliConfig(config));
  if (Either_exports.isLeft(loaded)) return [failed("config", loaded.left)];
  const c = loaded.right;
  checks.push({
    name: "config",
    ok: true,
    detail: `${c.file ?? `built-in defaults (no ${DEFAULT_CONFIG_PATH})`}; project ${c.projectId}; ${c.agents.length} agent${c.agents.length === 1 ? "" : "s"}` + (c.allowUnknownAgents ? ", unknown agents allowed" : ", unknown agents refused")
  });
  const start = yield* Clock_exports.currentTimeMillis;
  const embedder = yield* Effect_exports.either(
    Layer_exports.build(embedderFromConfig(c)).pipe(
      Effect_exports.map((ctx) => Context_exports.get(ctx, Embedder)),
      Effect_exports.tap((e2) => e2.embed("health check"))
    )
  );
  if (Either_exports.isLeft(embedder)) return [...checks, failed("embedder", embedder.left)];
  const e = embedder.right;
  const loadMs = (yield* Clock_exports.currentTimeMillis) - start;
  checks.push({
    name: "embedder",
    ok: true,
    detail: `${c.embedding.provider}: ${e.model}, ${e.dimensions} dimensions, loaded and embedded in ${loadMs} ms`
  });
  const storageLayer = c.storage === "memory" ? layer : layerWith({ filename: c.sqlitePath });
  const storage = yield* Effect_exports.either(
    Layer_exports.build(storageLayer.pipe(Layer_exports.provide(Layer_exports.succeed(Embedder, e)))).pipe(
      Effect_exports.map((ctx) => Context_exports.get(ctx, Storage))
    )
  );
  if (Either_exports.isLeft(storage)) return [...checks, failed("storage", storage.left)];
  const s = storage.right;
  checks.push({ name: "storage", ok: true, detail: `${s.backend}${c.storage === "sqlite" ? `: ${c.sqlitePath}` : ""}` });
  const counts = yield* Effect_exports.either(s.stats(c.projectId));
  if (Either_exports.isLeft(counts)) return [...checks, failed("memories", counts.left)];
  const total = Object.values(counts.right).reduce((a, b) => a + b, 0);
  const parts = Object.entries(counts.right).map(([k, n]) => `${k} ${n}`).join(", ");
  checks.push({ name: "memories", ok: true, detail: `${total} (${parts})` });
  return checks;
}).pipe(Effect_exports.scoped);
var health = (o) => Effect_exports.gen(function* () {
  const out = yield* Output;
  const checks = yield* runChecks(o.config);
  const ok = checks.every((c) => c.ok) && checks.length === 4;
  if (o.json) {
    yield* printJson(HealthJson, { ok, checks });
  } else {
    for (const c of checks) {
      const mark = c.ok ? out.green("ok  ") : out.red("FAIL");
      yield* Console_exports.log(`${mark} ${c.name.padEnd(9)} ${c.detail}`);
      if (c.hint !== void 0) yield* Console_exports.log(`     ${out.dim(`hint: ${c.hint}`)}`);
    }
  }
  if (!ok) return yield* new Reported({ code: 1 });
});
export {
  HealthJson,
  InitJson,
  health,
  init
};
