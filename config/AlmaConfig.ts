/**
 * Configuration loading: reads `.alma/config.yaml`, expands `${VAR}` references, validates every
 * key strictly and resolves the result into an {@link AlmaConfig}.
 *
 * The original ALMA silently ignored many of its documented keys (reference §7). Here every key
 * either takes effect or is rejected with a `ConfigurationError` naming its dotted path, the file and
 * the line. `config/default.yaml` documents every key with its default; `config/example.yaml` is a
 * worked two-agent example. This is the one module allowed to read `process.env`.
 *
 * @since 0.1.0
 */
import { Effect, ParseResult, Predicate, Schema, SchemaAST } from "effect"
import * as fs from "node:fs/promises"
import * as path from "node:path"
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, Scalar } from "yaml"
import type { Document } from "yaml"
import { AgentScope } from "../src/domain/AgentScope.js"
import { ConfigurationError } from "../src/domain/AlmaError.js"
import type { MemoryKind } from "../src/domain/Ids.js"
import { Name } from "../src/domain/Ids.js"

// model

/**
 * Storage backend: `sqlite` (a file, persistent) or `memory` (in-process, lost on exit).
 *
 * @since 0.1.0
 * @category models
 */
export type StorageKind = "sqlite" | "memory"

/**
 * Embedding provider: `local` (bundled 512-d sentence encoder), `transformers` (a Hugging Face
 * model through transformers.js) or `hash` (deterministic feature hashing, for tests and offline use).
 *
 * @since 0.1.0
 * @category models
 */
export type EmbeddingProvider = "local" | "transformers" | "hash"

/**
 * Fully resolved ALMA configuration (camelCase; every default applied, every path absolute).
 *
 * **Shape** mirrors the file keys of `config/default.yaml`; `sqlitePath` = `storage_dir` + `db_name`;
 * `retrieval.weights` sum to 1; `embedding.dimensions` is filled in for `local` (512) and `hash`
 * (default 256) and left out for `transformers` unless set (the model decides).
 * **Units** `*Days`: days; `cacheTtlSeconds`: seconds; `maxContextTokens`: tokens; sizes: entries.
 * **Source** keys of the original ALMA's `.alma/config.yaml` (reference §7), extended.
 *
 * @since 0.1.0
 * @category models
 */
export interface AlmaConfig {
  /** Project all memories belong to. */
  readonly projectId: string
  /** Storage backend. */
  readonly storage: StorageKind
  /** Absolute path of the SQLite database file (used when `storage` is `sqlite`). */
  readonly sqlitePath: string
  /** Embedding model selection. */
  readonly embedding: EmbeddingConfig
  /** Whether agents without an entry under `agents` may use ALMA (with an open default scope). */
  readonly allowUnknownAgents: boolean
  /** Configured agents, in file order. */
  readonly agents: ReadonlyArray<AgentScope>
  /** Retrieval tuning. */
  readonly retrieval: RetrievalConfig
  /** Learning tuning. */
  readonly learning: LearningConfig
  /** Forgetting policy. */
  readonly forgetting: ForgettingConfig
  /** Absolute path of the file this was loaded from, if any. */
  readonly file?: string
}

/**
 * Embedding settings.
 *
 * **Units** `dimensions`: vector length; `cacheSize`: entries (0 disables the embedding cache).
 *
 * @since 0.1.0
 * @category models
 */
export interface EmbeddingConfig {
  /** Which embedder to build. */
  readonly provider: EmbeddingProvider
  /** Vector length; absent for `transformers` unless configured. */
  readonly dimensions?: number
  /** `transformers` only: model id or folder name. */
  readonly model?: string
  /** `transformers` only: absolute local folder holding model folders (offline use). */
  readonly modelDir?: string
  /** Embedding cache capacity in entries; 0 disables it. */
  readonly cacheSize: number
}

/**
 * Retrieval settings.
 *
 * **Units** `halfLifeDays`: days; `cacheTtlSeconds`: seconds (0 disables); `maxContextTokens`:
 * tokens; `minScore` and `weights`: unitless, `weights` summing to 1.
 *
 * @since 0.1.0
 * @category models
 */
