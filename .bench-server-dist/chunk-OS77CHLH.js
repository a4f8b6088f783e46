import { createRequire as __almaCreateRequire } from "node:module"; const require = __almaCreateRequire(import.meta.url);
import {
  defaultShape,
  draw,
  makeTexts,
  precomputed,
  seed,
  summarize,
  taskTypes,
  timeCalls
} from "./chunk-52IPULEK.js";
import {
  latencyVsStoreSizeChart
} from "./chunk-CWCMDVFS.js";
import {
  AgentScope,
  Alma,
  Embedder,
  layer,
  layerWith2 as layerWith,
  layerWith3 as layerWith2
} from "./chunk-7HY5L3DF.js";
import {
  Data_exports,
  Effect_exports,
  Layer_exports,
  ManagedRuntime_exports
} from "./chunk-S5EEIEDT.js";

// src/bench/latency/Latency.ts
import { mkdtempSync, rmSync, statSync } from "fs";
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from "os";
import * as path from "path";

// src/bench/latency/Report.ts
var f2 = (x) => Number.isFinite(x) ? x.toFixed(2) : "\u2013";
var int = (x) => Number.isFinite(x) ? Math.round(x).toLocaleString("en-US") : "\u2013";
var sizeLabel = (n) => n >= 1e3 && n % 1e3 === 0 ? `${n / 1e3}k` : String(n);
var operations = (p) => [
  ["`retrieve`, excluding embedding", p.retrieveExcluding.latency],
  ["`retrieve`, including embedding", p.retrieveIncluding.latency],
  ["`embed` alone (cache miss)", p.embedOnly],
  ["`learn`, excluding embedding", p.learnExcluding.latency],
  ["`learn`, including embedding", p.learnIncluding.latency],
  [`\`addKnowledgeBatch\` of ${p.insertExcluding.batchSize}, excluding embedding`, p.insertExcluding.latency],
  [`\`addKnowledgeBatch\` of ${p.insertIncluding.batchSize}, including embedding`, p.insertIncluding.latency],
  [`\`Storage.save\` of ${p.seed.batchSize} (seeding), excluding embedding`, p.seed.batchMs]
];
var targetLines = (json) => {
  const lines = [];
  const last = json.points.at(-1);
  const targets = [
    ["`retrieve` p95, excluding embedding", "\u2264 10 ms", `${f2(last.retrieveExcluding.latency.p95)} ms`, last.retrieveExcluding.latency.p95 <= 10],
    ["`retrieve` p95, including embedding", "\u2264 50 ms", `${f2(last.retrieveIncluding.latency.p95)} ms`, last.retrieveIncluding.latency.p95 <= 50],
    ["`learn` p95, excluding embedding", "\u2264 10 ms", `${f2(last.learnExcluding.latency.p95)} ms`, last.learnExcluding.latency.p95 <= 10],
    ["batch insert, excluding embedding", "\u2265 2,000 memories/s", `${int(last.seed.memoriesPerSecond)} memories/s`, last.seed.memoriesPerSecond >= 2e3]
  ];
  if (last.storeSize !== 1e5 || json.settings.quick) return lines;
  lines.push("");
  lines.push(`Targets (those of the Results section above) at ${sizeLabel(last.storeSize)} memories:`);
  lines.push("");
  lines.push("| target | required | measured | result |");
  lines.push("|---|---|---|---|");
  for (const [name, required, measured, pass] of targets) {
    lines.push(`| ${name} | ${required} | ${measured} | ${pass ? "PASS" : "**FAIL**"} |`);
  }
  return lines;
};
var markdownOf = (json) => {
  const { settings } = json;
  const lines = [];
  const perAgent = json.points.map((p) => `${sizeLabel(p.storeSize)} (${p.perAgent.toLocaleString("en-US")} per agent)`);
  lines.push(
    `${settings.shape.agents} agents in one SQLite file; store sizes ${perAgent.join(", ")}. Each size is a fresh file seeded with the synthetic corpus of \`npm run bench\` (see Method above): 55% outcomes, 35% domain knowledge, 5% heuristics, 5% anti-patterns. Embedder: ${settings.embedder.label} (\`${settings.embedder.model}\`, ${settings.embedder.dimensions} dimensions). "Excluding embedding" uses precomputed vectors (no model run); "including" runs the model on every call (distinct texts, all cache misses). Retrieval cache off; \`retrieve\` with default options (4 kinds, topK 5). Latencies in ms, one call at a time after warm-up${settings.quick ? "; **quick run** (fewer calls, 1k only): a smoke test, not the targets' figures" : ""}.`
  );
  lines.push("");
  lines.push("| operation | memories | n | p50 | p95 | p99 | max |");
  lines.push("|---|---|---|---|---|---|---|");
  for (const [i] of operations(json.points[0]).entries()) {
    for (const p of json.points) {
      const [name, s] = operations(p)[i];
      lines.push(`| ${name} | ${sizeLabel(p.storeSize)} | ${s.n} | ${f2(s.p50)} | ${f2(s.p95)} | ${f2(s.p99)} | ${f2(s.max)} |`);
    }
  }
  lines.push("");
  lines.push(
    "| memories | seeding (`Storage.save`, excl. embedding) | `addKnowledgeBatch` excl. / incl. embedding | file | peak RSS: seed / retrieve / learn / insert | load (1 min) |"
  );
  lines.push("|---|---|---|---|---|---|");
  for (const p of json.points) {
    const r = p.peakRssMiB;
    const max = (...keys) => Math.max(...keys.map((k) => r[k] ?? 0));
    const loads = Object.values(p.loadAverage1m);
    lines.push(
      `| ${sizeLabel(p.storeSize)} | ${int(p.seed.memoriesPerSecond)}/s (${p.seed.records.toLocaleString("en-US")} in ${f2(p.seed.saveSeconds)} s) | ${int(p.insertExcluding.memoriesPerSecond)}/s / ${int(p.insertIncluding.memoriesPerSecond)}/s | ${p.fileMiB} MiB | ${max("seed")} / ${max("retrieveExcluding", "retrieveIncluding", "embedOnly")} / ${max("learnExcluding", "learnIncluding")} / ${max("insertExcluding", "insertIncluding")} MiB | ${f2(Math.min(...loads))}\u2013${f2(Math.max(...loads))} |`
    );
  }
  lines.push("");
  lines.push(
    `Process peak RSS (\`maxRSS\`): ${json.processPeakRssMiB} MiB. Wall time ${f2(json.wallTimeSeconds)} s, of which ${f2(json.embedSeconds)} s embedding ${json.embeddedTexts} texts (cluster centres, strategies, queries) before any timing. The \`addKnowledgeBatch\` phases run last, so each store grows by ${int((settings.calls.insertWarmup + settings.calls.insertBatches) * 2 * settings.calls.insertBatchSize)} memories during them; their throughput is memories stored over the summed time of the timed calls.`
  );
  lines.push(...targetLines(json));
  lines.push("");
  lines.push("Chart: `latency-vs-store-size.svg` (retrieve and learn p50 / p95 against the store size).");
  return lines.join("\n");
};
var buildReport = (json) => {
  const series = (name, pick) => ({
    name,
    points: json.points.map((p) => ({ storeSize: p.storeSize, ms: pick(p) }))
  });
  const chart = latencyVsStoreSizeChart({
    name: "latency-vs-store-size",
    title: `ALMA latency vs store size (${json.settings.shape.agents} agents, SQLite, ${json.settings.embedder.model})`,
    series: [
      series("retrieve p50, excl. embedding", (p) => p.retrieveExcluding.latency.p50),
      series("retrieve p95, excl. embedding", (p) => p.retrieveExcluding.latency.p95),
      series("retrieve p95, incl. embedding", (p) => p.retrieveIncluding.latency.p95),
      series("learn p50, excl. embedding", (p) => p.learnExcluding.latency.p50),
      series("learn p95, excl. embedding", (p) => p.learnExcluding.latency.p95)
    ]
  });
  return { suite: "latency", json, markdown: markdownOf(json), charts: [chart] };
};

