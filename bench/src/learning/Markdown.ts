/**
 * The Markdown section of the paraphrase benchmark: goals, formation, slices, repeat mistakes,
 * paraphrase statistics, method and example slices.
 *
 * @since 0.1.0
 */
import type { FormationScore } from "./Formation.js"
import type { PairStats } from "./Paraphrase.js"
import type { ReportInput, Results } from "./Report.js"
import type { SliceScore } from "./Slices.js"

const f2 = (n: number) => (Number.isFinite(n) ? n.toFixed(2) : "—")
const f3 = (n: number) => (Number.isFinite(n) ? n.toFixed(3) : "—")
const f1 = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : "—")
const pct = (n: number) => (Number.isFinite(n) ? `${(n * 100).toFixed(0)}%` : "—")
const clip = (t: string, n: number) => (t.length > n ? `${t.slice(0, n - 1)}…` : t)
const cell = (t: string) => t.replace(/\|/g, "\\|").replace(/\n/g, " ")

const fence = (text: string) => {
  const ticks = text.includes("```") ? "````" : "```"
  return `${ticks}text\n${text}\n${ticks}`
}

const formationRow = (label: string, s: FormationScore) =>
  `| ${label} | ${s.expected} | ${s.heuristics} | ${s.antiPatterns} | ${s.covered} | ${s.duplicates} | ${s.crossFamilyMerges} | ${
    s.wrongKind + s.unexpected + s.unattributed
  } | ${f3(s.precision)} | ${f3(s.recall)} | ${f3(s.f1)} |`

const sliceRow = (label: string, s: SliceScore) =>
  `| ${label} | ${s.queries} | ${s.items} | ${s.nonEmpty} | ${f2(s.meanItems)} | ${f3(s.precision)} | ${pct(s.heuristicHit)} | ${
    pct(s.antiPatternHit)
  } | ${f2(s.repeatedTexts)} | ${f2(s.summarisedOutcomes)} | ${f1(s.meanTokens)} | ${f1(s.p95Tokens)} |`

const pairRow = (label: string, within: PairStats, across: PairStats) =>
  `| ${label} | ${f3(within.mean)} | ${f3(within.min)} | ${pct(within.atThreshold)} | ${f3(across.mean)} | ${f3(across.max)} | ${pct(across.atThreshold)} |`

/**
 * Renders the section (no machine/date header: the CLI adds it).
 *
 * @since 0.1.0
 * @category constructors
 */
