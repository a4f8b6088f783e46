/**
 * The SQL of the SQLite backend. Errors stay `SqlError` / `ParseError` here; `SqliteStorage` maps them.
 *
 * @since 0.1.0
 */
import type * as SqlClient from "@effect/sql/SqlClient"
import type { Fragment } from "@effect/sql/Statement"
import { Array as Arr, DateTime, Effect, Schema } from "effect"
import { NotFoundError } from "../../../src/domain/AlmaError.js"
import type { MemoryId, MemoryKind } from "../../../src/domain/Ids.js"
import type { Memory } from "../../../src/domain/Memory.js"
import { searchText } from "../../../src/domain/Memory.js"
import * as Storage from "../../../src/services/Storage.js"
import {
  AuditRow,
  ftsQuery,
  LexicalHitRow,
  MemoryJson,
  partitionKey,
  partitionToken,
  StoredRow,
  toBlob,
  toMemoryRow,
  VectorHitRow
} from "./rows.js"

/** Rows per multi-row statement: 8 columns × 250 stays far below SQLite's 32,766 bound variables. */
const chunkSize = 250

/** sqlite-vec rejects a KNN `k` above 4,096. */
const maxK = 4096

const encodeBody = Schema.encode(MemoryJson)
const decodeStored = Schema.decodeUnknown(Schema.Array(StoredRow))
const decodeBodies = Schema.decodeUnknown(Schema.Array(Schema.Struct({ body: MemoryJson })))
const decodeVectorHits = Schema.decodeUnknown(Schema.Array(VectorHitRow))
const decodeLexicalHits = Schema.decodeUnknown(Schema.Array(LexicalHitRow))
const decodeAudit = Schema.decodeUnknown(Schema.Array(AuditRow))

/**
 * The `NotFoundError` of a missing memory.
 *
 * @since 0.1.0
 * @category constructors
 */
export const notFound = (id: MemoryId): Effect.Effect<never, NotFoundError> =>
  Effect.fail(new NotFoundError({ entity: "memory", id }))

const partitions = (scope: Storage.SearchScope) =>
  Arr.dedupe(scope.owners).flatMap((owner) => Arr.dedupe(scope.kinds).map((kind) => ({ owner, kind })))

const clampK = (k: number): number => Number.isFinite(k) ? Math.min(Math.max(Math.floor(k), 0), maxK) : 0

