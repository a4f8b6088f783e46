/**
 * The SQL of the PostgreSQL backend for memories. Errors stay `SqlError` / `ParseError` here;
 * `PgStorage` maps them.
 *
 * @since 0.1.0
 */
import type * as SqlClient from "@effect/sql/SqlClient"
import { SqlError } from "@effect/sql/SqlError"
import type { Fragment } from "@effect/sql/Statement"
import { Array as Arr, DateTime, Effect, Schema } from "effect"
import type { MemoryId, MemoryKind } from "../../../src/domain/Ids.js"
import type { Memory } from "../../../src/domain/Memory.js"
import { fnv1a } from "../../../src/internal/hash.js"
import * as Storage from "../../../src/services/Storage.js"
import { BodyRows, kindCounts } from "../../sql/rows.js"
import { AuditRow, StoredRow, tsqueryText, vectorToSql } from "./rows.js"
import type { Tables } from "./tables.js"
import type { MemoryRow } from "./rows.js"
import { checkUpserted, chunkSize, prepareRows, upsertStatement } from "./writes.js"

/** Ids per `= any($1)` lookup. */
const idsPerQuery = 5000

const decodeStored = Schema.decodeUnknown(Schema.Array(StoredRow))
const decodeBodies = Schema.decodeUnknown(BodyRows)
const decodeAudit = Schema.decodeUnknown(Schema.Array(AuditRow))

/** A search hit as selected: the partition it came from (1-based) and its score. */
interface HitRow {
  readonly p: string | number
  readonly id: string
  readonly score: number
}

const clampK = (k: number): number => Number.isFinite(k) ? Math.max(Math.floor(k), 0) : 0

/** The (owner, kind) partitions of a scope, without repeats, as two parallel arrays. */
const partitions = (scope: Storage.SearchScope) => {
  const owners: Array<string> = []
  const kinds: Array<MemoryKind> = []
  for (const owner of Arr.dedupe(scope.owners)) {
    for (const kind of Arr.dedupe(scope.kinds)) {
      owners.push(owner)
      kinds.push(kind)
    }
  }
  return { owners, kinds }
}

/**
 * How vector search gets iterative HNSW scans: `session` when every connection already has
 * `hnsw.iterative_scan = relaxed_order` (connection parameter, or `ALTER DATABASE/ROLE … SET`),
 * `local` to set it (and `hnsw.ef_search`) per query in a transaction (a few more round trips).
 *
 * @since 0.1.0
 * @category models
 */
export type IterativeScan = { readonly _tag: "session" } | { readonly _tag: "local"; readonly efSearch: number }

