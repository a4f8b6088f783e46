/**
 * The ranking step of retrieval (pure): candidates gated by relevance, scored by the multi-factor
 * score of the original ALMA, grouped per kind (typed: a heuristic list holds scored heuristics), then
 * selected per kind (MMR when the mode asks for diversity; outcomes already summarised by a returned
 * heuristic or anti-pattern left out).
 */
import type { Owner } from "../domain/Ids.js"
import type { AntiPattern, DomainKnowledge, Heuristic, Memory, Outcome, UserPreference } from "../domain/Memory.js"
import { ownerOf, searchText } from "../domain/Memory.js"
import { ScoreBreakdown } from "../domain/MemorySlice.js"
import type { MemorySlice } from "../domain/MemorySlice.js"
import type { ModeConfig } from "./modes.js"
import * as Relevance from "./relevance.js"
import { withoutRepeats } from "./repeats.js"
import * as Scoring from "./scoring.js"
import { cosine } from "./vector.js"

/**
 * A memory found by vector or lexical search. **Units** `vector`: cosine similarity to the task,
 * clamped to [0, 1]; `lexical`: BM25 divided by the best BM25 of the query's hits, in [0, 1].
 */
export interface Candidate {
  readonly memory: Memory
  readonly embedding: Float32Array
  readonly vector: number
  readonly lexical: number
}

/** A scored memory of kind `M`, as a slice holds it. */
export interface Scored<M extends Memory> {
  readonly memory: M
  readonly score: ScoreBreakdown
  readonly sharedFrom?: string | undefined
}

/** A scored memory with what selection needs: its final score and its embedding. */
export interface Entry<M extends Memory> {
  readonly item: Scored<M>
  readonly final: number
  readonly embedding: Float32Array
}

/** Ranked entries per kind, best first. */
export interface Ranked {
  readonly heuristics: ReadonlyArray<Entry<Heuristic>>
  readonly antiPatterns: ReadonlyArray<Entry<AntiPattern>>
  readonly preferences: ReadonlyArray<Entry<UserPreference>>
  readonly domainKnowledge: ReadonlyArray<Entry<DomainKnowledge>>
  readonly outcomes: ReadonlyArray<Entry<Outcome>>
}

/** The per-kind lists of a slice. */
export type Lists = Pick<MemorySlice, "heuristics" | "antiPatterns" | "preferences" | "domainKnowledge" | "outcomes">

/** What ranking needs to know of the request and the engine's settings. */
export interface RankContext {
  readonly mode: ModeConfig
  /** Relevance floor in [0, 1] (`internal/relevance.ts`); 0 disables the gate. */
  readonly floor: number
  /** Content words of the task (`StrategyMatch.contentWords`). */
  readonly queryWords: ReadonlySet<string>
  readonly halfLifeDays: number
  /** Epoch milliseconds. */
  readonly now: number
  /** The agent retrieving: memories of other owners are marked `sharedFrom`. */
  readonly agent: Owner
}

/**
 * Gates, scores and groups the candidates. A memory other than a preference enters only when its
 * relevance reaches the floor and its final score reaches the mode's minimum; preferences (the
 * user's explicit wishes) are ranked, never thresholded away. Ties break on id.
 */
