/**
 * The write-time poisoning check of `Learner.store`: every text field of every memory is scanned
 * (`poisoning.ts`); a flagged memory is either stored marked (`metadata.alma_safety`, a warning in
 * the log) or, under `refuse`, the whole write fails.
 *
 * @internal
 */
import { DateTime, Effect } from "effect"
import { ValidationError } from "../../domain/AlmaError.js"
import type { Memory, Metadata } from "../../domain/Memory.js"
import { AntiPattern, DomainKnowledge, Heuristic, Outcome, UserPreference } from "../../domain/Memory.js"
import type { Flag } from "./poisoning.js"
import { flags as allFlags, scan } from "./poisoning.js"

/** What a flagged write does: store the memory marked, or refuse the whole write. */
export type OnFlagged = "flag" | "refuse"

/**
 * Metadata key of the flags of a flagged memory; reserved: a clean write removes it, so a caller
 * can neither forge nor keep a stale one.
 *
 * **Shape** `{ flags: Flag[], fields: { [field]: Flag[] }, checked_at: ISO-8601 string }`.
 */
export const METADATA_KEY = "alma_safety"

/** One flagged field of a memory. */
export interface Finding {
  readonly field: string
  readonly flags: ReadonlyArray<Flag>
}

/** The free-text fields of a memory, by field name (names, ids and numbers are validated elsewhere). */
const textFields = (m: Memory): ReadonlyArray<readonly [string, string | undefined]> => {
  switch (m.kind) {
    case "heuristic":
      return [["condition", m.condition], ["strategy", m.strategy]]
    case "anti_pattern":
      return [["pattern", m.pattern], ["whyBad", m.whyBad], ["betterAlternative", m.betterAlternative]]
    case "user_preference":
      return [["preference", m.preference], ["source", m.source]]
    case "domain_knowledge":
      return [["fact", m.fact], ["source", m.source]]
    case "outcome":
      return [["task", m.task], ["strategyUsed", m.strategyUsed], ["errorMessage", m.errorMessage], [
        "feedback",
        m.feedback
      ]]
  }
}

/** The flagged fields of `memory`, in field order; empty when it is clean. */
export const findings = (memory: Memory): ReadonlyArray<Finding> =>
  textFields(memory).flatMap(([field, text]) => {
    const flags = text === undefined ? [] : scan(text)
    return flags.length === 0 ? [] : [{ field, flags }]
  })

const withMetadata = (m: Memory, metadata: Metadata): Memory => {
  switch (m.kind) {
    case "heuristic":
      return Heuristic.make({ ...m, metadata })
    case "anti_pattern":
      return AntiPattern.make({ ...m, metadata })
    case "user_preference":
      return UserPreference.make({ ...m, metadata })
    case "domain_knowledge":
      return DomainKnowledge.make({ ...m, metadata })
    case "outcome":
      return Outcome.make({ ...m, metadata })
  }
}

const union = (found: ReadonlyArray<Finding>): ReadonlyArray<Flag> =>
  allFlags.filter((f) => found.some((x) => x.flags.includes(f)))

/**
 * Checks `memories` and returns them as they are to be stored: flagged ones with
 * `metadata.alma_safety`, clean ones without it. Logs one warning per flagged memory (its id, kind,
 * fields and flags; never its text).
 *
 * **Errors** `ValidationError` under `refuse` when any memory is flagged: `field` is the first
 * flagged field, `reason` names the flags and the memory's position; the caller stores nothing.
 */
export const screen = (
  memories: ReadonlyArray<Memory>,
  onFlagged: OnFlagged
): Effect.Effect<ReadonlyArray<Memory>, ValidationError> =>
  Effect.gen(function*() {
    const found = memories.map(findings)
    const flagged = found.flatMap((f, i) => (f.length === 0 ? [] : [i]))
    for (const i of flagged) {
      const m = memories[i]!
      yield* Effect.logWarning("memory text flagged by the poisoning check").pipe(
        Effect.annotateLogs({
          service: "Learner",
          memory_id: m.id,
          kind: m.kind,
          fields: found[i]!.map((f) => f.field).join(","),
          flags: union(found[i]!).join(","),
          action: onFlagged === "refuse" ? "refused" : "stored flagged"
        })
      )
    }
    if (flagged.length > 0 && onFlagged === "refuse") {
      const i = flagged[0]!
      const first = found[i]![0]!
      const kind = memories[i]!.kind
      const where = memories.length === 1 ? `the ${kind}` : `the ${kind} at position ${i + 1} of ${memories.length}`
      return yield* new ValidationError({
        field: first.field,
        reason: `flagged as ${first.flags.join(", ")} by the poisoning check in ${where} (safety.on_flagged: refuse); ` +
          "nothing was stored. Remove the instruction, hidden characters or encoded text, or set safety.on_flagged: flag"
      })
    }
    const checkedAt = flagged.length === 0 ? "" : DateTime.formatIso(yield* DateTime.now)
    return memories.map((m, i) => {
      const f = found[i]!
      const { [METADATA_KEY]: _previous, ...rest } = m.metadata
      if (f.length === 0) return METADATA_KEY in m.metadata ? withMetadata(m, rest) : m
      const fields = Object.fromEntries(f.map((x) => [x.field, x.flags]))
      return withMetadata(m, { ...rest, [METADATA_KEY]: { flags: union(f), fields, checked_at: checkedAt } })
    })
  })
