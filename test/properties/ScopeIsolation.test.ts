/**
 * Property: scope isolation of retrieval, across agents AND projects sharing one storage.
 *
 * Each fast-check run builds ONE in-memory Storage (+ hash Embedder) and puts one engine per project
 * on it (`Alma.layerEngine({ projectId, agents, allowUnknownAgents: false })`), so a memory leaking
 * across projects would be visible. Random agents (2–6), scopes (canLearn / cannotLearn / domain /
 * shareWith incl. "*" and unconfigured names / inheritFrom incl. self and unconfigured names) and
 * 1–3 projects; random writes through the public API (addKnowledge, addAntiPattern, learn,
 * addPreference), interleaved with random retrieves.
 *
 * A "case" is ONE retrieve call whose whole result is checked: random reader (configured agent),
 * random project, random userId or none, mode "benchmark" or default, topK up to 100, random kinds.
 * Every returned memory must
 *   - be a memory this run wrote, into the queried project (model check, not only `projectId`);
 *   - agent-owned kinds: be owned by the reader, or by an agent A with reader.inheritFrom ∋ A and
 *     A.shareWith ∋ reader or "*"; `sharedFrom` is set (to the owner) iff owner ≠ reader;
 *   - preferences: belong to the requested userId (none at all without a userId).
 * Converse ("probes", a third of the reads, ≈ 20 % of cases once those without any readable memory
 * yet are left out): a memory the reader may read, queried in mode "benchmark" with topK 100 and its
 * exact indexed text, must be returned, so the property cannot pass by returning nothing.
 * Queries are often single words, so different readers ask identical questions and the retrieval
 * cache is exercised too (a cache key missing the agent or the userId leaks, and is caught).
 * Writes are checked too: addKnowledge / addAntiPattern / learn fail with ScopeViolationError exactly
 * when the scope forbids the domain / task type, and after every write the storage holds exactly the
 * memories the model expects, per project (nothing stored by a failed write, nothing in another project).
 *
 * NUM_RUNS runs × READS_PER_RUN retrieves = 10,000 cases (a counter asserts they all ran).
 */
import { assert, describe, it } from "@effect/vitest"
import { Cause, Context, Effect, Exit, Layer } from "effect"
import * as fc from "fast-check"
import * as HashEmbedder from "../../layers/embedders/HashEmbedder.js"
import * as MemoryStorage from "../../layers/memory/MemoryStorage.js"
import * as Alma from "../../src/Alma.js"
import { AgentScope } from "../../src/domain/AgentScope.js"
import type { MemoryKind } from "../../src/domain/Ids.js"
import { memoryKinds } from "../../src/domain/Ids.js"
import type { Memory } from "../../src/domain/Memory.js"
import { searchText } from "../../src/domain/Memory.js"
import { inferTaskType } from "../../src/internal/formation.js"
import * as AlmaService from "../../src/services/Alma.js"
import * as Storage from "../../src/services/Storage.js"

const NUM_RUNS = 500
const READS_PER_RUN = 20

// ---------------------------------------------------------------------------------------------------
// vocabulary

const AGENT_POOL = ["ana", "bo", "cy", "dee", "eli", "fay"] as const
/** Names that are never configured, but appear in shareWith / inheritFrom. */
const GHOSTS = ["ghost", "zed"] as const
/** Includes task types `inferTaskType` produces ("testing", "general", "form_testing"). */
const DOMAINS = ["auth", "billing", "testing", "general", "form_testing"] as const
const USERS = ["u1", "u2", "u3"] as const
const PROJECTS = ["p1", "p2", "p3"] as const
const WORDS = ["login", "token", "invoice", "refund", "form", "query", "test", "cache", "retry", "deploy"] as const
const STRATEGIES = ["retry with backoff", "mock the clock", "use a fixture", "wait for the element"] as const

// ---------------------------------------------------------------------------------------------------
// generated shapes

interface ScopeSpec {
  readonly agent: string
  readonly domain: string | undefined
  readonly canLearn: ReadonlyArray<string>
  readonly cannotLearn: ReadonlyArray<string>
  readonly shareWith: ReadonlyArray<string>
  readonly inheritFrom: ReadonlyArray<string>
  readonly minOccurrencesForHeuristic: number
}

