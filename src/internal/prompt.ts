/**
 * Token-budgeted prompt rendering of a memory slice.
 *
 * Token counts use the o200k_base BPE (GPT-4o family) from `gpt-tokenizer`, not a characters/4
 * estimate. Items are admitted best score first; an item that would overflow the budget is dropped
 * whole and smaller, lower-scored items may still fit. Sections render in the original ALMA order,
 * inside the data envelope of `safety/envelope.ts` (whose own tokens count against the budget), and
 * every memory field is escaped so that no memory text can leave the envelope.
 */
import { countTokens } from "gpt-tokenizer/encoding/o200k_base"
import type { ScoredLists, ScoredMemory } from "../domain/Scored.js"
import * as Envelope from "./safety/envelope.js"

/** Token count of `text` (o200k_base). */
export const tokenCount = (text: string): number => (text.length === 0 ? 0 : countTokens(text))

type Section = "heuristic" | "anti_pattern" | "user_preference" | "domain_knowledge" | "outcome"

const headings: Record<Section, string> = {
  heuristic: "## Relevant Strategies",
  anti_pattern: "## Avoid These Patterns",
  user_preference: "## User Preferences",
  domain_knowledge: "## Domain Context",
  outcome: "## Recent Outcomes"
}

const order: ReadonlyArray<Section> = ["heuristic", "anti_pattern", "user_preference", "domain_knowledge", "outcome"]

/** A memory field, escaped for the envelope (one line, no tags, no invisible characters). */
const field = Envelope.escapeField

const renderItem = (item: ScoredMemory): string => {
  const m = item.memory
  switch (m.kind) {
    case "heuristic":
      // "seen N×": the outcomes it summarises, which the slice does not repeat beside it.
      return `- When: ${field(m.condition)}\n  Do: ${field(m.strategy)} (confidence: ${Math.round(m.confidence * 100)}%, ` +
        `seen ${m.occurrenceCount}×)`
    case "anti_pattern":
      return `- Don't: ${field(m.pattern)} (seen ${m.occurrenceCount}×)\n  Why: ${field(m.whyBad)}\n  Instead: ${
        field(m.betterAlternative)
      }`
    case "user_preference":
      return `- ${field(m.preference)}`
    case "domain_knowledge":
      return `- ${field(m.fact)}`
    case "outcome": {
      const detail = m.success ? "" : m.errorMessage ? ` (error: ${field(m.errorMessage)})` : ""
      return `- [${m.success ? "success" : "failure"}] ${field(m.task)}\n  Strategy: ${field(m.strategyUsed)}${detail}`
    }
  }
}

interface Entry {
  readonly section: Section
  readonly rank: number
  readonly score: number
  readonly text: string
}

const assemble = (entries: ReadonlyArray<Entry>): string => {
  const parts: Array<string> = []
  for (const section of order) {
    const items = entries.filter((e) => e.section === section).sort((a, b) => a.rank - b.rank)
    if (items.length > 0) parts.push([headings[section], ...items.map((e) => e.text)].join("\n"))
  }
  return Envelope.wrap(parts.join("\n\n"))
}

/** Tokens of the envelope around a body (notice, delimiters, newlines). */
const ENVELOPE_TOKENS = tokenCount(Envelope.wrap("x")) - tokenCount("x")

/**
 * Renders `slice` within `maxTokens` tokens: the data envelope around the sections, or the empty
 * string when no item fits (or the slice is empty).
 *
 * **Units** `maxTokens`, `tokenCount`: o200k_base tokens, the envelope's included.
 */
export const renderPrompt = (
  slice: ScoredLists,
  maxTokens: number
): { readonly text: string; readonly tokenCount: number } => {
  const lists: ReadonlyArray<readonly [Section, ReadonlyArray<ScoredMemory>]> = [
    ["heuristic", slice.heuristics],
    ["anti_pattern", slice.antiPatterns],
    ["user_preference", slice.preferences],
    ["domain_knowledge", slice.domainKnowledge],
    ["outcome", slice.outcomes]
  ]
  const candidates: Array<Entry> = lists.flatMap(([section, items]) =>
    items.map((item, rank) => ({ section, rank, score: item.score.final, text: renderItem(item) }))
  )
  candidates.sort((a, b) => b.score - a.score)
  const admitted: Array<Entry> = []
  const sections = new Set<Section>()
  let estimate = ENVELOPE_TOKENS
  for (const entry of candidates) {
    // Sum of parts plus separators: at most a few tokens above the exact count (separators merge
    // into neighbouring tokens, up to 3 per section), so only items near the edge of the budget need
    // an exact count of the assembled text.
    const extra = tokenCount(entry.text) + (sections.has(entry.section) ? 1 : tokenCount(headings[entry.section]) + 3)
    if (estimate + extra > maxTokens + 4 + 3 * (sections.size + 1)) continue
    if (estimate + extra > maxTokens - 16 && tokenCount(assemble([...admitted, entry])) > maxTokens) continue
    admitted.push(entry)
    sections.add(entry.section)
    estimate += extra
  }
  let text = assemble(admitted)
  let count = tokenCount(text)
  while (count > maxTokens && admitted.length > 0) {
    admitted.pop()
    text = assemble(admitted)
    count = tokenCount(text)
  }
  return { text, tokenCount: count }
}
