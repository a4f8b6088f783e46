/**
 * The Reflexion suite's report: JSON with every number, a Markdown section (routing per family, per
 * run, the method's choices, example prompt slices) and a bar chart of recall@1 / recall@5 / MRR.
 *
 * @since 0.1.0
 */
import { groupedBarChart } from "../charts.js"
import type { BenchReport } from "../Suite.js"
import type { Dataset } from "./Dataset.js"
import type { QueryResult, RoutingScore } from "./Metrics.js"
import { groupBy, score } from "./Metrics.js"
import type { Run } from "./Model.js"
import type { Plan, ReplayResult } from "./Replay.js"

/**
 * What the report is built from.
 *
 * **Units** `durationMs`: wall time of the whole suite, milliseconds.
 *
 * @since 0.1.0
 * @category models
 */
export interface ReportInput {
  readonly dataset: Dataset
  readonly plans: ReadonlyArray<Plan>
  readonly replay: ReplayResult
  readonly config: Record<string, unknown>
  readonly quick: boolean
  readonly durationMs: number
}

/**
 * Cumulative tasks solved by each trial (attempt number for task-major runs).
 *
 * @since 0.1.0
 * @category constructors
 */
export const solvedByTrial = (run: Run): ReadonlyArray<{ readonly trial: number; readonly solved: number }> => {
  const trials = [...new Set(run.tasks.flatMap((t) => t.attempts.map((a) => a.trial)))].sort((a, b) => a - b)
  const firstSuccess = run.tasks.map((t) => t.attempts.find((a) => a.success)?.trial)
  return trials.map((trial) => ({ trial, solved: firstSuccess.filter((s) => s !== undefined && s <= trial).length }))
}

const f3 = (n: number) => (Number.isFinite(n) ? n.toFixed(3) : "—")
const f1 = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : "—")
const num = (n: number) => (Number.isFinite(n) ? Number(n.toFixed(4)) : null)
const scoreJson = (s: RoutingScore) => ({
  queries: s.queries,
  tasks: s.tasks,
  recallAt1: num(s.recallAt1),
  recallAt5: num(s.recallAt5),
  mrr: num(s.mrr),
  recallAt5Intact: num(s.recallAt5Intact),
  meanOwnLessons: num(s.meanOwnLessons),
  meanAntiPatternPool: num(s.meanPool)
})

const fence = (text: string) => {
  const ticks = text.includes("```") ? "````" : "```"
  return `${ticks}text\n${text}\n${ticks}`
}

/** Rows of the routing table: each family (task text), then alternative query variants. */
const rowsOf = (queries: ReadonlyArray<QueryResult>) => {
  const primary = queries.filter((q) => q.variant === "task")
  const alt = queries.filter((q) => q.variant !== "task")
  return {
    families: [...groupBy(primary, (q) => q.family)].map(([family, qs]) => ({ label: family, family, score: score(qs) })),
    variants: [...groupBy(alt, (q) => `${q.family} (${q.variant})`)].map(([label, qs]) => ({
      label,
      family: qs[0]!.family,
      score: score(qs)
    })),
    overall: score(primary)
  }
}

/**
 * Builds the report (suite `reflexion`, one chart `reflexion-lesson-routing`).
 *
 * @since 0.1.0
 * @category constructors
 */