/**
 * The queries over one client.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (sql: SqlClient.SqlClient) => {
  const removeIndexes = (seq: number) =>
    Effect.zipRight(
      sql`delete from memory_vectors where memory_seq = ${BigInt(seq)}`,
      sql`delete from memory_fts where rowid = ${BigInt(seq)}`
    )

  // A vec0 lookup by key is a point query only as the inner side of a join (an `IN` list scans), hence
  // the materialized selection joined to the vectors.
  const selectStored = (filter: Fragment, tail: Fragment, order: Fragment) =>
    sql`with picked as materialized (
      select seq, body, created_at from memories where ${filter} ${tail}
    ) select p.body as body, v.embedding as embedding
      from picked p join memory_vectors v on v.memory_seq = p.seq ${order}`.withoutTransform.pipe(
      Effect.flatMap(decodeStored),
      Effect.map(Arr.map((row): Storage.StoredMemory => ({ memory: row.body, embedding: row.embedding })))
    )

  const saveChunk = Effect.fnUntraced(function*(records: ReadonlyArray<Storage.StoredMemory>) {
    const rows = yield* Effect.forEach(
      records,
      (r) => Effect.map(encodeBody(r.memory), (body) => toMemoryRow(r.memory, body))
    )
    const existing = yield* sql<{ readonly seq: number }>`select seq from memories where ${
      sql.in("id", rows.map((r) => r.id))
    }`.withoutTransform
    yield* Effect.forEach(existing, ({ seq }) => removeIndexes(seq), { discard: true })
    const assigned = yield* sql<{ readonly seq: number; readonly id: string }>`insert into memories ${sql.insert(rows)}
      on conflict (id) do update set kind = excluded.kind, project_id = excluded.project_id,
        owner = excluded.owner, task_type = excluded.task_type, created_at = excluded.created_at,
        updated_at = excluded.updated_at, body = excluded.body
      returning seq, id`.withoutTransform
    const seqOf = new Map(assigned.map((row) => [row.id, BigInt(row.seq)]))
    const parts = rows.map((row) => partitionKey(row.project_id, row.owner, row.kind))
    yield* sql`insert into memory_vectors ${
      sql.insert(rows.map((row, i) => ({
        memory_seq: seqOf.get(row.id)!,
        part: parts[i]!,
        embedding: toBlob(records[i]!.embedding)
      })))
    }`
    yield* sql`insert into memory_fts ${
      sql.insert(rows.map((row, i) => ({
        rowid: seqOf.get(row.id)!,
        words: searchText(records[i]!.memory),
        part: partitionToken(parts[i]!)
      })))
    }`
  })

  const save = (records: ReadonlyArray<Storage.StoredMemory>) => {
    // Last record wins for a repeated id, as if saved one after another.
    const latest = new Map(records.map((r) => [r.memory.id, r]))
    if (latest.size === 0) return Effect.void
    return sql.withTransaction(
      Effect.forEach(Arr.chunksOf([...latest.values()], chunkSize), saveChunk, { discard: true })
    )
  }

  const getMany = (projectId: string, ids: ReadonlyArray<MemoryId>) =>
    Effect.gen(function*() {
      const found = new Map<string, Storage.StoredMemory>()
      for (const chunk of Arr.chunksOf(Arr.dedupe(ids), chunkSize)) {
        const stored = yield* selectStored(
          // `+project_id` keeps the planner on the unique id index rather than the project's whole range.
          sql`+project_id = ${projectId} and ${sql.in("id", chunk)}`,
          sql.literal(""),
          sql.literal("")
        )
        for (const s of stored) found.set(s.memory.id, s)
      }
      return ids.flatMap((id) => {
        const s = found.get(id)
        return s === undefined ? [] : [s]
      })
    })

  const vectorSearch = (scope: Storage.SearchScope, vector: Float32Array) =>
    Effect.gen(function*() {
      const k = clampK(scope.k)
      if (k === 0) return []
      const blob = toBlob(vector)
      const hits: Array<Storage.VectorHit> = []
      for (const { kind, owner } of partitions(scope)) {
        const rows = yield* sql`with knn as materialized (
          select memory_seq, distance from memory_vectors
          where embedding match ${blob} and k = ${k} and part = ${partitionKey(scope.projectId, owner, kind)}
        ) select m.id as id, knn.distance as distance
          from knn join memories m on m.seq = knn.memory_seq order by knn.distance`.withoutTransform
        hits.push(...(yield* decodeVectorHits(rows)))
      }
      return hits.sort((a, b) => a.distance - b.distance)
    })

  const lexicalSearch = (scope: Storage.SearchScope, text: string) =>
    Effect.gen(function*() {
      const k = clampK(scope.k)
      const terms = Storage.queryTerms(text)
      if (k === 0 || terms.length === 0) return []
      const hits: Array<Storage.LexicalHit> = []
      for (const { kind, owner } of partitions(scope)) {
        const query = ftsQuery(partitionToken(partitionKey(scope.projectId, owner, kind)), terms)
        // bm25 weights: words 1, part 0 (the partition token must not score). The join re-checks the
        // partition, so even a token collision could never return another project's memory.
        const rows = yield* sql`with hits as materialized (
          select rowid as seq, bm25(memory_fts, 1.0, 0.0) as score from memory_fts
          where memory_fts match ${query} order by score limit ${k}
        ) select m.id as id, -hits.score as bm25 from hits join memories m on m.seq = hits.seq
          where m.project_id = ${scope.projectId} and m.owner = ${owner} and m.kind = ${kind}
          order by hits.score`.withoutTransform
        hits.push(...(yield* decodeLexicalHits(rows)))
      }
      return hits.sort((a, b) => b.bm25 - a.bm25)
    })

  const list = (query: Storage.ListQuery) => {
    const filters: Array<Fragment> = [sql`project_id = ${query.projectId}`]
    if (query.owners !== undefined) {
      if (query.owners.length === 0) return Effect.succeed([])
      filters.push(sql.in("owner", Arr.dedupe(query.owners)))
    }
    if (query.kinds !== undefined) {
      if (query.kinds.length === 0) return Effect.succeed([])
      filters.push(sql.in("kind", Arr.dedupe(query.kinds)))
    }
    if (query.taskType !== undefined) filters.push(sql`task_type = ${query.taskType}`)
    if (query.createdBefore !== undefined) {
      filters.push(sql`created_at < ${DateTime.toEpochMillis(query.createdBefore)}`)
    }
    const limit = query.limit === undefined ? -1 : Math.max(0, Math.floor(query.limit))
    return sql`select body from memories where ${sql.and(filters)}
      order by created_at desc, seq desc limit ${limit}`.withoutTransform.pipe(
      Effect.flatMap(decodeBodies),
      Effect.map(Arr.map((row): Memory => row.body))
    )
  }

  const remove = (projectId: string, deletions: ReadonlyArray<Storage.Deletion>) =>
    Effect.gen(function*() {
      const reasons = new Map<string, string>()
      for (const d of deletions) if (!reasons.has(d.id)) reasons.set(d.id, d.reason)
      if (reasons.size === 0) return 0
      const deletedAt = DateTime.toEpochMillis(yield* DateTime.now)
      return yield* sql.withTransaction(Effect.gen(function*() {
        let deleted = 0
        for (const ids of Arr.chunksOf([...reasons.keys()], chunkSize)) {
          const found = yield* sql<{
            readonly seq: number
            readonly id: string
            readonly kind: string
            readonly owner: string
            readonly body: string
          }>`select seq, id, kind, owner, body from memories where +project_id = ${projectId} and ${
            sql.in("id", ids)
          }`.withoutTransform
          if (found.length === 0) continue
          yield* sql`insert into forget_audit ${
            sql.insert(found.map((row) => ({
              memory_id: row.id,
              kind: row.kind,
              project_id: projectId,
              owner: row.owner,
              reason: reasons.get(row.id) ?? "",
              deleted_at: deletedAt,
              snapshot: row.body
            })))
          }`
          yield* Effect.forEach(found, ({ seq }) => removeIndexes(seq), { discard: true })
          yield* sql`delete from memories where ${sql.in("seq", found.map((row) => row.seq))}`
          deleted += found.length
        }
        return deleted
      }))
    })

  const auditLog = (projectId: string, limit: number) =>
    sql`select memory_id as memoryId, kind, project_id as projectId, owner, reason, deleted_at as deletedAt,
      snapshot from forget_audit where project_id = ${projectId}
      order by deleted_at desc, seq desc limit ${Math.max(0, Math.floor(limit))}`.withoutTransform.pipe(
      Effect.flatMap(decodeAudit)
    )

  const stats = (projectId: string, owners?: ReadonlyArray<string> | undefined) =>
    Effect.gen(function*() {
      const rows = owners !== undefined && owners.length === 0 ? [] : yield* sql<{
        readonly kind: string
        readonly n: number
      }>`select kind, count(*) as n from memories where project_id = ${projectId} ${
        owners === undefined ? sql.literal("") : sql`and ${sql.in("owner", Arr.dedupe(owners))}`
      } group by kind`.withoutTransform
      const count = new Map(rows.map((row) => [row.kind, row.n]))
      const of = (kind: MemoryKind) => count.get(kind) ?? 0
      const counts: Storage.KindCounts = {
        heuristic: of("heuristic"),
        outcome: of("outcome"),
        user_preference: of("user_preference"),
        domain_knowledge: of("domain_knowledge"),
        anti_pattern: of("anti_pattern")
      }
      return counts
    })

  return { save, getMany, vectorSearch, lexicalSearch, list, delete: remove, auditLog, stats }
}
