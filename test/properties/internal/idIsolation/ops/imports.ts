/**
 * Import in the id-isolation property. The semantics expected (issue 15, item 1):
 * - an id that exists in ANOTHER project is a ValidationError on `memories.<index>.id` and the whole
 *   import changes nothing anywhere; with `{ onIdConflict: "new-id" }` that memory is stored under a
 *   fresh id (same kind and content) and the other project's memory is untouched;
 * - ids of the same project are replaced; every memory lands in the importing project (its
 *   `projectId` is replaced);
 * - every import writes an audit record, readable in the importing project only;
 * - a memory of an agent the importing project does not know is a ValidationError on
 *   `memories.<index>.agent` (fails closed), checked before ids.
 */
import { assert } from "@effect/vitest"
import { DateTime, Effect, Schema } from "effect"
import { randomBytes } from "node:crypto"
import type { MemoryKind } from "../../../../../src/domain/Ids.js"
import { idPrefix, MemoryId } from "../../../../../src/domain/Ids.js"
import { AntiPattern, DomainKnowledge, Heuristic, Memory, Outcome, UserPreference } from "../../../../../src/domain/Memory.js"
import type { ImportItem, Op } from "../arbitraries.js"
import { count, failure, success } from "../expect.js"
import { AGENT_POOL, canon, USERS } from "../model.js"
import type { AuditDelta } from "../world.js"
import { type Ctx, known } from "./ctx.js"

type ImportOp = Extract<Op, { readonly op: "import" }>

const encode = Schema.encodeSync(Memory)

/** Unique in the process (SQLite and PostgreSQL storages outlive a run: ids are global there). */
const salt = randomBytes(3).toString("hex")
let fresh = 0
const freshId = (kind: MemoryKind) => MemoryId.make(`${idPrefix[kind]}_fffd${salt}${(++fresh).toString(16).padStart(10, "0")}`)

const DAY = 86_400_000

/** A memory no project has, of the item's kind and owner, now or 400 days old. */
const build = (item: ImportItem, projectId: string) => {
  const at = DateTime.unsafeMake(Date.now() - (item.old ? 400 * DAY : 0))
  const users: ReadonlyArray<string> = USERS
  const agent = users.includes(item.owner) ? AGENT_POOL[0] : item.owner
  const base = { id: freshId(item.kind), projectId, createdAt: at, updatedAt: at, metadata: { imported: item.n }, provenance: [] }
  const text = `imported ${item.n}`
  switch (item.kind) {
    case "heuristic":
      return Heuristic.make({ ...base, agent, taskType: "general", condition: text, strategy: "retry", confidence: 0.8, occurrenceCount: 3, successCount: 3, lastValidated: at })
    case "outcome":
      return Outcome.make({ ...base, agent, task: text, taskType: "general", success: true, strategyUsed: "retry" })
    case "user_preference":
      return UserPreference.make({ ...base, userId: users.includes(item.owner) ? item.owner : "u1", category: "style", preference: text, source: "import", confidence: 0.9 })
    case "domain_knowledge":
      return DomainKnowledge.make({ ...base, agent, domain: "general", fact: text, source: "import", confidence: 0.9, lastVerified: at })
    case "anti_pattern":
      return AntiPattern.make({ ...base, agent, pattern: text, whyBad: "it breaks", betterAlternative: "retry", occurrenceCount: 2, lastSeen: at })
  }
}

const textKey: Record<MemoryKind, string> = {
  heuristic: "condition",
  outcome: "task",
  user_preference: "preference",
  domain_knowledge: "fact",
  anti_pattern: "pattern"
}

/** A copy of a memory (same class) with some fields replaced; the fields given are valid by construction. */
const withFields = (m: Memory, fields: Partial<Record<string, unknown>>): Memory =>
  Object.assign(Object.create(Object.getPrototypeOf(m) as object) as Memory, m, fields)

const withProject = (m: Memory, projectId: string, edit: string | undefined): Memory => {
  const key = textKey[m.kind]
  const text = (m as unknown as Record<string, string>)[key]
  return withFields(m, { projectId, ...(edit !== undefined ? { [key]: `${text} ${edit}` } : {}) })
}

