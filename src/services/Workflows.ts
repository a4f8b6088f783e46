/**
 * Workflow memory: checkpoints and resume for workflow runs, state merging, workflow outcomes,
 * artifacts linked to memories, and retrieval scoped to a node, run, workflow, agent or tenant.
 *
 * @since 0.1.0
 */
import type { Option } from "effect"
import { Context, DateTime, Effect, Layer } from "effect"
import type { NotFoundError, StorageError } from "../domain/AlmaError.js"
import { ValidationError } from "../domain/AlmaError.js"
import { Defaults } from "../domain/Defaults.js"
import { MemoryId } from "../domain/Ids.js"
import type { MemorySlice } from "../domain/MemorySlice.js"
import type { Reducer, RetrievalScope } from "../domain/Workflow.js"
import * as Workflow from "../domain/Workflow.js"
import { Artifact } from "../domain/Workflow.js"
import type { Checkpoint } from "../domain/Workflow.js"
import { decodeInput } from "../internal/validate.js"
import * as Checkpoints from "../internal/workflow/checkpoints.js"
import { makeIdGenerator } from "../internal/workflow/ids.js"
import { toLearnInput } from "../internal/workflow/learn.js"
import * as Records from "../internal/workflow/records.js"
import { mergeStates as merge } from "../internal/workflow/reducers.js"
import { filterSlice, scopeFilter } from "../internal/workflow/scoped.js"
import * as Learner from "./Learner.js"
import * as Retriever from "./Retriever.js"
import * as Storage from "./Storage.js"

/**
 * Input of `checkpoint`. `skipIfUnchanged` (default true): when the run's latest checkpoint on the
 * branch has the same state hash, nothing is stored and that checkpoint is returned with `skipped`.
 *
 * @since 0.1.0
 * @category models
 */
export type CheckpointInput = typeof Workflow.CheckpointInput.Encoded

/**
 * Input of `learnWorkflow`: the outcome of a whole workflow run, recorded as an outcome of `agent`
 * with the run's ids in its metadata. `taskType` (or `metadata.task_type`) is optional: without it the
 * Learner picks the task type as for `learn` (the agent's domain, else inferred from the summary).
 *
 * **Units** `durationSeconds`: seconds.
 *
 * @since 0.1.0
 * @category models
 */
export type WorkflowLearnInput = typeof Workflow.WorkflowLearnInput.Encoded

/**
 * Input of `linkArtifact`. **Units** `sizeBytes`: bytes.
 *
 * @since 0.1.0
 * @category models
 */
export type LinkArtifactInput = typeof Workflow.LinkArtifactInput.Encoded

/**
 * Input of `retrieveScoped`: a retrieval whose memories are filtered by the workflow ids in their
 * metadata. `agent` (the default scope) and `global` are the plain retrieval (what the agent may
 * read: `global` never bypasses scope enforcement); `tenant` keeps memories whose metadata has
 * `tenant_id` = `tenantId`, `workflow` `workflow_id`, `run` `run_id`, `node` `run_id` and `node_id`.
 * `topK` (default 5, as the original's tool): items per kind.
 *
 * @since 0.1.0
 * @category models
 */
export type RetrieveScopedInput = typeof Workflow.RetrieveScopedInput.Encoded

/**
 * @since 0.1.0
 * @category models
 */
