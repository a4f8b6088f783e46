import { createRequire as __almaCreateRequire } from "node:module"; const require = __almaCreateRequire(import.meta.url);
import {
  AntiPattern,
  DIMENSIONS,
  DomainKnowledge,
  Embedder,
  Heuristic,
  MODEL,
  MemoryId,
  Outcome,
  Storage,
  fnv1a,
  idPrefix,
  layerWith2 as layerWith,
  mix32
} from "./chunk-7HY5L3DF.js";
import {
  DateTime_exports,
  Effect_exports,
  Layer_exports,
  ManagedRuntime_exports
} from "./chunk-S5EEIEDT.js";

// src/bench/latency/Corpus.ts
var rng = (seed2) => {
  let a = seed2 >>> 0;
  const next = () => {
    a = a + 1831565813 >>> 0;
    let t = a;
    t = Math.imul(t ^ t >>> 15, t | 1);
    t ^= t + Math.imul(t ^ t >>> 7, t | 61);
    return ((t ^ t >>> 14) >>> 0) / 4294967296;
  };
  const int = (n) => Math.floor(next() * n);
  return { next, int, pick: (items) => items[int(items.length)] };
};
var hex16 = (i, salt) => mix32(i ^ mix32(salt)).toString(16).padStart(8, "0") + mix32(i + 2654435769 + salt).toString(16).padStart(8, "0");
var words = (s) => s.trim().split(/\s+/);
var taskTopics = [
  ["form_testing", "form field input submit validation signup checkout dropdown checkbox placeholder captcha wizard"],
  ["api_testing", "endpoint payload status response contract graphql rest pagination json schema versioning mock"],
  ["database_migration", "migration column table foreign constraint rollback backfill postgres replica dump ddl index"],
  ["ui_rendering", "component render layout flexbox grid animation reflow paint hydration viewport css theme"],
  ["authentication", "login password oauth token session mfa sso jwt refresh credential lockout passkey"],
  ["payment_processing", "payment invoice refund card stripe currency charge settlement chargeback ledger tax checkout"],
  ["search_indexing", "search index ranking tokenizer synonym query relevance facet stemming shard crawler snippet"],
  ["email_delivery", "email smtp bounce template inbox spam dkim newsletter unsubscribe attachment mailer queue"],
  ["file_upload", "upload file multipart chunk bucket thumbnail mime virus scan resumable storage quota"],
  ["caching", "cache eviction ttl redis invalidation stampede warmup memcached hit miss key entry"],
  ["deployment", "deploy release canary rollout container kubernetes helm pipeline artifact cluster blue green"],
  ["logging", "log trace span logger verbosity rotation structured correlation sampling exporter collector level"],
  ["performance_tuning", "latency throughput profiler flamegraph allocation heap cpu bottleneck benchmark p95 memory"],
  ["accessibility", "screen reader aria contrast focus keyboard label alt landmark heading caption tabindex"],
  ["localization", "locale translation plural currency timezone rtl string catalog fallback unicode format date"],
  ["data_import", "import csv row parser encoding delimiter mapping dedupe staging validation spreadsheet batch"],
  ["report_generation", "report chart pdf export aggregate pivot dashboard summary filter column total monthly"],
  ["notification", "notification push sms webhook subscriber digest badge alert channel delivery preference toast"],
  ["session_management", "session cookie expiry idle renewal storage sticky affinity logout tab concurrency csrf"],
  ["rate_limiting", "rate limit quota throttle bucket burst window retry backoff 429 client tenant"],
  ["image_processing", "image resize crop thumbnail jpeg webp exif compression watermark pixel gallery upload"],
  ["scheduling", "schedule cron job calendar recurrence reminder timezone worker delay queue trigger slot"],
  ["backup_restore", "backup restore snapshot archive retention encryption replica disaster recovery checksum volume"],
  ["dependency_upgrade", "dependency upgrade version semver lockfile changelog breaking deprecation package patch audit"]
].map(([t, w]) => [t, words(w)]);
var taskTypes = taskTopics.map(([t]) => t);
var verbs = words(`test check verify validate fix debug investigate refactor update migrate deploy configure measure
  profile review implement add remove replace retry reproduce document monitor optimize audit rollback parse render load
  seed mock stub patch upgrade trace isolate compare clean rename split merge throttle schedule export import sync restore
  stabilize harden simplify automate`);
var adjectives = words(`slow flaky intermittent broken missing duplicate stale large empty invalid expired concurrent nested
  legacy new optional required partial corrupted encrypted localized mobile cached async remote local default custom hidden
  disabled failing noisy unstable inconsistent truncated oversized unexpected silent critical minor shared primary secondary`);
