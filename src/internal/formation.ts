/**
 * Heuristic and anti-pattern formation from outcomes (reference §3.5, with defects 5 and 6 fixed:
 * matching memories are updated, never duplicated, and anti-patterns warn instead of blocking).
 */
import type { DateTime } from "effect"
import type { MemoryId } from "../domain/Ids.js"
import { AntiPattern, Heuristic } from "../domain/Memory.js"
import type { Outcome } from "../domain/Memory.js"
import * as StrategyMatch from "./strategyMatch.js"

/** How many outcome ids a memory keeps as provenance (newest last). */
export const MAX_PROVENANCE = 100

const appendProvenance = (ids: ReadonlyArray<MemoryId>, id: MemoryId): ReadonlyArray<MemoryId> =>
  [...ids.filter((x) => x !== id), id].slice(-MAX_PROVENANCE)

/** An item paired with the evidence (embedding and content words) of its strategy text. */
export interface WithStrategy<A> {
  readonly item: A
  readonly strategy: StrategyMatch.Evidence
}

/** The item whose strategy is most similar to `strategy` (`StrategyMatch.similarity`), if at least `threshold`. */
export const bestMatch = <A>(
  items: ReadonlyArray<WithStrategy<A>>,
  strategy: StrategyMatch.Evidence,
  threshold: number,
  weight?: StrategyMatch.Weighting
): A | undefined => {
  let best: A | undefined
  let bestSim = threshold
  for (const x of items) {
    const sim = StrategyMatch.similarity(x.strategy, strategy, weight)
    if (sim >= bestSim) {
      bestSim = sim
      best = x.item
    }
  }
  return best
}

/** Inputs of one formation step. */
export interface FormationInput {
  readonly outcome: Outcome
  /** Earlier outcomes of the same agent and task type with strategies similar to this one. */
  readonly similar: ReadonlyArray<Outcome>
  readonly minOccurrences: number
  readonly minFailures: number
  readonly now: DateTime.Utc
  readonly heuristicId: MemoryId
  readonly antiPatternId: MemoryId
  /**
   * Set when the strategy text cannot tell the strategy on its own (too short, or a template): the
   * task the lesson is bound to, named in a new heuristic's condition.
   */
  readonly boundTask?: string | undefined
}

/** Result of a formation step for one memory. */
export interface Formed<A> {
  readonly memory: A
  readonly action: "created" | "updated"
}

/**
 * Heuristic step. With a matching heuristic: add this outcome to its counts (confidence =
 * successes / occurrences, so failures lower it) and refresh `lastValidated` on success. Without one:
 * create it on a success once at least `minOccurrences` similar outcomes exist (this one included)
 * and more than half succeeded (original rule: confidence = success fraction, created only above
 * 0.5; unlike the original, a failure never creates one, which would advise its failing text).
 */
export const formHeuristic = (input: FormationInput, existing: Heuristic | undefined): Formed<Heuristic> | undefined => {
  const { now, outcome } = input
  if (existing) {
    const occurrenceCount = existing.occurrenceCount + 1
    const successCount = existing.successCount + (outcome.success ? 1 : 0)
    return {
      action: "updated",
      memory: Heuristic.make({
        ...existing,
        occurrenceCount,
        successCount,
        confidence: successCount / occurrenceCount,
        lastValidated: outcome.success ? now : existing.lastValidated,
        updatedAt: now,
        provenance: appendProvenance(existing.provenance, outcome.id)
      })
    }
  }
  // A heuristic says what to do: it is created on a success, never with a failure's strategy text.
  if (!outcome.success) return undefined
  const group = [...input.similar, outcome]
  if (group.length < input.minOccurrences) return undefined
  const successes = group.filter((o) => o.success).length
  const confidence = successes / group.length
  if (confidence <= 0.5) return undefined
  return {
    action: "created",
    memory: Heuristic.make({
      id: input.heuristicId,
      projectId: outcome.projectId,
      agent: outcome.agent,
      taskType: outcome.taskType,
      condition: input.boundTask === undefined
        ? `task type: ${outcome.taskType}`
        : `task type: ${outcome.taskType}; tasks like: ${input.boundTask.replace(/\s+/g, " ").trim().slice(0, 160)}`,
      strategy: outcome.strategyUsed,
      confidence,
      occurrenceCount: group.length,
      successCount: successes,
      lastValidated: now,
      createdAt: now,
      updatedAt: now,
      metadata: {},
      provenance: group.map((o) => o.id).slice(-MAX_PROVENANCE)
    })
  }
}

