/**
 * Token-budgeted prompt rendering of a memory slice.
 *
 * Token counts use the o200k_base BPE (GPT-4o family) from `gpt-tokenizer`, not a characters/4
 * estimate. Items are admitted best score first; an item that would overflow the budget is dropped
 * whole and smaller, lower-scored items may still fit. Sections render in the original ALMA order.
 */
import { countTokens } from "gpt-tokenizer/encoding/o200k_base"
import type { MemorySlice, ScoredMemory } from "../domain/MemorySlice.js"

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

const oneLine = (s: string): string => s.replace(/\s+/g, " ").trim()

const renderItem = (item: ScoredMemory): string => {
  const m = item.memory
  switch (m.kind) {
    case "heuristic":
      return `- When: ${oneLine(m.condition)}\n  Do: ${oneLine(m.strategy)} (confidence: ${Math.round(m.confidence * 100)}%)`
    case "anti_pattern":
      return `- Don't: ${oneLine(m.pattern)}\n  Why: ${oneLine(m.whyBad)}\n  Instead: ${oneLine(m.betterAlternative)}`
    case "user_preference":
      return `- ${oneLine(m.preference)}`
    case "domain_knowledge":
      return `- ${oneLine(m.fact)}`
    case "outcome": {
      const detail = m.success ? "" : m.errorMessage ? ` (error: ${oneLine(m.errorMessage)})` : ""
      return `- [${m.success ? "success" : "failure"}] ${oneLine(m.task)}\n  Strategy: ${oneLine(m.strategyUsed)}${detail}`
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
  return parts.join("\n\n")
}

/**
 * Renders `slice` within `maxTokens` tokens.
 *
 * **Units** `maxTokens`, `tokenCount`: o200k_base tokens.
 */
export const renderPrompt = (
  slice: Pick<MemorySlice, "heuristics" | "antiPatterns" | "preferences" | "domainKnowledge" | "outcomes">,
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
  let estimate = 0
  for (const entry of candidates) {
    // Sum of parts plus separators: within a few tokens of the exact count, so only items near the
    // edge of the budget need an exact count of the assembled text.
    const extra = tokenCount(entry.text) + (sections.has(entry.section) ? 1 : tokenCount(headings[entry.section]) + 3)
    if (estimate + extra > maxTokens + 4) continue
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