export interface RetrievalConfig {
  /** Memories returned per kind when a query gives no `k` (1..100). */
  readonly defaultTopK: number
  /** Fused-score floor below which memories are dropped (0..1). */
  readonly minScore: number
  /** Recency half-life in days: recency = 0.5 ^ (age / halfLifeDays). */
  readonly halfLifeDays: number
  /** Score fusion weights, each >= 0, summing to 1. */
  readonly weights: {
    readonly similarity: number
    readonly recency: number
    readonly success: number
    readonly confidence: number
  }
  /** Retrieval cache time-to-live in seconds; 0 disables the cache. */
  readonly cacheTtlSeconds: number
  /** Retrieval cache capacity in entries. */
  readonly cacheMaxEntries: number
  /** Token budget of the rendered prompt context. */
  readonly maxContextTokens: number
}

/**
 * Learning settings.
 *
 * **Units** `similarityThreshold`: cosine in [0, 1]; `minFailuresForAntiPattern`: count.
 *
 * @since 0.1.0
 * @category models
 */
export interface LearningConfig {
  /** Cosine at or above which two strategies count as similar when forming heuristics. */
  readonly similarityThreshold: number
  /** Similar failures needed before an anti-pattern forms. */
  readonly minFailuresForAntiPattern: number
}

/**
 * Forgetting settings.
 *
 * **Units** `olderThanDays`, `halfLifeDays`: days; `belowConfidence`: unitless in [0, 1].
 *
 * @since 0.1.0
 * @category models
 */
export interface ForgettingConfig {
  /** `forget` removes outcomes older than this many days. */
  readonly olderThanDays: number
  /** `forget` removes heuristics whose confidence is below this. */
  readonly belowConfidence: number
  /** Confidence-decay half-life per memory kind, in days. */
  readonly halfLifeDays: Readonly<Record<MemoryKind, number>>
}

/**
 * The configuration used when there is no file: the values documented in `config/default.yaml`.
 *
 * **Shape** `sqlitePath` is `<cwd>/.alma/alma.db`; no agents; no `file`.
 * **Source** `project_id`, `storage_dir`, `db_name`, `min_occurrences_for_heuristic` as in the
 * original ALMA; the rest are ALMA-TS choices documented in `config/default.yaml`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const defaultConfig: AlmaConfig = {
  projectId: "default",
  storage: "sqlite",
  sqlitePath: path.resolve(".alma", "alma.db"),
  embedding: { provider: "local", dimensions: 512, cacheSize: 10_000 },
  allowUnknownAgents: false,
  agents: [],
  retrieval: {
    defaultTopK: 5,
    minScore: 0.2,
    halfLifeDays: 30,
    weights: { similarity: 0.4, recency: 0.3, success: 0.2, confidence: 0.1 },
    cacheTtlSeconds: 300,
    cacheMaxEntries: 1000,
    maxContextTokens: 2000
  },
  learning: { similarityThreshold: 0.75, minFailuresForAntiPattern: 2 },
  forgetting: {
    olderThanDays: 90,
    belowConfidence: 0.3,
    halfLifeDays: { heuristic: 60, outcome: 30, user_preference: 365, domain_knowledge: 90, anti_pattern: 45 }
  }
}

const DEFAULT_MODEL = "Xenova/all-MiniLM-L6-v2"
const LOCAL_DIMENSIONS = 512
const HASH_DIMENSIONS = 256

// schema (the file format, snake_case)

const show = (u: unknown): string =>
  typeof u === "string"
    ? `"${u.length > 60 ? `${u.slice(0, 60)}…` : u}"`
    : u === null
    ? "nothing (null)"
    : Array.isArray(u)
    ? "a list"
    : typeof u === "object"
    ? "a mapping"
    : String(u)

/** A leaf value: any failure reads "got X; allowed: <allowed>". */
const leaf = <A, I>(schema: Schema.Schema<A, I>, allowed: string): Schema.Schema<A, I> =>
  schema.annotations({
    message: (issue) => ({ message: `got ${show(issue.actual)}; allowed: ${allowed}`, override: true })
  })

/** A container: its own type failure is explained, nested failures keep their own messages. */
const container = <A, I>(schema: Schema.Schema<A, I>, allowed: string): Schema.Schema<A, I> =>
  schema.annotations({ message: (issue) => `got ${show(issue.actual)}; allowed: ${allowed}` })

