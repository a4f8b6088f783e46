/**
 * Generated runs of the id-isolation property: 2–3 projects, each configuring some agents of the
 * pool with random scopes (so an agent of one project is unknown in another), and a sequence of
 * operations by id and by scope. Ids are symbolic (`IdRef`): resolved when the operation runs, to an
 * id of the same project, of another project, a deleted, an unknown or a malformed id.
 */
import * as fc from "fast-check"
import type { MemoryKind } from "../../../../src/domain/Ids.js"
import type { IdRef, ScopeSpec } from "./model.js"
import { AGENT_POOL, ALL_KINDS, DOMAINS, GHOSTS, RUNS, USERS, WORDS } from "./model.js"

export type ImportSource = "own" | "other" | "deleted" | "fresh"

export interface ImportItem {
  readonly from: ImportSource
  readonly n: number
  /** Change the text before importing (shows which copy was replaced). */
  readonly edit: boolean
  /** Fresh memories only: kind, owner (an agent, maybe unconfigured; or a user), created a year ago. */
  readonly kind: MemoryKind
  readonly owner: string
  readonly old: boolean
  /** Fresh memories only: carries another project's id as its projectId (import must rebase it). */
  readonly foreignProjectId: boolean
}

export type Op =
  | { readonly op: "knowledge"; readonly project: number; readonly agent: string; readonly domain: string; readonly text: string }
  | { readonly op: "antiPattern"; readonly project: number; readonly agent: string; readonly taskType: string | undefined; readonly text: string }
  | { readonly op: "preference"; readonly project: number; readonly userId: string; readonly text: string }
  | { readonly op: "learn"; readonly project: number; readonly agent: string; readonly taskType: string | undefined; readonly task: string; readonly success: boolean }
  | { readonly op: "get"; readonly project: number; readonly ref: IdRef }
  | { readonly op: "update"; readonly project: number; readonly ref: IdRef; readonly text: string; readonly metadata: boolean }
  | { readonly op: "delete"; readonly project: number; readonly ref: IdRef }
  | { readonly op: "export"; readonly project: number; readonly kinds: ReadonlyArray<MemoryKind> | undefined; readonly agent: string | undefined }
  | { readonly op: "import"; readonly project: number; readonly items: ReadonlyArray<ImportItem>; readonly newIds: boolean; readonly encoded: boolean }
  | { readonly op: "stats"; readonly project: number; readonly agent: string | undefined }
  | { readonly op: "auditLog"; readonly project: number; readonly limit: number }
  | { readonly op: "feedback"; readonly project: number; readonly agent: string; readonly helpful: ReadonlyArray<IdRef>; readonly harmful: ReadonlyArray<IdRef> }
  | { readonly op: "checkAction"; readonly project: number; readonly agent: string; readonly action: string }
  | { readonly op: "retrieve"; readonly project: number; readonly agent: string; readonly task: string; readonly userId: string | undefined }
  | { readonly op: "forget"; readonly project: number; readonly agent: string | undefined; readonly olderThanDays: number; readonly dryRun: boolean }
  | { readonly op: "prune"; readonly project: number; readonly agent: string | undefined; readonly dryRun: boolean }
  | { readonly op: "consolidate"; readonly project: number; readonly agent: string; readonly memoryType: "heuristics" | "outcomes" | "domain_knowledge" | "anti_patterns"; readonly dryRun: boolean; readonly similarityThreshold?: number | undefined }
  | { readonly op: "checkpoint"; readonly project: number; readonly run: string; readonly state: number; readonly parent: IdRef | undefined }
  | { readonly op: "resume"; readonly project: number; readonly run: string }
  | { readonly op: "cleanup"; readonly project: number; readonly run: string; readonly keepLatest: number }
  | { readonly op: "link"; readonly project: number; readonly ref: IdRef }
  | { readonly op: "artifacts"; readonly project: number; readonly ref: IdRef }
  | { readonly op: "learnWorkflow"; readonly project: number; readonly agent: string; readonly run: string; readonly success: boolean; readonly summary: string }
  | { readonly op: "retrieveScoped"; readonly project: number; readonly agent: string; readonly run: string; readonly task: string }
  | { readonly op: "register"; readonly project: number; readonly scope: ScopeSpec }

export type OpName = Op["op"]

export interface Case {
  readonly projects: ReadonlyArray<ReadonlyArray<ScopeSpec>>
  readonly ops: ReadonlyArray<Op>
}

const optional = <A>(arb: fc.Arbitrary<A>) => fc.option(arb, { nil: undefined })
const text = fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 2 }).map((ws) => ws.join(" "))
/** Any agent name: configured in some projects, unknown in others, or never configured. */
const agent = fc.constantFrom(...AGENT_POOL, ...GHOSTS)
const project = fc.nat({ max: 2 })

/** Mostly ids of the same or another project, so cross-project attempts are frequent. */
export const idRef: fc.Arbitrary<IdRef> = fc.record({
  from: fc.oneof(
    { weight: 4, arbitrary: fc.constant("own" as const) },
    { weight: 4, arbitrary: fc.constant("other" as const) },
    { weight: 1, arbitrary: fc.constant("deleted" as const) },
    { weight: 1, arbitrary: fc.constant("unknown" as const) },
    { weight: 1, arbitrary: fc.constant("malformed" as const) }
  ),
  n: fc.nat({ max: 1000 })
})

const wellFormedRef = idRef.filter((r) => r.from !== "malformed")