type WriteOp =
  | {
    readonly op: "knowledge"
    readonly project: string
    readonly agent: string
    readonly domain: string
    readonly text: string
  }
  | {
    readonly op: "antiPattern"
    readonly project: string
    readonly agent: string
    readonly taskType: string | undefined
    readonly text: string
  }
  | {
    readonly op: "learn"
    readonly project: string
    readonly agent: string
    readonly taskType: string | undefined
    readonly task: string
    readonly success: boolean
    readonly strategy: string
  }
  | { readonly op: "preference"; readonly project: string; readonly userId: string; readonly text: string }

interface ReadOp {
  /** Runs after this many writes (capped at the number of writes). */
  readonly at: number
  readonly reader: string
  readonly project: string
  readonly userId: string | undefined
  readonly mode: "benchmark" | undefined
  readonly topK: number
  readonly kinds: ReadonlyArray<MemoryKind> | undefined
  readonly task: string
  /** Converse check: query a readable memory's exact text (benchmark, topK 100); picks the n-th newest. */
  readonly probe: number | undefined
}

interface Case {
  readonly scopes: ReadonlyArray<ScopeSpec>
  readonly projects: ReadonlyArray<string>
  readonly writes: ReadonlyArray<WriteOp>
  readonly reads: ReadonlyArray<ReadOp>
}

// ---------------------------------------------------------------------------------------------------
// arbitraries

// Short texts from a small vocabulary: identical texts recur, so identical queries do too (exercises the cache).
const textArb = fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 3 }).map((ws) => ws.join(" "))
/** Queries: often a single word, so different readers ask identical questions (exercises the cache key). */
const queryArb = fc.oneof(fc.constantFrom(...WORDS), textArb)
const optional = <A>(arb: fc.Arbitrary<A>) => fc.option(arb, { nil: undefined })

const scopeArb = (agent: string, names: ReadonlyArray<string>): fc.Arbitrary<ScopeSpec> =>
  fc.record({
    agent: fc.constant(agent),
    domain: optional(fc.constantFrom(...DOMAINS)),
    canLearn: fc.subarray([...DOMAINS]),
    cannotLearn: fc.oneof(fc.constant([]), fc.subarray([...DOMAINS])),
    shareWith: fc.tuple(fc.subarray([...names, ...GHOSTS]), fc.integer({ min: 0, max: 3 })).map(([ns, star]) =>
      star === 0 ? [...ns, "*"] : ns
    ),
    inheritFrom: fc.subarray([...names, ...GHOSTS]),
    minOccurrencesForHeuristic: fc.integer({ min: 1, max: 3 })
  })

const writeArb = (names: ReadonlyArray<string>, projects: ReadonlyArray<string>): fc.Arbitrary<WriteOp> => {
  const project = fc.constantFrom(...projects)
  const agent = fc.constantFrom(...names)
  return fc.oneof(
    {
      weight: 3,
      arbitrary: fc.record({
        op: fc.constant("knowledge" as const),
        project,
        agent,
        domain: fc.constantFrom(...DOMAINS),
        text: textArb
      })
    },
    {
      weight: 2,
      arbitrary: fc.record({
        op: fc.constant("antiPattern" as const),
        project,
        agent,
        taskType: optional(fc.constantFrom(...DOMAINS)),
        text: textArb
      })
    },
    {
      weight: 3,
      arbitrary: fc.record({
        op: fc.constant("learn" as const),
        project,
        agent,
        taskType: optional(fc.constantFrom(...DOMAINS)),
        task: textArb,
        success: fc.boolean(),
        strategy: fc.constantFrom(...STRATEGIES)
      })
    },
    {
      weight: 2,
      arbitrary: fc.record({
        op: fc.constant("preference" as const),
        project,
        userId: fc.constantFrom(...USERS),
        text: textArb
      })
    }
  )
}

