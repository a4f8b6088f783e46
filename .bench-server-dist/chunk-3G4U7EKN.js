import { createRequire as __almaCreateRequire } from "node:module"; const require = __almaCreateRequire(import.meta.url);
import {
  Console_exports,
  Context_exports,
  Data_exports,
  Effect_exports,
  GenericTag,
  Layer_exports,
  Predicate_exports,
  Schema_exports,
  TaggedError,
  isAlmaError
} from "./chunk-S5EEIEDT.js";

// src/cli/output.ts
var Output = class extends Context_exports.Tag("alma-memory/cli/Output")() {
};
var ANSI = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)/g;
var stripAnsi = (s) => s.replace(ANSI, "");
var sgr = (on, open, close) => (s) => on ? `\x1B[${open}m${s}\x1B[${close}m` : s;
var BAR = 24;
var MIN_REDRAW_MS = 80;
var makeProgress = (enabled, label, unit) => {
  if (!enabled) return { update: () => {
  }, done: () => {
  } };
  let last = -Infinity;
  let drawn = false;
  const write = (text) => process.stderr.write(text);
  return {
    update: (done, total) => {
      const now = performance.now();
      const finished = total !== void 0 && done >= total;
      if (!finished && now - last < MIN_REDRAW_MS) return;
      last = now;
      drawn = true;
      if (total === void 0 || total <= 0) {
        write(`\r\x1B[2K${label} ${done}${unit !== void 0 ? ` ${unit}` : ""}`);
        return;
      }
      const fraction = Math.min(1, Math.max(0, done / total));
      const filled = Math.round(fraction * BAR);
      write(
        `\r\x1B[2K${label} [${"#".repeat(filled)}${"-".repeat(BAR - filled)}] ${done}/${total} ${Math.round(fraction * 100)}%`
      );
    },
    done: () => {
      if (drawn) write("\r\x1B[2K");
      drawn = false;
    }
  };
};
var make = (options) => ({
  ...options,
  bold: sgr(options.color, 1, 22),
  dim: sgr(options.color, 2, 22),
  red: sgr(options.color, 31, 39),
  green: sgr(options.color, 32, 39),
  yellow: sgr(options.color, 33, 39),
  cyan: sgr(options.color, 36, 39),
  progressLine: (label, unit) => makeProgress(options.progress, label, unit)
});
var plainConsole = (base) => {
  const strip = (args) => args.map((a) => typeof a === "string" ? stripAnsi(a) : a);
  return {
    ...base,
    log: (...args) => base.log(...strip(args)),
    error: (...args) => base.error(...strip(args)),
    info: (...args) => base.info(...strip(args)),
    warn: (...args) => base.warn(...strip(args)),
    debug: (...args) => base.debug(...strip(args))
  };
};
var layer = (options) => options.color ? Layer_exports.succeed(Output, make(options)) : Layer_exports.merge(
  Layer_exports.succeed(Output, make(options)),
  Layer_exports.unwrapEffect(Effect_exports.map(Effect_exports.console, (c) => Console_exports.setConsole(plainConsole(c))))
);
var printJson = (schema, value) => Schema_exports.encode(Schema_exports.parseJson(schema, { space: 2 }))(value).pipe(
  Effect_exports.orDie,
  // every value printed here was produced or decoded by the same schema
  Effect_exports.flatMap((text) => Console_exports.log(text))
);

