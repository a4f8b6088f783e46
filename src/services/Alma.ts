/**
 * The public API as one Effect service, composed from Storage, Embedder, MemoryScope, MemoryCache,
 * Retriever, Learner and Forgetter.
 *
 * @since 0.1.0
 */
import { Context, DateTime, Effect, Layer, Schema } from "effect"
import type { AgentScope } from "../domain/AgentScope.js"
import { NotFoundError, ValidationError } from "../domain/AlmaError.js"
import { Defaults } from "../domain/Defaults.js"
import type { MemoryKind } from "../domain/Ids.js"
import { MemoryId } from "../domain/Ids.js"
import type {
  AddAntiPatternInput,
  AddKnowledgeInput,
  AddPreferenceInput,
  ForgetInput,
  LearnInput,
  RetrieveInput
} from "../domain/Inputs.js"
import { Name } from "../domain/Ids.js"
import { AuditLogLimit, UpdateInput } from "../domain/Inputs.js"
import type { AntiPattern, DomainKnowledge, Memory, UserPreference } from "../domain/Memory.js"
import { Memory as MemorySchema } from "../domain/Memory.js"
import type { MemorySlice } from "../domain/MemorySlice.js"
import * as Importing from "../internal/importing.js"
import { decodeInput } from "../internal/validate.js"
import * as Forgetter from "./Forgetter.js"
import * as Learner from "./Learner.js"
import * as MemoryCache from "./MemoryCache.js"
import * as MemoryScope from "./MemoryScope.js"
import * as Retriever from "./Retriever.js"
import * as Storage from "./Storage.js"
import { Stats } from "../domain/Results.js"

/**
 * Memory counts of a project (its schema lives in `domain/Results.ts`).
 *
 * @since 0.1.0
 * @category models
 */
export { Stats }

type E<A, Err> = Effect.Effect<A, Err>
type StoreError = import("../domain/AlmaError.js").StorageError

/**
 * Options of `importMemories`: what to do with an id held by another project (default `error`).
 *
 * @since 0.1.0
 * @category models
 */
export const ImportOptions = Schema.Struct({ onIdConflict: Schema.optional(Importing.OnIdConflict) })

/**
 * @since 0.1.0
 * @category models
 */
export type ImportOptions = typeof ImportOptions.Type

/**
 * @since 0.1.0
 * @category models
 */