/**
 * Anti-pattern step (failures only). With a matching anti-pattern: count this failure, refresh
 * `lastSeen`, `whyBad` and `betterAlternative`. Without one: create it once at least `minFailures`
 * similar failures exist (this one included; original threshold 2).
 */
export const formAntiPattern = (
  input: FormationInput,
  existing: AntiPattern | undefined,
  betterAlternative: string
): Formed<AntiPattern> | undefined => {
  const { now, outcome } = input
  if (outcome.success) return undefined
  const failures = [...input.similar.filter((o) => !o.success), outcome]
  const whyBad = outcome.errorMessage ?? outcome.feedback ?? generatedWhyBad(failures.length, outcome.taskType)
  if (existing) {
    // An anti-pattern's explanation and alternative are kept once written (an explicit lesson must
    // never be overwritten by a later error message); only generated placeholders are replaced.
    return {
      action: "updated",
      memory: AntiPattern.make({
        ...existing,
        whyBad: isGeneratedWhyBad(existing.whyBad) ? whyBad : existing.whyBad,
        betterAlternative: existing.betterAlternative.startsWith(NO_ALTERNATIVE)
          ? betterAlternative
          : existing.betterAlternative,
        occurrenceCount: existing.occurrenceCount + 1,
        lastSeen: now,
        updatedAt: now,
        provenance: appendProvenance(existing.provenance, outcome.id)
      })
    }
  }
  if (failures.length < input.minFailures) return undefined
  return {
    action: "created",
    memory: AntiPattern.make({
      id: input.antiPatternId,
      projectId: outcome.projectId,
      agent: outcome.agent,
      taskType: outcome.taskType,
      pattern: outcome.strategyUsed,
      whyBad,
      betterAlternative,
      occurrenceCount: failures.length,
      lastSeen: now,
      createdAt: now,
      updatedAt: now,
      metadata: {},
      provenance: failures.map((o) => o.id).slice(-MAX_PROVENANCE)
    })
  }
}

/**
 * The better alternative to a failing strategy: the most confident heuristic of the same task type
 * whose strategy is not the failing one, else the newest such successful outcome's strategy. "Not the
 * failing one" is judged across polarities, so at the `strict` threshold (`StrategyMatch`).
 */
export const betterAlternative = (
  taskType: string,
  failing: StrategyMatch.Evidence,
  strict: number,
  heuristics: ReadonlyArray<WithStrategy<Heuristic>>,
  history: ReadonlyArray<WithStrategy<Outcome>>,
  weight?: StrategyMatch.Weighting
): string => {
  const differs = (e: StrategyMatch.Evidence) => StrategyMatch.similarity(e, failing, weight) < strict
  const heuristic = heuristics
    .filter((h) => differs(h.strategy) && h.item.confidence > 0.5)
    .sort((a, b) => b.item.confidence - a.item.confidence)[0]
  if (heuristic) return heuristic.item.strategy
  const success = history.find((o) => o.item.success && differs(o.strategy))
  if (success) return success.item.strategyUsed
  return `${NO_ALTERNATIVE} for ${taskType} tasks`
}

/** Start of the placeholder used when no better alternative is known yet. */
export const NO_ALTERNATIVE = "No successful alternative recorded yet"

const generatedWhyBad = (failures: number, taskType: string) => `failed ${failures} times on ${taskType} tasks`

const isGeneratedWhyBad = (text: string) => /^failed \d+ times on \S+ tasks$/.test(text)

/**
 * Task type guessed from the task's words when none is given and the agent has no domain
 * (original keyword rules).
 */
export const inferTaskType = (task: string): string => {
  const t = task.toLowerCase()
  if (t.includes("test") || t.includes("validate")) return "testing"
  if (t.includes("api") || t.includes("endpoint")) return "api_testing"
  if (t.includes("form") || t.includes("input")) return "form_testing"
  if (t.includes("database") || t.includes("query")) return "database_validation"
  return "general"
}

