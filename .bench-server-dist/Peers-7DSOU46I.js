import { createRequire as __almaCreateRequire } from "node:module"; const require = __almaCreateRequire(import.meta.url);
import {
  breakdown,
  categoryNames,
  defaultDatasetPath,
  loadDataset,
  packageRoot,
  quickSlice,
  turnFact
} from "./chunk-RTISPWO6.js";
import {
  BenchRunError,
  useLite
} from "./chunk-OS77CHLH.js";
import {
  draw,
  makeTexts,
  perturb,
  rng,
  summarize,
  taskTypes
} from "./chunk-52IPULEK.js";
import {
  groupedBarChart,
  latencyVsStoreSizeChart
} from "./chunk-CWCMDVFS.js";
import {
  AgentScope,
  Alma,
  Embedder,
  fnv1a,
  layerWith2 as layerWith,
  layerWith3 as layerWith2,
  tokenCount
} from "./chunk-7HY5L3DF.js";
import "./chunk-HNHJBYPG.js";
import {
  Effect_exports,
  Layer_exports,
  ManagedRuntime_exports
} from "./chunk-S5EEIEDT.js";

// src/bench/peers/Peers.ts
import { mkdtempSync, rmSync } from "fs";
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from "os";
import * as path4 from "path";

// src/bench/peers/Embedding.ts
var sharedEmbedder = (model) => {
  const table2 = /* @__PURE__ */ new Map();
  const counts = { tableHits: 0, modelTexts: 0, modelCalls: 0, derived: 0 };
  const self = {
    model: model.model,
    dimensions: model.dimensions,
    table: table2,
    mode: "table-or-model",
    counts,
    embed: async (texts) => {
      if (self.mode === "model") {
        counts.modelCalls++;
        counts.modelTexts += texts.length;
        return model.embed(texts);
      }
      const missing = [...new Set(texts.filter((t) => !table2.has(t)))];
      counts.tableHits += texts.length - texts.filter((t) => missing.includes(t)).length;
      if (missing.length > 0) {
        if (self.mode === "table-or-model") {
          counts.modelCalls++;
          counts.modelTexts += missing.length;
          const vectors = await model.embed(missing);
          missing.forEach((t, i) => table2.set(t, vectors[i]));
        } else {
          const pool = [...table2.values()];
          for (const t of missing) {
            counts.derived++;
            const h = fnv1a(t);
            table2.set(t, perturb(pool[h % pool.length], rng(h)));
          }
        }
      }
      return texts.map((t) => table2.get(t));
    }
  };
  return self;
};
var cosine = (a, b) => {
  let dot = 0, na = 0, nb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i] * b[i];
    na += a[i] * a[i];
    nb += b[i] * b[i];
  }
  return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb);
};