const readArb = (names: ReadonlyArray<string>, projects: ReadonlyArray<string>): fc.Arbitrary<ReadOp> =>
  fc.record({
    at: fc.nat({ max: 40 }),
    reader: fc.constantFrom(...names),
    project: fc.constantFrom(...projects),
    userId: optional(fc.constantFrom(...USERS)),
    mode: fc.constantFrom("benchmark" as const, undefined),
    topK: fc.oneof(fc.constant(100), fc.integer({ min: 1, max: 100 })),
    kinds: optional(fc.subarray([...memoryKinds], { minLength: 1 })),
    task: queryArb,
    probe: fc.oneof({ weight: 2, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.nat({ max: 3 }) })
  })

const configArb = fc.record({
  names: fc.uniqueArray(fc.constantFrom(...AGENT_POOL), { minLength: 2, maxLength: 6 }),
  projectCount: fc.integer({ min: 1, max: 3 })
})

const caseArb: fc.Arbitrary<Case> = configArb.chain(({ names, projectCount }) => {
  const projects = PROJECTS.slice(0, projectCount)
  return fc.record({
    scopes: fc.tuple(...names.map((n) => scopeArb(n, names))),
    projects: fc.constant(projects),
    writes: fc.array(writeArb(names, projects), { minLength: 6, maxLength: 30 }),
    reads: fc.array(readArb(names, projects), { minLength: READS_PER_RUN, maxLength: READS_PER_RUN })
  })
})

// ---------------------------------------------------------------------------------------------------
// oracle (written from the documented semantics in domain/AgentScope.ts, independent of MemoryScope)

const mayLearn = (s: ScopeSpec, domain: string): boolean =>
  !s.cannotLearn.includes(domain) && (s.domain === domain || s.canLearn.length === 0 || s.canLearn.includes(domain))

const mayRead = (scopes: ReadonlyMap<string, ScopeSpec>, reader: string, owner: string): boolean => {
  if (owner === reader) return true
  const r = scopes.get(reader)
  const o = scopes.get(owner)
  return r !== undefined && o !== undefined && r.inheritFrom.includes(owner) &&
    (o.shareWith.includes(reader) || o.shareWith.includes("*"))
}

interface Entry {
  readonly id: string
  readonly project: string
  readonly kind: MemoryKind
  /** Agent name, or `@user/<id>` for preferences. */
  readonly owner: string
  readonly userId: string | undefined
  /** The text ALMA indexes for it (`searchText`). */
  readonly text: string
  /** An outcome's strategy text (repeats of it are collapsed in a slice). */
  readonly strategy?: string | undefined
}

const ownerOfMemory = (m: Memory) => (m.kind === "user_preference" ? `@user/${m.userId}` : m.agent)

const describeScope = (s: ScopeSpec | undefined) =>
  s === undefined
    ? "(not configured)"
    : `inheritFrom=${JSON.stringify(s.inheritFrom)} shareWith=${JSON.stringify(s.shareWith)}`

// ---------------------------------------------------------------------------------------------------
// one run

/**
 * Totals over all runs: checked retrieves, probes, memories returned / returned as shared, refused
 * writes, and memories stored (in any project) that the reader of a case may not see.
 */
const counters = { cases: 0, probes: 0, returned: 0, shared: 0, violations: 0, forbidden: 0 }

const sharedBackend = Layer.merge(MemoryStorage.layer, HashEmbedder.layer)

