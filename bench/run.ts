/**
 * `npm run bench` (add `-- --quick` for a 1k-per-agent smoke run, `-- --keep` to keep the database,
 * `-- --dir=PATH` to seed under PATH instead of the system temp directory, `-- --zipf=S` to change the
 * Zipf exponent of word choice, default 0.8).
 *
 * Seeds a SQLite file with synthetic memories through `Storage.save` (benchmark 3: batch insert), then
 * times `retrieve` without and with the local embedder (benchmark 1), and `learn` (benchmark 2),
 * prints a summary table and writes `bench/results/latest.json`. See BENCHMARKS.md for the method.
 */
import Database from "better-sqlite3"
import { DateTime } from "effect"
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs"
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from "node:os"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"
import { AgentScope } from "../src/domain/AgentScope.js"
import { queryTerms } from "../src/services/Storage.js"
import { distinct, rng, setZipfExponent, strategiesFor, taskText, taskTypes, topicSentence } from "./corpus.js"
import { learnBench } from "./learn.js"
import { rawBreakdown } from "./profile.js"
import { listBreakdown, vocabulary } from "./sqlprofile.js"
import { retrieveExcluding, retrieveIncluding } from "./retrieve.js"
import { seed, type World } from "./seed.js"
import { printReport, type Report, targets } from "./report.js"
import { log, ms, summarize } from "./stats.js"
import { embedReal, precomputed } from "./vectors.js"

const args = process.argv.slice(2)
const quick = args.includes("--quick")
const keep = args.includes("--keep")
const dirArg = args.find((a) => a.startsWith("--dir="))?.slice("--dir=".length)
const zipfArg = args.find((a) => a.startsWith("--zipf="))?.slice("--zipf=".length)
if (zipfArg !== undefined) setZipfExponent(Number(zipfArg))
const cfg = quick
  ? { perAgent: 1_000, warmup: 5, retrieves: 40, includingWarmup: 5, including: 30, learns: 40 }
  : { perAgent: 10_000, warmup: 30, retrieves: 300, includingWarmup: 20, including: 200, learns: 200 }
const AGENTS = 10
const TYPES_PER_AGENT = 12
const TOPICS_PER_TYPE = 10
const STRATEGIES_PER_TYPE = 8
const BATCH = 1_000
const projectId = "bench"

const benchDir = dirname(fileURLToPath(import.meta.url))
// A fresh directory under the system temp dir (or under --dir=PATH), removed at the end unless --keep.
const dir = mkdtempSync(join(dirArg ?? tmpdir(), "bench-alma-"))
const filename = join(dir, "alma.db")

const sqliteVersions = (): string => {
  const db = new Database(":memory:")
  try {
    const row = db.prepare("select sqlite_version() as v").get() as { v: string }
    return row.v
  } finally {
    db.close()
  }
}

const machine = {
  cpu: cpus()[0]?.model ?? "unknown",
  cores: availableParallelism(),
  ramGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
  node: process.version,
  sqlite: sqliteVersions(),
  platform: `${process.platform} ${process.arch}`
}

/** 1-minute load average at each phase: the host may be shared, which inflates tail latencies. */
const load: Record<string, number> = {}
const mark = (phase: string) => {
  load[phase] = Math.round(loadavg()[0]! * 100) / 100
}

