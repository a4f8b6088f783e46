/**
 * The `locomo` report: JSON with every number per configuration and category, Markdown tables, and
 * the `locomo-recall-by-category` chart.
 *
 * @since 0.1.0
 */
import type { BenchReport } from "../Suite.js"
import type { Dataset, FactFormat } from "./Dataset.js"
import { categoryNames } from "./Dataset.js"
import type { Judged } from "./Metrics.js"
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
  readonly embedders: ReadonlyArray<{ readonly name: string; readonly label: string }>
  readonly fusions: ReadonlyArray<Fusion>
  readonly results: ReadonlyMap<string, ReadonlyArray<Judged>>
  readonly wallTimeMs: number
}

/**
 * A configuration row: id, label, family and how it ranks.
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
}

const hybridHow = "alma.retrieve: default mode and weights, topK 10, cache off"

/**
 * Recall@5 (any) the issue asks of the hybrid default (categories 1–4).
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
  const c = (id: string, label: string, family: Configuration["family"], description: string, embedder?: string) =>
    ({ id, label, family, description, ...(embedder === undefined ? {} : { embedder }) }) satisfies Configuration
  const all: Array<Configuration> = [
    c("word-overlap", "word overlap (reference)", "reference", "number of the question's search terms in the turn"),
    c("idf-overlap", "idf-weighted overlap (reference)", "reference", "summed idf of the question's search terms in the turn"),
    c("lexical", "lexical only (FTS5 BM25)", "lexical", "Storage.lexicalSearch (porter stemming, OR of terms), by bm25"),
    ...input.embedders.map((x) =>
      c(`vector:${x.name}`, `vector only (${x.name})`, "vector", `Storage.vectorSearch: cosine kNN, ${x.label}`, x.name)
    ),
    ...input.embedders.map((x, i) =>
      c(`hybrid:${x.name}`, `${i === 0 ? "hybrid default" : "hybrid"} (${x.name})`, "hybrid", hybridHow, x.name)
    ),
    ...input.embedders.flatMap((x) =>
      input.fusions.map((f) =>
        c(`exp:${f.name}:${x.name}`, `experimental: ${f.name} (${x.name})`, "experimental", f.description, x.name)
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

/**
 * The report's JSON: dataset counts, settings, metrics per configuration (overall = categories 1–4,
 * all, per category), the topK-5 call of the hybrid default, the lexical-versus-vector analysis and
 * the goal.
 *
 * @since 0.1.0
 * @category constructors
 */
export const reportJson = (input: ReportInput) => {
  const main = input.embedders[0]?.name ?? ""
  const configs = configurations(input).map((c) => ({ ...c, ...breakdown(input.results.get(c.id)!) }))
  const top5 = input.results.get(`hybrid-top5:${main}`)
  const lexical = input.results.get("lexical") ?? []
  const analysis = Object.fromEntries(input.embedders.map((e) => {
    const vec = input.results.get(`vector:${e.name}`) ?? []
    const hyb = input.results.get(`hybrid:${e.name}`) ?? []
    return [e.name, {
      lexicalOrVectorTop5: unionAt5(lexical, vec),
      lexicalHitsHybridMisses: winsAt5(lexical, hyb),
      hybridHitsLexicalMisses: winsAt5(hyb, lexical),
      vectorHitsLexicalMisses: winsAt5(vec, lexical)
    }]
  }))
  const measured = configs.find((c) => c.id === `hybrid:${main}`)?.overall.recall5Any ?? NaN
  return {
    suite: "locomo" as const,
    dataset: { file: input.dataset.file, ...input.dataset.stats },
    settings: {
      quick: input.quick,
      factFormat: input.factFormat,
      config: input.config ?? null,
      topK: 10,
      candidatePool: "20 vector + 20 BM25 hits (what retrieve fetches for topK 10)",
      storage: "one in-memory SQLite stack per sample and embedder (agent = sample id)",
      cache: "retrieval cache disabled (timeToLive 0)",
      timestamps: "every turn stored under one frozen clock: recency, success and confidence are equal for all turns",
      overall: "categories 1-4; category 5 (adversarial) reported separately and in `all`",
      embedders: input.embedders
    },
    categories: categoryNames,
    configurations: configs,
    defaultTopK5: top5 === undefined ? null : { configuration: `hybrid-top5:${main}`, ...breakdown(top5) },
    analysis,
    goal: {
      metric: "recall@5 any, categories 1-4",
      target: GOAL,
      configuration: `hybrid:${main}`,
      measured,
      met: measured >= GOAL
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
