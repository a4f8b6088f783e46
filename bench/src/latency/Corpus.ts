/**
 * Synthetic corpus of the latency benchmarks (`npm run bench -- latency`, and the latency workload of
 * `npm run bench -- peers`): a seeded PRNG, word lists and the text generators for every memory kind
 * and for queries. Texts are built from a ~700-word vocabulary sampled with a Zipf distribution,
 * so FTS5 sees frequent and rare terms, and queries share terms with stored texts.
 *
 * @since 0.1.0
 */
import { fnv1a, mix32 } from "./Hash.js"

/** 32-bit FNV-1a of a string (re-exported for the generators). */
export { fnv1a }

/** A seeded PRNG (mulberry32): deterministic runs, no global randomness. */
export interface Rng {
  readonly next: () => number
  readonly int: (n: number) => number
  readonly pick: <A>(items: ReadonlyArray<A>) => A
}

export const rng = (seed: number): Rng => {
  let a = seed >>> 0
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (n: number) => Math.floor(next() * n)
  return { next, int, pick: (items) => items[int(items.length)]! }
}

/** 16 random-looking hex digits derived from an integer (ids that do not insert in key order). */
export const hex16 = (i: number, salt: number): string =>
  mix32(i ^ mix32(salt)).toString(16).padStart(8, "0") + mix32(i + 0x9e3779b9 + salt).toString(16).padStart(8, "0")

const words = (s: string): ReadonlyArray<string> => s.trim().split(/\s+/)

/** Task types, each with its own topic words. */
export const taskTopics: ReadonlyArray<readonly [string, ReadonlyArray<string>]> = ([
  ["form_testing", "form field input submit validation signup checkout dropdown checkbox placeholder captcha wizard"],
  ["api_testing", "endpoint payload status response contract graphql rest pagination json schema versioning mock"],
  ["database_migration", "migration column table foreign constraint rollback backfill postgres replica dump ddl index"],
  ["ui_rendering", "component render layout flexbox grid animation reflow paint hydration viewport css theme"],
  ["authentication", "login password oauth token session mfa sso jwt refresh credential lockout passkey"],
  ["payment_processing", "payment invoice refund card stripe currency charge settlement chargeback ledger tax checkout"],
  ["search_indexing", "search index ranking tokenizer synonym query relevance facet stemming shard crawler snippet"],
  ["email_delivery", "email smtp bounce template inbox spam dkim newsletter unsubscribe attachment mailer queue"],
  ["file_upload", "upload file multipart chunk bucket thumbnail mime virus scan resumable storage quota"],
  ["caching", "cache eviction ttl redis invalidation stampede warmup memcached hit miss key entry"],
  ["deployment", "deploy release canary rollout container kubernetes helm pipeline artifact cluster blue green"],
  ["logging", "log trace span logger verbosity rotation structured correlation sampling exporter collector level"],
  ["performance_tuning", "latency throughput profiler flamegraph allocation heap cpu bottleneck benchmark p95 memory"],
  ["accessibility", "screen reader aria contrast focus keyboard label alt landmark heading caption tabindex"],
  ["localization", "locale translation plural currency timezone rtl string catalog fallback unicode format date"],
  ["data_import", "import csv row parser encoding delimiter mapping dedupe staging validation spreadsheet batch"],
  ["report_generation", "report chart pdf export aggregate pivot dashboard summary filter column total monthly"],
  ["notification", "notification push sms webhook subscriber digest badge alert channel delivery preference toast"],
  ["session_management", "session cookie expiry idle renewal storage sticky affinity logout tab concurrency csrf"],
  ["rate_limiting", "rate limit quota throttle bucket burst window retry backoff 429 client tenant"],
  ["image_processing", "image resize crop thumbnail jpeg webp exif compression watermark pixel gallery upload"],
  ["scheduling", "schedule cron job calendar recurrence reminder timezone worker delay queue trigger slot"],
  ["backup_restore", "backup restore snapshot archive retention encryption replica disaster recovery checksum volume"],
  ["dependency_upgrade", "dependency upgrade version semver lockfile changelog breaking deprecation package patch audit"]
] as const).map(([t, w]) => [t, words(w)] as const)

export const taskTypes: ReadonlyArray<string> = taskTopics.map(([t]) => t)

const verbs = words(`test check verify validate fix debug investigate refactor update migrate deploy configure measure
  profile review implement add remove replace retry reproduce document monitor optimize audit rollback parse render load
  seed mock stub patch upgrade trace isolate compare clean rename split merge throttle schedule export import sync restore
  stabilize harden simplify automate`)
const adjectives = words(`slow flaky intermittent broken missing duplicate stale large empty invalid expired concurrent nested
  legacy new optional required partial corrupted encrypted localized mobile cached async remote local default custom hidden
  disabled failing noisy unstable inconsistent truncated oversized unexpected silent critical minor shared primary secondary`)
const nouns = words(`page button field request response header token query table column record batch job queue worker
  service endpoint payload schema config flag timeout error warning log metric user account cookie file folder image report
  chart dashboard widget modal dialog menu link route handler callback promise thread lock transaction connection pool client
  server proxy gateway bucket region node container build release branch commit fixture snapshot selector locator element
  event listener message topic subscriber signature certificate key secret permission role policy quota limit threshold
  interval calendar order cart product price customer address string font viewport label browser network database
  environment staging production test suite assertion spinner banner tooltip sidebar footer form retry backoff`)