export interface Service {
  /**
   * Saves a checkpoint: sequence = the branch's latest + 1. **Errors** `ValidationError` (bad ids, state
   * not a JSON object or over 1 MiB, `parentCheckpointId` not a checkpoint of the run), `StorageError`.
   */
  readonly checkpoint: (
    input: CheckpointInput
  ) => Effect.Effect<{ readonly checkpoint: Checkpoint; readonly skipped: boolean }, ValidationError | StorageError>
  /** The latest checkpoint (highest sequence) of a run on a branch, or on the main line, if any. */
  readonly resume: (
    input: typeof Workflow.ResumeInput.Encoded
  ) => Effect.Effect<Option.Option<Checkpoint>, ValidationError | StorageError>
  /** Deletes a run's checkpoints but the newest `keepLatest` (default 1) per branch. */
  readonly cleanupCheckpoints: (
    input: typeof Workflow.CleanupInput.Encoded
  ) => Effect.Effect<{ readonly deleted: number; readonly kept: number }, ValidationError | StorageError>
  /**
   * Merges states key by key; each key's reducer defaults to `last` (reducer names are checked at run
   * time: they come from agents). **Errors** `ValidationError` at
   * `reducer_config.<key>` (unknown reducer), `states.<i>` (not a JSON object) or `states.<i>.<key>`
   * (type mismatch for sum/max/min/merge_dict).
   */
  readonly mergeStates: (
    states: ReadonlyArray<Readonly<Record<string, unknown>>>,
    reducers?: Readonly<Record<string, Reducer | (string & {})>> | undefined
  ) => Effect.Effect<Record<string, unknown>, ValidationError>
  /**
   * Records a workflow run's outcome through the Learner (so it forms heuristics and anti-patterns);
   * `partial`, `cancelled` and `timeout` are failures. **Errors** as `Learner.learn`.
   */
  readonly learnWorkflow: (input: WorkflowLearnInput) => Effect.Effect<Learner.LearnResult, Learner.LearnError>
  /** Links an artifact to an existing memory. **Errors** `ValidationError`, `NotFoundError` (no such memory), `StorageError`. */
  readonly linkArtifact: (
    input: LinkArtifactInput
  ) => Effect.Effect<Artifact, ValidationError | NotFoundError | StorageError>
  /** The artifacts linked to a memory, newest first. **Errors** `ValidationError` (not a memory id), `StorageError`. */
  readonly artifacts: (memoryId: string) => Effect.Effect<ReadonlyArray<Artifact>, ValidationError | StorageError>
  /**
   * A retrieval filtered to a workflow scope; returns the slice and the metadata filter applied.
   * **Errors** as `Retriever.retrieve`, plus `ValidationError` naming a missing id (e.g. `runId` for `run`).
   */
  readonly retrieveScoped: (
    input: RetrieveScopedInput
  ) => Effect.Effect<
    { readonly slice: MemorySlice; readonly scope: RetrievalScope; readonly filter: Readonly<Record<string, string>> },
    Retriever.RetrieveError
  >
}

/**
 * @since 0.1.0
 * @category tags
 */
export class Workflows extends Context.Tag("alma-memory/Workflows")<Workflows, Service>() {}

/**
 * Options: the project whose checkpoints, artifacts and memories the service works on.
 *
 * @since 0.1.0
 * @category models
 */
export interface Options {
  readonly projectId: string
}

/** Items per kind retrieved before a scope filter keeps its own (RetrieveInput's largest `topK`). */
const SCOPED_FETCH_K = 100

/** `topK` of `retrieveScoped` when not given (the original tool's `top_k=5`). */
const DEFAULT_TOP_K = Defaults.workflow.topK

