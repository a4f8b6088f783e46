import { createRequire as __almaCreateRequire } from "node:module"; const require = __almaCreateRequire(import.meta.url);
import {
  withStack
} from "./chunk-VIWFRVFD.js";
import {
  opt
} from "./chunk-FT56ESOA.js";
import {
  Output,
  printJson,
  reporting
} from "./chunk-3G4U7EKN.js";
import {
  Alma,
  ForgetInput,
  ForgetResult,
  Stats,
  decodeInput
} from "./chunk-7HY5L3DF.js";
import "./chunk-HNHJBYPG.js";
import {
  Console_exports,
  Effect_exports
} from "./chunk-S5EEIEDT.js";

// src/cli/commands/maintenance.ts
var forget = (o) => withStack(o.config, () => Effect_exports.gen(function* () {
  const alma = yield* Alma;
  const out = yield* Output;
  const input = yield* decodeInput(ForgetInput, {
    agent: opt(o.agent),
    olderThanDays: opt(o.olderThanDays),
    belowConfidence: opt(o.belowConfidence),
    dryRun: o.dryRun
  });
  const r = yield* alma.forget(input);
  if (o.json) return yield* printJson(ForgetResult, r);
  const n = `${r.deleted} ${r.deleted === 1 ? "memory" : "memories"}`;
  yield* Console_exports.log(r.dryRun ? `would delete ${n} ${out.dim("(dry run: nothing deleted)")}` : `deleted ${n}`);
  for (const item of r.items) yield* Console_exports.log(`  ${item.id}  ${out.dim(`${item.kind}: ${item.reason}`)}`);
})).pipe(reporting({ command: "forget", json: o.json }));
var stats = (o) => withStack(o.config, () => Effect_exports.gen(function* () {
  const alma = yield* Alma;
  const out = yield* Output;
  const s = yield* alma.stats({ agent: opt(o.agent) });
  if (o.json) return yield* printJson(Stats, s);
  const who = s.agent !== void 0 ? `agent ${s.agent} in project ${s.projectId}` : `project ${s.projectId}`;
  yield* Console_exports.log(`${out.bold(who)} on ${s.backend}: ${s.total} ${s.total === 1 ? "memory" : "memories"}`);
  for (const [kind, n] of Object.entries(s.counts)) yield* Console_exports.log(`  ${kind.padEnd(17)} ${String(n).padStart(7)}`);
})).pipe(reporting({ command: "stats", json: o.json }));
export {
  forget,
  stats
};
