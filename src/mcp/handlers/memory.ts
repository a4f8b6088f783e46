/**
 * Handlers of the memory tools: one call into the Alma service each, with the original's defaults.
 *
 * @since 0.1.0
 */
import { Effect } from "effect"
import { Defaults } from "../../domain/Defaults.js"
import * as AlmaService from "../../services/Alma.js"
import * as R from "../results.js"
import { MemoryToolkit } from "../tools/memory.js"

/** `top_k` when not given, as in the original ALMA. */
export const DEFAULT_TOP_K = Defaults.retrieval.topK

const action = (formed: { readonly memory: { readonly id: string }; readonly action: "created" | "updated" } | undefined) =>
  formed === undefined ? undefined : { id: formed.memory.id, action: formed.action }

/**
 * @since 0.1.0
 * @category handlers
 */
export const memoryHandlers = Effect.gen(function*() {
  const alma = yield* AlmaService.Alma
  return MemoryToolkit.of({
    alma_retrieve: (p) =>
      alma.retrieve({ task: p.task, agent: p.agent, userId: p.user_id, topK: p.top_k ?? DEFAULT_TOP_K }).pipe(
        Effect.map(R.retrievedResult)
      ),
    alma_learn: (p) =>
      alma.learn({
        agent: p.agent,
        task: p.task,
        outcome: p.outcome,
        strategyUsed: p.strategy_used,
        taskType: p.task_type,
        durationMs: p.duration_ms,
        errorMessage: p.error_message,
        feedback: p.feedback
      }).pipe(Effect.map((r) => {
        const heuristic = action(r.heuristic)
        const antiPattern = action(r.antiPattern)
        const formed = [
          heuristic ? `${heuristic.action} heuristic ${heuristic.id}` : undefined,
          antiPattern ? `${antiPattern.action} anti-pattern ${antiPattern.id}` : undefined
        ].filter((s) => s !== undefined)
        return {
          learned: true,
          outcome: { id: r.outcome.id, agent: r.outcome.agent, task_type: r.outcome.taskType, success: r.outcome.success },
          ...(heuristic ? { heuristic } : {}),
          ...(antiPattern ? { anti_pattern: antiPattern } : {}),
          warnings: r.warnings.map((w) => R.antiPatternItem(w)),
          message: `Outcome recorded successfully${formed.length > 0 ? `; ${formed.join("; ")}` : ""}` +
            (r.warnings.length > 0 ? `; the strategy matches ${r.warnings.length} recorded anti-pattern(s)` : "")
        }
      })),
    alma_add_preference: (p) =>
      alma.addPreference({
        userId: p.user_id,
        category: p.category,
        preference: p.preference,
        source: p.source ?? "explicit_instruction"
      }).pipe(Effect.map((pref) => ({ preference: R.preferenceItem(pref) }))),
    alma_add_knowledge: (p) =>
      alma.addKnowledge({ agent: p.agent, domain: p.domain, fact: p.fact, source: p.source ?? "user_stated" }).pipe(
        Effect.map((k) => ({ knowledge: R.knowledgeItem(k) }))
      ),
    alma_add_anti_pattern: (p) =>
      alma.addAntiPattern({
        agent: p.agent,
        pattern: p.pattern,
        whyBad: p.why_bad,
        betterAlternative: p.better_alternative,
        taskType: p.task_type
      }).pipe(Effect.map((a) => ({ anti_pattern: R.antiPatternItem(a) })))
  })
})
