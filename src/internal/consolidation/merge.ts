/**
 * Merging a group of near-duplicate memories into one, without an LLM: the original ALMA's fallback
 * rules (reference §5.11). Heuristics keep the most confident member's condition and strategy, with
 * counts summed and confidence averaged; knowledge keeps the most confident member's fact (source
 * "consolidation"); anti-patterns keep the most frequent member's text, occurrences summed; outcomes
 * keep the most recent member.
 */
import { DateTime, Option } from "effect"
import type { MemoryId } from "../../domain/Ids.js"
import type { Memory, Metadata } from "../../domain/Memory.js"
import { AntiPattern, DomainKnowledge, Heuristic, Outcome } from "../../domain/Memory.js"
import { MAX_PROVENANCE, NO_ALTERNATIVE } from "../formation.js"

/** Metadata keys of a merged memory (as in the original ALMA), and the feedback counters summed. */
export const MERGED_FROM = "merged_from"
export const MERGE_TIMESTAMP = "merge_timestamp"
export const ORIGINAL_COUNT = "original_count"
const millis = DateTime.toEpochMillis
const COUNTERS = ["feedback_helpful", "feedback_harmful"] as const
const LAST_FEEDBACK_AT = "last_feedback_at"

/**
 * Originals left behind by an interrupted consolidation (merged memory stored, delete failed): each
 * memory listed in another memory's `merged_from` and not updated since that memory's
 * `merge_timestamp` (one updated later holds evidence the merged memory lacks, so it is kept and
 * merged normally). Returns original id → id of the memory that replaced it.
 */
export const leftovers = (memories: ReadonlyArray<Memory>): ReadonlyMap<MemoryId, MemoryId> => {
  const byId = new Map(memories.map((m) => [m.id as string, m] as const))
  const found = new Map<MemoryId, MemoryId>()
  for (const merged of memories) {
    const from = merged.metadata[MERGED_FROM]
    const at = merged.metadata[MERGE_TIMESTAMP]
    const mergedAt = typeof at === "string" ? DateTime.make(at) : Option.none()
    if (!Array.isArray(from) || Option.isNone(mergedAt)) continue
    for (const id of from) {
      const original = typeof id === "string" && id !== merged.id ? byId.get(id) : undefined
      if (original && millis(original.updatedAt) <= millis(mergedAt.value)) found.set(original.id, merged.id)
    }
  }
  return found
}

const latest = (xs: ReadonlyArray<DateTime.Utc>): DateTime.Utc => xs.reduce((a, b) => (millis(b) > millis(a) ? b : a))
const earliest = (xs: ReadonlyArray<DateTime.Utc>): DateTime.Utc => xs.reduce((a, b) => (millis(b) < millis(a) ? b : a))

/** The best member by `keys` (compared in order, larger wins), ties broken by id for determinism. */
const best = <A extends Memory>(members: ReadonlyArray<A>, keys: ReadonlyArray<(a: A) => number>): A =>
  members.reduce((a, b) => {
    for (const key of keys) {
      const d = key(b) - key(a)
      if (d !== 0) return d > 0 ? b : a
    }
    return b.id < a.id ? b : a
  })

const count = (value: unknown): number => (typeof value === "number" && Number.isFinite(value) && value > 0 ? value : 0)

/**
 * Members' metadata merged (the kept member's keys win), feedback counters summed, the latest
 * `last_feedback_at` kept, then `merged_from` (member ids), `merge_timestamp` (ISO-8601) and
 * `original_count` (group size).
 */
const mergeMetadata = (members: ReadonlyArray<Memory>, kept: Memory, now: DateTime.Utc): Metadata => {
  let merged: Record<string, unknown> = {}
  for (const m of members) if (m !== kept) merged = { ...merged, ...m.metadata }
  merged = { ...merged, ...kept.metadata }
  for (const key of COUNTERS) {
    const total = members.reduce((sum, m) => sum + count(m.metadata[key]), 0)
    if (total > 0) merged[key] = total
  }
  const feedbackTimes = members.map((m) => m.metadata[LAST_FEEDBACK_AT]).filter((x): x is string => typeof x === "string")
  if (feedbackTimes.length > 0) merged[LAST_FEEDBACK_AT] = feedbackTimes.sort().at(-1)
  return {
    ...merged,
    [MERGED_FROM]: members.map((m) => m.id),
    [MERGE_TIMESTAMP]: DateTime.formatIso(now),
    [ORIGINAL_COUNT]: members.length
  }
}

