/**
 * Ids of imported memories. Memory ids are unique per store, and an import never moves a memory
 * between projects: an imported id that another project of the store holds is refused, or, when the
 * caller asks for it, replaced by a fresh id (with the batch's own provenance references to it).
 */
import { Effect, Schema } from "effect"
import { type StorageError, ValidationError } from "../domain/AlmaError.js"
import type { MemoryId } from "../domain/Ids.js"
import type { OnIdConflict } from "../domain/Inputs.js"
import { Memory } from "../domain/Memory.js"
import type * as MemoryScope from "../services/MemoryScope.js"
import type * as Storage from "../services/Storage.js"
import { newId } from "./newId.js"

export { OnIdConflict } from "../domain/Inputs.js"

/**
 * The audit reason of every import (the storage appends `: new` or `: replaced`).
 *
 * @since 0.1.0
 * @category constants
 */
export const auditReason = "imported"

const encode = Schema.encodeSync(Memory)
const decode = Schema.decodeUnknownSync(Memory)

/**
 * The memories to store for an import into `projectId`: as given when no id is held by another
 * project; otherwise refused (`onIdConflict` `error`) or renamed (`new-id`), provenance included.
 *
 * **Errors** `ValidationError` at `fieldOf(index)` of the first conflicting memory, saying how many
 * conflict and how to import them anyway (nothing is stored); `StorageError`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const resolveIds = (
  storage: Storage.Service,
  projectId: string,
  memories: ReadonlyArray<Memory>,
  onIdConflict: OnIdConflict,
  fieldOf: (index: number) => string
): Effect.Effect<ReadonlyArray<Memory>, ValidationError | StorageError> =>
  Effect.gen(function*() {
    if (memories.length === 0) return memories
    const foreign = new Set<string>(yield* storage.foreignIds(projectId, memories.map((m) => m.id)))
    if (foreign.size === 0) return memories
    if (onIdConflict === "error") {
      const index = memories.findIndex((m) => foreign.has(m.id))
      return yield* new ValidationError({
        field: fieldOf(index),
        reason: `${foreign.size === 1 ? "this id is" : `this id and ${foreign.size - 1} more are`} already held ` +
          "by memories of another project in this store (ids are unique per store, and an import never moves " +
          "a memory between projects); nothing was imported. To import copies under fresh ids, pass " +
          "onIdConflict: \"new-id\" (CLI: --on-id-conflict new-id)"
      })
    }
    const renamed = new Map<string, MemoryId>()
    for (const m of memories) {
      if (foreign.has(m.id) && !renamed.has(m.id)) renamed.set(m.id, yield* newId(m.kind))
    }
    return memories.map((m) => {
      const id = renamed.get(m.id)
      const provenance = m.provenance.map((p) => renamed.get(p) ?? p)
      if (id === undefined && provenance.every((p, i) => p === m.provenance[i])) return m
      return decode({ ...encode(m), id: id ?? m.id, provenance })
    })
  })

/**
 * Fails closed on an imported memory owned by an agent this project does not know (an import must
 * not create agents, nor their index partitions, that the configuration never declared).
 *
 * **Errors** `ValidationError` at `fieldOf(index)` of the first such memory, with the scope's reason.
 *
 * @since 0.1.0
 * @category constructors
 */
export const checkAgents = (
  scope: MemoryScope.Service,
  memories: ReadonlyArray<Memory>,
  fieldOf: (index: number) => string
): Effect.Effect<void, ValidationError> =>
  Effect.gen(function*() {
    const checked = new Set<string>()
    for (const [index, m] of memories.entries()) {
      if (m.kind === "user_preference" || checked.has(m.agent)) continue
      yield* Effect.mapError(scope.scopeOf(m.agent), (e) => new ValidationError({ field: fieldOf(index), reason: e.reason }))
      checked.add(m.agent)
    }
  })
