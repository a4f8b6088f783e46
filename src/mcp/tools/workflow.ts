/**
 * Workflow tools: checkpoints and resume for multi-step runs, state merging, workflow outcomes,
 * artifacts, and retrieval scoped to a workflow (the original's `alma_checkpoint`, `alma_resume`,
 * `alma_merge_states`, `alma_workflow_learn`, `alma_link_artifact`, `alma_get_artifacts`,
 * `alma_cleanup_checkpoints`, `alma_retrieve_scoped`; reference §5.1, §5.10).
 *
 * @since 0.1.0
 */
import * as Tool from "@effect/ai/Tool"
import * as Toolkit from "@effect/ai/Toolkit"
import { Schema } from "effect"
import { ToolFailure } from "../errors.js"
import * as P from "../params.js"
import { RetrievedFields } from "../results.js"
import { ArtifactItem, CheckpointItem, ReducerName } from "./workflowItems.js"

const RunId = P.name("run_id", "Id of the workflow run (one execution of a workflow)")
const BranchId = P.name("branch_id", "Id of a parallel branch of the run (omit for the main line)")

/** @since 0.1.0 */
export const Checkpoint = Tool.make("alma_checkpoint", {
  description: "Save the state of a multi-step workflow run after a step, so the run can resume from here after a " +
    "crash or restart (see alma_resume). By default nothing new is stored when the state equals the latest " +
    "checkpoint's (`skipped: true`).",
  parameters: {
    run_id: RunId,
    node_id: P.name("node_id", "Id of the step (node) that just finished"),
    state: P.JsonObject.annotations({ title: "state", description: "The run's state as a JSON object (at most 1 MiB as JSON)" }),
    branch_id: Schema.optional(BranchId),
    parent_checkpoint_id: Schema.optional(Schema.String.annotations({
      title: "parent_checkpoint_id",
      description: "Id of the checkpoint this one follows, if known"
    })),
    metadata: Schema.optional(P.Metadata),
    skip_if_unchanged: Schema.optional(Schema.Boolean.annotations({
      title: "skip_if_unchanged",
      description: "true (default): do not store a checkpoint whose state equals the latest one"
    }))
  },
  success: Schema.Struct({ checkpoint: CheckpointItem, skipped: Schema.Boolean, message: Schema.String }),
  failure: ToolFailure
}).annotate(Tool.Destructive, false).annotate(Tool.OpenWorld, false)

/** @since 0.1.0 */
export const Resume = Tool.make("alma_resume", {
  description: "Get the latest checkpoint of a workflow run (on a branch, or on the main line) to continue the run " +
    "from there. `checkpoint` is null when the run has none.",
  parameters: { run_id: RunId, branch_id: Schema.optional(BranchId) },
  success: Schema.Struct({ checkpoint: Schema.NullOr(CheckpointItem), message: Schema.String }),
  failure: ToolFailure
}).annotate(Tool.Readonly, true).annotate(Tool.Destructive, false).annotate(Tool.OpenWorld, false)

/** @since 0.1.0 */
export const MergeStates = Tool.make("alma_merge_states", {
  description: "Merge the states of parallel branches into one state, key by key. Each key's values are combined by " +
    "its reducer from `reducer_config`; keys without one keep the last state's value. Stores nothing.",
  parameters: {
    states: Schema.Array(P.JsonObject).pipe(Schema.maxItems(1000, { message: () => "must have at most 1000 states" }))
      .annotations({ title: "states", description: "The branch states (JSON objects), in order" }),
    reducer_config: Schema.optional(Schema.Record({ key: Schema.String, value: ReducerName }).annotations({
      title: "reducer_config",
      description: "Reducer per key: append (concatenate lists), merge_dict (shallow merge), last_value (default), " +
        "first_value, sum, max, min, union (distinct list items)"
    }))
  },
  success: Schema.Struct({ merged_state: P.JsonObject, input_count: Schema.Number }),
  failure: ToolFailure
}).annotate(Tool.Readonly, true).annotate(Tool.Destructive, false).annotate(Tool.Idempotent, true)
  .annotate(Tool.OpenWorld, false)

/** @since 0.1.0 */
export const WorkflowLearn = Tool.make("alma_workflow_learn", {
  description: "Record the outcome of a whole workflow run (after it ends), so its strategies are learned like " +
    "alma_learn outcomes and recommended or warned about in later runs.",
  parameters: {
    agent: P.Agent,
    workflow_id: P.name("workflow_id", "Id of the workflow definition that ran"),
    run_id: RunId,
    result: Schema.Literal("success", "failure", "partial", "cancelled", "timeout").annotations({
      title: "result",
      description: "How the run ended"
    }),
    summary: P.text("summary", "What happened in the run, in a few sentences"),
    strategies_used: Schema.optional(P.TextList("strategies_used", "Strategies or approaches the run used")),
    successful_patterns: Schema.optional(P.TextList("successful_patterns", "Patterns that worked well")),
    failed_patterns: Schema.optional(P.TextList("failed_patterns", "Patterns that did not work")),
    duration_seconds: Schema.optional(P.Between(0, 31_536_000).annotations({
      title: "duration_seconds",
      description: "How long the run took, in seconds"
    })),
    node_count: Schema.optional(P.Int(0, 1_000_000).annotations({ title: "node_count", description: "Steps executed" })),
    error_message: Schema.optional(P.text("error_message", "The error that ended the run, if any")),
    tenant_id: Schema.optional(P.name("tenant_id", "Tenant the run belongs to, in multi-tenant setups")),
    metadata: Schema.optional(P.Metadata)
  },
  success: Schema.Struct({
    outcome: Schema.Struct({
      id: Schema.String,
      workflow_id: Schema.String,
      run_id: Schema.String,
      result: Schema.String,
      agent: Schema.String,
      task_type: Schema.String,
      created_at: Schema.String
    }),
    heuristic: Schema.optional(Schema.Struct({ id: Schema.String, action: Schema.Literal("created", "updated") })),
    anti_pattern: Schema.optional(Schema.Struct({ id: Schema.String, action: Schema.Literal("created", "updated") })),
    message: Schema.String
  }),
  failure: ToolFailure
}).annotate(Tool.Destructive, false).annotate(Tool.OpenWorld, false)

