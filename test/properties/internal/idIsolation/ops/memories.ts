/**
 * Memory operations of the id-isolation property: scope-checked writes, get / update / delete by id,
 * export, stats, the audit log and run-time agent registration, each checked against the model.
 */
import { assert } from "@effect/vitest"
import { Effect } from "effect"
import { AgentScope } from "../../../../../src/domain/AgentScope.js"
import type { UpdateInput } from "../../../../../src/domain/Inputs.js"
import type { Memory } from "../../../../../src/domain/Memory.js"
import { ownerOf } from "../../../../../src/domain/Memory.js"
import { inferTaskType } from "../../../../../src/internal/formation.js"
import type { Op } from "../arbitraries.js"
import { count, failure, success } from "../expect.js"
import type { MemoryKind } from "../../../../../src/domain/Ids.js"
import type { ScopeSpec } from "../model.js"
import { ALL_KINDS, canon, kindOfRef, mayLearn } from "../model.js"
import type { AuditDelta } from "../world.js"
import type { Ctx } from "./ctx.js"
import { expectUnknownAgent, known, refFailure } from "./ctx.js"

type Of<K extends Op["op"]> = Extract<Op, { readonly op: K }>

/** Checks a written memory is in the project and the agent's, and records it. */
export const recordWritten = (ctx: Ctx, m: Memory, owner: string) => {
  if (m.projectId !== ctx.project) assert.fail(`${ctx.label}: ${m.id} written to ${m.projectId}`)
  if (ownerOf(m) !== owner) assert.fail(`${ctx.label}: ${m.id} owned by ${ownerOf(m)}, not ${owner}`)
  ctx.world.model.put(ctx.project, m)
}

/** A scope-checked write: ValidationError (agent) when unknown, ScopeViolationError outside the scope. */
export const scopedWrite = <A>(
  ctx: Ctx,
  agent: string,
  domain: string | ((s: ScopeSpec) => string) | undefined,
  effect: Effect.Effect<A, unknown>
) =>
  Effect.gen(function*() {
    const exit = yield* Effect.exit(effect)
    const scope = known(ctx, agent)
    if (scope === undefined) return void expectUnknownAgent(ctx, exit)
    const d = typeof domain === "function" ? domain(scope) : domain
    if (d !== undefined && !mayLearn(scope, d)) {
      failure(ctx.world, ctx.project, exit, "ScopeViolationError", ctx.label)
      count(ctx.backend, `${ctx.op}:scope-violation`)
      return undefined
    }
    return success(exit, ctx.label)
  })

export const knowledge = (ctx: Ctx, o: Of<"knowledge">) =>
  Effect.map(
    scopedWrite(ctx, o.agent, o.domain, ctx.engine.alma.addKnowledge({ agent: o.agent, domain: o.domain, fact: o.text })),
    (m) => m && recordWritten(ctx, m, o.agent)
  )

export const antiPattern = (ctx: Ctx, o: Of<"antiPattern">) =>
  Effect.map(
    scopedWrite(
      ctx,
      o.agent,
      o.taskType,
      ctx.engine.alma.addAntiPattern({
        agent: o.agent,
        pattern: o.text,
        whyBad: "it breaks",
        betterAlternative: "do it properly",
        ...(o.taskType !== undefined ? { taskType: o.taskType } : {})
      })
    ),
    (m) => m && recordWritten(ctx, m, o.agent)
  )

export const preference = (ctx: Ctx, o: Of<"preference">) =>
  Effect.map(
    ctx.engine.alma.addPreference({ userId: o.userId, category: "style", preference: o.text }),
    (m) => recordWritten(ctx, m, `@user/${o.userId}`)
  )

/** Records what learn (or learnWorkflow) returned: the outcome and the heuristic / anti-pattern formed or updated. */
export const recordLearned = (
  ctx: Ctx,
  agent: string,
  r: {
    readonly outcome: Memory
    readonly heuristic?: { readonly memory: Memory } | undefined
    readonly antiPattern?: { readonly memory: Memory } | undefined
    readonly warnings: ReadonlyArray<Memory>
  }
) => {
  for (const m of [r.outcome, r.heuristic?.memory, r.antiPattern?.memory]) if (m !== undefined) recordWritten(ctx, m, agent)
  const p = ctx.world.model.project(ctx.project)
  for (const w of r.warnings) {
    assert.isTrue(p.memories.has(w.id), `${ctx.label}: warning ${w.id} is not a memory of ${ctx.project}`)
  }
}

export const learn = (ctx: Ctx, o: Of<"learn">) =>
  Effect.map(
    scopedWrite(
      ctx,
      o.agent,
      (s) => o.taskType ?? s.domain ?? inferTaskType(o.task),
      ctx.engine.alma.learn({
        agent: o.agent,
        task: o.task,
        outcome: o.success ? "success" : "failure",
        strategyUsed: "retry with backoff",
        ...(o.taskType !== undefined ? { taskType: o.taskType } : {})
      })
    ),
    (r) => r && recordLearned(ctx, o.agent, r)
  )

