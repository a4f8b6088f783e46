/**
 * Explicit memories: user preferences, domain knowledge and anti-patterns recorded as given (not
 * learned from outcomes). Every input is decoded and scope-checked before anything is built; all of a
 * batch are stored at once (all or none) through the Learner's `store`.
 */
import { DateTime, Effect, type Schema } from "effect"
import type { ScopeViolationError, ValidationError } from "../domain/AlmaError.js"
import type { MemoryId, MemoryKind } from "../domain/Ids.js"
import { AddAntiPatternInput, AddKnowledgeInput, AddPreferenceInput } from "../domain/Inputs.js"
import type { Memory, Metadata } from "../domain/Memory.js"
import { AntiPattern, DomainKnowledge, UserPreference } from "../domain/Memory.js"
import type * as MemoryScope from "../services/MemoryScope.js"
import { newId } from "./newId.js"
import { decodeInput } from "./validate.js"

/** The fields every new memory starts with. */
interface MemoryBase {
  readonly id: MemoryId
  readonly projectId: string
  readonly createdAt: DateTime.Utc
  readonly updatedAt: DateTime.Utc
  readonly metadata: Metadata
  readonly provenance: ReadonlyArray<MemoryId>
}

/**
 * The recorders over a project's scope and the Learner's `store`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const makeRecorders = <Err>(deps: {
  readonly projectId: string
  readonly scope: MemoryScope.Service
  readonly store: (memories: ReadonlyArray<Memory>) => Effect.Effect<ReadonlyArray<Memory>, Err>
}) => {
  const { projectId, scope, store } = deps
  /** Decodes every input, checks every scope, then builds and stores all the memories at once. */
  const recordAll = <R extends { readonly metadata?: Metadata | undefined }, I, A extends Memory>(
    schema: Schema.Schema<R, I>,
    kind: MemoryKind,
    check: (request: R) => Effect.Effect<unknown, ValidationError | ScopeViolationError>,
    build: (request: R, base: MemoryBase) => A
  ) =>
  (inputs: ReadonlyArray<I>) =>
    Effect.gen(function*() {
      const requests = yield* Effect.forEach(inputs, (i) => decodeInput(schema, i))
      yield* Effect.forEach(requests, check, { discard: true })
      const now = yield* DateTime.now
      const memories = yield* Effect.forEach(requests, (r) =>
        Effect.map(newId(kind), (id) =>
          build(r, { id, projectId, createdAt: now, updatedAt: now, metadata: r.metadata ?? {}, provenance: [] })))
      // As stored: the poisoning check may have added metadata (same order and kinds).
      return (yield* store(memories)) as ReadonlyArray<A>
    })

  const addPreferences = recordAll(AddPreferenceInput, "user_preference", () => Effect.void, (r, base) => {
    const source = r.source ?? "explicit_instruction"
    return UserPreference.make({
      ...base,
      userId: r.userId,
      category: r.category,
      preference: r.preference,
      source,
      confidence: r.confidence ?? (source === "explicit_instruction" ? 1 : 0.7)
    })
  })

  const addKnowledge = recordAll(
    AddKnowledgeInput,
    "domain_knowledge",
    (r) => scope.checkLearn(r.agent, r.domain),
    (r, base) => {
      const source = r.source ?? "user_stated"
      return DomainKnowledge.make({
        ...base,
        agent: r.agent,
        domain: r.domain,
        fact: r.fact,
        source,
        confidence: r.confidence ?? (source === "user_stated" ? 1 : 0.8),
        lastVerified: base.createdAt
      })
    }
  )

  const addAntiPatterns = recordAll(
    AddAntiPatternInput,
    "anti_pattern",
    (r) => r.taskType === undefined ? scope.scopeOf(r.agent) : scope.checkLearn(r.agent, r.taskType),
    (r, base) =>
      AntiPattern.make({
        ...base,
        agent: r.agent,
        ...(r.taskType !== undefined ? { taskType: r.taskType } : {}),
        pattern: r.pattern,
        whyBad: r.whyBad,
        betterAlternative: r.betterAlternative,
        occurrenceCount: Math.max(1, r.provenance?.length ?? 0),
        lastSeen: base.createdAt,
        provenance: r.provenance ?? []
      })
  )

  return { addPreferences, addKnowledge, addAntiPatterns }
}