export const rank = (candidates: ReadonlyArray<Candidate>, ctx: RankContext): Ranked => {
  const { mode } = ctx
  const heuristics: Array<Entry<Heuristic>> = []
  const antiPatterns: Array<Entry<AntiPattern>> = []
  const preferences: Array<Entry<UserPreference>> = []
  const domainKnowledge: Array<Entry<DomainKnowledge>> = []
  const outcomes: Array<Entry<Outcome>> = []
  for (const c of candidates) {
    const m = c.memory
    const preference = m.kind === "user_preference"
    // Relevance gates; the score only orders.
    if (!preference && ctx.floor > 0 && Relevance.relevance(c.vector, ctx.queryWords, searchText(m)) < ctx.floor) continue
    const similarity = Scoring.fuse(c.vector, c.lexical)
    const recency = Scoring.recencyFactor(Scoring.ageDays(Scoring.recencyTimestamp(m), ctx.now), ctx.halfLifeDays)
    const success = Scoring.successTerm(m)
    const confidence = Scoring.confidenceTerm(m)
    let final = Scoring.weightedScore(mode.weights, { similarity, recency, success, confidence })
    if (m.kind === "outcome" && !m.success) final *= mode.failureBoost
    if (c.vector > 0.9) final *= mode.exactMatchBoost
    else if (c.vector > 0.8) final *= 1 + (mode.exactMatchBoost - 1) / 2
    if (!preference && final < mode.minScore) continue
    const score = ScoreBreakdown.make({ vector: c.vector, lexical: c.lexical, similarity, recency, success, confidence, final })
    const owner = ownerOf(m)
    const sharedFrom = !preference && owner !== ctx.agent ? { sharedFrom: owner } : {}
    const entry = <M extends Memory>(memory: M): Entry<M> => ({ item: { memory, score, ...sharedFrom }, final, embedding: c.embedding })
    switch (m.kind) {
      case "heuristic":
        heuristics.push(entry(m))
        break
      case "anti_pattern":
        antiPatterns.push(entry(m))
        break
      case "user_preference":
        preferences.push(entry(m))
        break
      case "domain_knowledge":
        domainKnowledge.push(entry(m))
        break
      case "outcome":
        outcomes.push(entry(m))
        break
    }
  }
  const best = <M extends Memory>(list: Array<Entry<M>>) =>
    list.sort((a, b) => b.final - a.final || a.item.memory.id.localeCompare(b.item.memory.id))
  return {
    heuristics: best(heuristics),
    antiPatterns: best(antiPatterns),
    preferences: best(preferences),
    domainKnowledge: best(domainKnowledge),
    outcomes: best(outcomes)
  }
}

/**
 * Greedy maximal-marginal-relevance selection (Carbonell & Goldstein, 1998) with real embedding
 * similarity between items: each pick maximises `final − factor · max cosine to the picks so far`.
 * `factor` 0 keeps the ranking's order.
 */
export const diversify = <T extends { readonly final: number; readonly embedding: Float32Array }>(
  items: ReadonlyArray<T>,
  k: number,
  factor: number
): ReadonlyArray<T> => {
  if (factor <= 0 || items.length <= 1) return items.slice(0, k)
  const pool = [...items]
  const chosen: Array<T> = []
  while (chosen.length < k && pool.length > 0) {
    let best = 0
    let bestValue = -Infinity
    for (let i = 0; i < pool.length; i++) {
      const item = pool[i]!
      const redundancy = chosen.reduce((max, c) => Math.max(max, cosine(item.embedding, c.embedding)), 0)
      const value = item.final - factor * redundancy
      if (value > bestValue) {
        bestValue = value
        best = i
      }
    }
    chosen.push(pool.splice(best, 1)[0]!)
  }
  return chosen
}

/**
 * At most `topK` items per kind. With `collapseRepeats`, outcomes a selected heuristic or
 * anti-pattern summarises are left out before the outcomes are picked (`internal/repeats.ts`).
 */
export const select = (ranked: Ranked, topK: number, diversity: number, collapseRepeats: boolean): Lists => {
  const pick = <M extends Memory>(list: ReadonlyArray<Entry<M>>) => diversify(list, topK, diversity).map((x) => x.item)
  const heuristics = pick(ranked.heuristics)
  const antiPatterns = pick(ranked.antiPatterns)
  const outcomes = collapseRepeats
    ? withoutRepeats(ranked.outcomes, (x) => x.item.memory, [
      ...heuristics.map((h) => h.memory),
      ...antiPatterns.map((a) => a.memory)
    ])
    : ranked.outcomes
  return {
    heuristics,
    antiPatterns,
    preferences: pick(ranked.preferences),
    domainKnowledge: pick(ranked.domainKnowledge),
    outcomes: pick(outcomes)
  }
}
