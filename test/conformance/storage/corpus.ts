/**
 * The fixed corpus of the ranking suite: 40 hand-written memories of a web team (agent `alice`, a few
 * of `bob`, preferences of user `u1`), each with a hand-made vector over eight topics, plus the
 * queries run against it.
 *
 * Vector topics (one per component): 0 cache, 1 timeouts, 2 databases, 3 tests, 4 queues and jobs,
 * 5 security, 6 billing, 7 deploys. Some memories share a vector on purpose (ties).
 *
 * The texts are written so that any BM25 of the port's family ranks them alike: query words occur in
 * exactly one surface form (no plural or inflection another backend could stem together), relevance
 * steps by term frequency among documents of similar length, and multi-word queries are won by the
 * memories holding every word.
 */
import type { MemoryKind } from "../../../src/domain/Ids.js"
import type { Memory } from "../../../src/domain/Memory.js"
import { build } from "./fixtures.js"

const DAY = 86_400_000

/** The clock of the engine comparison (epoch ms): memory ages are counted back from it. */
export const NOW = 120 * DAY

/** One corpus memory: kind, number, owner, main text, second field, topic vector, confidence, age in days. */
type Row = readonly [MemoryKind, number, string, string, string, ReadonlyArray<number>, number, number]

const rows: ReadonlyArray<Row> = [
  // heuristics: condition, strategy
  ["heuristic", 1, "alice", "cache misses spike after a deploy", "warm the cache before switching traffic and watch the cache hit ratio", [3, 0, 0, 0, 0, 0, 0, 1], 0.9, 3],
  ["heuristic", 2, "alice", "login page slow under load", "add an index on the sessions table and cache the user lookup", [1, 1, 2, 0, 0, 1, 0, 0], 0.7, 10],
  ["heuristic", 3, "alice", "migration locks the orders table", "run the migration in small steps at night with a rollback script ready", [0, 0, 3, 0, 0, 0, 0, 1], 0.8, 20],
  ["heuristic", 4, "alice", "flaky test in the payment suite", "quarantine the flaky test and fix the clock it depends on", [0, 0, 0, 3, 0, 0, 1, 0], 0.6, 5],
  ["heuristic", 5, "alice", "queue grows during the nightly import", "scale the queue workers and cap the import batch size", [0, 0, 0, 0, 3, 0, 0, 0], 0.75, 40],
  ["heuristic", 6, "alice", "certificate expiry goes unnoticed", "renew the certificate a month early and alert well before the date", [0, 0, 0, 0, 0, 3, 0, 0], 0.85, 60],
  ["heuristic", 7, "alice", "timeout on the invoice export", "stream the invoice rows and raise the request timeout", [0, 2, 0, 0, 0, 0, 2, 0], 0.65, 15],
  ["heuristic", 8, "alice", "search is slow on large accounts", "add a covering index and drop the unused index", [1, 1, 2, 0, 0, 1, 0, 0], 0.7, 25],
  ["heuristic", 9, "alice", "a deploy fails halfway through", "keep a rollback plan and release behind a flag", [0, 0, 0, 0, 0, 0, 0, 3], 0.95, 2],
  ["heuristic", 10, "alice", "stale cache after a price change", "purge the cache key when a price is edited", [3, 0, 0, 0, 0, 0, 1, 0], 0.8, 30],
  ["heuristic", 11, "bob", "cache stampede at midnight", "add jitter to the cache expiry of every key", [3, 0, 0, 0, 0, 0, 0, 1], 0.9, 1],
  // anti-patterns: pattern, why bad
  ["anti_pattern", 21, "alice", "retrying a timeout forever", "a retry loop without a cap turns one timeout into an outage", [0, 3, 0, 0, 1, 0, 0, 0], 0, 8],
  ["anti_pattern", 22, "alice", "skipping the migration dry run", "a migration that fails in production leaves no rollback", [0, 0, 3, 0, 0, 0, 0, 1], 0, 12],
  ["anti_pattern", 23, "alice", "disabling a flaky test", "the bug behind the flaky test ships to users", [0, 0, 0, 3, 0, 0, 0, 0], 0, 4],
  ["anti_pattern", 24, "alice", "keeping the login token in local storage", "a stolen token outlives the session", [0, 0, 0, 0, 0, 3, 0, 0], 0, 50],
  ["anti_pattern", 25, "alice", "one giant queue for every job", "slow jobs starve the urgent ones in the queue", [0, 0, 0, 0, 3, 0, 0, 0], 0, 35],
  ["anti_pattern", 26, "alice", "editing an index in production by hand", "the next migration drops it without a trace", [0, 0, 3, 0, 0, 0, 0, 0], 0, 70],
  // domain knowledge: fact, domain
  ["domain_knowledge", 31, "alice", "the cache cluster holds sessions for thirty minutes", "infra", [3, 0, 0, 0, 0, 1, 0, 0], 0.9, 6],
  ["domain_knowledge", 32, "alice", "the load balancer closes idle connections after a sixty second timeout", "infra", [0, 3, 0, 0, 0, 0, 0, 0], 0.8, 14],
  ["domain_knowledge", 33, "alice", "every invoice is final once it is sent to the customer", "billing", [0, 0, 0, 0, 0, 0, 3, 0], 1, 45],
  ["domain_knowledge", 34, "alice", "the invoice number sequence must never skip a value", "billing", [0, 0, 1, 0, 0, 0, 3, 0], 0.9, 90],
  ["domain_knowledge", 35, "alice", "the orders table has a partial index on open orders", "database", [0, 0, 3, 0, 0, 0, 0, 0], 0.7, 22],
  ["domain_knowledge", 36, "alice", "a schema migration takes a metadata lock on the whole table", "database", [0, 0, 3, 0, 0, 0, 0, 0], 0.8, 33],
  ["domain_knowledge", 37, "alice", "the certificate for the api domain comes from the internal authority", "security", [0, 0, 0, 0, 0, 3, 0, 0], 0.6, 80],
  ["domain_knowledge", 38, "alice", "a login attempt is blocked after five failures within an hour", "security", [0, 0, 0, 0, 0, 3, 0, 0], 0.95, 9],
  ["domain_knowledge", 39, "alice", "the email queue is drained by three workers", "jobs", [0, 0, 0, 0, 3, 0, 0, 0], 0.85, 18],
  ["domain_knowledge", 40, "alice", "a job that fails three times moves to the dead letter queue", "jobs", [0, 0, 0, 0, 3, 0, 0, 0], 0.75, 27],
  ["domain_knowledge", 41, "bob", "the cache cluster runs in two zones", "infra", [3, 0, 0, 0, 0, 0, 0, 0], 0.9, 3],
  // outcomes: task, strategy used; confidence ≥ 0.5 means success
  ["outcome", 51, "alice", "restore the cache after the outage", "replayed the cache warmup job", [3, 0, 0, 0, 1, 0, 0, 0], 1, 7],
  ["outcome", 52, "alice", "ship the billing migration", "ran the migration behind a feature flag with a rollback ready", [0, 0, 2, 0, 0, 0, 1, 2], 1, 11],
  ["outcome", 53, "alice", "fix the flaky login test", "replaced the sleep with a wait for the login form", [0, 0, 0, 3, 0, 1, 0, 0], 0, 16],
  ["outcome", 54, "alice", "speed up the invoice search", "added an index on the invoice date", [0, 0, 2, 0, 0, 0, 2, 0], 1, 21],
  ["outcome", 55, "alice", "drain the stuck queue", "restarted the queue consumer with a smaller prefetch", [0, 0, 0, 0, 3, 0, 0, 0], 0, 29],
  ["outcome", 56, "alice", "rotate the old certificate", "issued a new certificate and reloaded the proxy", [0, 0, 0, 0, 0, 3, 0, 0], 1, 44],
  // preferences of u1: preference, category
  ["user_preference", 61, "u1", "short answers with a code sample first", "style", [0, 0, 0, 0, 0, 0, 0, 0.5], 1, 5],
  ["user_preference", 62, "u1", "show the cache dashboard rather than raw logs", "tools", [3, 0, 0, 0, 0, 0, 0, 0], 0.9, 13],
  ["user_preference", 63, "u1", "always mention the rollback plan for a migration", "review", [0, 0, 2, 0, 0, 0, 0, 2], 1, 24],
  ["user_preference", 64, "u1", "mark a flaky test instead of deleting it", "quality", [0, 0, 0, 3, 0, 0, 0, 0], 0.8, 36],
  ["user_preference", 65, "u1", "page only for a certificate that ends within a week", "alerts", [0, 0, 0, 0, 0, 3, 0, 0], 0.7, 48],
  ["user_preference", 66, "u1", "no emoji in commit messages", "style", [0, 0, 0, 0, 0, 0, 0, 1], 1, 60]
]

