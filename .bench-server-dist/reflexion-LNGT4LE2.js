import { createRequire as __almaCreateRequire } from "node:module"; const require = __almaCreateRequire(import.meta.url);
import {
  groupedBarChart
} from "./chunk-CWCMDVFS.js";
import {
  AgentScope,
  Alma,
  Embedder,
  MAX_TASK_LENGTH,
  MAX_TEXT_LENGTH,
  embedderFromConfig,
  engineOptions,
  layer3 as layer,
  layerSqlite,
  layerWith2 as layerWith,
  layerWith3 as layerWith2,
  loadConfig
} from "./chunk-7HY5L3DF.js";
import "./chunk-HNHJBYPG.js";
import {
  Clock_exports,
  Effect_exports,
  Either_exports,
  Option_exports,
  Schema_exports,
  StorageError,
  __export
} from "./chunk-S5EEIEDT.js";

// src/bench/reflexion/Alfworld.ts
var Alfworld_exports = {};
__export(Alfworld_exports, {
  assembleAlfworldRun: () => assembleAlfworldRun,
  decodeAlfworldResults: () => decodeAlfworldResults,
  goalFromReflection: () => goalFromReflection,
  trialFromName: () => trialFromName
});
import * as path from "path";

// src/bench/reflexion/Model.ts
var Model_exports = {};
__export(Model_exports, {
  ReflexionDatasetError: () => ReflexionDatasetError,
  clip: () => clip,
  hasLessons: () => hasLessons,
  naturalCompare: () => naturalCompare,
  planOf: () => planOf,
  squash: () => squash,
  summarize: () => summarize,
  toName: () => toName
});
var ReflexionDatasetError = class extends Schema_exports.TaggedError()("ReflexionDatasetError", {
  path: Schema_exports.String,
  description: Schema_exports.String
}) {
  get message() {
    return `Reflexion dataset ${this.path}: ${this.description}`;
  }
};
var hasLessons = (tasks) => tasks.some((t) => t.attempts.some((a) => a.lessonsAfter.length > 0));
var squash = (text) => text.replace(/\s+/g, " ").trim();
var clip = (text, max) => text.length <= max ? { text, clipped: false } : { text: `${text.slice(0, Math.max(0, max - 1))}\u2026`, clipped: true };
var toName = (text, fallback = "run") => {
  const name = text.replace(/[^A-Za-z0-9_.:-]+/g, "_").replace(/^[^A-Za-z0-9]+|_+$/g, "").slice(0, 128);
  return name.length > 0 ? name : fallback;
};
var naturalCompare = (a, b) => a.localeCompare(b, "en", { numeric: true, sensitivity: "base" });
var planOf = (reflection) => {
  const plan = squash(reflection).split(/(?<=[.!?])\s+/).filter(
    (s) => /\b(instead|i should|i will|next time|in the next trial|to fix this|the correct (approach|implementation)|should (be|have|use|return|check|handle)|needs? to)\b/i.test(s)
  ).join(" ");
  return plan.length > 0 ? plan : squash(reflection);
};
var summarize = (task, max = 300) => clip(squash(task.replace(/^\s*(from\s+\S+\s+)?import\s.*$/gm, "")) || squash(task), max).text;

// src/bench/reflexion/Alfworld.ts
var Env = Schema_exports.Struct({
  name: Schema_exports.String,
  memory: Schema_exports.Array(Schema_exports.String),
  is_success: Schema_exports.Boolean
});
var decodeFile = Schema_exports.decodeUnknownEither(Schema_exports.parseJson(Schema_exports.NonEmptyArray(Env)));
var decodeAlfworldResults = (text) => {
  if (!text.trimStart().startsWith("[")) return void 0;
  const decoded = decodeFile(text);
  return Either_exports.isRight(decoded) ? decoded.right : void 0;
};
var trialFromName = (file) => {
  const m = /trial[_-]?(\d+)/i.exec(path.basename(file));
  return m ? Number(m[1]) : void 0;
};
var goalFromReflection = (reflection) => {
  const text = squash(reflection);
  const plan = /plan was to (.+?)(?:\.\s|\.$|$)/i.exec(text)?.[1];
  if (plan !== void 0) return plan;
  const should = /I should have (.+?)(?:\.\s|\.$|$)/.exec(text)?.[1];
  if (should !== void 0) return should;
  return text.split(/(?<=[.!?])\s+/)[0] ?? text;
};
var assembleAlfworldRun = (id, files) => {
  const numbered = files.every((f) => trialFromName(f.path) !== void 0);
  const trials = [...files].sort((a, b) => numbered ? trialFromName(a.path) - trialFromName(b.path) : naturalCompare(a.path, b.path)).map((f, i) => ({ trial: numbered ? trialFromName(f.path) : i, path: f.path, envs: f.envs }));
  const names = [];
  const state = /* @__PURE__ */ new Map();
  let lessonsAfterSuccess = 0;
  for (const t of trials) {
    for (const env of t.envs) {
      let s = state.get(env.name);
      if (s === void 0) {
        s = { attempts: [], seen: /* @__PURE__ */ new Set() };
        state.set(env.name, s);
        names.push(env.name);
      }
      if (s.attempts.at(-1)?.success === true) continue;
      const fresh = env.memory.map(squash).filter((m) => m.length > 0 && !s.seen.has(m));
      fresh.forEach((m) => s.seen.add(m));
      if (env.is_success) lessonsAfterSuccess += fresh.length;
      s.attempts.push({
        trial: t.trial,
        success: env.is_success,
        strategy: `Attempt in trial ${t.trial} of ALFWorld ${env.name} (action trace not in the logs)`,
        ...env.is_success ? { feedback: "Task completed" } : { errorMessage: "Task not completed within the step limit" },
        lessonsAfter: env.is_success ? [] : fresh
      });
    }
  }
  const tasks = names.map((name) => {
    const attempts = state.get(name).attempts;
    const first = attempts.flatMap((a) => a.lessonsAfter)[0];
    const idOnly = `ALFWorld ${name}`;
    return {
      key: name,
      task: first === void 0 ? idOnly : `${idOnly}: ${goalFromReflection(first)}`,
      altTask: { label: "env id only", text: idOnly },
      attempts
    };
  });
  return {
    id,
    format: "alfworld-env-results",
    family: "alfworld",
    files: trials.map((t) => t.path),
    order: "trial-major",
    tasks,
    control: !hasLessons(tasks),
    notes: [
      numbered ? "trial numbers from the file names (trial_<n>)" : "trial numbers from file order (no trial_<n> in the names)",
      ...lessonsAfterSuccess > 0 ? [`${lessonsAfterSuccess} reflections first seen in a solved trial were ignored`] : []
    ]
  };
};

