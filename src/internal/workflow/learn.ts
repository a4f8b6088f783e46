/**
 * How a workflow run's outcome becomes a `learn` input: the Learner then records it as an outcome of
 * the agent and forms heuristics and anti-patterns from it like any other outcome.
 *
 * Mapping:
 * - `success` → outcome success; `failure`, `partial`, `cancelled`, `timeout` → outcome failure, with
 *   `feedback` set to the result for the last three (so the outcome still says what happened).
 *   `partial` counts as a failure because a heuristic's confidence is the success share of similar
 *   outcomes: a partial run is no evidence that the strategy works, and counting it as a success
 *   would certify strategies that did not finish the job; as a failure it only lowers confidence
 *   (anti-patterns form only from failures with an error message, reference §3.5).
 * - `task` = `summary`; `strategyUsed` = `strategiesUsed` joined with "; ", or the summary when none.
 * - `taskType`: `taskType` if given, else `metadata.task_type` if it is a string, else none, so the
 *   Learner picks it as for `learn` (the agent's domain, else inferred from the summary). A fixed
 *   `workflow:<id>` type would be outside `can_learn` for every agent with a restricted scope, so
 *   every workflow outcome of such an agent would be a `ScopeViolationError`.
 * - `durationMs` = `durationSeconds` × 1000; `errorMessage` as given.
 * - `metadata` = the caller's metadata plus `workflow_id`, `run_id`, `workflow_result` and, when
 *   given, `tenant_id`, `node_count`, `duration_seconds`, `strategies_used`, `successful_patterns`,
 *   `failed_patterns` (these keys win over the caller's; `retrieveScoped` filters on the ids).
 *
 * **Source** the original records a separate WorkflowOutcome that nothing ever reads back and that
 * forms no heuristics (reference §2.1 `learn_from_workflow`, §5.10); here it feeds learning.
 */
import { Either } from "effect"
import { ValidationError } from "../../domain/AlmaError.js"
import type { LearnInput } from "../../domain/Inputs.js"
import { MAX_METADATA_BYTES, MAX_TEXT_LENGTH } from "../../domain/Inputs.js"
import type { WorkflowLearnInput } from "../../domain/Workflow.js"

/** The `learn` input for a decoded workflow outcome. **Errors** `ValidationError` (strategy or metadata too long). */
export const toLearnInput = (
  req: typeof WorkflowLearnInput.Type
): Either.Either<LearnInput, ValidationError> => {
  const strategies = req.strategiesUsed ?? []
  const strategyUsed = strategies.length > 0 ? strategies.join("; ") : req.summary
  if (strategyUsed.length > MAX_TEXT_LENGTH) {
    return Either.left(
      strategies.length > 0
        ? new ValidationError({
          field: "strategiesUsed",
          reason: `must be at most ${MAX_TEXT_LENGTH} characters joined with "; " (got ${strategyUsed.length})`
        })
        : new ValidationError({
          field: "summary",
          reason: `without strategiesUsed the summary is the strategy used, so it must be at most ` +
            `${MAX_TEXT_LENGTH} characters (got ${strategyUsed.length}); give strategiesUsed`
        })
    )
  }
  const metadata: Record<string, unknown> = {
    ...req.metadata,
    workflow_id: req.workflowId,
    run_id: req.runId,
    workflow_result: req.result,
    ...(req.tenantId !== undefined ? { tenant_id: req.tenantId } : {}),
    ...(req.nodeCount !== undefined ? { node_count: req.nodeCount } : {}),
    ...(req.durationSeconds !== undefined ? { duration_seconds: req.durationSeconds } : {}),
    ...(strategies.length > 0 ? { strategies_used: strategies } : {}),
    ...(req.successfulPatterns !== undefined ? { successful_patterns: req.successfulPatterns } : {}),
    ...(req.failedPatterns !== undefined ? { failed_patterns: req.failedPatterns } : {})
  }
  const size = Buffer.byteLength(JSON.stringify(metadata))
  if (size > MAX_METADATA_BYTES) {
    return Either.left(
      new ValidationError({
        field: "metadata",
        reason: `with the workflow fields (ids, strategies, patterns) it must be at most ${MAX_METADATA_BYTES} ` +
          `bytes as JSON (got ${size}): shorten metadata, successfulPatterns or failedPatterns`
      })
    )
  }
  const metaTaskType = req.metadata?.["task_type"]
  const taskType = req.taskType ?? (typeof metaTaskType === "string" ? metaTaskType : undefined)
  return Either.right({
    agent: req.agent,
    task: req.summary,
    outcome: req.result === "success" ? "success" : "failure",
    strategyUsed,
    ...(taskType !== undefined ? { taskType } : {}),
    ...(req.durationSeconds !== undefined ? { durationMs: req.durationSeconds * 1000 } : {}),
    ...(req.errorMessage !== undefined ? { errorMessage: req.errorMessage } : {}),
    ...(req.result === "success" || req.result === "failure" ? {} : { feedback: req.result }),
    metadata
  })
}