export const get = (ctx: Ctx, o: Of<"get">) =>
  Effect.gen(function*() {
    const { id, from } = ctx.world.model.resolve(ctx.project, o.ref)
    const exit = yield* Effect.exit(ctx.engine.alma.get(id))
    const expected = ctx.world.model.project(ctx.project).memories.get(id)
    if (expected === undefined) return refFailure(ctx, exit, id, from, "id")
    const m = success(exit, ctx.label)
    if (m !== expected) assert.strictEqual(canon(m), canon(expected), `${ctx.label}: the memory returned`)
  })

/** The text field `update` may change on each kind. */
const textField: Record<MemoryKind, keyof UpdateInput> = {
  heuristic: "condition",
  outcome: "feedback",
  user_preference: "preference",
  domain_knowledge: "fact",
  anti_pattern: "pattern"
}

export const update = (ctx: Ctx, o: Of<"update">) =>
  Effect.gen(function*() {
    const { id, from } = ctx.world.model.resolve(ctx.project, o.ref)
    const field = textField[kindOfRef(id) ?? "heuristic"]
    const patch: UpdateInput = { [field]: `${o.text} v${ctx.step}`, ...(o.metadata ? { metadata: { step: ctx.step } } : {}) }
    const exit = yield* Effect.exit(ctx.engine.alma.update(id, patch))
    const before = ctx.world.model.project(ctx.project).memories.get(id)
    if (before === undefined) return refFailure(ctx, exit, id, from, "id")
    const m = success(exit, ctx.label)
    assert.strictEqual(m.id, id, `${ctx.label}: id`)
    assert.strictEqual(m.kind, before.kind, `${ctx.label}: kind`)
    assert.strictEqual((m as unknown as Record<string, unknown>)[field], patch[field], `${ctx.label}: ${field}`)
    recordWritten(ctx, m, ownerOf(before))
  })

export const remove = (ctx: Ctx, o: Of<"delete">) =>
  Effect.gen(function*() {
    const { id, from } = ctx.world.model.resolve(ctx.project, o.ref)
    const exit = yield* Effect.exit(ctx.engine.alma.delete(id))
    if (!ctx.world.model.project(ctx.project).memories.has(id)) return refFailure(ctx, exit, id, from, "id")
    success(exit, ctx.label)
    ctx.world.model.remove(ctx.project, id)
    return new Map<string, AuditDelta>([[ctx.project, { _tag: "deleted", ids: [id] }]])
  })

export const exportMemories = (ctx: Ctx, o: Of<"export">) =>
  Effect.gen(function*() {
    const exit = yield* Effect.exit(ctx.engine.alma.exportMemories({ kinds: o.kinds, agent: o.agent }))
    // An agent unknown here fails closed, as for stats, forget and prune.
    if (o.agent !== undefined && known(ctx, o.agent) === undefined) return expectUnknownAgent(ctx, exit)
    const got = success(exit, ctx.label).map(canon).sort()
    const kinds = o.kinds ?? ALL_KINDS
    const expected = [...ctx.world.model.project(ctx.project).memories.values()]
      .filter((m) => kinds.includes(m.kind) && (o.agent === undefined || ownerOf(m) === o.agent))
      .map(canon)
      .sort()
    assert.deepStrictEqual(got, expected, `${ctx.label}: the memories exported`)
    count(ctx.backend, `export:${expected.length > 0 ? "some" : "none"}`)
  })

export const stats = (ctx: Ctx, o: Of<"stats">) =>
  Effect.gen(function*() {
    const exit = yield* Effect.exit(ctx.engine.alma.stats(o.agent === undefined ? {} : { agent: o.agent }))
    if (o.agent !== undefined && known(ctx, o.agent) === undefined) return expectUnknownAgent(ctx, exit)
    const s = success(exit, ctx.label)
    assert.strictEqual(s.projectId, ctx.project, `${ctx.label}: projectId`)
    const mine = [...ctx.world.model.project(ctx.project).memories.values()]
      .filter((m) => o.agent === undefined || ownerOf(m) === o.agent)
    for (const kind of ALL_KINDS) {
      assert.strictEqual(s.counts[kind], mine.filter((m) => m.kind === kind).length, `${ctx.label}: count of ${kind}`)
    }
    assert.strictEqual(s.total, mine.length, `${ctx.label}: total`)
  })

export const auditLog = (ctx: Ctx, o: Of<"auditLog">) =>
  Effect.gen(function*() {
    const rows = success(yield* Effect.exit(ctx.engine.alma.auditLog(o.limit)), ctx.label)
    const p = ctx.world.model.project(ctx.project)
    assert.strictEqual(rows.length, Math.min(o.limit, p.auditRows), `${ctx.label}: rows returned`)
    for (const r of rows) assert.strictEqual(r.projectId, ctx.project, `${ctx.label}: a row of ${r.projectId}`)
  })

export const register = (ctx: Ctx, o: Of<"register">) =>
  Effect.gen(function*() {
    yield* ctx.engine.alma.registerAgent(AgentScope.make({ ...o.scope }))
    ctx.world.model.project(ctx.project).scopes.set(o.scope.agent, o.scope)
    const agents = (yield* ctx.engine.alma.agents).map((a) => a.agent).sort()
    assert.deepStrictEqual(agents, [...ctx.world.model.project(ctx.project).scopes.keys()].sort(), `${ctx.label}: agents`)
  })
