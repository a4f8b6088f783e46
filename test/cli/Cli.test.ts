/**
 * The `alma` executable end to end: the built bundle in a subprocess, against temporary directories.
 * Exit codes (0 ok, 1 domain error, 2 usage error), `--json` shapes, each error printed once with
 * what to do, and no ANSI codes in piped output.
 */
import { afterAll, assert, beforeAll, describe, it } from "@effect/vitest"
import { existsSync, readFileSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { alma, ANSI, ensureBuilt, json, project, removeProjects, type Result, writeFakeSuite } from "./fixtures.js"

beforeAll(() => ensureBuilt(), 120_000)
afterAll(() => removeProjects())

const count = (text: string, needle: string) => text.split(needle).length - 1

const assertExit = (r: Result, code: number) =>
  assert.strictEqual(r.code, code, `exit ${r.code}, expected ${code}\nstdout: ${r.stdout}\nstderr: ${r.stderr}`)

const learn = (dir: string, task: string, ...extra: Array<string>) =>
  alma(dir, "learn", task, "-a", "helena", "--outcome", "success", "--strategy", "Wait for the button, then assert",
    "--task-type", "form_testing", ...extra)

// The tests use separate directories, so they run concurrently (each spawns several processes).
describe.concurrent("alma CLI", () => {
  describe("alma init", () => {
    it("writes the commented defaults with the agents, refuses to overwrite, and --force replaces", async () => {
      const dir = project({ bare: true })
      const first = await alma(dir, "init", "--agent", "helena", "-a", "victor")
      assertExit(first, 0)
      const text = readFileSync(join(dir, ".alma", "config.yaml"), "utf8")
      assert.include(text, "# ALMA configuration: every key, with its default value.")
      assert.include(text, "  helena: {}")
      assert.include(text, "  victor: {}")
      assert.include(first.stdout, "helena, victor")

      const second = await alma(dir, "init")
      assertExit(second, 1)
      assert.include(second.stderr, "already exists")
      assert.include(second.stderr, "--force")
      assert.strictEqual(readFileSync(join(dir, ".alma", "config.yaml"), "utf8"), text)

      const forced = await alma(dir, "init", "--force", "--json")
      assertExit(forced, 0)
      assert.deepStrictEqual(json(forced), { path: join(dir, ".alma", "config.yaml"), agents: [], overwritten: true })
      assert.include(readFileSync(join(dir, ".alma", "config.yaml"), "utf8"), "agents: {}")
    })

    it("without agents says that every agent will be refused; a bad agent name is a validation error", async () => {
      const dir = project({ bare: true })
      const [none, bad] = await Promise.all([
        alma(dir, "init", "--config", "a/config.yaml"),
        alma(dir, "init", "--config", "b/config.yaml", "--agent", "bad name!")
      ])
      assertExit(none, 0)
      assert.include(none.stdout, "every agent is refused")
      assertExit(bad, 1)
      assert.include(bad.stderr, "\"agent\"")
      assert.isFalse(existsSync(join(dir, "b", "config.yaml")))
    })
  })

  describe("usage errors exit 2, printed once", () => {
    it("unknown flag, missing value, an option as a value, a non-integer, unknown command, no command", async () => {
      const dir = project()
      const results = await Promise.all([
        alma(dir, "stats", "--bogus"),
        alma(dir, "retrieve", "--agent"),
        alma(dir, "retrieve", "--agent", "--json", "Test the form"),
        alma(dir, "retrieve", "Test the form", "-a", "helena", "--top-k", "abc"),
        alma(dir, "frobnicate"),
        alma(dir)
      ])
      for (const r of results) {
        assertExit(r, 2)
        assert.strictEqual(r.stdout, "")
        assert.notMatch(r.stderr, ANSI)
      }
      const [unknownFlag, missing, optionAsValue, notInteger] = results
      assert.strictEqual(count(unknownFlag!.stderr, "--bogus"), 1)
      assert.include(unknownFlag!.stderr, "alma stats --help")
      assert.include(missing!.stderr, "--agent")
      assert.include(optionAsValue!.stderr, "--agent needs a value, but got the option '--json'")
      assert.include(notInteger!.stderr, "abc")
    })
  })

  describe("commands on a configured project (hash embedder)", () => {
    it("learn, retrieve, add-*, stats, forget, health: exit codes and --json shapes", async () => {
      const dir = project()
      const first = await learn(dir, "Test the signup form 1")
      assertExit(first, 0)
      assert.include(first.stdout, "recorded outcome out_")
      await learn(dir, "Test the signup form 2")
      const third = await learn(dir, "Test the signup form 3", "--json")
      assertExit(third, 0)
      const result = json(third)
      assert.deepStrictEqual(Object.keys(result).sort(), ["heuristic", "outcome", "warnings"])
      const heuristic = result.heuristic as { action: string; memory: { kind: string; id: string } }
      assert.strictEqual(heuristic.action, "created")
      assert.strictEqual(heuristic.memory.kind, "heuristic")

      // Writers run one after another: concurrent write transactions on one SQLite file can fail with
      // SQLITE_BUSY (reported as a StorageError with a retry hint).
      const pref = await alma(dir, "add-preference", "Report failing selectors verbatim", "--user", "ana", "--category",
        "reporting", "--json")
      const fact = await alma(dir, "add-knowledge", "-a", "victor", "--domain", "api_testing", "--fact", "Login returns 401",
        "--json")
      const anti = await alma(dir, "add-anti-pattern", "Sleep 5 s, then assert", "-a", "helena", "--why-bad", "Flaky",
        "--instead", "Wait for the element", "--task-type", "form_testing", "--json")
      for (const r of [pref, fact, anti]) assertExit(r, 0)
      assert.strictEqual(json(pref).kind, "user_preference")
      assert.match(String(json(pref).id), /^pref_/)
      assert.strictEqual(json(fact).kind, "domain_knowledge")
      assert.strictEqual(json(anti).kind, "anti_pattern")
      assert.strictEqual(json(anti).betterAlternative, "Wait for the element")

      const [retrieved, human, stats, forget, health] = await Promise.all([
        alma(dir, "retrieve", "Test the login form", "-a", "helena", "--user", "ana", "--json"),
        alma(dir, "retrieve", "Test the login form", "-a", "helena", "--max-tokens", "500"),
        alma(dir, "stats", "--json"),
        alma(dir, "forget", "--dry-run", "--older-than-days", "0", "--json"),
        alma(dir, "health", "--json")
      ])
      assertExit(retrieved, 0)
      const slice = json(retrieved)
      for (const key of ["query", "agent", "projectId", "mode", "heuristics", "antiPatterns", "preferences",
        "domainKnowledge", "outcomes", "retrievalTimeMs", "maxTokens", "tokenCount", "cacheHit", "totalItems", "prompt"]) {
        assert.property(slice, key)
      }
      assert.strictEqual((slice.heuristics as Array<unknown>).length, 1)
      assert.include(String(slice.prompt), "## Relevant Strategies")
      assert.include(String(slice.prompt), "Login returns 401") // shared by victor
      assertExit(human, 0)
      assert.include(human.stdout, "## Relevant Strategies")
      assert.match(human.stdout, /\d+ memories .* in [\d.]+ ms; \d+\/500 tokens/)
      assertExit(stats, 0)
      assert.deepStrictEqual(json(stats), {
        projectId: "default",
        backend: "sqlite",
        counts: { heuristic: 1, outcome: 3, user_preference: 1, domain_knowledge: 1, anti_pattern: 1 },
        total: 7
      })
      assertExit(forget, 0)
      assert.strictEqual(json(forget).dryRun, true)
      assert.strictEqual(json(forget).deleted, 3)
      assertExit(health, 0)
      const checks = json(health).checks as Array<{ name: string; ok: boolean }>
      assert.strictEqual(json(health).ok, true)
      assert.deepStrictEqual(checks.map((c) => [c.name, c.ok]), [
        ["config", true],
        ["embedder", true],
        ["storage", true],
        ["memories", true]
      ])

      for (const r of [first, retrieved, human, stats, health]) {
        assert.notMatch(r.stdout, ANSI)
        assert.notMatch(r.stderr, ANSI)
      }
    })

    it("domain errors exit 1 with the field, the flag and what to do, printed once", async () => {
      const dir = project()
      // Create the database first: processes opening a new database file at the same moment can race.
      assertExit(await alma(dir, "stats"), 0)
      const [unknownAgent, topK, missingConfig, scope, badHealth, jsonError] = await Promise.all([
        alma(dir, "retrieve", "Test the form", "-a", "nobody"),
        alma(dir, "retrieve", "Test the form", "-a", "helena", "--top-k", "0"),
        alma(dir, "stats", "--config", "nope.yaml"),
        alma(dir, "learn", "Add an index", "-a", "helena", "--outcome", "success", "--strategy", "CREATE INDEX",
          "--task-type", "database_migrations"),
        alma(dir, "health", "--config", "nope.yaml"),
        alma(dir, "retrieve", "Test the form", "-a", "helena", "--mode", "sideways", "--json")
      ])
      for (const r of [unknownAgent, topK, missingConfig, scope, badHealth, jsonError]) assertExit(r, 1)
      for (const r of [unknownAgent, topK, missingConfig, scope]) {
        assert.strictEqual(r.stdout, "")
        assert.strictEqual(count(r.stderr, "error:"), 1)
        assert.strictEqual(count(r.stderr, "hint:"), 1)
        assert.notMatch(r.stderr, ANSI)
      }
      assert.strictEqual(count(unknownAgent.stderr, "unknown agent \"nobody\""), 1, unknownAgent.stderr)
      assert.include(unknownAgent.stderr, "alma init --agent")
      assert.include(topK.stderr, "\"topK\" (--top-k): must be between 1 and 100")
      assert.include(missingConfig.stderr, "no configuration file")
      assert.include(missingConfig.stderr, "alma init")
      assert.include(scope.stderr, "may not learn in \"database_migrations\"")
      assert.include(scope.stderr, "can_learn")
      assert.include(badHealth.stdout, "FAIL")
      const error = JSON.parse(jsonError.stderr) as { error: { tag: string; message: string; exitCode: number } }
      assert.strictEqual(error.error.tag, "ValidationError")
      assert.include(error.error.message, "--mode")
      assert.strictEqual(error.error.exitCode, 1)
    })
  })

  describe("export and import (JSONL)", () => {
    it("exports, imports into a fresh store; a malformed file is refused whole, --skip-invalid imports the rest", async () => {
      const source = project()
      await learn(source, "Test the signup form 1")
      await learn(source, "Test the signup form 2")
      await alma(source, "add-preference", "Use tabs", "--user", "ana", "--category", "style")
      const [stdout, toFile] = await Promise.all([
        alma(source, "export"),
        alma(source, "export", "--out", "memories.jsonl", "--embeddings", "--json")
      ])
      assertExit(stdout, 0)
      const lines = stdout.stdout.trim().split("\n")
      assert.strictEqual(lines.length, 4)
      assert.strictEqual((JSON.parse(lines[0]!) as { format: string }).format, "alma-memory-jsonl")
      assertExit(toFile, 0)
      assert.deepStrictEqual(json(toFile), { out: join(source, "memories.jsonl"), memories: 3, embeddings: true })

      const file = readFileSync(join(source, "memories.jsonl"), "utf8").trim().split("\n")
      const target = project()
      const malformed = join(target, "bad.jsonl")
      const badKind = file[3]!.replace(/"kind":"[a-z_]+"/, "\"kind\":\"nope\"")
      writeFileSync(malformed, [file[0], file[1], "{not json", badKind].join("\n") + "\n")

      const refused = await alma(target, "import", malformed)
      assertExit(refused, 1)
      assert.include(refused.stderr, "line 3")
      assert.include(refused.stderr, "line 4")
      assert.include(refused.stderr, "--skip-invalid")
      assert.strictEqual(json(await alma(target, "stats", "--json")).total, 0)

      const skipped = await alma(target, "import", malformed, "--skip-invalid", "--json")
      assertExit(skipped, 0)
      const report = json(skipped) as { imported: number; reembedded: boolean; rejected: Array<{ line: number }> }
      assert.strictEqual(report.imported, 1)
      assert.deepStrictEqual(report.rejected.map((r) => r.line), [3, 4])

      const whole = await alma(target, "import", join(source, "memories.jsonl"))
      assertExit(whole, 0)
      assert.include(whole.stdout, "imported 3 memories")
      assert.strictEqual(json(await alma(target, "stats", "--json")).total, 3)

      const missing = await alma(target, "import", "nowhere.jsonl")
      assertExit(missing, 1)
      assert.include(missing.stderr, "cannot read")
    })
  })

  describe("alma bench", () => {
    it("runs a suite module, writes its JSON and charts, appends to BENCHMARKS.md; an unknown suite is a usage error", async () => {
      const dir = project()
      const suite = writeFakeSuite(dir)
      const [ran, unknown] = await Promise.all([
        alma(dir, "bench", suite, "--quick", "--out", "results", "--json"),
        alma(dir, "bench", "nosuch")
      ])
      assertExit(ran, 0)
      assert.deepStrictEqual(json(ran), {
        suite: "fake",
        results: join(dir, "results", "fake.json"),
        charts: [join(dir, "results", "fake-recall.svg")],
        benchmarks: join(dir, "BENCHMARKS.md")
      })
      assert.deepStrictEqual(JSON.parse(readFileSync(join(dir, "results", "fake.json"), "utf8")), { quick: true, dataset: null })
      const md = readFileSync(join(dir, "BENCHMARKS.md"), "utf8")
      assert.match(md, /^\n## fake — \d{4}-\d{2}-\d{2}\n/)
      assert.include(md, "Machine: ")
      assert.include(md, "cores")
      assert.include(md, "Node v")
      assert.include(md, "Command: `alma bench")
      assert.include(md, "| recall@5 | 0.5 |")
      assertExit(unknown, 2)
      assert.include(unknown.stderr, "unknown suite \"nosuch\"")
      assert.include(unknown.stderr, "locomo")
    })
  })

  describe("help and demo", () => {
    it("help lists every command, without ANSI codes when piped; --version prints the version", async () => {
      const dir = project({ bare: true })
      const [help, sub, version] = await Promise.all([alma(dir, "--help"), alma(dir, "retrieve", "--help"), alma(dir, "--version")])
      assertExit(help, 0)
      for (const command of ["init", "health", "retrieve", "learn", "add-preference", "add-knowledge", "add-anti-pattern",
        "forget", "stats", "export", "import", "demo", "bench"]) {
        assert.include(help.stdout, `- ${command} `)
      }
      assert.notMatch(help.stdout, ANSI)
      assertExit(sub, 0)
      assert.include(sub.stdout, "--top-k")
      assert.notMatch(sub.stdout, ANSI)
      assertExit(version, 0)
      assert.match(version.stdout, /^\d+\.\d+\.\d+/)
    })

    it("demo narrates the scenario on the local embedder and exits 0", async () => {
      const dir = project({ bare: true })
      const r = await alma(dir, "demo")
      assertExit(r, 0)
      assert.include(r.stdout, "ALMA demo: SQLite file")
      assert.include(r.stdout, "1. helena succeeds three times")
      assert.include(r.stdout, "heuristic created")
      assert.include(r.stdout, "anti-pattern created")
      assert.include(r.stdout, "ScopeViolationError")
      assert.include(r.stdout, "shared from: victor")
      assert.include(r.stdout, "| ## Relevant Strategies")
      assert.notMatch(r.stdout, ANSI)
      assert.isFalse(existsSync(join(dir, ".alma")))
    })
  })
})
