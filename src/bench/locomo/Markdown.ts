/**
 * The `locomo` report's Markdown (tables of every configuration, per category, the hybrid default per
 * category, the goal and findings) and its recall-by-category chart.
 *
 * @since 0.1.0
 */
import { groupedBarChart } from "../charts.js"
import { categoryNames } from "./Dataset.js"
import type { Metrics } from "./Metrics.js"
import type { LocomoJson, ReportInput } from "./Report.js"

const n3 = (x: number): string => (Number.isFinite(x) ? x.toFixed(3) : "—")
const n0 = (x: number): string => (Number.isFinite(x) ? String(Math.round(x)) : "—")
const row = (cells: ReadonlyArray<string>): string => `| ${cells.join(" | ")} |`
const metricCells = (m: Metrics) =>
  [m.recall5Any, m.recall5All, m.recall10Any, m.recall10All, m.ndcg10].map(n3).concat([n0(m.tokensMedian), n0(m.tokensP95)])
const metricHeader = ["recall@5 any", "recall@5 all", "recall@10 any", "recall@10 all", "NDCG@10", "tokens median", "tokens p95"]
const table = (header: ReadonlyArray<string>, rows: ReadonlyArray<ReadonlyArray<string>>): string =>
  [row(header), row(header.map((_, i) => (i === 0 ? "---" : "---:"))), ...rows.map(row)].join("\n")

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
  const hybrid = get(`hybrid:${main}`)
  const top5 = json.defaultTopK5
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
      `\`[3 June, 2023] Ana: … [shares a photo: …]\`), all under one timestamp; retrieval cache off; topK 10. ` +
      `"Overall" = categories 1–4 (n = ${hybrid?.overall.n ?? 0}); adversarial questions (5) are reported separately. ` +
      `Tokens: o200k_base tokens of \`slice.toPrompt()\` for the top-5 slice. ` +
      `Wall time ${(input.wallTimeMs / 1000).toFixed(1)} s.`,
    ""
  )
  md.push("### All configurations (overall, categories 1–4)", "")
  md.push(table(["configuration", ...metricHeader], configs.map((c) => [c.label, ...metricCells(c.overall)])), "")
  md.push("### Recall@5 (any) per category", "")
  md.push(table(
    ["configuration", ...categories.map(catName), "overall 1–4", "all 1–5"],
    configs.map((c) => [
      c.label,
      ...categories.map((k) => n3(c.byCategory[String(k)]?.recall5Any ?? NaN)),
      n3(c.overall.recall5Any),
      n3(c.all.recall5Any)
    ])
  ), "")
  if (hybrid !== undefined) {
    md.push(`### Hybrid default (${main}) per category`, "")
    md.push(table(["category", "n", ...metricHeader], [
      ...categories.map((c) => {
        const m = hybrid.byCategory[String(c)]!
        return [catName(c), String(m.n), ...metricCells(m)]
      }),
      ["overall (1–4)", String(hybrid.overall.n), ...metricCells(hybrid.overall)],
      ["all (1–5)", String(hybrid.all.n), ...metricCells(hybrid.all)]
    ]), "")
    md.push("### Goal and findings", "")
    md.push(
      `- Goal: recall@5 (any) ≥ ${json.goal.target} for the hybrid default (categories 1–4): measured **${n3(measured)}** — ` +
        `${json.goal.met ? "**met**" : "**not met**"}.`
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
      md.push(
        `- Best experimental ranking over the same candidates: ${bestExp.label}, ${n3(bestExp.overall.recall5Any)}. ` +
          "Experimental rows are computed by the benchmark from the pool `retrieve` fetches (20 vector + 20 BM25 hits); " +
          "they are not what `retrieve` does. Their weights were chosen on this split."
      )
    }
    if (top5 !== null) {
      md.push(
        "- Called with topK 5 (the default; candidate pool 10 + 10), the hybrid default's recall@5 (any) is " +
          `${n3(top5.overall.recall5Any)}.`
      )
    }
    md.push("")
  }

  return md.join("\n")
}

/**
 * The `locomo-recall-by-category` chart: recall@5 (any) per category and overall, one bar per
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
    title: `LoCoMo recall@5 (any evidence turn) by category${input.quick ? " — quick slice" : ""}`,
    categories: [...categories.map(catName), "overall (1–4)"],
    series: json.configurations.filter((c) => c.family !== "experimental" || c.id === bestExp?.id).map((c) => ({
      name: c.label,
      values: [...categories.map((k) => c.byCategory[String(k)]?.recall5Any ?? NaN), c.overall.recall5Any]
    })),
    yLabel: "recall@5 (any)",
    xLabel: "question category",
    yMax: 1,
    width: 1200,
    height: 480,
    format: (v) => v.toFixed(2)
  })
}
