import { createRequire as __almaCreateRequire } from "node:module"; const require = __almaCreateRequire(import.meta.url);
import "./chunk-5MBQVIM5.js";
import {
  suites
} from "./chunk-ISA4O5EM.js";
import "./chunk-ISN7HRKI.js";
import {
  opt
} from "./chunk-FT56ESOA.js";
import {
  CliError,
  Output,
  printJson,
  reporting
} from "./chunk-3G4U7EKN.js";
import {
  Console_exports,
  DateTime_exports,
  Effect_exports,
  FileSystem_exports,
  Option_exports,
  Path_exports,
  Predicate_exports,
  Schema_exports
} from "./chunk-S5EEIEDT.js";

// src/cli/commands/bench.ts
import * as os from "os";
import { pathToFileURL } from "url";
var isSuite = (u) => typeof u === "function";
var loadSuite = (name, resolve) => Effect_exports.gen(function* () {
  const registered = suites[name];
  if (registered !== void 0) {
    return yield* Effect_exports.tryPromise({
      try: registered,
      catch: (cause) => new CliError({ message: `cannot load the ${name} suite: ${String(cause)}` })
    });
  }
  if (!/[\\/]|\.[cm]?js$/.test(name)) {
    return yield* new CliError({
      message: `unknown suite "${name}"`,
      hint: `choose one of: ${Object.keys(suites).join(", ")} (or give the path of a module exporting a Suite)`,
      code: 2
    });
  }
  const module = yield* Effect_exports.tryPromise({
    try: () => import(pathToFileURL(resolve(name)).href),
    catch: (cause) => new CliError({ message: `cannot import ${name}: ${String(cause)}` })
  });
  const suite = Predicate_exports.hasProperty(module, "default") && isSuite(module.default) ? module.default : Predicate_exports.hasProperty(module, "suite") && isSuite(module.suite) ? module.suite : void 0;
  if (suite === void 0) {
    return yield* new CliError({ message: `${name} exports no suite (a function as \`default\` or \`suite\`)` });
  }
  return suite;
});
var machine = () => {
  const cpus2 = os.cpus();
  const model = cpus2[0]?.model.trim() || "unknown CPU";
  const ram = (os.totalmem() / 2 ** 30).toFixed(1);
  return `${model}, ${cpus2.length} cores, ${ram} GiB RAM, Node ${process.version}, ${os.platform()} ${os.arch()}`;
};
var quote = (arg) => /^[\w./:=@,-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, "'\\''")}'`;
var BenchJson = Schema_exports.Struct({
  suite: Schema_exports.String,
  results: Schema_exports.String,
  charts: Schema_exports.Array(Schema_exports.String),
  benchmarks: Schema_exports.String
});
var encodeResults = Schema_exports.encode(Schema_exports.parseJson(Schema_exports.Unknown, { space: 2 }));
var writeReport = (report, outDir, command) => Effect_exports.gen(function* () {
  const fs = yield* FileSystem_exports.FileSystem;
  const path = yield* Path_exports.Path;
  const results = path.join(outDir, `${report.suite}.json`);
  const charts = report.charts.map((c) => path.join(outDir, `${c.name}.svg`));
  const benchmarks = path.resolve("BENCHMARKS.md");
  const date = DateTime_exports.formatIso(yield* DateTime_exports.now).slice(0, 10);
  const section = `
## ${report.suite} \u2014 ${date}

Machine: ${machine()}

Command: \`${command}\`

${report.markdown.trim()}
`;
  const json = yield* encodeResults(report.json).pipe(
    Effect_exports.mapError((e) => new CliError({ message: `the suite's results are not JSON: ${e.message}` }))
  );
  yield* Effect_exports.gen(function* () {
    yield* fs.makeDirectory(outDir, { recursive: true });
    yield* fs.writeFileString(results, `${json}
`);
    for (const [i, chart] of report.charts.entries()) yield* fs.writeFileString(charts[i], chart.svg);
    yield* fs.writeFileString(benchmarks, section, { flag: "a" });
  }).pipe(Effect_exports.mapError((e) => new CliError({ message: `cannot write the results: ${e.message}` })));
  return { suite: report.suite, results, charts, benchmarks };
});
var bench = (o) => Effect_exports.gen(function* () {
  const path = yield* Path_exports.Path;
  const out = yield* Output;
  const suite = yield* loadSuite(o.suite, (p) => path.resolve(p));
  const line = out.progressLine(`bench ${o.suite}`);
  const report = yield* Effect_exports.suspend(
    () => suite({
      dataset: opt(o.dataset),
      config: opt(o.config),
      quick: o.quick,
      onProgress: line.update
    })
  ).pipe(Effect_exports.ensuring(Effect_exports.sync(line.done)));
  const command = ["alma", ...process.argv.slice(2)].map(quote).join(" ");
  const written = yield* writeReport(report, path.resolve(Option_exports.getOrElse(o.out, () => "bench/results")), command);
  if (o.json) return yield* printJson(BenchJson, written);
  yield* Console_exports.log(report.markdown.trim());
  yield* Console_exports.log(out.dim(`
wrote ${[written.results, ...written.charts].map((f) => path.relative(".", f)).join(", ")}`));
  yield* Console_exports.log(out.dim(`appended a section to ${path.relative(".", written.benchmarks)}`));
}).pipe(reporting({ command: "bench", json: o.json }));
export {
  BenchJson,
  bench
};