const opt = <A, I>(schema: Schema.Schema<A, I>) => Schema.optionalWith(schema, { exact: true })
const optNull = <A, I>(schema: Schema.Schema<A, I>) => Schema.optionalWith(Schema.NullOr(schema), { exact: true })

const int = (min: number, max: number) =>
  leaf(Schema.Number.pipe(Schema.int(), Schema.between(min, max)), `an integer from ${min} to ${max}`)
const unit = leaf(Schema.Number.pipe(Schema.between(0, 1)), "a number from 0 to 1")
const positive = leaf(Schema.Number.pipe(Schema.finite(), Schema.greaterThan(0)), "a number greater than 0")
const nonNegative = leaf(Schema.Number.pipe(Schema.finite(), Schema.nonNegative()), "a number >= 0")
const text = leaf(Schema.String.pipe(Schema.minLength(1)), "a non-empty string")
const nameAllowed = "a name: 1-128 letters, digits or _ . : -, starting with a letter or digit"
const name = leaf(Name, nameAllowed)
const names = container(Schema.Array(name), "a list of names, e.g. [a, b]")

const agentNames = container(
  Schema.Array(leaf(Schema.Union(Schema.Literal("*"), Name), `"*" or ${nameAllowed}`)),
  "a list of agent names or \"*\""
)

const AgentFile = container(
  Schema.Struct({
    domain: optNull(name),
    can_learn: opt(names),
    cannot_learn: opt(names),
    share_with: opt(agentNames),
    inherit_from: opt(names),
    min_occurrences_for_heuristic: opt(int(1, 1000))
  }),
  "a mapping"
)

const Agents = container(
  Schema.Record({ key: Schema.String, value: Schema.NullOr(AgentFile) }),
  "a mapping from agent name to settings"
)

const Weights = container(
  Schema.Struct({
    similarity: opt(nonNegative),
    recency: opt(nonNegative),
    success: opt(nonNegative),
    confidence: opt(nonNegative)
  }),
  "a mapping"
)

const Retrieval = container(
  Schema.Struct({
    default_top_k: opt(int(1, 100)),
    min_score: opt(unit),
    half_life_days: opt(positive),
    weights: optNull(Weights),
    cache_ttl_seconds: opt(int(0, 31_536_000)),
    cache_max_entries: opt(int(1, 1_000_000)),
    max_context_tokens: opt(int(16, 200_000))
  }),
  "a mapping"
)

const Learning = container(
  Schema.Struct({ similarity_threshold: opt(unit), min_failures_for_anti_pattern: opt(int(1, 1000)) }),
  "a mapping"
)

const HalfLives = container(
  Schema.Struct({
    heuristic: opt(positive),
    outcome: opt(positive),
    user_preference: opt(positive),
    domain_knowledge: opt(positive),
    anti_pattern: opt(positive)
  }),
  "a mapping"
)

const Forgetting = container(
  Schema.Struct({ older_than_days: opt(positive), below_confidence: opt(unit), half_life_days: optNull(HalfLives) }),
  "a mapping"
)

const FileConfig = container(
  Schema.Struct({
    project_id: opt(name),
    storage: opt(leaf(Schema.Literal("sqlite", "memory"), "sqlite or memory")),
    storage_dir: opt(text),
    db_name: opt(leaf(Schema.String.pipe(Schema.pattern(/^(?!\.\.?$)[^/\\]+$/)), "a file name without / or \\")),
    embedding_provider: opt(leaf(Schema.Literal("local", "transformers", "hash"), "local, transformers or hash")),
    embedding_dim: optNull(int(1, 65_536)),
    embedding_model: optNull(text),
    embedding_model_dir: optNull(text),
    embedding_cache_size: opt(int(0, 10_000_000)),
    allow_unknown_agents: opt(leaf(Schema.Boolean, "true or false")),
    agents: optNull(Agents),
    retrieval: optNull(Retrieval),
    learning: optNull(Learning),
    forgetting: optNull(Forgetting)
  }),
  "a mapping of ALMA settings"
)
type FileConfig = typeof FileConfig.Type

const decodeFile = Schema.decodeUnknown(FileConfig, { onExcessProperty: "error", errors: "all" })

