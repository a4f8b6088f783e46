/**
 * In-memory storage: the same behaviour as the SQLite backend (it passes the same contract suite),
 * kept in a `Ref`. For users' tests and ours; nothing survives the process.
 *
 * Vector search is exact (brute-force cosine over each (owner, kind) partition); lexical search is
 * BM25 (k1 = 1.2, b = 0.75, Robertson/Spärck Jones, the FTS5 defaults) over the partition, without
 * stemming.
 *
 * @since 0.1.0
 */
import { DateTime, Effect, Layer, Ref } from "effect"
import { StorageError } from "../../src/domain/AlmaError.js"
import type { MemoryId, MemoryKind } from "../../src/domain/Ids.js"
import { Memory, ownerOf, searchText } from "../../src/domain/Memory.js"
import { cosine } from "../../src/services/Embedder.js"
import * as Storage from "../../src/services/Storage.js"
import { Schema } from "effect"
import { fnv1a } from "../../src/internal/hash.js"

/** Locks of `exclusive`: a fixed set, the (project, key) hashed onto one. */
const lockStripes = 64

interface State {
  /** Vector length, fixed by the first save (as a database's column type would be). */
  readonly dimensions: number | undefined
  readonly records: Map<MemoryId, Storage.StoredMemory>
  readonly audit: Array<Storage.ForgetAudit>
  /** Workflow records by `recordKey`. */
  readonly workflow: Map<string, Storage.WorkflowRecord>
}

const recordKey = (projectId: string, collection: Storage.WorkflowCollection, id: string): string =>
  `${projectId}\u0001${collection}\u0001${id}`

/** Newest first: `createdAt` descending, then `id` descending (code-unit order, as SQLite's binary collation). */
const newestFirst = (a: Storage.WorkflowRecord, b: Storage.WorkflowRecord): number =>
  DateTime.toEpochMillis(b.createdAt) - DateTime.toEpochMillis(a.createdAt) || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0)

const taskTypeOf = (m: Memory): string | undefined =>
  m.kind === "outcome" || m.kind === "heuristic" || m.kind === "anti_pattern" ? m.taskType : undefined

const terms = (text: string): Array<string> => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []

const encodeJson = Schema.encodeSync(Schema.parseJson(Memory))

/** BM25 scores of `docs` for `query` terms (k1 1.2, b 0.75). */
const bm25 = (docs: ReadonlyArray<Storage.StoredMemory>, query: ReadonlyArray<string>) => {
  const tokenized = docs.map((d) => terms(searchText(d.memory)))
  const avg = tokenized.reduce((s, t) => s + t.length, 0) / Math.max(1, tokenized.length)
  const n = docs.length
  const idf = new Map(
    query.map((q) => {
      const df = tokenized.filter((t) => t.includes(q)).length
      // FTS5's IDF, floored as FTS5 floors it, so both backends rank alike.
      return [q, Math.max(1e-6, Math.log((n - df + 0.5) / (df + 0.5)))] as const
    })
  )
  return docs.map((d, i) => {
    const t = tokenized[i]!
    let score = 0
    for (const q of query) {
      const tf = t.filter((x) => x === q).length
      if (tf > 0) score += idf.get(q)! * (tf * 2.2) / (tf + 1.2 * (0.25 + 0.75 * t.length / avg))
    }
    return { id: d.memory.id, bm25: score }
  })
}

/**
 * @since 0.1.0
 * @category constructors
 */
