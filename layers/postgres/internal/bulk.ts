/**
 * Large saves of the PostgreSQL backend through `COPY … FROM STDIN (FORMAT binary)` (pg-copy-streams)
 * on a connection of the storage's own pool, in one transaction: memories whose id is new stream
 * straight into `memories` (vectors as pgvector's binary form: no float printing or parsing);
 * memories replacing a stored id go through the multi-row upsert. Same semantics as the `INSERT`
 * path: replace by id, all or nothing.
 *
 * @since 0.1.0
 */
import type * as SqlClient from "@effect/sql/SqlClient"
import { SqlError } from "@effect/sql/SqlError"
import { Array as Arr, Effect, Exit } from "effect"
import { endianness } from "node:os"
import { Readable } from "node:stream"
import { pipeline } from "node:stream/promises"
import type * as Pg from "pg"
import { from as copyFrom } from "pg-copy-streams"
import type * as Storage from "../../../src/services/Storage.js"
import { checkUpserted, chunkSize, prepareRows, upsertStatement } from "./writes.js"
import type { MemoryRow, SearchIndex } from "./rows.js"
import type { Tables } from "./tables.js"

/**
 * The pool `COPY` runs on (the storage's own).
 *
 * @since 0.1.0
 * @category models
 */
export type CopyPool = Pg.Pool

/**
 * Memories per save from which `COPY` is used instead of multi-row `INSERT`s. Measured with
 * `alma bench latency --config <postgres config>` (formerly src/bench/pg/bulk.ts, commit bf5f598) (512-d, without the HNSW index, on a shared 2-core machine), memories/s
 * through `INSERT` against `COPY`: batches of 25, 1,900 against 4,000; of 100, 2,300 against 5,600;
 * of 500, 2,300 against 8,300; one of 20,000, 1,600 against 4,600–10,500 (printing and parsing the
 * vectors' text dominates `INSERT`).
 *
 * @since 0.1.0
 * @category constants
 */
export const threshold = 25

/**
 * A save of at least `rebuildMin` memories into a table of at most `rebuildRatio` times as many drops
 * the HNSW index and builds it again after the load, instead of inserting into it row by row: a
 * build costs about a ninth of the inserts per row (20k × 512-d: 5.6 s to build; 65 s to insert
 * through the index, against 13 s without it; `alma bench latency --config <postgres config>` (formerly src/bench/pg/bulk.ts, commit bf5f598)). The table stays locked (other
 * sessions' reads and writes of the schema wait) until the save commits; the build may use up to
 * `buildMemoryMiB` of server memory.
 *
 * @since 0.1.0
 * @category constants
 */
export const rebuildMin = 2000

/** See `rebuildMin`: the largest table, as a multiple of the batch, whose index is rebuilt. */
export const rebuildRatio = 2

/** `maintenance_work_mem` of an index rebuild (this transaction only): the graph of 100k × 512-d
 * vectors fits (pgvector builds on disk, much slower, once it does not). */
const buildMemoryMiB = 512

/** Rows per buffer written to the COPY stream. */
const rowsPerWrite = 256

/** Milliseconds from the Unix epoch to PostgreSQL's (2000-01-01T00:00:00Z). */
const pgEpochMillis = Date.UTC(2000, 0, 1)

const header = Buffer.from([...Buffer.from("PGCOPY\n\xff\r\n\0", "latin1"), 0, 0, 0, 0, 0, 0, 0, 0])
const trailer = Buffer.from([0xff, 0xff])

const columns = [
  "id",
  "kind",
  "project_id",
  "owner",
  "task_type",
  "created_at",
  "updated_at",
  "body",
  "search_tsv",
  "search_len",
  "embedding"
]

/**
 * `rows` in COPY's binary format (no header): per row the field count, then each field as its byte
 * length and bytes, all big-endian: text as UTF-8; `timestamptz` as microseconds since 2000-01-01
 * (int64); `tsvector` as `tsvectorrecv` reads it (int32 word count, then per word its UTF-8 bytes, a
 * NUL, an int16 position count and int16 positions); `integer` as int32; `vector` as pgvector's
 * `vector_recv` form (int16 dimension, int16 0, float4 components).
 *
 * @since 0.1.0
 * @category constructors
 */