// src/bench/latency/Rss.ts
var mib = (bytes) => Math.round(bytes / 2 ** 20 * 10) / 10;
var rssSampler = (intervalMs = 20) => {
  const peaks = {};
  let current;
  const sample = () => {
    if (current === void 0) return;
    const rss = process.memoryUsage().rss;
    peaks[current] = Math.max(peaks[current] ?? 0, mib(rss));
  };
  const timer = setInterval(sample, intervalMs);
  timer.unref();
  return {
    phase: async (name, f) => {
      const previous = current;
      current = name;
      sample();
      try {
        return await f();
      } finally {
        sample();
        current = previous;
      }
    },
    peaks: () => ({ ...peaks }),
    stop: () => clearInterval(timer)
  };
};
var processPeakRssMiB = () => mib(process.resourceUsage().maxRSS * 1024);

// src/bench/latency/Timing.ts
var runtimeOf = (stack) => ManagedRuntime_exports.make(
  layerWith2(layerWith({ filename: stack.filename }), stack.embedder, {
    projectId: stack.projectId,
    agents: stack.agents,
    cache: { timeToLive: 0 }
  })
);
var withRuntime = async (stack, f) => {
  const runtime = runtimeOf(stack);
  try {
    const alma = await runtime.runPromise(Alma);
    return await f(runtime, alma);
  } finally {
    await runtime.dispose();
  }
};
var items = (s) => s.heuristics.length + s.antiPatterns.length + s.preferences.length + s.domainKnowledge.length + s.outcomes.length;
var timeRetrieve = (stack, queries, warmup) => withRuntime(stack, async (runtime, alma) => {
  const slices = [];
  const samples = await timeCalls(warmup, queries.length - warmup, async (i) => {
    const q = queries[i];
    const slice = await runtime.runPromise(alma.retrieve({ task: q.text, agent: q.agent }));
    if (i >= warmup) slices.push(slice);
  });
  return {
    latency: summarize(samples),
    itemsPerSlice: summarize(slices.map(items)),
    reportedRetrievalMs: summarize(slices.map((s) => s.retrievalTimeMs)),
    cacheHits: slices.filter((s) => s.cacheHit).length
  };
});
var timeEmbed = (stack, texts, warmup) => withRuntime(stack, async (runtime) => {
  const embedder = await runtime.runPromise(Embedder);
  return summarize(
    await timeCalls(warmup, texts.length - warmup, (i) => runtime.runPromise(Effect_exports.asVoid(embedder.embed(texts[i]))))
  );
});
var timeLearn = (stack, inputs, warmup) => withRuntime(stack, async (runtime, alma) => {
  const actions = {};
  const samples = await timeCalls(warmup, inputs.length - warmup, async (i) => {
    const result = await runtime.runPromise(alma.learn(inputs[i]));
    if (i >= warmup) {
      for (const key of [
        result.heuristic ? `heuristic ${result.heuristic.action}` : "no heuristic",
        result.antiPattern ? `anti-pattern ${result.antiPattern.action}` : "no anti-pattern",
        result.warnings.length > 0 ? "with warnings" : "no warnings"
      ]) actions[key] = (actions[key] ?? 0) + 1;
    }
  });
  return { latency: summarize(samples), actions };
});
var timeInsert = (stack, batches, warmup) => withRuntime(stack, async (runtime, alma) => {
  const samples = await timeCalls(warmup, batches.length - warmup, (i) => runtime.runPromise(alma.addKnowledgeBatch(batches[i])));
  const stored = batches.slice(warmup).reduce((n, b) => n + b.length, 0);
  const seconds = samples.reduce((s, x) => s + x, 0) / 1e3;
  return {
    batchSize: batches[0]?.length ?? 0,
    latency: summarize(samples),
    memoriesPerSecond: seconds > 0 ? Math.round(stored / seconds) : NaN
  };
});

