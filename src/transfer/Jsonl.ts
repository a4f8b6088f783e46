/**
 * JSONL export and import of a project's memories: one header line, then one memory per line
 * (`docs/jsonl-format.md`). Export is lossless; import validates every line before storing anything.
 *
 * @since 0.1.0
 */
import { Array as Arr, DateTime, Effect, Schema } from "effect"
import type { StorageError, ValidationError } from "../domain/AlmaError.js"
import type { MemoryId, MemoryKind } from "../domain/Ids.js"
import { Memory, ownerOf } from "../domain/Memory.js"
import * as Importing from "../internal/importing.js"
import * as AlmaService from "../services/Alma.js"
import * as Embedder from "../services/Embedder.js"
import * as Learner from "../services/Learner.js"
import * as MemoryCache from "../services/MemoryCache.js"
import * as MemoryScope from "../services/MemoryScope.js"
import * as Storage from "../services/Storage.js"
import { EmbeddingInfo, FORMAT, Header, ImportReport, VERSION } from "./JsonlFormat.js"
import { parseFile, rejectionError } from "./JsonlParse.js"

// The format's schemas and report types, documented where they are defined.
export { EmbeddingInfo, FORMAT, Header, ImportReport, RejectedLine, VERSION } from "./JsonlFormat.js"

/**
 * Options of `exportJsonl`: only some kinds, only one agent's memories (its own; user preferences
 * belong to users, so an agent filter leaves them out), and whether each line carries its vector.
 *
 * @since 0.1.0
 * @category models
 */
export interface ExportOptions {
  readonly kinds?: ReadonlyArray<MemoryKind> | undefined
  readonly agent?: string | undefined
  readonly embeddings?: boolean | undefined
}

/**
 * Options of `importJsonl`. With `skipInvalid`, valid lines are imported and invalid ones reported;
 * without it (the default), one invalid line refuses the whole file.
 *
 * @since 0.1.0
 * @category models
 */
export interface ImportOptions {
  readonly skipInvalid?: boolean | undefined
  /** An id held by another project of the store: refuse the file (`error`, default) or use a fresh id. */
  readonly onIdConflict?: Importing.OnIdConflict | undefined
}

/**
 * Errors of `importJsonl`: `ValidationError` (bad file or line), `EmbeddingError`, `StorageError`
 * (and, through `Alma.importMemories`, the rest of `Learner.LearnError`).
 *
 * @since 0.1.0
 * @category errors
 */
export type ImportError = ValidationError | Learner.LearnError

const VECTOR_BATCH = 500

const encodeJson = Schema.encode(Schema.parseJson())
const encodeHeader = Schema.encode(Schema.parseJson(Header))
const encodeMemory = Schema.encode(Memory)

const vectorsOf = (storage: Storage.Service, projectId: string, ids: ReadonlyArray<MemoryId>) =>
  Effect.reduce(Arr.chunksOf(ids, VECTOR_BATCH), new Map<string, Float32Array>(), (vectors, batch) =>
    Effect.map(storage.getMany(projectId, batch), (records) => {
      for (const r of records) vectors.set(r.memory.id, r.embedding)
      return vectors
    }))

const encodeLine = (memory: Memory, vector: Float32Array | undefined) =>
  Effect.flatMap(
    encodeMemory(memory),
    (encoded) => encodeJson(vector === undefined ? encoded : { ...encoded, embedding: Array.from(vector) })
  )

/**
 * Exports the project's memories as JSONL lines (no trailing newlines; join them with `"\n"`): the
 * header, then one memory per line, newest first, with ids, timestamps, counts, metadata and
 * provenance, and with its stored vector when `embeddings` is set.
 *
 * **Shape** `[header, ...memories]`; the header's `count` is the number of memory lines.
 * **Errors** `ValidationError` (an unknown `agent`), `StorageError`.
 *
 * @example
 * ```ts
 * const lines = yield* Jsonl.exportJsonl({ embeddings: true })
 * yield* fs.writeFileString("memories.jsonl", lines.join("\n") + "\n")
 * ```
 *
 * @since 0.1.0
 * @category constructors
 */