/** Keys allowed in the mapping at `at`, read off the schema so the list never drifts. */
const keysAt = (ast: SchemaAST.AST, at: ReadonlyArray<PropertyKey>): ReadonlyArray<string> => {
  switch (ast._tag) {
    case "Refinement":
    case "Transformation":
      return keysAt(ast.from, at)
    case "Union":
      return ast.types.flatMap((member) => keysAt(member, at))
    case "TypeLiteral": {
      if (at.length === 0) return ast.propertySignatures.map((p) => String(p.name))
      const [head, ...rest] = at
      const prop = ast.propertySignatures.find((p) => p.name === head)
      return prop ? keysAt(prop.type, rest) : ast.indexSignatures.flatMap((s) => keysAt(s.type, rest))
    }
    default:
      return []
  }
}

const distance = (a: string, b: string): number => {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const next = [i]
    for (let j = 1; j <= b.length; j++) {
      next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1))
    }
    row = next
  }
  return row[b.length]!
}

// yaml → plain value, with ${VAR} expansion and line numbers

type Segment = string | number
type Env = Readonly<Record<string, string | undefined>>

const dotted = (at: ReadonlyArray<PropertyKey>): string =>
  at.length === 0
    ? "(root)"
    : at.map((s, i) => (typeof s === "number" ? `[${s}]` : i === 0 ? String(s) : `.${String(s)}`)).join("")

