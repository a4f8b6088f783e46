/**
 * Runs one generated case of the id-isolation property: builds the world (one engine per project
 * over the shared storage), runs every operation through the public services, checks its result
 * against the model, then checks the whole storage against the model.
 */
import { Cause, Effect, Exit } from "effect"
import type { Case, Op } from "./arbitraries.js"
import { count } from "./expect.js"
import * as Advice from "./ops/advice.js"
import type { Ctx } from "./ops/ctx.js"
import { importMemories } from "./ops/imports.js"
import * as Memories from "./ops/memories.js"
import * as Workflows from "./ops/workflows.js"
import type { AuditDelta, World, WorldOptions } from "./world.js"
import { buildWorld, verify } from "./world.js"

type Result = void | undefined | ReadonlyMap<string, AuditDelta>
type Handlers = { readonly [K in Op["op"]]: (ctx: Ctx, o: Extract<Op, { readonly op: K }>) => Effect.Effect<Result, unknown> }

const handlers: Handlers = {
  knowledge: Memories.knowledge,
  antiPattern: Memories.antiPattern,
  preference: Memories.preference,
  learn: Memories.learn,
  get: Memories.get,
  update: Memories.update,
  delete: Memories.remove,
  export: Memories.exportMemories,
  import: importMemories,
  stats: Memories.stats,
  auditLog: Memories.auditLog,
  register: Memories.register,
  feedback: Advice.feedback,
  checkAction: Advice.checkAction,
  retrieve: Advice.retrieve,
  forget: Advice.forget,
  prune: Advice.prune,
  consolidate: Advice.consolidate,
  checkpoint: Workflows.checkpoint,
  resume: Workflows.resume,
  cleanup: Workflows.cleanup,
  link: Workflows.link,
  artifacts: Workflows.artifacts,
  learnWorkflow: Workflows.learnWorkflow,
  retrieveScoped: Workflows.retrieveScoped
}

let runs = 0
let current: ReadonlyArray<string> = []

/** Project names unique in the process: storages shared by several runs keep earlier runs' projects. */
export const projectNames = (n: number): ReadonlyArray<string> => {
  const run = ++runs
  current = Array.from({ length: n }, (_, i) => `r${run}-p${i + 1}`)
  return current
}

/** The projects of the run in progress (for the broken-rule wrappers). */
export const currentProjects = (): ReadonlyArray<string> => current

/** One operation, then the whole storage; counts it as a checked operation of `backend`. */
const step = (world: World, backend: string, o: Op, index: number) =>
  Effect.gen(function*() {
    const projects = world.model.projects
    const project = projects[o.project % projects.length]!.id
    const label = `op #${index} ${o.op} in ${project}: ${JSON.stringify(o)}`
    const ctx: Ctx = { world, backend, project, engine: world.engines.get(project)!, op: o.op, label, step: index }
    const run = handlers[o.op] as (ctx: Ctx, o: Op) => Effect.Effect<Result, unknown>
    const deltas = yield* run(ctx, o)
    yield* verify(world, label, deltas ?? new Map())
    count(backend, "ops")
    count(backend, o.op)
  })

/**
 * The case as an Effect over the Storage, Embedder and MemoryCache in context (scoped: the engines
 * are released with it).
 */
export const runCase = (c: Case, backend: string, options: WorldOptions = {}) =>
  Effect.gen(function*() {
    const names = projectNames(c.projects.length)
    const world = yield* buildWorld(c.projects.map((scopes, i) => ({ id: names[i]!, scopes })), options)
    for (let i = 0; i < c.ops.length; i++) yield* step(world, backend, c.ops[i]!, i)
  }).pipe(Effect.scoped)

/** Runs an Effect to a promise; a failure or defect rejects with the readable cause (assertion messages included). */
export const run = async (effect: Effect.Effect<void, unknown>): Promise<void> => {
  const exit = await Effect.runPromiseExit(effect)
  if (Exit.isFailure(exit)) throw new Error(Cause.pretty(exit.cause))
}
