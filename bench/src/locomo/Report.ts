/**
 * The `locomo` report: JSON with every number per configuration and category, Markdown tables, and
 * the `locomo-recall-by-category` chart.
 *
 * @since 0.1.0
 */
import * as path from "node:path"
import type { BenchReport } from "../Suite.js"
import type { Dataset, FactFormat } from "./Dataset.js"
import { categoryNames } from "./Dataset.js"
import type { Breakdown, Judged, RankMetrics } from "./Metrics.js"
import { breakdown, overallCategories, recallAny } from "./Metrics.js"
import type { Fusion } from "./Rankers.js"
import { recallChart, renderMarkdown } from "./Markdown.js"

/**
 * What the report is built from.
 *
 * @since 0.1.0
 * @category models
 */
export interface ReportInput {
  readonly dataset: Dataset
  readonly quick: boolean
  readonly factFormat: FactFormat
  readonly config: string | undefined
  /** File name of the split the product's lexical weight was chosen on (`Locomo.LEXICAL_WEIGHT_SPLIT`). */
  readonly weightSplit: string
  readonly embedders: ReadonlyArray<{ readonly name: string; readonly label: string }>
  readonly fusions: ReadonlyArray<Fusion>
  readonly results: ReadonlyMap<string, ReadonlyArray<Judged>>
  readonly wallTimeMs: number
}

/**
 * A configuration row: id, label, family, how it ranks, and whether its weights were chosen on the
 * split being measured (then its figures are optimistic).
 *
 * @since 0.1.0
 * @category models
 */
export interface Configuration {
  readonly id: string
  readonly label: string
  readonly family: "reference" | "lexical" | "vector" | "hybrid" | "experimental"
  readonly embedder?: string | undefined
  readonly description: string
  readonly weightsChosenOnThisSplit: boolean
}

const hybridHow = (topK: number) =>
  `alma.retrieve: default mode and weights, topK ${topK}${topK === 5 ? " (the library default; candidate pool 10 + 10)" : " (candidate pool 20 + 20)"}, cache off`

/**
 * Recall@5 (any, the hit rate) the issue asks of `retrieve` at the library's default topK (categories 1–4).
 *
 * @since 0.1.0
 * @category constructors
 */
export const GOAL = 0.65

/**
 * The configurations present in `input.results`, in report order.
 *
 * @since 0.1.0
 * @category constructors
 */
export const configurations = (input: ReportInput): ReadonlyArray<Configuration> => {
  const split = path.basename(input.dataset.file)
  const c = (id: string, label: string, family: Configuration["family"], description: string, embedder?: string, chosenOn?: string) =>
    ({
      id,
      label,
      family,
      description,
      ...(embedder === undefined ? {} : { embedder }),
      weightsChosenOnThisSplit: chosenOn !== undefined && chosenOn === split
    }) satisfies Configuration
  const all: Array<Configuration> = [
    c("word-overlap", "word overlap (reference)", "reference", "number of the question's search terms in the turn"),
    c("idf-overlap", "idf-weighted overlap (reference)", "reference", "summed idf of the question's search terms in the turn"),
    c("lexical", "lexical only (FTS5 BM25)", "lexical", "Storage.lexicalSearch (porter stemming, OR of terms), by bm25"),
    ...input.embedders.map((x) =>
      c(`vector:${x.name}`, `vector only (${x.name})`, "vector", `Storage.vectorSearch: cosine kNN, ${x.label}`, x.name)
    ),
    ...input.embedders.map((x, i) =>
      c(`hybrid-top5:${x.name}`, `${i === 0 ? "hybrid default" : "hybrid"}, topK 5 (${x.name})`, "hybrid", hybridHow(5), x.name, input.weightSplit)
    ),
    ...input.embedders.map((x) =>
      c(`hybrid:${x.name}`, `hybrid, topK 10 (${x.name})`, "hybrid", hybridHow(10), x.name, input.weightSplit)
    ),
    ...input.embedders.flatMap((x) =>
      input.fusions.map((f) =>
        c(`exp:${f.name}:${x.name}`, `experimental: ${f.name} (${x.name})`, "experimental", f.description, x.name, f.chosenOn)
      )
    )
  ]
  return all.filter((x) => input.results.has(x.id))
}

/** Share of questions (categories 1–4) where at least one of two rankings has evidence in its top 5. */
const unionAt5 = (a: ReadonlyArray<Judged>, b: ReadonlyArray<Judged>): number => {
  const pairs = a.map((x, i) => [x, b[i]!] as const).filter(([x]) => overallCategories.includes(x.category))
  return pairs.filter(([x, y]) => recallAny(x.ranked, x.evidence, 5) + recallAny(y.ranked, y.evidence, 5) > 0).length /
    Math.max(1, pairs.length)
}