// src/bench/reflexion/Dataset.ts
var Dataset_exports = {};
__export(Dataset_exports, {
  detectFormat: () => detectFormat,
  loadDataset: () => loadDataset,
  parseFiles: () => parseFiles,
  quickSlice: () => quickSlice
});
import * as fs from "fs/promises";
import * as path2 from "path";

// src/bench/reflexion/HotpotQA.ts
var HotpotQA_exports = {};
__export(HotpotQA_exports, {
  isHotpotLog: () => isHotpotLog,
  parseHotpotLog: () => parseHotpotLog
});
var RETRY_SUFFIX = "You have attempted to answer following question before and failed";
var sections = { CORRECT: "correct", INCORRECT: "incorrect", HALTED: "halted" };
var isHotpotLog = (text) => /^BEGIN TRIAL \d+\s*$/m.test(text) && /^Question:/m.test(text);
var statusOf = (e) => {
  if (e.section !== void 0) return e.section;
  if (e.observations.some((o) => /Answer is CORRECT/.test(o))) return "correct";
  if (e.observations.some((o) => /Answer is INCORRECT/.test(o))) return "incorrect";
  return "halted";
};
var entries = (text) => {
  const out = [];
  let trial = 0;
  let section;
  let current;
  let inReflections = false;
  for (const line of text.split(/\r?\n/)) {
    const trialMatch = /^BEGIN TRIAL (\d+)/.exec(line);
    if (trialMatch) {
      trial = Number(trialMatch[1]);
      section = void 0;
      current = void 0;
      continue;
    }
    const sectionMatch = /BEGIN (CORRECT|INCORRECT|HALTED) AGENTS/.exec(line);
    if (sectionMatch) {
      section = sections[sectionMatch[1]];
      current = void 0;
      continue;
    }
    const question = /^Question:(.*)$/.exec(line);
    if (question) {
      const raw = question[1];
      const cut = raw.indexOf(RETRY_SUFFIX);
      current = {
        trial,
        question: squash(cut >= 0 ? raw.slice(0, cut) : raw),
        section,
        reflections: [],
        actions: [],
        observations: []
      };
      out.push(current);
      inReflections = false;
      continue;
    }
    if (current === void 0) continue;
    if (/^Reflections:\s*$/.test(line)) {
      inReflections = true;
      continue;
    }
    const step = /^(Thought|Action|Observation) \d+:\s*(.*)$/.exec(line);
    if (step) {
      inReflections = false;
      if (step[1] === "Action") current.actions.push(squash(step[2]));
      if (step[1] === "Observation") current.observations.push(step[2]);
      continue;
    }
    if (inReflections) {
      if (line.startsWith("- ")) current.reflections.push(squash(line.slice(2)));
      else if (line.trim().length > 0 && current.reflections.length > 0) {
        const last = current.reflections.length - 1;
        current.reflections[last] = squash(`${current.reflections[last]} ${line}`);
      }
    }
  }
  return out;
};
var describe = (e, status) => {
  const trace = e.actions.length > 0 ? e.actions.join(" \u2192 ") : "no action";
  const head = status === "halted" ? "ReAct trace (halted before a final answer)" : "ReAct trace";
  return clip(`${head}: ${trace}`, 1e3).text;
};
var parseHotpotLog = (text, id) => {
  const byQuestion = /* @__PURE__ */ new Map();
  for (const e of entries(text)) {
    const list = byQuestion.get(e.question) ?? [];
    list.push(e);
    byQuestion.set(e.question, list);
  }
  let carried = 0;
  let orphanLessons = 0;
  const tasks = [];
  for (const [question, list] of byQuestion) {
    const ordered = [...list].sort((a, b) => a.trial - b.trial);
    const seen = /* @__PURE__ */ new Set();
    const attempts = [];
    for (const e of ordered) {
      if (attempts.at(-1)?.success === true) {
        carried++;
        continue;
      }
      const fresh = e.reflections.filter((r) => r.length > 0 && !seen.has(r));
      fresh.forEach((r) => seen.add(r));
      const previous = attempts.at(-1);
      if (previous !== void 0) previous.lessonsAfter.push(...fresh);
      else orphanLessons += fresh.length;
      const status = statusOf(e);
      attempts.push({
        trial: e.trial,
        success: status === "correct",
        strategy: describe(e, status),
        ...status === "correct" ? { feedback: "Answer is CORRECT" } : {},
        ...status === "incorrect" ? { errorMessage: "Answer is INCORRECT" } : {},
        ...status === "halted" ? { errorMessage: "Halted: step limit reached before a final answer" } : {},
        lessonsAfter: []
      });
    }
    tasks.push({ key: question, task: question, attempts });
  }
  const notes = [
    ...carried > 0 ? [`${carried} entries of already-solved questions skipped (the log repeats finished agents)`] : [],
    ...orphanLessons > 0 ? [`${orphanLessons} reflections on a question's first logged attempt had no failed attempt to attach to`] : []
  ];
  return {
    id,
    format: "hotpotqa-react-log",
    family: "hotpotqa",
    files: [id],
    order: "trial-major",
    tasks,
    control: !hasLessons(tasks) && orphanLessons === 0,
    notes
  };
};

