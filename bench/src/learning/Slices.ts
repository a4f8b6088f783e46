/**
 * Slice metrics of the paraphrase benchmark (pure): what `retrieve` returned for on-topic and
 * off-topic queries, tokens per slice, and the repeat-mistake rate of a simulated agent that follows
 * the slice.
 *
 * @since 0.1.0
 */
import { majorityFamily } from "./Formation.js"
import type { Family, Query } from "./Model.js"

/**
 * One item of a slice. **Shape** `provenance`: a heuristic's or anti-pattern's provenance ids; for an
 * outcome, its own id; `text`: the strategy (heuristic, outcome) or pattern (anti-pattern).
 *
 * @since 0.1.0
 * @category models
 */
export interface SliceItem {
  readonly kind: "heuristic" | "anti_pattern" | "outcome" | "other"
  readonly id: string
  readonly text: string
  readonly provenance: ReadonlyArray<string>
}

/**
 * One retrieval: the query, the slice's items (heuristics, anti-patterns, outcomes, others, each best
 * first) and its tokens (`slice.tokenCount`, o200k_base tokens of `toPrompt()`).
 *
 * @since 0.1.0
 * @category models
 */
export interface Observation {
  readonly query: Query
  readonly items: ReadonlyArray<SliceItem>
  readonly tokens: number
}

/**
 * What the metrics need to know about the script: each learned outcome's family, and the families.
 *
 * @since 0.1.0
 * @category models
 */
export interface Truth {
  readonly familyOfOutcome: ReadonlyMap<string, string>
  readonly families: ReadonlyArray<Family>
}

/**
 * Nearest-rank percentile (`p` in [0, 100]); `NaN` when empty.
 *
 * @since 0.1.0
 * @category constructors
 */
export const percentile = (values: ReadonlyArray<number>, p: number): number => {
  if (values.length === 0) return NaN
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!
}

/**
 * Arithmetic mean; `NaN` when empty.
 *
 * @since 0.1.0
 * @category constructors
 */
export const mean = (values: ReadonlyArray<number>): number =>
  values.length === 0 ? NaN : values.reduce((s, x) => s + x, 0) / values.length

/**
 * The family an item stands for: an outcome's own family, a memory's majority family.
 *
 * @since 0.1.0
 * @category constructors
 */
export const familyOfItem = (item: SliceItem, truth: Truth): string | undefined =>
  item.kind === "outcome" ? truth.familyOfOutcome.get(item.id) : majorityFamily(item.provenance, truth.familyOfOutcome)

const normalise = (text: string) => text.trim().toLowerCase().replace(/\s+/g, " ")

/**
 * Items of a slice whose strategy text (case and spacing ignored) already appeared in it.
 *
 * @since 0.1.0
 * @category constructors
 */
export const repeatedTexts = (items: ReadonlyArray<SliceItem>): number => {
  const seen = new Set<string>()
  let repeats = 0
  for (const item of items) {
    const t = normalise(item.text)
    if (seen.has(t)) repeats++
    seen.add(t)
  }
  return repeats
}

/**
 * Outcomes of a slice already summarised by a heuristic or anti-pattern of the same slice (their id
 * is in its provenance).
 *
 * @since 0.1.0
 * @category constructors
 */
export const summarisedOutcomes = (items: ReadonlyArray<SliceItem>): number => {
  const covered = new Set(items.filter((i) => i.kind === "heuristic" || i.kind === "anti_pattern").flatMap((i) => i.provenance))
  return items.filter((i) => i.kind === "outcome" && covered.has(i.id)).length
}

/**
 * Slice scores of one group of queries.
 *
 * **Units** `items`: all items returned over the group; `meanItems`, `meanTokens`, `p95Tokens` per
 * slice; `precision`: on-topic only, items standing for a family of the query's scenario / items
 * (`NaN` when no item); `heuristicHit` / `antiPatternHit`: share of slices holding a heuristic of the
 * scenario's success family / an anti-pattern of its failure family; `repeatedTexts` and
 * `summarisedOutcomes`: means per slice.
 *
 * @since 0.1.0
 * @category models
 */
export interface SliceScore {
  readonly queries: number
  readonly items: number
  readonly nonEmpty: number
  readonly meanItems: number
  readonly meanTokens: number
  readonly p95Tokens: number
  readonly precision: number
  readonly heuristicHit: number
  readonly antiPatternHit: number
  readonly repeatedTexts: number
  readonly summarisedOutcomes: number
}

const scenarioFamily = (truth: Truth, scenario: string | undefined, polarity: Family["polarity"]) =>
  truth.families.find((f) => f.scenario === scenario && f.polarity === polarity && !f.templated)?.id

/**
 * Scores a group of observations (see {@link SliceScore}).
 *
 * @since 0.1.0
 * @category constructors
 */