const main = async () => {
  const started = performance.now()
  mark("start")
  log(`ALMA benchmarks${quick ? " (--quick)" : ""}: ${AGENTS} agents × ${cfg.perAgent} memories, file ${filename}`)
  log(`machine: ${machine.cpu}, ${machine.cores} cores, ${machine.ramGiB} GiB, node ${machine.node}, SQLite ${machine.sqlite}`)

  // The world: agents, their task types, strategies, cluster centres and queries.
  const agents = Array.from({ length: AGENTS }, (_, a) => `agent_${String(a).padStart(2, "0")}`)
  const agentTypes = new Map(agents.map((agent, a) => [
    agent,
    Array.from({ length: TYPES_PER_AGENT }, (_, k) => taskTypes[(a * 2 + k) % taskTypes.length]!)
  ]))
  const strategies = new Map(taskTypes.map((t) => [t, strategiesFor(t, STRATEGIES_PER_TYPE)]))
  const topicTexts = new Map(taskTypes.map((t) => [t, Array.from({ length: TOPICS_PER_TYPE }, (_, j) => topicSentence(t, j))]))
  const used = new Set<string>()
  const r = rng(20_240_601)
  const queryFor = (i: number) => {
    const agent = agents[i % agents.length]!
    const taskType = r.pick(agentTypes.get(agent)!)
    return { agent, text: taskText(r, taskType), taskType }
  }
  const makeQueries = (count: number) => {
    const out: Array<{ agent: string; text: string; taskType: string }> = []
    distinct(count, () => {
      const q = queryFor(out.length)
      out.push(q)
      return q.text
    }, used)
    return out
  }
  const excludingQueries = makeQueries(cfg.warmup + cfg.retrieves)
  const includingQueries = makeQueries(cfg.includingWarmup + cfg.including)
  const embedOnlyTexts = makeQueries(cfg.includingWarmup + 100).map((q) => q.text)

  let t = performance.now()
  const realTexts = [...[...topicTexts.values()].flat(), ...[...strategies.values()].flat(), ...excludingQueries.map((q) => q.text)]
  const real = await embedReal(realTexts)
  log(`embedded ${realTexts.length} texts with USE-lite (cluster centres, strategies, queries) in ${ms((performance.now() - t) / 1000)} s`)
  const centres = new Map(taskTypes.map((tt) => [tt, topicTexts.get(tt)!.map((s) => real.get(s)!)]))
  const world: World = { projectId, agents, agentTypes, centres, strategies, now: DateTime.toEpochMillis(DateTime.unsafeNow()) }
  const allCentres = [...centres.values()].flat()
  const pre = precomputed(real, allCentres)
  const scopes = agents.map((agent) => AgentScope.make({ agent }))

  mark("seed")
  // Benchmark 3: batch insert (this is the seeding).
  t = performance.now()
  const seeded = await seed(world, { filename, perAgent: cfg.perAgent, batchSize: BATCH, embedder: pre.layer }, (done, total) => {
    if (done % (total / 10) < BATCH) log(`  seeded ${done}/${total}`)
  })
  const saveMs = seeded.batchMs.reduce((s, x) => s + x, 0)
  const insertRate = seeded.records / (saveMs / 1000)
  const tenth = Math.max(1, Math.floor(seeded.batchMs.length / 10))
  const rateOf = (batches: ReadonlyArray<number>) => (batches.length * BATCH) / (batches.reduce((s, x) => s + x, 0) / 1000)
  log(`seeded ${seeded.records} memories in ${ms((performance.now() - t) / 1000)} s (save ${ms(saveMs / 1000)} s, ` +
    `build ${ms(seeded.buildMs / 1000)} s), file ${(statSync(filename).size / 2 ** 20).toFixed(0)} MiB`)

  const db = new Database(filename, { readonly: true })
  const perType = db.prepare(
    "select count(*) as n from memories where kind = 'outcome' group by owner, task_type"
  ).all() as Array<{ n: number }>
  const perAgentKinds = db.prepare("select kind, count(*) as n from memories where owner = ? group by kind").all(agents[0])
  db.close()

  mark("retrieveExcluding")
  // Benchmark 1a: retrieve excluding the query embedding.
  log(`retrieve, excluding embedding: ${cfg.warmup} warm-up + ${cfg.retrieves} timed calls`)
  const queries = excludingQueries.map((q) => ({ ...q, vector: real.get(q.text)! }))
  const excluding = await retrieveExcluding({ filename, projectId, agents: scopes, embedder: pre.layer, queries, warmup: cfg.warmup })
  log(`  p50 ${ms(excluding.run.latency.p50)} ms, p95 ${ms(excluding.run.latency.p95)} ms`)
  log("retrieve breakdown, raw SQL on better-sqlite3")
  const raw = rawBreakdown(filename, projectId, queries, cfg.warmup)
  const vocab = vocabulary(filename)

  // Does an agent's search cost depend on the other agents' data? The same agent, the same memories,
  // alone in a file vs among all agents' memories: same queries, all addressed to agent_00.
  log(`isolation: ${agents[0]}'s memories alone in a second file vs in the full file (raw SQL)`)
  const aloneFile = join(dir, "alone.db")
  await seed(world, { filename: aloneFile, perAgent: cfg.perAgent, batchSize: BATCH, embedder: pre.layer, only: (i) => i % AGENTS === 0 }, () => {})
  const asFirst = queries.map((q) => ({ ...q, agent: agents[0]! }))
  const isolation = {
    full: rawBreakdown(filename, projectId, asFirst, cfg.warmup, [false]),
    alone: rawBreakdown(aloneFile, projectId, asFirst, cfg.warmup, [false])
  }

  mark("retrieveIncluding")
  // Benchmark 1b: retrieve including the local embedder.
  log(`retrieve, including USE-lite: ${cfg.includingWarmup} warm-up + ${cfg.including} timed calls`)
  const including = await retrieveIncluding({
    filename,
    projectId,
    agents: scopes,
    queries: includingQueries,
    embedTexts: embedOnlyTexts,
    warmup: cfg.includingWarmup
  })

  mark("learn")
  log(`  p50 ${ms(including.run.latency.p50)} ms, p95 ${ms(including.run.latency.p95)} ms`)

  // Benchmark 2: learn excluding embedding.
  log(`learn, excluding embedding: ${cfg.warmup} warm-up + ${cfg.learns} timed calls`)
  const lr = rng(77)
  const learnInputs = Array.from({ length: cfg.warmup + cfg.learns }, (_, i) => {
    const agent = agents[i % agents.length]!
    const taskType = lr.pick(agentTypes.get(agent)!)
    const success = lr.next() < 0.7
    return {
      agent,
      task: taskText(lr, taskType),
      outcome: success ? "success" as const : "failure" as const,
      strategyUsed: lr.pick(strategies.get(taskType)!),
      taskType,
      durationMs: 1000 + lr.int(30_000),
      ...(success ? {} : { errorMessage: "Timeout while waiting for the page" })
    }
  })
  const learned = await learnBench({
    filename,
    projectId,
    agents: scopes,
    embedder: pre.layer,
    inputs: learnInputs,
    warmup: cfg.warmup,
    centre: allCentres[0]!
  })

  mark("end")
  const listProfile = listBreakdown(filename, projectId, learnInputs.slice(cfg.warmup))

  // Report.
  const report: Report = {
    batch: BATCH,
    insert: { rate: insertRate, batchMs: summarize(seeded.batchMs), records: seeded.records },
    excluding,
    raw,
    isolation: { agent: agents[0]!, ...isolation },
    including,
    learned,
    listProfile,
    queryTerms: summarize(queries.map((q) => queryTerms(q.text).length)),
    vocabulary: vocab,
    notes: [
      `1-minute load average by phase: ${JSON.stringify(load)}`,
      `precomputed embedder: ${pre.stats.hits} table hits, ${pre.stats.derived} derived vectors`
    ]
  }
  printReport(report)

  const results = {
    date: new Date().toISOString(),
    command: `npm run bench${args.length ? ` -- ${args.join(" ")}` : ""}`,
    machine,
    config: { ...cfg, zipfExponent: zipfArg === undefined ? 0.8 : Number(zipfArg), agents: AGENTS, typesPerAgent: TYPES_PER_AGENT, topicsPerType: TOPICS_PER_TYPE, batch: BATCH },
    seed: {
      records: seeded.records,
      counts: seeded.counts,
      countsOfFirstAgent: perAgentKinds,
      outcomesPerAgentAndTaskType: summarize(perType.map((x) => x.n)),
      fileMiB: Math.round(statSync(filename).size / 2 ** 20),
      saveSeconds: saveMs / 1000,
      buildSeconds: seeded.buildMs / 1000,
      insertRatePerSecond: Math.round(insertRate),
      firstTenthRatePerSecond: Math.round(rateOf(seeded.batchMs.slice(0, tenth))),
      lastTenthRatePerSecond: Math.round(rateOf(seeded.batchMs.slice(-tenth))),
      batchMs: summarize(seeded.batchMs)
    },
    retrieveExcluding: excluding,
    retrieveBreakdownRaw: raw,
    retrieveIsolation: report.isolation,
    queryTerms: report.queryTerms,
    vocabulary: vocab,
    retrieveIncluding: including,
    learn: learned,
    learnListProfile: listProfile,
    embedder: pre.stats,
    targets: targets(report),
    loadAverage1m: load,
    totalSeconds: (performance.now() - started) / 1000
  }
  const out = join(benchDir, "results")
  mkdirSync(out, { recursive: true })
  writeFileSync(join(out, "latest.json"), JSON.stringify(results, null, 2))
  log(`\nresults written to bench/results/latest.json (total ${ms(results.totalSeconds)} s)`)
}

main()
  .finally(() => {
    if (!keep) rmSync(dir, { recursive: true, force: true })
    else log(`kept ${filename}`)
  })
  .then(() => process.exit(0), (error: unknown) => {
    process.exitCode = 1
    throw error
  })
