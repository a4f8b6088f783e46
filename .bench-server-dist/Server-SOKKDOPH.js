import { createRequire as __almaCreateRequire } from "node:module"; const require = __almaCreateRequire(import.meta.url);
import {
  buildRecord,
  defaultShape,
  draw,
  makeTexts,
  rng,
  summarize,
  taskTypes
} from "./chunk-52IPULEK.js";
import {
  groupedBarChart
} from "./chunk-CWCMDVFS.js";
import {
  Embedder,
  Storage,
  embedderFromConfig,
  loadConfig,
  storageFromConfig
} from "./chunk-7HY5L3DF.js";
import "./chunk-HNHJBYPG.js";
import {
  Clock_exports,
  Data_exports,
  Effect_exports,
  Layer_exports
} from "./chunk-S5EEIEDT.js";

// src/bench/server/Server.ts
import { mkdirSync, mkdtempSync, rmSync } from "fs";
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from "os";
import * as path4 from "path";

// src/bench/server/Config.ts
import { readFileSync, writeFileSync } from "fs";
import * as path from "path";
import { parse, stringify } from "yaml";
var hash = {
  name: "hash",
  label: "hash embedder (256d, no model)",
  settings: { embedding_provider: "hash" }
};
var local = {
  name: "local",
  label: "local USE-lite embedder (512d)",
  settings: { embedding_provider: "local" }
};
var PROJECT = "bench";
var fixed = (directory) => ({
  project_id: PROJECT,
  storage: "sqlite",
  storage_dir: directory,
  db_name: "alma.db",
  allow_unknown_agents: true,
  agents: {}
});
var server = { host: "127.0.0.1", port: 0, tokens: [], access_log: false, cors_origins: [] };
var fromFile = (file) => Effect_exports.gen(function* () {
  const loaded = yield* loadConfig(file);
  const document = parse(readFileSync(path.resolve(file), "utf8")) ?? {};
  const root = typeof document === "object" && document !== null ? document : {};
  const inner = typeof root["alma"] === "object" && root["alma"] !== null ? root["alma"] : root;
  const settings = { ...inner };
  for (const key of ["project_id", "storage", "storage_dir", "db_name", "postgres", "agents", "allow_unknown_agents"]) {
    delete settings[key];
  }
  if (loaded.embedding.modelDir !== void 0) settings["embedding_model_dir"] = loaded.embedding.modelDir;
  return {
    name: "config",
    label: `${path.basename(file)} (${loaded.embedding.provider} embedder, ${loaded.cache} cache)`,
    settings
  };
});
var write = (configuration, directory) => Effect_exports.gen(function* () {
  const file = path.join(directory, "config.yaml");
  const given = configuration.settings["server"];
  const document = {
    ...fixed(directory),
    ...configuration.settings,
    ...fixed(directory),
    server: { ...typeof given === "object" && given !== null ? given : {}, ...server }
  };
  writeFileSync(file, stringify(document));
  const config = yield* loadConfig(file);
  return { file, config };
});