// src/bench/peers/LatencyWorkload.ts
import { mkdirSync } from "fs";
import * as path from "path";
var SCOPE = "agent_00";
var DOMAIN = "memory";
var rate = (items, samples) => {
  const seconds = samples.reduce((a, b) => a + b, 0) / 1e3;
  return seconds > 0 ? Math.round(items / seconds) : NaN;
};
var runLatencyWorkload = async (options) => {
  const { embedder, calls, k } = options;
  const texts = makeTexts({ agents: 1, typesPerAgent: 12, topicsPerType: 10, strategiesPerType: 8 });
  embedder.mode = "table-or-model";
  const inputs = draw(texts, 4242);
  const excluding = inputs.queries(calls.warmup + calls.retrieves);
  const including = inputs.queries(calls.includingWarmup + calls.including);
  const centreTexts = taskTypes.map((t) => texts.topicTexts.get(t));
  const centreVectors = await embedder.embed(centreTexts.flat());
  await embedder.embed(excluding.map((q) => q.text));
  const centres = new Map(taskTypes.map(
    (t, i) => [t, centreVectors.slice(i * texts.topicTexts.get(t).length, (i + 1) * texts.topicTexts.get(t).length)]
  ));
  const results = [];
  for (const size of options.sizes) {
    const facts = draw(texts, 9e3 + size).facts(SCOPE, size + calls.includingWriteBatches * calls.writeBatch);
    const stored = facts.slice(0, size);
    const later = facts.slice(size);
    const variants = (text) => [
      text,
      ...options.systems.flatMap((s) => s.embeddedText === void 0 ? [] : [s.embeddedText(text, DOMAIN)])
    ];
    stored.forEach((f, i) => {
      const r = rng(i * 2654435761 + size);
      const vector = perturb(r.pick(centres.get(f.domain)), r);
      for (const text of variants(f.fact)) embedder.table.set(text, vector);
    });
    const items = stored.map((f, i) => ({ key: `m${i}`, text: f.fact }));
    const stores = [];
    try {
      for (const system of options.systems) {
        const dir = path.join(options.dir, `latency-${size}-${system.name.toLowerCase()}`);
        mkdirSync(dir, { recursive: true });
        stores.push(await system.open({ dir, embedder, scopes: [SCOPE], k, domain: DOMAIN }));
      }
      embedder.mode = "table-or-derived";
      const writeMs = stores.map(() => []);
      for (let i = 0, b = 0; i < items.length; i += calls.writeBatch, b++) {
        const batch = items.slice(i, i + calls.writeBatch);
        for (const j of stores.map((_, j2) => (j2 + b) % stores.length)) {
          const t0 = performance.now();
          await stores[j].add(SCOPE, batch);
          writeMs[j].push(performance.now() - t0);
        }
      }
      options.onStep();
      const hits = stores.map(() => []);
      const timeSearches = async (queries, warmup) => {
        const samples = stores.map(() => []);
        for (const [i, q] of queries.entries()) {
          for (const j of stores.map((_, j2) => (j2 + i) % stores.length)) {
            const t0 = performance.now();
            const found = await stores[j].search(SCOPE, q.text, k);
            const ms = performance.now() - t0;
            if (i >= warmup) {
              samples[j].push(ms);
              hits[j].push(found.length);
            }
          }
        }
        return samples;
      };
      const ex = await timeSearches(excluding, calls.warmup);
      options.onStep();
      embedder.mode = "model";
      const inc = await timeSearches(including, calls.includingWarmup);
      const writeIncMs = stores.map(() => []);
      for (let b = 0; b < calls.includingWriteBatches; b++) {
        const batch = later.slice(b * calls.writeBatch, (b + 1) * calls.writeBatch).map((f, i) => ({ key: `n${b}-${i}`, text: f.fact }));
        for (const j of stores.map((_, j2) => (j2 + b) % stores.length)) {
          const t0 = performance.now();
          await stores[j].add(SCOPE, batch);
          writeIncMs[j].push(performance.now() - t0);
        }
      }
      embedder.mode = "table-or-model";
      options.onStep();
      options.systems.forEach(
        (system, j) => results.push({
          system: system.name,
          storeSize: size,
          retrieveExcluding: summarize(ex[j]),
          retrieveIncluding: summarize(inc[j]),
          write: { calls: summarize(writeMs[j]), memoriesPerSecond: rate(items.length, writeMs[j]) },
          writeIncluding: {
            calls: summarize(writeIncMs[j]),
            memoriesPerSecond: rate(calls.includingWriteBatches * calls.writeBatch, writeIncMs[j])
          },
          hitsPerSearch: summarize(hits[j])
        })
      );
    } finally {
      for (const store of stores) await store.close();
      for (const f of facts) for (const text of variants(f.fact)) embedder.table.delete(text);
    }
  }
  return results;
};

