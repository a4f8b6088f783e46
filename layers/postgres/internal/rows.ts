/**
 * Row codecs of the PostgreSQL backend: how memories, vectors, audit rows and workflow records look in
 * the tables.
 *
 * @since 0.1.0
 */
import { DateTime, Schema } from "effect"
import pgvector from "pgvector"
import { MemoryId, MemoryKind } from "../../../src/domain/Ids.js"
import { Memory, ownerOf, searchText } from "../../../src/domain/Memory.js"
import { AuditAction, ForgetAudit } from "../../../src/services/Storage.js"
import type * as Storage from "../../../src/services/Storage.js"

/**
 * A memory as JSON text (the `body` column, `text`): `Schema.encode(Memory)` serialised. Kept as text
 * rather than `jsonb`, which would reject the escape `\u0000` and lose `-0`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const MemoryJson = Schema.parseJson(Memory)

/**
 * A vector in pgvector's text form, `[x1,x2,…]`, as bound to a `vector` column or cast with
 * `::vector`. Float32 components printed as doubles parse back (pgvector's `strtof`) to the same float.
 *
 * @since 0.1.0
 * @category constructors
 */
export const vectorToSql = (vector: Float32Array): string => pgvector.toSql(Array.from(vector)) as string

/**
 * A `vector` column as read back (node-postgres returns pgvector's text form as a string).
 *
 * **Shape** `Float32Array` of the column's dimension; each component is the stored float exactly.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Float32ArrayFromSql = Schema.transform(
  Schema.String.pipe(Schema.pattern(/^\[.*\]$/s)),
  Schema.declare((u): u is Float32Array => u instanceof Float32Array, { identifier: "Float32Array" }),
  {
    strict: true,
    decode: (text) => Float32Array.from(pgvector.fromSql(text) as Array<number>),
    encode: vectorToSql
  }
)

/**
 * A stored memory as selected: its JSON body and its vector.
 *
 * @since 0.1.0
 * @category schemas
 */
export const StoredRow = Schema.Struct({ body: MemoryJson, embedding: Float32ArrayFromSql })

/**
 * A `timestamptz` column as node-postgres returns it (a `Date`), as a `DateTime.Utc`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const DateTimeFromDate = Schema.DateTimeUtcFromDate

/**
 * A `forget_audit` row, selected with camel-case aliases.
 *
 * @since 0.1.0
 * @category schemas
 */
export const AuditRow = Schema.transform(
  Schema.Struct({
    memoryId: MemoryId,
    kind: MemoryKind,
    projectId: Schema.String,
    owner: Schema.String,
    action: AuditAction,
    reason: Schema.String,
    deletedAt: DateTimeFromDate,
    snapshot: Schema.String
  }),
  Schema.typeSchema(ForgetAudit),
  { strict: true, decode: (row) => ForgetAudit.make(row), encode: (audit) => ({ ...audit }) }
)

/**
 * A `workflow_records` row, selected with camel-case aliases.
 *
 * @since 0.1.0
 * @category schemas
 */
export const RecordRow = Schema.Struct({
  projectId: Schema.String,
  collection: Schema.Literal("checkpoint", "artifact"),
  id: Schema.String,
  parent: Schema.String,
  createdAt: DateTimeFromDate,
  data: Schema.String
})

/**
 * A row to insert into `memories` (without `seq`, which PostgreSQL assigns). `search` becomes the
 * columns `search_tsv` and `search_len`.
 *
 * **Shape** `embedding`: the vector, of the storage's dimension; `created_at`, `updated_at`: `Date`.
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
  readonly created_at: Date
  readonly updated_at: Date
  readonly body: string
  readonly search: SearchIndex
  readonly embedding: Float32Array
}

/**
 * The lexical index entry of a text: its words, as `Storage.queryTerms` and the in-memory backend's
 * BM25 split them (lower-cased runs of letters and digits, stop words included, no stemming), each
 * with its 1-based positions; and the number of words (BM25's document length).
 *
 * **Shape** `lexemes`: sorted by code unit, no repeats; positions ascending, at most 256 per word and
 * at most 16,383 (PostgreSQL's `tsvector` limits: a word repeated more often counts 256 times);
 * words longer than 2,047 bytes are left out of `lexemes` (still counted in `length`).
 *
 * @since 0.1.0
 * @category models
 */
export interface SearchIndex {
  readonly lexemes: ReadonlyArray<readonly [lexeme: string, positions: ReadonlyArray<number>]>
  readonly length: number
}

const maxPositions = 256
const maxPosition = 16383
const maxLexemeBytes = 2047

/**
 * The words of a text for BM25: lower-cased runs of letters and digits (the in-memory backend's
 * tokenisation; `Storage.queryTerms` also drops stop words and one-letter words from queries).
 *
 * @since 0.1.0
 * @category constructors
 */
export const words = (text: string): ReadonlyArray<string> => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []

/**
 * The lexical index entry of a text (see `SearchIndex`).
 *
 * @since 0.1.0
 * @category constructors
 */
export const searchIndex = (text: string): SearchIndex => {
  const all = words(text)
  const positions = new Map<string, Array<number>>()
  all.forEach((word, i) => {
    const list = positions.get(word)
    const position = Math.min(i + 1, maxPosition)
    if (list === undefined) positions.set(word, [position])
    else if (list.length < maxPositions && list[list.length - 1] !== position) list.push(position)
  })
  const lexemes = [...positions.entries()]
    .filter(([word]) => Buffer.byteLength(word, "utf8") <= maxLexemeBytes)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  return { lexemes, length: all.length }
}

/**
 * A lexical index entry in `tsvector`'s text form, `'word':1,4 'other':2`. Words hold only letters
 * and digits, so nothing needs escaping.
 *
 * @since 0.1.0
 * @category constructors
 */
export const tsvectorText = (index: SearchIndex): string =>
  index.lexemes.map(([lexeme, positions]) => `'${lexeme}':${positions.join(",")}`).join(" ")

/**
 * The `tsquery` matching any of `terms` (words as `words` splits them): `'a' | 'b'`, each term a
 * quoted lexeme, so nothing in user text is read as query syntax.
 *
 * @since 0.1.0
 * @category constructors
 */
export const tsqueryText = (terms: ReadonlyArray<string>): string =>
  terms.map((term) => `'${term.replaceAll("'", "''").replaceAll("\\", "\\\\")}'`).join(" | ")

/**
 * The `memories` row of a stored memory, given its encoded JSON body.
 *
 * @since 0.1.0
 * @category constructors
 */
export const toMemoryRow = (record: Storage.StoredMemory, body: string): MemoryRow => {
  const memory = record.memory
  return {
    id: memory.id,
    kind: memory.kind,
    project_id: memory.projectId,
    owner: ownerOf(memory),
    task_type: "taskType" in memory ? memory.taskType ?? null : null,
    created_at: DateTime.toDate(memory.createdAt),
    updated_at: DateTime.toDate(memory.updatedAt),
    body,
    search: searchIndex(searchText(memory)),
    embedding: record.embedding
  }
}