export const exportJsonl: (
  options?: ExportOptions
) => Effect.Effect<ReadonlyArray<string>, ValidationError | StorageError, AlmaService.Alma | Storage.Storage | Embedder.Embedder> = Effect
  .fn("Jsonl.export")(function*(options: ExportOptions = {}) {
    const alma = yield* AlmaService.Alma
    const storage = yield* Storage.Storage
    const embedder = yield* Embedder.Embedder
    const memories = yield* alma.exportMemories({ kinds: options.kinds, agent: options.agent })
    const withVectors = options.embeddings === true
    yield* Effect.annotateCurrentSpan({ "alma.count": memories.length, "alma.embeddings": withVectors })
    const vectors = withVectors
      ? yield* vectorsOf(storage, alma.projectId, memories.map((m) => m.id))
      : new Map<string, Float32Array>()
    const header = Header.make({
      format: FORMAT,
      version: VERSION,
      projectId: alma.projectId,
      exportedAt: yield* DateTime.now,
      embedding: withVectors ? EmbeddingInfo.make({ model: embedder.model, dimensions: embedder.dimensions }) : null,
      count: memories.length
    })
    // Stored memories and finite vectors always encode; a failure here is a broken invariant.
    const first = yield* Effect.orDie(encodeHeader(header))
    const rest = yield* Effect.orDie(Effect.forEach(memories, (m) => encodeLine(m, vectors.get(m.id))))
    return [first, ...rest]
  })

/**
 * Imports a JSONL export into this stack's project (each memory's `projectId` is replaced; ids are
 * kept, so importing twice replaces rather than duplicates).
 *
 * Every line is validated before anything is stored. Without `skipInvalid`, any invalid line fails
 * the import with a `ValidationError` whose field is `line <n>` or `line <n>: <field>` and whose
 * reason counts the other bad lines; nothing is stored. With it, the valid lines are stored and the
 * rest listed in `rejected`. When the header's embedder (model and dimensions) is the configured one
 * and every valid line carries a vector, the vectors are stored as they are; otherwise every memory
 * is re-embedded with the configured embedder. Either way the memories are written in one transaction,
 * each with an audit row (action `import`). An id held by another project of the store fails the
 * import (field `line <n>: id`), or, with `onIdConflict: "new-id"`, that memory gets a fresh id; a
 * memory is never moved between projects.
 *
 * **Errors** `ValidationError` (no or bad header, unsupported version, wrong `count`, invalid line),
 * `EmbeddingError`, `StorageError`.
 *
 * @example
 * ```ts
 * const report = yield* Jsonl.importJsonl(text, { skipInvalid: true })
 * // report.imported, report.reembedded, report.rejected: [{ line, field, reason }]
 * ```
 *
 * @since 0.1.0
 * @category constructors
 */
export const importJsonl: (
  text: string,
  options?: ImportOptions
) => Effect.Effect<
  ImportReport,
  ImportError,
  AlmaService.Alma | Storage.Storage | Embedder.Embedder | MemoryCache.MemoryCache | MemoryScope.MemoryScope | Learner.Learner
> = Effect.fn("Jsonl.import")(function*(text: string, options: ImportOptions = {}) {
  const alma = yield* AlmaService.Alma
  const storage = yield* Storage.Storage
  const embedder = yield* Embedder.Embedder
  const cache = yield* MemoryCache.MemoryCache
  const scope = yield* MemoryScope.MemoryScope
  const learner = yield* Learner.Learner
  const projectId = alma.projectId
  const { header, rejected, valid } = yield* parseFile(text, projectId)
  if (rejected.length > 0 && options.skipInvalid !== true) return yield* rejectionError(rejected)
  const records = valid.flatMap((l) => (l.embedding === undefined ? [] : [{ memory: l.memory, embedding: l.embedding }]))
  const sameEmbedder = header.embedding !== null &&
    header.embedding.model === embedder.model &&
    header.embedding.dimensions === embedder.dimensions
  const reuse = sameEmbedder && records.length === valid.length
  yield* Effect.annotateCurrentSpan({
    "alma.count": valid.length,
    "alma.rejected": rejected.length,
    "alma.reembedded": !reuse
  })
  if (valid.length > 0) {
    const onIdConflict = options.onIdConflict ?? "error"
    yield* Importing.checkAgents(scope, valid.map((l) => l.memory), (i) => `line ${valid[i]!.line}: agent`)
    const memories = yield* Importing.resolveIds(
      storage,
      projectId,
      valid.map((l) => l.memory),
      onIdConflict,
      (i) => `line ${valid[i]!.line}: id`
    )
    if (reuse) {
      // The file's vectors, stored as they are; the poisoning check and the cache invalidation as any write.
      yield* learner.store(memories, {
        audit: { reason: Importing.auditReason },
        embeddings: records.map((r) => r.embedding)
      })
    } else {
      // The ids are resolved: none is held by another project any more (a race is refused by storage).
      yield* alma.importMemories(memories, { onIdConflict: "error" })
    }
  }
  return ImportReport.make({ projectId, imported: valid.length, reembedded: valid.length > 0 && !reuse, rejected })
})
