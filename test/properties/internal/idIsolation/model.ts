/**
 * The model of the id-isolation property: what every project of one run must hold (memories, audit
 * rows, checkpoints, artifacts, agent scopes), written from the documented semantics and independent
 * of the services under test. Also the run's vocabulary and how symbolic id references resolve.
 */
import { DateTime } from "effect"
import type { MemoryKind } from "../../../../src/domain/Ids.js"
import { idPrefix, kindOfId, MemoryId } from "../../../../src/domain/Ids.js"
import type { Memory } from "../../../../src/domain/Memory.js"
import { ownerOf } from "../../../../src/domain/Memory.js"
import type { Artifact, Checkpoint } from "../../../../src/domain/Workflow.js"

// vocabulary

/** Agents a project may configure; a project configures some of them (the others are unknown there). */
export const AGENT_POOL = ["ana", "bo", "cy", "dee"] as const
/** Never configured anywhere, but named in shareWith / inheritFrom and as owners of imported memories. */
export const GHOSTS = ["ghost"] as const
export const DOMAINS = ["auth", "billing", "testing", "general"] as const
export const USERS = ["u1", "u2"] as const
export const WORDS = ["login", "token", "invoice", "refund", "form", "cache"] as const
/** Run ids shared by every project: the same run id in two projects is two unrelated runs. */
export const RUNS = ["run-a", "run-b"] as const
export const ALL_KINDS: ReadonlyArray<MemoryKind> = ["heuristic", "outcome", "user_preference", "domain_knowledge", "anti_pattern"]

/** An agent's scope, as generated (AgentScope fields). */
export interface ScopeSpec {
  readonly agent: string
  readonly domain: string | undefined
  readonly canLearn: ReadonlyArray<string>
  readonly cannotLearn: ReadonlyArray<string>
  readonly shareWith: ReadonlyArray<string>
  readonly inheritFrom: ReadonlyArray<string>
}

/** Where an id comes from, resolved against the model when the operation runs. */
export type IdSource = "own" | "other" | "deleted" | "unknown" | "malformed"
export interface IdRef {
  readonly from: IdSource
  readonly n: number
}

// oracle (the documented semantics of domain/AgentScope.ts)

export const mayLearn = (s: ScopeSpec, domain: string): boolean =>
  !s.cannotLearn.includes(domain) && (s.domain === domain || s.canLearn.length === 0 || s.canLearn.includes(domain))

/** Whether `reader` may read memories owned by `owner` under a project's scopes (preferences: see callers). */
export const mayRead = (scopes: ReadonlyMap<string, ScopeSpec>, reader: string, owner: string): boolean => {
  if (!scopes.has(reader)) return false
  if (owner === reader) return true
  const o = scopes.get(owner)
  return o !== undefined && scopes.get(reader)!.inheritFrom.includes(owner) &&
    (o.shareWith.includes(reader) || o.shareWith.includes("*"))
}

// fingerprints

/** Canonical JSON of a value: keys sorted, DateTimes as epoch ms, undefined fields left out. */
export const canon = (value: unknown): string => JSON.stringify(normalise(value))

const normalise = (value: unknown): unknown => {
  if (DateTime.isDateTime(value)) return DateTime.toEpochMillis(value)
  if (Array.isArray(value)) return value.map(normalise)
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {}
    for (const key of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[key]
      if (v !== undefined) out[key] = normalise(v)
    }
    return out
  }
  return value
}

// the model

export interface ProjectModel {
  readonly id: string
  readonly scopes: Map<string, ScopeSpec>
  /** Live memories, by id, in insertion order. */
  readonly memories: Map<string, Memory>
  /** Audit rows (fingerprints) last verified, as a multiset. */
  audit: Map<string, number>
  auditRows: number
  readonly checkpoints: Map<string, Checkpoint>
  readonly artifacts: Map<string, Artifact>
}

export class Model {
  readonly projects: ReadonlyArray<ProjectModel>
  /** Last content of every memory deleted in this run (any project), by id. */
  readonly deleted = new Map<string, Memory>()
  /** Memory ids ever used as artifact parents (in any project): every verification lists them all. */
  readonly artifactParents = new Set<string>()

  constructor(projects: ReadonlyArray<{ readonly id: string; readonly scopes: ReadonlyArray<ScopeSpec> }>) {
    this.projects = projects.map((p) => ({
      id: p.id,
      scopes: new Map(p.scopes.map((s) => [s.agent, s] as const)),
      memories: new Map(),
      audit: new Map(),
      auditRows: 0,
      checkpoints: new Map(),
      artifacts: new Map()
    }))
  }

  project(id: string): ProjectModel {
    return this.projects.find((p) => p.id === id)!
  }

  others(id: string): ReadonlyArray<ProjectModel> {
    return this.projects.filter((p) => p.id !== id)
  }

  /** The project holding a live memory with that id, if any. */
  holder(id: string): ProjectModel | undefined {
    return this.projects.find((p) => p.memories.has(id))
  }

  put(project: string, m: Memory): void {
    this.project(project).memories.set(m.id, m)
    this.deleted.delete(m.id)
  }

  remove(project: string, id: string): void {
    const p = this.project(project)
    const m = p.memories.get(id)
    if (m === undefined) throw new Error(`model: ${id} is not in ${project}`)
    p.memories.delete(id)
    this.deleted.set(id, m)
    for (const [artifactId, a] of p.artifacts) if (a.memoryId === id) p.artifacts.delete(artifactId)
  }

  /** Resolves an id reference for an operation in `project` (falls back to an unknown id when none fits). */
  resolve(project: string, ref: IdRef): { readonly id: string; readonly from: IdSource } {
    const pick = (ids: ReadonlyArray<string>) => (ids.length === 0 ? undefined : ids[ref.n % ids.length])
    let id: string | undefined
    switch (ref.from) {
      case "own":
        id = pick([...this.project(project).memories.keys()])
        break
      case "other":
        id = pick(this.others(project).flatMap((p) => [...p.memories.keys()]))
        break
      case "deleted":
        id = pick([...this.deleted.keys()])
        break
      case "malformed":
        return { id: MALFORMED[ref.n % MALFORMED.length]!, from: "malformed" }
      case "unknown":
        break
    }
    return id === undefined ? { id: unknownId(ref.n), from: "unknown" } : { id, from: ref.from }
  }

  /** What a reference resolved to, classified again from the model's state (own / other / gone). */
  classify(project: string, id: string): "own" | "other" | "absent" {
    const holder = this.holder(id)
    return holder === undefined ? "absent" : holder.id === project ? "own" : "other"
  }

  /** Memories of `project` an agent may read through recordFeedback (readable owners, and every preference). */
  feedbackVisible(project: string, agent: string, m: Memory): boolean {
    return m.kind === "user_preference" || mayRead(this.project(project).scopes, agent, ownerOf(m))
  }
}

const MALFORMED = ["not-an-id", "heur_XYZ", "../dk_0123456789abcdef", "dk_0123", "' or 1=1 --"] as const

/** A well-formed id no memory has: `<prefix>_fffe…<n>` (generated ids are random 64-bit hex). */
export const unknownId = (n: number): string => {
  const kinds = ALL_KINDS
  return `${idPrefix[kinds[n % kinds.length]!]}_fffe${n.toString(16).padStart(12, "0")}`
}

/** The kind an id names, when it is well formed. */
export const kindOfRef = (id: string): MemoryKind | undefined =>
  /^(heur|out|pref|dk|anti)_[0-9a-f]{8,32}$/.test(id) ? kindOfId(MemoryId.make(id)) : undefined
