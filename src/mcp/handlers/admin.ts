/**
 * Handlers of the maintenance tools, with the original's defaults (reference §5.1).
 *
 * @since 0.1.0
 */
import { DateTime, Effect } from "effect"
import { Defaults } from "../../domain/Defaults.js"
import * as AlmaService from "../../services/Alma.js"
import * as Consolidator from "../../services/Consolidator.js"
import { countsJson } from "../results.js"
import { AdminToolkit } from "../tools/admin.js"

/** Consolidation defaults of the original `alma_consolidate`: heuristics, 0.85, dry run. */
export const CONSOLIDATE_DEFAULTS = Defaults.consolidation

const reason = (e: unknown): string =>
  typeof e === "object" && e !== null && "message" in e && typeof e.message === "string" ? e.message : String(e)

/**
 * @since 0.1.0
 * @category handlers
 */
export const adminHandlers = Effect.gen(function*() {
  const alma = yield* AlmaService.Alma
  const consolidator = yield* Consolidator.Consolidator
  return AdminToolkit.of({
    // Older-than and below-confidence defaults (90 days, 0.3) are the Forgetter's, i.e. the project's
    // configured `forgetting` values, which default to the original's.
    alma_forget: (p) =>
      alma.forget({ agent: p.agent, olderThanDays: p.older_than_days, belowConfidence: p.below_confidence }).pipe(
        Effect.map((r) => ({
          pruned_count: r.deleted,
          message: `Pruned ${r.deleted} stale or low-confidence ${r.deleted === 1 ? "memory" : "memories"}`
        }))
      ),
    alma_stats: (p) =>
      alma.stats({ agent: p.agent }).pipe(Effect.map((s) => ({
        stats: {
          project_id: s.projectId,
          ...(s.agent !== undefined ? { agent: s.agent } : {}),
          storage_type: s.backend,
          ...countsJson(s.counts)
        }
      }))),
    alma_health: () =>
      Effect.gen(function*() {
        const agents = (yield* alma.agents).map((a) => a.agent)
        const timestamp = DateTime.formatIso(yield* DateTime.now)
        const base = { project_id: alma.projectId, registered_agents: agents, timestamp }
        return yield* alma.stats().pipe(
          Effect.map((s) => ({ status: "healthy" as const, total_memories: s.total, ...base })),
          Effect.catchAll((e) => Effect.succeed({ status: "unhealthy" as const, error: reason(e), ...base })),
          Effect.catchAllDefect((e) => Effect.succeed({ status: "unhealthy" as const, error: reason(e), ...base }))
        )
      }),
    alma_consolidate: (p) =>
      consolidator.consolidate({
        agent: p.agent,
        memoryType: p.memory_type ?? CONSOLIDATE_DEFAULTS.memoryType,
        similarityThreshold: p.similarity_threshold ?? CONSOLIDATE_DEFAULTS.similarityThreshold,
        dryRun: p.dry_run ?? CONSOLIDATE_DEFAULTS.dryRun
      }).pipe(Effect.map((r) => ({
        dry_run: r.dryRun,
        merged_count: r.mergedCount,
        groups_found: r.groupsFound,
        memories_processed: r.memoriesProcessed,
        merge_details: r.mergeDetails.map((d) => ({
          merged_into: d.mergedInto,
          merged_from: [...d.mergedFrom],
          min_similarity: d.minSimilarity
        })),
        errors: [...r.errors],
        message: `${r.dryRun ? "Would merge" : "Merged"} ${r.mergedCount} memories from ${r.groupsFound} similar ` +
          `groups (processed ${r.memoriesProcessed} total)`
      })))
  })
})