/** What one learn matches: the similar earlier outcomes and the memories it updates, if any. */
export interface Matched {
  readonly similar: ReadonlyArray<Outcome>
  readonly heuristic: Heuristic | undefined
  readonly antiPattern: AntiPattern | undefined
}

/**
 * The outcomes and memories `outcome` merges with (see `StrategyMatch`): earlier outcomes of the same
 * polarity at `threshold`, of the other polarity at `strict`; the best heuristic (a success at
 * `threshold`, a failure at `strict`) and, for a failure, the best anti-pattern at `threshold`. With
 * `taskSimilar` (the strategy text cannot tell the strategy on its own), outcomes must also have a
 * similar task, and a memory matches only when one of its provenance outcomes does.
 */
export const match = (input: {
  readonly outcome: Outcome
  readonly strategy: StrategyMatch.Evidence
  readonly heuristics: ReadonlyArray<WithStrategy<Heuristic>>
  readonly antiPatterns: ReadonlyArray<WithStrategy<AntiPattern>>
  readonly history: ReadonlyArray<WithStrategy<Outcome>>
  readonly thresholds: StrategyMatch.Thresholds
  readonly taskSimilar?: ((o: Outcome) => boolean) | undefined
  /** Word weights of the lexical evidence (`StrategyMatch.idfWeighting` over the history). */
  readonly weight?: StrategyMatch.Weighting | undefined
}): Matched => {
  const { outcome, strategy, taskSimilar, thresholds: { strict, threshold } } = input
  const weight = input.weight
  const similar = input.history
    .filter((o) =>
      StrategyMatch.similarity(o.strategy, strategy, weight) >= (o.item.success === outcome.success ? threshold : strict) &&
      (taskSimilar === undefined || taskSimilar(o.item))
    )
    .map((o) => o.item)
  const similarIds = new Set<string>(similar.map((o) => o.id))
  const bound = <M extends { readonly provenance: ReadonlyArray<MemoryId> }>(items: ReadonlyArray<WithStrategy<M>>) =>
    taskSimilar === undefined ? items : items.filter((x) => x.item.provenance.some((id) => similarIds.has(id)))
  // A memory is also matched through its members: a similar earlier outcome of this polarity in its
  // provenance (the memory's own text is one paraphrase; its members are the others), so a later
  // paraphrase joins it instead of forming a duplicate.
  // A member counts only when it is itself a paraphrase of the memory (an explicit lesson's evidence
  // outcome, worded differently, does not make later outcomes join that lesson).
  const evidenceOf = new Map(input.history.map((o) => [o.item.id as string, o.strategy]))
  const samePolarity = new Set<string>(similar.filter((o) => o.success === outcome.success).map((o) => o.id))
  const byMembers = <M extends { readonly provenance: ReadonlyArray<MemoryId> }>(items: ReadonlyArray<WithStrategy<M>>) => {
    let best: M | undefined
    let most = 0
    for (const x of items) {
      const shared = x.item.provenance.filter((id) => {
        const member = evidenceOf.get(id)
        return samePolarity.has(id) && member !== undefined &&
          StrategyMatch.similarity(member, x.strategy, weight) >= threshold
      }).length
      if (shared > most) {
        most = shared
        best = x.item
      }
    }
    return best
  }
  const heuristics = bound(input.heuristics)
  const antiPatterns = bound(input.antiPatterns)
  return {
    similar,
    heuristic: bestMatch(heuristics, strategy, outcome.success ? threshold : strict, weight) ??
      (outcome.success ? byMembers(heuristics) : undefined),
    antiPattern: outcome.success
      ? undefined
      : bestMatch(antiPatterns, strategy, threshold, weight) ?? byMembers(antiPatterns)
  }
}

/**
 * Whether `strategy` needs the task as evidence: it is uninformative, or it is a template (the
 * same text, verbatim, was recorded for a task not similar to this one: `taskSimilar` false).
 */
export const needsTask = (
  strategyText: string,
  strategy: StrategyMatch.Evidence,
  history: ReadonlyArray<Outcome>,
  taskSimilar: (o: Outcome) => boolean
): boolean => {
  if (StrategyMatch.isUninformative(strategy)) return true
  const text = StrategyMatch.normalized(strategyText)
  return history.some((o) => StrategyMatch.normalized(o.strategyUsed) === text && !taskSimilar(o))
}
