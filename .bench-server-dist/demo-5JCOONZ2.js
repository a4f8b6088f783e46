import { createRequire as __almaCreateRequire } from "node:module"; const require = __almaCreateRequire(import.meta.url);
import "./chunk-5MBQVIM5.js";
import "./chunk-ISN7HRKI.js";
import {
  Output,
  reporting
} from "./chunk-3G4U7EKN.js";
import {
  AgentScope,
  Alma,
  layerSqlite
} from "./chunk-7HY5L3DF.js";
import "./chunk-HNHJBYPG.js";
import {
  Console_exports,
  Effect_exports,
  FileSystem_exports,
  Path_exports
} from "./chunk-S5EEIEDT.js";

// src/demo.ts
var demoAgents = [
  AgentScope.make({
    agent: "helena",
    domain: "ui_testing",
    canLearn: ["ui_testing", "form_testing"],
    cannotLearn: ["database_migrations"],
    inheritFrom: ["victor"]
  }),
  AgentScope.make({ agent: "victor", domain: "api_testing", canLearn: ["api_testing"], shareWith: ["helena"] })
];
var step = (n, title) => Console_exports.log(`
${n}. ${title}`);
var runDemo = Effect_exports.gen(function* () {
  const alma = yield* Alma;
  const good = "Wait for the submit button to be enabled, then assert on the inline error messages";
  const bad = "Sleep for 5 seconds after clicking submit, then assert";
  yield* step(1, "helena succeeds three times with the same strategy: a heuristic forms");
  for (const field of ["email", "password", "phone number"]) {
    const r = yield* alma.learn({
      agent: "helena",
      task: `Test validation of the ${field} field on the signup form`,
      taskType: "form_testing",
      outcome: "success",
      strategyUsed: good,
      durationMs: 1200
    });
    yield* Console_exports.log(
      `   learned outcome ${r.outcome.id} (success)` + (r.heuristic ? ` -> heuristic ${r.heuristic.action}: confidence ${r.heuristic.memory.confidence}` : "")
    );
  }
  yield* step(2, "helena fails twice with a fixed sleep: an anti-pattern forms, with a better alternative");
  for (const field of ["email", "password"]) {
    const r = yield* alma.learn({
      agent: "helena",
      task: `Test the ${field} error message on the login form`,
      taskType: "form_testing",
      outcome: "failure",
      strategyUsed: bad,
      errorMessage: "Flaky: the error message rendered after the fixed sleep ended"
    });
    yield* Console_exports.log(`   learned outcome ${r.outcome.id} (failure)`);
    if (r.antiPattern) {
      const ap = r.antiPattern.memory;
      yield* Console_exports.log(`   -> anti-pattern ${r.antiPattern.action}: "${ap.pattern}"`);
      yield* Console_exports.log(`      why bad: ${ap.whyBad}`);
      yield* Console_exports.log(`      instead: ${ap.betterAlternative}`);
    }
  }
  yield* step(3, "helena tries to learn outside her scope: refused, nothing stored");
  const refused = yield* Effect_exports.flip(
    Effect_exports.asVoid(alma.learn({
      agent: "helena",
      task: "Add an index to the users table",
      taskType: "database_migrations",
      outcome: "success",
      strategyUsed: "CREATE INDEX CONCURRENTLY"
    }))
  );
  yield* Console_exports.log(`   ${refused._tag}: ${refused.message}`);
  yield* step(4, "victor records an API fact; he shares with helena, who inherits from him");
  yield* alma.addKnowledge({
    agent: "victor",
    domain: "api_testing",
    fact: "The login API returns 401 with a JSON error body when the password is wrong"
  });
  yield* alma.addPreference({ userId: "ana", category: "reporting", preference: "Report failing selectors verbatim" });
  yield* Console_exports.log("   victor: 1 fact stored; user ana: 1 preference stored");
  yield* step(5, "helena retrieves memory before her next task, and gets a token-budgeted prompt slice");
  const slice = yield* alma.retrieve({
    task: "Test the error message shown on the login form when the password is wrong",
    agent: "helena",
    userId: "ana",
    maxTokens: 400
  });
  const shared = slice.domainKnowledge.filter((k) => k.sharedFrom !== void 0).map((k) => k.sharedFrom);
  yield* Console_exports.log(
    `   ${slice.totalItems} memories in ${slice.retrievalTimeMs.toFixed(1)} ms; shared from: ${shared.join(", ") || "none"}`
  );
  yield* Console_exports.log(`   prompt slice (${slice.tokenCount} tokens, budget ${slice.maxTokens}):
`);
  yield* Console_exports.log(slice.toPrompt().split("\n").map((l) => `   | ${l}`).join("\n"));
  const stats = yield* alma.stats();
  yield* Console_exports.log(`
Stored: ${JSON.stringify(stats.counts)} on ${stats.backend}`);
});

// src/cli/commands/demo.ts
var demo = (o) => Effect_exports.gen(function* () {
  const fs = yield* FileSystem_exports.FileSystem;
  const path = yield* Path_exports.Path;
  const out = yield* Output;
  const dir = o.keep ? yield* fs.makeTempDirectory({ prefix: "alma-demo-" }) : yield* fs.makeTempDirectoryScoped({ prefix: "alma-demo-" });
  const filename = path.join(dir, "alma.db");
  yield* Console_exports.log(
    out.bold("ALMA demo") + `: SQLite file ${filename}${o.keep ? "" : " (deleted afterwards)"}, local embedder (USE-lite, 512 dims, offline)`
  );
  yield* runDemo.pipe(Effect_exports.provide(layerSqlite({ filename, agents: demoAgents })));
  yield* Console_exports.log(
    out.dim("\nNext: `alma init --agent <name>` writes .alma/config.yaml; then `alma learn` and `alma retrieve`.")
  );
}).pipe(
  Effect_exports.scoped,
  reporting({ command: "demo", json: false })
);
export {
  demo
};
