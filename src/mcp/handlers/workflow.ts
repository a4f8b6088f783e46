/**
 * Handlers of the workflow tools: one call into the Workflows service each, with the original's
 * defaults (`skip_if_unchanged` true, `keep_latest` 1, scope `agent`, `top_k` 5).
 *
 * @since 0.1.0
 */
import { DateTime, Effect, Option } from "effect"
import { Defaults } from "../../domain/Defaults.js"
import * as Workflows from "../../services/Workflows.js"
import { retrievedResult } from "../results.js"
import { WorkflowToolkit } from "../tools/workflow.js"
import { artifactItem, checkpointItem, toReducer } from "../tools/workflowItems.js"
import { DEFAULT_TOP_K } from "./memory.js"

/** `keep_latest` when not given, as in the original. */
const DEFAULT_KEEP_LATEST = Defaults.workflow.keepLatest

const mapValues = <A, B>(record: Readonly<Record<string, A>>, f: (a: A) => B): Record<string, B> =>
  Object.fromEntries(Object.entries(record).map(([k, v]) => [k, f(v)]))

/**
 * @since 0.1.0
 * @category handlers
 */
export const workflowHandlers = Effect.gen(function*() {
  const workflows = yield* Workflows.Workflows
  return WorkflowToolkit.of({
    alma_checkpoint: (p) =>
      workflows.checkpoint({
        runId: p.run_id,
        nodeId: p.node_id,
        state: p.state,
        branchId: p.branch_id,
        parentCheckpointId: p.parent_checkpoint_id,
        metadata: p.metadata,
        skipIfUnchanged: p.skip_if_unchanged ?? true
      }).pipe(Effect.map(({ checkpoint, skipped }) => ({
        checkpoint: checkpointItem(checkpoint),
        skipped,
        message: skipped
          ? "Checkpoint skipped - state unchanged since the latest checkpoint (returned)"
          : `Checkpoint ${checkpoint.sequence} saved`
      }))),
    alma_resume: (p) =>
      workflows.resume({ runId: p.run_id, branchId: p.branch_id }).pipe(Effect.map((found) =>
        Option.match(found, {
          onNone: () => ({ checkpoint: null, message: "No checkpoint found for this run" }),
          onSome: (c) => ({
            checkpoint: checkpointItem(c),
            message: `Resume from checkpoint ${c.sequence} (node ${c.nodeId})`
          })
        })
      )),
    alma_merge_states: (p) =>
      workflows.mergeStates(p.states, p.reducer_config === undefined ? undefined : mapValues(p.reducer_config, toReducer))
        .pipe(Effect.map((merged) => ({ merged_state: merged, input_count: p.states.length }))),
    alma_workflow_learn: (p) =>
      workflows.learnWorkflow({
        agent: p.agent,
        workflowId: p.workflow_id,
        runId: p.run_id,
        result: p.result,
        summary: p.summary,
        strategiesUsed: p.strategies_used,
        successfulPatterns: p.successful_patterns,
        failedPatterns: p.failed_patterns,
        durationSeconds: p.duration_seconds,
        nodeCount: p.node_count,
        errorMessage: p.error_message,
        tenantId: p.tenant_id,
        metadata: p.metadata
      }).pipe(Effect.map((r) => ({
        outcome: {
          id: r.outcome.id,
          workflow_id: p.workflow_id,
          run_id: p.run_id,
          result: p.result,
          agent: r.outcome.agent,
          task_type: r.outcome.taskType,
          created_at: DateTime.formatIso(r.outcome.createdAt)
        },
        ...(r.heuristic ? { heuristic: { id: r.heuristic.memory.id, action: r.heuristic.action } } : {}),
        ...(r.antiPattern ? { anti_pattern: { id: r.antiPattern.memory.id, action: r.antiPattern.action } } : {}),
        message: "Workflow outcome recorded successfully"
      }))),
    alma_link_artifact: (p) =>
      workflows.linkArtifact({
        memoryId: p.memory_id,
        artifactType: p.artifact_type,
        storageUrl: p.storage_url,
        filename: p.filename,
        mimeType: p.mime_type,
        sizeBytes: p.size_bytes,
        checksum: p.checksum,
        metadata: p.metadata
      }).pipe(Effect.map((a) => ({ artifact: artifactItem(a) }))),
    alma_get_artifacts: (p) =>
      workflows.artifacts(p.memory_id).pipe(
        Effect.map((list) => ({ artifacts: list.map(artifactItem), count: list.length }))
      ),
    alma_cleanup_checkpoints: (p) => {
      const keepLatest = p.keep_latest ?? DEFAULT_KEEP_LATEST
      return workflows.cleanupCheckpoints({ runId: p.run_id, keepLatest }).pipe(Effect.map((r) => ({
        deleted_count: r.deleted,
        kept: r.kept,
        message: `Deleted ${r.deleted} checkpoints, kept ${r.kept}`
      })))
    },
    alma_retrieve_scoped: (p) =>
      workflows.retrieveScoped({
        task: p.task,
        agent: p.agent,
        scope: p.scope ?? "agent",
        tenantId: p.tenant_id,
        workflowId: p.workflow_id,
        runId: p.run_id,
        nodeId: p.node_id,
        userId: p.user_id,
        topK: p.top_k ?? DEFAULT_TOP_K
      }).pipe(Effect.map((r) => ({ ...retrievedResult(r.slice), scope: r.scope, scope_filter: { ...r.filter } })))
  })
})