// src/bench/reflexion/Programming.ts
var Programming_exports = {};
__export(Programming_exports, {
  isProgrammingJsonl: () => isProgrammingJsonl,
  parseProgrammingJsonl: () => parseProgrammingJsonl
});
var Row = Schema_exports.Struct({
  prompt: Schema_exports.String,
  is_solved: Schema_exports.Union(Schema_exports.Boolean, Schema_exports.String, Schema_exports.Number),
  reflections: Schema_exports.optional(Schema_exports.NullOr(Schema_exports.Array(Schema_exports.String))),
  task_id: Schema_exports.optional(Schema_exports.String),
  name: Schema_exports.optional(Schema_exports.String),
  entry_point: Schema_exports.optional(Schema_exports.String),
  solution: Schema_exports.optional(Schema_exports.String)
});
var decodeRow = Schema_exports.decodeUnknownEither(Schema_exports.parseJson(Row));
var lines = (text) => text.split(/\r?\n/).filter((l) => l.trim().length > 0);
var isProgrammingJsonl = (text) => {
  const first = lines(text.slice(0, 1e6))[0];
  return first !== void 0 && first.trimStart().startsWith("{") && Either_exports.isRight(decodeRow(first));
};
var solved = (v) => typeof v === "boolean" ? v : typeof v === "number" ? v !== 0 : /^(true|1|yes)$/i.test(v.trim());
var familyOf = (row) => {
  const prefix = /^([A-Za-z]+)/.exec(row?.task_id ?? row?.name ?? "")?.[1];
  return prefix === void 0 ? "programming" : toName(prefix.toLowerCase(), "programming");
};
var attemptsOf = (row) => {
  const reflections = (row.reflections ?? []).map(squash).filter((r) => r.length > 0);
  const fn = row.entry_point ?? row.task_id ?? "the function";
  const failed = reflections.map((lesson, i) => ({
    trial: i + 1,
    success: false,
    strategy: `Solution attempt ${i + 1} for ${fn} (code not logged; it failed the self-written internal tests)`,
    errorMessage: "Failed the internal tests",
    lessonsAfter: [lesson]
  }));
  const ok = solved(row.is_solved);
  const code = row.solution !== void 0 && row.solution.trim().length > 0 ? clip(row.solution, 2e3).text : "(code not logged)";
  return [...failed, {
    trial: reflections.length + 1,
    success: ok,
    strategy: `Final solution for ${fn}:
${code}`,
    ...ok ? { feedback: "Passed the hidden tests" } : { errorMessage: "Failed the hidden tests" },
    lessonsAfter: []
  }];
};
var parseProgrammingJsonl = (text, id) => {
  const rows = [];
  let bad = 0;
  for (const line of lines(text)) {
    const decoded = decodeRow(line);
    if (Either_exports.isRight(decoded)) rows.push(decoded.right);
    else bad++;
  }
  const seen = /* @__PURE__ */ new Map();
  const tasks = rows.map((row, i) => {
    const base = row.task_id ?? row.name ?? `line ${i + 1}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return { key: n === 1 ? base : `${base}#${n}`, task: row.prompt, attempts: attemptsOf(row) };
  });
  return {
    id,
    format: "programming-jsonl",
    family: familyOf(rows[0]),
    files: [id],
    order: "task-major",
    tasks,
    control: !hasLessons(tasks),
    notes: bad > 0 ? [`${bad} lines skipped: not a {prompt, is_solved, \u2026} object`] : []
  };
};