const runCase = (c: Case) =>
  Effect.gen(function*() {
    const scopes = new Map(c.scopes.map((s) => [s.agent, s] as const))
    const agents = c.scopes.map((s) => AgentScope.make({ ...s }))
    const storage = yield* Storage.Storage
    const engines = new Map<string, AlmaService.Service>()
    for (const projectId of c.projects) {
      const ctx = yield* Layer.build(Alma.layerEngine({ projectId, agents, allowUnknownAgents: false }))
      engines.set(projectId, Context.get(ctx, AlmaService.Alma))
    }
    const model = new Map<string, Entry>()
    const record = (project: string, m: Memory) =>
      model.set(m.id, {
        id: m.id,
        project,
        kind: m.kind,
        owner: ownerOfMemory(m),
        userId: m.kind === "user_preference" ? m.userId : undefined,
        text: searchText(m),
        strategy: m.kind === "outcome" ? m.strategyUsed : undefined
      })

    /** Storage holds exactly the model's memories, per project. */
    const checkStorage = (after: string) =>
      Effect.gen(function*() {
        for (const project of c.projects) {
          const stored = (yield* storage.list({ projectId: project })).map((m) => m.id).sort()
          const expected = [...model.values()].filter((e) => e.project === project).map((e) => e.id).sort()
          assert.deepStrictEqual(stored, expected, `storage of project ${project} after ${after}`)
        }
      })

    /** Records what a write by `agent` returned, after checking it is that agent's and in that project. */
    const recordWritten = (label: string, project: string, agent: string | undefined, m: Memory) => {
      assert.strictEqual(m.projectId, project, `${label}: ${m.id}.projectId`)
      if (agent !== undefined) assert.strictEqual(ownerOfMemory(m), agent, `${label}: owner of ${m.id}`)
      record(project, m)
    }

    /** The written value when the scope allows the write; otherwise asserts a ScopeViolationError. */
    const expectScoped = <A>(exit: Exit.Exit<A, { readonly _tag: string }>, allowed: boolean, label: string) => {
      if (!allowed) {
        assertScopeViolation(exit, label)
        return undefined
      }
      if (Exit.isFailure(exit)) {
        return assert.fail(`${label} is within the scope but failed: ${Cause.pretty(exit.cause)}`)
      }
      return exit.value
    }

    const write = (w: WriteOp) =>
      Effect.gen(function*() {
        const alma = engines.get(w.project)!
        const label = `write ${JSON.stringify(w)}`
        switch (w.op) {
          case "preference": {
            const m = yield* alma.addPreference({ userId: w.userId, category: "style", preference: w.text })
            recordWritten(label, w.project, `@user/${w.userId}`, m)
            break
          }
          case "knowledge": {
            const exit = yield* Effect.exit(alma.addKnowledge({ agent: w.agent, domain: w.domain, fact: w.text }))
            const m = expectScoped(exit, mayLearn(scopes.get(w.agent)!, w.domain), label)
            if (m !== undefined) recordWritten(label, w.project, w.agent, m)
            break
          }
          case "antiPattern": {
            const exit = yield* Effect.exit(alma.addAntiPattern({
              agent: w.agent,
              pattern: w.text,
              whyBad: "it breaks",
              betterAlternative: "do it properly",
              ...(w.taskType !== undefined ? { taskType: w.taskType } : {})
            }))
            const allowed = w.taskType === undefined || mayLearn(scopes.get(w.agent)!, w.taskType)
            const m = expectScoped(exit, allowed, label)
            if (m !== undefined) recordWritten(label, w.project, w.agent, m)
            break
          }
          case "learn": {
            const exit = yield* Effect.exit(alma.learn({
              agent: w.agent,
              task: w.task,
              outcome: w.success ? "success" : "failure",
              strategyUsed: w.strategy,
              ...(w.taskType !== undefined ? { taskType: w.taskType } : {})
            }))
            // The task type learn checks: the given one, else the agent's domain, else the inferred one.
            const s = scopes.get(w.agent)!
            const result = expectScoped(exit, mayLearn(s, w.taskType ?? s.domain ?? inferTaskType(w.task)), label)
            if (result !== undefined) {
              for (const m of [result.outcome, result.heuristic?.memory, result.antiPattern?.memory]) {
                if (m !== undefined) recordWritten(label, w.project, w.agent, m)
              }
            }
            break
          }
        }
        // Nothing stored by a refused write; everything stored in its own project only.
        yield* checkStorage(label)
      })

    const read = (r: ReadOp, index: number) =>
      Effect.gen(function*() {
        const alma = engines.get(r.project)!
        // Converse probe: a memory the reader may read in this project, queried by its exact text.
        const readable = [...model.values()].filter((e) =>
          e.project === r.project &&
          (e.kind === "user_preference" ? e.userId === r.userId : mayRead(scopes, r.reader, e.owner))
        )
        counters.forbidden += model.size - readable.length
        // The probe picks among the newest readable memories: those most likely written after earlier reads.
        const target = r.probe !== undefined && readable.length > 0
          ? readable[readable.length - 1 - (r.probe % readable.length)]!
          : undefined
        const kinds = target === undefined
          ? r.kinds
          : r.kinds === undefined
          ? [...memoryKinds] // benchmark mode leaves anti-patterns out by default
          : [...new Set([...r.kinds, target.kind])]
        const input = {
          task: target?.text ?? r.task,
          agent: r.reader,
          topK: target === undefined ? r.topK : 100,
          ...(r.userId !== undefined ? { userId: r.userId } : {}),
          ...(target !== undefined || r.mode !== undefined ? { mode: "benchmark" as const } : {}),
          ...(kinds !== undefined ? { kinds } : {})
        }
        const slice = yield* alma.retrieve(input)
        const where = `read #${index} ${JSON.stringify(input)} in project ${r.project}`
        assert.strictEqual(slice.projectId, r.project, `${where}: slice.projectId`)
        assert.strictEqual(slice.agent, r.reader, `${where}: slice.agent`)
        const seen = new Set<string>()
        const lists = [slice.heuristics, slice.antiPatterns, slice.preferences, slice.domainKnowledge, slice.outcomes]
        for (const list of lists) {
          for (const item of list) {
            const m: Memory = item.memory
            const sharedFrom = (item as { readonly sharedFrom?: string | undefined }).sharedFrom
            const what = `${where}: returned ${m.kind} ${m.id}`
            assert.isFalse(seen.has(m.id), `${what} twice`)
            seen.add(m.id)
            if (kinds !== undefined) assert.include(kinds, m.kind, `${what}: kind not requested`)
            const entry = model.get(m.id)
            assert.isDefined(entry, `${what}: not a memory written in this run`)
            assert.strictEqual(entry!.project, r.project, `${what}: written in project ${entry!.project}`)
            assert.strictEqual(m.projectId, r.project, `${what}: its projectId`)
            assert.strictEqual(ownerOfMemory(m), entry!.owner, `${what}: owner changed`)
            if (m.kind === "user_preference") {
              assert.isDefined(r.userId, `${what}: a preference (of ${m.userId}) without a userId`)
              assert.strictEqual(m.userId, r.userId, `${what}: preference of another user`)
              // Preferences belong to a user, not an agent: never marked as shared.
              assert.isUndefined(sharedFrom, `${what}: sharedFrom on a preference`)
            } else {
              const owner = m.agent
              assert.isTrue(
                mayRead(scopes, r.reader, owner),
                `${what}: owned by ${owner}, which ${r.reader} may not read ` +
                  `(reader ${describeScope(scopes.get(r.reader))}; owner ${describeScope(scopes.get(owner))})`
              )
              const expected = owner === r.reader ? undefined : owner
              assert.strictEqual(sharedFrom, expected, `${what}: sharedFrom (owner ${owner})`)
              if (owner !== r.reader) counters.shared++
            }
            counters.returned++
          }
        }
        if (target !== undefined) {
          const ids = lists.flatMap((l) => l.map((x) => x.memory.id as string))
          // An outcome a returned heuristic or anti-pattern summarises (its provenance, or the same
          // strategy text), or one repeating a returned outcome's strategy, is collapsed into it.
          const summaries = lists.flatMap((l) =>
            l.flatMap((x) => x.memory.kind === "heuristic" || x.memory.kind === "anti_pattern" ? [x.memory] : [])
          )
          const norm = (t: string) => t.trim().replace(/\s+/g, " ").toLowerCase()
          const strategy = target.strategy
          const collapsed = strategy !== undefined && (
            summaries.some((m) =>
              m.provenance.includes(target.id as never) ||
              norm(m.kind === "heuristic" ? m.strategy : m.kind === "anti_pattern" ? m.pattern : "") === norm(strategy)
            ) ||
            lists.some((l) => l.some((x) => x.memory.kind === "outcome" && norm(x.memory.strategyUsed) === norm(strategy)))
          )
          if (collapsed) counters.probes++
          else assert.include(
            ids,
            target.id,
            `${where}: readable ${target.kind} ${target.id} (owner ${target.owner}), queried by its exact ` +
              `text, was not returned`
          )
          counters.probes++
        }
        counters.cases++
      })

    const reads = c.reads.map((r, i) => ({ r, i, at: Math.min(r.at, c.writes.length) }))
    for (let w = 0; w <= c.writes.length; w++) {
      for (const { i, r } of reads.filter((x) => x.at === w)) yield* read(r, i)
      if (w < c.writes.length) yield* write(c.writes[w]!)
    }
  }).pipe(Effect.scoped, Effect.provide(sharedBackend))

