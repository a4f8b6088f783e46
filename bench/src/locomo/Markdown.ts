/**
 * The `locomo` report's Markdown (tables of every configuration, per category, the headline — the
 * hybrid default at the library's topK 5 — per category, the goal and findings) and its
 * recall-by-category chart.
 *
 * @since 0.1.0
 */
import { Scoring } from "alma-memory"
import { groupedBarChart } from "../charts.js"
import { categoryNames } from "./Dataset.js"
import type { RankMetrics } from "./Metrics.js"
import type { LocomoJson, ReportInput } from "./Report.js"

const n3 = (x: number): string => (Number.isFinite(x) ? x.toFixed(3) : "—")
const n0 = (x: number): string => (Number.isFinite(x) ? String(Math.round(x)) : "—")
const row = (cells: ReadonlyArray<string>): string => `| ${cells.join(" | ")} |`
const metricCells = (m: RankMetrics) =>
  [m.recall5Any, m.recall5Frac, m.recall5All, m.recall10Any, m.recall10Frac, m.recall10All, m.mrr5, m.mrr10, m.ndcg10]
    .map(n3).concat([n0(m.tokensMedian), n0(m.tokensP95)])
const metricHeader = [
  "recall@5 any (hit rate)",
  "recall@5 (fraction)",
  "recall@5 all",
  "recall@10 any (hit rate)",
  "recall@10 (fraction)",
  "recall@10 all",
  "MRR@5",
  "MRR@10",
  "NDCG@10",
  "tokens median",
  "tokens p95"
]
/** A configuration's label, with † when its weights were chosen on the split being measured. */
const labelOf = (c: LocomoJson["configurations"][number]) => (c.weightsChosenOnThisSplit ? `${c.label} †` : c.label)
const table = (header: ReadonlyArray<string>, rows: ReadonlyArray<ReadonlyArray<string>>): string =>
  [row(header), row(header.map((_, i) => (i === 0 ? "---" : "---:"))), ...rows.map(row)].join("\n")

const splitName = (json: LocomoJson) => json.dataset.file.split(/[\\/]/).at(-1) ?? json.dataset.file
const catName = (c: number) => `${categoryNames[c] ?? "category"} (${c})`
const categoriesOf = (json: LocomoJson): ReadonlyArray<number> =>
  [...new Set(json.configurations.flatMap((c) => Object.keys(c.byCategory).map(Number)))].sort((a, b) => a - b)
const bestExperimental = (json: LocomoJson, main: string) =>
  json.configurations.filter((c) => c.family === "experimental" && c.embedder === main)
    .sort((a, b) => b.overall.recall5Any - a.overall.recall5Any)[0]

/**
 * The Markdown section (no machine/date header: the CLI adds it).
 *
 * @since 0.1.0
 * @category constructors
 */