// src/bench/reflexion/Dataset.ts
var MAX_FILE_BYTES = 256 * 1024 * 1024;
var detectFormat = (text) => {
  if (text.includes("\0")) return void 0;
  const head = text.trimStart();
  if (head.startsWith("[")) return decodeAlfworldResults(text) === void 0 ? void 0 : "alfworld-env-results";
  if (head.startsWith("{")) return isProgrammingJsonl(text) ? "programming-jsonl" : void 0;
  return isHotpotLog(text) ? "hotpotqa-react-log" : void 0;
};
var parseFiles = (files) => {
  const detected = [];
  const runs = [];
  const alfworld = /* @__PURE__ */ new Map();
  for (const file of [...files].sort((a, b) => naturalCompare(a.path, b.path))) {
    const format = detectFormat(file.text);
    if (format === "hotpotqa-react-log") runs.push(parseHotpotLog(file.text, file.path));
    else if (format === "programming-jsonl") runs.push(parseProgrammingJsonl(file.text, file.path));
    else if (format === "alfworld-env-results") {
      const dir = path2.dirname(file.path);
      const list = alfworld.get(dir) ?? [];
      list.push({ path: file.path, envs: decodeAlfworldResults(file.text) });
      alfworld.set(dir, list);
    }
    const run = format === "alfworld-env-results" ? path2.dirname(file.path) : format === void 0 ? void 0 : file.path;
    detected.push({ path: file.path, ...format !== void 0 ? { format, run } : {} });
  }
  for (const [dir, list] of alfworld) runs.push(assembleAlfworldRun(dir, list));
  return { files: detected, runs: runs.sort((a, b) => naturalCompare(a.id, b.id)) };
};
var fail = (target, description) => new ReflexionDatasetError({ path: target, description });
var walk = (dir) => Effect_exports.tryPromise({
  try: () => fs.readdir(dir, { withFileTypes: true }),
  catch: (cause) => fail(dir, `cannot list the folder (${String(cause)})`)
}).pipe(
  Effect_exports.flatMap(
    (items) => Effect_exports.forEach(
      items.filter((i) => !i.name.startsWith(".")),
      (i) => {
        const full = path2.join(dir, i.name);
        return i.isDirectory() ? walk(full) : Effect_exports.succeed(i.isFile() ? [full] : []);
      }
    )
  ),
  Effect_exports.map((nested) => nested.flat())
);
var loadDataset = Effect_exports.fn("Reflexion.loadDataset")(function* (target) {
  const absolute = path2.resolve(target);
  const stat2 = yield* Effect_exports.tryPromise({
    try: () => fs.stat(absolute),
    catch: () => fail(absolute, "not found; pass --dataset with the reflexion-logs folder (or one of its files)")
  });
  const root = stat2.isDirectory() ? absolute : path2.dirname(absolute);
  const paths = stat2.isDirectory() ? yield* walk(absolute) : [absolute];
  const contents = yield* Effect_exports.forEach(paths, (p) => Effect_exports.tryPromise({
    try: async () => (await fs.stat(p)).size > MAX_FILE_BYTES ? "" : await fs.readFile(p, "utf8"),
    catch: (cause) => fail(p, `cannot read the file (${String(cause)})`)
  }).pipe(Effect_exports.map((text) => ({ path: path2.relative(root, p) || path2.basename(p), text }))));
  const parsed = parseFiles(contents);
  if (parsed.runs.length === 0) {
    return yield* fail(
      absolute,
      "no HotPotQA ReAct log, programming JSONL or ALFWorld env-results file found; point --dataset at the reflexion-logs folder"
    );
  }
  return { root, ...parsed };
});
var quickSlice = (run, lessons = 6, others = 4) => {
  let withLessons = 0;
  let without = 0;
  const tasks = run.tasks.filter((t) => {
    const has = t.attempts.some((a) => a.lessonsAfter.length > 0);
    if (has) return withLessons++ < lessons;
    return without++ < others;
  });
  return { ...run, tasks };
};

// src/bench/reflexion/Metrics.ts
var Metrics_exports = {};
__export(Metrics_exports, {
  groupBy: () => groupBy,
  rankOf: () => rankOf,
  reciprocalRank: () => reciprocalRank,
  score: () => score
});
var rankOf = (keys, own) => {
  const i = keys.indexOf(own);
  return i < 0 ? void 0 : i + 1;
};
var reciprocalRank = (rank) => rank === void 0 || rank < 1 ? 0 : 1 / rank;
var mean = (values) => values.length === 0 ? Number.NaN : values.reduce((a, b) => a + b, 0) / values.length;
var score = (queries) => ({
  queries: queries.length,
  tasks: new Set(queries.map((q) => `${q.run}\0${q.taskKey}`)).size,
  recallAt1: mean(queries.map((q) => q.rank !== void 0 && q.rank <= 1 ? 1 : 0)),
  recallAt5: mean(queries.map((q) => q.rank !== void 0 && q.rank <= 5 ? 1 : 0)),
  mrr: mean(queries.map((q) => reciprocalRank(q.rank))),
  recallAt5Intact: mean(queries.map((q) => q.intactRank !== void 0 && q.intactRank <= 5 ? 1 : 0)),
  meanOwnLessons: mean(queries.map((q) => q.ownLessons)),
  meanPool: mean(queries.map((q) => q.pool))
});
var groupBy = (items, key) => {
  const out = /* @__PURE__ */ new Map();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k) ?? [];
    list.push(item);
    out.set(k, list);
  }
  return out;
};

// src/bench/reflexion/Reflexion.ts
import * as fs2 from "fs/promises";
import * as os from "os";
import * as path3 from "path";
import { fileURLToPath } from "url";

