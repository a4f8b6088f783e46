/**
 * The paraphrase benchmark's results: every metric computed from a replay (pure), the goals
 * and whether each is met, and the report (JSON, Markdown, two charts).
 *
 * @since 0.1.0
 */
import { groupedBarChart } from "../charts.js"
import type { BenchReport } from "../Suite.js"
import type { FormationScore, JudgedMemory } from "./Formation.js"
import { judge, perFamily, score } from "./Formation.js"
import { renderMarkdown } from "./Markdown.js"
import type { Dataset } from "./Model.js"
import type { Separation } from "./Paraphrase.js"
import { separation } from "./Paraphrase.js"
import type { BoundRow } from "./Bound.js"
import { clusteringBound } from "./Bound.js"
import type { FloorRow } from "./Gate.js"
import { floorSweep } from "./Gate.js"
import type { ReplayResult } from "./Replay.js"
import type { Observation, RepeatScore, Simulated, SliceScore, Truth } from "./Slices.js"
import { mean, percentile, scoreRepeats, scoreSlices, simulate } from "./Slices.js"

/**
 * The cosine the paraphrase statistics count pairs at: the fixed strategy threshold of the engine
 * before issue 18 (`formation.ts`), kept as the reference line.
 *
 * @since 0.1.0
 * @category constructors
 */
export const REFERENCE_THRESHOLD = 0.75

/**
 * One goal of issue 18 and its verdict.
 *
 * @since 0.1.0
 * @category models
 */
export interface Goal {
  readonly metric: string
  readonly goal: string
  readonly value: number
  /** How `value` reads: a score in [0, 1], a count, or a share (printed as a percentage). */
  readonly unit: "score" | "count" | "share"
  readonly met: boolean
}

/**
 * Every computed figure (before JSON rounding).
 *
 * @since 0.1.0
 * @category models
 */
export interface Results {
  readonly formation: FormationScore
  readonly formationByDomain: ReadonlyArray<{ readonly domain: string; readonly agent: string; readonly score: FormationScore }>
  readonly judged: ReadonlyArray<JudgedMemory>
  readonly slices: {
    readonly onTopic: SliceScore
    readonly offTopic: SliceScore
    readonly otherDomain: SliceScore
    readonly offTopicAll: SliceScore
  }
  readonly tokens: { readonly mean: number; readonly p95: number }
  readonly repeats: RepeatScore
  readonly repeatsByDomain: ReadonlyArray<{ readonly domain: string; readonly score: RepeatScore }>
  readonly simulated: ReadonlyArray<Simulated>
  readonly paraphrase: Separation
  readonly paraphraseByDomain: ReadonlyArray<{ readonly domain: string; readonly separation: Separation }>
  /** Offline clustering of the strategy texts on the engine's evidence (`Bound.clusteringBound`). */
  readonly bound: { readonly rows: ReadonlyArray<BoundRow>; readonly best: BoundRow | undefined }
  /** Relevance floors against the ungated slices (`Gate.floorSweep`). */
  readonly floors: ReadonlyArray<FloorRow>
  readonly goals: ReadonlyArray<Goal>
}

/**
 * Computes every figure of a replay.
 *
 * @since 0.1.0
 * @category constructors
 */
export const compute = (dataset: Dataset, replay: ReplayResult): Results => {
  const truth: Truth = { familyOfOutcome: replay.familyOfOutcome, families: dataset.families }
  const judged = judge(replay.memories, dataset.families, replay.familyOfOutcome)
  const formation = score(dataset.families, judged)
  const formationByDomain = dataset.domains.map((d) => ({
    domain: d.domain,
    agent: d.agent,
    score: score(dataset.families.filter((f) => f.domain === d.domain), judged.filter((j) => j.memory.agent === d.agent))
  }))
  const of = (kinds: ReadonlyArray<Observation["query"]["kind"]>) => replay.observations.filter((o) => kinds.includes(o.query.kind))
  const slices = {
    onTopic: scoreSlices(of(["on-topic"]), truth),
    offTopic: scoreSlices(of(["off-topic"]), truth),
    otherDomain: scoreSlices(of(["other-domain"]), truth),
    offTopicAll: scoreSlices(of(["off-topic", "other-domain"]), truth)
  }
  const tokens = replay.observations.map((o) => o.tokens)
  const simulated = of(["on-topic"]).flatMap((o) => simulate(o, truth) ?? [])
  const repeats = scoreRepeats(simulated)
  const domainOf = new Map(dataset.families.map((f) => [f.scenario, f.domain]))
  const repeatsByDomain = dataset.domains.map((d) => ({
    domain: d.domain,
    score: scoreRepeats(simulated.filter((s) => domainOf.get(s.scenario) === d.domain))
  }))
  const paraphrase = separation(replay.vectors, REFERENCE_THRESHOLD)
  const paraphraseByDomain = dataset.domains.map((d) => ({
    domain: d.domain,
    separation: separation(replay.vectors.filter((v) => v.agent === d.agent), REFERENCE_THRESHOLD)
  }))
  const bound = clusteringBound(replay.vectors, dataset.families.filter((f) => f.expected).length)
  const goals: ReadonlyArray<Goal> = [
    { metric: "formation F1", goal: "≥ 0.9", value: formation.f1, unit: "score", met: formation.f1 >= 0.9 },
    { metric: "duplicate memories", goal: "0", value: formation.duplicates, unit: "count", met: formation.duplicates === 0 },
    { metric: "off-topic slice items (off-topic + other-domain queries)", goal: "0", value: slices.offTopicAll.items, unit: "count", met: slices.offTopicAll.items === 0 },
    {
      metric: "repeat-mistake reduction against no memory",
      goal: "≥ 50%",
      value: repeats.reduction,
      unit: "share",
      met: Number.isFinite(repeats.reduction) && repeats.reduction >= 0.5
    }
  ]
  return {
    formation,
    formationByDomain,
    judged,
    slices,
    tokens: { mean: mean(tokens), p95: percentile(tokens, 95) },
    repeats,
    repeatsByDomain,
    simulated,
    paraphrase,
    paraphraseByDomain,
    bound,
    floors: floorSweep(replay.ungated, truth),
    goals
  }
}

