/**
 * Per-agent learning scope (the original's `MemoryScope`).
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import { Defaults } from "./Defaults.js"
import { Name } from "./Ids.js"

/**
 * What one agent may learn, and with whom it shares.
 *
 * - `cannotLearn` wins over `canLearn`; an empty `canLearn` means open (original ALMA semantics).
 * - The agent's own `domain`, when set, is always learnable unless listed in `cannotLearn`.
 * - Agent B reads agent A's memories only when B lists A in `inheritFrom` **and** A lists B in
 *   `shareWith` (the original ignored `shareWith`; reference §9 defect 7). `"*"` in `shareWith`
 *   shares with every agent that inherits.
 * - `minOccurrencesForHeuristic`: similar outcomes needed before a heuristic forms (default 3, as in
 *   the original).
 *
 * @since 0.1.0
 * @category models
 */
export class AgentScope extends Schema.Class<AgentScope>("AgentScope")({
  agent: Name,
  domain: Schema.optional(Name),
  canLearn: Schema.optionalWith(Schema.Array(Name), { default: () => [] }),
  cannotLearn: Schema.optionalWith(Schema.Array(Name), { default: () => [] }),
  shareWith: Schema.optionalWith(Schema.Array(Schema.Union(Name, Schema.Literal("*"))), { default: () => [] }),
  inheritFrom: Schema.optionalWith(Schema.Array(Name), { default: () => [] }),
  minOccurrencesForHeuristic: Schema.optionalWith(Schema.Number.pipe(Schema.int(), Schema.between(1, 1000)), {
    default: () => Defaults.learning.minOccurrencesForHeuristic
  })
}) {
  /** Whether the agent may learn in `domain` (a task type or knowledge domain). */
  isAllowed(domain: string): boolean {
    if (this.cannotLearn.includes(domain)) return false
    if (this.domain === domain) return true
    return this.canLearn.length === 0 || this.canLearn.includes(domain)
  }

  /** Whether this agent shares its memories with `reader`. */
  sharesWith(reader: string): boolean {
    return this.shareWith.includes("*") || this.shareWith.includes(reader)
  }
}
