/**
 * Row codecs of the SQLite backend: how memories, vectors, partitions and audit rows look in the file.
 *
 * @since 0.1.0
 */
import { DateTime, Schema } from "effect"
import { createHash } from "node:crypto"
import { MemoryId, MemoryKind } from "../../../src/domain/Ids.js"
import { Memory, ownerOf } from "../../../src/domain/Memory.js"
import { ForgetAudit } from "../../../src/services/Storage.js"

/**
 * A memory as JSON text (the `body` column): `Schema.encode(Memory)` serialised.
 *
 * @since 0.1.0
 * @category schemas
 */
export const MemoryJson = Schema.parseJson(Memory)

/**
 * Float32 bytes (a `BLOB` read back from vec0) as a `Float32Array`. Decoding copies, because the
 * driver's buffers may not be 4-byte aligned.
 *
 * **Shape** blob of `4 × dimensions` bytes, little-endian floats.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Float32ArrayFromBlob = Schema.transform(
  Schema.Uint8ArrayFromSelf.pipe(
    Schema.filter((bytes) => bytes.byteLength % 4 === 0 || "must hold a whole number of 32-bit floats")
  ),
  Schema.declare((u): u is Float32Array => u instanceof Float32Array, { identifier: "Float32Array" }),
  {
    strict: true,
    decode: (bytes) => new Float32Array(new Uint8Array(bytes).buffer),
    encode: (vector) => toBlob(vector)
  }
)

/**
 * A stored memory as selected: its JSON body and its vector.
 *
 * @since 0.1.0
 * @category schemas
 */
export const StoredRow = Schema.Struct({ body: MemoryJson, embedding: Float32ArrayFromBlob })

/**
 * A vector hit as selected.
 *
 * @since 0.1.0
 * @category schemas
 */
export const VectorHitRow = Schema.Struct({ id: MemoryId, distance: Schema.Number })

/**
 * A lexical hit as selected (`bm25` already negated, so larger is better).
 *
 * @since 0.1.0
 * @category schemas
 */
export const LexicalHitRow = Schema.Struct({ id: MemoryId, bm25: Schema.Number })

/**
 * A `forget_audit` row, selected with camel-case aliases; `deletedAt` in epoch milliseconds.
 *
 * @since 0.1.0
 * @category schemas
 */
export const AuditRow = Schema.transform(
  Schema.Struct({ ...ForgetAudit.fields, deletedAt: Schema.DateTimeUtcFromNumber }),
  Schema.typeSchema(ForgetAudit),
  { strict: true, decode: (row) => ForgetAudit.make(row), encode: (audit) => ({ ...audit }) }
)

/**
 * A row to insert into `memories` (without `seq`, which SQLite assigns).
 *
 * **Units** `created_at`, `updated_at`: epoch milliseconds.
 *
 * @since 0.1.0
 * @category models
 */
export type MemoryRow = {
  readonly id: string
  readonly kind: MemoryKind
  readonly project_id: string
  readonly owner: string
  readonly task_type: string | null
  readonly created_at: number
  readonly updated_at: number
  readonly body: string
}

/**
 * The `memories` row of a memory, given its encoded JSON body.
 *
 * @since 0.1.0
 * @category constructors
 */
export const toMemoryRow = (memory: Memory, body: string): MemoryRow => ({
  id: memory.id,
  kind: memory.kind,
  project_id: memory.projectId,
  owner: ownerOf(memory),
  task_type: "taskType" in memory ? memory.taskType ?? null : null,
  created_at: DateTime.toEpochMillis(memory.createdAt),
  updated_at: DateTime.toEpochMillis(memory.updatedAt),
  body
})

/**
 * The vec0 partition key of a (project, owner, kind): every partition is scanned on its own.
 *
 * @since 0.1.0
 * @category constructors
 */
export const partitionKey = (projectId: string, owner: string, kind: MemoryKind): string =>
  `${projectId}\u0001${owner}\u0001${kind}`

/**
 * The FTS5 token naming a partition: `p` + 96 bits of SHA-256 of the partition key, in decimal.
 * Digits only, so neither unicode61 nor the porter stemmer alters it.
 *
 * @since 0.1.0
 * @category constructors
 */
export const partitionToken = (partition: string): string =>
  `p${BigInt(`0x${createHash("sha256").update(partition).digest("hex").slice(0, 24)}`).toString(10)}`

/**
 * The bytes of a vector, as bound to vec0 (a view, no copy).
 *
 * @since 0.1.0
 * @category constructors
 */
export const toBlob = (vector: Float32Array): Uint8Array =>
  new Uint8Array(vector.buffer, vector.byteOffset, vector.byteLength)

/**
 * An FTS5 query restricted to one partition that matches any of `terms` in the text column. Each term
 * is a quoted string, so query syntax (`AND`, `NEAR`, `*`, `:`) in user text is never interpreted.
 *
 * @since 0.1.0
 * @category constructors
 */
export const ftsQuery = (token: string, terms: ReadonlyArray<string>): string =>
  `part : "${token}" AND words : (${terms.map((t) => `"${t.replaceAll("\"", "\"\"")}"`).join(" OR ")})`