/**
 * What the report is built from. **Units** `durationMs`: wall time of the suite, milliseconds.
 *
 * @since 0.1.0
 * @category models
 */
export interface ReportInput {
  readonly dataset: Dataset
  readonly replay: ReplayResult
  readonly config: Record<string, unknown>
  readonly quick: boolean
  readonly durationMs: number
}

/** Rounds to 4 decimals; `NaN` and infinities become `null`. */
export const num = (n: number): number | null => (Number.isFinite(n) ? Number(n.toFixed(4)) : null)

const rounded = <A extends object>(o: A): Record<string, unknown> =>
  Object.fromEntries(Object.entries(o).map(([k, v]) => [k, typeof v === "number" ? num(v) : v]))

/**
 * Builds the report: suite `learning`, charts `learning-formation-by-domain` and
 * `learning-repeat-mistakes`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const buildReport = (input: ReportInput): BenchReport => {
  const { dataset, replay } = input
  const r = compute(dataset, replay)
  const families = perFamily(dataset.families, r.judged)
  const queries = (kind: string) => dataset.queries.filter((q) => q.kind === kind).length
  const json = {
    suite: "learning",
    quick: input.quick,
    durationMs: Math.round(input.durationMs),
    config: input.config,
    dataset: {
      agents: dataset.domains.length,
      outcomes: dataset.steps.length,
      families: dataset.families.filter((f) => !f.templated).length,
      expectedFamilies: dataset.families.filter((f) => f.expected).length,
      templatedOutcomes: dataset.families.filter((f) => f.templated).length,
      queries: { onTopic: queries("on-topic"), offTopic: queries("off-topic"), otherDomain: queries("other-domain") }
    },
    goals: r.goals.map((g) => ({ ...g, value: num(g.value) })),
    formation: {
      overall: rounded(r.formation),
      byDomain: Object.fromEntries(r.formationByDomain.map((d) => [d.domain, rounded(d.score)])),
      families: families.map((f) => ({ id: f.family.id, kind: f.family.kind, expected: f.family.expected, size: f.family.size, matched: f.matched, mergedInto: f.mergedInto })),
      memories: r.judged.map((j) => ({ ...j.memory, verdict: j.verdict, families: j.families, family: j.family ?? null }))
    },
    learned: replay.learned,
    slices: {
      onTopic: rounded(r.slices.onTopic),
      offTopic: rounded(r.slices.offTopic),
      otherDomain: rounded(r.slices.otherDomain),
      offTopicAll: rounded(r.slices.offTopicAll)
    },
    tokens: { mean: num(r.tokens.mean), p95: num(r.tokens.p95) },
    repeatMistakes: {
      overall: { ...rounded(r.repeats), decisions: r.repeats.decisions },
      byDomain: Object.fromEntries(r.repeatsByDomain.map((d) => [d.domain, { ...rounded(d.score), decisions: d.score.decisions }]))
    },
    simulated: r.simulated.map((s) => ({ ...s, baseRate: num(s.baseRate), withMemory: num(s.withMemory) })),
    paraphrase: {
      threshold: REFERENCE_THRESHOLD,
      within: rounded(r.paraphrase.within),
      across: rounded(r.paraphrase.across),
      byDomain: Object.fromEntries(r.paraphraseByDomain.map((d) => [d.domain, { within: rounded(d.separation.within), across: rounded(d.separation.across) }]))
    },
    clusteringBound: r.bound.rows.map((row) => ({ ...row, f1: num(row.f1) })),
    relevanceFloors: r.floors,
    observations: replay.observations.map((o) => ({ query: o.query.id, kind: o.query.kind, items: o.items.length, tokens: o.tokens })),
    examples: replay.examples
  }
  const domains = r.formationByDomain.map((d) => d.domain)
  const formationChart = groupedBarChart({
    title: "Formation on paraphrased outcomes, per scripted agent",
    categories: domains,
    series: [
      { name: "precision", values: r.formationByDomain.map((d) => d.score.precision) },
      { name: "recall", values: r.formationByDomain.map((d) => d.score.recall) },
      { name: "F1", values: r.formationByDomain.map((d) => d.score.f1) }
    ],
    yLabel: "score",
    xLabel: "domain (agent)",
    yMax: 1,
    showValues: true,
    format: (v) => v.toFixed(2)
  })
  const repeatChart = groupedBarChart({
    title: "Repeat-mistake rate of a simulated agent, held-out tasks",
    categories: [...domains, "all"],
    series: [
      { name: "without memory", values: [...r.repeatsByDomain.map((d) => d.score.withoutMemory), r.repeats.withoutMemory] },
      { name: "with the slice", values: [...r.repeatsByDomain.map((d) => d.score.withMemory), r.repeats.withMemory] }
    ],
    yLabel: "probability of repeating the failing strategy",
    xLabel: "domain",
    yMax: 1,
    showValues: true,
    format: (v) => v.toFixed(2)
  })
  return {
    suite: "learning",
    json,
    markdown: renderMarkdown(input, r),
    charts: [
      { name: "learning-formation-by-domain", svg: formationChart },
      { name: "learning-repeat-mistakes", svg: repeatChart }
    ]
  }
}
