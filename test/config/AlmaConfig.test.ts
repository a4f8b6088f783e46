import { assert, describe, it } from "@effect/vitest"
import { Effect } from "effect"
import * as fs from "node:fs/promises"
import * as os from "node:os"
import * as path from "node:path"
import { fileURLToPath } from "node:url"
import type { AlmaConfig } from "../../config/AlmaConfig.js"
import { defaultConfig, loadConfig, loadConfigOrDefault, parseConfig } from "../../config/AlmaConfig.js"
import { engineOptions } from "../../src/Alma.js"
import { thresholdsFor } from "../../src/internal/strategyMatch.js"

const configDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../config")
const file = "/proj/.alma/config.yaml"
const parse = (text: string, env: Record<string, string | undefined> = {}) => parseConfig(text, { file, env })
const fails = (text: string, env: Record<string, string | undefined> = {}) => Effect.flip(parse(text, env))

const read = (name: string) => Effect.promise(() => fs.readFile(path.join(configDir, name), "utf8"))

const withTempDir = <A, E>(use: (dir: string) => Effect.Effect<A, E>) =>
  Effect.acquireUseRelease(
    Effect.promise(() => fs.mkdtemp(path.join(os.tmpdir(), "alma-config-"))),
    use,
    (dir) => Effect.promise(() => fs.rm(dir, { recursive: true, force: true }))
  )

const withoutPaths = ({ file: _file, sqlitePath: _path, ...rest }: AlmaConfig) => rest

