/**
 * Workflow operations in the id-isolation property: checkpoints by run id (the same run ids in every
 * project), artifacts by memory id, workflow outcomes and workflow-scoped retrieval.
 */
import { assert } from "@effect/vitest"
import { Effect, Option } from "effect"
import type { Checkpoint } from "../../../../../src/domain/Workflow.js"
import { inferTaskType } from "../../../../../src/internal/formation.js"
import type { Op } from "../arbitraries.js"
import { count, failure, success } from "../expect.js"
import { canon } from "../model.js"
import type { Ctx } from "./ctx.js"
import { expectUnknownAgent, known, refFailure } from "./ctx.js"
import { checkSlice } from "./advice.js"
import { recordLearned, scopedWrite } from "./memories.js"

type Of<K extends Op["op"]> = Extract<Op, { readonly op: K }>

/** The project's checkpoints of a run on the main line, highest sequence first. */
const mainLine = (ctx: Ctx, run: string): Array<Checkpoint> =>
  [...ctx.world.model.project(ctx.project).checkpoints.values()]
    .filter((c) => c.runId === run && c.branchId === undefined)
    .sort((a, b) => b.sequence - a.sequence)

export const checkpoint = (ctx: Ctx, o: Of<"checkpoint">) =>
  Effect.gen(function*() {
    const model = ctx.world.model
    const pick = (cs: ReadonlyArray<Checkpoint>) => (cs.length === 0 ? undefined : cs[o.parent!.n % cs.length]!.id)
    const parent = o.parent === undefined
      ? undefined
      : o.parent.from === "own"
      ? pick(mainLine(ctx, o.run)) ?? "ckpt_none"
      : o.parent.from === "other"
      ? pick(model.others(ctx.project).flatMap((p) => [...p.checkpoints.values()].filter((c) => c.runId === o.run))) ?? "ckpt_none"
      : `ckpt_unknown${o.parent.n}`
    const state = { n: o.state }
    const exit = yield* Effect.exit(ctx.engine.workflows.checkpoint({
      runId: o.run,
      nodeId: "node",
      state,
      ...(parent !== undefined ? { parentCheckpointId: parent } : {})
    }))
    const p = model.project(ctx.project)
    if (parent !== undefined && !p.checkpoints.has(parent)) {
      failure(ctx.world, ctx.project, exit, "ValidationError", `${ctx.label} (parent ${parent})`, "parentCheckpointId")
      return void count(ctx.backend, "checkpoint:refused-parent")
    }
    const r = success(exit, ctx.label)
    const latest = mainLine(ctx, o.run)[0]
    if (latest !== undefined && canon(latest.state) === canon(state)) {
      assert.isTrue(r.skipped, `${ctx.label}: same state as ${latest.id}, not skipped`)
      assert.strictEqual(r.checkpoint.id, latest.id, `${ctx.label}: skipped in favour of the latest`)
      return
    }
    assert.isFalse(r.skipped, `${ctx.label}: skipped`)
    assert.strictEqual(r.checkpoint.projectId, ctx.project, `${ctx.label}: projectId`)
    assert.strictEqual(r.checkpoint.runId, o.run, `${ctx.label}: runId`)
    assert.strictEqual(r.checkpoint.sequence, (latest?.sequence ?? 0) + 1, `${ctx.label}: sequence (this project's run only)`)
    p.checkpoints.set(r.checkpoint.id, r.checkpoint)
    if (model.others(ctx.project).some((q) => [...q.checkpoints.values()].some((c) => c.runId === o.run))) {
      count(ctx.backend, "checkpoint:run-shared")
    }
  })

export const resume = (ctx: Ctx, o: Of<"resume">) =>
  Effect.gen(function*() {
    const r = success(yield* Effect.exit(ctx.engine.workflows.resume({ runId: o.run })), ctx.label)
    const latest = mainLine(ctx, o.run)[0]
    assert.strictEqual(Option.getOrUndefined(r)?.id, latest?.id, `${ctx.label}: the latest checkpoint of ${ctx.project}`)
    if (latest === undefined && ctx.world.model.others(ctx.project).some((q) => q.checkpoints.size > 0)) {
      count(ctx.backend, "resume:none-here")
    }
  })