const preps = words("on in for with after before during under across behind via without")
const connectors = words("requires rejects returns expects caches drops logs limits retries delays blocks ignores")
const units = words("ms seconds minutes retries requests items rows MB")
const errors = words("Timeout TypeError 500 404 Deadlock Conflict Overflow Refused")

/** Zipf exponent of word choice (default 0.8): earlier words in a list are more frequent. */
let zipfExponent = 0.8

/** Zipf sampler over a list. */
const zipf = <A>(items: ReadonlyArray<A>) => {
  const cumulative: Array<number> = []
  let sum = 0
  for (let i = 0; i < items.length; i++) cumulative.push((sum += 1 / (i + 1) ** zipfExponent))
  return (r: Rng): A => {
    const x = r.next() * sum
    let lo = 0
    let hi = cumulative.length - 1
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (cumulative[mid]! < x) lo = mid + 1
      else hi = mid
    }
    return items[lo]!
  }
}

let samplers = { verb: zipf(verbs), adj: zipf(adjectives), noun: zipf(nouns) }

/** Sets the Zipf exponent (a larger one concentrates texts on fewer words, so more documents match a query). */
export const setZipfExponent = (s: number): void => {
  zipfExponent = s
  samplers = { verb: zipf(verbs), adj: zipf(adjectives), noun: zipf(nouns) }
}

const verb = (r: Rng) => samplers.verb(r)
const adj = (r: Rng) => samplers.adj(r)
const noun = (r: Rng) => samplers.noun(r)
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1)
const topicOf = (taskType: string) => taskTopics.find(([t]) => t === taskType)?.[1] ?? taskTopics[0]![1]

/** A task description of `taskType` (outcome tasks and queries). */
export const taskText = (r: Rng, taskType: string): string => {
  const t = topicOf(taskType)
  const base = `${cap(verb(r))} the ${adj(r)} ${r.pick(t)} ${noun(r)} ${r.pick(preps)} the ${r.pick(t)} ${noun(r)}`
  const extra = r.int(3)
  return extra === 0 ? base : extra === 1
    ? `${base} when the ${noun(r)} is ${adj(r)}`
    : `${base} and ${verb(r)} the ${adj(r)} ${noun(r)} ${r.pick(preps)} ${r.pick(t)}`
}

/** Sentences describing topic `j` of a task type (their real embeddings seed the vector clusters). */
export const topicSentence = (taskType: string, j: number): string => taskText(rng(fnv1a(taskType) + j * 7919), taskType)

/** The small set of strategies an agent uses for a task type (heuristics form from repeats). */
export const strategiesFor = (taskType: string, count: number): ReadonlyArray<string> => {
  const r = rng(fnv1a(`strategy:${taskType}`))
  const t = topicOf(taskType)
  const templates = [
    () => `Wait for the ${r.pick(t)} ${noun(r)} to load, then ${verb(r)} the ${noun(r)}`,
    () => `${cap(verb(r))} the ${r.pick(t)} ${noun(r)} with a ${adj(r)} ${noun(r)} and ${verb(r)} the ${noun(r)}`,
    () => `Use a ${adj(r)} ${noun(r)} for the ${r.pick(t)} ${noun(r)}, then ${verb(r)} it ${r.pick(preps)} the ${noun(r)}`,
    () => `${cap(verb(r))} the ${r.pick(t)} first and ${verb(r)} every ${noun(r)} ${r.pick(preps)} the ${r.pick(t)}`
  ]
  return Array.from({ length: count }, (_, i) => templates[i % templates.length]!())
}

/** A domain fact of `domain`. */
export const factText = (r: Rng, domain: string): string => {
  const t = topicOf(domain)
  return `The ${r.pick(t)} ${noun(r)} ${r.pick(connectors)} ${adj(r)} ${noun(r)}s ${r.pick(preps)} the ${r.pick(t)} ` +
    `${noun(r)} after ${1 + r.int(500)} ${r.pick(units)}`
}

/** A heuristic's condition. */
export const conditionText = (r: Rng, taskType: string): string => {
  const t = topicOf(taskType)
  return `For ${taskType.replaceAll("_", " ")} tasks on a ${adj(r)} ${r.pick(t)} ${noun(r)}`
}

/** An anti-pattern's pattern and why it is bad. */
export const antiPatternText = (r: Rng, taskType: string): { readonly pattern: string; readonly whyBad: string } => {
  const t = topicOf(taskType)
  return {
    pattern: `Skipping the ${noun(r)} check and ${verb(r)} the ${r.pick(t)} ${noun(r)} directly`,
    whyBad: `It leaves ${adj(r)} ${noun(r)}s in the ${r.pick(t)} and causes ${adj(r)} ${noun(r)} failures`
  }
}

/** An error message of a failed outcome. */
export const errorText = (r: Rng): string =>
  `${r.pick(errors)} while waiting for the ${adj(r)} ${noun(r)} after ${1 + r.int(30_000)} ms`

/** `count` distinct texts from `make`, none in `exclude`. */
export const distinct = (count: number, make: () => string, exclude: Set<string> = new Set()): Array<string> => {
  const out: Array<string> = []
  while (out.length < count) {
    const text = make()
    if (exclude.has(text)) continue
    exclude.add(text)
    out.push(text)
  }
  return out
}
