/**
 * Workflow memory: checkpoints of a workflow run's state, artifacts linked to memories, and the inputs
 * of the workflow operations (the original's `alma_checkpoint`, `alma_resume`, `alma_merge_states`,
 * `alma_workflow_learn`, `alma_link_artifact`, `alma_get_artifacts`, `alma_cleanup_checkpoints` and
 * `alma_retrieve_scoped`; reference §5.1, §5.10).
 *
 * Limits (beyond those of `Inputs.ts`): checkpoint state at most 1 MiB as canonical JSON (as in the
 * original); ids (run, node, branch, workflow, tenant, artifact type) are names (`Ids.Name`).
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import { MemoryId, Name } from "./Ids.js"
import { BoundedMetadata, Int, MAX_TASK_LENGTH, MAX_TEXT_LENGTH, Text } from "./Inputs.js"
import { Metadata } from "./Memory.js"

/**
 * Largest accepted checkpoint state, as canonical JSON (UTF-8 bytes). **Source** original ALMA
 * `Checkpoint.validate(max_state_size=1 MiB)` (reference §5.10).
 *
 * @since 0.1.0
 * @category models
 */
export const MAX_STATE_BYTES = 1_048_576

/**
 * A JSON object, for workflow state.
 *
 * @since 0.1.0
 * @category schemas
 */
export const JsonObject = Schema.Record({ key: Schema.String, value: Schema.Unknown })

/**
 * A saved state of one node of a workflow run.
 *
 * **Shape** `sequence`: 1, 2, … per (run, branch), in save order; `stateHash`: SHA-256 (hex) of the
 * state's canonical JSON (keys sorted, no spaces), used by `skipIfUnchanged`; no `branchId` = the
 * run's main line.
 *
 * @since 0.1.0
 * @category models
 */
export class Checkpoint extends Schema.Class<Checkpoint>("Checkpoint")({
  id: Schema.String.annotations({ description: "Checkpoint id (ckpt_<uuid>)" }),
  projectId: Schema.String,
  runId: Name,
  nodeId: Name,
  branchId: Schema.optional(Name),
  parentCheckpointId: Schema.optional(Schema.String),
  sequence: Schema.Number.annotations({ description: "1, 2, … per (run, branch)" }),
  state: JsonObject,
  stateHash: Schema.String.annotations({ description: "SHA-256 (hex) of the state's canonical JSON" }),
  metadata: Metadata,
  createdAt: Schema.DateTimeUtc
}) {}

/**
 * A file or object produced by a task, linked to the memory that records the task.
 *
 * **Units** `sizeBytes`: bytes.
 *
 * @since 0.1.0
 * @category models
 */
export class Artifact extends Schema.Class<Artifact>("Artifact")({
  id: Schema.String.annotations({ description: "Artifact id (art_<uuid>)" }),
  projectId: Schema.String,
  memoryId: MemoryId,
  artifactType: Name,
  storageUrl: Schema.String,
  filename: Schema.optional(Schema.String),
  mimeType: Schema.optional(Schema.String),
  sizeBytes: Schema.optional(Schema.Number),
  checksum: Schema.optional(Schema.String),
  metadata: Metadata,
  createdAt: Schema.DateTimeUtc
}) {}

/**
 * How `mergeStates` combines one key's values across states (original ALMA reducers, reference §5.10):
 * `last` (default), `first`, `append` (concatenate arrays), `sum`, `max`, `min`, `union` (distinct
 * array items), `merge_dict` (shallow object merge). `last_value` and `first_value`, the original's
 * names, are accepted as aliases of `last` and `first`.
 *
 * @since 0.1.0
 * @category models
 */
export const Reducer = Schema.Literal(
  "last",
  "first",
  "append",
  "sum",
  "max",
  "min",
  "union",
  "merge_dict",
  "last_value",
  "first_value"
)

/**
 * @since 0.1.0
 * @category models
 */
export type Reducer = typeof Reducer.Type

/**
 * Result of a workflow run, as `alma_workflow_learn` reports it.
 *
 * @since 0.1.0
 * @category models
 */
export const WorkflowResult = Schema.Literal("success", "failure", "partial", "cancelled", "timeout")

