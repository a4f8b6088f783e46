/**
 * Seeding of the latency benchmarks: builds synthetic memories with the domain Schema classes and
 * writes them through `Storage.save` in batches (one transaction each). The save calls are timed: that
 * is the batch-insert (ingestion) benchmark.
 *
 * @since 0.1.0
 */
import { DateTime, Layer, ManagedRuntime } from "effect"
import { Ids, Memory, SqliteStorage, Storage } from "alma-memory"
import type { Embedder } from "alma-memory"
import {
  antiPatternText,
  conditionText,
  errorText,
  factText,
  hex16,
  type Rng,
  rng,
  taskText
} from "./Corpus.js"
import { perturb } from "./Vectors.js"

/** Share of each kind among an agent's memories. */
export const kindMix: ReadonlyArray<readonly [Ids.MemoryKind, number]> = [
  ["outcome", 0.55],
  ["domain_knowledge", 0.35],
  ["heuristic", 0.05],
  ["anti_pattern", 0.05]
]

export interface World {
  readonly projectId: string
  readonly agents: ReadonlyArray<string>
  /** The task types each agent works on. */
  readonly agentTypes: ReadonlyMap<string, ReadonlyArray<string>>
  /** Cluster centres (real USE vectors) per task type. */
  readonly centres: ReadonlyMap<string, ReadonlyArray<Float32Array>>
  /** The strategies used per task type. */
  readonly strategies: ReadonlyMap<string, ReadonlyArray<string>>
  /** Epoch ms; memories are spread over the 180 days before it, in insertion order. */
  readonly now: number
}

export interface SeedOptions {
  /** The SQLite file to seed (ignored when `storage` is given). */
  readonly filename?: string | undefined
  /** The storage to seed (default: SQLite over `filename`). */
  readonly storage?: Layer.Layer<Storage.Storage, unknown, Embedder.Embedder> | undefined
  readonly perAgent: number
  readonly batchSize: number
  readonly embedder: Layer.Layer<Embedder.Embedder>
  /** Seed only the memories whose index passes (the others are skipped, not replaced). */
  readonly only?: ((i: number) => boolean) | undefined
  /** Called with each record once it is saved (outside the timer), e.g. to keep vectors for exact search. */
  readonly onSaved?: ((record: Storage.StoredMemory) => void) | undefined
}

export interface SeedResult {
  readonly records: number
  readonly counts: Record<string, number>
  /** Wall time of each `Storage.save` call (ms). */
  readonly batchMs: ReadonlyArray<number>
  /** Time spent building the records (Schema classes, vectors), not part of the insert rate. */
  readonly buildMs: number
}

const DAY = 86_400_000

const kindOf = (r: Rng): Ids.MemoryKind => {
  let x = r.next()
  for (const [kind, share] of kindMix) {
    if ((x -= share) < 0) return kind
  }
  return "outcome"
}

/** The i-th memory of the seed (deterministic), with its vector. */
export const buildRecord = (world: World, i: number, total: number): Storage.StoredMemory => {
  const r = rng(i * 2654435761 + 17)
  const agent = world.agents[i % world.agents.length]!
  const taskType = r.pick(world.agentTypes.get(agent)!)
  const kind = kindOf(r)
  const centres = world.centres.get(taskType)!
  const embedding = perturb(r.pick(centres), r)
  const created = DateTime.unsafeMake(world.now - Math.round(((total - i) / total) * 180 * DAY) - r.int(60_000))
  const common = {
    id: Ids.MemoryId.make(`${Ids.idPrefix[kind]}_${hex16(i, kind.length)}`),
    projectId: world.projectId,
    createdAt: created,
    updatedAt: created,
    metadata: {},
    provenance: []
  }
  const strategy = () => r.pick(world.strategies.get(taskType)!)
  let memory: Memory.Memory
  switch (kind) {
    case "outcome": {
      const success = r.next() < 0.7
      memory = Memory.Outcome.make({
        ...common,
        agent,
        task: taskText(r, taskType),
        taskType,
        success,
        strategyUsed: strategy(),
        durationMs: 200 + r.int(60_000),
        ...(success ? {} : { errorMessage: errorText(r) })
      })
      break
    }
    case "domain_knowledge":
      memory = Memory.DomainKnowledge.make({
        ...common,
        agent,
        domain: taskType,
        fact: factText(r, taskType),
        source: r.next() < 0.5 ? "user_stated" : "inferred",
        confidence: 0.5 + r.next() / 2,
        lastVerified: created
      })
      break
    case "heuristic": {
      const occurrenceCount = 3 + r.int(30)
      const successCount = Math.ceil(occurrenceCount * (0.55 + r.next() * 0.45))
      memory = Memory.Heuristic.make({
        ...common,
        agent,
        taskType,
        condition: conditionText(r, taskType),
        strategy: strategy(),
        confidence: successCount / occurrenceCount,
        occurrenceCount,
        successCount,
        lastValidated: created
      })
      break
    }
    default: {
      const { pattern, whyBad } = antiPatternText(r, taskType)
      memory = Memory.AntiPattern.make({
        ...common,
        agent,
        taskType,
        pattern,
        whyBad,
        betterAlternative: strategy(),
        occurrenceCount: 2 + r.int(10),
        lastSeen: created
      })
    }
  }
  return { memory, embedding }
}

/**
 * Writes `perAgent × agents` memories through `Storage.save`, `batchSize` per call (one transaction
 * each), timing only the save calls.
 *
 * **Errors** rejects with whatever the storage failed with.
 */
export const seed = async (
  world: World,
  options: SeedOptions,
  progress: (done: number, total: number) => void
): Promise<SeedResult> => {
  const layer = options.storage ?? SqliteStorage.layerWith({ filename: options.filename ?? "alma.db" })
  const runtime = ManagedRuntime.make(layer.pipe(Layer.provide(options.embedder)))
  try {
    const storage = await runtime.runPromise(Storage.Storage)
    const total = options.perAgent * world.agents.length
    const indexes = Array.from({ length: total }, (_, i) => i).filter(options.only ?? (() => true))
    const batchMs: Array<number> = []
    const counts: Record<string, number> = {}
    let buildMs = 0
    for (let start = 0; start < indexes.length; start += options.batchSize) {
      const t0 = performance.now()
      const batch: Array<Storage.StoredMemory> = []
      for (const i of indexes.slice(start, start + options.batchSize)) {
        const record = buildRecord(world, i, total)
        counts[record.memory.kind] = (counts[record.memory.kind] ?? 0) + 1
        batch.push(record)
      }
      const t1 = performance.now()
      await runtime.runPromise(storage.save(batch))
      const t2 = performance.now()
      buildMs += t1 - t0
      batchMs.push(t2 - t1)
      if (options.onSaved !== undefined) for (const record of batch) options.onSaved(record)
      progress(Math.min(indexes.length, start + options.batchSize), indexes.length)
    }
    return { records: indexes.length, counts, batchMs, buildMs }
  } finally {
    await runtime.dispose()
  }
}
