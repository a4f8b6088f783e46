import { assert, describe, it, layer } from "@effect/vitest"
import { Effect, Exit, Scope } from "effect"
import * as LocalEmbedder from "../../../layers/embedders/LocalEmbedder.js"
import * as Embedder from "../../../src/services/Embedder.js"
import { embedderChecks, maxDiff, norm } from "../../fixtures/embedderChecks.js"


const texts = [
  "How do I reset my password?",
  "Steps to recover a forgotten password",
  "The weather is sunny today",
  "Deploy the API to production after the tests pass",
  "",
  "Café crème ☕ and naïve résumé"
]

layer(LocalEmbedder.layer)("LocalEmbedder", (it) => {
  it.effect("is Universal Sentence Encoder Lite, 512 dimensions", () =>
    Effect.gen(function*() {
      const embedder = yield* Embedder.Embedder
      assert.strictEqual(embedder.model, "use-lite-512")
      assert.strictEqual(embedder.dimensions, 512)
    }))

  embedderChecks(it, { dimensions: 512, texts })

  it.effect("handles an empty batch and batches of empty texts", () =>
    Effect.gen(function*() {
      const embedder = yield* Embedder.Embedder
      assert.deepStrictEqual(yield* embedder.embedMany([]), [])
      const [a, b] = yield* embedder.embedMany(["", ""])
      assert.closeTo(norm(a!), 1, 1e-4)
      assert.isBelow(maxDiff(a!, b!), 1e-6)
      assert.isBelow(maxDiff(a!, yield* embedder.embed("")), 1e-4)
    }))
})

describe("LocalEmbedder.makeWith", () => {
  it.scoped("splits large inputs into batches without changing the vectors", () =>
    Effect.gen(function*() {
      const small = yield* LocalEmbedder.makeWith({ batchSize: 4 })
      const large = yield* LocalEmbedder.make
      const many = Array.from({ length: 10 }, (_, i) => `${texts[i % texts.length]} (${i})`)
      const [split, whole] = [yield* small.embedMany(many), yield* large.embedMany(many)]
      assert.strictEqual(split.length, 10)
      split.forEach((v, i) => assert.isBelow(maxDiff(v, whole[i]!), 1e-4))
    }))

  it.effect("releases the model's tensors when its scope closes", () =>
    Effect.gen(function*() {
      const scope = yield* Scope.make()
      const embedder = yield* Scope.extend(LocalEmbedder.make, scope)
      yield* embedder.embed("hello")
      yield* Scope.close(scope, Exit.void)
      const error = yield* Effect.flip(embedder.embed("hello"))
      assert.strictEqual(error._tag, "EmbeddingError")
      assert.include(String(error.cause), "disposed")
    }))

  it.effect("rejects a batch size that is not a positive integer", () =>
    Effect.gen(function*() {
      const error = yield* Effect.flip(Effect.scoped(LocalEmbedder.makeWith({ batchSize: 0 })))
      assert.strictEqual(error._tag, "ConfigurationError")
    }))
})