export const renderMarkdown = (input: ReportInput, r: Results): string => {
  const { dataset, replay } = input
  const c = input.config
  const expected = dataset.families.filter((f) => f.expected).length
  const templated = dataset.families.filter((f) => f.templated).length
  const goals = [
    "| goal (issue 18) | target | measured | met |",
    "| --- | --- | ---: | --- |",
    ...r.goals.map((g) =>
      `| ${g.metric} | ${g.goal} | ${g.unit === "share" ? pct(g.value) : g.unit === "score" ? f3(g.value) : String(g.value)} | ${
        g.met ? "yes" : "**no**"
      } |`
    )
  ]
  const formation = [
    "| domain (agent) | families expected | heuristics formed | anti-patterns formed | families covered | duplicates | cross-family merges | other wrong | precision | recall | F1 |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ...r.formationByDomain.map((d) => formationRow(`${d.domain} (${d.agent})`, d.score)),
    formationRow("**all**", r.formation)
  ]
  const slices = [
    "| queries | n | items returned | non-empty slices | items per slice | precision (on-topic) | own heuristic in slice | own anti-pattern in slice | repeated strategy texts per slice | outcomes already summarised per slice | tokens mean | tokens p95 |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    sliceRow("on-topic (held-out tasks)", r.slices.onTopic),
    sliceRow("off-topic (no learned domain)", r.slices.offTopic),
    sliceRow("other-domain (another agent's task)", r.slices.otherDomain)
  ]
  const d = r.repeats.decisions
  const repeats = [
    "| domain | held-out tasks | without memory | with the slice | reduction |",
    "| --- | ---: | ---: | ---: | ---: |",
    ...r.repeatsByDomain.map((x) => `| ${x.domain} | ${x.score.tasks} | ${f3(x.score.withoutMemory)} | ${f3(x.score.withMemory)} | ${pct(x.score.reduction)} |`),
    `| **all** | ${r.repeats.tasks} | ${f3(r.repeats.withoutMemory)} | ${f3(r.repeats.withMemory)} | ${pct(r.repeats.reduction)} |`
  ]
  const pairs = [
    `| domain | within family: mean cosine | min | pairs ≥ ${r.paraphrase.threshold} | across families: mean cosine | max | pairs ≥ ${r.paraphrase.threshold} |`,
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ...r.paraphraseByDomain.map((x) => pairRow(x.domain, x.separation.within, x.separation.across)),
    pairRow("**all**", r.paraphrase.within, r.paraphrase.across)
  ]
  const bestF1 = r.bound.best?.f1 ?? NaN
  const bound = [
    "| linkage | threshold | clusters that form a memory | families covered | cross-family merges | duplicates | F1 |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ...r.bound.rows.map((x) => {
      const row = `| ${x.linkage} | ${x.threshold.toFixed(2)} | ${x.formed} | ${x.covered} | ${x.merges} | ${x.duplicates} | ${f3(x.f1)} |`
      return x === r.bound.best ? row.replace(/\| ([^|]+) \|$/, "| **$1** |") : row
    })
  ]
  const floors = [
    "| relevance floor | relevant items kept (on-topic) | of which heuristics and anti-patterns | off-topic + other-domain items kept |",
    "| ---: | ---: | ---: | ---: |",
    ...r.floors.map((x) => `| ${x.floor.toFixed(2)} | ${x.relevantKept} | ${x.relevantLessonsKept} | ${x.offTopicKept} |`)
  ]
  const wrong = r.judged.filter((j) => j.verdict !== "match")
  const wrongList = wrong.length === 0
    ? ["None."]
    : [
      "| memory | kind | verdict | text | families in provenance |",
      "| --- | --- | --- | --- | --- |",
      ...wrong.slice(0, 30).map((j) =>
        `| \`${j.memory.id}\` | ${j.memory.kind} | ${j.verdict} | ${cell(clip(j.memory.text, 70))} | ${j.families.map((f) => `\`${f}\``).join(", ")} |`
      ),
      ...(wrong.length > 30 ? [`| … | | | ${wrong.length - 30} more in the JSON | |`] : [])
    ]
  const method = [
    `- **Script.** ${dataset.domains.length} scripted agents, one per domain (task type = domain, \`canLearn: [domain]\`), each with scenarios: a success family (one strategy in 6 paraphrases) and a failure family (another strategy in 5 paraphrases, with error messages), learned on varied task texts; plus 4 failures on unrelated tasks of the same domain that all carry one generic strategy text (\`tried again\`, \`retry\`, \`n/a\`, \`none\`, \`same as before\`; an empty text is refused by \`learn\`'s validation, so it cannot be scripted). ${dataset.steps.length} outcomes, learned agent by agent in a fixed shuffled order, written for this benchmark (\`bench/src/learning/data/\`).`,
    `- **Formation.** After learning, \`exportMemories\` gives every heuristic and anti-pattern; each is matched to families by its provenance outcome ids. A memory whose provenance lies in one family of its kind is that family's match (the oldest) or a duplicate (any later one); provenance across two or more families is a cross-family merge; a memory of one templated failure is "unexpected", a heuristic from failures (or the reverse) "wrong kind". ${expected} families are expected to form one memory each (a success family ≥ 3 outcomes: a heuristic; a failure family ≥ 2: an anti-pattern; the library defaults); the ${templated} templated failures should form nothing. Precision = families covered / memories formed; recall = families covered / ${expected}; F1 their harmonic mean.`,
    "- **Slices.** `retrieve({ task, agent })` with the library defaults (all kinds, topK 5 per kind, 2000-token budget, default mode). On-topic: two held-out task texts per scenario, never learned. Off-topic: tasks of no domain in the script. Other-domain: the next agent's held-out tasks, asked of an agent that never learned that domain. Precision (on-topic) = items standing for a family of the query's scenario (a memory by its majority provenance family, an outcome by its own family) / items. Tokens: `slice.tokenCount` (o200k_base tokens of `toPrompt()`), over all queries.",
    `- **Repeat mistakes.** For each on-topic held-out task, a simulated agent reads the slice: it skips heuristics that an anti-pattern in the slice warns about (same majority family) and heuristics of other scenarios, follows the first remaining heuristic (a repeat when that heuristic was built mostly from the failing strategy), else avoids the failing strategy when an anti-pattern of it is in the slice, else picks the failing strategy at the scenario's base rate (its failures / its outcomes in the script, ${
      f3(r.repeats.withoutMemory)
    } on average). Without memory it always picks at the base rate. Expected values, no sampling. Decisions: followed a heuristic ${d["followed heuristic"]}, followed a heuristic of the failing strategy ${d["followed failing heuristic"]}, avoided a warned strategy ${d["avoided warned strategy"]}, no guidance ${d["no guidance"]}.`,
    `- **Paraphrase statistics.** Cosine of the embedder between strategy texts of one agent (templated texts left out), within a family and across families; the share of pairs at or above ${r.paraphrase.threshold}, the engine's fixed strategy threshold before issue 18. A calibration aid, not a goal.`,
    `- **learn's own report.** Heuristics created ${replay.learned.heuristicsCreated}, updated ${replay.learned.heuristicsUpdated}; anti-patterns created ${replay.learned.antiPatternsCreated}, updated ${replay.learned.antiPatternsUpdated}; learn calls that returned a warning ${replay.learned.warned}.`
  ]
  const examples = replay.examples.flatMap((e) => [
    `#### ${e.kind}: "${cell(e.task)}" (agent \`${e.agent}\`, ${e.tokens} tokens)`,
    "",
    fence(e.prompt.trim().length > 0 ? e.prompt : "(empty slice)"),
    ""
  ])
  return [
    "## Learning: paraphrased outcomes, formation and slices",
    "",
    "Do paraphrases of one strategy form one heuristic (or one anti-pattern), without duplicates or merges across strategies; does the slice hold only what is relevant; does an agent that follows it repeat fewer mistakes? (issue 18)",
    "",
    `Embedder \`${String(c["embedderModel"])}\` (${String(c["embedderDimensions"])} dims), ${String(c["storage"])}, configuration: ${String(c["source"])}; ${
      input.quick ? "quick slice" : "full script"
    } (${dataset.domains.length} agents, ${dataset.steps.length} outcomes, ${dataset.queries.length} queries); ${f1(input.durationMs / 1000)} s.`,
    "",
    ...goals,
    "",
    "### Formation",
    "",
    ...formation,
    "",
    "Memories that are not a family's single match:",
    "",
    ...wrongList,
    "",
    "### Slices",
    "",
    ...slices,
    "",
    `Tokens per slice over all ${replay.observations.length} queries: mean ${f1(r.tokens.mean)}, p95 ${f1(r.tokens.p95)}.`,
    "",
    "### Repeat mistakes (simulated agent following the slice)",
    "",
    ...repeats,
    "",
    "### Paraphrase statistics (embedder cosine between strategy texts)",
    "",
    ...pairs,
    "",
    "### Upper bound of the strategy evidence (offline clustering)",
    "",
    `Every agent's strategy texts of one polarity, clustered with the whole script known in advance on the evidence \`learn\` merges on (\`StrategyMatch.similarity\`: cosine noisy-OR IDF-weighted word overlap), then judged as above (a cluster of 3 successes or 2 failures forms a memory). The best F1 over the grid, ${f3(bestF1)}, is what threshold clustering on this evidence reaches with this embedder even knowing every outcome in advance; the engine's online formation is measured against it (\`bench/src/learning/Bound.ts\`).`,
    "",
    ...bound,
    "",
    "### Relevance floors (the same queries without the gate)",
    "",
    "Every query retrieved again with relevance floor 0 and no minimum score (topK 5 per kind, no cache); each item's relevance is the gate's (`internal/relevance.ts`: noisy-OR of the embedding cosine and the share of the task's words the memory holds). A floor meets the off-topic goal where the last column is 0; the relevant lessons it keeps are in the third column (`bench/src/learning/Gate.ts`).",
    "",
    ...floors,
    "",
    "### Method",
    "",
    ...method,
    "",
    "### Example slices (`toPrompt()`, first query of each kind)",
    "",
    ...examples
  ].join("\n")
}