// src/bench/latency/Latency.ts
var BenchRunError = class extends Data_exports.TaggedError("BenchRunError") {
};
var fullCalls = {
  warmup: 30,
  retrieves: 300,
  includingWarmup: 20,
  including: 200,
  embedOnly: 100,
  learns: 200,
  learnsIncluding: 100,
  insertWarmup: 3,
  insertBatches: 20,
  insertBatchSize: 100,
  seedBatch: 1e3
};
var quickCalls = {
  warmup: 5,
  retrieves: 40,
  includingWarmup: 5,
  including: 30,
  embedOnly: 20,
  learns: 40,
  learnsIncluding: 20,
  insertWarmup: 1,
  insertBatches: 5,
  insertBatchSize: 100,
  seedBatch: 1e3
};
var useLite = { name: "use-lite-512", label: "USE-lite 512d (local)", layer };
var fullSizes = [1e3, 1e4, 1e5];
var projectId = "bench";
var PHASES = 8;
var machine = () => ({
  cpu: cpus()[0]?.model.trim() ?? "unknown",
  cores: availableParallelism(),
  ramGiB: Math.round(totalmem() / 2 ** 30 * 10) / 10,
  node: process.version,
  platform: `${process.platform} ${process.arch}`
});
var load1 = () => Math.round(loadavg()[0] * 100) / 100;
var run = async (options) => {
  const started = performance.now();
  const quick = options.quick === true;
  const calls = { ...quick ? quickCalls : fullCalls, ...options.calls };
  const sizes = options.sizes ?? (quick ? [1e3] : fullSizes);
  const shape = options.shape ?? defaultShape;
  const spec = options.embedder ?? useLite;
  for (const size of sizes) {
    if (!Number.isInteger(size / shape.agents) || size <= 0) {
      throw new BenchRunError({ message: `store size ${size} is not a positive multiple of ${shape.agents} agents` });
    }
  }
  const texts = makeTexts(shape);
  const inputs = draw(texts, 20240601);
  const excludingQueries = inputs.queries(calls.warmup + calls.retrieves);
  const includingQueries = inputs.queries(calls.includingWarmup + calls.including);
  const embedTexts = inputs.queries(calls.includingWarmup + calls.embedOnly).map((q) => q.text);
  const learnExcluding = inputs.learnInputs(calls.warmup + calls.learns);
  const learnIncluding = inputs.learnInputs(calls.includingWarmup + calls.learnsIncluding);
  const insertBatches = (count) => Array.from({ length: count }, (_, b) => {
    const agent = texts.agents[b % texts.agents.length];
    return inputs.facts(agent, calls.insertBatchSize).map((f) => ({ agent, ...f }));
  });
  const insertExcluding = insertBatches(calls.insertWarmup + calls.insertBatches);
  const insertIncluding = insertBatches(calls.insertWarmup + calls.insertBatches);
  const rss = rssSampler();
  const realRuntime = ManagedRuntime_exports.make(spec.layer);
  const root = mkdtempSync(path.join(options.directory ?? tmpdir(), "bench-latency-"));
  try {
    const real = await realRuntime.runPromise(Embedder);
    const realLayer = Layer_exports.succeed(Embedder, real);
    const embedStarted = performance.now();
    const centreTexts = [...texts.topicTexts.values()].flat();
    const realTexts = [...centreTexts, ...[...texts.strategies.values()].flat(), ...excludingQueries.map((q) => q.text)];
    const vectors = await realRuntime.runPromise(real.embedMany(realTexts));
    const table = new Map(realTexts.map((t, i) => [t, vectors[i]]));
    const embedSeconds = (performance.now() - embedStarted) / 1e3;
    const centres = new Map(taskTypes.map((t) => [t, texts.topicTexts.get(t).map((s) => table.get(s))]));
    const pre = precomputed(table, [...centres.values()].flat(), { model: real.model, dimensions: real.dimensions });
    const world = {
      projectId,
      agents: texts.agents,
      agentTypes: texts.agentTypes,
      centres,
      strategies: texts.strategies,
      now: Date.now()
    };
    const agents = texts.agents.map((agent) => AgentScope.make({ agent }));
    const total = sizes.length * PHASES;
    let done = 0;
    const step = () => options.onProgress?.(++done, total);
    const points = [];
    for (const size of sizes) {
      const dir = mkdtempSync(path.join(root, `${size}-`));
      const filename = path.join(dir, "alma.db");
      const excluding = { filename, projectId, agents, embedder: pre.layer };
      const including = { ...excluding, embedder: realLayer };
      const load = {};
      const phase = (name, f) => {
        load[name] = load1();
        return rss.phase(`${size}:${name}`, f).finally(step);
      };
      try {
        const seeded = await phase("seed", () => seed(world, { filename, perAgent: size / shape.agents, batchSize: calls.seedBatch, embedder: pre.layer }, () => {
        }));
        const saveMs = seeded.batchMs.reduce((s, x) => s + x, 0);
        const retrieveExcluding = await phase("retrieveExcluding", () => timeRetrieve(excluding, excludingQueries, calls.warmup));
        const retrieveIncluding = await phase("retrieveIncluding", () => timeRetrieve(including, includingQueries, calls.includingWarmup));
        const embedOnly = await phase("embedOnly", () => timeEmbed(including, embedTexts, calls.includingWarmup));
        const learnEx = await phase("learnExcluding", () => timeLearn(excluding, learnExcluding, calls.warmup));
        const learnIn = await phase("learnIncluding", () => timeLearn(including, learnIncluding, calls.includingWarmup));
        const insertEx = await phase("insertExcluding", () => timeInsert(excluding, insertExcluding, calls.insertWarmup));
        const insertIn = await phase("insertIncluding", () => timeInsert(including, insertIncluding, calls.insertWarmup));
        const peaks = rss.peaks();
        points.push({
          storeSize: size,
          perAgent: size / shape.agents,
          seed: {
            records: seeded.records,
            counts: seeded.counts,
            batchSize: calls.seedBatch,
            batchMs: summarize(seeded.batchMs),
            saveSeconds: saveMs / 1e3,
            buildSeconds: seeded.buildMs / 1e3,
            memoriesPerSecond: Math.round(seeded.records / (saveMs / 1e3))
          },
          retrieveExcluding,
          retrieveIncluding,
          embedOnly,
          learnExcluding: learnEx,
          learnIncluding: learnIn,
          insertExcluding: insertEx,
          insertIncluding: insertIn,
          fileMiB: Math.round(statSync(filename).size / 2 ** 20),
          peakRssMiB: Object.fromEntries(
            Object.entries(peaks).filter(([k]) => k.startsWith(`${size}:`)).map(([k, v]) => [k.slice(`${size}:`.length), v])
          ),
          loadAverage1m: load
        });
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
    return {
      suite: "latency",
      settings: {
        quick,
        sizes,
        shape,
        calls,
        embedder: { name: spec.name, label: spec.label, model: real.model, dimensions: real.dimensions },
        projectId
      },
      machine: machine(),
      embeddedTexts: realTexts.length,
      embedSeconds,
      precomputed: { ...pre.stats },
      points,
      processPeakRssMiB: processPeakRssMiB(),
      wallTimeSeconds: (performance.now() - started) / 1e3
    };
  } finally {
    rss.stop();
    await realRuntime.dispose();
    rmSync(root, { recursive: true, force: true });
  }
};
var runLatencyWith = (options = {}) => Effect_exports.tryPromise({
  try: () => run(options),
  catch: (cause) => cause instanceof BenchRunError ? cause : new BenchRunError({ message: `the latency run failed: ${describe(cause)}`, cause })
}).pipe(Effect_exports.map(buildReport));
var describe = (cause) => cause instanceof Error ? cause.message : typeof cause === "object" && cause !== null && "message" in cause ? String(cause.message) : String(cause);
var runLatency = (options) => runLatencyWith(options);

export {
  BenchRunError,
  fullCalls,
  quickCalls,
  useLite,
  fullSizes,
  runLatencyWith,
  runLatency
};