// src/bench/server/Workload.ts
var makePools = (texts, sizes) => {
  const inputs = draw(texts, 4242);
  return { tasks: inputs.queries(sizes.tasks), learns: inputs.learnInputs(sizes.learns) };
};
var rpcLine = (id, tag, payload) => `${JSON.stringify({ _tag: "Request", id: String(id), tag, payload, headers: [] })}
`;
var mcpCall = (id, name, args) => JSON.stringify({ jsonrpc: "2.0", id, method: "tools/call", params: { name, arguments: args } });
var rpcBody = (id, operation, pools, pick) => {
  if (operation === "retrieve") {
    const q = pools.tasks[pick];
    return rpcLine(id, "Retrieve", { task: q.text, agent: q.agent });
  }
  const l = pools.learns[pick];
  return rpcLine(id, "Learn", {
    agent: l.agent,
    task: l.task,
    outcome: l.outcome,
    strategyUsed: l.strategyUsed,
    taskType: l.taskType,
    durationMs: l.durationMs,
    ...l.errorMessage === void 0 ? {} : { errorMessage: l.errorMessage }
  });
};
var mcpBody = (id, operation, pools, pick) => {
  if (operation === "retrieve") {
    const q = pools.tasks[pick];
    return mcpCall(id, "alma_retrieve", { task: q.text, agent: q.agent });
  }
  const l = pools.learns[pick];
  return mcpCall(id, "alma_learn", {
    agent: l.agent,
    task: l.task,
    outcome: l.outcome,
    strategy_used: l.strategyUsed,
    task_type: l.taskType,
    duration_ms: l.durationMs,
    ...l.errorMessage === void 0 ? {} : { error_message: l.errorMessage }
  });
};
var bodies = (surface, pools, seed) => {
  const r = rng(seed);
  let id = 0;
  let learnTurn = 0;
  const counts = { retrieve: 0, learn: 0 };
  const fresh = { retrieve: 0, learn: 0 };
  const seen = /* @__PURE__ */ new Set();
  const build = surface === "rpc" ? rpcBody : mcpBody;
  return {
    next: (operation) => {
      counts[operation]++;
      const pick = operation === "retrieve" ? r.int(pools.tasks.length) : learnTurn++ % pools.learns.length;
      const text = operation === "retrieve" ? pools.tasks[pick].text : pools.learns[pick].task;
      if (!seen.has(text)) {
        seen.add(text);
        fresh[operation]++;
      }
      return build(++id, operation, pools, pick);
    },
    sent: () => ({ ...counts }),
    fresh: () => ({ ...fresh })
  };
};
var request = (surface) => surface === "rpc" ? { path: "/rpc", headers: { "content-type": "application/ndjson" } } : { path: "/mcp", headers: { "content-type": "application/json", accept: "application/json, text/event-stream" } };
var parse2 = (text) => {
  try {
    return JSON.parse(text);
  } catch {
    return void 0;
  }
};
var field = (u, key) => typeof u === "object" && u !== null ? u[key] : void 0;
var rpcVerdict = (operation, body) => {
  const line = body.split("\n").find((l) => l.includes('"Exit"'));
  const message = line === void 0 ? void 0 : parse2(line);
  const exit = field(message, "exit");
  if (field(exit, "_tag") === "Success") {
    const hit = operation === "retrieve" ? field(field(exit, "value"), "cacheHit") : void 0;
    return { ok: true, cacheHit: typeof hit === "boolean" ? hit : void 0 };
  }
  const error = field(field(field(exit, "cause"), "error"), "_tag") ?? field(field(exit, "cause"), "_tag");
  return { ok: false, reason: exit === void 0 ? "no Exit line" : `Failure ${String(error ?? "")}`.trim() };
};
var mcpVerdict = (body) => {
  const message = parse2(body);
  const result = field(message, "result");
  if (result !== void 0 && field(result, "isError") !== true) return { ok: true };
  const rpcError = field(message, "error");
  if (rpcError !== void 0) return { ok: false, reason: `JSON-RPC error ${String(field(rpcError, "code"))}` };
  const tag = field(field(result, "structuredContent"), "_tag");
  return { ok: false, reason: result === void 0 ? "not JSON-RPC" : `isError ${String(tag ?? "")}`.trim() };
};
var verdict = (surface, operation, status, body) => {
  if (status < 200 || status > 299) return { ok: false, reason: `HTTP ${status}` };
  return surface === "rpc" ? rpcVerdict(operation, body) : mcpVerdict(body);
};

