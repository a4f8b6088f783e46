/**
 * Row codecs of the PostgreSQL backend: how memories, vectors, audit rows and workflow records look in
 * the tables.
 *
 * @since 0.1.0
 */
import { DateTime, Schema } from "effect"
import pgvector from "pgvector"
import { searchText } from "../../../src/domain/Memory.js"
import type * as Storage from "../../../src/services/Storage.js"
import * as SqlRows from "../../sql/rows.js"

export {
  /** @since 0.1.0 */
  MemoryJson
} from "../../sql/rows.js"

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
export const StoredRow = SqlRows.storedRow(Float32ArrayFromSql)

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
export const AuditRow = SqlRows.auditRow(DateTimeFromDate)

/**
 * A `workflow_records` row, selected with camel-case aliases.
 *
 * @since 0.1.0
 * @category schemas
 */
export const RecordRow = SqlRows.recordRow(DateTimeFromDate)

/**
 * A row to insert into `memories` (without `seq`, which PostgreSQL assigns). `search` becomes the
 * columns `search_tsv` and `search_len`.
 *
 * **Shape** `embedding`: the vector, of the storage's dimension; `created_at`, `updated_at`: `Date`.
 *
 * @since 0.1.0
 * @category models
 */
export type MemoryRow = SqlRows.MemoryColumns<Date> & {
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
export const toMemoryRow = (record: Storage.StoredMemory, body: string): MemoryRow => ({
  ...SqlRows.memoryColumns(record.memory, body, DateTime.toDate),
  search: searchIndex(searchText(record.memory)),
  embedding: record.embedding
})
