/**
 * Formation metrics of the paraphrase benchmark (pure): each formed heuristic or anti-pattern is
 * matched to a family by its provenance outcome ids, then precision, recall, F1, duplicates and
 * cross-family merges are counted.
 *
 * @since 0.1.0
 */
import type { Family } from "./Model.js"

/**
 * A formed memory as the metrics see it: kind, text (strategy or pattern) and provenance.
 *
 * @since 0.1.0
 * @category models
 */
export interface FormedMemory {
  readonly id: string
  readonly kind: "heuristic" | "anti_pattern"
  readonly agent: string
  readonly text: string
  readonly provenance: ReadonlyArray<string>
}

/**
 * How a formed memory was judged.
 *
 * - `match`: provenance entirely within one expected family of the memory's kind, the first such memory.
 * - `duplicate`: as `match`, but the family already had one.
 * - `cross-family merge`: provenance spans two or more families.
 * - `wrong kind`: one family, of the other polarity (a heuristic from failures, …).
 * - `unexpected`: one family that should form nothing (a templated failure).
 * - `unattributed`: no provenance id is a learned outcome of the script.
 *
 * @since 0.1.0
 * @category models
 */
export type Verdict = "match" | "duplicate" | "cross-family merge" | "wrong kind" | "unexpected" | "unattributed"

/**
 * One judged memory. **Shape** `families`: the distinct families of its provenance, most outcomes first.
 *
 * @since 0.1.0
 * @category models
 */
export interface JudgedMemory {
  readonly memory: FormedMemory
  readonly families: ReadonlyArray<string>
  readonly verdict: Verdict
  readonly family?: string | undefined
}

/**
 * One family's result: the memories matched to it (first is the match, the rest duplicates), and
 * the merges that swallowed some of its outcomes.
 *
 * @since 0.1.0
 * @category models
 */
export interface FamilyResult {
  readonly family: Family
  readonly matched: ReadonlyArray<string>
  readonly mergedInto: ReadonlyArray<string>
}

/**
 * Formation scores.
 *
 * **Units** counts, and precision / recall / F1 in [0, 1]: precision = families covered / memories
 * formed (duplicates, merges, wrong-kind and unexpected memories all count against it; `NaN` when
 * nothing formed); recall = expected families covered / expected families; F1 = harmonic mean (0 when
 * either is 0 or undefined). `duplicates` = Σ over families of (matched memories − 1).
 *
 * @since 0.1.0
 * @category models
 */
export interface FormationScore {
  readonly formed: number
  readonly heuristics: number
  readonly antiPatterns: number
  readonly expected: number
  readonly covered: number
  readonly precision: number
  readonly recall: number
  readonly f1: number
  readonly duplicates: number
  readonly crossFamilyMerges: number
  readonly wrongKind: number
  readonly unexpected: number
  readonly unattributed: number
}

/**
 * The families of a provenance list, most outcomes first (ties by first appearance), and the
 * outcome count of each.
 *
 * @since 0.1.0
 * @category constructors
 */
export const familiesOf = (
  provenance: ReadonlyArray<string>,
  familyOfOutcome: ReadonlyMap<string, string>
): ReadonlyArray<{ readonly family: string; readonly count: number }> => {
  const counts = new Map<string, number>()
  for (const id of new Set(provenance)) {
    const f = familyOfOutcome.get(id)
    if (f !== undefined) counts.set(f, (counts.get(f) ?? 0) + 1)
  }
  return [...counts].map(([family, count]) => ({ family, count })).sort((a, b) => b.count - a.count)
}

/**
 * The family most of a memory's provenance outcomes belong to, when more than half do.
 *
 * @since 0.1.0
 * @category constructors
 */
export const majorityFamily = (
  provenance: ReadonlyArray<string>,
  familyOfOutcome: ReadonlyMap<string, string>
): string | undefined => {
  const counted = familiesOf(provenance, familyOfOutcome)
  const total = counted.reduce((n, c) => n + c.count, 0)
  const top = counted[0]
  return top !== undefined && top.count * 2 > total ? top.family : undefined
}

/**
 * Judges memories in the order given (oldest first: the first match of a family is the match).
 *
 * @since 0.1.0
 * @category constructors
 */
export const judge = (
  memories: ReadonlyArray<FormedMemory>,
  families: ReadonlyArray<Family>,
  familyOfOutcome: ReadonlyMap<string, string>
): ReadonlyArray<JudgedMemory> => {
  const byId = new Map(families.map((f) => [f.id, f]))
  const seen = new Set<string>()
  return memories.map((memory) => {
    const fams = familiesOf(memory.provenance, familyOfOutcome).map((c) => c.family)
    const base = { memory, families: fams }
    if (fams.length === 0) return { ...base, verdict: "unattributed" as const }
    if (fams.length > 1) return { ...base, verdict: "cross-family merge" as const }
    const family = byId.get(fams[0]!)
    if (family === undefined) return { ...base, verdict: "unattributed" as const }
    if (family.kind !== memory.kind) return { ...base, verdict: "wrong kind" as const, family: family.id }
    if (!family.expected) return { ...base, verdict: "unexpected" as const, family: family.id }
    const verdict = seen.has(family.id) ? ("duplicate" as const) : ("match" as const)
    seen.add(family.id)
    return { ...base, verdict, family: family.id }
  })
}

/**
 * Per-family results of judged memories.
 *
 * @since 0.1.0
 * @category constructors
 */
export const perFamily = (families: ReadonlyArray<Family>, judged: ReadonlyArray<JudgedMemory>): ReadonlyArray<FamilyResult> =>
  families.map((family) => ({
    family,
    matched: judged.filter((j) => (j.verdict === "match" || j.verdict === "duplicate") && j.family === family.id).map((j) => j.memory.id),
    mergedInto: judged.filter((j) => j.verdict === "cross-family merge" && j.families.includes(family.id)).map((j) => j.memory.id)
  }))

/**
 * F1 of a precision and a recall (0 when either is 0 or not finite).
 *
 * @since 0.1.0
 * @category constructors
 */
export const f1Of = (precision: number, recall: number): number =>
  Number.isFinite(precision) && Number.isFinite(recall) && precision + recall > 0
    ? (2 * precision * recall) / (precision + recall)
    : 0

/**
 * Scores judged memories against the families (see {@link FormationScore}).
 *
 * @since 0.1.0
 * @category constructors
 */
export const score = (families: ReadonlyArray<Family>, judged: ReadonlyArray<JudgedMemory>): FormationScore => {
  const count = (v: Verdict) => judged.filter((j) => j.verdict === v).length
  const expected = families.filter((f) => f.expected).length
  const covered = count("match")
  const formed = judged.length
  const precision = formed === 0 ? NaN : covered / formed
  const recall = expected === 0 ? NaN : covered / expected
  return {
    formed,
    heuristics: judged.filter((j) => j.memory.kind === "heuristic").length,
    antiPatterns: judged.filter((j) => j.memory.kind === "anti_pattern").length,
    expected,
    covered,
    precision,
    recall,
    f1: f1Of(precision, recall),
    duplicates: count("duplicate"),
    crossFamilyMerges: count("cross-family merge"),
    wrongKind: count("wrong kind"),
    unexpected: count("unexpected"),
    unattributed: count("unattributed")
  }
}