// src/bench/reflexion/Replay.ts
var Replay_exports = {};
__export(Replay_exports, {
  replay: () => replay
});
var TOP_K = 5;
var EXAMPLE_TOKENS = 300;
var steps = (run) => {
  const all = run.tasks.flatMap((task, t) => task.attempts.map((attempt, i) => ({ task, attempt, t, i })));
  if (run.order === "task-major") return all;
  return [...all].sort((a, b) => a.attempt.trial - b.attempt.trial || a.t - b.t || a.i - b.i);
};
var replay = Effect_exports.fn("Reflexion.replay")(function* (plans, onStep = () => {
}) {
  const alma = yield* Alma;
  const queries = [];
  const examples = [];
  const stats = [];
  let clipped = 0;
  const fit = (text, max = MAX_TEXT_LENGTH) => {
    const c = clip(text, max);
    if (c.clipped) clipped++;
    return c.text;
  };
  for (const { agent, run } of plans) {
    const taskType = run.family;
    const state = /* @__PURE__ */ new Map();
    let pool = 0;
    let attempts = 0;
    let formedAntiPatterns = 0;
    let formedHeuristics = 0;
    let successAfterLesson = 0;
    let routedBeforeSuccess = 0;
    const reflections = /* @__PURE__ */ new Map();
    const isOwn = (m, task) => m.metadata["run"] === run.id && m.metadata["taskKey"] === task.key;
    const isIntact = (m) => reflections.get(m.id) === m.whyBad;
    for (const { attempt, task } of steps(run)) {
      const s = state.get(task.key) ?? { failures: 0, lessons: /* @__PURE__ */ new Set(), hit: false };
      state.set(task.key, s);
      const text = fit(task.task.trim().length > 0 ? task.task : task.key, MAX_TASK_LENGTH);
      if (s.failures > 0 && s.lessons.size > 0) {
        const variants = [{ variant: "task", query: text }, ...task.altTask ? [{ variant: task.altTask.label, query: fit(task.altTask.text, MAX_TASK_LENGTH) }] : []];
        for (const v of variants) {
          const slice = yield* alma.retrieve({ task: v.query, agent, kinds: ["anti_pattern"], topK: TOP_K });
          const keys = slice.antiPatterns.map((a) => isOwn(a.memory, task) ? "own" : void 0);
          const rank = rankOf(keys, "own");
          const intactRank = rankOf(slice.antiPatterns.map((a) => isOwn(a.memory, task) && isIntact(a.memory) ? "own" : void 0), "own");
          if (v.variant === "task") s.hit = rank !== void 0;
          queries.push({
            family: run.family,
            run: run.id,
            variant: v.variant,
            taskKey: task.key,
            trial: attempt.trial,
            ...rank !== void 0 ? { rank } : {},
            ...intactRank !== void 0 ? { intactRank } : {},
            returned: slice.antiPatterns.length,
            ownLessons: s.lessons.size,
            pool
          });
          if (v.variant === "task" && !examples.some((e) => e.family === run.family)) {
            const full = yield* alma.retrieve({ task: v.query, agent, maxTokens: EXAMPLE_TOKENS });
            examples.push({
              family: run.family,
              run: run.id,
              taskKey: task.key,
              trial: attempt.trial,
              task: clip(v.query, 400).text,
              ...rank !== void 0 ? { rank } : {},
              intact: rank !== void 0 && intactRank === rank,
              maxTokens: EXAMPLE_TOKENS,
              prompt: full.toPrompt({ maxTokens: EXAMPLE_TOKENS })
            });
          }
        }
      }
      const learned = yield* alma.learn({
        agent,
        task: text,
        taskType,
        outcome: attempt.success ? "success" : "failure",
        strategyUsed: fit(attempt.strategy),
        ...attempt.feedback !== void 0 ? { feedback: fit(attempt.feedback) } : {},
        ...attempt.errorMessage !== void 0 ? { errorMessage: fit(attempt.errorMessage) } : {},
        metadata: { bench: "reflexion", run: run.id, taskKey: task.key, trial: attempt.trial, lessonsBefore: s.lessons.size }
      });
      attempts++;
      if (learned.antiPattern?.action === "created") {
        formedAntiPatterns++;
        pool++;
      }
      if (learned.heuristic?.action === "created") formedHeuristics++;
      if (attempt.success && s.lessons.size > 0) {
        successAfterLesson++;
        if (s.hit) routedBeforeSuccess++;
      }
      if (!attempt.success) {
        s.failures++;
        const fresh = attempt.lessonsAfter.filter((l) => !s.lessons.has(l));
        if (fresh.length > 0) {
          const provenance = [learned.outcome.id];
          const added = yield* alma.addAntiPatterns(fresh.map((lesson) => ({
            agent,
            taskType,
            pattern: fit(`${summarize(text)} \u2014 failed attempt (trial ${attempt.trial}): ${clip(attempt.strategy, 300).text}`),
            whyBad: fit(lesson),
            betterAlternative: fit(planOf(lesson)),
            provenance,
            metadata: { bench: "reflexion", run: run.id, taskKey: task.key, trial: attempt.trial }
          })));
          added.forEach((a) => reflections.set(a.id, a.whyBad));
          fresh.forEach((l) => s.lessons.add(l));
          pool += fresh.length;
        }
      }
      yield* Effect_exports.sync(onStep);
    }
    const stored = yield* alma.exportMemories({ kinds: ["anti_pattern"], agent });
    const overwrittenLessons = stored.filter((m) => m.kind === "anti_pattern" && reflections.has(m.id) && !isIntact(m)).length;
    stats.push({
      run: run.id,
      family: run.family,
      agent,
      tasks: run.tasks.length,
      attempts,
      lessons: [...state.values()].reduce((n, x) => n + x.lessons.size, 0),
      tasksWithLessons: [...state.values()].filter((x) => x.lessons.size > 0).length,
      successAfterLesson,
      routedBeforeSuccess,
      formedAntiPatterns,
      formedHeuristics,
      overwrittenLessons
    });
  }
  return { queries, runs: stats, examples, clipped };
});

