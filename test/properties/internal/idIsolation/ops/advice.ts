/**
 * Operations by scope and by id lists in the id-isolation property: retrieve, check an action,
 * record feedback, forget, prune and consolidate. Each touches only the project's memories its
 * agent may read (or owns), and an agent unknown in the project fails closed.
 */
import { assert } from "@effect/vitest"
import { DateTime, Effect } from "effect"
import type { Memory } from "../../../../../src/domain/Memory.js"
import { ownerOf } from "../../../../../src/domain/Memory.js"
import type { MemorySlice } from "../../../../../src/domain/MemorySlice.js"
import { recencyTimestamp } from "../../../../../src/internal/scoring.js"
import type { Op } from "../arbitraries.js"
import { count, failure, success } from "../expect.js"
import { canon, mayRead } from "../model.js"
import type { AuditDelta } from "../world.js"
import type { Ctx } from "./ctx.js"
import { expectUnknownAgent, known } from "./ctx.js"

type Of<K extends Op["op"]> = Extract<Op, { readonly op: K }>

/** Every memory of the slice is a memory of the project (as the model has it) the agent may read. */
export const checkSlice = (ctx: Ctx, agent: string, slice: MemorySlice, userId: string | undefined) => {
  assert.strictEqual(slice.projectId, ctx.project, `${ctx.label}: slice.projectId`)
  const p = ctx.world.model.project(ctx.project)
  const items = [slice.heuristics, slice.antiPatterns, slice.preferences, slice.domainKnowledge, slice.outcomes].flat()
  for (const { memory } of items) checkReadable(ctx, agent, memory, userId)
  if (items.length > 0) count(ctx.backend, `${ctx.op}:returned`)
  return { items: items.map((i) => i.memory), scopes: p.scopes }
}

const checkReadable = (ctx: Ctx, agent: string, m: Memory, userId: string | undefined) => {
  const p = ctx.world.model.project(ctx.project)
  const expected = p.memories.get(m.id)
  if (expected === undefined) assert.fail(`${ctx.label}: returned ${m.id}, not a memory of ${ctx.project}`)
  if (m !== expected && canon(m) !== canon(expected)) {
    assert.strictEqual(canon(m), canon(expected), `${ctx.label}: returned ${m.id} as the model has it`)
  }
  if (m.kind === "user_preference") {
    if (m.userId !== userId) assert.fail(`${ctx.label}: preference ${m.id} of ${m.userId}, asked for ${userId}`)
  } else if (!mayRead(p.scopes, agent, m.agent)) {
    assert.fail(`${ctx.label}: ${agent} may not read ${m.id} (owner ${m.agent})`)
  }
}

export const retrieve = (ctx: Ctx, o: Of<"retrieve">) =>
  Effect.gen(function*() {
    const exit = yield* Effect.exit(ctx.engine.alma.retrieve({
      task: o.task,
      agent: o.agent,
      mode: "benchmark",
      topK: 100,
      ...(o.userId !== undefined ? { userId: o.userId } : {})
    }))
    if (known(ctx, o.agent) === undefined) return expectUnknownAgent(ctx, exit)
    checkSlice(ctx, o.agent, success(exit, ctx.label), o.userId)
  })

export const checkAction = (ctx: Ctx, o: Of<"checkAction">) =>
  Effect.gen(function*() {
    const exit = yield* Effect.exit(ctx.engine.advisor.checkAction({ agent: o.agent, action: o.action, topK: 50 }))
    if (known(ctx, o.agent) === undefined) return expectUnknownAgent(ctx, exit)
    const r = success(exit, ctx.label)
    for (const { memory } of [...r.antiPatterns, ...r.heuristics]) checkReadable(ctx, o.agent, memory, undefined)
    if (r.antiPatterns.length + r.heuristics.length > 0) count(ctx.backend, "checkAction:returned")
  })

export const feedback = (ctx: Ctx, o: Of<"feedback">) =>
  Effect.gen(function*() {
    const model = ctx.world.model
    const helpful = [...new Set(o.helpful.map((r) => model.resolve(ctx.project, r).id))]
    const harmful = [...new Set(o.harmful.map((r) => model.resolve(ctx.project, r).id))].filter((id) => !helpful.includes(id))
    const exit = yield* Effect.exit(ctx.engine.advisor.recordFeedback({ agent: o.agent, helpful, harmful }))
    if (helpful.length + harmful.length === 0) return void failure(ctx.world, ctx.project, exit, "ValidationError", ctx.label, "helpful")
    if (known(ctx, o.agent) === undefined) return expectUnknownAgent(ctx, exit)
    const p = model.project(ctx.project)
    const ids = [...helpful, ...harmful]
    const visible = (id: string) => {
      const m = p.memories.get(id)
      return m !== undefined && model.feedbackVisible(ctx.project, o.agent, m)
    }
    const r = success(exit, ctx.label)
    assert.deepStrictEqual(r.updated.map((u) => u.memory.id), ids.filter(visible), `${ctx.label}: memories updated`)
    assert.deepStrictEqual([...r.missing], ids.filter((id) => !visible(id)), `${ctx.label}: ids reported missing`)
    for (const u of r.updated) {
      const before = p.memories.get(u.memory.id)!
      assert.strictEqual(u.memory.kind, before.kind, `${ctx.label}: kind of ${u.memory.id}`)
      assert.strictEqual(u.verdict, helpful.includes(u.memory.id) ? "helpful" : "harmful", `${ctx.label}: verdict`)
      assert.strictEqual(u.memory.projectId, ctx.project, `${ctx.label}: projectId of ${u.memory.id}`)
      assert.strictEqual(ownerOf(u.memory), ownerOf(before), `${ctx.label}: owner of ${u.memory.id}`)
      model.put(ctx.project, u.memory)
    }
    if (ids.some((id) => model.classify(ctx.project, id) === "other")) count(ctx.backend, "feedback:refused-other")
    if (r.updated.length > 0) count(ctx.backend, "feedback:updated")
  })

