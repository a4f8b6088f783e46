/**
 * Handlers of `AlmaRpcs`, written against the `Alma` service in context: each procedure is one call
 * of the matching `Alma.Service` method, so a server serves exactly what the local API does.
 *
 * @since 0.1.0
 */
import { DateTime, Effect, Stream } from "effect"
import * as Alma from "../services/Alma.js"
import { AlmaRpcs, Health } from "./AlmaRpcs.js"
import { packageVersion } from "./internal/version.js"

/** Memories per `Export` stream message (a bound on message size, not on the export). */
export const EXPORT_CHUNK_SIZE = 100

/**
 * Builds the handlers from the `Alma` service in context. The service is read once, when the layer
 * is built: every instance of `layerHandlers()` serves the `Alma` it was given, so several projects
 * can be served side by side.
 *
 * @since 0.1.0
 * @category constructors
 */
export const makeHandlers = Effect.gen(function*() {
  const alma = yield* Alma.Alma
  const version = yield* packageVersion

  const health = Effect.fn("AlmaRpcs.Health")(function*() {
    const agents = yield* alma.agents
    const timestamp = yield* DateTime.now
    const common = { projectId: alma.projectId, agents: agents.length, version, timestamp }
    return yield* alma.stats().pipe(
      Effect.map((stats) =>
        Health.make({ ...common, status: "ok", backend: stats.backend, totals: stats.counts, total: stats.total })
      ),
      Effect.catchAll((error) =>
        Effect.succeed(
          Health.make({ ...common, status: "degraded", backend: "unknown", totals: {}, total: 0, reason: error.message })
        )
      )
    )
  })

  return AlmaRpcs.of({
    Retrieve: (input) => alma.retrieve(input),
    Learn: (input) => alma.learn(input),
    AddPreference: (input) => alma.addPreference(input),
    AddKnowledge: (input) => alma.addKnowledge(input),
    AddAntiPattern: (input) => alma.addAntiPattern(input),
    AddPreferences: ({ inputs }) => alma.addPreferences(inputs),
    AddKnowledgeBatch: ({ inputs }) => alma.addKnowledgeBatch(inputs),
    AddAntiPatterns: ({ inputs }) => alma.addAntiPatterns(inputs),
    Get: ({ id }) => alma.get(id),
    Update: ({ id, patch }) => alma.update(id, patch),
    Delete: ({ id }) => alma.delete(id),
    Forget: (input) => alma.forget(input),
    Prune: (options) => alma.prune(options),
    Stats: (options) => alma.stats(options),
    Health: health,
    AuditLog: ({ limit }) => alma.auditLog(limit),
    // The Alma interface returns the export as one array; it is streamed in chunks so that no single
    // message carries the whole project.
    Export: (options) =>
      Stream.fromIterableEffect(alma.exportMemories(options)).pipe(Stream.rechunk(EXPORT_CHUNK_SIZE)),
    Import: ({ memories, onIdConflict }) => alma.importMemories(memories, { onIdConflict }),
    Agents: () => alma.agents,
    RegisterAgent: ({ scope }) => alma.registerAgent(scope)
  })
})

/**
 * The handlers as a layer over `Alma`. A function, not a constant, so that each call builds its own
 * handlers: a shared layer value would be memoised and serve the first project's `Alma` everywhere.
 *
 * @since 0.1.0
 * @category layers
 */
export const layerHandlers = () => AlmaRpcs.toLayer(makeHandlers)