/** Union of the members' provenance (oldest member first, so newest last), deduplicated, capped. */
const mergeProvenance = (members: ReadonlyArray<Memory>, extra: ReadonlyArray<MemoryId>): ReadonlyArray<MemoryId> => {
  const seen = new Set<MemoryId>()
  for (const id of [...members.flatMap((m) => m.provenance), ...extra]) {
    seen.delete(id)
    seen.add(id)
  }
  return [...seen].slice(-MAX_PROVENANCE)
}

/** Members oldest first (ties by id): the order of `merged_from` and of provenance. */
export const oldestFirst = <A extends Memory>(members: ReadonlyArray<A>): ReadonlyArray<A> =>
  [...members].sort((a, b) => millis(a.createdAt) - millis(b.createdAt) || a.id.localeCompare(b.id))

/**
 * The memory that replaces `group` (two or more memories of one kind): a new `id`, `updatedAt`
 * `now`, `createdAt` the earliest member's (the most recent member's for outcomes, whose recency is
 * their `createdAt`), and the kind's timestamps of last evidence (`lastValidated`, `lastSeen`,
 * `lastVerified`) the latest member's. Provenance is the union of the members' provenance; for
 * outcomes (the provenance vocabulary) the member ids are added too. Member ids are always in
 * `metadata.merged_from`. Throws on a mixed-kind or preference group (a bug in the caller).
 */
export const mergeGroup = (group: ReadonlyArray<Memory>, id: MemoryId, now: DateTime.Utc): Memory => {
  const members = oldestFirst(group)
  const kind = members[0]!.kind
  if (members.some((m) => m.kind !== kind)) throw new Error("mergeGroup: members of different kinds")
  const base = (kept: Memory, createdAt: DateTime.Utc, extraProvenance: ReadonlyArray<MemoryId> = []) => ({
    id,
    projectId: kept.projectId,
    createdAt,
    updatedAt: now,
    metadata: mergeMetadata(members, kept, now),
    provenance: mergeProvenance(members, extraProvenance)
  })
  const created = earliest(members.map((m) => m.createdAt))
  switch (kind) {
    case "heuristic": {
      const hs = members as ReadonlyArray<Heuristic>
      const kept = best(hs, [(h) => h.confidence, (h) => h.occurrenceCount, (h) => millis(h.lastValidated)])
      return Heuristic.make({
        ...base(kept, created),
        agent: kept.agent,
        taskType: kept.taskType,
        condition: kept.condition,
        strategy: kept.strategy,
        confidence: Math.min(1, Math.max(0, hs.reduce((s, h) => s + h.confidence, 0) / hs.length)),
        occurrenceCount: hs.reduce((s, h) => s + h.occurrenceCount, 0),
        successCount: hs.reduce((s, h) => s + h.successCount, 0),
        lastValidated: latest(hs.map((h) => h.lastValidated))
      })
    }
    case "domain_knowledge": {
      const ks = members as ReadonlyArray<DomainKnowledge>
      const kept = best(ks, [(k) => k.confidence, (k) => millis(k.lastVerified)])
      return DomainKnowledge.make({
        ...base(kept, created),
        agent: kept.agent,
        domain: kept.domain,
        fact: kept.fact,
        source: "consolidation",
        confidence: kept.confidence,
        lastVerified: latest(ks.map((k) => k.lastVerified))
      })
    }
    case "anti_pattern": {
      const as = members as ReadonlyArray<AntiPattern>
      const kept = best(as, [(a) => a.occurrenceCount, (a) => millis(a.lastSeen)])
      // The kept member may not know an alternative yet while another member does.
      const known = as.filter((a) => !a.betterAlternative.startsWith(NO_ALTERNATIVE))
      const alternative = known.includes(kept) || known.length === 0
        ? kept.betterAlternative
        : best(known, [(a) => a.occurrenceCount, (a) => millis(a.lastSeen)]).betterAlternative
      return AntiPattern.make({
        ...base(kept, created),
        agent: kept.agent,
        ...(kept.taskType !== undefined ? { taskType: kept.taskType } : {}),
        pattern: kept.pattern,
        whyBad: kept.whyBad,
        betterAlternative: alternative,
        occurrenceCount: as.reduce((s, a) => s + a.occurrenceCount, 0),
        lastSeen: latest(as.map((a) => a.lastSeen))
      })
    }
    case "outcome": {
      const os = members as ReadonlyArray<Outcome>
      const kept = best(os, [(o) => millis(o.createdAt)])
      const { id: _id, createdAt: _c, updatedAt: _u, metadata: _m, provenance: _p, ...fields } = kept
      return Outcome.make({ ...fields, ...base(kept, kept.createdAt, os.map((o) => o.id)) })
    }
    case "user_preference":
      throw new Error("mergeGroup: preferences are not consolidated")
  }
}