// src/bench/peers/LocomoWorkload.ts
import { mkdirSync as mkdirSync2 } from "fs";
import * as path2 from "path";
var scopeOf = (sample) => sample.id.replace(/[^A-Za-z0-9_.:-]/g, "_").slice(0, 128) || "sample";
var BATCH = 100;
var DOMAIN2 = "conversation";
var byCosine = (embedder, query, hits) => {
  const q = embedder.table.get(query);
  if (q === void 0) return hits;
  const score = (h) => {
    const v = embedder.table.get(h.text);
    return v === void 0 ? -Infinity : cosine(q, v);
  };
  return [...hits].map((h) => [h, score(h)]).sort((a, b) => b[1] - a[1]).map(([h]) => h);
};
var runLocomoWorkload = async (options) => {
  const { dataset, embedder, k } = options;
  const samples = dataset.samples;
  const scopes = samples.map(scopeOf);
  embedder.mode = "table-or-model";
  const facts = samples.flatMap((s) => s.turns.map((t) => turnFact(t, "dated")));
  const texts = [
    ...facts,
    ...options.systems.flatMap((system) => system.embeddedText === void 0 ? [] : facts.map((f) => system.embeddedText(f, DOMAIN2))),
    ...samples.flatMap((s) => s.questions.filter((q) => q.evidence.length > 0).map((q) => q.question))
  ];
  for (let i = 0; i < texts.length; i += 256) await embedder.embed(texts.slice(i, i + 256));
  const stores = [];
  try {
    for (const system of options.systems) {
      const dir = path2.join(options.dir, `locomo-${system.name.toLowerCase()}`);
      mkdirSync2(dir, { recursive: true });
      stores.push(await system.open({ dir, embedder, scopes, k, domain: DOMAIN2 }));
    }
    const writeMs = options.systems.map(() => []);
    for (const [s, sample] of samples.entries()) {
      const items = sample.turns.map((t) => ({ key: t.diaId, text: turnFact(t, "dated") }));
      for (let i = 0; i < items.length; i += BATCH) {
        for (const [j, store] of stores.entries()) {
          const t0 = performance.now();
          await store.add(scopes[s], items.slice(i, i + BATCH));
          writeMs[j].push(performance.now() - t0);
        }
      }
      options.onStep();
    }
    const judged = options.systems.map(() => []);
    const searchMs = options.systems.map(() => []);
    const agreement = options.systems.map(() => []);
    let turn = 0;
    for (const [s, sample] of samples.entries()) {
      const turnTexts = sample.turns.map((t) => turnFact(t, "dated"));
      for (const q of sample.questions) {
        if (q.evidence.length === 0) continue;
        const order = stores.map((_, j) => (j + turn) % stores.length);
        turn++;
        for (const j of order) {
          const t0 = performance.now();
          const hits = await stores[j].search(scopes[s], q.question, k);
          searchMs[j].push(performance.now() - t0);
          const system = options.systems[j];
          const ranked = system.ranked ? hits : byCosine(embedder, q.question, hits);
          if (!system.ranked) {
            const exact = new Set(byCosine(embedder, q.question, turnTexts.map((text) => ({ key: text, text }))).slice(0, k).map((h) => h.text));
            agreement[j].push(hits.length === 0 ? 0 : hits.filter((h) => exact.has(h.text)).length / Math.min(k, exact.size));
          }
          judged[j].push({
            category: q.category,
            evidence: q.evidence,
            ranked: ranked.slice(0, 10).map((h) => h.key),
            tokens: tokenCount(ranked.slice(0, 5).map((h) => h.text).join("\n"))
          });
        }
      }
      options.onStep();
    }
    return options.systems.map((system, j) => {
      const seconds = writeMs[j].reduce((a, b) => a + b, 0) / 1e3;
      const turns = samples.reduce((n, s) => n + s.turns.length, 0);
      return {
        system: system.name,
        metrics: breakdown(judged[j]),
        searchMs: summarize(searchMs[j]),
        ingest: { turns, calls: writeMs[j].length, seconds, turnsPerSecond: Math.round(turns / seconds) },
        reorderedByCosine: !system.ranked,
        ...system.ranked ? {} : {
          setAgreement: agreement[j].length === 0 ? NaN : agreement[j].reduce((a, b) => a + b, 0) / agreement[j].length
        }
      };
    });
  } finally {
    for (const store of stores) await store.close();
  }
};

// src/bench/peers/Network.ts
import * as diagnostics from "diagnostics_channel";
var channels = ["http.client.request.start", "undici:request:create", "net.client.socket"];
var describe = (channel, message) => {
  const m = message;
  if (channel === "net.client.socket") {
    const s = m.socket;
    return `socket ${String(s?.remoteAddress ?? s?._host ?? "(connecting)")}`;
  }
  const r = m.request;
  return `${channel === "undici:request:create" ? "undici" : "http"} ${String(r?.origin ?? r?.host ?? "?")}${typeof r?.path === "string" ? r.path : ""}`;
};
var guardNetwork = () => {
  const attempts = [];
  const original = globalThis.fetch;
  globalThis.fetch = ((input) => {
    const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
    attempts.push(`fetch ${url}`);
    return Promise.reject(new Error(`network access is disabled during the peers benchmark (${url})`));
  });
  const listeners = channels.map((name) => {
    const listener = (message) => {
      attempts.push(describe(name, message));
    };
    diagnostics.subscribe(name, listener);
    return () => diagnostics.unsubscribe(name, listener);
  });
  return {
    attempts: () => [...attempts],
    restore: () => {
      globalThis.fetch = original;
      for (const off of listeners) off();
    }
  };
};