export const scoreSlices = (observations: ReadonlyArray<Observation>, truth: Truth): SliceScore => {
  const scenarioOf = new Map(truth.families.map((f) => [f.id, f.scenario]))
  let relevant = 0
  let items = 0
  const hit = (o: Observation, kind: SliceItem["kind"], polarity: Family["polarity"]) => {
    const family = scenarioFamily(truth, o.query.scenario, polarity)
    return family !== undefined && o.items.some((i) => i.kind === kind && familyOfItem(i, truth) === family) ? 1 : 0
  }
  for (const o of observations) {
    items += o.items.length
    if (o.query.scenario !== undefined) {
      relevant += o.items.filter((i) => {
        const f = familyOfItem(i, truth)
        return f !== undefined && scenarioOf.get(f) === o.query.scenario
      }).length
    }
  }
  const onTopic = observations.filter((o) => o.query.scenario !== undefined)
  return {
    queries: observations.length,
    items,
    nonEmpty: observations.filter((o) => o.items.length > 0).length,
    meanItems: mean(observations.map((o) => o.items.length)),
    meanTokens: mean(observations.map((o) => o.tokens)),
    p95Tokens: percentile(observations.map((o) => o.tokens), 95),
    precision: onTopic.length === 0 || items === 0 ? NaN : relevant / items,
    heuristicHit: onTopic.length === 0 ? NaN : mean(onTopic.map((o) => hit(o, "heuristic", "success"))),
    antiPatternHit: onTopic.length === 0 ? NaN : mean(onTopic.map((o) => hit(o, "anti_pattern", "failure"))),
    repeatedTexts: mean(observations.map((o) => repeatedTexts(o.items))),
    summarisedOutcomes: mean(observations.map((o) => summarisedOutcomes(o.items)))
  }
}

/**
 * What the simulated agent did on one held-out task.
 *
 * - `followed heuristic`: took the top relevant heuristic, built from the scenario's success family.
 * - `followed failing heuristic`: took the top relevant heuristic, but it was built mostly from the
 *   failing strategy (it repeats the mistake).
 * - `avoided warned strategy`: no relevant heuristic, but an anti-pattern of the failing strategy.
 * - `no guidance`: neither; it picks the failing strategy at the scenario's base rate.
 *
 * @since 0.1.0
 * @category models
 */
export type Decision = "followed heuristic" | "followed failing heuristic" | "avoided warned strategy" | "no guidance"

/**
 * One simulated task. **Units** `baseRate`, `withMemory`: probability of repeating the mistake.
 *
 * @since 0.1.0
 * @category models
 */
export interface Simulated {
  readonly query: string
  readonly scenario: string
  readonly decision: Decision
  readonly baseRate: number
  readonly withMemory: number
}

/**
 * The scenario's base rate: its learned failures / its learned outcomes (how often an agent without
 * memory picked the failing strategy in the script).
 *
 * @since 0.1.0
 * @category constructors
 */
export const baseRate = (truth: Truth, scenario: string): number => {
  const fams = truth.families.filter((f) => f.scenario === scenario)
  const total = fams.reduce((n, f) => n + f.size, 0)
  return total === 0 ? 0 : fams.filter((f) => f.polarity === "failure").reduce((n, f) => n + f.size, 0) / total
}

/**
 * The simulated agent on one on-topic observation whose scenario has a failure family (else
 * `undefined`). It skips heuristics an anti-pattern of the slice warns about (same majority family)
 * and heuristics of other scenarios; follows the first remaining one; else avoids a warned failing
 * strategy; else picks the failing strategy at the base rate. Expected values, no sampling.
 *
 * @since 0.1.0
 * @category constructors
 */
export const simulate = (o: Observation, truth: Truth): Simulated | undefined => {
  const scenario = o.query.scenario
  const failing = scenarioFamily(truth, scenario, "failure")
  if (scenario === undefined || failing === undefined) return undefined
  const p = baseRate(truth, scenario)
  const scenarioOf = new Map(truth.families.map((f) => [f.id, f.scenario]))
  const warned = new Set(o.items.filter((i) => i.kind === "anti_pattern").map((i) => familyOfItem(i, truth)))
  const heuristic = o.items
    .filter((i) => i.kind === "heuristic")
    .map((i) => familyOfItem(i, truth))
    .find((f) => f !== undefined && !warned.has(f) && scenarioOf.get(f) === scenario)
  const result = (decision: Decision, withMemory: number): Simulated => ({ query: o.query.id, scenario, decision, baseRate: p, withMemory })
  if (heuristic === failing) return result("followed failing heuristic", 1)
  if (heuristic !== undefined) return result("followed heuristic", 0)
  if (warned.has(failing)) return result("avoided warned strategy", 0)
  return result("no guidance", p)
}

/**
 * Repeat-mistake rates over simulated tasks. **Units** rates in [0, 1]; `reduction` = 1 − with /
 * without (`NaN` when without is 0).
 *
 * @since 0.1.0
 * @category models
 */
export interface RepeatScore {
  readonly tasks: number
  readonly withoutMemory: number
  readonly withMemory: number
  readonly reduction: number
  readonly decisions: Readonly<Record<Decision, number>>
}

/**
 * Scores simulated tasks (see {@link RepeatScore}).
 *
 * @since 0.1.0
 * @category constructors
 */
export const scoreRepeats = (simulated: ReadonlyArray<Simulated>): RepeatScore => {
  const without = mean(simulated.map((s) => s.baseRate))
  const withMemory = mean(simulated.map((s) => s.withMemory))
  const decisions: Record<Decision, number> = {
    "followed heuristic": 0,
    "followed failing heuristic": 0,
    "avoided warned strategy": 0,
    "no guidance": 0
  }
  for (const s of simulated) decisions[s.decision]++
  return {
    tasks: simulated.length,
    withoutMemory: without,
    withMemory,
    reduction: Number.isFinite(without) && without > 0 ? 1 - withMemory / without : NaN,
    decisions
  }
}
