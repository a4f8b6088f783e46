/**
 * The SQL of the SQLite backend. Errors stay `SqlError` / `ParseError` here; `SqliteStorage` maps them.
 *
 * @since 0.1.0
 */
import type * as SqlClient from "@effect/sql/SqlClient"
import { SqlError } from "@effect/sql/SqlError"
import type { Fragment } from "@effect/sql/Statement"
import { Array as Arr, DateTime, Effect, Schema } from "effect"
import type { MemoryId, MemoryKind } from "../../../src/domain/Ids.js"
import type { Memory } from "../../../src/domain/Memory.js"
import { searchText } from "../../../src/domain/Memory.js"
import * as Storage from "../../../src/services/Storage.js"
import { BodyRows, kindCounts } from "../../sql/rows.js"
import * as Indexes from "./indexes.js"
import { makeWriteTransaction } from "./transaction.js"
import {
  AuditRow,
  ftsQuery,
  isSharedOwner,
  MemoryJson,
  partitionKey,
  StoredRow,
  toBlob,
  toMemoryRow,
  vectorCode
} from "./rows.js"
import * as Users from "./users.js"

/** Rows per multi-row statement: 8 columns × 250 stays far below SQLite's 32,766 bound variables. */
const chunkSize = 250

/** Partitions per search statement (one compound `SELECT` branch each; SQLite allows 500). */
const branchesPerStatement = 100

/** sqlite-vec rejects a KNN `k` above 4,096. */
const maxK = 4096

/**
 * Candidates per partition that vector search takes from the code scan before ranking them by exact
 * cosine distance: `max(candidateFactor × k, minCandidates)`. On the benchmark's clustered 512-d
 * vectors, 50 candidates held 98.8% of the exact 10 nearest (BENCHMARKS.md); a partition with at
 * most that many memories is ranked exactly. sqlite-vec's top-k selection costs about
 * (partition size × candidates), so more candidates cost more than a longer code.
 */
const candidateFactor = 5
const minCandidates = 50

const encodeBody = Schema.encode(MemoryJson)
const decodeStored = Schema.decodeUnknown(Schema.Array(StoredRow))
const decodeBodies = Schema.decodeUnknown(BodyRows)
const decodeAudit = Schema.decodeUnknown(Schema.Array(AuditRow))

interface Partition {
  readonly owner: string
  readonly kind: MemoryKind
  readonly key: string
}

const partitions = (scope: Storage.SearchScope): ReadonlyArray<Partition> =>
  Arr.dedupe(scope.owners).flatMap((owner) =>
    Arr.dedupe(scope.kinds).map((kind) => ({ owner, kind, key: partitionKey(scope.projectId, owner, kind) }))
  )

/**
 * The partitions of a search, with their index in `partitions(scope)`: those with their own index
 * partition (agents), and user owners' (searched over their own rows by `users.ts`).
 */
const splitPartitions = (parts: ReadonlyArray<Partition>) => {
  const own: Array<{ readonly p: number; readonly part: Partition }> = []
  const users: Array<Users.UserPartition> = []
  parts.forEach((part, p) => {
    if (isSharedOwner(part.owner)) users.push({ p, owner: part.owner, kind: part.kind })
    else own.push({ p, part })
  })
  return { own, users }
}

const clampK = (k: number): number => Number.isFinite(k) ? Math.min(Math.max(Math.floor(k), 0), maxK) : 0

/** A search hit as selected: the branch (partition index) it came from and where the memory lives. */
interface HitRow {
  readonly p: number
  readonly id: string
  readonly project_id: string
  readonly owner: string
  readonly kind: string
  readonly score: number
}

/**
 * The best `k` hits of each partition (smaller `score` first), keeping only rows whose memory really
 * is in the partition of their branch (so nothing of another project or owner can leak).
 */