export const cleanup = (ctx: Ctx, o: Of<"cleanup">) =>
  Effect.gen(function*() {
    const r = success(yield* Effect.exit(ctx.engine.workflows.cleanupCheckpoints({ runId: o.run, keepLatest: o.keepLatest })), ctx.label)
    const p = ctx.world.model.project(ctx.project)
    const all = [...p.checkpoints.values()].filter((c) => c.runId === o.run)
    const doomed = mainLine(ctx, o.run).slice(o.keepLatest)
    assert.strictEqual(r.deleted, doomed.length, `${ctx.label}: deleted`)
    assert.strictEqual(r.kept, all.length - doomed.length, `${ctx.label}: kept`)
    for (const c of doomed) p.checkpoints.delete(c.id)
    if (doomed.length > 0) count(ctx.backend, "cleanup:deleted")
  })

export const link = (ctx: Ctx, o: Of<"link">) =>
  Effect.gen(function*() {
    const model = ctx.world.model
    const { id, from } = model.resolve(ctx.project, o.ref)
    if (from !== "malformed") model.artifactParents.add(id)
    const exit = yield* Effect.exit(ctx.engine.workflows.linkArtifact({
      memoryId: id,
      artifactType: "log",
      storageUrl: `s3://bucket/${ctx.step}`
    }))
    if (!model.project(ctx.project).memories.has(id)) return refFailure(ctx, exit, id, from, "memoryId")
    const a = success(exit, ctx.label)
    assert.strictEqual(a.projectId, ctx.project, `${ctx.label}: projectId`)
    assert.strictEqual(a.memoryId, id, `${ctx.label}: memoryId`)
    model.project(ctx.project).artifacts.set(a.id, a)
  })

export const artifacts = (ctx: Ctx, o: Of<"artifacts">) =>
  Effect.gen(function*() {
    const model = ctx.world.model
    // "other" prefers memories of another project that have artifacts there.
    const linkedElsewhere = model.others(ctx.project).flatMap((q) => [...q.artifacts.values()].map((a): string => a.memoryId))
    const { id, from } = o.ref.from === "other" && linkedElsewhere.length > 0
      ? { id: linkedElsewhere[o.ref.n % linkedElsewhere.length]!, from: "other" as const }
      : model.resolve(ctx.project, o.ref)
    const exit = yield* Effect.exit(ctx.engine.workflows.artifacts(id))
    if (from === "malformed") return void failure(ctx.world, ctx.project, exit, "ValidationError", ctx.label, "memoryId")
    const expected = [...model.project(ctx.project).artifacts.values()].filter((a) => a.memoryId === id).map((a) => a.id).sort()
    const got = success(exit, ctx.label)
    assert.deepStrictEqual(got.map((a) => a.id).sort(), expected, `${ctx.label}: artifacts of ${id} (${from}) in ${ctx.project}`)
    for (const a of got) assert.strictEqual(a.projectId, ctx.project, `${ctx.label}: artifact ${a.id}'s project`)
    if (from === "other" && linkedElsewhere.includes(id)) count(ctx.backend, "artifacts:linked-elsewhere")
  })

export const learnWorkflow = (ctx: Ctx, o: Of<"learnWorkflow">) =>
  Effect.map(
    scopedWrite(
      ctx,
      o.agent,
      (s) => s.domain ?? inferTaskType(o.summary),
      ctx.engine.workflows.learnWorkflow({
        agent: o.agent,
        workflowId: "wf",
        runId: o.run,
        result: o.success ? "success" : "failure",
        summary: o.summary
      })
    ),
    (r) => r && recordLearned(ctx, o.agent, r)
  )

export const retrieveScoped = (ctx: Ctx, o: Of<"retrieveScoped">) =>
  Effect.gen(function*() {
    const exit = yield* Effect.exit(
      ctx.engine.workflows.retrieveScoped({ task: o.task, agent: o.agent, scope: "run", runId: o.run, topK: 100 })
    )
    if (known(ctx, o.agent) === undefined) return expectUnknownAgent(ctx, exit)
    const { items } = checkSlice(ctx, o.agent, success(exit, ctx.label).slice, undefined)
    for (const m of items) assert.strictEqual(m.metadata["run_id"], o.run, `${ctx.label}: ${m.id} is not of run ${o.run}`)
  })