describe("AlmaConfig", () => {
  describe("defaults", () => {
    it.effect("the default configuration leaves the strategy threshold to the embedder's calibration", () =>
      Effect.gen(function*() {
        // A fixed 0.75 here overrode the calibrated 0.70 / 0.85 on every configuration-driven surface.
        assert.isUndefined(defaultConfig.learning.similarityThreshold)
        assert.isUndefined(engineOptions(defaultConfig).learning?.similarityThreshold)
        const parsed = yield* parseConfig("", { env: {} })
        assert.isUndefined(engineOptions(parsed).learning?.similarityThreshold)
        assert.deepStrictEqual(thresholdsFor("use-lite-512", engineOptions(parsed).learning?.similarityThreshold), {
          threshold: 0.7,
          strict: 0.85
        })
        const set = yield* parseConfig("learning:\n  similarity_threshold: 0.8\n", { env: {} })
        assert.strictEqual(engineOptions(set).learning?.similarityThreshold, 0.8)
      }))
    it.effect("an empty file yields the defaults, with the path resolved next to .alma", () =>
      Effect.gen(function*() {
        const config = yield* parse("")
        assert.deepStrictEqual(withoutPaths(config), withoutPaths(defaultConfig))
        assert.strictEqual(config.sqlitePath, "/proj/.alma/alma.db")
        assert.strictEqual(config.file, file)
      }))

    it.effect("defaultConfig resolves its database under the working directory", () =>
      Effect.sync(() => {
        assert.strictEqual(defaultConfig.sqlitePath, path.resolve(".alma/alma.db"))
        assert.strictEqual(defaultConfig.embedding.dimensions, 512)
        assert.strictEqual(defaultConfig.file, undefined)
      }))

    it.effect("config/default.yaml parses and equals defaultConfig", () =>
      Effect.gen(function*() {
        const config = yield* parse(yield* read("default.yaml"))
        assert.deepStrictEqual(withoutPaths(config), withoutPaths(defaultConfig))
        assert.strictEqual(config.sqlitePath, "/proj/.alma/alma.db")
      }))

    it.effect("a comment-only `alma:` wrapper yields the defaults", () =>
      Effect.gen(function*() {
        const config = yield* parse("# nothing yet\nalma:\n")
        assert.deepStrictEqual(withoutPaths(config), withoutPaths(defaultConfig))
      }))
  })

  describe("example", () => {
    it.effect("config/example.yaml parses with ALMA_HOME set", () =>
      Effect.gen(function*() {
        const config = yield* parse(yield* read("example.yaml"), { ALMA_HOME: "/data/alma" })
        assert.strictEqual(config.projectId, "shop-web")
        assert.strictEqual(config.sqlitePath, "/data/alma/shop-web/memories.db")
        assert.strictEqual(config.embedding.cacheSize, 20000)
        assert.deepStrictEqual(config.retrieval.weights, { similarity: 0.5, recency: 0.2, success: 0.2, confidence: 0.1 })
        assert.strictEqual(config.retrieval.defaultTopK, 8)
        assert.strictEqual(config.forgetting.halfLifeDays.outcome, 45)
        assert.strictEqual(config.forgetting.halfLifeDays.heuristic, 60)
        assert.deepStrictEqual(config.agents.map((a) => a.agent), ["helena", "victor"])
        const [helena, victor] = config.agents
        assert.deepStrictEqual(helena?.inheritFrom, ["victor"])
        assert.strictEqual(helena?.domain, "frontend_testing")
        assert.isTrue(helena?.isAllowed("form_testing"))
        assert.isFalse(helena?.isAllowed("backend_testing"))
        assert.isTrue(victor?.sharesWith("helena"))
        assert.strictEqual(victor?.minOccurrencesForHeuristic, 2)
      }))

    it.effect("config/example.yaml names ALMA_HOME when it is unset", () =>
      Effect.gen(function*() {
        const e = yield* Effect.flip(parse(yield* read("example.yaml"), {}))
        assert.strictEqual(e.key, "storage_dir")
        assert.include(e.description, "ALMA_HOME")
      }))
  })

  describe("format", () => {
    it.effect("the `alma:` wrapper and a bare document mean the same", () =>
      Effect.gen(function*() {
        const wrapped = yield* parse("alma:\n  project_id: p1\n  retrieval:\n    default_top_k: 9\n")
        const bare = yield* parse("project_id: p1\nretrieval:\n  default_top_k: 9\n")
        assert.deepStrictEqual(wrapped, bare)
        assert.strictEqual(wrapped.projectId, "p1")
        assert.strictEqual(wrapped.retrieval.defaultTopK, 9)
      }))

    it.effect("keys beside the `alma:` wrapper are rejected", () =>
      Effect.gen(function*() {
        const e = yield* fails("alma:\n  project_id: p1\nstorage: memory\n")
        assert.strictEqual(e.key, "storage")
        assert.include(e.description, "line 3")
      }))

    it.effect("agents, weights and embedding settings are resolved", () =>
      Effect.gen(function*() {
        const config = yield* parse([
          "embedding_provider: transformers",
          "embedding_model_dir: models",
          "agents:",
          "  a1: { share_with: ['*'] }",
          "  a2: { inherit_from: [a1] }",
          "  a3:",
          "retrieval:",
          "  weights: { similarity: 1, recency: 0, success: 0, confidence: 0 }"
        ].join("\n"))
        assert.deepStrictEqual(config.embedding, {
          provider: "transformers",
          model: "Xenova/all-MiniLM-L6-v2",
          modelDir: "/proj/models",
          cacheSize: 10000
        })
        assert.deepStrictEqual(config.retrieval.weights, { similarity: 1, recency: 0, success: 0, confidence: 0 })
        assert.strictEqual(config.agents.length, 3)
        assert.strictEqual(config.agents[0]?.minOccurrencesForHeuristic, 3)
      }))

    it.effect("safety.on_flagged defaults to flag, reads refuse, and reaches the Learner options", () =>
      Effect.gen(function*() {
        assert.strictEqual(defaultConfig.safety.onFlagged, "flag")
        assert.strictEqual((yield* parse("safety:\n  on_flagged: flag\n")).safety.onFlagged, "flag")
        const refuse = yield* parse("safety:\n  on_flagged: refuse\n")
        assert.strictEqual(refuse.safety.onFlagged, "refuse")
        assert.strictEqual(engineOptions(refuse).learning?.onFlagged, "refuse")
        assert.strictEqual(engineOptions(defaultConfig).learning?.onFlagged, "flag")
        assert.strictEqual((yield* fails("safety:\n  on_flaged: refuse\n")).description.includes("on_flagged"), true)
      }))

    it.effect("hash embeddings default to 256 dimensions and accept 16..4096", () =>
      Effect.gen(function*() {
        assert.strictEqual((yield* parse("embedding_provider: hash")).embedding.dimensions, 256)
        assert.strictEqual((yield* parse("embedding_provider: hash\nembedding_dim: 64")).embedding.dimensions, 64)
        const e = yield* fails("embedding_provider: hash\nembedding_dim: 8")
        assert.strictEqual(e.key, "embedding_dim")
      }))
  })

  describe("storage_dir", () => {
    it.effect("relative: against the parent of .alma when the file is in .alma", () =>
      Effect.gen(function*() {
        const config = yield* parseConfig("storage_dir: data\n", { file: "/proj/.alma/config.yaml", env: {} })
        assert.strictEqual(config.sqlitePath, "/proj/data/alma.db")
      }))

    it.effect("relative: against the file's directory otherwise", () =>
      Effect.gen(function*() {
        const config = yield* parseConfig("storage_dir: data\ndb_name: x.db\n", { file: "/etc/alma/alma.yaml", env: {} })
        assert.strictEqual(config.sqlitePath, "/etc/alma/data/x.db")
      }))

    it.effect("relative: against the working directory without a file; absolute stays", () =>
      Effect.gen(function*() {
        assert.strictEqual((yield* parseConfig("storage_dir: data\n", { env: {} })).sqlitePath, path.resolve("data/alma.db"))
        assert.strictEqual((yield* parse("storage_dir: /var/lib/alma\n")).sqlitePath, "/var/lib/alma/alma.db")
      }))
  })

  describe("environment variables", () => {
    it.effect("${VAR} expands; an unquoted whole reference is read as YAML (here a number)", () =>
      Effect.gen(function*() {
        const config = yield* parse(
          "project_id: ${P}\nstorage_dir: ${ROOT}/db\nretrieval:\n  default_top_k: ${K}\n",
          { P: "proj-1", ROOT: "/srv", K: "7" }
        )
        assert.strictEqual(config.projectId, "proj-1")
        assert.strictEqual(config.sqlitePath, "/srv/db/alma.db")
        assert.strictEqual(config.retrieval.defaultTopK, 7)
      }))

    it.effect("a quoted reference always yields a string", () =>
      Effect.gen(function*() {
        const e = yield* fails("retrieval:\n  min_score: \"${S}\"\n", { S: "0.5" })
        assert.strictEqual(e.key, "retrieval.min_score")
        assert.include(e.description, "got \"0.5\"")
      }))

    it.effect("${VAR:-default} uses the default when unset or empty", () =>
      Effect.gen(function*() {
        assert.strictEqual((yield* parse("project_id: ${P:-fallback}")).projectId, "fallback")
        assert.strictEqual((yield* parse("project_id: ${P:-fallback}", { P: "" })).projectId, "fallback")
        assert.strictEqual((yield* parse("project_id: ${P:-fallback}", { P: "set" })).projectId, "set")
        assert.strictEqual((yield* parse("storage_dir: \"$${literal}\"")).sqlitePath, "/proj/${literal}/alma.db")
      }))

    it.effect("an unset variable names the variable, the key and the file", () =>
      Effect.gen(function*() {
        const e = yield* fails("agents:\n  a1:\n    domain: ${AGENT_DOMAIN}\n")
        assert.strictEqual(e._tag, "ConfigurationError")
        assert.strictEqual(e.key, "agents.a1.domain")
        assert.include(e.description, "AGENT_DOMAIN")
        assert.include(e.description, "line 3")
        assert.strictEqual(e.file, file)
      }))

    it.effect("a malformed reference is rejected", () =>
      Effect.gen(function*() {
        assert.strictEqual((yield* fails("project_id: ${not valid}")).key, "project_id")
        assert.strictEqual((yield* fails("project_id: x${OPEN")).key, "project_id")
      }))
  })

  describe("unknown keys", () => {
    it.effect("at the top level", () =>
      Effect.gen(function*() {
        const e = yield* fails("project_id: p\nembeding_provider: local\n")
        assert.strictEqual(e.key, "embeding_provider")
        assert.include(e.description, "unknown key; allowed keys here: project_id, storage,")
        assert.include(e.description, "did you mean \"embedding_provider\"")
        assert.include(e.description, "line 2")
        assert.strictEqual(e.file, file)
      }))

    it.effect("nested: retrieval.wieghts", () =>
      Effect.gen(function*() {
        const e = yield* fails("retrieval:\n  wieghts: { similarity: 1 }\n")
        assert.strictEqual(e.key, "retrieval.wieghts")
        assert.include(e.description, "allowed keys here: default_top_k, min_score, half_life_days, weights,")
      }))

    it.effect("inside an agent: agents.helena.can_lern", () =>
      Effect.gen(function*() {
        const e = yield* fails("agents:\n  helena:\n    can_lern: [ui_testing]\n")
        assert.strictEqual(e.key, "agents.helena.can_lern")
        assert.include(e.description, "can_learn, cannot_learn, share_with, inherit_from")
        assert.include(e.message, file)
      }))

    it.effect("inside weights and half-lives", () =>
      Effect.gen(function*() {
        assert.strictEqual((yield* fails("retrieval:\n  weights:\n    novelty: 1\n")).key, "retrieval.weights.novelty")
        const e = yield* fails("forgetting:\n  half_life_days:\n    heuristics: 10\n")
        assert.strictEqual(e.key, "forgetting.half_life_days.heuristics")
        assert.include(e.description, "heuristic, outcome, user_preference, domain_knowledge, anti_pattern")
      }))
  })

  describe("bad values", () => {
    const cases: ReadonlyArray<readonly [string, string, string]> = [
      ["retrieval:\n  default_top_k: -1\n", "retrieval.default_top_k", "got -1; allowed: an integer from 1 to 100"],
      ["retrieval:\n  min_score: 2\n", "retrieval.min_score", "got 2; allowed: a number from 0 to 1"],
      ["embedding_provider: faiss\n", "embedding_provider", "got \"faiss\"; allowed: local, transformers or hash"],
      ["storage: mysql\n", "storage", "allowed: sqlite, memory or postgres"],
      ["project_id: \"has space\"\n", "project_id", "allowed: a name"],
      ["agents:\n  a1:\n    can_learn: [ok, \"not ok\"]\n", "agents.a1.can_learn[1]", "got \"not ok\""],
      ["agents:\n  a1:\n    can_learn: ui\n", "agents.a1.can_learn", "a list of names"],
      ["agents:\n  \"bad name\": {}\n", "agents.bad name", "not a valid agent name"],
      ["retrieval: 5\n", "retrieval", "got 5; allowed: a mapping with keys default_top_k"],
      ["allow_unknown_agents: yes\n", "allow_unknown_agents", "allowed: true or false"],
      ["db_name: sub/alma.db\n", "db_name", "a file name"],
      ["retrieval:\n  half_life_days: 0\n", "retrieval.half_life_days", "greater than 0"],
      ["retrieval:\n  weights: { similarity: -1 }\n", "retrieval.weights.similarity", "a number >= 0"],
      ["safety:\n  on_flagged: block\n", "safety.on_flagged", "got \"block\"; allowed: flag or refuse"],
      ["safety: refuse\n", "safety", "allowed: a mapping with keys on_flagged"]
    ]
    for (const [text, key, description] of cases) {
      it.effect(`${key}: ${description}`, () =>
        Effect.gen(function*() {
          const e = yield* fails(text)
          assert.strictEqual(e.key, key)
          assert.include(e.description, description)
          assert.strictEqual(e.file, file)
        }))
    }

    it.effect("weights all zero", () =>
      Effect.gen(function*() {
        const e = yield* fails("retrieval:\n  weights: { similarity: 0, recency: 0, success: 0, confidence: 0 }\n")
        assert.strictEqual(e.key, "retrieval.weights")
        assert.include(e.description, "all weights are 0")
      }))

    it.effect("embedding_dim 384 with the local provider", () =>
      Effect.gen(function*() {
        const e = yield* fails("embedding_provider: local\nembedding_dim: 384\n")
        assert.strictEqual(e.key, "embedding_dim")
        assert.include(e.description, "512")
        assert.strictEqual((yield* parse("embedding_dim: 512")).embedding.dimensions, 512)
      }))

    it.effect("settings that would be ignored are rejected", () =>
      Effect.gen(function*() {
        assert.strictEqual((yield* fails("embedding_model: Xenova/all-MiniLM-L6-v2\n")).key, "embedding_model")
        assert.strictEqual((yield* fails("storage: memory\nstorage_dir: /tmp\n")).key, "storage_dir")
        assert.strictEqual((yield* parse("storage: memory\n")).storage, "memory")
      }))
  })

  describe("agent relations", () => {
    it.effect("inherit_from an agent that is not defined", () =>
      Effect.gen(function*() {
        const e = yield* fails("agents:\n  helena:\n    inherit_from: [victor]\n")
        assert.strictEqual(e.key, "agents.helena.inherit_from[0]")
        assert.include(e.description, "\"victor\" is not defined under agents")
        assert.include(e.description, "line 3")
      }))

    it.effect("inherit_from an agent that does not share with it", () =>
      Effect.gen(function*() {
        const e = yield* fails("agents:\n  victor: {}\n  helena:\n    inherit_from: [victor]\n")
        assert.strictEqual(e.key, "agents.helena.inherit_from[0]")
        assert.include(e.description, "agents.victor.share_with")
      }))

    it.effect("share_with an undefined agent, self-inheritance, can/cannot overlap", () =>
      Effect.gen(function*() {
        assert.strictEqual((yield* fails("agents:\n  a1:\n    share_with: [ghost]\n")).key, "agents.a1.share_with[0]")
        assert.strictEqual(
          (yield* fails("agents:\n  a1:\n    share_with: ['*']\n    inherit_from: [a1]\n")).key,
          "agents.a1.inherit_from[0]"
        )
        assert.strictEqual((yield* fails("agents:\n  a1:\n    can_learn: [x]\n    cannot_learn: [x]\n")).key, "agents.a1.can_learn")
      }))
  })

  describe("YAML", () => {
    it.effect("a syntax error reports the line", () =>
      Effect.gen(function*() {
        const e = yield* fails("project_id: p\nretrieval:\n  default_top_k: 5\n min_score: 0.2\n")
        assert.strictEqual(e.key, "yaml")
        assert.include(e.description, "line 4")
        assert.strictEqual(e.file, file)
      }))

    it.effect("duplicate keys and unknown tags are rejected", () =>
      Effect.gen(function*() {
        assert.include((yield* fails("project_id: a\nproject_id: b\n")).description, "unique")
        assert.include((yield* fails("project_id: !secret a\n")).description, "tag")
      }))

    it.effect("aliases are followed", () =>
      Effect.gen(function*() {
        const config = yield* parse("agents:\n  a1:\n    cannot_learn: &no [x, y]\n  a2:\n    cannot_learn: *no\n")
        assert.deepStrictEqual(config.agents[1]?.cannotLearn, ["x", "y"])
      }))

    it.effect("a document that is not a mapping", () =>
      Effect.gen(function*() {
        const e = yield* fails("- a\n- b\n")
        assert.strictEqual(e.key, "(root)")
        assert.include(e.description, "a mapping")
      }))
  })

  describe("files", () => {
    it.effect("loadConfig reads a file and resolves paths against it", () =>
      withTempDir((dir) =>
        Effect.gen(function*() {
          const cfg = path.join(dir, ".alma", "config.yaml")
          yield* Effect.promise(() => fs.mkdir(path.dirname(cfg)))
          yield* Effect.promise(() => fs.writeFile(cfg, "project_id: from-file\nstorage_dir: state\n"))
          const config = yield* loadConfig(cfg)
          assert.strictEqual(config.projectId, "from-file")
          assert.strictEqual(config.sqlitePath, path.join(dir, "state", "alma.db"))
          assert.strictEqual(config.file, cfg)
        })
      ))

    it.effect("a missing file fails with key `file` and says how to create one", () =>
      withTempDir((dir) =>
        Effect.gen(function*() {
          const cfg = path.join(dir, ".alma", "config.yaml")
          const e = yield* Effect.flip(loadConfig(cfg))
          assert.strictEqual(e.key, "file")
          assert.include(e.description, "alma init")
          assert.strictEqual(e.file, cfg)
        })
      ))

    it.effect("loadConfigOrDefault returns the defaults for a missing file", () =>
      withTempDir((dir) =>
        Effect.gen(function*() {
          const cfg = path.join(dir, ".alma", "config.yaml")
          const config = yield* loadConfigOrDefault(cfg)
          assert.deepStrictEqual(withoutPaths(config), withoutPaths(defaultConfig))
          assert.strictEqual(config.sqlitePath, path.join(dir, ".alma", "alma.db"))
          assert.strictEqual(config.file, undefined)
        })
      ))

    it.effect("loadConfigOrDefault still rejects an invalid file; a directory is unreadable", () =>
      withTempDir((dir) =>
        Effect.gen(function*() {
          const cfg = path.join(dir, "alma.yaml")
          yield* Effect.promise(() => fs.writeFile(cfg, "retrieval:\n  default_top_k: 0\n"))
          const e = yield* Effect.flip(loadConfigOrDefault(cfg))
          assert.strictEqual(e.key, "retrieval.default_top_k")
          assert.strictEqual(e.file, cfg)
          assert.strictEqual((yield* Effect.flip(loadConfig(dir))).key, "file")
        })
      ))
  })
})
