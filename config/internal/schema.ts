/**
 * The configuration file format (snake_case, as written in `.alma/config.yaml`) as a strict
 * `Schema`, and its decoding into a `ConfigurationError` that names the key, what is allowed and
 * the nearest known key for a misspelling.
 *
 * @internal
 */
import { Effect, ParseResult, Schema, SchemaAST } from "effect"
import type { ConfigurationError } from "../../src/domain/AlmaError.js"
import { Name } from "../../src/domain/Ids.js"
import type { Report } from "./report.js"
import { dotted, problem } from "./report.js"

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
export const nameAllowed = "a name: 1-128 letters, digits or _ . : -, starting with a letter or digit"
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

const Safety = container(
  Schema.Struct({ on_flagged: opt(leaf(Schema.Literal("flag", "refuse"), "flag or refuse")) }),
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

const Postgres = container(
  Schema.Struct({
    url: opt(text),
    schema: opt(leaf(Schema.String.pipe(Schema.pattern(/^[a-z_][a-z0-9_]{0,62}$/)), "a lower-case SQL identifier")),
    pool_size: opt(int(1, 1000)),
    hnsw_m: opt(int(2, 100)),
    hnsw_ef_construction: opt(int(4, 1000)),
    hnsw_ef_search: opt(int(1, 1000))
  }),
  "a mapping"
)

const Redis = container(
  Schema.Struct({ url: opt(text), key_prefix: opt(name) }),
  "a mapping"
)

// secrets: their failures describe the value (its kind, length, the position of a bad character),
// never show it, so a ConfigurationError cannot leak a token or part of one.

/** What a value is, without any of its text. */
const kindOf = (u: unknown): string =>
  typeof u === "string"
    ? `a string of ${u.length} character${u.length === 1 ? "" : "s"}`
    : u === null
    ? "nothing (null)"
    : Array.isArray(u)
    ? "a list"
    : typeof u === "object"
    ? "a mapping"
    : `a ${typeof u}`

/**
 * RFC 6750 §2.1 `b64token`: the only characters an `Authorization: Bearer` header can carry, so the
 * only ones a configured token may hold (`src/server/Auth.ts` parses headers with the same grammar).
 */
export const b64token = /^[A-Za-z0-9\-._~+/]+=*$/
/** Shortest accepted token, in characters. */
export const tokenMinLength = 16
const tokenAllowed = `a secret of at least ${tokenMinLength} characters from A-Z a-z 0-9 - . _ ~ + /, ` +
  "optionally ending in = padding (RFC 6750 b64token), e.g. ${ALMA_TOKEN} (generate one with `openssl rand -hex 32`)"

/** Why `u` is not a usable bearer token, in words that never repeat any of it. */
const tokenProblem = (u: unknown): string => {
  if (typeof u !== "string") return `got ${kindOf(u)}`
  if (u.length < tokenMinLength) return `got ${kindOf(u)}, too short`
  const space = u.search(/\s/)
  if (space >= 0) {
    const where = space === u.length - 1 ? "at its end (a trailing newline in the variable?)" : `at character ${space + 1}`
    return `it contains whitespace ${where}, which an Authorization header cannot carry, so it could never authenticate`
  }
  const body = /^[A-Za-z0-9\-._~+/]*/.exec(u)?.[0].length ?? 0
  return `character ${body + 1} is not allowed there (= may only end a token), so it could never authenticate`
}

const secretToken = Schema.String.pipe(
  Schema.minLength(tokenMinLength),
  Schema.pattern(b64token)
).annotations({
  message: (issue) => ({ message: `${tokenProblem(issue.actual)}; allowed: ${tokenAllowed}`, override: true })
})

/** A container holding a secret: its own type failure names the kind of value, not the value. */
const secretContainer = <A, I>(schema: Schema.Schema<A, I>, allowed: string): Schema.Schema<A, I> =>
  schema.annotations({ message: (issue) => `got ${kindOf(issue.actual)}; allowed: ${allowed}` })

const Token = secretContainer(
  Schema.Struct({ token: secretToken, project: name }),
  "a mapping with keys token, project"
)

/** A `Host` header form: `name`, `name:port`, `[ipv6]`, `[ipv6]:port`, or `*` (any). */
const hostName = leaf(
  Schema.String.pipe(Schema.pattern(/^(\*|(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9_]([A-Za-z0-9_.-]*[A-Za-z0-9_])?)(:\d{1,5})?)$/)),
  "a host name with an optional :port (e.g. alma.internal or alma.internal:8765), or *"
)

const Server = container(
  Schema.Struct({
    host: opt(text),
    port: opt(int(0, 65_535)),
    tokens: opt(secretContainer(Schema.Array(Token), "a list of {token, project} mappings")),
    max_body_bytes: opt(int(1_024, 104_857_600)),
    cors_origins: opt(container(Schema.Array(text), "a list of origins, e.g. [\"http://localhost:3000\"]")),
    allowed_hosts: opt(container(Schema.Array(hostName), "a list of host names, e.g. [\"alma.internal\", \"alma.internal:8765\"]")),
    max_ws_connections_per_token: opt(int(1, 100_000)),
    max_in_flight_per_token: opt(int(1, 100_000)),
    access_log: opt(leaf(Schema.Boolean, "true or false")),
    shutdown_timeout_ms: opt(int(0, 600_000))
  }),
  "a mapping"
)

const FileConfig = container(
  Schema.Struct({
    project_id: opt(name),
    storage: opt(leaf(Schema.Literal("sqlite", "memory", "postgres"), "sqlite, memory or postgres")),
    postgres: optNull(Postgres),
    cache: opt(leaf(Schema.Literal("memory", "redis"), "memory or redis")),
    redis: optNull(Redis),
    server: optNull(Server),
    storage_dir: opt(text),
    db_name: opt(leaf(Schema.String.pipe(Schema.pattern(/^(?!\.\.?$)[^/\\]+$/)), "a file name without / or \\")),
    embedding_provider: opt(leaf(Schema.Literal("local", "transformers", "hash"), "local, transformers or hash")),
    embedding_dim: optNull(int(1, 65_536)),
    embedding_model: optNull(text),
    embedding_model_dir: optNull(text),
    embedding_cache_size: opt(int(0, 10_000_000)),
    allow_unknown_agents: opt(leaf(Schema.Boolean, "true or false")),
    max_registered_agents: opt(int(0, 100_000)),
    agents: optNull(Agents),
    retrieval: optNull(Retrieval),
    learning: optNull(Learning),
    safety: optNull(Safety),
    forgetting: optNull(Forgetting)
  }),
  "a mapping of ALMA settings"
)
/** The decoded file: snake_case keys, every one optional. */
export type FileConfig = typeof FileConfig.Type

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

/** Decodes the plain settings value strictly: unknown keys and bad values fail, naming the key. */
export const decodeSettings = (settings: unknown, report: Report): Effect.Effect<FileConfig, ConfigurationError> =>
  Effect.mapError(decodeFile(settings), (e) => fromParseError(e, report))