// src/cli/errors.ts
var ExitCode = { ok: 0, domain: 1, usage: 2 };
var CliError = class extends Data_exports.TaggedError("CliError") {
};
var Reported = class extends Data_exports.TaggedError("Reported") {
};
var flags = {
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
};
var flagOf = (field) => flags[field.split(".")[0] ?? field];
var rootCause = (cause) => {
  let current = cause;
  let found;
  for (let depth = 0; depth < 8 && Predicate_exports.isObject(current); depth++) {
    if (Predicate_exports.hasProperty(current, "message") && typeof current.message === "string" && current.message.length > 0) {
      const code = Predicate_exports.hasProperty(current, "code") && typeof current.code === "string" ? `${current.code}: ` : "";
      found = `${code}${current.message}`;
    }
    current = Predicate_exports.hasProperty(current, "cause") ? current.cause : void 0;
  }
  return found;
};
var describeAlma = (e, command) => {
  switch (e._tag) {
    case "ValidationError": {
      const flag = flagOf(e.field);
      const message = flag ? `Invalid "${e.field}" (${flag}): ${e.reason}` : e.message;
      if (e.field === "agent" && e.reason.startsWith("unknown agent")) {
        return {
          message,
          hint: "run `alma init --agent <name>` to write a configuration with that agent, or add it under `agents:` in your .alma/config.yaml (or set `allow_unknown_agents: true`)"
        };
      }
      if (command === "import" && e.field.startsWith("line ")) {
        return { message, hint: "fix those lines, or pass --skip-invalid to import the valid lines and list the others" };
      }
      return { message, hint: `see \`alma ${command} --help\` for the accepted values` };
    }
    case "ConfigurationError":
      return e.key === "file" && e.description.startsWith("no configuration file") ? {
        message: `no configuration file at ${e.file ?? "the given path"}`,
        hint: "create one with `alma init` (or `alma init --config <path>`), or leave out --config to use the built-in defaults"
      } : e.file !== void 0 && /\.ya?ml$/.test(e.file) ? { message: e.message, hint: "see config/default.yaml for every key, its default and its range" } : { message: e.message };
    case "ScopeViolationError":
      return {
        message: e.message,
        hint: `add "${e.domain}" to the agent's can_learn (and remove it from cannot_learn) in the configuration`
      };
    case "NotFoundError":
      return { message: e.message, hint: "list what is stored with `alma export` or `alma stats`" };
    case "StorageError": {
      const root = rootCause(e.cause);
      const busy = root !== void 0 && /SQLITE_BUSY|database is locked/i.test(root);
      return {
        message: root !== void 0 && !e.message.includes(root) ? `${e.message} (${root})` : e.message,
        hint: busy ? "another process is writing to the same database; retry the command" : "check that the storage directory is writable; `alma health` checks the setup"
      };
    }
    case "EmbeddingError":
      return { message: e.message, hint: "run `alma health` to check the embedder" };
    case "RetrievalError":
      return { message: e.message };
  }
};
var describe = (error, command) => {
  if (isAlmaError(error)) return { tag: error._tag, ...describeAlma(error, command) };
  if (error instanceof CliError) {
    return { tag: "CliError", message: error.message, ...error.hint !== void 0 ? { hint: error.hint } : {} };
  }
  const message = Predicate_exports.hasProperty(error, "message") && typeof error.message === "string" ? error.message : String(error);
  const tag2 = Predicate_exports.hasProperty(error, "_tag") && typeof error._tag === "string" ? error._tag : "Error";
  return { tag: tag2, message };
};
var ErrorJson = Schema_exports.Struct({
  error: Schema_exports.Struct({
    tag: Schema_exports.String,
    message: Schema_exports.String,
    hint: Schema_exports.optional(Schema_exports.String),
    exitCode: Schema_exports.Number
  })
});
var report = (error, options) => Effect_exports.gen(function* () {
  const out = yield* Output;
  const code = error instanceof CliError ? error.code ?? ExitCode.domain : ExitCode.domain;
  const { hint, message, tag: tag2 } = describe(error, options.command);
  if (options.json) {
    const text = yield* Schema_exports.encode(Schema_exports.parseJson(ErrorJson))({
      error: { tag: tag2, message, ...hint !== void 0 ? { hint } : {}, exitCode: code }
    }).pipe(Effect_exports.orDie);
    yield* Console_exports.error(text);
  } else {
    yield* Console_exports.error(`${out.red(out.bold("error:"))} ${message}`);
    if (hint !== void 0) yield* Console_exports.error(`${out.dim("hint:")} ${hint}`);
  }
  return yield* new Reported({ code });
});
var reporting = (options) => (self) => Effect_exports.catchAll(self, (error) => report(error, options));

// node_modules/@effect/platform/dist/esm/internal/terminal.js
var tag = /* @__PURE__ */ GenericTag("@effect/platform/Terminal");

// node_modules/@effect/platform/dist/esm/Terminal.js
var QuitException = class extends (/* @__PURE__ */ TaggedError("QuitException")) {
};
var isQuitException = (u) => typeof u === "object" && u != null && "_tag" in u && u._tag === "QuitException";
var Terminal = tag;

export {
  QuitException,
  isQuitException,
  Terminal,
  Output,
  layer,
  printJson,
  ExitCode,
  CliError,
  Reported,
  describe,
  reporting
};
