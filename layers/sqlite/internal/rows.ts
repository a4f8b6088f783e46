/**
 * Row codecs of the SQLite backend: how memories, vectors, partitions and audit rows look in the file.
 *
 * @since 0.1.0
 */
import { DateTime, Schema } from "effect"
import { createHash } from "node:crypto"
import type { MemoryKind } from "../../../src/domain/Ids.js"
import type { Memory } from "../../../src/domain/Memory.js"
import * as SqlRows from "../../sql/rows.js"

export {
  /** @since 0.1.0 */
  MemoryJson
} from "../../sql/rows.js"

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
export const StoredRow = SqlRows.storedRow(Float32ArrayFromBlob)

/**
 * A `forget_audit` row, selected with camel-case aliases; `deletedAt` in epoch milliseconds.
 *
 * @since 0.1.0
 * @category schemas
 */
export const AuditRow = SqlRows.auditRow(Schema.DateTimeUtcFromNumber)

/**
 * A `workflow_records` row as selected with camel-case aliases; `createdAt` in epoch milliseconds.
 *
 * @since 0.1.0
 * @category schemas
 */
export const RecordRow = SqlRows.recordRow(Schema.DateTimeUtcFromNumber)

/**
 * A row to insert into `memories` (without `seq`, which SQLite assigns).
 *
 * **Units** `created_at`, `updated_at`: epoch milliseconds.
 *
 * @since 0.1.0
 * @category models
 */
export type MemoryRow = SqlRows.MemoryColumns<number>

/**
 * The `memories` row of a memory, given its encoded JSON body.
 *
 * @since 0.1.0
 * @category constructors
 */
export const toMemoryRow = (memory: Memory, body: string): MemoryRow =>
  SqlRows.memoryColumns(memory, body, DateTime.toEpochMillis)

/**
 * The vec0 partition key of a (project, owner, kind): every partition is scanned on its own.
 *
 * @since 0.1.0
 * @category constructors
 */
export const partitionKey = (projectId: string, owner: string, kind: MemoryKind): string =>
  `${projectId}\u0001${owner}\u0001${kind}`

/**
 * The owner whose index partition holds all user owners' (`@user/<userId>`) memories of a project
 * and kind. User ids come from request input, so users never get partitions of their own: a new user
 * costs rows, not tables. (`@` cannot occur in a name, so no agent is called that.)
 *
 * @since 0.1.0
 * @category constructors
 */
export const sharedUserOwner = "@user"

/**
 * Whether an owner's memories live in the shared user partition (`@user/<userId>` owners).
 *
 * @since 0.1.0
 * @category constructors
 */
export const isSharedOwner = (owner: string): boolean => owner.startsWith(`${sharedUserOwner}/`)

/**
 * The owner of the index partition an owner's memories are indexed in: the owner itself (agents), or
 * `sharedUserOwner` for every `@user/<userId>` owner.
 *
 * @since 0.1.0
 * @category constructors
 */
export const indexOwner = (owner: string): string => isSharedOwner(owner) ? sharedUserOwner : owner

/**
 * The key of the index partition (vec0 partition key, FTS5 table) holding a (project, owner, kind)'s
 * memories: `partitionKey` of (project, `indexOwner(owner)`, kind).
 *
 * @since 0.1.0
 * @category constructors
 */
export const indexPartitionKey = (projectId: string, owner: string, kind: MemoryKind): string =>
  partitionKey(projectId, indexOwner(owner), kind)

/**
 * The name of the FTS5 table holding one index partition's lexical index (see `indexPartitionKey`):
 * `memory_fts_` + 80 bits of SHA-256 of the partition key, in hex. Tables are registered in
 * `memory_fts_tables` (partition key → name) when their first memory is saved.
 *
 * @since 0.1.0
 * @category constructors
 */
export const ftsTableName = (partition: string): string =>
  `memory_fts_${createHash("sha256").update(partition).digest("hex").slice(0, 20)}`

/**
 * The bytes of a vector, as bound to SQLite (a view, no copy).
 *
 * @since 0.1.0
 * @category constructors
 */
export const toBlob = (vector: Float32Array): Uint8Array =>
  new Uint8Array(vector.buffer, vector.byteOffset, vector.byteLength)

/**
 * Levels of the candidate code, in units of `1/sqrt(dimensions)` (the typical size of a component of
 * a unit vector): each component of the normalised vector sets one bit per level it exceeds. Six
 * levels evenly spaced over [-1, 1] (BENCHMARKS.md compares 1 to 12 levels).
 */
const codeLevels = [-1, -0.6, -0.2, 0.2, 0.6, 1]

/**
 * Bits of the candidate code of a `dimensions`-long vector (`bit[N]` of the vec0 table): 6 per
 * component, rounded up to whole bytes.
 *
 * @since 0.1.0
 * @category constructors
 */
export const codeBits = (dimensions: number): number => Math.ceil((codeLevels.length * dimensions) / 8) * 8

/**
 * The candidate code of a vector: a thermometer code of its normalised components over six fixed
 * levels, so that the Hamming distance between two codes is the L1 distance between the vectors
 * quantised to seven levels per component. Vector search scans these codes (sqlite-vec's `bit`
 * vectors, 3/16 of the float32 bytes, a popcount per 64 bits instead of 64 multiply-adds) for
 * candidates, then ranks the candidates by exact cosine distance on the float vectors.
 *
 * **Shape** `codeBits(vector.length) / 8` bytes; bit `j × dimensions + i` is set when component `i`
 * exceeds level `j`. The zero vector gets the code of a vector of zeros.
 *
 * @since 0.1.0
 * @category constructors
 */
export const vectorCode = (vector: Float32Array): Uint8Array => {
  const dimensions = vector.length
  const code = new Uint8Array(codeBits(dimensions) / 8)
  let sum = 0
  for (let i = 0; i < dimensions; i++) sum += vector[i]! * vector[i]!
  const scale = sum > 0 ? Math.sqrt(dimensions / sum) : 0
  let bit = 0
  for (const level of codeLevels) {
    for (let i = 0; i < dimensions; i++, bit++) {
      if (vector[i]! * scale > level) code[bit >> 3]! |= 1 << (bit & 7)
    }
  }
  return code
}

/**
 * The FTS5 query matching any of `terms`. Each term is a quoted string, so query syntax (`AND`,
 * `NEAR`, `*`, `:`) in user text is never interpreted.
 *
 * @since 0.1.0
 * @category constructors
 */
export const ftsQuery = (terms: ReadonlyArray<string>): string =>
  terms.map((t) => `"${t.replaceAll("\"", "\"\"")}"`).join(" OR ")
