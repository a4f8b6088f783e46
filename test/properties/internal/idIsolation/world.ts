/**
 * One run's world: several projects' engines (`Alma.layerProject`) over ONE Storage, Embedder and
 * retrieval cache, as a server builds them, and the check that the storage holds exactly what the
 * model expects in every project (memories field by field, audit rows, checkpoints, artifacts).
 */
import { assert } from "@effect/vitest"
import { Context, DateTime, Effect, Layer } from "effect"
import * as Alma from "../../../../src/Alma.js"
import { AgentScope } from "../../../../src/domain/AgentScope.js"
import type { Memory } from "../../../../src/domain/Memory.js"
import * as Advisor from "../../../../src/services/Advisor.js"
import * as AlmaService from "../../../../src/services/Alma.js"
import * as Consolidator from "../../../../src/services/Consolidator.js"
import * as Storage from "../../../../src/services/Storage.js"
import * as Workflows from "../../../../src/services/Workflows.js"
import type { ProjectModel, ScopeSpec } from "./model.js"
import { canon, Model, RUNS } from "./model.js"

export interface Engine {
  readonly projectId: string
  readonly alma: AlmaService.Service
  readonly workflows: Workflows.Service
  readonly advisor: Advisor.Service
  readonly consolidator: Consolidator.Service
}

export interface World {
  readonly storage: Storage.Service
  readonly engines: ReadonlyMap<string, Engine>
  readonly model: Model
}

export interface WorldOptions {
  /** The fail-open rule (for the broken-rule test): unknown agents get an open scope. */
  readonly allowUnknownAgents?: boolean | undefined
}

/** Builds one engine per project over the Storage, Embedder and MemoryCache in context. */
export const buildWorld = (
  projects: ReadonlyArray<{ readonly id: string; readonly scopes: ReadonlyArray<ScopeSpec> }>,
  options: WorldOptions = {}
) =>
  Effect.gen(function*() {
    const storage = yield* Storage.Storage
    const engines = new Map<string, Engine>()
    for (const p of projects) {
      const agents = p.scopes.map((s) => AgentScope.make({ ...s }))
      const ctx = yield* Layer.build(
        Alma.layerProject({ projectId: p.id, agents, allowUnknownAgents: options.allowUnknownAgents ?? false })
      )
      engines.set(p.id, {
        projectId: p.id,
        alma: Context.get(ctx, AlmaService.Alma),
        workflows: Context.get(ctx, Workflows.Workflows),
        advisor: Context.get(ctx, Advisor.Advisor),
        consolidator: Context.get(ctx, Consolidator.Consolidator)
      })
    }
    return { storage, engines, model: new Model(projects) } satisfies World
  })

/**
 * What an operation adds to a project's audit: exactly one row per deleted or imported id (imports:
 * action `import`). Projects without an entry gain nothing.
 */
export type AuditDelta =
  | { readonly _tag: "deleted"; readonly ids: ReadonlyArray<string> }
  | { readonly _tag: "imported"; readonly ids: ReadonlyArray<string> }

/** An audit row as `<memoryId>:<action>|<projectId>|…` (rows without an action are deletions). */
const auditKey = (a: Storage.ForgetAudit) =>
  `${a.memoryId}:${(a as { readonly action?: string }).action ?? "delete"}|${a.projectId}|${a.kind}|${a.owner}|` +
  `${a.reason}|${DateTime.toEpochMillis(a.deletedAt)}`

const multiset = (keys: ReadonlyArray<string>) => {
  const out = new Map<string, number>()
  for (const k of keys) out.set(k, (out.get(k) ?? 0) + 1)
  return out
}

const minus = (a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>) =>
  [...a].flatMap(([k, n]) => Array.from({ length: Math.max(0, n - (b.get(k) ?? 0)) }, () => k))

/** Plain comparison first: chai's assertions are too slow for the hot path; they only report. */
const same = (actual: ReadonlyArray<string>, expected: ReadonlyArray<string>, message: string) => {
  if (actual.length !== expected.length || actual.some((x, i) => x !== expected[i])) {
    assert.deepStrictEqual(actual, expected, message)
  }
}