// src/bench/reflexion/Report.ts
var Report_exports = {};
__export(Report_exports, {
  buildReport: () => buildReport,
  solvedByTrial: () => solvedByTrial
});
var solvedByTrial = (run) => {
  const trials = [...new Set(run.tasks.flatMap((t) => t.attempts.map((a) => a.trial)))].sort((a, b) => a - b);
  const firstSuccess = run.tasks.map((t) => t.attempts.find((a) => a.success)?.trial);
  return trials.map((trial) => ({ trial, solved: firstSuccess.filter((s) => s !== void 0 && s <= trial).length }));
};
var f3 = (n) => Number.isFinite(n) ? n.toFixed(3) : "\u2014";
var f1 = (n) => Number.isFinite(n) ? n.toFixed(1) : "\u2014";
var num = (n) => Number.isFinite(n) ? Number(n.toFixed(4)) : null;
var scoreJson = (s) => ({
  queries: s.queries,
  tasks: s.tasks,
  recallAt1: num(s.recallAt1),
  recallAt5: num(s.recallAt5),
  mrr: num(s.mrr),
  recallAt5Intact: num(s.recallAt5Intact),
  meanOwnLessons: num(s.meanOwnLessons),
  meanAntiPatternPool: num(s.meanPool)
});
var fence = (text) => {
  const ticks = text.includes("```") ? "````" : "```";
  return `${ticks}text
${text}
${ticks}`;
};
var rowsOf = (queries) => {
  const primary = queries.filter((q) => q.variant === "task");
  const alt = queries.filter((q) => q.variant !== "task");
  return {
    families: [...groupBy(primary, (q) => q.family)].map(([family, qs]) => ({ label: family, family, score: score(qs) })),
    variants: [...groupBy(alt, (q) => `${q.family} (${q.variant})`)].map(([label, qs]) => ({
      label,
      family: qs[0].family,
      score: score(qs)
    })),
    overall: score(primary)
  };
};
var buildReport = (input) => {
  const { dataset, plans, replay: replay2 } = input;
  const rows = rowsOf(replay2.queries);
  const controls = dataset.runs.filter((r) => r.control);
  const statsOf = (family) => replay2.runs.filter((s) => s.family === family);
  const sum = (family, f) => statsOf(family).reduce((n, s) => n + f(s), 0);
  const byRun = groupBy(replay2.queries.filter((q) => q.variant === "task"), (q) => q.run);
  const familyTable = [
    "| family | runs | tasks | tasks with lessons | lessons | queries | recall@1 | recall@5 | MRR | recall@5, reflection intact |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ...[...rows.families, ...rows.variants].map(
      (r) => `| ${r.label} | ${statsOf(r.family).length} | ${sum(r.family, (s) => s.tasks)} | ${sum(r.family, (s) => s.tasksWithLessons)} | ${sum(r.family, (s) => s.lessons)} | ${r.score.queries} | ${f3(r.score.recallAt1)} | ${f3(r.score.recallAt5)} | ${f3(r.score.mrr)} | ${f3(r.score.recallAt5Intact)} |`
    ),
    `| **all (task text)** | ${replay2.runs.length} | ${replay2.runs.reduce((n, s) => n + s.tasks, 0)} | ${replay2.runs.reduce((n, s) => n + s.tasksWithLessons, 0)} | ${replay2.runs.reduce((n, s) => n + s.lessons, 0)} | ${rows.overall.queries} | ${f3(rows.overall.recallAt1)} | ${f3(rows.overall.recallAt5)} | ${f3(rows.overall.mrr)} | ${f3(rows.overall.recallAt5Intact)} |`
  ];
  const runTable = [
    "| run | format | agent | attempts | lessons (overwritten by `learn`) | queries | recall@5 | solved after a lesson (own lesson in top 5 just before) | solved by trial |",
    "| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | --- |",
    ...dataset.runs.map((run) => {
      const stats = replay2.runs.find((s2) => s2.run === run.id);
      const curve = solvedByTrial(run).map((p) => p.solved).join(", ");
      if (stats === void 0) return `| \`${run.id}\` | ${run.format} | control, not replayed | \u2014 | 0 | \u2014 | \u2014 | \u2014 | ${curve} of ${run.tasks.length} |`;
      const s = score(byRun.get(run.id) ?? []);
      return `| \`${run.id}\` | ${run.format} | \`${stats.agent}\` | ${stats.attempts} | ${stats.lessons} (${stats.overwrittenLessons}) | ${s.queries} | ${f3(s.recallAt5)} | ${stats.successAfterLesson} (${stats.routedBeforeSuccess}) | ${curve} of ${run.tasks.length} |`;
    })
  ];
  const formed = replay2.runs.reduce((n, s) => n + s.formedAntiPatterns, 0);
  const overwritten = replay2.runs.reduce((n, s) => n + s.overwrittenLessons, 0);
  const method = [
    "- **Replay.** One agent per task family (open scope; task type = family; a family with several lesson runs gets one agent per run, so runs never see each other's lessons). HotPotQA and ALFWorld are replayed trial by trial (trial 1 of every task, then trial 2, \u2026); programming tasks one after another, each to its end, as they were produced. Every attempt is a `learn`; every new reflection written after a failure is an `addAntiPattern` (pattern: the task, cut to 300 characters without import lines, and the failed attempt; whyBad: the reflection; betterAlternative: its \"I should have / next time / I will \u2026\" sentences, else the whole reflection; provenance: the failed outcome's id; `metadata.taskKey` names the task). A later success is recorded by `learn` like any outcome (heuristics form only through `learn`'s own rule).",
    `- **Query.** Before each retry of a task that failed and has \u2265 1 lesson stored: \`retrieve({ task, agent, kinds: ["anti_pattern"], topK: 5 })\` (default mode). Rank = position of the first anti-patterns tagged with this task; recall@k = share of queries with rank \u2264 k; MRR = mean 1/rank (0 when absent from the top 5). The pool also holds other tasks' lessons and ${formed} anti-patterns that \`learn\` formed itself from similar failures (they count as misses).`,
    `- **Overwritten lessons.** When a new failure's strategy resembles an anti-pattern's pattern (cosine \u2265 0.75), \`learn\` refreshes that anti-pattern: its \`whyBad\` becomes the new outcome's error message and its \`betterAlternative\` the best other strategy \`learn\` knows (or "No successful alternative recorded yet"), explicit lessons included. ${overwritten} of ${replay2.runs.reduce((n, s) => n + s.lessons, 0)} lessons had lost their reflection text by the end of their run. Such a lesson still counts as the task's own in recall@k (its tag and provenance survive); \`recall@5, reflection intact\` counts only lessons that still carry the reflection.`,
    '- **Task texts.** HotPotQA: the question (the retry suffix the Reflexion prompt appends is removed). Programming: the function prompt. ALFWorld: the logs carry no task text, only the env id; a real agent would have the goal sentence ("put a clean plate in countertop"), so the task text is `ALFWorld <env>: <goal>` with the goal reconstructed from the env\'s first reflection (its "my plan was to \u2026" clause, else its "I should have \u2026" clause). That paraphrase shares words with the lessons, so it is easier than a real goal text; the `env id only` row is the pessimistic bound.',
    "- **Logs.** HotPotQA logs repeat solved agents in later trials; those copies are not attempts. ALFWorld trial numbers come from the `trial_<n>` file names (else file order); an env's lessons after trial n are the `memory` entries new in that file. Programming: k reflections = k failed attempts (internal tests), then the final solution judged by the hidden tests (`is_solved`).",
    `- **Controls.** Runs with no reflection anywhere are baselines and are not replayed: ${controls.length > 0 ? controls.map((r) => `\`${r.id}\``).join(", ") : "none found"}. Their solved-by-trial curve is in the table above for comparison. A baseline that still logs reflections (the ALFWorld \`base_run_logs\` do) is, by content, a lesson run and is replayed.`,
    `- **Limits.** ${replay2.clipped} texts were cut to ALMA's limits (task 32,000, other texts 8,000 characters; HumanEval solutions in outcomes at 2,000).${input.quick ? " Quick mode: per run, the first 6 tasks with a lesson and the first 4 without." : ""}`
  ];
  const lessonNote = (e) => {
    if (e.rank === void 0) return "own lesson not in the top 5";
    const shown = e.prompt.includes("## Avoid These Patterns");
    return `own lesson at rank ${e.rank}${e.intact ? "" : ", its reflection already overwritten by `learn`"}${shown ? "" : `; but no anti-pattern made it into the ${e.maxTokens}-token slice, which admits whole items best score first`}`;
  };
  const examples = replay2.examples.flatMap((e) => [
    `#### ${e.family}: \`${e.taskKey.length > 80 ? `${e.taskKey.slice(0, 79)}\u2026` : e.taskKey}\` (trial ${e.trial}; ${lessonNote(e)})`,
    "",
    fence(e.prompt.trim().length > 0 ? e.prompt : "(empty slice)"),
    ""
  ]);
  const c = input.config;
  const markdown = [
    "## Reflexion: lesson routing",
    "",
    "Does `retrieve(task)` before a retry return the lesson the agent wrote about that same task after failing it? The Reflexion run logs (Shinn et al., 2023: HotPotQA ReAct, ALFWorld, HumanEval) are replayed through `learn`, each reflection becoming an anti-pattern with provenance.",
    "",
    `Embedder \`${String(c["embedderModel"])}\` (${String(c["embedderDimensions"])} dims), ${String(c["storage"])}, configuration: ${String(c["source"])}; ${input.quick ? "quick slice" : "full dataset"}; ${f1(input.durationMs / 1e3)} s.`,
    "",
    ...familyTable,
    "",
    ...runTable,
    "",
    "### Method",
    "",
    ...method,
    "",
    "### Example prompt slices (all kinds, `toPrompt({ maxTokens: 300 })`, at the first retry of each family)",
    "",
    ...examples
  ].join("\n");
  const chartRows = [...rows.families, ...rows.variants];
  const chart = groupedBarChart({
    title: "Reflexion lesson routing: own lesson among retrieved anti-patterns",
    categories: chartRows.map((r) => r.label),
    series: [
      { name: "recall@1", values: chartRows.map((r) => r.score.recallAt1) },
      { name: "recall@5", values: chartRows.map((r) => r.score.recallAt5) },
      { name: "MRR", values: chartRows.map((r) => r.score.mrr) }
    ],
    yLabel: "fraction of retries",
    xLabel: "task family",
    yMax: 1,
    showValues: true,
    format: (v) => v.toFixed(2)
  });
  const json = {
    suite: "reflexion",
    dataset: dataset.root,
    quick: input.quick,
    durationMs: Math.round(input.durationMs),
    config: input.config,
    files: dataset.files.map((f) => ({ path: f.path, format: f.format ?? null, run: f.run ?? null })),
    runs: dataset.runs.map((run) => {
      const stats = replay2.runs.find((s) => s.run === run.id);
      return {
        id: run.id,
        format: run.format,
        family: run.family,
        role: run.control ? "control" : "lessons",
        agent: plans.find((p) => p.run.id === run.id)?.agent ?? null,
        tasks: run.tasks.length,
        solvedByTrial: solvedByTrial(run),
        notes: run.notes,
        replay: stats ?? null,
        routing: stats === void 0 ? null : scoreJson(score(byRun.get(run.id) ?? []))
      };
    }),
    families: Object.fromEntries(rows.families.map((r) => [r.label, scoreJson(r.score)])),
    variants: Object.fromEntries(rows.variants.map((r) => [r.label, scoreJson(r.score)])),
    overall: scoreJson(rows.overall),
    formedAntiPatterns: formed,
    clippedTexts: replay2.clipped,
    examples: replay2.examples,
    queries: replay2.queries
  };
  return { suite: "reflexion", json, markdown, charts: [{ name: "reflexion-lesson-routing", svg: chart }] };
};

