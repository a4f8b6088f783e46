/**
 * Checkpoint operations of the Workflows service, on decoded input: save (with sequence and
 * skip-if-unchanged), latest on a branch, cleanup per branch.
 *
 * **Source** original ALMA `CheckpointManager` (reference §5.10), with three differences: sequences
 * count per (run, branch) rather than per run; `skipIfUnchanged` compares with the branch's latest
 * checkpoint (the original only with an explicitly given parent); sequences come from storage, not a
 * process-local cache, so they survive restarts.
 */
import { DateTime, Effect, Either, Option } from "effect"
import { ValidationError } from "../../domain/AlmaError.js"
import { Checkpoint, MAX_STATE_BYTES } from "../../domain/Workflow.js"
import type * as Workflow from "../../domain/Workflow.js"
import type * as Storage from "../../services/Storage.js"
import { canonicalize, sha256 } from "./canonicalJson.js"
import * as Records from "./records.js"

/** The checkpoint operations over one project's storage (`newId` makes record ids). */
export const make = Effect.fnUntraced(function*(
  storage: Storage.Service,
  projectId: string,
  newId: (prefix: string) => Effect.Effect<string>
) {
  // A save reads the run's checkpoints, then writes: saves and cleanups take turns, so two concurrent
  // saves on one branch never take the same sequence.
  const lock = yield* Effect.makeSemaphore(1)

  const runCheckpoints = (runId: string) =>
    Effect.flatMap(
      storage.listRecords(projectId, "checkpoint", runId),
      (records) => Records.decodeCheckpoints(storage.backend, records)
    )

  const save = (req: typeof Workflow.CheckpointInput.Type) =>
    Effect.gen(function*() {
      const canonical = canonicalize(req.state)
      if (Either.isLeft(canonical)) {
        const { path, reason } = canonical.left
        return yield* new ValidationError({ field: path === "" ? "state" : `state.${path}`, reason })
      }
      const size = Buffer.byteLength(canonical.right.json)
      if (size > MAX_STATE_BYTES) {
        return yield* new ValidationError({
          field: "state",
          reason: `must be at most ${MAX_STATE_BYTES} bytes as JSON (got ${size}): ` +
            "store large data elsewhere (e.g. as an artifact) and keep a reference in the state"
        })
      }
      const stateHash = sha256(canonical.right.json)
      return yield* lock.withPermits(1)(Effect.gen(function*() {
        const all = yield* runCheckpoints(req.runId)
        if (req.parentCheckpointId !== undefined && !all.some((c) => c.id === req.parentCheckpointId)) {
          return yield* new ValidationError({
            field: "parentCheckpointId",
            reason: `no checkpoint "${req.parentCheckpointId}" in run "${req.runId}"`
          })
        }
        const latest = Records.onBranch(all, req.branchId)[0]
        if ((req.skipIfUnchanged ?? true) && latest !== undefined && latest.stateHash === stateHash) {
          return { checkpoint: latest, skipped: true }
        }
        const saved = Checkpoint.make({
          id: yield* newId("ckpt"),
          projectId,
          runId: req.runId,
          nodeId: req.nodeId,
          ...(req.branchId !== undefined ? { branchId: req.branchId } : {}),
          ...(req.parentCheckpointId !== undefined ? { parentCheckpointId: req.parentCheckpointId } : {}),
          sequence: (latest?.sequence ?? 0) + 1,
          state: canonical.right.value as Record<string, unknown>,
          stateHash,
          metadata: req.metadata ?? {},
          createdAt: yield* DateTime.now
        })
        yield* storage.putRecords([yield* Records.checkpointRecord(saved)])
        return { checkpoint: saved, skipped: false }
      }))
    })

  const latest = (runId: string, branchId: string | undefined) =>
    Effect.map(runCheckpoints(runId), (all) => Option.fromNullable(Records.onBranch(all, branchId)[0]))

  const cleanup = (runId: string, keepLatest: number) =>
    lock.withPermits(1)(Effect.gen(function*() {
      const all = yield* runCheckpoints(runId)
      const doomed = Records.beyondLatest(all, keepLatest)
      const deleted = doomed.length === 0 ? 0 : yield* storage.deleteRecords(
        projectId,
        "checkpoint",
        doomed.map((c) => c.id)
      )
      return { deleted, kept: all.length - deleted }
    }))

  return { save, latest, cleanup }
})