/** @since 0.1.0 */
export const LinkArtifact = Tool.make("alma_link_artifact", {
  description: "Attach a reference to a file or object produced by a task (screenshot, log, report, diff, ...) to " +
    "the memory that records the task, e.g. the outcome id returned by alma_learn. Stores the URL, not the content.",
  parameters: {
    memory_id: P.MemoryId,
    artifact_type: P.name(
      "artifact_type",
      "Kind of artifact: file, document, image, video, screenshot, log, trace, diff, test_result, coverage_report, " +
        "report, metrics or other"
    ),
    storage_url: P.text("storage_url", "Where the artifact is stored: a URL or path"),
    filename: Schema.optional(P.text("filename", "Original file name")),
    mime_type: Schema.optional(P.text("mime_type", "MIME type, e.g. \"image/png\"")),
    size_bytes: Schema.optional(P.Int(0, Number.MAX_SAFE_INTEGER).annotations({ title: "size_bytes", description: "Size in bytes" })),
    checksum: Schema.optional(P.text("checksum", "Checksum of the content, e.g. a SHA-256 hex digest")),
    metadata: Schema.optional(P.Metadata)
  },
  success: Schema.Struct({ artifact: ArtifactItem }),
  failure: ToolFailure
}).annotate(Tool.Destructive, false).annotate(Tool.OpenWorld, false)

/** @since 0.1.0 */
export const GetArtifacts = Tool.make("alma_get_artifacts", {
  description: "List the artifacts linked to a memory, newest first.",
  parameters: { memory_id: P.MemoryId },
  success: Schema.Struct({ artifacts: Schema.Array(ArtifactItem), count: Schema.Number }),
  failure: ToolFailure
}).annotate(Tool.Readonly, true).annotate(Tool.Destructive, false).annotate(Tool.OpenWorld, false)

/** @since 0.1.0 */
export const CleanupCheckpoints = Tool.make("alma_cleanup_checkpoints", {
  description: "Delete a finished run's old checkpoints, keeping the newest `keep_latest` per branch.",
  parameters: {
    run_id: RunId,
    keep_latest: Schema.optional(P.Int(0, 10_000).annotations({
      title: "keep_latest",
      description: "How many of the newest checkpoints to keep per branch (default 1)"
    }))
  },
  success: Schema.Struct({ deleted_count: Schema.Number, kept: Schema.Number, message: Schema.String }),
  failure: ToolFailure
}).annotate(Tool.Idempotent, true).annotate(Tool.OpenWorld, false)

/** @since 0.1.0 */
export const RetrieveScoped = Tool.make("alma_retrieve_scoped", {
  description: "Like alma_retrieve, but only memories recorded within a workflow scope: the current node, run, " +
    "workflow, tenant, or everything the agent can see (agent, the default) or the whole project (global). Give " +
    "the ids the scope needs (node needs node_id and run_id, run needs run_id, workflow needs workflow_id).",
  parameters: {
    task: P.Task.annotations({ description: "The task you are about to do, in plain words" }),
    agent: P.Agent,
    scope: Schema.optional(Schema.Literal("node", "run", "workflow", "agent", "tenant", "global").annotations({
      title: "scope",
      description: "How narrow to look, narrowest first: node, run, workflow, agent (default), tenant, global"
    })),
    tenant_id: Schema.optional(P.name("tenant_id", "Tenant id for the tenant scope")),
    workflow_id: Schema.optional(P.name("workflow_id", "Workflow id for the workflow scope")),
    run_id: Schema.optional(RunId),
    node_id: Schema.optional(P.name("node_id", "Node id for the node scope")),
    user_id: Schema.optional(P.UserId),
    top_k: Schema.optional(P.TopK)
  },
  success: Schema.Struct({
    ...RetrievedFields,
    scope: Schema.String,
    scope_filter: Schema.Record({ key: Schema.String, value: Schema.String }).annotations({
      description: "The metadata filter applied"
    })
  }),
  failure: ToolFailure
}).annotate(Tool.Readonly, true).annotate(Tool.Destructive, false).annotate(Tool.OpenWorld, false)

/**
 * @since 0.1.0
 * @category toolkits
 */
export const WorkflowToolkit = Toolkit.make(
  Checkpoint,
  Resume,
  MergeStates,
  WorkflowLearn,
  LinkArtifact,
  GetArtifacts,
  CleanupCheckpoints,
  RetrieveScoped
)