// src/bench/peers/Report.ts
var n3 = (x) => Number.isFinite(x) ? x.toFixed(3) : "\u2013";
var f2 = (x) => Number.isFinite(x) ? x.toFixed(2) : "\u2013";
var int = (x) => Number.isFinite(x) ? Math.round(x).toLocaleString("en-US") : "\u2013";
var times = (x) => Number.isFinite(x) ? `${x >= 10 ? x.toFixed(0) : x.toFixed(1)}\xD7` : "\u2013";
var sizeLabel = (n) => n >= 1e3 && n % 1e3 === 0 ? `${n / 1e3}k` : String(n);
var table = (header, rows) => [`| ${header.join(" | ")} |`, `|${header.map(() => "---").join("|")}|`, ...rows.map((r) => `| ${r.join(" | ")} |`)].join("\n");
var ratiosOf = (locomo, latency, alma2) => {
  const out = [];
  const push = (peer, measure, a, o, lowerIsBetter, storeSize) => out.push({
    peer,
    measure,
    ...storeSize === void 0 ? {} : { storeSize },
    alma: a,
    other: o,
    almaOverPeer: a / o,
    ...lowerIsBetter ? { speedup: o / a } : {}
  });
  const ours = locomo.find((r) => r.system === alma2);
  for (const r of locomo) {
    if (ours === void 0 || r.system === alma2) continue;
    push(r.system, "LoCoMo recall@5 any (1\u20134)", ours.metrics.overall.recall5Any, r.metrics.overall.recall5Any, false);
    push(r.system, "LoCoMo NDCG@10 (1\u20134)", ours.metrics.overall.ndcg10, r.metrics.overall.ndcg10, false);
    push(r.system, "LoCoMo search p95 ms", ours.searchMs.p95, r.searchMs.p95, true);
    push(r.system, "LoCoMo ingest turns/s", ours.ingest.turnsPerSecond, r.ingest.turnsPerSecond, false);
  }
  for (const r of latency) {
    const a = latency.find((x) => x.system === alma2 && x.storeSize === r.storeSize);
    if (a === void 0 || r.system === alma2) continue;
    push(r.system, "search p50 ms, excl. embedding", a.retrieveExcluding.p50, r.retrieveExcluding.p50, true, r.storeSize);
    push(r.system, "search p95 ms, excl. embedding", a.retrieveExcluding.p95, r.retrieveExcluding.p95, true, r.storeSize);
    push(r.system, "search p50 ms, incl. embedding", a.retrieveIncluding.p50, r.retrieveIncluding.p50, true, r.storeSize);
    push(r.system, "search p95 ms, incl. embedding", a.retrieveIncluding.p95, r.retrieveIncluding.p95, true, r.storeSize);
    push(r.system, "write memories/s, excl. embedding", a.write.memoriesPerSecond, r.write.memoriesPerSecond, false, r.storeSize);
    push(
      r.system,
      "write memories/s, incl. embedding",
      a.writeIncluding.memoriesPerSecond,
      r.writeIncluding.memoriesPerSecond,
      false,
      r.storeSize
    );
  }
  return out;
};
var goalsOf = (ratios, sizes) => {
  const largest = Math.max(...sizes);
  const peers = [...new Set(ratios.map((r) => r.peer))];
  return peers.flatMap((peer) => {
    const p95 = ratios.find((r) => r.peer === peer && r.measure === "search p95 ms, excl. embedding" && r.storeSize === largest);
    const recall = ratios.find((r) => r.peer === peer && r.measure === "LoCoMo recall@5 any (1\u20134)");
    return [
      ...p95 === void 0 ? [] : [{
        goal: `search p95 at ${sizeLabel(largest)} memories, excl. embedding: ALMA \u2265 5\xD7 faster`,
        peer,
        measured: `${f2(p95.alma)} vs ${f2(p95.other)} ms: ${times(p95.speedup ?? NaN)}`,
        met: (p95.speedup ?? 0) >= 5
      }],
      ...recall === void 0 ? [] : [{
        goal: "LoCoMo recall@5 (any, categories 1\u20134): ALMA higher",
        peer,
        measured: `${n3(recall.alma)} vs ${n3(recall.other)}`,
        met: recall.alma > recall.other
      }]
    ];
  });
};
var metricCells = (m) => [String(m.n), n3(m.recall5Any), n3(m.recall5All), n3(m.recall10Any), n3(m.ndcg10), int(m.tokensMedian)];
var markdownOf = (json) => {
  const md = [];
  const s = json.settings;
  const pkgs = (p) => Object.entries(p).map(([n, v]) => `\`${n}@${v}\``).join(" + ");
  md.push(
    `Systems: ${json.systems.map((x) => `**${x.name}**: ${x.label}, ${pkgs(x.packages)}`).join("; ")}. Same embedder for all: ${s.embedder.label} (\`${s.embedder.model}\`, ${s.embedder.dimensions} dimensions), one model instance wrapped in each system's interface (ALMA \`Embedder\` service, LangChain-style \`embedQuery\` / \`embedDocuments\` for mem0, an AI-SDK v2 \`doEmbed\` model for Mastra). Same texts, same scopes (one per conversation / agent), top ${s.k} per search, all stores file-backed in one temp directory. Offline: network attempts during the run: ${json.network.attempts.length}${json.settings.quick ? "; **quick run** (small slice, a smoke test)" : ""}.`
  );
  if (json.blocked.length > 0) {
    md.push("");
    for (const b of json.blocked) md.push(`- **${b.system} blocked here** (${pkgs(b.packages)}): \`${b.reason}\``);
  }
  md.push("", `### LoCoMo retrieval (${s.dataset.samples} conversations, ${s.dataset.turns} turns, ${s.dataset.questions} questions with evidence)`, "");
  md.push(
    'Turn-level evidence retrieval, the data and metrics of the `locomo` suite; categories 1\u20134 ("overall"). Search latency here has the query vector precomputed (embedding excluded); ingest is each system\'s batch-write API, 100 turns per call, embedding excluded.'
  );
  md.push("");
  md.push(table(
    ["system", "n", "recall@5 any", "recall@5 all", "recall@10 any", "NDCG@10", "tokens top 5 (median)", "search p50 / p95 ms", "ingest turns/s"],
    json.locomo.map((r) => [
      r.system,
      ...metricCells(r.metrics.overall),
      `${f2(r.searchMs.p50)} / ${f2(r.searchMs.p95)}`,
      int(r.ingest.turnsPerSecond)
    ])
  ));
  const cats = [...new Set(json.locomo.flatMap((r) => Object.keys(r.metrics.byCategory)))].sort();
  md.push("", "Recall@5 (any) per category:", "");
  md.push(table(
    ["system", ...cats.map((c) => `${categoryNames[Number(c)] ?? c} (${c})`), "overall 1\u20134", "all 1\u20135"],
    json.locomo.map((r) => [
      r.system,
      ...cats.map((c) => n3(r.metrics.byCategory[c]?.recall5Any ?? NaN)),
      n3(r.metrics.overall.recall5Any),
      n3(r.metrics.all.recall5Any)
    ])
  ));
  for (const r of json.locomo.filter((x) => x.reorderedByCosine)) {
    md.push(
      "",
      `${r.system} returns its top ${s.k} in conversation order; the benchmark orders them by cosine similarity under the shared embedder (what its vector query ranks by) before scoring, outside the timer. Share of its top ${s.k} that is in the exact cosine top ${s.k}: ${n3(r.setAgreement ?? NaN)}.`
    );
  }
  md.push("", `### Search latency and write throughput (one scope of ${s.sizes.map(sizeLabel).join(" / ")} memories)`, "");
  md.push(
    `The synthetic corpus of the \`latency\` suite (domain facts of 12 task types, vectors perturbed around real USE-lite cluster centres); every search considers all memories of the scope. Systems interleaved call by call. ${s.calls.warmup} + ${s.calls.retrieves} searches with the query vector precomputed ("excl."), ${s.calls.includingWarmup} + ${s.calls.including} with the model run inside the timer ("incl."), distinct queries. Writes: ${s.calls.writeBatch} memories per call (the store's seeding, "excl."), then ${s.calls.includingWriteBatches} calls embedding with the model ("incl."). Latencies in ms.`
  );
  md.push("");
  md.push(table(
    ["system", "memories", "search excl. p50 / p95 / p99", "search incl. p50 / p95 / p99", "write excl. memories/s", "write incl. memories/s"],
    json.latency.map((r) => [
      r.system,
      sizeLabel(r.storeSize),
      `${f2(r.retrieveExcluding.p50)} / ${f2(r.retrieveExcluding.p95)} / ${f2(r.retrieveExcluding.p99)}`,
      `${f2(r.retrieveIncluding.p50)} / ${f2(r.retrieveIncluding.p95)} / ${f2(r.retrieveIncluding.p99)}`,
      int(r.write.memoriesPerSecond),
      int(r.writeIncluding.memoriesPerSecond)
    ])
  ));
  md.push("", "### ALMA / peer, same run", "");
  md.push(
    "Ratio = ALMA's figure over the peer's (latency: below 1 is faster, with the speed-up as peer \xF7 ALMA; recall, NDCG and throughput: above 1 is better)."
  );
  md.push("");
  md.push(table(
    ["peer", "measure", "memories", "ALMA", "peer", "ALMA / peer", "speed-up"],
    json.ratios.map((r) => [
      r.peer,
      r.measure,
      r.storeSize === void 0 ? "LoCoMo" : sizeLabel(r.storeSize),
      r.measure.includes("recall") || r.measure.includes("NDCG") ? n3(r.alma) : r.measure.includes("/s") ? int(r.alma) : f2(r.alma),
      r.measure.includes("recall") || r.measure.includes("NDCG") ? n3(r.other) : r.measure.includes("/s") ? int(r.other) : f2(r.other),
      f2(r.almaOverPeer),
      r.speedup === void 0 ? "" : times(r.speedup)
    ])
  ));
  md.push("", "### Goals", "");
  for (const g of json.goals) md.push(`- ${g.goal} \u2014 vs ${g.peer}: ${g.measured} \u2014 ${g.met ? "**met**" : "**not met**"}`);
  md.push(
    "",
    "Charts: `peers-recall-by-category.svg`, `peers-latency-vs-store-size.svg` (and `peers-latency-vs-store-size-zoom.svg` without the systems more than 5\xD7 slower than ALMA)."
  );
  return md.join("\n");
};
var buildReport = (json) => {
  const cats = [...new Set(json.locomo.flatMap((r) => Object.keys(r.metrics.byCategory)))].sort();
  const recall = {
    name: "peers-recall-by-category",
    svg: groupedBarChart({
      title: `LoCoMo recall@5 (any evidence turn) by category and system${json.settings.quick ? " \u2014 quick slice" : ""}`,
      categories: [...cats.map((c) => `${categoryNames[Number(c)] ?? c} (${c})`), "overall (1\u20134)"],
      series: json.locomo.map((r) => ({
        name: `${r.system}`,
        values: [...cats.map((c) => r.metrics.byCategory[c]?.recall5Any ?? NaN), r.metrics.overall.recall5Any]
      })),
      yLabel: "recall@5 (any)",
      xLabel: "question category",
      yMax: 1,
      width: 1100,
      height: 460,
      showValues: true,
      format: (v) => v.toFixed(2)
    })
  };
  const systems = [...new Set(json.latency.map((r) => r.system))];
  const worst = (system) => Math.max(...json.latency.filter((r) => r.system === system).map((r) => r.retrieveExcluding.p95));
  const points = (system, pick) => json.latency.filter((r) => r.system === system).map((r) => ({ storeSize: r.storeSize, ms: pick(r) }));
  const latency = latencyVsStoreSizeChart({
    name: "peers-latency-vs-store-size",
    title: "Search p95 vs store size (one scope; embedding excluded)",
    series: systems.map((system) => ({ name: `${system} p95`, points: points(system, (r) => r.retrieveExcluding.p95) }))
  });
  const reference = systems.length > 0 ? worst(systems[0]) : NaN;
  const far = systems.filter((s) => worst(s) > 5 * reference);
  const near = systems.filter((s) => !far.includes(s));
  const zoom = far.length === 0 || near.length === 0 ? [] : [latencyVsStoreSizeChart({
    name: "peers-latency-vs-store-size-zoom",
    title: `Search latency vs store size without ${far.join(", ")} (off this scale)`,
    series: near.flatMap((system) => [
      { name: `${system} p50, excl. embedding`, points: points(system, (r) => r.retrieveExcluding.p50) },
      { name: `${system} p95, excl. embedding`, points: points(system, (r) => r.retrieveExcluding.p95) },
      { name: `${system} p95, incl. embedding`, points: points(system, (r) => r.retrieveIncluding.p95) }
    ])
  })];
  return { suite: "peers", json, markdown: markdownOf(json), charts: [recall, latency, ...zoom] };
};