export const scopeArb = (name: string): fc.Arbitrary<ScopeSpec> =>
  fc.record({
    agent: fc.constant(name),
    domain: optional(fc.constantFrom(...DOMAINS)),
    canLearn: fc.subarray([...DOMAINS]),
    cannotLearn: fc.oneof(fc.constant([]), fc.subarray([...DOMAINS], { maxLength: 1 })),
    shareWith: fc.oneof(fc.constant(["*"]), fc.subarray([...AGENT_POOL, ...GHOSTS])),
    inheritFrom: fc.subarray([...AGENT_POOL, ...GHOSTS])
  })

const projectScopes = fc.uniqueArray(fc.constantFrom(...AGENT_POOL), { minLength: 1, maxLength: 4 })
  .chain((names) => fc.tuple(...names.map(scopeArb)))

const importItem: fc.Arbitrary<ImportItem> = fc.record({
  from: fc.constantFrom("own" as const, "other" as const, "deleted" as const, "fresh" as const, "fresh" as const),
  n: fc.nat({ max: 1000 }),
  edit: fc.boolean(),
  kind: fc.constantFrom(...ALL_KINDS),
  owner: fc.constantFrom(...AGENT_POOL, ...GHOSTS, ...USERS),
  old: fc.boolean(),
  foreignProjectId: fc.boolean()
})

const w = <A extends Op>(weight: number, arbitrary: fc.Arbitrary<A>) => ({ weight, arbitrary })
const op = <K extends OpName>(name: K) => fc.constant(name)

export const opArb: fc.Arbitrary<Op> = fc.oneof(
  w(4, fc.record({ op: op("knowledge"), project, agent, domain: fc.constantFrom(...DOMAINS), text })),
  w(2, fc.record({ op: op("antiPattern"), project, agent, taskType: optional(fc.constantFrom(...DOMAINS)), text })),
  w(2, fc.record({ op: op("preference"), project, userId: fc.constantFrom(...USERS), text })),
  w(3, fc.record({ op: op("learn"), project, agent, taskType: optional(fc.constantFrom(...DOMAINS)), task: text, success: fc.boolean() })),
  w(4, fc.record({ op: op("get"), project, ref: idRef })),
  w(3, fc.record({ op: op("update"), project, ref: idRef, text, metadata: fc.boolean() })),
  w(3, fc.record({ op: op("delete"), project, ref: idRef })),
  w(2, fc.record({ op: op("export"), project, kinds: optional(fc.subarray([...ALL_KINDS], { minLength: 1 })), agent: optional(agent) })),
  w(3, fc.record({ op: op("import"), project, items: fc.array(importItem, { minLength: 1, maxLength: 3 }), newIds: fc.boolean(), encoded: fc.boolean() })),
  w(1, fc.record({ op: op("stats"), project, agent: optional(agent) })),
  w(1, fc.record({ op: op("auditLog"), project, limit: fc.constantFrom(1, 3, 10_000) })),
  w(3, fc.record({ op: op("feedback"), project, agent, helpful: fc.array(wellFormedRef, { maxLength: 3 }), harmful: fc.array(wellFormedRef, { maxLength: 2 }) })),
  w(1, fc.record({ op: op("checkAction"), project, agent, action: text })),
  w(1, fc.record({ op: op("retrieve"), project, agent, task: text, userId: optional(fc.constantFrom(...USERS)) })),
  w(1, fc.record({ op: op("forget"), project, agent: optional(agent), olderThanDays: fc.constantFrom(1, 30), dryRun: fc.boolean() })),
  w(1, fc.record({ op: op("prune"), project, agent: optional(agent), dryRun: fc.boolean() })),
  w(1, fc.record({ op: op("consolidate"), project, agent, memoryType: fc.constantFrom("heuristics" as const, "outcomes" as const, "domain_knowledge" as const, "anti_patterns" as const), dryRun: fc.boolean(), similarityThreshold: optional(fc.constantFrom(0.3, 0.6)) })),
  w(2, fc.record({ op: op("checkpoint"), project, run: fc.constantFrom(...RUNS), state: fc.nat({ max: 3 }), parent: optional(fc.record({ from: fc.constantFrom("own" as const, "other" as const, "unknown" as const), n: fc.nat({ max: 100 }) })) })),
  w(1, fc.record({ op: op("resume"), project, run: fc.constantFrom(...RUNS) })),
  w(1, fc.record({ op: op("cleanup"), project, run: fc.constantFrom(...RUNS), keepLatest: fc.nat({ max: 2 }) })),
  w(2, fc.record({ op: op("link"), project, ref: idRef })),
  w(2, fc.record({ op: op("artifacts"), project, ref: idRef })),
  w(1, fc.record({ op: op("learnWorkflow"), project, agent, run: fc.constantFrom(...RUNS), success: fc.boolean(), summary: text })),
  w(1, fc.record({ op: op("retrieveScoped"), project, agent, run: fc.constantFrom(...RUNS), task: text })),
  w(1, fc.record({ op: op("register"), project, scope: fc.constantFrom(...AGENT_POOL, ...GHOSTS).chain(scopeArb) }))
)

/** A run: 2–3 projects and `ops` operations. */
export const caseArb = (ops: number): fc.Arbitrary<Case> =>
  fc.record({
    projects: fc.array(projectScopes, { minLength: 2, maxLength: 3 }),
    ops: fc.array(opArb, { minLength: ops, maxLength: ops })
  })