/**
 * Builds the service on the Storage, Learner and Retriever in context.
 *
 * **Concurrency** a checkpoint reads the run's checkpoints, then writes: checkpoints and cleanups run
 * one at a time in this service, so two concurrent saves on one branch never take the same sequence.
 * (Processes sharing a database file are not serialised against each other.)
 * **Cost** checkpoint, resume and cleanup read and decode all of the run's checkpoints (the Storage
 * port lists a parent's records whole): on SQLite, 100 checkpoints of 100 KB cost about 0.1 s per
 * checkpoint. Keep runs short with `cleanupCheckpoints`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (options: Options) =>
  Effect.gen(function*() {
    const storage = yield* Storage.Storage
    const learner = yield* Learner.Learner
    const retriever = yield* Retriever.Retriever
    const projectId = options.projectId
    const newId = yield* makeIdGenerator

    const checkpoints = yield* Checkpoints.make(storage, projectId, newId)

    const checkpoint = Effect.fn("Workflows.checkpoint")(function*(input: CheckpointInput) {
      const req = yield* decodeInput(Workflow.CheckpointInput, input)
      yield* Effect.annotateCurrentSpan({ "alma.project": projectId, "alma.run_id": req.runId })
      return yield* checkpoints.save(req)
    })

    const resume = Effect.fn("Workflows.resume")(function*(input: Parameters<Service["resume"]>[0]) {
      const req = yield* decodeInput(Workflow.ResumeInput, input)
      return yield* checkpoints.latest(req.runId, req.branchId)
    })

    const cleanupCheckpoints = Effect.fn("Workflows.cleanupCheckpoints")(
      function*(input: Parameters<Service["cleanupCheckpoints"]>[0]) {
        const req = yield* decodeInput(Workflow.CleanupInput, input)
        return yield* checkpoints.cleanup(req.runId, req.keepLatest ?? Defaults.workflow.keepLatest)
      }
    )

    const mergeStates = Effect.fn("Workflows.mergeStates", { captureStackTrace: false })(
      function*(
        states: ReadonlyArray<Readonly<Record<string, unknown>>>,
        reducers?: Readonly<Record<string, Reducer | (string & {})>>
      ) {
        return yield* merge(states, reducers)
      }
    )

    const learnWorkflow = Effect.fn("Workflows.learnWorkflow")(function*(input: WorkflowLearnInput) {
      const req = yield* decodeInput(Workflow.WorkflowLearnInput, input)
      yield* Effect.annotateCurrentSpan({ "alma.project": projectId, "alma.agent": req.agent })
      return yield* learner.learn(yield* toLearnInput(req))
    })

    const linkArtifact = Effect.fn("Workflows.linkArtifact")(function*(input: LinkArtifactInput) {
      const req = yield* decodeInput(Workflow.LinkArtifactInput, input)
      yield* storage.get(projectId, req.memoryId)
      const artifact = Artifact.make({
        id: yield* newId("art"),
        projectId,
        memoryId: req.memoryId,
        artifactType: req.artifactType,
        storageUrl: req.storageUrl,
        ...(req.filename !== undefined ? { filename: req.filename } : {}),
        ...(req.mimeType !== undefined ? { mimeType: req.mimeType } : {}),
        ...(req.sizeBytes !== undefined ? { sizeBytes: req.sizeBytes } : {}),
        ...(req.checksum !== undefined ? { checksum: req.checksum } : {}),
        metadata: req.metadata ?? {},
        createdAt: yield* DateTime.now
      })
      yield* storage.putRecords([yield* Records.artifactRecord(artifact)])
      return artifact
    })

    const artifacts = Effect.fn("Workflows.artifacts")(function*(memoryId: string) {
      const id = yield* decodeInput(MemoryId, memoryId).pipe(
        Effect.mapError((e) => new ValidationError({ field: "memoryId", reason: e.reason }))
      )
      const records = yield* storage.listRecords(projectId, "artifact", id)
      return yield* Records.decodeArtifacts(storage.backend, records)
    })

    const retrieveScoped = Effect.fn("Workflows.retrieveScoped")(function*(input: RetrieveScopedInput) {
      const req = yield* decodeInput(Workflow.RetrieveScopedInput, input)
      const scope = req.scope ?? "agent"
      const filter = yield* scopeFilter(scope, req)
      const topK = req.topK ?? DEFAULT_TOP_K
      const filtered = Object.keys(filter).length > 0
      yield* Effect.annotateCurrentSpan({ "alma.project": projectId, "alma.agent": req.agent, "alma.k": topK })
      const slice = yield* retriever.retrieve({
        task: req.task,
        agent: req.agent,
        ...(req.userId !== undefined ? { userId: req.userId } : {}),
        // A filter keeps only part of what is retrieved: the best `SCOPED_FETCH_K` per kind are its candidates.
        topK: filtered ? Math.max(topK, SCOPED_FETCH_K) : topK
        // A scope's records are returned as recorded (one per run); repeats collapse in plain retrieval.
      }, { collapseRepeats: !filtered })
      return { slice: filtered ? filterSlice(slice, filter, topK) : slice, scope, filter }
    })

    return Workflows.of({
      checkpoint,
      resume,
      cleanupCheckpoints,
      mergeStates,
      learnWorkflow,
      linkArtifact,
      artifacts,
      retrieveScoped
    })
  })

/**
 * The Workflows service of one project, over the Storage, Learner and Retriever it leaves open.
 *
 * @since 0.1.0
 * @category layers
 */
export const layer = (
  options: Options
): Layer.Layer<Workflows, never, Storage.Storage | Learner.Learner | Retriever.Retriever> =>
  Layer.effect(Workflows, make(options))