// src/bench/peers/Systems.ts
import { existsSync, readFileSync } from "fs";
import * as path3 from "path";
var installedVersion = (name) => {
  const manifest = path3.join(packageRoot(), "node_modules", ...name.split("/"), "package.json");
  if (!existsSync(manifest)) return void 0;
  const parsed = JSON.parse(readFileSync(manifest, "utf8"));
  return typeof parsed === "object" && parsed !== null && "version" in parsed ? String(parsed.version) : void 0;
};
var importPeer = (name) => import(
  /* @vite-ignore */
  name
);
var toArray = (v) => Array.from(v);
var alma = {
  name: "ALMA",
  label: "ALMA (SQLite + sqlite-vec + FTS5, hybrid retrieve)",
  ranked: true,
  packages: { "alma-memory": installedVersion("alma-memory") ?? "0.1.0" },
  modules: [],
  embeddedText: (text, domain) => `${domain}: ${text}`,
  open: async ({ dir, domain, embedder, scopes }) => {
    const service = Embedder.of({
      model: embedder.model,
      dimensions: embedder.dimensions,
      embed: (text) => Effect_exports.promise(() => embedder.embed([text])).pipe(Effect_exports.map((v) => v[0])),
      embedMany: (texts) => Effect_exports.promise(() => embedder.embed(texts))
    });
    const runtime = ManagedRuntime_exports.make(layerWith2(
      layerWith({ filename: path3.join(dir, "alma.db") }),
      Layer_exports.succeed(Embedder, service),
      { projectId: "peers", agents: scopes.map((agent) => AgentScope.make({ agent })), cache: { timeToLive: 0 } }
    ));
    const api = await runtime.runPromise(Alma);
    return {
      add: async (scope, items) => {
        await runtime.runPromise(api.addKnowledgeBatch(items.map((i) => ({
          agent: scope,
          domain,
          fact: i.text,
          metadata: { key: i.key }
        }))));
      },
      search: async (scope, query, k) => {
        const slice = await runtime.runPromise(api.retrieve({ task: query, agent: scope, kinds: ["domain_knowledge"], topK: k }));
        return slice.domainKnowledge.map((s) => ({ key: String(s.memory.metadata["key"]), text: s.memory.fact }));
      },
      close: () => runtime.dispose()
    };
  }
};
var mem0 = {
  name: "mem0",
  label: "mem0ai/oss (infer: false, memory vector store)",
  ranked: true,
  packages: { mem0ai: installedVersion("mem0ai") ?? "not installed" },
  modules: ["mem0ai/oss"],
  open: async ({ dir, embedder }) => {
    process.env["MEM0_TELEMETRY"] = "false";
    process.env["MEM0_DIR"] = path3.join(dir, "mem0-home");
    const { Memory } = await importPeer("mem0ai/oss");
    const model = {
      embedQuery: async (text) => toArray((await embedder.embed([text]))[0]),
      embedDocuments: async (texts) => (await embedder.embed(texts)).map(toArray)
    };
    const memory = new Memory({
      embedder: { provider: "langchain", config: { model } },
      vectorStore: {
        provider: "memory",
        config: { collectionName: "bench", dimension: embedder.dimensions, dbPath: path3.join(dir, "mem0-vectors.db") }
      },
      historyStore: { provider: "sqlite", config: { historyDbPath: path3.join(dir, "mem0-history.db") } },
      llm: { provider: "openai", config: { apiKey: "unused-offline", model: "unused" } }
    });
    const keys = /* @__PURE__ */ new Map();
    return {
      add: async (scope, items) => {
        const added = await memory.add(items.map((i) => ({ role: "user", content: i.text })), { userId: scope, infer: false });
        added.results.forEach((r, i) => keys.set(r.id, items[i].key));
      },
      search: async (scope, query, k) => {
        const found = await memory.search(query, { filters: { user_id: scope }, topK: k, threshold: 0 });
        return found.results.map((r) => ({ key: keys.get(r.id) ?? `?${r.id}`, text: r.memory }));
      },
      close: async () => {
      }
    };
  }
};
var mastra = {
  name: "Mastra",
  label: "@mastra/memory (semantic recall, libSQL)",
  ranked: false,
  packages: {
    "@mastra/memory": installedVersion("@mastra/memory") ?? "not installed",
    "@mastra/core": installedVersion("@mastra/core") ?? "not installed",
    "@mastra/libsql": installedVersion("@mastra/libsql") ?? "not installed"
  },
  modules: ["@mastra/memory", "@mastra/libsql"],
  open: async ({ dir, embedder, k }) => {
    const [{ Memory }, { LibSQLStore, LibSQLVector }] = await Promise.all([
      importPeer("@mastra/memory"),
      importPeer("@mastra/libsql")
    ]);
    const url = `file:${path3.join(dir, "mastra.db")}`;
    const model = {
      specificationVersion: "v2",
      provider: "alma-bench",
      modelId: embedder.model,
      maxEmbeddingsPerCall: 256,
      supportsParallelCalls: true,
      doEmbed: async ({ values }) => ({ embeddings: (await embedder.embed(values)).map(toArray) })
    };
    const storage = new LibSQLStore({ id: "bench", url });
    const vector = new LibSQLVector({ id: "bench-vec", url });
    const semanticRecall = { topK: k, messageRange: 0, scope: "resource" };
    const memory = new Memory({
      storage,
      vector,
      embedder: model,
      options: { lastMessages: false, semanticRecall, workingMemory: { enabled: false } }
    });
    const threads = /* @__PURE__ */ new Set();
    const keys = /* @__PURE__ */ new Map();
    let sequence = 0;
    const epoch = Date.UTC(2024, 0, 1);
    return {
      add: async (scope, items) => {
        if (!threads.has(scope)) {
          await memory.createThread({ threadId: scope, resourceId: scope });
          threads.add(scope);
        }
        const messages = items.map((i) => {
          const id = `m${(sequence++).toString(36)}`;
          keys.set(id, i.key);
          return {
            id,
            threadId: scope,
            resourceId: scope,
            role: "user",
            createdAt: new Date(epoch + sequence * 1e3),
            content: { format: 2, parts: [{ type: "text", text: i.text }] }
          };
        });
        await memory.saveMessages({ messages });
      },
      search: async (scope, query, topK) => {
        const { messages } = await memory.recall({
          threadId: scope,
          resourceId: scope,
          vectorSearchString: query,
          ...topK === k ? {} : { threadConfig: { semanticRecall: { ...semanticRecall, topK } } }
        });
        return messages.map((m) => ({
          key: keys.get(m.id) ?? `?${m.id}`,
          text: (m.content.parts ?? []).filter((p) => p.type === "text").map((p) => p.text ?? "").join(" ")
        }));
      },
      close: async () => {
        await memory.settled?.();
        await vector.close?.();
        await storage.close?.();
      }
    };
  }
};
var unavailable = async (system) => {
  process.env["MEM0_TELEMETRY"] = "false";
  for (const name of system.modules) {
    try {
      await importPeer(name);
    } catch (cause) {
      return `${name}: ${cause instanceof Error ? cause.message : String(cause)}`;
    }
  }
  return void 0;
};