/** The memories to import, each with where its id was, and what the project should hold after it. */
const resolveItems = (ctx: Ctx, o: ImportOp) => {
  const model = ctx.world.model
  const seen = new Set<string>()
  const out: Array<{ readonly input: Memory; readonly expected: Memory; readonly conflict: boolean }> = []
  o.items.forEach((item, i) => {
    const pick = (ms: ReadonlyArray<Memory>) => (ms.length === 0 ? undefined : ms[item.n % ms.length])
    const source = item.from === "own"
      ? pick([...model.project(ctx.project).memories.values()])
      : item.from === "other"
      ? pick(model.others(ctx.project).flatMap((p) => [...p.memories.values()]))
      : item.from === "deleted"
      ? pick([...model.deleted.values()])
      : undefined
    const foreign = model.others(ctx.project)[0]!.id
    const base = source ?? build(item, item.foreignProjectId ? foreign : ctx.project)
    if (seen.has(base.id)) return
    seen.add(base.id)
    const edit = item.edit ? `edited${ctx.step}.${i}` : undefined
    // The input keeps the memory's own projectId (another project's, for "other"): import must rebase it.
    const input = withProject(base, base.projectId, edit)
    out.push({ input, expected: withProject(base, ctx.project, edit), conflict: model.classify(ctx.project, base.id) === "other" })
  })
  return out
}

export const importMemories = (ctx: Ctx, o: ImportOp) =>
  Effect.gen(function*() {
    const model = ctx.world.model
    const items = resolveItems(ctx, o)
    // An agent the project does not know fails closed, before ids are looked at (nothing changes).
    const stranger = items.findIndex((x) => x.input.kind !== "user_preference" && known(ctx, x.input.agent) === undefined)
    const payload = items.map((x) => (o.encoded ? encode(x.input) : x.input))
    const exit = yield* Effect.exit(ctx.engine.alma.importMemories(payload, o.newIds ? { onIdConflict: "new-id" } : undefined))
    if (stranger >= 0) {
      failure(ctx.world, ctx.project, exit, "ValidationError", `${ctx.label} (agent unknown in ${ctx.project})`, new RegExp(`^memories\\.${stranger}\\.agent$`))
      count(ctx.backend, "import:unknown-agent")
      return undefined
    }
    const conflicts = items.flatMap((x, i) => (x.conflict ? [i] : []))
    if (conflicts.length > 0 && !o.newIds) {
      const at = new RegExp(`^memories\\.(${conflicts.join("|")})\\.id$`)
      failure(ctx.world, ctx.project, exit, "ValidationError", `${ctx.label} (ids of another project: ${conflicts})`, at)
      count(ctx.backend, "import:refused-other")
      return undefined
    }
    success(exit, ctx.label)
    const p = model.project(ctx.project)
    // Renamed memories: those of the project neither the model nor this import's other ids name.
    const rename = new Map<string, string>()
    if (conflicts.length > 0) {
      const keep = new Set(items.filter((x) => !x.conflict).map((x) => x.expected.id as string))
      const added = (yield* ctx.world.storage.list({ projectId: ctx.project })).filter((m) => !p.memories.has(m.id) && !keep.has(m.id))
      const unnamed = (m: Memory) => canon({ ...m, id: undefined, provenance: undefined })
      const pending = [...added]
      for (const x of items.filter((x) => x.conflict)) {
        const i = pending.findIndex((m) => unnamed(m) === unnamed(x.expected))
        assert.isAtLeast(i, 0, `${ctx.label}: ${x.expected.id} (held by another project) was not stored under a fresh id`)
        const m = pending.splice(i, 1)[0]!
        assert.isTrue(m.id.startsWith(`${idPrefix[m.kind]}_`), `${ctx.label}: ${m.id} is not a ${m.kind} id`)
        assert.isUndefined(model.holder(m.id), `${ctx.label}: ${m.id} is not fresh`)
        rename.set(x.expected.id, m.id)
      }
      assert.deepStrictEqual(pending.map((m) => m.id), [], `${ctx.label}: memories stored that the import did not name`)
      count(ctx.backend, "import:renamed-other")
    }
    // What the project holds now: each memory rebased, renamed ids (and provenance references to them) followed.
    const ids = new Set<string>()
    for (const x of items) {
      const renamed = rename.size === 0 ? x.expected : withFields(x.expected, {
        id: rename.get(x.expected.id) ?? x.expected.id,
        provenance: x.expected.provenance.map((id) => rename.get(id) ?? id)
      })
      model.put(ctx.project, renamed)
      ids.add(renamed.id)
    }
    count(ctx.backend, `import:stored`)
    if (items.some((x) => !x.conflict && canon(x.input) !== canon(x.expected))) count(ctx.backend, "import:rebased")
    return new Map<string, AuditDelta>([[ctx.project, { _tag: "imported", ids: [...ids] }]])
  })