export interface Service {
  readonly projectId: string
  /** See `Retriever.retrieve`. */
  readonly retrieve: (input: RetrieveInput) => E<MemorySlice, Retriever.RetrieveError>
  /** See `Learner.learn`. */
  readonly learn: (input: LearnInput) => E<Learner.LearnResult, Learner.LearnError>
  /** Records one user preference. **Errors** `ValidationError`, `EmbeddingError`, `StorageError`. */
  readonly addPreference: (input: AddPreferenceInput) => E<UserPreference, Learner.LearnError>
  /** Records preferences in one transaction (all or none). */
  readonly addPreferences: (inputs: ReadonlyArray<AddPreferenceInput>) => E<ReadonlyArray<UserPreference>, Learner.LearnError>
  /** Records one domain fact. **Errors** adds `ScopeViolationError` when the domain is outside the agent's scope. */
  readonly addKnowledge: (input: AddKnowledgeInput) => E<DomainKnowledge, Learner.LearnError>
  /** Records facts in one transaction (all or none). */
  readonly addKnowledgeBatch: (inputs: ReadonlyArray<AddKnowledgeInput>) => E<ReadonlyArray<DomainKnowledge>, Learner.LearnError>
  /** Records one explicit anti-pattern. */
  readonly addAntiPattern: (input: AddAntiPatternInput) => E<AntiPattern, Learner.LearnError>
  /** Records anti-patterns in one transaction (all or none). */
  readonly addAntiPatterns: (inputs: ReadonlyArray<AddAntiPatternInput>) => E<ReadonlyArray<AntiPattern>, Learner.LearnError>
  /** The memory with that id. **Errors** `ValidationError` (malformed id), `NotFoundError`, `StorageError`. */
  readonly get: (id: string) => E<Memory, ValidationError | NotFoundError | StoreError>
  /**
   * Changes a memory's editable fields (text, confidence, metadata) and re-embeds it.
   * **Errors** `ValidationError` (field not editable on that kind), `NotFoundError`, `EmbeddingError`, `StorageError`.
   */
  readonly update: (id: string, patch: UpdateInput) => E<Memory, Learner.LearnError | NotFoundError>
  /** Deletes a memory, recording it in the forget audit. **Errors** `ValidationError`, `NotFoundError`, `StorageError`. */
  readonly delete: (id: string) => E<void, ValidationError | NotFoundError | StoreError>
  /** Memory counts, for the project or for one agent's own memories. */
  readonly stats: (options?: { readonly agent?: string | undefined }) => E<Stats, ValidationError | StoreError>
  /** See `Forgetter.forget`. */
  readonly forget: (input?: ForgetInput) => E<Forgetter.ForgetResult, ValidationError | StoreError>
  /** See `Forgetter.prune`. */
  readonly prune: (
    options?: { readonly agent?: string | undefined; readonly dryRun?: boolean | undefined }
  ) => E<Forgetter.ForgetResult, ValidationError | StoreError>
  /** The forget audit, newest first. */
  readonly auditLog: (limit?: number) => E<ReadonlyArray<Storage.ForgetAudit>, ValidationError | StoreError>
  /**
   * Every memory of the project (optionally of some kinds or one agent's), newest first, as stored:
   * with ids, timestamps, counts and provenance, without embeddings. **Errors** `ValidationError` for
   * an unknown agent (it fails closed), `StorageError`.
   */
  readonly exportMemories: (
    options?: { readonly kinds?: ReadonlyArray<MemoryKind> | undefined; readonly agent?: string | undefined }
  ) => E<ReadonlyArray<Memory>, ValidationError | StoreError>
  /**
   * Stores exported memories (instances, or their JSON form) into this project (their `projectId` is
   * replaced), re-embedding them with this stack's embedder in one transaction (all or none): the way
   * to move memories to another embedder or dimension. Ids are kept, so importing twice replaces
   * rather than duplicates. An id held by another project of the same store is never moved: the
   * import fails (`onIdConflict: "error"`, the default) or stores that memory under a fresh id
   * (`"new-id"`, provenance references within the batch follow). Every imported memory writes an
   * audit row (action `import`, with the replaced version as snapshot). Returns the count.
   * **Errors** `ValidationError` (field `memories.<index>.<field>`; `memories.<index>.id` for an id of
   * another project), `EmbeddingError`, `StorageError`.
   */
  readonly importMemories: (
    memories: ReadonlyArray<unknown>,
    options?: ImportOptions
  ) => E<number, Learner.LearnError>
  /**
   * Adds or replaces an agent's scope at run time (drops cached retrievals).
   * **Errors** `ValidationError` (field `agent`) when a new agent would exceed `max_registered_agents`.
   */
  readonly registerAgent: (scope: AgentScope) => E<void, ValidationError>
  /** Every configured agent scope. */
  readonly agents: E<ReadonlyArray<AgentScope>, never>
}

/**
 * @since 0.1.0
 * @category tags
 */
export class Alma extends Context.Tag("alma-memory/Alma")<Alma, Service>() {}

const editable: Record<MemoryKind, ReadonlyArray<keyof UpdateInput>> = {
  heuristic: ["condition", "strategy", "confidence", "metadata"],
  outcome: ["feedback", "metadata"],
  user_preference: ["preference", "confidence", "metadata"],
  domain_knowledge: ["fact", "confidence", "metadata"],
  anti_pattern: ["pattern", "whyBad", "betterAlternative", "metadata"]
}

const decodeId = (id: string) => decodeInput(Schema.Struct({ id: MemoryId }), { id }).pipe(Effect.map((x) => x.id))

/**
 * @since 0.1.0
 * @category constructors
 */