const bestPerPartition = (
  projectId: string,
  parts: ReadonlyArray<Partition>,
  rows: ReadonlyArray<HitRow>,
  k: number
): Array<HitRow> => {
  const byPart = new Map<number, Array<HitRow>>()
  for (const row of rows) {
    const part = parts[row.p]
    if (part === undefined || row.project_id !== projectId || row.owner !== part.owner || row.kind !== part.kind) {
      continue
    }
    const list = byPart.get(row.p)
    if (list === undefined) byPart.set(row.p, [row])
    else list.push(row)
  }
  return [...byPart.values()].flatMap((list) => list.sort((a, b) => a.score - b.score).slice(0, k))
}

/**
 * The queries over one client, for vectors of `dimensions`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (sql: SqlClient.SqlClient, dimensions: number) => {
  const indexes = Indexes.make(sql, dimensions)
  const userSearch = Users.make(sql)
  // Saves and deletes read before they write: they take the write lock first (`BEGIN IMMEDIATE`), so
  // that a concurrent writer in another process makes them wait rather than fail.
  const writeTransaction = makeWriteTransaction(sql)
  // Partition key → FTS5 table, for tables known to exist (never dropped once the migrations ran).
  // Filled from the registry by searches only, never inside a write transaction that could roll back.
  const ftsTables = new Map<string, string>()

  const saveChunk = Effect.fnUntraced(function*(
    records: ReadonlyArray<Storage.StoredMemory>,
    options: Storage.SaveOptions | undefined
  ) {
    yield* indexes.checkVectors(records.map((r) => ({ embedding: r.embedding })))
    const rows = yield* Effect.forEach(
      records,
      (r) => Effect.map(encodeBody(r.memory), (body) => toMemoryRow(r.memory, body))
    )
    const existing = yield* sql<{
      readonly seq: number
      readonly id: string
      readonly project_id: string
      readonly owner: string
      readonly kind: MemoryKind
      readonly body: string
    }>`select seq, id, project_id, owner, kind, body from memories where ${sql.in("id", rows.map((r) => r.id))}`
      .withoutTransform
    const projectOf = new Map(rows.map((r) => [r.id, r.project_id]))
    const foreign = existing.find((row) => row.project_id !== projectOf.get(row.id))
    if (foreign !== undefined) {
      const message = Storage.foreignIdMessage(foreign.id)
      return yield* new SqlError({ cause: new Error(message), message })
    }
    if (options?.audit !== undefined) {
      const before = new Map(existing.map((row) => [row.id, row.body]))
      const at = DateTime.toEpochMillis(yield* DateTime.now)
      yield* sql`insert into forget_audit ${
        sql.insert(rows.map((row) => ({
          memory_id: row.id,
          kind: row.kind,
          project_id: row.project_id,
          owner: row.owner,
          action: "import",
          reason: `${options.audit!.reason}: ${before.has(row.id) ? "replaced" : "new"}`,
          deleted_at: at,
          snapshot: before.get(row.id) ?? row.body
        })))
      }`
    }
    yield* indexes.remove(existing.map((row) => ({
      seq: BigInt(row.seq),
      projectId: row.project_id,
      owner: row.owner,
      kind: row.kind
    })))
    const assigned = yield* sql<{ readonly seq: number; readonly id: string }>`insert into memories ${sql.insert(rows)}
      on conflict (id) do update set kind = excluded.kind, project_id = excluded.project_id,
        owner = excluded.owner, task_type = excluded.task_type, created_at = excluded.created_at,
        updated_at = excluded.updated_at, body = excluded.body
      returning seq, id`.withoutTransform
    const seqOf = new Map(assigned.map((row) => [row.id, BigInt(row.seq)]))
    yield* indexes.insert(rows.map((row, i) => ({
      seq: seqOf.get(row.id)!,
      projectId: row.project_id,
      owner: row.owner,
      kind: row.kind,
      embedding: records[i]!.embedding,
      text: searchText(records[i]!.memory)
    })))
  })

  const save = (records: ReadonlyArray<Storage.StoredMemory>, options?: Storage.SaveOptions) => {
    // Last record wins for a repeated id, as if saved one after another.
    const latest = new Map(records.map((r) => [r.memory.id, r]))
    if (latest.size === 0) return Effect.void
    return writeTransaction(
      Effect.forEach(Arr.chunksOf([...latest.values()], chunkSize), (chunk) => saveChunk(chunk, options), {
        discard: true
      })
    )
  }

  const foreignIds = (projectId: string, ids: ReadonlyArray<MemoryId>) =>
    Effect.map(
      Effect.forEach(Arr.chunksOf(Arr.dedupe(ids), chunkSize), (chunk) =>
        sql<{ readonly id: MemoryId }>`select id from memories
          where ${sql.in("id", chunk)} and project_id <> ${projectId}`.withoutTransform),
      (groups) => groups.flat().map((row) => row.id)
    )

  /** `effect` inside one write transaction: the file's write lock, across processes. */
  const exclusive = <A, E, R>(effect: Effect.Effect<A, E, R>) => writeTransaction(effect)

  const getMany = (projectId: string, ids: ReadonlyArray<MemoryId>) =>
    Effect.gen(function*() {
      const found = new Map<string, Storage.StoredMemory>()
      for (const chunk of Arr.chunksOf(Arr.dedupe(ids), chunkSize)) {
        // `+project_id` keeps the planner on the unique id index rather than the project's whole range.
        const rows = yield* sql`select m.body as body, v.embedding as embedding
          from memories m join memory_vectors v on v.memory_seq = m.seq
          where +m.project_id = ${projectId} and ${sql.in("m.id", chunk)}`.withoutTransform
        for (const row of yield* decodeStored(rows)) {
          found.set(row.body.id, { memory: row.body, embedding: row.embedding })
        }
      }
      return ids.flatMap((id) => {
        const s = found.get(id)
        return s === undefined ? [] : [s]
      })
    })

  // One statement per `branchesPerStatement` partitions: the candidates of every partition (vec0 KNN
  // over the codes), ranked by their exact cosine distance from the float vectors; the best `k` of
  // each partition are kept. User owners' partitions are ranked exactly over their own rows (users.ts).
  const vectorSearch = (scope: Storage.SearchScope, vector: Float32Array) =>
    Effect.gen(function*() {
      const k = clampK(scope.k)
      const parts = partitions(scope)
      if (k === 0 || parts.length === 0) return []
      yield* indexes.checkVectors([{ embedding: vector }])
      const candidates = Math.min(maxK, Math.max(k * candidateFactor, minCandidates))
      const code = vectorCode(vector)
      const blob = toBlob(vector)
      const { own, users } = splitPartitions(parts)
      const hits: Array<Storage.VectorHit> = []
      for (const { hit } of yield* userSearch.vectorSearch(scope.projectId, users, vector, k)) hits.push(hit)
      for (const group of Arr.chunksOf(own, branchesPerStatement)) {
        const branches = group.map(({ p, part }) =>
          sql`select memory_seq as seq, ${p} as p from memory_codes
            where code match vec_bit(${code}) and k = ${candidates} and part = ${part.key}`
        )
        // The best `k` of each partition are picked before the join to `memories`, which then reads
        // k rows per partition instead of all the candidates.
        const rows = yield* sql<HitRow>`with candidates as materialized (${sql.join(" union all ", false)(branches)}),
          scored as materialized (select c.seq as seq, c.p as p, vec_distance_cosine(v.embedding, ${blob}) as score
            from candidates c join memory_vectors v on v.memory_seq = c.seq),
          ranked as materialized (select seq, p, score, row_number() over (partition by p order by score) as n
            from scored)
          select r.p as p, m.id as id, m.project_id as project_id, m.owner as owner, m.kind as kind, r.score as score
          from ranked r join memories m on m.seq = r.seq where r.n <= ${k}`.withoutTransform
        for (const row of bestPerPartition(scope.projectId, parts, rows, k)) {
          hits.push({ id: row.id as MemoryId, distance: row.score })
        }
      }
      return hits.sort((a, b) => a.distance - b.distance)
    })

  /** The FTS5 tables of the partitions that have one (looked up in the registry once, then cached). */
  const ftsTablesOf = (parts: ReadonlyArray<Partition>) =>
    Effect.gen(function*() {
      const missing = parts.filter((p) => !ftsTables.has(p.key)).map((p) => p.key)
      for (const chunk of Arr.chunksOf(Arr.dedupe(missing), chunkSize)) {
        const rows = yield* sql<{ readonly part: string; readonly name: string }>`select part, name
          from memory_fts_tables where ${sql.in("part", chunk)}`.withoutTransform
        for (const row of rows) ftsTables.set(row.part, row.name)
      }
      return parts.flatMap((part, p) => {
        const name = ftsTables.get(part.key)
        return name === undefined ? [] : [{ p, name }]
      })
    })

  // One statement per `branchesPerStatement` partitions: each partition's own FTS5 table, its best `k`
  // by BM25 (statistics of that partition only, so other owners' data costs nothing). User owners'
  // partitions are scored over their own rows, with their own statistics (users.ts).
  const lexicalSearch = (scope: Storage.SearchScope, text: string) =>
    Effect.gen(function*() {
      const k = clampK(scope.k)
      const terms = Storage.queryTerms(text)
      const parts = partitions(scope)
      if (k === 0 || terms.length === 0 || parts.length === 0) return []
      const query = ftsQuery(terms)
      const { own, users } = splitPartitions(parts)
      const hits: Array<Storage.LexicalHit> = []
      for (const { hit } of yield* userSearch.lexicalSearch(scope.projectId, users, query, k)) hits.push(hit)
      const tables = yield* ftsTablesOf(own.map(({ part }) => part))
      const located = tables.map(({ name, p }) => ({ name, p: own[p]!.p }))
      for (const group of Arr.chunksOf(located, branchesPerStatement)) {
        const branches = group.map(({ name, p }) =>
          sql`select * from (select rowid as seq, ${p} as p, bm25(${sql(name)}) as score from ${sql(name)}
            where ${sql(name)} match ${query} order by score limit ${k})`
        )
        const rows = yield* sql<HitRow>`with hits as materialized (${sql.join(" union all ", false)(branches)})
          select h.p as p, m.id as id, m.project_id as project_id, m.owner as owner, m.kind as kind,
            h.score as score
          from hits h join memories m on m.seq = h.seq`.withoutTransform
        // bm25() is negative, better matches more so: negated, larger is better.
        for (const row of bestPerPartition(scope.projectId, parts, rows, k)) {
          hits.push({ id: row.id as MemoryId, bm25: -row.score })
        }
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
      return yield* writeTransaction(Effect.gen(function*() {
        let deleted = 0
        for (const ids of Arr.chunksOf([...reasons.keys()], chunkSize)) {
          const found = yield* sql<{
            readonly seq: number
            readonly id: string
            readonly kind: MemoryKind
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
          yield* indexes.remove(found.map((row) => ({
            seq: BigInt(row.seq),
            projectId,
            owner: row.owner,
            kind: row.kind
          })))
          yield* sql`delete from memories where ${sql.in("seq", found.map((row) => row.seq))}`
          // Artifacts linked to a deleted memory go with it.
          yield* sql`delete from workflow_records where project_id = ${projectId} and collection = 'artifact'
            and ${sql.in("parent", found.map((row) => row.id))}`
          deleted += found.length
        }
        return deleted
      }))
    })

  const auditLog = (projectId: string, limit: number) =>
    sql`select memory_id as memoryId, kind, project_id as projectId, owner, action, reason,
      deleted_at as deletedAt, snapshot from forget_audit where project_id = ${projectId}
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
      return kindCounts(rows)
    })

  return { save, foreignIds, exclusive, getMany, vectorSearch, lexicalSearch, list, delete: remove, auditLog, stats }
}