const DAY = 86_400_000

/**
 * Memories last seen / validated / verified (their recency timestamp) more than 380 days ago, i.e.
 * imported as 400 days old and not refreshed since: forget and every prune policy doom them.
 */
const old = (m: Memory, now: number) => now - DateTime.toEpochMillis(recencyTimestamp(m)) > 380 * DAY

/** Forget / prune results: only the project's (and the agent's) memories, the certainly doomed included. */
const checkDeletion = (
  ctx: Ctx,
  agent: string | undefined,
  r: { readonly deleted: number; readonly dryRun: boolean; readonly items: ReadonlyArray<{ readonly id: string }> },
  kinds: ReadonlyArray<Memory["kind"]>,
  dryRun: boolean
) => {
  const p = ctx.world.model.project(ctx.project)
  const now = Date.now()
  const candidates = [...p.memories.values()].filter((m) => kinds.includes(m.kind) && (agent === undefined || ownerOf(m) === agent))
  const ids = r.items.map((i) => i.id)
  for (const id of ids) {
    assert.isTrue(candidates.some((m) => m.id === id), `${ctx.label}: ${id} is not a ${kinds} memory of ${agent ?? "any agent"} in ${ctx.project}`)
  }
  for (const m of candidates.filter((m) => old(m, now))) assert.include(ids, m.id, `${ctx.label}: ${m.kind} ${m.id} is 400 days old`)
  assert.strictEqual(r.deleted, ids.length, `${ctx.label}: deleted`)
  assert.strictEqual(r.dryRun, dryRun, `${ctx.label}: dryRun`)
  if (ids.length > 0) count(ctx.backend, `${ctx.op}:deleted`)
  if (dryRun || ids.length === 0) return undefined
  for (const id of ids) ctx.world.model.remove(ctx.project, id)
  return new Map<string, AuditDelta>([[ctx.project, { _tag: "deleted", ids }]])
}

export const forget = (ctx: Ctx, o: Of<"forget">) =>
  Effect.gen(function*() {
    const exit = yield* Effect.exit(ctx.engine.alma.forget({
      olderThanDays: o.olderThanDays,
      belowConfidence: 0.3,
      dryRun: o.dryRun,
      ...(o.agent !== undefined ? { agent: o.agent } : {})
    }))
    if (o.agent !== undefined && known(ctx, o.agent) === undefined) return expectUnknownAgent(ctx, exit)
    return checkDeletion(ctx, o.agent, success(exit, ctx.label), ["outcome", "heuristic"], o.dryRun)
  })

export const prune = (ctx: Ctx, o: Of<"prune">) =>
  Effect.gen(function*() {
    const exit = yield* Effect.exit(ctx.engine.alma.prune({ dryRun: o.dryRun, ...(o.agent !== undefined ? { agent: o.agent } : {}) }))
    if (o.agent !== undefined && known(ctx, o.agent) === undefined) return expectUnknownAgent(ctx, exit)
    return checkDeletion(ctx, o.agent, success(exit, ctx.label), ["outcome", "heuristic", "domain_knowledge", "anti_pattern"], o.dryRun)
  })

const targetKind = {
  heuristics: "heuristic",
  outcomes: "outcome",
  domain_knowledge: "domain_knowledge",
  anti_patterns: "anti_pattern"
} as const

export const consolidate = (ctx: Ctx, o: Of<"consolidate">) =>
  Effect.gen(function*() {
    const exit = yield* Effect.exit(
      // Below the default 0.85 too: on the 32-d hash embedder the default merges about once in 30,000
      // operations, too rarely for "consolidate:merged" to be exercised on every run of the property.
      ctx.engine.consolidator.consolidate({
        agent: o.agent,
        memoryType: o.memoryType,
        dryRun: o.dryRun,
        ...(o.similarityThreshold !== undefined ? { similarityThreshold: o.similarityThreshold } : {})
      })
    )
    if (known(ctx, o.agent) === undefined) return expectUnknownAgent(ctx, exit)
    const r = success(exit, ctx.label)
    const kind = targetKind[o.memoryType]
    const p = ctx.world.model.project(ctx.project)
    assert.deepStrictEqual(r.errors, [], `${ctx.label}: errors`)
    const from = r.mergeDetails.flatMap((d) => d.mergedFrom)
    for (const id of from) {
      const m = p.memories.get(id)
      assert.isTrue(m !== undefined && m.kind === kind && ownerOf(m) === o.agent, `${ctx.label}: merged ${id}, not a ${kind} of ${o.agent} in ${ctx.project}`)
    }
    for (const d of r.mergeDetails) {
      assert.strictEqual(d.merged.projectId, ctx.project, `${ctx.label}: merged memory's project`)
      assert.strictEqual(ownerOf(d.merged), o.agent, `${ctx.label}: merged memory's owner`)
    }
    if (from.length > 0) count(ctx.backend, "consolidate:merged")
    if (o.dryRun || from.length === 0) return undefined
    for (const id of from) ctx.world.model.remove(ctx.project, id)
    for (const d of r.mergeDetails) ctx.world.model.put(ctx.project, d.merged)
    return new Map<string, AuditDelta>([[ctx.project, { _tag: "deleted", ids: from }]])
  })