export const buildReport = (input: ReportInput): BenchReport => {
  const { dataset, plans, replay } = input
  const rows = rowsOf(replay.queries)
  const controls = dataset.runs.filter((r) => r.control)
  const statsOf = (family: string) => replay.runs.filter((s) => s.family === family)
  const sum = (family: string, f: (s: ReplayResult["runs"][number]) => number) => statsOf(family).reduce((n, s) => n + f(s), 0)
  const byRun = groupBy(replay.queries.filter((q) => q.variant === "task"), (q) => q.run)

  const familyTable = [
    "| family | runs | tasks | tasks with lessons | lessons | queries | recall@1 | recall@5 | MRR | recall@5, reflection intact |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ...[...rows.families, ...rows.variants].map((r) =>
      `| ${r.label} | ${statsOf(r.family).length} | ${sum(r.family, (s) => s.tasks)} | ${sum(r.family, (s) => s.tasksWithLessons)} | ${
        sum(r.family, (s) => s.lessons)
      } | ${r.score.queries} | ${f3(r.score.recallAt1)} | ${f3(r.score.recallAt5)} | ${f3(r.score.mrr)} | ${f3(r.score.recallAt5Intact)} |`
    ),
    `| **all (task text)** | ${replay.runs.length} | ${replay.runs.reduce((n, s) => n + s.tasks, 0)} | ${
      replay.runs.reduce((n, s) => n + s.tasksWithLessons, 0)
    } | ${replay.runs.reduce((n, s) => n + s.lessons, 0)} | ${rows.overall.queries} | ${f3(rows.overall.recallAt1)} | ${
      f3(rows.overall.recallAt5)
    } | ${f3(rows.overall.mrr)} | ${f3(rows.overall.recallAt5Intact)} |`
  ]
  const runTable = [
    "| run | format | agent | attempts | lessons (overwritten by `learn`) | queries | recall@5 | solved after a lesson (own lesson in top 5 just before) | solved by trial |",
    "| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | --- |",
    ...dataset.runs.map((run) => {
      const stats = replay.runs.find((s) => s.run === run.id)
      const curve = solvedByTrial(run).map((p) => p.solved).join(", ")
      if (stats === undefined) return `| \`${run.id}\` | ${run.format} | control, not replayed | — | 0 | — | — | — | ${curve} of ${run.tasks.length} |`
      const s = score(byRun.get(run.id) ?? [])
      return `| \`${run.id}\` | ${run.format} | \`${stats.agent}\` | ${stats.attempts} | ${stats.lessons} (${stats.overwrittenLessons}) | ${s.queries} | ${f3(s.recallAt5)} | ${stats.successAfterLesson} (${stats.routedBeforeSuccess}) | ${curve} of ${run.tasks.length} |`
    })
  ]
  const formed = replay.runs.reduce((n, s) => n + s.formedAntiPatterns, 0)
  const overwritten = replay.runs.reduce((n, s) => n + s.overwrittenLessons, 0)
  const method = [
    "- **Replay.** One agent per task family (open scope; task type = family; a family with several lesson runs gets one agent per run, so runs never see each other's lessons). HotPotQA and ALFWorld are replayed trial by trial (trial 1 of every task, then trial 2, …); programming tasks one after another, each to its end, as they were produced. Every attempt is a `learn`; every new reflection written after a failure is an `addAntiPattern` (pattern: the task, cut to 300 characters without import lines, and the failed attempt; whyBad: the reflection; betterAlternative: its \"I should have / next time / I will …\" sentences, else the whole reflection; provenance: the failed outcome's id; `metadata.taskKey` names the task). A later success is recorded by `learn` like any outcome (heuristics form only through `learn`'s own rule).",
    "- **Query.** Before each retry of a task that failed and has ≥ 1 lesson stored: `retrieve({ task, agent, kinds: [\"anti_pattern\"], topK: 5 })` (default mode). Rank = position of the first anti-patterns tagged with this task; recall@k = share of queries with rank ≤ k; MRR = mean 1/rank (0 when absent from the top 5). The pool also holds other tasks' lessons and " +
    `${formed} anti-patterns that \`learn\` formed itself from similar failures (they count as misses).`,
    `- **Overwritten lessons.** When a new failure's strategy resembles an anti-pattern's pattern (cosine ≥ 0.75), \`learn\` refreshes that anti-pattern: its \`whyBad\` becomes the new outcome's error message and its \`betterAlternative\` the best other strategy \`learn\` knows (or \"No successful alternative recorded yet\"), explicit lessons included. ${overwritten} of ${
      replay.runs.reduce((n, s) => n + s.lessons, 0)
    } lessons had lost their reflection text by the end of their run. Such a lesson still counts as the task's own in recall@k (its tag and provenance survive); \`recall@5, reflection intact\` counts only lessons that still carry the reflection.`,
    "- **Task texts.** HotPotQA: the question (the retry suffix the Reflexion prompt appends is removed). Programming: the function prompt. ALFWorld: the logs carry no task text, only the env id; a real agent would have the goal sentence (\"put a clean plate in countertop\"), so the task text is `ALFWorld <env>: <goal>` with the goal reconstructed from the env's first reflection (its \"my plan was to …\" clause, else its \"I should have …\" clause). That paraphrase shares words with the lessons, so it is easier than a real goal text; the `env id only` row is the pessimistic bound.",
    "- **Logs.** HotPotQA logs repeat solved agents in later trials; those copies are not attempts. ALFWorld trial numbers come from the `trial_<n>` file names (else file order); an env's lessons after trial n are the `memory` entries new in that file. Programming: k reflections = k failed attempts (internal tests), then the final solution judged by the hidden tests (`is_solved`).",
    `- **Controls.** Runs with no reflection anywhere are baselines and are not replayed: ${
      controls.length > 0 ? controls.map((r) => `\`${r.id}\``).join(", ") : "none found"
    }. Their solved-by-trial curve is in the table above for comparison. A baseline that still logs reflections (the ALFWorld \`base_run_logs\` do) is, by content, a lesson run and is replayed.`,
    `- **Limits.** ${replay.clipped} texts were cut to ALMA's limits (task 32,000, other texts 8,000 characters; HumanEval solutions in outcomes at 2,000).${
      input.quick ? " Quick mode: per run, the first 6 tasks with a lesson and the first 4 without." : ""
    }`
  ]
  const lessonNote = (e: ReplayResult["examples"][number]) => {
    if (e.rank === undefined) return "own lesson not in the top 5"
    const shown = e.prompt.includes("## Avoid These Patterns")
    return `own lesson at rank ${e.rank}${e.intact ? "" : ", its reflection already overwritten by `learn`"}${
      shown ? "" : `; but no anti-pattern made it into the ${e.maxTokens}-token slice, which admits whole items best score first`
    }`
  }
  const examples = replay.examples.flatMap((e) => [
    `#### ${e.family}: \`${e.taskKey.length > 80 ? `${e.taskKey.slice(0, 79)}…` : e.taskKey}\` (trial ${e.trial}; ${lessonNote(e)})`,
    "",
    fence(e.prompt.trim().length > 0 ? e.prompt : "(empty slice)"),
    ""
  ])
  const c = input.config
  const markdown = [
    "## Reflexion: lesson routing",
    "",
    "Does `retrieve(task)` before a retry return the lesson the agent wrote about that same task after failing it? The Reflexion run logs (Shinn et al., 2023: HotPotQA ReAct, ALFWorld, HumanEval) are replayed through `learn`, each reflection becoming an anti-pattern with provenance.",
    "",
    `Embedder \`${String(c["embedderModel"])}\` (${String(c["embedderDimensions"])} dims), ${String(c["storage"])}, configuration: ${String(c["source"])}; ${
      input.quick ? "quick slice" : "full dataset"
    }; ${f1(input.durationMs / 1000)} s.`,
    "",
    ...familyTable,
    "",
    ...runTable,
    "",
    "### Method",
    "",
    ...method,
    "",
    "### Example prompt slices (all kinds, `toPrompt({ maxTokens: 300 })`, at the first retry of each family)",
    "",
    ...examples
  ].join("\n")

  const chartRows = [...rows.families, ...rows.variants]
  const chart = groupedBarChart({
    title: "Reflexion lesson routing: own lesson among retrieved anti-patterns",
    categories: chartRows.map((r) => r.label),
    series: [
      { name: "recall@1", values: chartRows.map((r) => r.score.recallAt1) },
      { name: "recall@5", values: chartRows.map((r) => r.score.recallAt5) },
      { name: "MRR", values: chartRows.map((r) => r.score.mrr) }
    ],
    yLabel: "fraction of retries",
    xLabel: "task family",
    yMax: 1,
    showValues: true,
    format: (v) => v.toFixed(2)
  })

  const json = {
    suite: "reflexion",
    dataset: dataset.root,
    quick: input.quick,
    durationMs: Math.round(input.durationMs),
    config: input.config,
    files: dataset.files.map((f) => ({ path: f.path, format: f.format ?? null, run: f.run ?? null })),
    runs: dataset.runs.map((run) => {
      const stats = replay.runs.find((s) => s.run === run.id)
      return {
        id: run.id,
        format: run.format,
        family: run.family,
        role: run.control ? "control" : "lessons",
        agent: plans.find((p) => p.run.id === run.id)?.agent ?? null,
        tasks: run.tasks.length,
        solvedByTrial: solvedByTrial(run),
        notes: run.notes,
        replay: stats ?? null,
        routing: stats === undefined ? null : scoreJson(score(byRun.get(run.id) ?? []))
      }
    }),
    families: Object.fromEntries(rows.families.map((r) => [r.label, scoreJson(r.score)])),
    variants: Object.fromEntries(rows.variants.map((r) => [r.label, scoreJson(r.score)])),
    overall: scoreJson(rows.overall),
    formedAntiPatterns: formed,
    clippedTexts: replay.clipped,
    examples: replay.examples,
    queries: replay.queries
  }
  return { suite: "reflexion", json, markdown, charts: [{ name: "reflexion-lesson-routing", svg: chart }] }
}
