/**
 * Checkpoints and artifacts as storage records (`Storage.WorkflowRecord`): `data` is the encoded
 * class as JSON; checkpoints are listed by run (`parent` = run id), artifacts by memory (`parent` =
 * memory id). Plus the per-branch views of a run's checkpoints.
 */
import { Effect, Schema } from "effect"
import { StorageError } from "../../domain/AlmaError.js"
import { Artifact, Checkpoint } from "../../domain/Workflow.js"
import type * as Storage from "../../services/Storage.js"

const CheckpointJson = Schema.parseJson(Checkpoint)
const ArtifactJson = Schema.parseJson(Artifact)
const encodeCheckpoint = Schema.encode(CheckpointJson)
const encodeArtifact = Schema.encode(ArtifactJson)
const decodeCheckpoint = Schema.decodeUnknown(CheckpointJson)
const decodeArtifact = Schema.decodeUnknown(ArtifactJson)

/** A checkpoint as a record (encoding a checkpoint built from validated input cannot fail: a defect if it does). */
export const checkpointRecord = (c: Checkpoint): Effect.Effect<Storage.WorkflowRecord> =>
  Effect.map(encodeCheckpoint(c), (data): Storage.WorkflowRecord => ({
    projectId: c.projectId,
    collection: "checkpoint",
    id: c.id,
    parent: c.runId,
    createdAt: c.createdAt,
    data
  })).pipe(Effect.orDie)

/** An artifact as a record (a defect if encoding fails, as for checkpoints). */
export const artifactRecord = (a: Artifact): Effect.Effect<Storage.WorkflowRecord> =>
  Effect.map(encodeArtifact(a), (data): Storage.WorkflowRecord => ({
    projectId: a.projectId,
    collection: "artifact",
    id: a.id,
    parent: a.memoryId,
    createdAt: a.createdAt,
    data
  })).pipe(Effect.orDie)

/** A stored record that does not decode is damaged storage: a `StorageError` of the backend. */
const damaged = (backend: string, operation: string) => (cause: unknown) =>
  new StorageError({ backend, operation, cause })

/** Decodes records of checkpoints. **Errors** `StorageError` (operation `decodeCheckpoint`). */
export const decodeCheckpoints = (backend: string, records: ReadonlyArray<Storage.WorkflowRecord>) =>
  Effect.forEach(records, (r) => decodeCheckpoint(r.data)).pipe(Effect.mapError(damaged(backend, "decodeCheckpoint")))

/** Decodes records of artifacts. **Errors** `StorageError` (operation `decodeArtifact`). */
export const decodeArtifacts = (backend: string, records: ReadonlyArray<Storage.WorkflowRecord>) =>
  Effect.forEach(records, (r) => decodeArtifact(r.data)).pipe(Effect.mapError(damaged(backend, "decodeArtifact")))

/** Checkpoints of one branch (`undefined` = the main line), highest sequence first. */
export const onBranch = (
  checkpoints: ReadonlyArray<Checkpoint>,
  branchId: string | undefined
): Array<Checkpoint> =>
  checkpoints.filter((c) => c.branchId === branchId).sort((a, b) => b.sequence - a.sequence)

/**
 * What cleanup deletes: on every branch, all but the `keepLatest` highest sequences.
 */
export const beyondLatest = (checkpoints: ReadonlyArray<Checkpoint>, keepLatest: number): Array<Checkpoint> => {
  const branches = new Set(checkpoints.map((c) => c.branchId))
  return [...branches].flatMap((branch) => onBranch(checkpoints, branch).slice(keepLatest))
}