const parentKey = (key: string): string => {
  const last = /(?:\.[^.[]*|\[\d+\])$/.exec(key)
  return last === null ? "" : key.slice(0, last.index)
}

/** Where errors are reported: the file, and the line of every key and list item seen. */
interface Report {
  readonly file: string | undefined
  readonly lines: Map<string, number>
}

const problem = (report: Report, key: string, description: string): ConfigurationError => {
  let line: number | undefined
  for (let k = key; line === undefined && k !== ""; k = parentKey(k)) line = report.lines.get(k)
  return new ConfigurationError({
    key,
    description: line === undefined ? description : `${description} (line ${line})`,
    ...(report.file === undefined ? {} : { file: report.file })
  })
}

interface Walk extends Report {
  readonly env: Env
  readonly doc: Document.Parsed
  readonly lineOf: (offset: number) => number
}

const reference = /\$\$\{|\$\{([^}]*)\}|\$\{/g
const variable = /^([A-Za-z_][A-Za-z0-9_]*)(?::-([\s\S]*))?$/

/** Expands `${VAR}`, `${VAR:-default}` (default when unset or empty) and the escape `$${`. */
const expand = (value: string, key: string, walk: Walk): Effect.Effect<string, ConfigurationError> => {
  let failure: string | undefined
  const out = value.replace(reference, (match: string, inner: string | undefined) => {
    if (match === "$${") return "${"
    const parsed = inner === undefined ? null : variable.exec(inner)
    if (parsed === null) {
      failure ??= `malformed variable reference "${match}"; write \${NAME} or \${NAME:-default} ($\${ is a literal \${)`
      return match
    }
    const [, name = "", fallback] = parsed
    const set = walk.env[name]
    if (fallback !== undefined) return set === undefined || set === "" ? fallback : set
    if (set === undefined) failure ??= `environment variable ${name} is not set; set it or write \${${name}:-default}`
    return set ?? match
  })
  return failure === undefined ? Effect.succeed(out) : Effect.fail(problem(walk, key, failure))
}

/** YAML 1.2 core-schema reading of a plain scalar, so `${N}` can stand for a number or boolean. */
const plainScalar = (s: string): unknown => {
  if (/^(?:~|null|Null|NULL)?$/.test(s)) return null
  if (/^(?:true|True|TRUE)$/.test(s)) return true
  if (/^(?:false|False|FALSE)$/.test(s)) return false
  if (/^0o[0-7]+$/.test(s)) return parseInt(s.slice(2), 8)
  if (/^0x[0-9a-fA-F]+$/.test(s)) return parseInt(s.slice(2), 16)
  if (/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/.test(s)) return Number(s)
  if (/^[-+]?\.(?:inf|Inf|INF)$/.test(s)) return s.startsWith("-") ? -Infinity : Infinity
  if (/^\.(?:nan|NaN|NAN)$/.test(s)) return NaN
  return s
}

const toPlain = (
  node: unknown,
  at: ReadonlyArray<Segment>,
  walk: Walk,
  depth = 0
): Effect.Effect<unknown, ConfigurationError> =>
  Effect.gen(function*() {
    if (depth > 64) return yield* problem(walk, dotted(at), "nested too deeply (recursive alias?)")
    if (isAlias(node)) return yield* toPlain(node.resolve(walk.doc), at, walk, depth + 1)
    if (isMap(node)) {
      const out: Record<string, unknown> = {}
      for (const pair of node.items) {
        if (!isScalar(pair.key) || pair.key.value === null || typeof pair.key.value === "object") {
          return yield* problem(walk, dotted(at), "every key must be a plain name")
        }
        const child = [...at, String(pair.key.value)]
        if (pair.key.range) walk.lines.set(dotted(child), walk.lineOf(pair.key.range[0]))
        out[String(pair.key.value)] = yield* toPlain(pair.value, child, walk, depth + 1)
      }
      return out
    }
    if (isSeq(node)) {
      const out: Array<unknown> = []
      for (const [i, item] of node.items.entries()) {
        const child = [...at, i]
        if ((isScalar(item) || isMap(item) || isSeq(item) || isAlias(item)) && item.range) {
          walk.lines.set(dotted(child), walk.lineOf(item.range[0]))
        }
        out.push(yield* toPlain(item, child, walk, depth + 1))
      }
      return out
    }
    if (isScalar(node)) {
      if (typeof node.value !== "string" || !node.value.includes("${")) return node.value
      const expanded = yield* expand(node.value, dotted(at), walk)
      const whole = node.type === Scalar.PLAIN && /^\$\{[^}]*\}$/.test(node.value)
      return whole ? plainScalar(expanded) : expanded
    }
    return null
  })

// validation

const fromParseError = (error: ParseResult.ParseError, report: Report): ConfigurationError => {
  const issue = ParseResult.ArrayFormatter.formatErrorSync(error)[0]
  if (issue === undefined) return problem(report, "(root)", "invalid configuration")
  const key = dotted(issue.path)
  if (issue._tag !== "Unexpected") {
    const keys = keysAt(FileConfig.ast, issue.path)
    const withKeys = keys.length > 0 && issue.message.endsWith("a mapping")
    return problem(report, key, withKeys ? `${issue.message} with keys ${keys.join(", ")}` : issue.message)
  }
  const allowed = keysAt(FileConfig.ast, issue.path.slice(0, -1))
  const near = allowed.find((k) => distance(k, String(issue.path[issue.path.length - 1])) <= 2)
  const hint = near === undefined ? "" : ` (did you mean "${near}"?)`
  return problem(report, key, `unknown key; allowed keys here: ${allowed.join(", ")}${hint}`)
}

const checkEmbedding = (f: FileConfig, base: string, report: Report) =>
  Effect.gen(function*() {
    const provider = f.embedding_provider ?? defaultConfig.embedding.provider
    const dim = f.embedding_dim ?? undefined
    if (provider === "local" && dim !== undefined && dim !== LOCAL_DIMENSIONS) {
      return yield* problem(
        report,
        "embedding_dim",
        `the local provider produces ${LOCAL_DIMENSIONS}-dimensional vectors; got ${dim}; set 512 or remove the key`
      )
    }
    if (provider === "hash" && dim !== undefined && (dim < 16 || dim > 4096)) {
      const allowed = "allowed for the hash provider: an integer from 16 to 4096"
      return yield* problem(report, "embedding_dim", `got ${dim}; ${allowed}`)
    }
    if (provider !== "transformers") {
      for (const key of ["embedding_model", "embedding_model_dir"] as const) {
        if (f[key] != null) {
          const why = `only used with embedding_provider: transformers (here ${provider})`
          return yield* problem(report, key, `${why}; remove it or set it to null`)
        }
      }
    }
    const dimensions = provider === "local" ? LOCAL_DIMENSIONS : provider === "hash" ? dim ?? HASH_DIMENSIONS : dim
    const modelDir = provider === "transformers" && f.embedding_model_dir != null
      ? path.resolve(base, f.embedding_model_dir)
      : undefined
    const embedding: EmbeddingConfig = {
      provider,
      ...(dimensions === undefined ? {} : { dimensions }),
      ...(provider === "transformers" ? { model: f.embedding_model ?? DEFAULT_MODEL } : {}),
      ...(modelDir === undefined ? {} : { modelDir }),
      cacheSize: f.embedding_cache_size ?? defaultConfig.embedding.cacheSize
    }
    return embedding
  })

const checkAgents = (agents: NonNullable<FileConfig["agents"]>, report: Report) =>
  Effect.gen(function*() {
    const defined = Object.keys(agents)
    const scopes: Array<AgentScope> = []
    for (const [agent, a] of Object.entries(agents)) {
      const key = `agents.${agent}`
      if (!Schema.is(Name)(agent)) return yield* problem(report, key, `not a valid agent name; allowed: ${nameAllowed}`)
      const canLearn = a?.can_learn ?? []
      const cannotLearn = a?.cannot_learn ?? []
      const shareWith = a?.share_with ?? []
      const inheritFrom = a?.inherit_from ?? []
      const both = canLearn.find((x) => cannotLearn.includes(x))
      if (both !== undefined) {
        const fix = "remove it from one of the lists"
        return yield* problem(report, `${key}.can_learn`, `"${both}" is also in cannot_learn, which wins; ${fix}`)
      }
      for (const [i, other] of shareWith.entries()) {
        if (other !== "*" && !defined.includes(other)) {
          const hint = "define it, or use \"*\" to share with every agent that inherits"
          return yield* problem(report, `${key}.share_with[${i}]`, `"${other}" is not defined under agents; ${hint}`)
        }
      }
      for (const [i, source] of inheritFrom.entries()) {
        const at = `${key}.inherit_from[${i}]`
        const others = defined.filter((x) => x !== agent).join(", ") || "(no other agents)"
        if (source === agent) return yield* problem(report, at, "an agent always reads its own memories; remove it")
        if (!defined.includes(source)) {
          return yield* problem(report, at, `"${source}" is not defined under agents; allowed: ${others}`)
        }
        if (!(agents[source]?.share_with ?? []).some((x) => x === "*" || x === agent)) {
          const fix = `add ${agent} to agents.${source}.share_with`
          return yield* problem(report, at, `"${source}" does not share with "${agent}", so this has no effect; ${fix}`)
        }
      }
      scopes.push(AgentScope.make({
        agent,
        ...(a?.domain == null ? {} : { domain: a.domain }),
        canLearn,
        cannotLearn,
        shareWith,
        inheritFrom,
        minOccurrencesForHeuristic: a?.min_occurrences_for_heuristic ?? 3
      }))
    }
    return scopes
  })

const checkWeights = (retrieval: FileConfig["retrieval"], report: Report) => {
  const w = { ...defaultConfig.retrieval.weights, ...retrieval?.weights }
  const total = w.similarity + w.recency + w.success + w.confidence
  if (!(total > 0)) {
    const allowed = "at least one of similarity, recency, success, confidence must be > 0"
    return Effect.fail(problem(report, "retrieval.weights", `all weights are 0; ${allowed}`))
  }
  // Weights already summing to 1 (up to float error, e.g. the defaults) are kept exactly.
  const sum = Math.abs(total - 1) < 1e-9 ? 1 : total
  return Effect.succeed({
    similarity: w.similarity / sum,
    recency: w.recency / sum,
    success: w.success / sum,
    confidence: w.confidence / sum
  })
}

const resolve = (f: FileConfig, base: string, report: Report): Effect.Effect<AlmaConfig, ConfigurationError> =>
  Effect.gen(function*() {
    const d = defaultConfig
    const storage = f.storage ?? d.storage
    if (storage === "memory") {
      for (const key of ["storage_dir", "db_name"] as const) {
        if (f[key] !== undefined) {
          return yield* problem(report, key, "only used with storage: sqlite; remove it or set storage: sqlite")
        }
      }
    }
    const embedding = yield* checkEmbedding(f, base, report)
    const agents = yield* checkAgents(f.agents ?? {}, report)
    const weights = yield* checkWeights(f.retrieval, report)
    const r = f.retrieval ?? {}
    const fg = f.forgetting ?? {}
    return {
      projectId: f.project_id ?? d.projectId,
      storage,
      sqlitePath: path.resolve(base, f.storage_dir ?? ".alma", f.db_name ?? "alma.db"),
      embedding,
      allowUnknownAgents: f.allow_unknown_agents ?? d.allowUnknownAgents,
      agents,
      retrieval: {
        defaultTopK: r.default_top_k ?? d.retrieval.defaultTopK,
        minScore: r.min_score ?? d.retrieval.minScore,
        halfLifeDays: r.half_life_days ?? d.retrieval.halfLifeDays,
        weights,
        cacheTtlSeconds: r.cache_ttl_seconds ?? d.retrieval.cacheTtlSeconds,
        cacheMaxEntries: r.cache_max_entries ?? d.retrieval.cacheMaxEntries,
        maxContextTokens: r.max_context_tokens ?? d.retrieval.maxContextTokens
      },
      learning: {
        similarityThreshold: f.learning?.similarity_threshold ?? d.learning.similarityThreshold,
        minFailuresForAntiPattern: f.learning?.min_failures_for_anti_pattern ?? d.learning.minFailuresForAntiPattern
      },
      forgetting: {
        olderThanDays: fg.older_than_days ?? d.forgetting.olderThanDays,
        belowConfidence: fg.below_confidence ?? d.forgetting.belowConfidence,
        halfLifeDays: { ...d.forgetting.halfLifeDays, ...fg.half_life_days }
      },
      ...(report.file === undefined ? {} : { file: report.file })
    }
  })

/** Directory relative `storage_dir` and `embedding_model_dir` resolve against. */
const baseDir = (file: string | undefined): string => {
  if (file === undefined) return process.cwd()
  const dir = path.dirname(path.resolve(file))
  return path.basename(dir) === ".alma" ? path.dirname(dir) : dir
}

/** The settings node: the document, or the value of its `alma:` wrapper. */
const settingsOf = (walk: Walk): Effect.Effect<unknown, ConfigurationError> => {
  const root = walk.doc.contents
  if (!isMap(root)) return Effect.succeed(root)
  const wrapper = root.items.find((p) => isScalar(p.key) && p.key.value === "alma")
  if (wrapper === undefined) return Effect.succeed(root)
  const stray = root.items.find((p) => p !== wrapper)
  if (stray === undefined) return Effect.succeed(wrapper.value)
  const key = isScalar(stray.key) ? String(stray.key.value) : "(root)"
  const line = isScalar(stray.key) && stray.key.range ? ` (line ${walk.lineOf(stray.key.range[0])})` : ""
  const rule = "when the file uses the alma: wrapper every setting goes inside it"
  return Effect.fail(
    new ConfigurationError({
      key,
      description: `unknown key next to "alma:"; ${rule}${line}`,
      ...(walk.file === undefined ? {} : { file: walk.file })
    })
  )
}

const parseWith = (text: string, file: string | undefined, base: string, env: Env) =>
  Effect.gen(function*() {
    const counter = new LineCounter()
    const doc = parseDocument(text, { lineCounter: counter })
    const walk: Walk = { file, env, doc, lines: new Map(), lineOf: (offset) => counter.linePos(offset).line }
    const bad = doc.errors[0] ?? doc.warnings[0]
    if (bad !== undefined) {
      const first = bad.message.split("\n")[0]?.replace(/:$/, "") ?? bad.code
      return yield* problem(walk, "yaml", `YAML syntax error: ${first}; fix the file (it must be one YAML mapping)`)
    }
    const plain = (yield* toPlain(yield* settingsOf(walk), [], walk)) ?? {}
    const decoded = yield* Effect.mapError(decodeFile(plain), (e) => fromParseError(e, walk))
    return yield* resolve(decoded, base, walk)
  })

// api

/**
 * Options of {@link parseConfig}.
 *
 * **Shape** `file`: the path the text came from (named in errors; relative `storage_dir` resolves
 * against it, see {@link parseConfig}); `env`: variables for `${VAR}` expansion (default `process.env`).
 *
 * @since 0.1.0
 * @category models
 */
export interface ParseOptions {
  /** Path the text was read from; named in errors and recorded as `AlmaConfig.file`. */
  readonly file?: string | undefined
  /** Variables for `${VAR}` expansion; default `process.env`. */
  readonly env?: Readonly<Record<string, string | undefined>> | undefined
}

/**
 * Parses and validates the text of a configuration file. Pure apart from reading `process.env`
 * when `options.env` is not given.
 *
 * **Shape** YAML mapping of snake_case keys (see `config/default.yaml`), optionally wrapped in a
 * top-level `alma:` mapping; an empty document means all defaults. Missing keys take their defaults;
 * partial `weights` and `half_life_days` mappings are merged with the defaults, then `weights` are
 * renormalised to sum 1.
 * - Paths: a relative `storage_dir` (and `embedding_model_dir`) resolves against the project
 *   directory: the parent of the `.alma` folder when the file lives in one (`/p/.alma/config.yaml` →
 *   `/p`), else the file's own directory; without `file`, the current directory.
 * - Variables: any string value may use `${VAR}` or `${VAR:-default}` (default used when `VAR` is
 *   unset or empty); `$${` is a literal `${`. A plain (unquoted) value that is exactly one reference
 *   is read as if the variable's text were written there (`${N}` with `N=5` is the number 5); quoted
 *   or embedded references always give strings. Keys are never expanded.
 * **Errors** `ConfigurationError` with `key` the dotted path (`retrieval.weights.similarity`,
 * `agents.helena.inherit_from[0]`), or `yaml` for a syntax error; the description says what was
 * wrong, what is allowed and the line. Raised for: YAML syntax errors; unknown keys; bad values; an
 * unset variable; `embedding_dim` other than 512 with `local` (16–4096 with `hash`); `embedding_model*`
 * without `transformers`; `storage_dir`/`db_name` with `storage: memory`; all-zero weights; an agent
 * in both `can_learn` and `cannot_learn`; `share_with`/`inherit_from` naming an undefined agent;
 * `inherit_from` an agent that does not share with this one (it would have no effect).
 * **Source** the original ALMA's `ConfigLoader` format (reference §7), made strict: the original
 * ignored unknown keys and left unset variables verbatim.
 *
 * @example
 * ```ts
 * const config = yield* parseConfig("retrieval:\n  default_top_k: 8\n", { env: {} })
 * ```
 *
 * @since 0.1.0
 * @category constructors
 */
export const parseConfig = Effect.fn("AlmaConfig.parse")(function*(text: string, options?: ParseOptions) {
  const file = options?.file
  return yield* parseWith(text, file, baseDir(file), options?.env ?? process.env)
})

/** The file's text, or `undefined` when it does not exist. */
const readText = (file: string): Effect.Effect<string | undefined, ConfigurationError> =>
  Effect.tryPromise({ try: () => fs.readFile(file, "utf8"), catch: (cause) => cause }).pipe(
    Effect.catchAll((cause) =>
      Predicate.hasProperty(cause, "code") && cause.code === "ENOENT"
        ? Effect.succeed(undefined)
        : Effect.fail(
          new ConfigurationError({
            key: "file",
            description: `cannot read the file: ${cause instanceof Error ? cause.message : String(cause)}`,
            file
          })
        )
    )
  )

/**
 * Reads and parses a configuration file (see {@link parseConfig} for the format and rules).
 *
 * **Errors** `ConfigurationError` with key `file` when the file is missing (create one with
 * `alma init`) or unreadable; otherwise as {@link parseConfig}.
 *
 * @example
 * ```ts
 * const config = yield* loadConfig(".alma/config.yaml")
 * ```
 *
 * @since 0.1.0
 * @category constructors
 */
export const loadConfig = Effect.fn("AlmaConfig.load")(function*(file: string) {
  const absolute = path.resolve(file)
  const text = yield* readText(absolute)
  if (text === undefined) {
    return yield* new ConfigurationError({
      key: "file",
      description: "no configuration file here; create one with `alma init` (or copy config/default.yaml)",
      file: absolute
    })
  }
  return yield* parseWith(text, absolute, baseDir(absolute), process.env)
})

/**
 * Like {@link loadConfig}, but a missing file yields the defaults, with `sqlitePath` resolved as if
 * the file existed (`/p/.alma/config.yaml` → `/p/.alma/alma.db`) and no `file`.
 *
 * **Errors** `ConfigurationError` for an unreadable or invalid file, as {@link loadConfig}.
 *
 * @since 0.1.0
 * @category constructors
 */
export const loadConfigOrDefault = Effect.fn("AlmaConfig.loadOrDefault")(function*(file: string) {
  const absolute = path.resolve(file)
  const text = yield* readText(absolute)
  return text === undefined
    ? yield* parseWith("", undefined, baseDir(absolute), {})
    : yield* parseWith(text, absolute, baseDir(absolute), process.env)
})
