/**
 * The runner `bench/src/main.ts` (what `npm run bench -- <suite>` and `alma bench <suite>` start), in
 * a subprocess through tsx as npm runs it, and the suite names the `alma` CLI keeps for itself.
 */
import { spawn } from "node:child_process"
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs"
import { createRequire } from "node:module"
import { tmpdir } from "node:os"
import * as path from "node:path"
import { fileURLToPath, pathToFileURL } from "node:url"
import { afterAll, assert, describe, it } from "vitest"
import { ensureBuilt } from "../../test/cli/fixtures.js"
import { suites } from "../src/registry.js"
import { commandLine } from "../src/Run.js"

const bench = path.resolve(fileURLToPath(import.meta.url), "../..")
const root = path.dirname(bench)
const tsx = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href
const TIMEOUT = 180_000

interface Result {
  readonly code: number | null
  readonly stdout: string
  readonly stderr: string
}

/** `node --import tsx <script> ...args` in `cwd`, with `bench/tsconfig.json` (its `alma-memory` path). */
const run = (cwd: string, script: string, args: ReadonlyArray<string>, env: Record<string, string> = {}) =>
  node(cwd, ["--import", tsx, script, ...args], env)

const node = (cwd: string, args: ReadonlyArray<string>, env: Record<string, string> = {}) =>
  new Promise<Result>((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd,
      env: { ...process.env, NO_COLOR: "1", TSX_TSCONFIG_PATH: path.join(bench, "tsconfig.json"), ...env },
      stdio: ["ignore", "pipe", "pipe"]
    })
    let stdout = ""
    let stderr = ""
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d))
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d))
    child.on("error", reject)
    child.on("close", (code) => resolve({ code, stdout, stderr }))
  })

const dirs: Array<string> = []
const tempDir = () => {
  const dir = mkdtempSync(path.join(tmpdir(), "alma-bench-main-"))
  dirs.push(dir)
  return dir
}
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
})

/** A suite module (default export) returning a fixed report that echoes its options. */
const writeFakeSuite = (dir: string): string => {
  const effect = pathToFileURL(path.join(root, "node_modules", "effect", "dist", "esm", "index.js")).href
  const file = path.join(dir, "fake-suite.mjs")
  writeFileSync(file, [
    `import { Effect } from ${JSON.stringify(effect)}`,
    "export default (options) => Effect.succeed({",
    "  suite: \"fake\",",
    "  json: { quick: options.quick === true, dataset: options.dataset ?? null },",
    "  markdown: \"| metric | value |\\n|---|---|\\n| recall@5 | 0.5 |\",",
    "  charts: [{ name: \"fake-recall\", svg: \"<svg xmlns='http://www.w3.org/2000/svg'/>\" }]",
    "})",
    ""
  ].join("\n"))
  return file
}