/**
 * @since 0.1.0
 * @category models
 */
export type WorkflowResult = typeof WorkflowResult.Type

/**
 * Where `retrieveScoped` looks: the original's scope levels, narrowest first.
 *
 * @since 0.1.0
 * @category models
 */
export const RetrievalScope = Schema.Literal("node", "run", "workflow", "agent", "tenant", "global")

/**
 * @since 0.1.0
 * @category models
 */
export type RetrievalScope = typeof RetrievalScope.Type

// inputs

const Texts = (maxItems: number) =>
  Schema.Array(Text(MAX_TEXT_LENGTH)).pipe(
    Schema.maxItems(maxItems, { message: () => `must have at most ${maxItems} items` })
  )

/**
 * Input of `checkpoint` (the state is checked further: a JSON object of at most `MAX_STATE_BYTES`).
 *
 * @since 0.1.0
 * @category schemas
 */
export const CheckpointInput = Schema.Struct({
  runId: Name,
  nodeId: Name,
  state: JsonObject.annotations({ description: "The state to save: a JSON object, at most 1 MiB as JSON" }),
  branchId: Schema.optional(Name),
  parentCheckpointId: Schema.optional(Name),
  metadata: Schema.optional(BoundedMetadata),
  skipIfUnchanged: Schema.optional(Schema.Boolean)
})

/**
 * Input of `resume`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const ResumeInput = Schema.Struct({ runId: Name, branchId: Schema.optional(Name) })

/**
 * Input of `cleanupCheckpoints`. `keepLatest`: checkpoints kept per branch (default 1, as in the original).
 *
 * @since 0.1.0
 * @category schemas
 */
export const CleanupInput = Schema.Struct({ runId: Name, keepLatest: Schema.optional(Int(0, 1_000_000)) })

/**
 * Input of `learnWorkflow`.
 *
 * **Units** `durationSeconds`: seconds (at most one year).
 *
 * @since 0.1.0
 * @category schemas
 */
export const WorkflowLearnInput = Schema.Struct({
  agent: Name,
  workflowId: Name,
  runId: Name,
  result: WorkflowResult,
  summary: Text(MAX_TASK_LENGTH),
  strategiesUsed: Schema.optional(Texts(100)),
  successfulPatterns: Schema.optional(Texts(100)),
  failedPatterns: Schema.optional(Texts(100)),
  durationSeconds: Schema.optional(
    Schema.Number.pipe(
      Schema.finite({ message: () => "must be a finite number" }),
      Schema.between(0, 31_536_000, { message: () => "must be between 0 and 31536000 seconds" })
    )
  ),
  nodeCount: Schema.optional(Int(0, 1_000_000)),
  errorMessage: Schema.optional(Text(MAX_TEXT_LENGTH)),
  tenantId: Schema.optional(Name),
  taskType: Schema.optional(Name),
  metadata: Schema.optional(BoundedMetadata)
})

/**
 * Input of `linkArtifact`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const LinkArtifactInput = Schema.Struct({
  memoryId: MemoryId,
  artifactType: Name.annotations({
    description: "e.g. file, document, image, video, screenshot, log, trace, diff, test_result, coverage_report, " +
      "report, metrics, other (the original's types; any name is accepted)"
  }),
  storageUrl: Text(MAX_TEXT_LENGTH),
  filename: Schema.optional(Text(1024)),
  mimeType: Schema.optional(Text(256)),
  sizeBytes: Schema.optional(Int(0, Number.MAX_SAFE_INTEGER)),
  checksum: Schema.optional(Text(1024)),
  metadata: Schema.optional(BoundedMetadata)
})

/**
 * Input of `retrieveScoped`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const RetrieveScopedInput = Schema.Struct({
  task: Text(MAX_TASK_LENGTH),
  agent: Name,
  scope: Schema.optional(RetrievalScope),
  tenantId: Schema.optional(Name),
  workflowId: Schema.optional(Name),
  runId: Schema.optional(Name),
  nodeId: Schema.optional(Name),
  userId: Schema.optional(Name),
  topK: Schema.optional(Int(1, 100))
})