var nouns = words(`page button field request response header token query table column record batch job queue worker
  service endpoint payload schema config flag timeout error warning log metric user account cookie file folder image report
  chart dashboard widget modal dialog menu link route handler callback promise thread lock transaction connection pool client
  server proxy gateway bucket region node container build release branch commit fixture snapshot selector locator element
  event listener message topic subscriber signature certificate key secret permission role policy quota limit threshold
  interval calendar order cart product price customer address string font viewport label browser network database
  environment staging production test suite assertion spinner banner tooltip sidebar footer form retry backoff`);
var preps = words("on in for with after before during under across behind via without");
var connectors = words("requires rejects returns expects caches drops logs limits retries delays blocks ignores");
var units = words("ms seconds minutes retries requests items rows MB");
var errors = words("Timeout TypeError 500 404 Deadlock Conflict Overflow Refused");
var zipfExponent = 0.8;
var zipf = (items) => {
  const cumulative = [];
  let sum = 0;
  for (let i = 0; i < items.length; i++) cumulative.push(sum += 1 / (i + 1) ** zipfExponent);
  return (r) => {
    const x = r.next() * sum;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = lo + hi >> 1;
      if (cumulative[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return items[lo];
  };
};
var samplers = { verb: zipf(verbs), adj: zipf(adjectives), noun: zipf(nouns) };
var verb = (r) => samplers.verb(r);
var adj = (r) => samplers.adj(r);
var noun = (r) => samplers.noun(r);
var cap = (s) => s.charAt(0).toUpperCase() + s.slice(1);
var topicOf = (taskType) => taskTopics.find(([t]) => t === taskType)?.[1] ?? taskTopics[0][1];
var taskText = (r, taskType) => {
  const t = topicOf(taskType);
  const base = `${cap(verb(r))} the ${adj(r)} ${r.pick(t)} ${noun(r)} ${r.pick(preps)} the ${r.pick(t)} ${noun(r)}`;
  const extra = r.int(3);
  return extra === 0 ? base : extra === 1 ? `${base} when the ${noun(r)} is ${adj(r)}` : `${base} and ${verb(r)} the ${adj(r)} ${noun(r)} ${r.pick(preps)} ${r.pick(t)}`;
};
var topicSentence = (taskType, j) => taskText(rng(fnv1a(taskType) + j * 7919), taskType);
var strategiesFor = (taskType, count) => {
  const r = rng(fnv1a(`strategy:${taskType}`));
  const t = topicOf(taskType);
  const templates = [
    () => `Wait for the ${r.pick(t)} ${noun(r)} to load, then ${verb(r)} the ${noun(r)}`,
    () => `${cap(verb(r))} the ${r.pick(t)} ${noun(r)} with a ${adj(r)} ${noun(r)} and ${verb(r)} the ${noun(r)}`,
    () => `Use a ${adj(r)} ${noun(r)} for the ${r.pick(t)} ${noun(r)}, then ${verb(r)} it ${r.pick(preps)} the ${noun(r)}`,
    () => `${cap(verb(r))} the ${r.pick(t)} first and ${verb(r)} every ${noun(r)} ${r.pick(preps)} the ${r.pick(t)}`
  ];
  return Array.from({ length: count }, (_, i) => templates[i % templates.length]());
};
var factText = (r, domain) => {
  const t = topicOf(domain);
  return `The ${r.pick(t)} ${noun(r)} ${r.pick(connectors)} ${adj(r)} ${noun(r)}s ${r.pick(preps)} the ${r.pick(t)} ${noun(r)} after ${1 + r.int(500)} ${r.pick(units)}`;
};
var conditionText = (r, taskType) => {
  const t = topicOf(taskType);
  return `For ${taskType.replaceAll("_", " ")} tasks on a ${adj(r)} ${r.pick(t)} ${noun(r)}`;
};
var antiPatternText = (r, taskType) => {
  const t = topicOf(taskType);
  return {
    pattern: `Skipping the ${noun(r)} check and ${verb(r)} the ${r.pick(t)} ${noun(r)} directly`,
    whyBad: `It leaves ${adj(r)} ${noun(r)}s in the ${r.pick(t)} and causes ${adj(r)} ${noun(r)} failures`
  };
};
var errorText = (r) => `${r.pick(errors)} while waiting for the ${adj(r)} ${noun(r)} after ${1 + r.int(3e4)} ms`;
var distinct = (count, make, exclude = /* @__PURE__ */ new Set()) => {
  const out = [];
  while (out.length < count) {
    const text = make();
    if (exclude.has(text)) continue;
    exclude.add(text);
    out.push(text);
  }
  return out;
};

// src/bench/latency/Vectors.ts
var MODEL2 = MODEL;
var DIMENSIONS2 = DIMENSIONS;
var SIGMA = 0.6;
var perturb = (centre, r, sigma = SIGMA) => {
  const a = sigma * Math.sqrt(3 / centre.length);
  const v = new Float32Array(centre.length);
  let sum = 0;
  for (let i = 0; i < v.length; i++) {
    const x = centre[i] + (2 * r.next() - 1) * a;
    v[i] = x;
    sum += x * x;
  }
  const inv = 1 / Math.sqrt(sum);
  for (let i = 0; i < v.length; i++) v[i] = v[i] * inv;
  return v;
};
var precomputed = (table, centres, identity = { model: MODEL2, dimensions: DIMENSIONS2 }) => {
  const stats = { hits: 0, derived: 0 };
  const lookup = (text) => {
    const found = table.get(text);
    if (found !== void 0) {
      stats.hits++;
      return found;
    }
    stats.derived++;
    const h = fnv1a(text);
    return perturb(centres[h % centres.length], rng(h));
  };
  const service = Embedder.of({
    model: identity.model,
    dimensions: identity.dimensions,
    embed: (text) => Effect_exports.sync(() => lookup(text)),
    embedMany: (texts) => Effect_exports.sync(() => texts.map(lookup))
  });
  return { lookup, layer: Layer_exports.succeed(Embedder, service), stats, ...identity };
};

// src/bench/latency/Seed.ts
var kindMix = [
  ["outcome", 0.55],
  ["domain_knowledge", 0.35],
  ["heuristic", 0.05],
  ["anti_pattern", 0.05]
];
var DAY = 864e5;
var kindOf = (r) => {
  let x = r.next();
  for (const [kind, share] of kindMix) {
    if ((x -= share) < 0) return kind;
  }
  return "outcome";
};
var buildRecord = (world, i, total) => {
  const r = rng(i * 2654435761 + 17);
  const agent = world.agents[i % world.agents.length];
  const taskType = r.pick(world.agentTypes.get(agent));
  const kind = kindOf(r);
  const centres = world.centres.get(taskType);
  const embedding = perturb(r.pick(centres), r);
  const created = DateTime_exports.unsafeMake(world.now - Math.round((total - i) / total * 180 * DAY) - r.int(6e4));
  const common = {
    id: MemoryId.make(`${idPrefix[kind]}_${hex16(i, kind.length)}`),
    projectId: world.projectId,
    createdAt: created,
    updatedAt: created,
    metadata: {},
    provenance: []
  };
  const strategy = () => r.pick(world.strategies.get(taskType));
  let memory;
  switch (kind) {
    case "outcome": {
      const success = r.next() < 0.7;
      memory = Outcome.make({
        ...common,
        agent,
        task: taskText(r, taskType),
        taskType,
        success,
        strategyUsed: strategy(),
        durationMs: 200 + r.int(6e4),
        ...success ? {} : { errorMessage: errorText(r) }
      });
      break;
    }
    case "domain_knowledge":
      memory = DomainKnowledge.make({
        ...common,
        agent,
        domain: taskType,
        fact: factText(r, taskType),
        source: r.next() < 0.5 ? "user_stated" : "inferred",
        confidence: 0.5 + r.next() / 2,
        lastVerified: created
      });
      break;
    case "heuristic": {
      const occurrenceCount = 3 + r.int(30);
      const successCount = Math.ceil(occurrenceCount * (0.55 + r.next() * 0.45));
      memory = Heuristic.make({
        ...common,
        agent,
        taskType,
        condition: conditionText(r, taskType),
        strategy: strategy(),
        confidence: successCount / occurrenceCount,
        occurrenceCount,
        successCount,
        lastValidated: created
      });
      break;
    }
    default: {
      const { pattern, whyBad } = antiPatternText(r, taskType);
      memory = AntiPattern.make({
        ...common,
        agent,
        taskType,
        pattern,
        whyBad,
        betterAlternative: strategy(),
        occurrenceCount: 2 + r.int(10),
        lastSeen: created
      });
    }
  }
  return { memory, embedding };
};
var seed = async (world, options, progress) => {
  const runtime = ManagedRuntime_exports.make(
    layerWith({ filename: options.filename }).pipe(Layer_exports.provide(options.embedder))
  );
  try {
    const storage = await runtime.runPromise(Storage);
    const total = options.perAgent * world.agents.length;
    const indexes = Array.from({ length: total }, (_, i) => i).filter(options.only ?? (() => true));
    const batchMs = [];
    const counts = {};
    let buildMs = 0;
    for (let start = 0; start < indexes.length; start += options.batchSize) {
      const t0 = performance.now();
      const batch = [];
      for (const i of indexes.slice(start, start + options.batchSize)) {
        const record = buildRecord(world, i, total);
        counts[record.memory.kind] = (counts[record.memory.kind] ?? 0) + 1;
        batch.push(record);
      }
      const t1 = performance.now();
      await runtime.runPromise(storage.save(batch));
      const t2 = performance.now();
      buildMs += t1 - t0;
      batchMs.push(t2 - t1);
      progress(Math.min(indexes.length, start + options.batchSize), indexes.length);
    }
    return { records: indexes.length, counts, batchMs, buildMs };
  } finally {
    await runtime.dispose();
  }
};

// src/bench/latency/Stats.ts
var round = (x) => Math.round(x * 1e3) / 1e3;
var summarize = (samples) => {
  if (samples.length === 0) return { n: 0, p50: NaN, p95: NaN, p99: NaN, mean: NaN, min: NaN, max: NaN };
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p / 100 * sorted.length) - 1))];
  return {
    n: sorted.length,
    p50: round(at(50)),
    p95: round(at(95)),
    p99: round(at(99)),
    mean: round(sorted.reduce((s, x) => s + x, 0) / sorted.length),
    min: round(sorted[0]),
    max: round(sorted[sorted.length - 1])
  };
};
var timeCalls = async (warmup, n, call) => {
  for (let i = 0; i < warmup; i++) await call(i);
  const samples = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await call(warmup + i);
    samples.push(performance.now() - t0);
  }
  return samples;
};