// src/bench/server/Load.ts
var load = async () => {
  const name = "autocannon";
  const module = await import(
    /* @vite-ignore */
    name
  );
  return module.default;
};
var runLoad = async (options) => {
  const run2 = await load();
  const mix = options.mix ?? { retrieve: 4, learn: 1 };
  const { path: path5, headers } = request(options.surface);
  const times = { retrieve: [], learn: [] };
  const all = [];
  let application = 0;
  let hits = 0;
  let hitKnown = 0;
  const samples = /* @__PURE__ */ new Set();
  let last;
  const spec = (operation) => ({
    method: "POST",
    path: path5,
    headers,
    setupRequest: (req) => ({ ...req, body: options.bodies.next(operation) }),
    onResponse: (status, body) => {
      last = operation;
      const v = verdict(options.surface, operation, status, body);
      if (!v.ok && status >= 200 && status <= 299) application++;
      if (!v.ok && samples.size < 5) samples.add(`${operation}: ${v.reason ?? "failed"}`);
      if (v.cacheHit !== void 0) {
        hitKnown++;
        if (v.cacheHit) hits++;
      }
    }
  });
  const freshBefore = options.bodies.fresh();
  const requests = [
    ...Array.from({ length: mix.retrieve }, () => spec("retrieve")),
    ...Array.from({ length: mix.learn }, () => spec("learn"))
  ];
  const result = await new Promise((resolve4, reject) => {
    const instance = run2({
      url: options.url,
      connections: options.connections,
      duration: options.durationSeconds,
      timeout: options.timeoutSeconds ?? 10,
      requests
    }, (error, r) => error ? reject(error) : resolve4(r));
    instance.on("reqError", (error) => {
      if (samples.size < 5) samples.add(`transport: ${error instanceof Error ? error.message : String(error)}`);
    });
    instance.on("response", (_client, _status, _bytes, ms) => {
      all.push(ms);
      if (last !== void 0) times[last].push(ms);
      last = void 0;
    });
  });
  const errors = {
    transport: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    application,
    total: result.errors + result.non2xx + application,
    samples: [...samples]
  };
  return {
    surface: options.surface,
    connections: options.connections,
    durationSeconds: result.duration,
    responses: { retrieve: times.retrieve.length, learn: times.learn.length },
    newTexts: {
      retrieve: options.bodies.fresh().retrieve - freshBefore.retrieve,
      learn: options.bodies.fresh().learn - freshBefore.learn
    },
    throughput: Math.round(all.length / result.duration * 10) / 10,
    latency: summarize(all),
    retrieve: summarize(times.retrieve),
    learn: summarize(times.learn),
    errors,
    cacheHitRate: hitKnown === 0 ? void 0 : Math.round(hits / hitKnown * 1e3) / 1e3,
    autocannon: { requestsPerSecond: result.requests.average, p50: result.latency.p50, p99: result.latency.p99 }
  };
};