/** A corpus memory with its topic vector (components as written; normalise before storing). */
export interface CorpusEntry {
  readonly memory: Memory
  readonly topics: ReadonlyArray<number>
}

/** The corpus, in project `proj-a`. */
export const corpus: ReadonlyArray<CorpusEntry> = rows.map(([kind, n, owner, text, detail, topics, confidence, age]) => ({
  memory: build[kind]({ n, owner, text, detail, confidence, at: NOW - age * DAY }),
  topics
}))

/** Lexical queries (storage level): single words, graded by term frequency, and word pairs. */
export const lexicalQueries: ReadonlyArray<string> = [
  "cache",
  "flaky",
  "migration",
  "index",
  "queue",
  "certificate",
  "invoice timeout",
  "migration rollback",
  "login",
  "cache index",
  "How do I renew the certificate?"
]

/** Vector queries (storage level), as topic vectors. */
export const vectorQueries: ReadonlyArray<ReadonlyArray<number>> = [
  [1, 0, 0, 0, 0, 0, 0, 0],
  [0, 0, 1, 0, 0, 0, 0, 0],
  [0, 0, 1, 0, 0, 0, 0, 1],
  [1, 1, 1, 0, 0, 0, 0, 0],
  [0, 0, 0, 1, 0, 1, 0, 0],
  [0, 1, 0, 0, 0, 0, 1, 0],
  [-1, 0, 0, 0, 1, 0, 0, 0],
  [0, 0, 0, 0, 0, 0, 0, 1]
]

/** Tasks of the engine comparison (full hybrid retrieval, hash embeddings of the texts). */
export const tasks: ReadonlyArray<string> = [
  "warm the cache after a deploy",
  "the flaky login test fails again",
  "plan the migration rollback",
  "invoice export ends in a timeout",
  "the queue backlog",
  "renew the certificate"
]