const assertScopeViolation = (exit: Exit.Exit<unknown, { readonly _tag: string }>, label: string) => {
  if (Exit.isSuccess(exit)) return assert.fail(`${label} is outside the agent's scope but succeeded`)
  const failure = Cause.failureOption(exit.cause)
  assert.isTrue(
    failure._tag === "Some" && failure.value._tag === "ScopeViolationError",
    `${label}: expected ScopeViolationError, got ${Cause.pretty(exit.cause)}`
  )
  counters.violations++
}

/** Runs an Effect; a failure or defect rejects with the readable cause (assertion messages included). */
const run = async (effect: Effect.Effect<void, unknown>) => {
  const exit = await Effect.runPromiseExit(effect)
  if (Exit.isFailure(exit)) throw new Error(Cause.pretty(exit.cause))
}

describe("Scope isolation (property)", () => {
  it("retrieves return only the queried project's memories the reader may read; readable exact matches", async () => {
    await fc.assert(fc.asyncProperty(caseArb, (c) => run(runCase(c))), { numRuns: NUM_RUNS })
    // 10,000 checked retrieve calls (plus any run during shrinking, which only happens on failure).
    assert.isAtLeast(counters.cases, NUM_RUNS * READS_PER_RUN)
    // The generators must exercise what the property is about: probes, sharing, refused writes, and
    // memories present in the store that the reader must NOT see.
    assert.isAbove(counters.probes, NUM_RUNS * READS_PER_RUN / 10)
    assert.isAbove(counters.shared, 0)
    assert.isAbove(counters.violations, 0)
    assert.isAbove(counters.forbidden, counters.cases)
  }, 180_000)

  it("an unknown reader gets a ValidationError (field agent), in every project", async () => {
    const arb = configArb.chain(({ names, projectCount }) =>
      fc.record({
        scopes: fc.tuple(...names.map((n) => scopeArb(n, names))),
        projects: fc.constant(PROJECTS.slice(0, projectCount)),
        stranger: fc.constantFrom(...GHOSTS, ...AGENT_POOL.filter((n) => !names.includes(n)))
      })
    )
    await fc.assert(
      fc.asyncProperty(arb, ({ projects, scopes, stranger }) =>
        run(
          Effect.gen(function*() {
            const agents = scopes.map((s) => AgentScope.make({ ...s }))
            for (const projectId of projects) {
              const ctx = yield* Layer.build(Alma.layerEngine({ projectId, agents, allowUnknownAgents: false }))
              const alma = Context.get(ctx, AlmaService.Alma)
              yield* alma.addPreference({ userId: "u1", category: "style", preference: "login form" })
              const exit = yield* Effect.exit(alma.retrieve({ task: "login form", agent: stranger, userId: "u1" }))
              const label = `unknown reader ${stranger} in project ${projectId}`
              if (Exit.isSuccess(exit)) return assert.fail(`${label} was answered (${exit.value.totalItems} items)`)
              const error = Cause.failureOption(exit.cause)
              assert.isTrue(
                error._tag === "Some" && error.value._tag === "ValidationError" && error.value.field === "agent",
                `${label}: expected ValidationError on field agent, got ${Cause.pretty(exit.cause)}`
              )
            }
          }).pipe(Effect.scoped, Effect.provide(sharedBackend))
        )),
      { numRuns: 200 }
    )
  })
})
