import { createRequire as __almaCreateRequire } from "node:module"; const require = __almaCreateRequire(import.meta.url);
import {
  withStack
} from "./chunk-VIWFRVFD.js";
import {
  opt,
  splitList
} from "./chunk-FT56ESOA.js";
import {
  Output,
  printJson,
  reporting
} from "./chunk-3G4U7EKN.js";
import {
  AddAntiPatternInput,
  AddKnowledgeInput,
  AddPreferenceInput,
  Alma,
  AntiPattern,
  DomainKnowledge,
  LearnInput,
  LearnResult,
  MemorySlice,
  RetrieveInput,
  UserPreference,
  decodeInput
} from "./chunk-7HY5L3DF.js";
import "./chunk-HNHJBYPG.js";
import {
  Console_exports,
  Effect_exports,
  Schema_exports
} from "./chunk-S5EEIEDT.js";

// src/cli/commands/memory.ts
var plural = (n, word, many = `${word}s`) => `${n} ${n === 1 ? word : many}`;
var RetrieveJson = Schema_exports.Struct({
  ...MemorySlice.fields,
  totalItems: Schema_exports.Number,
  prompt: Schema_exports.String
});
var summary = (slice) => {
  const parts = [
    [slice.heuristics.length, "heuristic"],
    [slice.antiPatterns.length, "anti-pattern"],
    [slice.preferences.length, "preference"],
    [slice.domainKnowledge.length, "fact"],
    [slice.outcomes.length, "outcome"]
  ];
  const kinds = parts.filter(([n]) => n > 0).map(([n, w]) => plural(n, w)).join(", ");
  return `${plural(slice.totalItems, "memory", "memories")}${kinds ? ` (${kinds})` : ""} in ${slice.retrievalTimeMs.toFixed(1)} ms; ${slice.tokenCount}/${slice.maxTokens} tokens; mode ${slice.mode}` + (slice.cacheHit ? "; cached" : "");
};
var retrieve = (o) => withStack(o.config, () => Effect_exports.gen(function* () {
  const alma = yield* Alma;
  const out = yield* Output;
  const input = yield* decodeInput(RetrieveInput, {
    task: o.task,
    agent: o.agent,
    userId: opt(o.user),
    topK: opt(o.topK),
    kinds: splitList(o.kinds),
    mode: opt(o.mode),
    maxTokens: opt(o.maxTokens)
  });
  const slice = yield* alma.retrieve(input);
  const prompt = slice.toPrompt();
  if (o.json) return yield* printJson(RetrieveJson, { ...slice, totalItems: slice.totalItems, prompt });
  yield* Console_exports.log(prompt.length > 0 ? prompt : out.dim("(no relevant memories)"));
  yield* Console_exports.log(out.dim(`
${summary(slice)}`));
})).pipe(reporting({ command: "retrieve", json: o.json }));
var learn = (o) => withStack(o.config, () => Effect_exports.gen(function* () {
  const alma = yield* Alma;
  const out = yield* Output;
  const input = yield* decodeInput(LearnInput, {
    task: o.task,
    agent: o.agent,
    outcome: o.outcome,
    strategyUsed: o.strategy,
    taskType: opt(o.taskType),
    errorMessage: opt(o.error),
    feedback: opt(o.feedback),
    durationMs: opt(o.durationMs)
  });
  const r = yield* alma.learn(input);
  if (o.json) return yield* printJson(LearnResult, r);
  const verdict = r.outcome.success ? out.green("success") : out.red("failure");
  yield* Console_exports.log(`recorded outcome ${out.bold(r.outcome.id)} (${verdict}, task type ${r.outcome.taskType})`);
  if (r.heuristic) {
    const h = r.heuristic.memory;
    yield* Console_exports.log(
      `heuristic ${r.heuristic.action} ${out.bold(h.id)}: ${h.strategy} ` + out.dim(`(confidence ${h.confidence.toFixed(2)}, ${h.successCount}/${h.occurrenceCount} successes)`)
    );
  }
  if (r.antiPattern) {
    const a = r.antiPattern.memory;
    yield* Console_exports.log(`anti-pattern ${r.antiPattern.action} ${out.bold(a.id)}: ${a.pattern}`);
    yield* Console_exports.log(`  instead: ${a.betterAlternative}`);
  }
  for (const w of r.warnings) {
    yield* Console_exports.log(`${out.yellow("warning:")} the strategy matches anti-pattern ${w.id}: ${w.pattern}`);
    yield* Console_exports.log(`  why bad: ${w.whyBad}
  instead: ${w.betterAlternative}`);
  }
})).pipe(reporting({ command: "learn", json: o.json }));
var addPreference = (o) => withStack(o.config, () => Effect_exports.gen(function* () {
  const alma = yield* Alma;
  const input = yield* decodeInput(AddPreferenceInput, {
    userId: o.user,
    category: o.category,
    preference: o.preference,
    source: opt(o.source),
    confidence: opt(o.confidence)
  });
  const p = yield* alma.addPreference(input);
  if (o.json) return yield* printJson(UserPreference, p);
  yield* Console_exports.log(`stored preference ${p.id} for user ${p.userId} (${p.category}, confidence ${p.confidence})`);
})).pipe(reporting({ command: "add-preference", json: o.json }));
var addKnowledge = (o) => withStack(o.config, () => Effect_exports.gen(function* () {
  const alma = yield* Alma;
  const input = yield* decodeInput(AddKnowledgeInput, {
    agent: o.agent,
    domain: o.domain,
    fact: o.fact,
    source: opt(o.source),
    confidence: opt(o.confidence)
  });
  const k = yield* alma.addKnowledge(input);
  if (o.json) return yield* printJson(DomainKnowledge, k);
  yield* Console_exports.log(`stored fact ${k.id} for ${k.agent} in ${k.domain} (confidence ${k.confidence})`);
})).pipe(reporting({ command: "add-knowledge", json: o.json }));
var addAntiPattern = (o) => withStack(o.config, () => Effect_exports.gen(function* () {
  const alma = yield* Alma;
  const input = yield* decodeInput(AddAntiPatternInput, {
    agent: o.agent,
    pattern: o.pattern,
    whyBad: o.whyBad,
    betterAlternative: o.instead,
    taskType: opt(o.taskType)
  });
  const a = yield* alma.addAntiPattern(input);
  if (o.json) return yield* printJson(AntiPattern, a);
  yield* Console_exports.log(`stored anti-pattern ${a.id} for ${a.agent}`);
})).pipe(reporting({ command: "add-anti-pattern", json: o.json }));
export {
  RetrieveJson,
  addAntiPattern,
  addKnowledge,
  addPreference,
  learn,
  retrieve
};
