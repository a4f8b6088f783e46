/**
 * The ALMA stack a CLI command runs on: the `--config` file when given (it must exist), else
 * `.alma/config.yaml` when present, else the built-in defaults on the embedded store.
 *
 * @since 0.1.0
 */
import { Context, Effect, Layer, Option } from "effect"
import type { AlmaConfig } from "../../config/AlmaConfig.js"
import { loadConfig, loadConfigOrDefault } from "../../config/AlmaConfig.js"
import * as LocalEmbedder from "../../layers/embedders/LocalEmbedder.js"
import * as Alma from "../Alma.js"
import type { ConfigurationError, StorageError } from "../domain/AlmaError.js"
import { EmbeddingError } from "../domain/AlmaError.js"
import * as Embedder from "../services/Embedder.js"

/**
 * Where the CLI looks for its configuration when `--config` is not given.
 *
 * @since 0.1.0
 * @category constructors
 */
export const DEFAULT_CONFIG_PATH = ".alma/config.yaml"

/**
 * The configuration: `--config` (missing file = `ConfigurationError`), else the default path or the
 * built-in defaults.
 *
 * @since 0.1.0
 * @category constructors
 */
export const loadCliConfig = (config: Option.Option<string>) =>
  Option.match(config, {
    onNone: () => loadConfigOrDefault(DEFAULT_CONFIG_PATH),
    onSome: (file) => loadConfig(file)
  })

/**
 * The local embedder, loaded on its first `embed`: its model and size are known without loading it,
 * so commands that never embed (`stats`, `forget`, `export`) skip the model's ~0.3 s load.
 *
 * @since 0.1.0
 * @category layers
 */
export const lazyLocalEmbedder: Layer.Layer<Embedder.Embedder> = Layer.scoped(
  Embedder.Embedder,
  Effect.gen(function*() {
    const scope = yield* Effect.scope
    const loaded = yield* Effect.cached(
      Layer.buildWithScope(LocalEmbedder.layer, scope).pipe(
        Effect.map((ctx) => Context.get(ctx, Embedder.Embedder)),
        Effect.mapError((e) =>
          e._tag === "EmbeddingError" ? e : new EmbeddingError({ model: LocalEmbedder.MODEL, reason: e.message })
        )
      )
    )
    return Embedder.Embedder.of({
      model: LocalEmbedder.MODEL,
      dimensions: LocalEmbedder.DIMENSIONS,
      embed: (text) => Effect.flatMap(loaded, (e) => e.embed(text)),
      embedMany: (texts) => Effect.flatMap(loaded, (e) => e.embedMany(texts))
    })
  })
)

/**
 * The stack `Alma.layerFromConfig` builds, with the local embedder loaded on first use.
 *
 * @since 0.1.0
 * @category layers
 */
export const layerFromConfig = (config: AlmaConfig) =>
  Alma.layerFromConfig(config, config.embedding.provider === "local" ? lazyLocalEmbedder : undefined)

/**
 * Runs `self` on the stack the configuration describes, built once and released afterwards.
 *
 * @since 0.1.0
 * @category constructors
 */
export const withStack = <A, E, R>(
  config: Option.Option<string>,
  self: (config: AlmaConfig) => Effect.Effect<A, E, R>
): Effect.Effect<A, E | ConfigurationError | StorageError | EmbeddingError, Exclude<R, Alma.Services>> =>
  Effect.flatMap(loadCliConfig(config), (loaded) => Effect.provide(self(loaded), layerFromConfig(loaded)))