/** The names listed by an unknown-suite hint: `choose one of: a, b, c (or give ...)`. */
const listed = (stderr: string): Array<string> => {
  const match = stderr.match(/choose one of: ([^(]+) \(/)
  assert.isNotNull(match, stderr)
  return match![1]!.split(",").map((s) => s.trim())
}

describe("bench runner (bench/src/main.ts)", () => {
  it("the alma CLI's suite names are the registry's, and both refuse an unknown suite as a usage error", async () => {
    const cwd = tempDir()
    const [cli, runner] = await Promise.all([
      run(cwd, path.join(root, "src", "cli", "bin.ts"), ["bench", "nosuch"]),
      run(cwd, path.join(bench, "src", "main.ts"), ["nosuch"])
    ])
    assert.strictEqual(cli.code, 2, cli.stderr)
    assert.strictEqual(runner.code, 2, runner.stderr)
    assert.include(runner.stderr, "unknown suite \"nosuch\"")
    assert.deepStrictEqual(listed(cli.stderr), Object.keys(suites))
    assert.deepStrictEqual(listed(runner.stderr), Object.keys(suites))
  }, TIMEOUT)

  it("runs a suite module: <out>/<suite>.json, the charts, a BENCHMARKS.md section with the npm command", async () => {
    const cwd = tempDir()
    const suite = writeFakeSuite(cwd)
    const r = await run(cwd, path.join(bench, "src", "main.ts"), [suite, "--quick", "--out", "results", "--json"], {
      npm_lifecycle_event: "bench"
    })
    assert.strictEqual(r.code, 0, r.stderr)
    assert.deepStrictEqual(JSON.parse(r.stdout), {
      suite: "fake",
      results: path.join(cwd, "results", "fake.json"),
      charts: [path.join(cwd, "results", "fake-recall.svg")],
      benchmarks: path.join(cwd, "BENCHMARKS.md")
    })
    assert.deepStrictEqual(JSON.parse(readFileSync(path.join(cwd, "results", "fake.json"), "utf8")), {
      quick: true,
      dataset: null
    })
    const md = readFileSync(path.join(cwd, "BENCHMARKS.md"), "utf8")
    assert.match(md, /^\n## fake — \d{4}-\d{2}-\d{2}\n\nMachine: .+ cores, .+ GiB RAM, Node v/)
    assert.include(md, `Command: \`npm run bench -- ${suite} --quick --out results --json\``)
    assert.include(md, "| recall@5 | 0.5 |")
  }, TIMEOUT)

  it("a module without a suite is an error (exit 1), printed once; with --json as one JSON object", async () => {
    const cwd = tempDir()
    const file = path.join(cwd, "empty.mjs")
    writeFileSync(file, "export const nothing = 1\n")
    const r = await run(cwd, path.join(bench, "src", "main.ts"), [file, "--json"])
    assert.strictEqual(r.code, 1, r.stderr)
    const error = JSON.parse(r.stderr) as { error: { tag: string; message: string; exitCode: number } }
    assert.strictEqual(error.error.tag, "BenchError")
    assert.include(error.error.message, "exports no suite")
    assert.strictEqual(error.error.exitCode, 1)
    assert.strictEqual(r.stdout, "")
  }, TIMEOUT)

  it("the published package (the bundle without bench/): alma bench fails with exit 1 and says how to get them", async () => {
    ensureBuilt()
    const project = tempDir()
    // What `npm install alma-memory` lays out: the package (package.json, dist/) beside its
    // dependencies (linked to this repository's copies), and no bench/ nor workspace link.
    const modules = path.join(project, "node_modules")
    const installed = path.join(modules, "alma-memory")
    mkdirSync(installed, { recursive: true })
    cpSync(path.join(root, "package.json"), path.join(installed, "package.json"))
    cpSync(path.join(root, "dist", "cli"), path.join(installed, "dist", "cli"), { recursive: true })
    const manifest = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as {
      dependencies: Record<string, string>
    }
    for (const name of Object.keys(manifest.dependencies)) {
      mkdirSync(path.dirname(path.join(modules, name)), { recursive: true })
      symlinkSync(path.join(root, "node_modules", name), path.join(modules, name), "dir")
    }
    const alma = path.join(installed, "dist", "cli", "alma.js")
    const [human, json, unknown] = await Promise.all([
      node(project, [alma, "bench", "latency", "--quick"]),
      node(project, [alma, "bench", "latency", "--json"]),
      node(project, [alma, "bench", "nosuch"])
    ])
    assert.strictEqual(human.code, 1, human.stderr)
    assert.include(human.stderr, "error: the benchmark suites are not part of the published alma-memory package")
    assert.include(human.stderr, "clone the ALMA repository, run `npm install` at its root, then `npm run bench -- latency`")
    assert.strictEqual(human.stdout, "")
    assert.strictEqual(json.code, 1, json.stderr)
    const error = JSON.parse(json.stderr) as { error: { tag: string; exitCode: number; hint: string } }
    assert.strictEqual(error.error.tag, "CliError")
    assert.strictEqual(error.error.exitCode, 1)
    assert.include(error.error.hint, "npm run bench -- latency")
    assert.strictEqual(unknown.code, 2, unknown.stderr)
    assert.include(unknown.stderr, "unknown suite \"nosuch\"")
  }, TIMEOUT)

  it("records the command line alma passes, else npm's, else tsx's, quoting where needed", () => {
    assert.strictEqual(commandLine(["latency"], { ALMA_BENCH_COMMAND: "alma bench latency" }), "alma bench latency")
    assert.strictEqual(commandLine(["latency", "--quick"], { npm_lifecycle_event: "bench" }), "npm run bench -- latency --quick")
    assert.strictEqual(commandLine(["locomo", "--dataset", "my data.json"], {}), "tsx bench/src/main.ts locomo --dataset 'my data.json'")
  })
})
