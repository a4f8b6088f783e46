/**
 * JSON shapes of checkpoints and artifacts in tool results (snake_case, the original's field names,
 * e.g. `sequence_number`), and the reducer names `alma_merge_states` accepts.
 *
 * @since 0.1.0
 */
import { DateTime, Schema } from "effect"
import type { Artifact, Checkpoint, Reducer } from "../../domain/Workflow.js"
import { JsonObject } from "../params.js"

/** @since 0.1.0 */
export const CheckpointItem = Schema.Struct({
  id: Schema.String,
  run_id: Schema.String,
  node_id: Schema.String,
  branch_id: Schema.optional(Schema.String),
  parent_checkpoint_id: Schema.optional(Schema.String),
  sequence_number: Schema.Number,
  state: JsonObject,
  state_hash: Schema.String,
  metadata: JsonObject,
  created_at: Schema.String
})

/** @since 0.1.0 */
export const checkpointItem = (c: Checkpoint): typeof CheckpointItem.Type => ({
  id: c.id,
  run_id: c.runId,
  node_id: c.nodeId,
  ...(c.branchId !== undefined ? { branch_id: c.branchId } : {}),
  ...(c.parentCheckpointId !== undefined ? { parent_checkpoint_id: c.parentCheckpointId } : {}),
  sequence_number: c.sequence,
  state: c.state,
  state_hash: c.stateHash,
  metadata: c.metadata,
  created_at: DateTime.formatIso(c.createdAt)
})

/** @since 0.1.0 */
export const ArtifactItem = Schema.Struct({
  id: Schema.String,
  memory_id: Schema.String,
  artifact_type: Schema.String,
  storage_url: Schema.String,
  filename: Schema.optional(Schema.String),
  mime_type: Schema.optional(Schema.String),
  size_bytes: Schema.optional(Schema.Number),
  checksum: Schema.optional(Schema.String),
  metadata: JsonObject,
  created_at: Schema.String
})

/** @since 0.1.0 */
export const artifactItem = (a: Artifact): typeof ArtifactItem.Type => ({
  id: a.id,
  memory_id: a.memoryId,
  artifact_type: a.artifactType,
  storage_url: a.storageUrl,
  ...(a.filename !== undefined ? { filename: a.filename } : {}),
  ...(a.mimeType !== undefined ? { mime_type: a.mimeType } : {}),
  ...(a.sizeBytes !== undefined ? { size_bytes: a.sizeBytes } : {}),
  ...(a.checksum !== undefined ? { checksum: a.checksum } : {}),
  metadata: a.metadata,
  created_at: DateTime.formatIso(a.createdAt)
})

/**
 * Reducer names: the original's (`last_value`, `first_value`, …) and ours (`last`, `first`).
 *
 * @since 0.1.0
 * @category schemas
 */
export const ReducerName = Schema.Literal(
  "append",
  "merge_dict",
  "last_value",
  "first_value",
  "last",
  "first",
  "sum",
  "max",
  "min",
  "union"
)

/** The engine's reducer for a reducer name. */
export const toReducer = (name: typeof ReducerName.Type): Reducer =>
  name === "last_value" ? "last" : name === "first_value" ? "first" : name