// src/bench/latency/World.ts
var defaultShape = { agents: 10, typesPerAgent: 12, topicsPerType: 10, strategiesPerType: 8 };
var makeTexts = (shape = defaultShape) => {
  const agents = Array.from({ length: shape.agents }, (_, a) => `agent_${String(a).padStart(2, "0")}`);
  return {
    agents,
    agentTypes: new Map(agents.map((agent, a) => [
      agent,
      Array.from({ length: shape.typesPerAgent }, (_, k) => taskTypes[(a * 2 + k) % taskTypes.length])
    ])),
    strategies: new Map(taskTypes.map((t) => [t, strategiesFor(t, shape.strategiesPerType)])),
    topicTexts: new Map(taskTypes.map((t) => [t, Array.from({ length: shape.topicsPerType }, (_, j) => topicSentence(t, j))]))
  };
};
var draw = (texts, seed2) => {
  const r = rng(seed2);
  const used = /* @__PURE__ */ new Set();
  let turn = 0;
  const nextAgent = () => texts.agents[turn++ % texts.agents.length];
  return {
    queries: (count) => {
      const out = [];
      distinct(count, () => {
        const agent = nextAgent();
        const taskType = r.pick(texts.agentTypes.get(agent));
        const q = { agent, text: taskText(r, taskType), taskType };
        if (!used.has(q.text)) out.push(q);
        return q.text;
      }, used);
      return out;
    },
    learnInputs: (count) => {
      const out = [];
      distinct(count, () => {
        const agent = nextAgent();
        const taskType = r.pick(texts.agentTypes.get(agent));
        const success = r.next() < 0.7;
        const input = {
          agent,
          task: taskText(r, taskType),
          outcome: success ? "success" : "failure",
          strategyUsed: r.pick(texts.strategies.get(taskType)),
          taskType,
          durationMs: 1e3 + r.int(3e4),
          ...success ? {} : { errorMessage: "Timeout while waiting for the page" }
        };
        if (!used.has(input.task)) out.push(input);
        return input.task;
      }, used);
      return out;
    },
    facts: (agent, count) => {
      const out = [];
      distinct(count, () => {
        const domain = r.pick(texts.agentTypes.get(agent));
        const fact = factText(r, domain);
        if (!used.has(fact)) out.push({ domain, fact });
        return fact;
      }, used);
      return out;
    }
  };
};

export {
  rng,
  taskTypes,
  perturb,
  precomputed,
  buildRecord,
  seed,
  summarize,
  timeCalls,
  defaultShape,
  makeTexts,
  draw
};
