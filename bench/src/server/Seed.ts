/**
 * Seeding of the `server` benchmark: the latency suite's synthetic memories (same world, same kind
 * mix), written through the configured storage before any server starts, with vectors from the
 * configured embedder's own space.
 *
 * @since 0.1.0
 */
import { Clock, Effect, Layer } from "effect"
import { copyFileSync, existsSync } from "node:fs"
import * as path from "node:path"
import { Alma, Embedder, Storage } from "alma-memory"
import type { AlmaConfig } from "alma-memory"
import { taskTypes } from "../latency/Corpus.js"
import { buildRecord, type World } from "../latency/Seed.js"
import type { Texts } from "../latency/World.js"

/**
 * What seeding did.
 *
 * **Units** `seconds`: wall time of the whole seed (embedding the cluster centres included);
 * `centres`: texts embedded with the configured embedder.
 *
 * @since 0.1.0
 * @category models
 */
export interface SeedResult {
  readonly memories: number
  readonly counts: Readonly<Record<string, number>>
  readonly centres: number
  readonly seconds: number
}

/**
 * Writes `memories` synthetic memories (agents taking turns) into the store `config` selects, in
 * transactions of `batchSize`. The cluster centres are the topic sentences embedded by the configured
 * embedder; each memory's vector is a perturbation of one of them (as in the latency suite), so the
 * server's own query embeddings land among them.
 *
 * **Errors** `ConfigurationError`, `StorageError`, `EmbeddingError`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const seedStore = (config: AlmaConfig.AlmaConfig, texts: Texts, memories: number, batchSize = 1_000) =>
  Effect.gen(function*() {
    const started = yield* Clock.currentTimeMillis
    const embedder = yield* Embedder.Embedder
    const storage = yield* Storage.Storage
    const centreTexts = taskTypes.flatMap((t) => texts.topicTexts.get(t) ?? [])
    const vectors = yield* embedder.embedMany(centreTexts)
    const byText = new Map(centreTexts.map((t, i) => [t, vectors[i]!]))
    const world: World = {
      projectId: config.projectId,
      agents: texts.agents,
      agentTypes: texts.agentTypes,
      centres: new Map(taskTypes.map((t) => [t, (texts.topicTexts.get(t) ?? []).map((s) => byText.get(s)!)])),
      strategies: texts.strategies,
      now: started
    }
    const counts: Record<string, number> = {}
    for (let start = 0; start < memories; start += batchSize) {
      const batch = Array.from({ length: Math.min(batchSize, memories - start) }, (_, j) => {
        const record = buildRecord(world, start + j, memories)
        counts[record.memory.kind] = (counts[record.memory.kind] ?? 0) + 1
        return record
      })
      yield* storage.save(batch)
    }
    const ended = yield* Clock.currentTimeMillis
    return { memories, counts, centres: centreTexts.length, seconds: (ended - started) / 1000 } satisfies SeedResult
  }).pipe(Effect.provide(Alma.storageFromConfig(config).pipe(Layer.provideMerge(Alma.embedderFromConfig(config)))))

/**
 * Copies a closed SQLite store (with its `-wal` / `-shm` files, if any) to `to`, so every run starts
 * from the same seeded file.
 *
 * @since 0.1.0
 * @category constructors
 */
export const copyStore = (from: string, to: string): void => {
  for (const suffix of ["", "-wal", "-shm"]) {
    if (existsSync(from + suffix)) copyFileSync(from + suffix, path.resolve(to + suffix))
  }
}
