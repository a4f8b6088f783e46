/**
 * Row codecs the SQL backends (SQLite, PostgreSQL) share: the columns and selected rows that are the
 * same in both schemas. What differs is passed in: how a timestamp is stored (SQLite: epoch
 * milliseconds, `integer`; PostgreSQL: `timestamptz`, a `Date` to node-postgres) and how a vector is
 * (a float32 `BLOB`; pgvector's text form).
 *
 * @since 0.1.0
 */
import { type DateTime, Schema } from "effect"
import type { MemoryKind } from "../../src/domain/Ids.js"
import { Memory, ownerOf } from "../../src/domain/Memory.js"
import { ForgetAudit, type KindCounts, type WorkflowRecord } from "../../src/services/Storage.js"

/**
 * A timestamp column's codec: `DateTime.Utc` from what the driver returns.
 *
 * @since 0.1.0
 * @category models
 */
export type Timestamp<I> = Schema.Schema<DateTime.Utc, I>

/**
 * A memory as JSON text (the `body` column): `Schema.encode(Memory)` serialised. Text in both
 * backends (PostgreSQL's `jsonb` would reject the escape `\u0000` and lose `-0`).
 *
 * @since 0.1.0
 * @category schemas
 */
export const MemoryJson = Schema.parseJson(Memory)

/**
 * Rows of a `select body …`: the memories, without their vectors.
 *
 * @since 0.1.0
 * @category schemas
 */
export const BodyRows = Schema.Array(Schema.Struct({ body: MemoryJson }))

/**
 * A stored memory as selected: its JSON body and its vector, in the backend's vector codec.
 *
 * @since 0.1.0
 * @category schemas
 */
export const storedRow = <I>(vector: Schema.Schema<Float32Array, I>) =>
  Schema.Struct({ body: MemoryJson, embedding: vector })

/**
 * A `forget_audit` row, selected with camel-case aliases, `deletedAt` in the backend's timestamp codec.
 *
 * @since 0.1.0
 * @category schemas
 */
export const auditRow = <I>(timestamp: Timestamp<I>) =>
  Schema.transform(
    Schema.Struct({ ...ForgetAudit.fields, deletedAt: timestamp }),
    Schema.typeSchema(ForgetAudit),
    { strict: true, decode: (row) => ForgetAudit.make(row), encode: (audit) => ({ ...audit }) }
  )

/**
 * A `workflow_records` row, selected with camel-case aliases, `createdAt` in the backend's timestamp
 * codec.
 *
 * @since 0.1.0
 * @category schemas
 */
export const recordRow = <I>(timestamp: Timestamp<I>) =>
  Schema.Struct({
    projectId: Schema.String,
    collection: Schema.Literal("checkpoint", "artifact"),
    id: Schema.String,
    parent: Schema.String,
    createdAt: timestamp,
    data: Schema.String
  })

/**
 * The `memories` columns both backends have (without `seq`, which the database assigns).
 *
 * **Shape** `created_at`, `updated_at`: the backend's stored timestamp `T`.
 *
 * @since 0.1.0
 * @category models
 */
export type MemoryColumns<T> = {
  readonly id: string
  readonly kind: MemoryKind
  readonly project_id: string
  readonly owner: string
  readonly task_type: string | null
  readonly created_at: T
  readonly updated_at: T
  readonly body: string
}

/**
 * The `memories` columns of a memory, given its encoded JSON body and the backend's timestamp encoding.
 *
 * @since 0.1.0
 * @category constructors
 */
export const memoryColumns = <T>(memory: Memory, body: string, time: (at: DateTime.Utc) => T): MemoryColumns<T> => ({
  id: memory.id,
  kind: memory.kind,
  project_id: memory.projectId,
  owner: ownerOf(memory),
  task_type: "taskType" in memory ? memory.taskType ?? null : null,
  created_at: time(memory.createdAt),
  updated_at: time(memory.updatedAt),
  body
})

/**
 * The `workflow_records` rows to write for `records`: one per (project, collection, id), the last
 * record of a repeated key winning (as if put one after another), `created_at` in the backend's
 * timestamp encoding.
 *
 * @since 0.1.0
 * @category constructors
 */
export const recordColumns = <T>(records: ReadonlyArray<WorkflowRecord>, time: (at: DateTime.Utc) => T) =>
  [...new Map(records.map((r) => [`${r.projectId}\u0000${r.collection}\u0000${r.id}`, r])).values()].map((r) => ({
    project_id: r.projectId,
    collection: r.collection,
    id: r.id,
    parent: r.parent,
    created_at: time(r.createdAt),
    data: r.data
  }))

/**
 * Counts per kind from `select kind, count(*) as n … group by kind` rows: 0 for a kind with no row.
 *
 * @since 0.1.0
 * @category constructors
 */
export const kindCounts = (rows: ReadonlyArray<{ readonly kind: string; readonly n: number }>): KindCounts => {
  const count = new Map(rows.map((row) => [row.kind, row.n]))
  const of = (kind: MemoryKind) => count.get(kind) ?? 0
  return {
    heuristic: of("heuristic"),
    outcome: of("outcome"),
    user_preference: of("user_preference"),
    domain_knowledge: of("domain_knowledge"),
    anti_pattern: of("anti_pattern")
  }
}
