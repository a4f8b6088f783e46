/** Fresh memory ids: kind prefix + 16 random hex digits (64 bits from node:crypto). */
import { Effect } from "effect"
import { randomBytes } from "node:crypto"
import type { MemoryKind } from "../domain/Ids.js"
import { idPrefix, MemoryId } from "../domain/Ids.js"

/** A new id for a memory of `kind`. */
export const newId = (kind: MemoryKind): Effect.Effect<MemoryId> =>
  Effect.sync(() => MemoryId.make(`${idPrefix[kind]}_${randomBytes(8).toString("hex")}`))