/**
 * The memory queries over one client and schema, for vectors of `dimensions`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (sql: SqlClient.SqlClient, t: Tables, dimensions: number, iterativeScan: IterativeScan) => {
  /** Audit rows of an audited save, written before the upsert: the previous body of a replaced id. */
  const auditSave = (rows: ReadonlyArray<MemoryRow>, reason: string) =>
    Effect.gen(function*() {
      const before = new Map<string, string>()
      for (const chunk of Arr.chunksOf(rows, idsPerQuery)) {
        const found = yield* sql<{ readonly id: string; readonly project_id: string; readonly body: string }>`select
          id, project_id, body from ${t.memories} where id = any(${chunk.map((r) => r.id)}::text[])`
        for (const row of found) before.set(row.id, row.body)
      }
      const at = DateTime.toDate(yield* DateTime.now)
      for (const chunk of Arr.chunksOf(rows, chunkSize)) {
        yield* sql`insert into ${t.audit} ${
          sql.insert(chunk.map((row) => ({
            memory_id: row.id,
            kind: row.kind,
            project_id: row.project_id,
            owner: row.owner,
            action: "import",
            reason: `${reason}: ${before.has(row.id) ? "replaced" : "new"}`,
            deleted_at: at,
            snapshot: before.get(row.id) ?? row.body
          })))
        }`
      }
    })

  /**
   * Multi-row upserts of `chunkSize` rows, in one transaction (with the audit rows when asked). An id
   * held by another project fails the whole transaction.
   */
  const save = (records: ReadonlyArray<Storage.StoredMemory>, options?: Storage.SaveOptions) =>
    Effect.gen(function*() {
      const rows = yield* prepareRows(records, dimensions)
      if (rows.length === 0) return
      yield* sql.withTransaction(Effect.gen(function*() {
        if (options?.audit !== undefined) yield* auditSave(rows, options.audit.reason)
        for (const chunk of Arr.chunksOf(rows, chunkSize)) {
          yield* checkUpserted(chunk, yield* upsertStatement(sql, t, chunk))
        }
      }))
    })

  const foreignIds = (projectId: string, ids: ReadonlyArray<MemoryId>) =>
    Effect.map(
      Effect.forEach(Arr.chunksOf(Arr.dedupe(ids), idsPerQuery), (chunk) =>
        sql<{ readonly id: MemoryId }>`select id from ${t.memories}
          where id = any(${chunk}::text[]) and project_id <> ${projectId}`),
      (groups) => groups.flat().map((row) => row.id)
    )

  /**
   * `effect` in one transaction holding the advisory lock of (schema, project, key), as two 32-bit
   * keys hashed here (text with NUL cannot be a PostgreSQL parameter). Hash collisions only serialise
   * unrelated sections.
   */
  const lockSpace = fnv1a(`alma-memory/exclusive:${t.schemaName}`) | 0
  const exclusive = <A, E, R>(projectId: string, key: string, effect: Effect.Effect<A, E, R>) =>
    sql.withTransaction(Effect.zipRight(
      sql`select pg_advisory_xact_lock(${lockSpace}::int4, ${fnv1a(`${projectId}\u0000${key}`) | 0}::int4)`,
      effect
    ))

  const getMany = (projectId: string, ids: ReadonlyArray<MemoryId>) =>
    Effect.gen(function*() {
      const found = new Map<string, Storage.StoredMemory>()
      for (const chunk of Arr.chunksOf(Arr.dedupe(ids), idsPerQuery)) {
        const rows = yield* sql`select body, embedding from ${t.memories}
          where project_id = ${projectId} and id = any(${chunk}::text[])`
        for (const row of yield* decodeStored(rows)) {
          found.set(row.body.id, { memory: row.body, embedding: row.embedding })
        }
      }
      return ids.flatMap((id) => {
        const s = found.get(id)
        return s === undefined ? [] : [s]
      })
    })

  const withIterativeScan = <A, E, R>(effect: Effect.Effect<A, E, R>) =>
    iterativeScan._tag === "session" ? effect : sql.withTransaction(Effect.zipRight(
      sql`select set_config('hnsw.iterative_scan', 'relaxed_order', true),
        set_config('hnsw.ef_search', ${String(iterativeScan.efSearch)}, true)`,
      effect
    ))

  /** The best `k` of each partition (smaller or larger `score` first), all of them in one list. */
  const bestPerPartition = (rows: ReadonlyArray<HitRow>, k: number, order: 1 | -1) =>
    Object.values(Arr.groupBy(rows, (row) => String(row.p)))
      .flatMap((list) => list.sort((a, b) => order * (a.score - b.score)).slice(0, k))

  // One statement: a lateral top-k per (owner, kind), each carrying the project, owner and kind
  // predicates, so the HNSW scan (or the b-tree, for a small partition) only returns that partition's
  // rows. Relaxed-order iterative scans may return a partition's hits slightly out of order: they are
  // sorted again here.
  const vectorSearch = (scope: Storage.SearchScope, vector: Float32Array) =>
    Effect.gen(function*() {
      const k = clampK(scope.k)
      const { kinds, owners } = partitions(scope)
      if (k === 0 || owners.length === 0) return []
      if (vector.length !== dimensions) {
        return yield* new SqlError({
          cause: new RangeError(`expected a ${dimensions}-dimensional query vector, got ${vector.length}`),
          message: "Vector dimension mismatch"
        })
      }
      const rows = yield* withIterativeScan(sql<HitRow>`select p.i as p, h.id as id, h.score as score
        from unnest(${owners}::text[], ${kinds}::text[]) with ordinality as p(owner, kind, i)
        cross join lateral (
          select m.id, m.embedding <=> ${vectorToSql(vector)}::vector as score from ${t.memories} m
          where m.project_id = ${scope.projectId} and m.owner = p.owner and m.kind = p.kind
          order by score limit ${k}
        ) h`)
      return bestPerPartition(rows, k, 1)
        .map((row): Storage.VectorHit => ({ id: row.id as MemoryId, distance: row.score }))
        .sort((a, b) => a.distance - b.distance)
    })

  // BM25 as the in-memory backend and SQLite's FTS5 compute it (k1 1.2, b 0.75, idf
  // max(1e-6, ln((n − df + 0.5)/(df + 0.5))), FTS5's floor; document length in words), with the
  // statistics of each (owner, kind) partition: its size and mean length (`search_len`, read from the
  // partition index), and each term's document frequency among the partition's matches
  // (`search_tsv @@` any term, GIN index); term frequencies are the words' position counts in
  // `search_tsv`.
  const lexicalSearch = (scope: Storage.SearchScope, text: string) =>
    Effect.gen(function*() {
      const k = clampK(scope.k)
      const terms = Storage.queryTerms(text)
      const { kinds, owners } = partitions(scope)
      if (k === 0 || terms.length === 0 || owners.length === 0) return []
      const rows = yield* sql<HitRow>`with q as (select ${tsqueryText(terms)}::tsquery as q, ${terms}::text[] as terms),
        parts as (select owner, kind, i from unnest(${owners}::text[], ${kinds}::text[]) with ordinality as p(owner, kind, i)),
        matches as materialized (
          select p.i, m.id, m.search_len, m.search_tsv
          from q, parts p join ${t.memories} m
            on m.project_id = ${scope.projectId} and m.owner = p.owner and m.kind = p.kind
          where m.search_tsv @@ q.q
        ),
        stats as (
          select p.i, count(*)::float8 as n, avg(m.search_len)::float8 as avgdl
          from parts p join ${t.memories} m
            on m.project_id = ${scope.projectId} and m.owner = p.owner and m.kind = p.kind
          where p.i in (select i from matches)
          group by p.i
        ),
        tf as (
          select mt.i, mt.id, mt.search_len, l.lexeme, cardinality(l.positions)::float8 as tf
          from q, matches mt cross join lateral unnest(mt.search_tsv) l
          where l.lexeme = any(q.terms)
        ),
        df as (select i, lexeme, count(*)::float8 as df from tf group by i, lexeme),
        scored as (
          select tf.i, tf.id, sum(
            greatest(1e-6, ln((s.n - df.df + 0.5) / (df.df + 0.5))) * tf.tf * 2.2
              / (tf.tf + 1.2 * (0.25 + 0.75 * tf.search_len / s.avgdl))
          ) as score
          from tf join df on df.i = tf.i and df.lexeme = tf.lexeme join stats s on s.i = tf.i
          group by tf.i, tf.id
        ),
        ranked as (
          select i, id, score, row_number() over (partition by i order by score desc, id collate "C") as r from scored
        )
        select i as p, id, score from ranked where r <= ${k}`
      return bestPerPartition(rows, k, -1)
        .map((row): Storage.LexicalHit => ({ id: row.id as MemoryId, bm25: row.score }))
        .sort((a, b) => b.bm25 - a.bm25)
    })

  const list = (query: Storage.ListQuery) => {
    const filters: Array<Fragment> = [sql`project_id = ${query.projectId}`]
    if (query.owners !== undefined) {
      if (query.owners.length === 0) return Effect.succeed([])
      filters.push(sql`owner = any(${Arr.dedupe(query.owners)}::text[])`)
    }
    if (query.kinds !== undefined) {
      if (query.kinds.length === 0) return Effect.succeed([])
      filters.push(sql`kind = any(${Arr.dedupe(query.kinds)}::text[])`)
    }
    if (query.taskType !== undefined) filters.push(sql`task_type = ${query.taskType}`)
    if (query.createdBefore !== undefined) filters.push(sql`created_at < ${DateTime.toDate(query.createdBefore)}`)
    const limit = query.limit === undefined ? sql.literal("all") : sql`${Math.max(0, Math.floor(query.limit))}`
    return sql`select body from ${t.memories} where ${sql.and(filters)}
      order by created_at desc, seq desc limit ${limit}`.pipe(
      Effect.flatMap(decodeBodies),
      Effect.map(Arr.map((row): Memory => row.body))
    )
  }

  // One statement (atomic by itself): the deleted rows feed the audit insert and take their linked
  // artifact records with them.
  const remove = (projectId: string, deletions: ReadonlyArray<Storage.Deletion>) =>
    Effect.gen(function*() {
      const reasons = new Map<string, string>()
      for (const d of deletions) if (!reasons.has(d.id)) reasons.set(d.id, d.reason)
      if (reasons.size === 0) return 0
      const deletedAt = DateTime.toDate(yield* DateTime.now)
      const rows = yield* sql`with gone as (
          delete from ${t.memories} where project_id = ${projectId} and id = any(${[...reasons.keys()]}::text[])
          returning id, kind, owner, body
        ),
        orphans as (
          delete from ${t.records} where project_id = ${projectId} and collection = 'artifact'
            and parent in (select id from gone)
        )
        insert into ${t.audit} (memory_id, kind, project_id, owner, reason, deleted_at, snapshot)
        select g.id, g.kind, ${projectId}, g.owner, r.reason, ${deletedAt}, g.body
        from gone g join unnest(${[...reasons.keys()]}::text[], ${[...reasons.values()]}::text[]) as r(id, reason)
          on r.id = g.id
        returning memory_id`
      return rows.length
    })

  const auditLog = (projectId: string, limit: number) =>
    sql`select memory_id as "memoryId", kind, project_id as "projectId", owner, action, reason,
      deleted_at as "deletedAt", snapshot from ${t.audit} where project_id = ${projectId}
      order by deleted_at desc, seq desc limit ${Math.max(0, Math.floor(limit))}`.pipe(Effect.flatMap(decodeAudit))

  const stats = (projectId: string, owners?: ReadonlyArray<string> | undefined) =>
    Effect.gen(function*() {
      const rows = owners !== undefined && owners.length === 0 ? [] : yield* sql<{
        readonly kind: string
        readonly n: number
      }>`select kind, count(*)::int as n from ${t.memories} where project_id = ${projectId} ${
        owners === undefined ? sql.literal("") : sql`and owner = any(${Arr.dedupe(owners)}::text[])`
      } group by kind`
      return kindCounts(rows)
    })

  return { save, foreignIds, exclusive, getMany, vectorSearch, lexicalSearch, list, delete: remove, auditLog, stats }
}
