/**
 * Handlers of the advice tools: one call into the Advisor service each.
 *
 * @since 0.1.0
 */
import { Effect } from "effect"
import * as Advisor from "../../services/Advisor.js"
import { AdviceToolkit } from "../tools/advice.js"
import { DEFAULT_TOP_K } from "./memory.js"

/**
 * @since 0.1.0
 * @category handlers
 */
export const adviceHandlers = Effect.gen(function*() {
  const advisor = yield* Advisor.Advisor
  return AdviceToolkit.of({
    alma_check_action: (p) =>
      advisor.checkAction({ agent: p.agent, action: p.action, context: p.context, topK: p.top_k ?? DEFAULT_TOP_K })
        .pipe(Effect.map((r) => ({
          recommendation: r.recommendation,
          reason: r.reason,
          anti_patterns: r.antiPatterns.map(({ memory: m, similarity }) => ({
            id: m.id,
            pattern: m.pattern,
            why_bad: m.whyBad,
            better_alternative: m.betterAlternative,
            similarity
          })),
          heuristics: r.heuristics.map(({ memory: m, similarity }) => ({
            id: m.id,
            condition: m.condition,
            strategy: m.strategy,
            confidence: m.confidence,
            similarity
          }))
        }))),
    alma_record_feedback: (p) =>
      advisor.recordFeedback({
        agent: p.agent,
        task: p.task,
        helpful: p.helpful,
        harmful: p.harmful,
        notes: p.notes
      }).pipe(Effect.map((r) => ({
        updated: r.updated.map((u) => ({
          id: u.memory.id,
          kind: u.memory.kind,
          verdict: u.verdict,
          confidence_before: u.confidenceBefore,
          confidence_after: u.confidenceAfter
        })),
        missing: [...r.missing],
        message: `Feedback recorded on ${r.updated.length} ${r.updated.length === 1 ? "memory" : "memories"}` +
          (r.missing.length > 0 ? `; ${r.missing.length} id(s) not found or not visible to ${p.agent}` : "")
      })))
  })
})