// src/bench/peers/Peers.ts
var fullCalls = {
  warmup: 10,
  retrieves: 200,
  includingWarmup: 5,
  including: 100,
  writeBatch: 100,
  includingWriteBatches: 3
};
var quickCalls = {
  warmup: 3,
  retrieves: 30,
  includingWarmup: 2,
  including: 10,
  writeBatch: 100,
  includingWriteBatches: 1
};
var defaultSystems = [alma, mem0, mastra];
var load1 = () => Math.round(loadavg()[0] * 100) / 100;
var run = async (options) => {
  const started = performance.now();
  const quick = options.quick === true;
  const calls = { ...quick ? quickCalls : fullCalls, ...options.calls };
  const sizes = options.sizes ?? (quick ? [1e3] : [1e3, 1e4]);
  const k = options.k ?? 10;
  const spec = options.embedder ?? useLite;
  const loads = { start: load1() };
  const file = path4.resolve(options.dataset ?? defaultDatasetPath());
  const full = await Effect_exports.runPromise(loadDataset(file));
  const dataset = quick ? quickSlice(full, options.quickQuestions ?? 100) : full;
  const questions = dataset.samples.reduce((n, s) => n + s.questions.filter((q) => q.evidence.length > 0).length, 0);
  const guard = guardNetwork();
  const runtime = ManagedRuntime_exports.make(spec.layer);
  const root = mkdtempSync(path4.join(options.directory ?? tmpdir(), "bench-peers-"));
  try {
    const blocked = [];
    const systems = [];
    for (const system of options.systems ?? defaultSystems) {
      const reason = await unavailable(system);
      if (reason === void 0) systems.push(system);
      else blocked.push({ system: system.name, packages: system.packages, reason });
    }
    const real = await runtime.runPromise(Embedder);
    const embedder = sharedEmbedder({
      model: real.model,
      dimensions: real.dimensions,
      embed: (texts) => runtime.runPromise(real.embedMany(texts))
    });
    const total = dataset.samples.length * 2 + sizes.length * 3;
    let done = 0;
    const onStep = () => options.onProgress?.(++done, total);
    loads["locomo"] = load1();
    const locomo = await runLocomoWorkload({ dataset, systems, embedder, dir: root, k, onStep });
    loads["latency"] = load1();
    const latency = await runLatencyWorkload({ systems, embedder, sizes, calls, dir: root, k, onStep });
    loads["end"] = load1();
    const attempts = guard.attempts();
    if (attempts.length > 0) {
      throw new BenchRunError({
        message: `a system under test tried to reach the network (${attempts.length} attempts: ${attempts.slice(0, 5).join("; ")})`
      });
    }
    const ratios = ratiosOf(locomo, latency, alma.name);
    return {
      suite: "peers",
      settings: {
        quick,
        k,
        sizes,
        calls,
        embedder: { name: spec.name, label: spec.label, model: real.model, dimensions: real.dimensions },
        dataset: { file, samples: dataset.samples.length, turns: dataset.stats.turns, questions }
      },
      machine: {
        cpu: cpus()[0]?.model.trim() ?? "unknown",
        cores: availableParallelism(),
        ramGiB: Math.round(totalmem() / 2 ** 30 * 10) / 10,
        node: process.version,
        platform: `${process.platform} ${process.arch}`
      },
      systems: systems.map((s) => ({ name: s.name, label: s.label, packages: s.packages, ranked: s.ranked })),
      blocked,
      locomo,
      latency,
      ratios,
      goals: goalsOf(ratios, sizes),
      network: { attempts },
      embedderCounts: { ...embedder.counts },
      loadAverage1m: loads,
      wallTimeSeconds: (performance.now() - started) / 1e3
    };
  } finally {
    guard.restore();
    await runtime.dispose();
    rmSync(root, { recursive: true, force: true });
  }
};
var describe2 = (cause) => cause instanceof Error ? cause.message : typeof cause === "object" && cause !== null && "message" in cause ? String(cause.message) : String(cause);
var runPeersWith = (options = {}) => Effect_exports.tryPromise({
  try: () => run(options),
  catch: (cause) => cause instanceof BenchRunError ? cause : new BenchRunError({ message: `the peers run failed: ${describe2(cause)}`, cause })
}).pipe(Effect_exports.map(buildReport));
var runPeers = (options) => runPeersWith(options);
export {
  defaultSystems,
  fullCalls,
  quickCalls,
  runPeers,
  runPeersWith
};