/** Questions (categories 1–4) with evidence in `a`'s top 5 and not in `b`'s. */
const winsAt5 = (a: ReadonlyArray<Judged>, b: ReadonlyArray<Judged>): number =>
  a.filter((x, i) =>
    overallCategories.includes(x.category) && recallAny(x.ranked, x.evidence, 5) === 1 &&
    recallAny(b[i]!.ranked, b[i]!.evidence, 5) === 0
  ).length

/** A topK-5 call ranks 5 turns: its @10 figures would only repeat the @5 ones, so they are `NaN` (`null` in JSON). */
const onlyTop5 = (b: Breakdown<RankMetrics>): Breakdown<RankMetrics> => {
  const cut = (m: RankMetrics): RankMetrics => ({ ...m, recall10Any: NaN, recall10All: NaN, recall10Frac: NaN, mrr10: NaN, ndcg10: NaN })
  return { overall: cut(b.overall), all: cut(b.all), byCategory: Object.fromEntries(Object.entries(b.byCategory).map(([k, m]) => [k, cut(m)])) }
}

/**
 * The report's JSON: dataset counts, settings, metrics per configuration (overall = categories 1–4,
 * all, per category), the topK-5 call of the hybrid default (the headline, also a configuration),
 * the lexical-versus-vector analysis and the goal (recall@5 any of the headline, and its MRR@5
 * against the idf-overlap baseline's).
 *
 * @since 0.1.0
 * @category constructors
 */
export const reportJson = (input: ReportInput) => {
  const main = input.embedders[0]?.name ?? ""
  const configs = configurations(input).map((c) => {
    const b = breakdown(input.results.get(c.id)!)
    return { ...c, ...(c.id.startsWith("hybrid-top5:") ? onlyTop5(b) : b) }
  })
  const headline = `hybrid-top5:${main}`
  const top5 = input.results.get(headline)
  const lexical = input.results.get("lexical") ?? []
  const analysis = Object.fromEntries(input.embedders.map((e) => {
    const vec = input.results.get(`vector:${e.name}`) ?? []
    const hyb = input.results.get(`hybrid-top5:${e.name}`) ?? input.results.get(`hybrid:${e.name}`) ?? []
    return [e.name, {
      lexicalOrVectorTop5: unionAt5(lexical, vec),
      lexicalHitsHybridMisses: winsAt5(lexical, hyb),
      hybridHitsLexicalMisses: winsAt5(hyb, lexical),
      vectorHitsLexicalMisses: winsAt5(vec, lexical)
    }]
  }))
  const head = configs.find((c) => c.id === headline)
  const measured = head?.overall.recall5Any ?? NaN
  const mrr = head?.overall.mrr5 ?? NaN
  const baseline = configs.find((c) => c.id === "idf-overlap")?.overall.mrr5 ?? NaN
  return {
    suite: "locomo" as const,
    dataset: { file: input.dataset.file, ...input.dataset.stats },
    settings: {
      quick: input.quick,
      factFormat: input.factFormat,
      config: input.config ?? null,
      topK: "5 for the headline (the library default; candidate pool 10 vector + 10 BM25 hits), 10 for every other row",
      candidatePool: "20 vector + 20 BM25 hits (what retrieve fetches for topK 10) for the experimental rows",
      storage: "one in-memory SQLite stack per sample and embedder (agent = sample id)",
      cache: "retrieval cache disabled (timeToLive 0)",
      timestamps: "every turn stored under one frozen clock: recency, success and confidence are equal for all turns",
      overall: "categories 1-4; category 5 (adversarial) reported separately and in `all`",
      embedders: input.embedders
    },
    categories: categoryNames,
    configurations: configs,
    defaultTopK5: top5 === undefined ? null : { configuration: headline, ...onlyTop5(breakdown(top5)) },
    analysis,
    goal: {
      metric: "recall@5 any (hit rate), categories 1-4, retrieve at the default topK 5",
      target: GOAL,
      configuration: headline,
      measured,
      mrr: { metric: "MRR@5, categories 1-4", measured: mrr, baseline, baselineConfiguration: "idf-overlap", met: mrr >= baseline },
      met: measured >= GOAL && mrr >= baseline
    },
    wallTimeMs: input.wallTimeMs
  }
}

/**
 * The report's JSON, as {@link reportJson} builds it.
 *
 * @since 0.1.0
 * @category models
 */
export type LocomoJson = ReturnType<typeof reportJson>

/**
 * The `locomo` report with its JSON typed.
 *
 * @since 0.1.0
 * @category models
 */
export interface LocomoReport extends BenchReport {
  readonly json: LocomoJson
}

/**
 * Builds the report: JSON, Markdown tables and the `locomo-recall-by-category` chart.
 *
 * @since 0.1.0
 * @category constructors
 */
export const buildReport = (input: ReportInput): LocomoReport => {
  const json = reportJson(input)
  return {
    suite: "locomo",
    json,
    markdown: renderMarkdown(json, input),
    charts: [{ name: "locomo-recall-by-category", svg: recallChart(json, input) }]
  }
}