// src/bench/reflexion/Reflexion.ts
var PackageName = Schema_exports.parseJson(Schema_exports.Struct({ name: Schema_exports.String }));
var packageRoot = Effect_exports.gen(function* () {
  let dir = path3.dirname(fileURLToPath(import.meta.url));
  for (; ; ) {
    const text = yield* Effect_exports.option(Effect_exports.tryPromise(() => fs2.readFile(path3.join(dir, "package.json"), "utf8")));
    if (Option_exports.isSome(text)) {
      const pkg = Schema_exports.decodeUnknownEither(PackageName)(text.value);
      if (Either_exports.isRight(pkg) && pkg.right.name === "alma-memory") return dir;
    }
    const parent = path3.dirname(dir);
    if (parent === dir) {
      return yield* new ReflexionDatasetError({
        path: fileURLToPath(import.meta.url),
        description: "cannot find the alma-memory package folder to locate the default dataset; pass --dataset"
      });
    }
    dir = parent;
  }
});
var defaultDataset = Effect_exports.map(
  packageRoot,
  (root) => path3.resolve(root, "../shared/datasets/reflexion-logs")
);
var assignAgents = (runs) => {
  const used = /* @__PURE__ */ new Set();
  return runs.map((run) => {
    const shared = runs.filter((r) => r.family === run.family).length > 1;
    const base = shared ? toName(`${run.family}.${path3.basename(run.id).replace(/\.[^.]*$/, "")}`, run.family) : run.family;
    let agent = base.slice(0, 120);
    for (let i = 2; used.has(agent); i++) agent = `${base.slice(0, 120)}.${i}`;
    used.add(agent);
    return { run, agent };
  });
};
var stackFor = (filename, config, embedder) => {
  if (config === void 0) {
    return layerSqlite({ filename, projectId: "reflexion-bench", ...embedder !== void 0 ? { embedder } : {} });
  }
  const chosen = embedder ?? embedderFromConfig(config);
  return config.storage === "memory" ? layerWith2(layer, chosen, engineOptions(config)) : layerWith2(layerWith({ filename }), chosen, engineOptions(config));
};
var tempDir = Effect_exports.acquireRelease(
  Effect_exports.tryPromise({
    try: () => fs2.mkdtemp(path3.join(os.tmpdir(), "alma-reflexion-")),
    catch: (cause) => new StorageError({ backend: "sqlite", operation: "create a temporary folder", cause })
  }),
  (dir) => Effect_exports.ignoreLogged(Effect_exports.tryPromise(() => fs2.rm(dir, { recursive: true, force: true })))
);
var runReflexionWith = (options) => Effect_exports.gen(function* () {
  const started = yield* Clock_exports.currentTimeMillis;
  const dataset = yield* loadDataset(options.dataset ?? (yield* defaultDataset));
  const config = options.config === void 0 ? void 0 : yield* loadConfig(options.config);
  const quick = options.quick === true;
  const plans = assignAgents(dataset.runs.filter((r) => !r.control)).map(
    (p) => quick ? { ...p, run: quickSlice(p.run) } : p
  );
  const total = plans.reduce((n, p) => n + p.run.tasks.reduce((m, t) => m + t.attempts.length, 0), 0);
  let done = 0;
  const onStep = () => {
    done++;
    options.onProgress?.(done, total);
  };
  const { embedder, replayed } = yield* Effect_exports.scoped(Effect_exports.gen(function* () {
    const dir = yield* tempDir;
    return yield* Effect_exports.gen(function* () {
      const alma = yield* Alma;
      const embedder2 = yield* Embedder;
      yield* Effect_exports.forEach(plans, (p) => alma.registerAgent(AgentScope.make({ agent: p.agent })), { discard: true });
      const replayed2 = yield* replay(plans, onStep);
      return { embedder: { model: embedder2.model, dimensions: embedder2.dimensions }, replayed: replayed2 };
    }).pipe(Effect_exports.provide(stackFor(path3.join(dir, "reflexion.db"), config, options.embedder)));
  }));
  const finished = yield* Clock_exports.currentTimeMillis;
  return buildReport({
    dataset,
    plans,
    replay: replayed,
    quick,
    durationMs: finished - started,
    config: {
      source: options.config === void 0 ? "embedded default (Alma.layerSqlite)" : path3.resolve(options.config),
      storage: config?.storage === "memory" ? "in-memory storage" : "SQLite in a temporary file (deleted afterwards)",
      projectId: config?.projectId ?? "reflexion-bench",
      embedderModel: embedder.model,
      embedderDimensions: embedder.dimensions,
      embedderOverridden: options.embedder !== void 0,
      query: { kinds: ["anti_pattern"], topK: 5, mode: "default (none given)" },
      retrieval: config?.retrieval ?? "library defaults",
      learning: config?.learning ?? "library defaults"
    }
  });
});
var runReflexion = (options) => runReflexionWith(options);
export {
  Alfworld_exports as Alfworld,
  Dataset_exports as Dataset,
  HotpotQA_exports as HotpotQA,
  Metrics_exports as Metrics,
  Model_exports as Model,
  Programming_exports as Programming,
  Replay_exports as Replay,
  Report_exports as Report,
  defaultDataset,
  runReflexion,
  runReflexionWith
};