export const encodeRows = (rows: ReadonlyArray<MemoryRow>): Buffer => {
  let size = 0
  for (const row of rows) {
    size += 2 + columns.length * 4 + 2 * 8 + 4 + 4 + 4 * row.embedding.length + 4
    for (const text of textsOf(row)) size += text === null ? 0 : Buffer.byteLength(text, "utf8")
    for (const [lexeme, positions] of row.search.lexemes) {
      size += Buffer.byteLength(lexeme, "utf8") + 1 + 2 + 2 * positions.length
    }
  }
  const out = Buffer.allocUnsafe(size)
  let at = 0
  const text = (value: string | null) => {
    if (value === null) {
      at = out.writeInt32BE(-1, at)
      return
    }
    const length = out.write(value, at + 4, "utf8")
    out.writeInt32BE(length, at)
    at += 4 + length
  }
  const timestamp = (date: Date) => {
    at = out.writeInt32BE(8, at)
    at = out.writeBigInt64BE(BigInt(date.getTime() - pgEpochMillis) * 1000n, at)
  }
  const tsvector = (index: SearchIndex) => {
    const start = at
    at += 4
    at = out.writeInt32BE(index.lexemes.length, at)
    for (const [lexeme, positions] of index.lexemes) {
      at += out.write(lexeme, at, "utf8")
      at = out.writeUInt8(0, at)
      at = out.writeUInt16BE(positions.length, at)
      for (const position of positions) at = out.writeUInt16BE(position, at)
    }
    out.writeInt32BE(at - start - 4, start)
  }
  for (const row of rows) {
    at = out.writeInt16BE(columns.length, at)
    text(row.id)
    text(row.kind)
    text(row.project_id)
    text(row.owner)
    text(row.task_type)
    timestamp(row.created_at)
    timestamp(row.updated_at)
    text(row.body)
    tsvector(row.search)
    at = out.writeInt32BE(4, at)
    at = out.writeInt32BE(row.search.length, at)
    const vector = row.embedding
    at = out.writeInt32BE(4 + 4 * vector.length, at)
    at = out.writeInt16BE(vector.length, at)
    at = out.writeInt16BE(0, at)
    // The floats' bytes as the platform holds them, then swapped in place to network order.
    const bytes = Buffer.from(vector.buffer, vector.byteOffset, vector.byteLength)
    bytes.copy(out, at)
    if (littleEndian) out.subarray(at, at + bytes.length).swap32()
    at += bytes.length
  }
  return out.subarray(0, at)
}

const textsOf = (row: MemoryRow) => [row.id, row.kind, row.project_id, row.owner, row.task_type, row.body] as const

const littleEndian = endianness() === "LE"

function* copyData(rows: ReadonlyArray<MemoryRow>): Generator<Buffer> {
  yield header
  for (const chunk of Arr.chunksOf(rows, rowsPerWrite)) yield encodeRows(chunk)
  yield trailer
}

const failed = (message: string) => (cause: unknown) => new SqlError({ cause, message })

/** A unique violation: another process saved one of the new ids since this save looked. */
const isUniqueViolation = (error: SqlError) => (error.cause as { code?: unknown } | undefined)?.code === "23505"

