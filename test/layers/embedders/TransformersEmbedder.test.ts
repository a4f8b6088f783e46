import { env } from "@huggingface/transformers"
import { assert, describe, it, layer } from "@effect/vitest"
import { Effect } from "effect"
import * as path from "node:path"
import { fileURLToPath } from "node:url"
import * as TransformersEmbedder from "../../../layers/embedders/TransformersEmbedder.js"
import * as Embedder from "../../../src/services/Embedder.js"
import { embedderChecks, maxDiff, norm } from "../../fixtures/embedderChecks.js"

const repoRoot = fileURLToPath(new URL("../../..", import.meta.url))
// A 256-dimensional static model with a WordPiece tokenizer, stored beside the repository (offline).
const offline: TransformersEmbedder.Options = {
  model: "static-use-lite-wordpiece-256d",
  localModelPath: path.resolve(repoRoot, "../shared/models"),
  allowRemoteModels: false
}


const texts = [
  "How do I reset my password?",
  "Steps to recover a forgotten password",
  "The weather is sunny today",
  "Deploy the API to production after the tests pass",
  "Café crème and naïve résumé"
]

layer(TransformersEmbedder.layerWith(offline))("TransformersEmbedder", (it) => {
  it.effect("names the model and discovers its dimension", () =>
    Effect.gen(function*() {
      const embedder = yield* Embedder.Embedder
      assert.strictEqual(embedder.model, "static-use-lite-wordpiece-256d")
      assert.strictEqual(embedder.dimensions, 256)
    }))

  embedderChecks(it, { dimensions: 256, texts })

  it.effect("returns [] for an empty batch and finite vectors for empty texts", () =>
    Effect.gen(function*() {
      const embedder = yield* Embedder.Embedder
      assert.deepStrictEqual(yield* embedder.embedMany([]), [])
      const [empty] = yield* embedder.embedMany(["", "hello"])
      assert.isTrue(empty!.every(Number.isFinite))
    }))
})

describe("TransformersEmbedder.makeWith", () => {
  it.scoped("splits large inputs into batches without changing the vectors", () =>
    Effect.gen(function*() {
      const small = yield* TransformersEmbedder.makeWith({ ...offline, batchSize: 2 })
      const large = yield* TransformersEmbedder.makeWith(offline)
      const [split, whole] = [yield* small.embedMany(texts), yield* large.embedMany(texts)]
      assert.strictEqual(split.length, texts.length)
      split.forEach((v, i) => assert.isBelow(maxDiff(v, whole[i]!), 1e-4))
    }))

  it.effect("accepts the right expected dimension and rejects another, naming both", () =>
    Effect.gen(function*() {
      const ok = yield* Effect.scoped(TransformersEmbedder.makeWith({ ...offline, dimensions: 256 }))
      assert.strictEqual(ok.dimensions, 256)
      const error = yield* Effect.flip(Effect.scoped(TransformersEmbedder.makeWith({ ...offline, dimensions: 384 })))
      assert.strictEqual(error._tag, "ConfigurationError")
      assert.include(error.message, "256")
      assert.include(error.message, "384")
    }))

  it.effect("fails with an EmbeddingError saying where it looked when the model is missing", () =>
    Effect.gen(function*() {
      const error = yield* Effect.flip(
        Effect.scoped(TransformersEmbedder.makeWith({ ...offline, model: "no-such-model" }))
      )
      assert.strictEqual(error._tag, "EmbeddingError")
      if (error._tag !== "EmbeddingError") return
      assert.strictEqual(error.model, "no-such-model")
      assert.include(error.reason, path.join(offline.localModelPath!, "no-such-model"))
      assert.include(error.reason, "remote models are disabled")
      assert.include(error.reason, "localModelPath")
    }))

  it.effect("restores transformers.js's global settings after loading", () =>
    Effect.gen(function*() {
      const saved = { allowRemoteModels: env.allowRemoteModels, localModelPath: env.localModelPath }
      yield* Effect.scoped(TransformersEmbedder.makeWith(offline))
      yield* Effect.flip(Effect.scoped(TransformersEmbedder.makeWith({ ...offline, model: "no-such-model" })))
      assert.deepStrictEqual({ allowRemoteModels: env.allowRemoteModels, localModelPath: env.localModelPath }, saved)
    }))

  it.effect("falls back to transformers.js's own localModelPath when none is given", () =>
    Effect.gen(function*() {
      const saved = env.localModelPath
      env.localModelPath = offline.localModelPath!
      const embedder = yield* Effect.scoped(
        TransformersEmbedder.makeWith({ model: offline.model, allowRemoteModels: false })
      ).pipe(Effect.ensuring(Effect.sync(() => (env.localModelPath = saved))))
      assert.strictEqual(embedder.dimensions, 256)
    }))
})