// src/bench/server/Process.ts
import { spawn } from "child_process";
import { existsSync, readFileSync as readFileSync2 } from "fs";
import { createRequire } from "module";
import * as path2 from "path";
import { fileURLToPath, pathToFileURL } from "url";
var serveArguments = () => {
  const here = fileURLToPath(import.meta.url);
  const dir = path2.dirname(here);
  if (here.endsWith(".ts")) {
    const tsx = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;
    return ["--import", tsx, path2.resolve(dir, "../../cli/bin.ts"), "serve"];
  }
  const bundled = path2.join(dir, "alma.js");
  return [existsSync(bundled) ? bundled : path2.resolve(dir, "../../cli/bin.js"), "serve"];
};
var TICKS_PER_SECOND = 100;
var readProc = (pid, file) => {
  try {
    return readFileSync2(`/proc/${pid}/${file}`, "utf8");
  } catch {
    return void 0;
  }
};
var cpuOf = (pid) => {
  const stat = readProc(pid, "stat");
  if (stat === void 0) return void 0;
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
};
var hwmOf = (pid) => {
  const match = readProc(pid, "status")?.match(/VmHWM:\s+(\d+) kB/);
  return match === null || match === void 0 ? void 0 : Math.round(Number(match[1]) / 1024);
};
var exited = (child) => new Promise((resolve4) => {
  if (child.exitCode !== null || child.signalCode !== null) resolve4();
  else child.once("exit", () => resolve4());
});
var startServer = (options) => {
  const profile = options.cpuProfileDir === void 0 ? [] : ["--cpu-prof", "--cpu-prof-dir", options.cpuProfileDir];
  const args = [...profile, ...options.serve ?? serveArguments(), "--config", options.configFile];
  const child = spawn(process.execPath, args, {
    cwd: options.cwd,
    env: { ...process.env, NO_COLOR: "1" },
    stdio: ["ignore", "pipe", "pipe"]
  });
  const orphan = () => child.kill("SIGKILL");
  process.once("exit", orphan);
  child.once("exit", () => process.removeListener("exit", orphan));
  let tail = "";
  const keep = (chunk) => {
    tail = (tail + chunk).slice(-4096);
  };
  return new Promise((resolve4, reject) => {
    let settled = false;
    const fail = (message) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      child.kill("SIGKILL");
      reject(new Error(`${message}; server output:
${tail}`));
    };
    const timer = setTimeout(() => fail("the server did not listen in time"), options.startTimeoutMs ?? 18e4);
    const onData = (chunk) => {
      keep(chunk);
      const match = tail.match(/Listening on (http:\/\/[\w.:[\]-]+)/);
      if (match === null || settled) return;
      settled = true;
      clearTimeout(timer);
      const pid = child.pid;
      resolve4({
        pid,
        url: match[1],
        command: [process.execPath, ...args],
        cpuSeconds: () => cpuOf(pid),
        peakRssMiB: () => hwmOf(pid),
        output: () => tail,
        stop: async (graceMs = 15e3) => {
          if (child.exitCode !== null || child.signalCode !== null) return;
          const killer = setTimeout(() => child.kill("SIGKILL"), graceMs);
          child.kill("SIGTERM");
          await exited(child);
          clearTimeout(killer);
        }
      });
    };
    child.stdout.setEncoding("utf8").on("data", onData);
    child.stderr.setEncoding("utf8").on("data", onData);
    child.once("error", (e) => fail(`cannot start the server: ${e.message}`));
    child.once("exit", (code, signal) => fail(`the server exited (code ${code}, signal ${signal}) before listening`));
  });
};