const where = (world: World, id: string) => {
  const holder = world.model.holder(id)
  return holder === undefined ? (world.model.deleted.has(id) ? "deleted in this run" : "never written") : `in ${holder.id}`
}

const memoryDiff = (world: World, p: ProjectModel, stored: ReadonlyArray<Memory>): string | undefined => {
  const actual = new Map(stored.map((m) => [m.id as string, m] as const))
  const problems: Array<string> = []
  for (const [id, m] of actual) {
    const expected = p.memories.get(id)
    if (expected === undefined) problems.push(`${id} is stored in ${p.id} but the model has it ${where(world, id)}`)
    else if (m !== expected && canon(m) !== canon(expected)) {
      problems.push(`${id} in ${p.id} differs from the model:\n  stored ${canon(m)}\n  model  ${canon(expected)}`)
    }
  }
  for (const id of p.memories.keys()) if (!actual.has(id)) problems.push(`${id} is missing from ${p.id}`)
  return problems.length === 0 ? undefined : problems.join("\n")
}

/**
 * Asserts that the storage holds exactly the model, in every project, after `label`; takes the audit
 * rows `deltas` allow into the model.
 */
export const verify = (world: World, label: string, deltas: ReadonlyMap<string, AuditDelta> = new Map()) =>
  Effect.gen(function*() {
    const { model, storage } = world
    const parents = [...model.artifactParents]
    // Every read at once (PostgreSQL answers them on several connections), then the checks in order.
    const reads = yield* Effect.forEach(model.projects, (p) =>
      Effect.all({
        memories: storage.list({ projectId: p.id }),
        rows: storage.auditLog(p.id, 10_000),
        checkpoints: Effect.forEach(RUNS, (run) => storage.listRecords(p.id, "checkpoint", run)),
        artifacts: Effect.forEach(parents, (parent) => storage.listRecords(p.id, "artifact", parent))
      }, { concurrency: "unbounded" }), { concurrency: "unbounded" })
    for (const [i, p] of model.projects.entries()) {
      const read = reads[i]!
      const problems = memoryDiff(world, p, read.memories)
      if (problems !== undefined) assert.fail(`after ${label}:\n${problems}`)

      const rows = read.rows
      const stranger = rows.find((r) => r.projectId !== p.id)
      if (stranger !== undefined) assert.fail(`after ${label}: an audit row of ${p.id} names ${stranger.projectId}`)
      const now = multiset(rows.map(auditKey))
      same(minus(p.audit, now), [], `after ${label}: audit rows of ${p.id} disappeared`)
      const added = minus(now, p.audit).map((k) => k.slice(0, k.indexOf("|"))).sort()
      const delta = deltas.get(p.id)
      const action = delta?._tag === "deleted" ? "delete" : "import"
      same(added, (delta?.ids ?? []).map((id) => `${id}:${action}`).sort(), `after ${label}: audit rows added to ${p.id}`)
      p.audit = now
      p.auditRows = rows.length

      for (const [j, run] of RUNS.entries()) {
        const records = read.checkpoints[j]!
        const expected = [...p.checkpoints.values()].filter((c) => c.runId === run).map((c) => c.id).sort()
        same(records.map((r) => r.id).sort(), expected, `after ${label}: checkpoints of ${run} in ${p.id}`)
        const stray = records.find((r) => r.projectId !== p.id)
        if (stray !== undefined) assert.fail(`after ${label}: checkpoint ${stray.id} of ${stray.projectId} listed in ${p.id}`)
      }
      for (const [j, parent] of parents.entries()) {
        const records = read.artifacts[j]!
        const expected = [...p.artifacts.values()].filter((a) => a.memoryId === parent).map((a) => a.id).sort()
        same(records.map((r) => r.id).sort(), expected, `after ${label}: artifacts of ${parent} in ${p.id}`)
      }
    }
  })