export const make: Effect.Effect<Storage.Service> = Effect.gen(function*() {
  const state = yield* Ref.make<State>({ dimensions: undefined, records: new Map(), audit: [], workflow: new Map() })

  const partitions = (scope: Storage.SearchScope, records: Map<MemoryId, Storage.StoredMemory>) => {
    const groups = new Map<string, Array<Storage.StoredMemory>>()
    for (const r of records.values()) {
      const owner = ownerOf(r.memory)
      if (r.memory.projectId !== scope.projectId) continue
      if (!scope.owners.includes(owner) || !scope.kinds.includes(r.memory.kind)) continue
      const key = `${owner}\u0001${r.memory.kind}`
      groups.set(key, [...(groups.get(key) ?? []), r])
    }
    return [...groups.values()]
  }

  /** A vector of another length than the stored ones is refused (the whole batch, nothing stored). */
  const checkDimensions = (operation: string, vectors: ReadonlyArray<Float32Array>, dimensions: number | undefined) => {
    const expected = dimensions ?? vectors[0]?.length
    const bad = vectors.find((v) => v.length !== expected)
    return bad === undefined
      ? Effect.succeed(expected)
      : Effect.fail(
        new StorageError({
          backend: "memory",
          operation,
          cause: `vector of ${bad.length} dimensions where this storage holds ${expected}-dimensional vectors`
        })
      )
  }

  const save = (records: ReadonlyArray<Storage.StoredMemory>, options?: Storage.SaveOptions) =>
    Effect.flatMap(Effect.zip(Ref.get(state), DateTime.now), ([current, now]) =>
      Effect.flatMap(checkDimensions("save", records.map((r) => r.embedding), current.dimensions), (dimensions) =>
        Ref.modify(state, (s) => {
          const foreign = records.find((r) => {
            const held = s.records.get(r.memory.id)
            return held !== undefined && held.memory.projectId !== r.memory.projectId
          })
          if (foreign !== undefined) {
            const cause = new Error(Storage.foreignIdMessage(foreign.memory.id))
            return [new StorageError({ backend: "memory", operation: "save", cause }), s] as const
          }
          const next = new Map(s.records)
          const audit = options?.audit === undefined ? s.audit : [...s.audit]
          // Last record wins for a repeated id, as if saved one after another (as the SQL backends).
          for (const r of new Map(records.map((x) => [x.memory.id, x])).values()) {
            if (options?.audit !== undefined) {
              const before = next.get(r.memory.id)
              audit.push(Storage.ForgetAudit.make({
                memoryId: r.memory.id,
                kind: r.memory.kind,
                projectId: r.memory.projectId,
                owner: ownerOf(r.memory),
                action: "import",
                reason: `${options.audit.reason}: ${before === undefined ? "new" : "replaced"}`,
                deletedAt: now,
                snapshot: encodeJson((before ?? r).memory)
              }))
            }
            next.set(r.memory.id, { memory: r.memory, embedding: Float32Array.from(r.embedding) })
          }
          return [undefined, { ...s, dimensions, records: next, audit }] as const
        })).pipe(Effect.flatMap((error) => error === undefined ? Effect.void : Effect.fail(error))))

  const foreignIds = (projectId: string, ids: ReadonlyArray<MemoryId>) =>
    Effect.map(Ref.get(state), (s) =>
      [...new Set(ids)].filter((id) => {
        const held = s.records.get(id)
        return held !== undefined && held.memory.projectId !== projectId
      }))

  // Sections of one (project, key) run one at a time; keys are hashed onto a fixed set of locks.
  const locks = yield* Effect.forEach(Array.from({ length: lockStripes }), () => Effect.makeSemaphore(1))
  const exclusive = <A, E, R>(projectId: string, key: string, effect: Effect.Effect<A, E, R>) =>
    locks[fnv1a(`${projectId}\u0000${key}`) % lockStripes]!.withPermits(1)(effect)

  const getMany = (projectId: string, ids: ReadonlyArray<MemoryId>) =>
    Effect.map(Ref.get(state), (s) =>
      ids.flatMap((id) => {
        const r = s.records.get(id)
        return r && r.memory.projectId === projectId ? [r] : []
      }))

  const vectorSearch = (scope: Storage.SearchScope, vector: Float32Array) =>
    Effect.flatMap(Ref.get(state), (s) =>
      Effect.as(checkDimensions("vectorSearch", [vector], s.dimensions), s)
    ).pipe(Effect.map((s) =>
      partitions(scope, s.records).flatMap((group) =>
        group
          .map((r) => ({ id: r.memory.id, distance: 1 - cosine(vector, r.embedding) }))
          .sort((a, b) => a.distance - b.distance)
          .slice(0, scope.k)
      ).sort((a, b) => a.distance - b.distance)))

  const lexicalSearch = (scope: Storage.SearchScope, text: string) =>
    Effect.map(Ref.get(state), (s) => {
      const query = Storage.queryTerms(text)
      if (query.length === 0) return []
      return partitions(scope, s.records).flatMap((group) =>
        bm25(group, query)
          .filter((h) => h.bm25 > 0)
          .sort((a, b) => b.bm25 - a.bm25)
          .slice(0, scope.k)
      ).sort((a, b) => b.bm25 - a.bm25)
    })

  const list = (q: Storage.ListQuery) =>
    Effect.map(Ref.get(state), (s) => {
      const before = q.createdBefore ? DateTime.toEpochMillis(q.createdBefore) : Infinity
      const matched = [...s.records.values()]
        .filter(({ memory: m }) =>
          m.projectId === q.projectId &&
          (q.owners === undefined || q.owners.includes(ownerOf(m))) &&
          (q.kinds === undefined || q.kinds.includes(m.kind)) &&
          (q.taskType === undefined || taskTypeOf(m) === q.taskType) &&
          DateTime.toEpochMillis(m.createdAt) < before
        )
        .sort((a, b) =>
          DateTime.toEpochMillis(b.memory.createdAt) - DateTime.toEpochMillis(a.memory.createdAt) ||
          b.memory.id.localeCompare(a.memory.id)
        )
      return (q.limit === undefined ? matched : matched.slice(0, q.limit)).map((r) => r.memory)
    })

  const remove = (projectId: string, deletions: ReadonlyArray<Storage.Deletion>) =>
    Effect.flatMap(DateTime.now, (now) =>
      Ref.modify(state, (s) => {
        const next = new Map(s.records)
        const audit = [...s.audit]
        let count = 0
        const deleted = new Set<string>()
        for (const d of deletions) {
          const r = next.get(d.id)
          if (!r || r.memory.projectId !== projectId) continue
          next.delete(d.id)
          deleted.add(d.id)
          count++
          audit.push(
            Storage.ForgetAudit.make({
              memoryId: d.id,
              kind: r.memory.kind,
              projectId,
              owner: ownerOf(r.memory),
              reason: d.reason,
              deletedAt: now,
              snapshot: encodeJson(r.memory)
            })
          )
        }
        // Artifacts linked to a deleted memory go with it.
        const workflow = new Map(
          [...s.workflow].filter(([, r]) =>
            !(r.projectId === projectId && r.collection === "artifact" && deleted.has(r.parent))
          )
        )
        return [count, { ...s, records: next, audit, workflow }]
      }))

  const auditLog = (projectId: string, limit: number) =>
    Effect.map(Ref.get(state), (s) => s.audit.filter((a) => a.projectId === projectId).reverse().slice(0, limit))

  const putRecords = (records: ReadonlyArray<Storage.WorkflowRecord>) =>
    Ref.update(state, (s) => {
      const workflow = new Map(s.workflow)
      for (const r of records) workflow.set(recordKey(r.projectId, r.collection, r.id), r)
      return { ...s, workflow }
    })

  const listRecords = (projectId: string, collection: Storage.WorkflowCollection, parent: string) =>
    Effect.map(Ref.get(state), (s) =>
      [...s.workflow.values()]
        .filter((r) => r.projectId === projectId && r.collection === collection && r.parent === parent)
        .sort(newestFirst))

  const deleteRecords = (projectId: string, collection: Storage.WorkflowCollection, ids: ReadonlyArray<string>) =>
    Ref.modify(state, (s) => {
      const workflow = new Map(s.workflow)
      let count = 0
      for (const id of ids) if (workflow.delete(recordKey(projectId, collection, id))) count++
      return [count, { ...s, workflow }]
    })

  const stats = (projectId: string, owners?: ReadonlyArray<string>) =>
    Effect.map(Ref.get(state), (s) => {
      const counts: Record<MemoryKind, number> = {
        heuristic: 0,
        outcome: 0,
        user_preference: 0,
        domain_knowledge: 0,
        anti_pattern: 0
      }
      for (const { memory: m } of s.records.values()) {
        if (m.projectId === projectId && (owners === undefined || owners.includes(ownerOf(m)))) counts[m.kind]++
      }
      return counts
    })

  // Failures are already `StorageError`s of this backend (dimension mismatch, foreign id).
  return Storage.make<StorageError>("memory", {
    toStorageError: (_operation, error) => error,
    save,
    foreignIds,
    exclusive,
    getMany,
    vectorSearch,
    lexicalSearch,
    list,
    delete: remove,
    auditLog,
    putRecords,
    listRecords,
    deleteRecords,
    stats
  })
})

/**
 * A fresh, empty in-memory store.
 *
 * @since 0.1.0
 * @category layers
 */
export const layer: Layer.Layer<Storage.Storage> = Layer.effect(Storage.Storage, make)
