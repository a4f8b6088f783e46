/**
 * The report: targets with pass/fail, and the summary tables printed to stdout.
 */
import type { LearnRunResult } from "./learn.js"
import type { ExcludingResult, IncludingResult } from "./retrieve.js"
import { log, ms, type Summary, table } from "./stats.js"
import type { Vocabulary } from "./sqlprofile.js"

export interface Target {
  readonly name: string
  readonly required: string
  readonly measured: string
  readonly pass: boolean
}

export interface Report {
  readonly batch: number
  readonly insert: { readonly rate: number; readonly batchMs: Summary; readonly records: number }
  readonly excluding: ExcludingResult
  readonly raw: Record<string, Summary>
  readonly isolation: { readonly agent: string; readonly full: Record<string, Summary>; readonly alone: Record<string, Summary> }
  readonly including: IncludingResult
  readonly learned: LearnRunResult
  readonly listProfile: Record<string, Summary>
  readonly queryTerms: Summary
  readonly vocabulary: Vocabulary
  readonly notes: ReadonlyArray<string>
}

/** The four targets of the issue; never lowered here. */
export const targets = (r: Report): ReadonlyArray<Target> => [
  {
    name: "retrieve p95, excluding embedding",
    required: "≤ 10 ms",
    measured: `${ms(r.excluding.run.latency.p95)} ms`,
    pass: r.excluding.run.latency.p95 <= 10
  },
  {
    name: "retrieve p95, including USE-lite",
    required: "≤ 50 ms",
    measured: `${ms(r.including.run.latency.p95)} ms`,
    pass: r.including.run.latency.p95 <= 50
  },
  {
    name: "learn p95, excluding embedding",
    required: "≤ 10 ms",
    measured: `${ms(r.learned.latency.p95)} ms`,
    pass: r.learned.latency.p95 <= 10
  },
  {
    name: "batch insert, excluding embedding",
    required: "≥ 2,000 memories/s",
    measured: `${Math.round(r.insert.rate)} memories/s`,
    pass: r.insert.rate >= 2000
  }
]

const header = ["measurement (ms)", "n", "p50", "p95", "p99", "mean", "max"]
const row = (name: string, s: Summary) => [name, String(s.n), ms(s.p50), ms(s.p95), ms(s.p99), ms(s.mean), ms(s.max)]
const rows = (record: Record<string, Summary>) => Object.entries(record).map(([k, s]) => row(k, s))

export const printReport = (r: Report): void => {
  log("")
  log(table(header, [
    row("retrieve, excluding embedding", r.excluding.run.latency),
    row("retrieve, including USE-lite", r.including.run.latency),
    row("  USE-lite embed alone (cache miss)", r.including.embedOnly),
    row("learn, excluding embedding", r.learned.latency),
    row(`Storage.save, ${r.batch} per transaction`, r.insert.batchMs)
  ]))
  log("")
  log(table(["target", "required", "measured", "result"], targets(r).map((t) => [
    t.name,
    t.required,
    t.measured,
    t.pass ? "PASS" : "FAIL"
  ])))
  log(`\ntask-type precision of the returned items (relevance proxy), excluding embedding: ${
    JSON.stringify(r.excluding.run.taskTypePrecision)
  }`)
  log(`vector search recall of the exact 10 nearest per partition: ${
    r.excluding.vectorRecall.recall.toFixed(4)
  } over ${r.excluding.vectorRecall.partitions} (query, partition) pairs`)
  log("\nretrieve breakdown")
  log(table(header, [...rows(r.excluding.breakdown), ...rows(r.raw)]))
  const iso = (k: string) => [k, ms(r.isolation.full[k]?.p50 ?? NaN), ms(r.isolation.alone[k]?.p50 ?? NaN)]
  log("")
  log(table([`${r.isolation.agent}, raw SQL, p50 ms`, `among ${r.insert.records}`, "alone in its file"], [
    iso("raw KNN (codes, 50 candidates + exact re-rank), 4 partitions [default pragmas]"),
    iso("raw FTS5, 4 partitions [default pragmas]"),
    iso("raw body+vector fetch [default pragmas]")
  ]))
  log("\nlearn breakdown")
  log(table(header, [...rows(r.learned.breakdown), ...rows(r.listProfile)]))
  log("")
  log(`query terms per query: p50 ${r.queryTerms.p50}, max ${r.queryTerms.max}`)
  log(`FTS vocabulary: ${r.vocabulary.distinctTerms} terms; most frequent (share of documents): ${
    r.vocabulary.top.map((x) => `${x.term} ${x.documentShare}`).join(", ")
  }`)
  log(`learn actions over the timed calls: ${JSON.stringify(r.learned.actions)}`)
  for (const note of r.notes) log(note)
}
