import { createRequire as __almaCreateRequire } from "node:module"; const require = __almaCreateRequire(import.meta.url);
import {
  DIMENSIONS,
  Embedder,
  MODEL,
  layer,
  layerFromConfig,
  loadConfig,
  loadConfigOrDefault
} from "./chunk-7HY5L3DF.js";
import {
  Context_exports,
  Effect_exports,
  EmbeddingError,
  Layer_exports,
  Option_exports
} from "./chunk-S5EEIEDT.js";

// src/cli/stack.ts
var DEFAULT_CONFIG_PATH = ".alma/config.yaml";
var loadCliConfig = (config) => Option_exports.match(config, {
  onNone: () => loadConfigOrDefault(DEFAULT_CONFIG_PATH),
  onSome: (file) => loadConfig(file)
});
var lazyLocalEmbedder = Layer_exports.scoped(
  Embedder,
  Effect_exports.gen(function* () {
    const scope = yield* Effect_exports.scope;
    const loaded = yield* Effect_exports.cached(
      Layer_exports.buildWithScope(layer, scope).pipe(
        Effect_exports.map((ctx) => Context_exports.get(ctx, Embedder)),
        Effect_exports.mapError(
          (e) => e._tag === "EmbeddingError" ? e : new EmbeddingError({ model: MODEL, reason: e.message })
        )
      )
    );
    return Embedder.of({
      model: MODEL,
      dimensions: DIMENSIONS,
      embed: (text) => Effect_exports.flatMap(loaded, (e) => e.embed(text)),
      embedMany: (texts) => Effect_exports.flatMap(loaded, (e) => e.embedMany(texts))
    });
  })
);
var layerFromConfig2 = (config) => layerFromConfig(config, config.embedding.provider === "local" ? lazyLocalEmbedder : void 0);
var withStack = (config, self) => Effect_exports.flatMap(loadCliConfig(config), (loaded) => Effect_exports.provide(self(loaded), layerFromConfig2(loaded)));

export {
  DEFAULT_CONFIG_PATH,
  loadCliConfig,
  lazyLocalEmbedder,
  withStack
};