/**
 * The bulk writer over `pool` for the tables of one schema; `sql` (the storage's client) compiles
 * the statements run on the pool's connection.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (pool: CopyPool, sql: SqlClient.SqlClient, t: Tables, dimensions: number) => {
  const hnswIndex = t.qualified("memories_embedding")
  const copy = `copy ${t.qualified("memories")} (${columns.join(", ")}) from stdin (format binary)`

  const query = (client: Pg.PoolClient, text: string, params: ReadonlyArray<unknown> = []) =>
    Effect.tryPromise({
      try: () => client.query<{ readonly id: string }>(text, params as Array<unknown>),
      catch: failed("Failed to execute statement")
    })

  /**
   * Whether to rebuild the HNSW index rather than insert into it: a batch of `rebuildMin` or more
   * into a table holding at most `rebuildRatio` times as many rows (counted up to that bound only).
   * Serialised per schema (advisory lock) so two such saves never wait on each other's table lock.
   */
  const shouldRebuild = (client: Pg.PoolClient, batch: number) =>
    Effect.gen(function*() {
      if (batch < rebuildMin) return false
      yield* query(client, "select pg_advisory_xact_lock(hashtext($1))", [`alma-memory/bulk:${t.schemaName}`])
      const bound = rebuildRatio * batch
      const [text, params] = sql`select count(*)::int as n from (select 1 from ${t.memories} limit ${bound + 1}) s`
        .compile()
      const [row] = (yield* query(client, text, params)).rows as unknown as ReadonlyArray<{ readonly n: number }>
      return (row?.n ?? 0) <= bound
    })

  const transaction = (client: Pg.PoolClient, rows: ReadonlyArray<MemoryRow>) =>
    Effect.gen(function*() {
      yield* query(client, "begin")
      const exit = yield* Effect.exit(Effect.gen(function*() {
        let index: string | undefined
        if (yield* shouldRebuild(client, rows.length)) {
          // No index (dropped by hand): nothing to rebuild.
          const [row] = (yield* query(client, "select pg_get_indexdef(to_regclass($1)) as def", [hnswIndex])).rows as
            unknown as ReadonlyArray<{ readonly def: string | null }>
          index = row?.def ?? undefined
          if (index !== undefined) yield* query(client, `drop index ${hnswIndex}`)
        }
        const existing = new Set<string>()
        for (const ids of Arr.chunksOf(rows.map((row) => row.id), 10_000)) {
          const [text, params] = sql`select id from ${t.memories} where id = any(${ids}::text[])`.compile()
          for (const row of (yield* query(client, text, params)).rows) existing.add(row.id)
        }
        const [fresh, replaced] = Arr.partition(rows, (row) => existing.has(row.id))
        for (const chunk of Arr.chunksOf(replaced, chunkSize)) {
          const [text, params] = upsertStatement(sql, t, chunk).compile()
          yield* checkUpserted(chunk, (yield* query(client, text, params)).rows)
        }
        if (fresh.length > 0) {
          yield* Effect.tryPromise({
            try: () => pipeline(Readable.from(copyData(fresh)), client.query(copyFrom(copy))),
            catch: failed("COPY failed")
          })
        }
        if (index !== undefined) {
          yield* query(client, `set local maintenance_work_mem = '${buildMemoryMiB}MB'`)
          yield* query(client, index)
        }
        yield* query(client, "commit")
      }))
      if (Exit.isFailure(exit)) {
        yield* query(client, "rollback").pipe(Effect.ignore)
        return yield* exit
      }
    })

  /** Saves in one transaction; `fallback` (the `INSERT` path) when a concurrent save took a new id. */
  const save = <E>(
    records: ReadonlyArray<Storage.StoredMemory>,
    fallback: (records: ReadonlyArray<Storage.StoredMemory>) => Effect.Effect<void, E>
  ) =>
    Effect.gen(function*() {
      const rows = yield* prepareRows(records, dimensions)
      if (rows.length === 0) return
      yield* Effect.acquireUseRelease(
        Effect.tryPromise({ try: () => pool.connect(), catch: failed("Failed to acquire connection") }),
        (client) => transaction(client, rows),
        // A connection whose transaction failed is discarded rather than reused in an unknown state.
        (client, exit) => Effect.sync(() => client.release(Exit.isFailure(exit) ? true : undefined))
      ).pipe(Effect.catchIf(isUniqueViolation, () => fallback(records)))
    })

  return { save }
}

/**
 * @since 0.1.0
 * @category models
 */
export type Bulk = ReturnType<typeof make>