export const make = (options: { readonly projectId: string }) =>
  Effect.gen(function*() {
    const storage = yield* Storage.Storage
    const scope = yield* MemoryScope.MemoryScope
    const cache = yield* MemoryCache.MemoryCache
    const retriever = yield* Retriever.Retriever
    const learner = yield* Learner.Learner
    const forgetter = yield* Forgetter.Forgetter
    const projectId = options.projectId
    const first = <A>(items: ReadonlyArray<A>) => items[0]!

    const get = Effect.fn("Alma.get")(function*(id: string) {
      const memoryId = yield* decodeId(id)
      return (yield* storage.get(projectId, memoryId)).memory
    })

    const update = Effect.fn("Alma.update")(function*(id: string, patch: UpdateInput) {
      const current = yield* get(id)
      const changes = yield* decodeInput(UpdateInput, patch)
      const allowed = editable[current.kind]
      for (const key of Object.keys(changes) as Array<keyof UpdateInput>) {
        if (!allowed.includes(key)) {
          return yield* new ValidationError({
            field: key,
            reason: `cannot be updated on a ${current.kind}; editable fields: ${allowed.join(", ")}`
          })
        }
      }
      const now = yield* DateTime.now
      const encoded = yield* Schema.encode(MemorySchema)(current).pipe(Effect.orDie) // a stored memory always encodes
      const next = yield* decodeInput(MemorySchema, {
        ...encoded,
        ...changes,
        updatedAt: DateTime.formatIso(now)
      })
      const [stored] = yield* learner.store([next])
      return stored!
    })

    const remove = Effect.fn("Alma.delete")(function*(id: string) {
      const memoryId = yield* decodeId(id)
      const deleted = yield* storage.delete(projectId, [{ id: memoryId, reason: "deleted by caller" }])
      if (deleted === 0) return yield* new NotFoundError({ entity: "memory", id })
      yield* cache.invalidateAll
    })

    const stats = Effect.fn("Alma.stats")(function*(opts?: { readonly agent?: string | undefined }) {
      const agent = opts?.agent === undefined ? undefined : yield* decodeInput(Name, opts.agent)
      if (agent !== undefined) yield* scope.scopeOf(agent)
      const counts = yield* storage.stats(projectId, agent === undefined ? undefined : [agent])
      return Stats.make({
        projectId,
        ...(agent !== undefined ? { agent } : {}),
        backend: storage.backend,
        counts,
        total: Object.values(counts).reduce((a, b) => a + b, 0)
      })
    })

    const exportMemories = Effect.fn("Alma.exportMemories")(function*(
      opts?: { readonly kinds?: ReadonlyArray<MemoryKind> | undefined; readonly agent?: string | undefined }
    ) {
      // An unknown agent fails closed (ValidationError), as stats, forget and prune do.
      if (opts?.agent !== undefined) yield* scope.scopeOf(opts.agent)
      return yield* storage.list({ projectId, kinds: opts?.kinds, owners: opts?.agent === undefined ? undefined : [opts.agent] })
    })

    const importMemories = Effect.fn("Alma.importMemories")(function*(
      memories: ReadonlyArray<unknown>,
      options?: ImportOptions
    ) {
      const { onIdConflict } = yield* decodeInput(ImportOptions, options ?? {})
      // Accept exported instances as they are, or their JSON (encoded) form, e.g. from a JSONL file.
      const encoded = yield* Effect.forEach(memories, (m) =>
        Schema.is(MemorySchema)(m) ? Effect.orDie(Schema.encode(MemorySchema)(m)) : Effect.succeed(m))
      const rebased = encoded.map((m) => (typeof m === "object" && m !== null ? { ...m, projectId } : m))
      const decoded = yield* decodeInput(Schema.Struct({ memories: Schema.Array(MemorySchema) }), { memories: rebased })
      yield* Importing.checkAgents(scope, decoded.memories, (i) => `memories.${i}.agent`)
      const resolved = yield* Importing.resolveIds(
        storage,
        projectId,
        decoded.memories,
        onIdConflict ?? "error",
        (i) => `memories.${i}.id`
      )
      yield* learner.store(resolved, { audit: { reason: Importing.auditReason } })
      return resolved.length
    })

    return Alma.of({
      projectId,
      retrieve: retriever.retrieve,
      learn: learner.learn,
      addPreference: (input) => Effect.map(learner.addPreferences([input]), first),
      addPreferences: learner.addPreferences,
      addKnowledge: (input) => Effect.map(learner.addKnowledge([input]), first),
      addKnowledgeBatch: learner.addKnowledge,
      addAntiPattern: (input) => Effect.map(learner.addAntiPatterns([input]), first),
      addAntiPatterns: learner.addAntiPatterns,
      get,
      update,
      delete: remove,
      stats,
      forget: (input) => forgetter.forget(input ?? {}),
      prune: forgetter.prune,
      auditLog: (limit) =>
        Effect.flatMap(decodeInput(AuditLogLimit, limit ?? Defaults.auditLogLimit), (n) => storage.auditLog(projectId, n)),
      exportMemories,
      importMemories,
      registerAgent: (s) => Effect.zipRight(scope.register(s), cache.invalidateAll),
      agents: scope.all
    })
  })

/**
 * The Alma service over the services in context.
 *
 * @since 0.1.0
 * @category layers
 */
export const layer = (options: { readonly projectId: string }) => Layer.effect(Alma, make(options))
