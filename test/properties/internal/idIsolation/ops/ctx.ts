/**
 * What an operation of the id-isolation property runs with, and the expectations every family
 * shares: an unknown agent fails closed, an id that is not the project's fails like an unknown one.
 */
import { assert } from "@effect/vitest"
import type { Exit } from "effect"
import type { IdSource, ScopeSpec } from "../model.js"
import { count, failure } from "../expect.js"
import type { Engine, World } from "../world.js"

export interface Ctx {
  readonly world: World
  readonly backend: string
  readonly project: string
  readonly engine: Engine
  readonly op: string
  readonly label: string
  /** The operation's index in the run (makes texts unique). */
  readonly step: number
}

/** The agent's scope in the operation's project, if it is configured there. */
export const known = (ctx: Ctx, agent: string): ScopeSpec | undefined => ctx.world.model.project(ctx.project).scopes.get(agent)

/** An agent without a scope in this project: a ValidationError on `agent`, nothing returned. */
export const expectUnknownAgent = (ctx: Ctx, exit: Exit.Exit<unknown, unknown>): void => {
  failure(ctx.world, ctx.project, exit, "ValidationError", `${ctx.label} (agent unknown in ${ctx.project})`, "agent")
  count(ctx.backend, `${ctx.op}:unknown-agent`)
}

/**
 * An id that is not a live memory of this project: malformed ids are a ValidationError on `field`;
 * ids of another project, deleted and unknown ids are all the same NotFoundError naming the id given.
 */
export const refFailure = (
  ctx: Ctx,
  exit: Exit.Exit<unknown, unknown>,
  id: string,
  from: IdSource,
  field: string
): void => {
  const label = `${ctx.label} (id ${id}: ${from})`
  if (from === "malformed") {
    failure(ctx.world, ctx.project, exit, "ValidationError", label, field)
  } else {
    const e = failure(ctx.world, ctx.project, exit, "NotFoundError", label) as unknown as {
      readonly entity: string
      readonly id: string
    }
    assert.strictEqual(e.entity, "memory", `${label}: entity`)
    assert.strictEqual(e.id, id, `${label}: the id named`)
  }
  count(ctx.backend, `${ctx.op}:refused-${from}`)
}