// src/bench/server/Report.ts
var goal = { throughput: 500, p99Ms: 50, errors: 0 };
var f1 = (x) => x !== void 0 && Number.isFinite(x) ? x.toFixed(1) : "\u2013";
var f2 = (x) => x !== void 0 && Number.isFinite(x) ? x.toFixed(2) : "\u2013";
var int = (x) => x !== void 0 && Number.isFinite(x) ? Math.round(x).toLocaleString("en-US") : "\u2013";
var surfaceName = (s) => s === "rpc" ? "RPC `/rpc`" : "MCP `/mcp`";
var runName = (r) => `${r.configuration} \xB7 ${r.surface.toUpperCase()}`;
var meetsGoal = (r) => r.load.throughput >= goal.throughput && r.load.latency.p99 <= goal.p99Ms && r.load.errors.total === goal.errors;
var cpuPerRequestMs = (r) => r.server.cpuSeconds === void 0 || r.load.latency.n === 0 ? void 0 : r.server.cpuSeconds * 1e3 / r.load.latency.n;
var markdownOf = (json) => {
  const s = json.settings;
  const lines = [];
  lines.push(
    `\`alma serve\` in its own process (a SQLite store, caches as configured: in memory by default, access log off), loaded over loopback by autocannon in the benchmark process: ${s.connections} keep-alive connections, each sending ${s.mix.retrieve} \`retrieve\` then ${s.mix.learn} \`learn\` back to back (80% / 20%, closed loop), for ${s.durationSeconds} s after a ${s.warmupSeconds} s warm-up, on a fresh server and a fresh copy of a store of ${int(s.memories)} synthetic memories (${s.agents} agents, the latency suite's corpus) per surface. \`retrieve\` sends one of ${int(s.tasks)} task texts (seeded random order; default options), \`learn\` one of ${int(s.learns)} outcomes in turn. "New texts" counts the timed requests whose task text the run had not sent before: each costs the server an uncached embedding (the others hit the embedding cache), which is what separates the hash from the local configuration; the retrieval cache (300 s, 1,000 entries) hits only until the next \`learn\` of the same agent invalidates it. RPC: one ndjson \`Request\` per POST; MCP: one JSON-RPC \`tools/call\` per POST (\`alma_retrieve\` / \`alma_learn\`), no session. Errors: connection errors and timeouts, non-2xx, and 2xx bodies carrying a failure (RPC \`Failure\` exit, MCP \`isError\`). Latency: request write to end of response, ms${s.quick ? "; **quick run**: a smoke test, not the goal's figures" : ""}.`
  );
  lines.push("");
  lines.push(
    "| configuration | surface | req/s | p50 | p95 | p99 | max | retrieve p50 / p99 | learn p50 / p99 | errors | retrieval-cache hits | server CPU | server RSS | load (1 min) | goal |"
  );
  lines.push("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
  for (const r of json.runs) {
    const l = r.load;
    lines.push(
      `| ${r.configuration} | ${surfaceName(r.surface)} | ${int(l.throughput)} | ${f2(l.latency.p50)} | ${f2(l.latency.p95)} | ${f2(l.latency.p99)} | ${f2(l.latency.max)} | ${f2(l.retrieve.p50)} / ${f2(l.retrieve.p99)} | ${f2(l.learn.p50)} / ${f2(l.learn.p99)} | ${l.errors.total} | ${l.cacheHitRate === void 0 ? "n/a" : `${f1(l.cacheHitRate * 100)}%`} | ${r.server.cpuShare === void 0 ? "\u2013" : `${f2(r.server.cpuShare)} cores, ${f1(cpuPerRequestMs(r))} ms/req`} | ${int(r.server.peakRssMiB)} MiB | ${f2(r.loadAverage1m.start)}\u2013${f2(r.loadAverage1m.end)} | ${meetsGoal(r) ? "PASS" : "**FAIL**"} |`
    );
  }
  lines.push("");
  lines.push(`Goal per run: \u2265 ${goal.throughput} requests/s, p99 \u2264 ${goal.p99Ms} ms, ${goal.errors} errors.`);
  lines.push("");
  lines.push(
    "| configuration | surface | responses (retrieve / learn) | new texts (retrieve / learn) | errors: transport / timeouts / non-2xx / application | store at start \u2192 end | load generator CPU |"
  );
  lines.push("|---|---|---|---|---|---|---|");
  for (const r of json.runs) {
    const e = r.load.errors;
    lines.push(
      `| ${r.configuration} | ${surfaceName(r.surface)} | ${int(r.load.responses.retrieve)} / ${int(r.load.responses.learn)} | ${int(r.load.newTexts.retrieve)} / ${int(r.load.newTexts.learn)} | ${e.transport} / ${e.timeouts} / ${e.non2xx} / ${e.application}${e.samples.length > 0 ? ` (${e.samples.join("; ")})` : ""} | ${int(r.store.atStart)} \u2192 ${int(r.store.atEnd)} | ${f2(r.loadGeneratorCpuSeconds)} s |`
    );
  }
  lines.push("");
  lines.push(
    "Configurations: " + s.configurations.map((c) => `\`${c.name}\` = ${c.label}`).join("; ") + ". Seeding " + Object.entries(json.seeds).map(([name, seed]) => `${name}: ${int(seed.memories)} memories in ${f2(seed.seconds)} s`).join(", ") + `. Wall time ${f2(json.wallTimeSeconds)} s. The load generator shares the machine's cores with the server; "server CPU" is the server process's CPU time over the phase's wall time (1 = one core busy), and per response: with one event loop, 1,000 / (ms per request) approximates the throughput of a server that has a core to itself.`
  );
  lines.push("");
  lines.push("Charts: `server-throughput.svg`, `server-latency.svg`.");
  return lines.join("\n");
};
var buildReport = (json) => {
  const categories = json.runs.map(runName);
  const throughput = {
    name: "server-throughput",
    svg: groupedBarChart({
      title: `alma serve throughput (${json.settings.connections} connections, 80% retrieve / 20% learn)`,
      categories,
      series: [{ name: "requests/s", values: json.runs.map((r) => r.load.throughput) }],
      yLabel: "requests/s",
      showValues: true
    })
  };
  const latency = {
    name: "server-latency",
    svg: groupedBarChart({
      title: `alma serve latency (${json.settings.connections} connections, ms)`,
      categories,
      series: [
        { name: "p50", values: json.runs.map((r) => r.load.latency.p50) },
        { name: "p95", values: json.runs.map((r) => r.load.latency.p95) },
        { name: "p99", values: json.runs.map((r) => r.load.latency.p99) }
      ],
      yLabel: "ms",
      showValues: true
    })
  };
  return { suite: "server", json, markdown: markdownOf(json), charts: [throughput, latency] };
};

// src/bench/server/Seed.ts
import { copyFileSync, existsSync as existsSync2 } from "fs";
import * as path3 from "path";
var seedStore = (config, texts, memories, batchSize = 1e3) => Effect_exports.gen(function* () {
  const started = yield* Clock_exports.currentTimeMillis;
  const embedder = yield* Embedder;
  const storage = yield* Storage;
  const centreTexts = taskTypes.flatMap((t) => texts.topicTexts.get(t) ?? []);
  const vectors = yield* embedder.embedMany(centreTexts);
  const byText = new Map(centreTexts.map((t, i) => [t, vectors[i]]));
  const world = {
    projectId: config.projectId,
    agents: texts.agents,
    agentTypes: texts.agentTypes,
    centres: new Map(taskTypes.map((t) => [t, (texts.topicTexts.get(t) ?? []).map((s) => byText.get(s))])),
    strategies: texts.strategies,
    now: started
  };
  const counts = {};
  for (let start = 0; start < memories; start += batchSize) {
    const batch = Array.from({ length: Math.min(batchSize, memories - start) }, (_, j) => {
      const record = buildRecord(world, start + j, memories);
      counts[record.memory.kind] = (counts[record.memory.kind] ?? 0) + 1;
      return record;
    });
    yield* storage.save(batch);
  }
  const ended = yield* Clock_exports.currentTimeMillis;
  return { memories, counts, centres: centreTexts.length, seconds: (ended - started) / 1e3 };
}).pipe(Effect_exports.provide(storageFromConfig(config).pipe(Layer_exports.provideMerge(embedderFromConfig(config)))));
var copyStore = (from, to) => {
  for (const suffix of ["", "-wal", "-shm"]) {
    if (existsSync2(from + suffix)) copyFileSync(from + suffix, path3.resolve(to + suffix));
  }
};

// src/bench/server/Server.ts
var ServerBenchError = class extends Data_exports.TaggedError("ServerBenchError") {
};
var load1 = () => Math.round(loadavg()[0] * 100) / 100;
var machine = () => ({
  cpu: cpus()[0]?.model.trim() ?? "unknown",
  cores: availableParallelism(),
  ramGiB: Math.round(totalmem() / 2 ** 30 * 10) / 10,
  node: process.version,
  platform: `${process.platform} ${process.arch}`
});
var storeSize = async (url) => {
  const body = `${JSON.stringify({ _tag: "Request", id: "1", tag: "Stats", payload: {}, headers: [] })}
`;
  const response = await fetch(`${url}/rpc`, { method: "POST", headers: { "content-type": "application/ndjson" }, body });
  const exit = JSON.parse((await response.text()).trim().split("\n").at(-1) ?? "{}")?.exit;
  return exit?._tag === "Success" && typeof exit.value?.total === "number" ? exit.value.total : void 0;
};
var settingsOf = (options, configurations) => {
  const quick = options.quick === true;
  return {
    quick,
    memories: options.memories ?? (quick ? 1e3 : 1e4),
    durationSeconds: options.durationSeconds ?? (quick ? 5 : 30),
    warmupSeconds: options.warmupSeconds ?? (quick ? 1 : 5),
    connections: options.connections ?? 16,
    surfaces: options.surfaces ?? ["rpc", "mcp"],
    mix: { retrieve: 4, learn: 1 },
    tasks: options.tasks ?? 500,
    learns: options.learns ?? 2e3,
    agents: defaultShape.agents,
    configurations: configurations.map((c) => ({ name: c.name, label: c.label, settings: c.settings }))
  };
};
var run = async (options) => {
  const started = performance.now();
  const configurations = options.configurations ?? (options.config !== void 0 ? [await Effect_exports.runPromise(fromFile(options.config))] : options.quick === true ? [hash] : [hash, local]);
  const settings = settingsOf(options, configurations);
  const texts = makeTexts(defaultShape);
  const pools = makePools(texts, { tasks: settings.tasks, learns: settings.learns });
  const root = mkdtempSync(path4.join(options.directory ?? tmpdir(), "bench-server-"));
  const total = configurations.length * (1 + settings.surfaces.length);
  let done = 0;
  const step = () => options.onProgress?.(++done, total);
  const runs = [];
  const seeds = {};
  try {
    for (const configuration of configurations) {
      const seedDir = path4.join(root, configuration.name, "seed");
      mkdirSync(seedDir, { recursive: true });
      const seeded = await Effect_exports.runPromise(
        Effect_exports.flatMap(write(configuration, seedDir), ({ config }) => Effect_exports.map(seedStore(config, texts, settings.memories), (seed) => ({ seed, file: config.sqlitePath })))
      );
      step();
      for (const surface of settings.surfaces) {
        const dir = path4.join(root, configuration.name, surface);
        mkdirSync(dir, { recursive: true });
        const { config, file } = await Effect_exports.runPromise(write(configuration, dir));
        copyStore(seeded.file, config.sqlitePath);
        const loadStart = load1();
        const t0 = performance.now();
        const server2 = await startServer({ configFile: file, cwd: dir, cpuProfileDir: options.cpuProfileDir });
        const startSeconds = (performance.now() - t0) / 1e3;
        try {
          const stream = bodies(surface, pools, 1e3 + runs.length);
          const phase = (durationSeconds) => runLoad({ url: server2.url, surface, bodies: stream, connections: settings.connections, durationSeconds });
          if (settings.warmupSeconds > 0) await phase(settings.warmupSeconds);
          const storeBefore = await storeSize(server2.url);
          const cpuBefore = server2.cpuSeconds();
          const ownBefore = process.cpuUsage();
          const loaded = await phase(settings.durationSeconds);
          const own = process.cpuUsage(ownBefore);
          const cpuAfter = server2.cpuSeconds();
          const cpuSeconds = cpuBefore === void 0 || cpuAfter === void 0 ? void 0 : cpuAfter - cpuBefore;
          runs.push({
            configuration: configuration.name,
            label: configuration.label,
            surface,
            load: loaded,
            store: { seeded: seeded.seed.memories, atStart: storeBefore, atEnd: await storeSize(server2.url) },
            server: {
              startSeconds,
              cpuSeconds,
              cpuShare: cpuSeconds === void 0 ? void 0 : Math.round(cpuSeconds / loaded.durationSeconds * 100) / 100,
              peakRssMiB: server2.peakRssMiB(),
              command: server2.command.map((a) => path4.basename(a)).join(" ")
            },
            loadGeneratorCpuSeconds: Math.round((own.user + own.system) / 1e4) / 100,
            loadAverage1m: { start: loadStart, end: load1() }
          });
        } finally {
          await server2.stop();
        }
        step();
      }
      seeds[configuration.name] = seeded.seed;
    }
    return {
      suite: "server",
      settings,
      machine: machine(),
      seeds,
      runs,
      wallTimeSeconds: Math.round((performance.now() - started) / 10) / 100
    };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
};
var describe = (cause) => cause instanceof Error ? cause.message : typeof cause === "object" && cause !== null && "message" in cause ? String(cause.message) : String(cause);
var runServerWith = (options = {}) => Effect_exports.tryPromise({
  try: () => run(options),
  catch: (cause) => new ServerBenchError({ message: `the server benchmark failed: ${describe(cause)}`, cause })
}).pipe(Effect_exports.map(buildReport));
var runServer = (options) => runServerWith(options);
export {
  ServerBenchError,
  runServer,
  runServerWith
};