export const renderMarkdown = (json: LocomoJson, input: ReportInput): string => {
  const configs = json.configurations
  const main = input.embedders[0]?.name ?? ""
  const get = (id: string) => configs.find((c) => c.id === id)
  const hybrid = get(`hybrid-top5:${main}`)
  const topK10 = get(`hybrid:${main}`)
  const tuned = configs.filter((c) => c.weightsChosenOnThisSplit)
  const split = splitName(json)
  const dagger = tuned.length === 0
    ? []
    : [`† Weights chosen on this split (\`${split}\`: the product's lexical weight ${Scoring.LEXICAL_WEIGHT} was chosen on it), so these figures are optimistic.`, ""]
  const categories = categoriesOf(json)
  const bestExp = bestExperimental(json, main)
  const s = json.dataset
  const measured = json.goal.measured

  const md: Array<string> = ["## LoCoMo: turn-level evidence retrieval", ""]
  md.push(
    `Dataset \`${s.file.split("/").at(-1)}\`${input.quick ? " (**quick slice**)" : ""}: ${s.samples} samples, ` +
      `${s.turns} turns (${s.imageTurns} with an image caption), ${s.questions} QA items, ${s.withEvidence} with evidence ` +
      `scored (${s.withoutEvidence} without evidence skipped; ${s.repairedEvidence} evidence ids repaired, ` +
      `${s.unknownEvidence} naming no turn dropped). Each sample is stored in its own in-memory SQLite stack, one ` +
      `domain-knowledge memory per turn (\`${input.factFormat}\` text: ` +
      `\`[3 June, 2023] Ana: … [shares a photo: …]\`), all under one timestamp; retrieval cache off. The headline is ` +
      `\`retrieve\` at the library's default topK (5); the other rows rank 10. "recall@k any" is a hit rate (share of ` +
      `questions with at least one evidence turn in the top k); "recall@k (fraction)" the mean share of a question's ` +
      `evidence turns in the top k; MRR@k the mean reciprocal rank of the first evidence turn (0 beyond k). ` +
      `"Overall" = categories 1–4 (n = ${hybrid?.overall.n ?? 0}); adversarial questions (5) are reported separately. ` +
      `Tokens: o200k_base tokens of \`slice.toPrompt()\` for the top-5 slice. ` +
      `Wall time ${(input.wallTimeMs / 1000).toFixed(1)} s.`,
    ""
  )
  md.push("### All configurations (overall, categories 1–4)", "")
  md.push(table(["configuration", ...metricHeader], configs.map((c) => [labelOf(c), ...metricCells(c.overall)])), "")
  md.push(...dagger)
  md.push("### Recall@5 any (hit rate) per category", "")
  md.push(table(
    ["configuration", ...categories.map(catName), "overall 1–4", "all 1–5"],
    configs.map((c) => [
      labelOf(c),
      ...categories.map((k) => n3(c.byCategory[String(k)]?.recall5Any ?? NaN)),
      n3(c.overall.recall5Any),
      n3(c.all.recall5Any)
    ])
  ), "")
  if (hybrid !== undefined) {
    md.push(`### Headline: hybrid default (${main}), topK 5 (the library default), per category`, "")
    md.push(table(["category", "n", ...metricHeader], [
      ...categories.map((c) => {
        const m = hybrid.byCategory[String(c)]!
        return [catName(c), String(m.n), ...metricCells(m)]
      }),
      ["overall (1–4)", String(hybrid.overall.n), ...metricCells(hybrid.overall)],
      ["all (1–5)", String(hybrid.all.n), ...metricCells(hybrid.all)]
    ]), "")
    md.push("### Goal and findings", "")
    const mrr = json.goal.mrr
    md.push(
      `- Goal: recall@5 any (hit rate) ≥ ${json.goal.target} for \`retrieve\` at the default topK 5 (categories 1–4): ` +
        `measured **${n3(measured)}**${hybrid.weightsChosenOnThisSplit ? " †" : ""} — ${measured >= json.goal.target ? "**met**" : "**not met**"}; ` +
        `with MRR@5 not below the idf-overlap baseline's: ${n3(mrr.measured)} against ${n3(mrr.baseline)} — ` +
        `${mrr.met ? "**met**" : "**not met**"}.`
    )
    const a = json.analysis[main]
    const lex = get("lexical")
    const vec = get(`vector:${main}`)
    if (a !== undefined && lex !== undefined && vec !== undefined) {
      md.push(
        `- Lexical only ${n3(lex.overall.recall5Any)}, vector only ${n3(vec.overall.recall5Any)}; evidence in the lexical or ` +
          `the vector top 5: ${n3(a.lexicalOrVectorTop5)}. Questions the lexical top 5 answers and the hybrid top 5 misses: ` +
          `${a.lexicalHitsHybridMisses}; the reverse: ${a.hybridHitsLexicalMisses}.`
      )
    }
    if (bestExp !== undefined) {
      const tunedExp = tuned.filter((c) => c.family === "experimental").map((c) => c.label)
      md.push(
        `- Best experimental ranking over the same candidates: ${labelOf(bestExp)}, ${n3(bestExp.overall.recall5Any)}. ` +
          "Experimental rows are computed by the benchmark from the pool `retrieve` fetches for topK 10 (20 vector + 20 " +
          "BM25 hits); they are not what `retrieve` does." +
          (tunedExp.length > 0 ? ` Weights chosen on this split: ${tunedExp.join(", ")}.` : "")
      )
    }
    if (topK10 !== undefined) {
      md.push(
        "- Called with topK 10 (candidate pool 20 + 20), the hybrid default's recall@5 any (hit rate) is " +
          `${n3(topK10.overall.recall5Any)}, MRR@5 ${n3(topK10.overall.mrr5)}.`
      )
    }
    md.push("")
  }

  return md.join("\n")
}

/**
 * The `locomo-recall-by-category` chart: recall@5 any (hit rate) per category and overall, one bar per
 * non-experimental configuration plus the best experimental one of the default embedder.
 *
 * @since 0.1.0
 * @category constructors
 */
export const recallChart = (json: LocomoJson, input: ReportInput): string => {
  const main = input.embedders[0]?.name ?? ""
  const categories = categoriesOf(json)
  const bestExp = bestExperimental(json, main)
  return groupedBarChart({
    title: `LoCoMo recall@5 any (hit rate: any evidence turn in the top 5) by category${input.quick ? " — quick slice" : ""}`,
    categories: [...categories.map(catName), "overall (1–4)"],
    series: json.configurations.filter((c) => c.family !== "experimental" || c.id === bestExp?.id).map((c) => ({
      name: c.label,
      values: [...categories.map((k) => c.byCategory[String(k)]?.recall5Any ?? NaN), c.overall.recall5Any]
    })),
    yLabel: "recall@5 any (hit rate)",
    xLabel: "question category",
    yMax: 1,
    width: 1200,
    height: 480,
    format: (v) => v.toFixed(2)
  })
}
