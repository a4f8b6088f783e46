import { assert, describe, it } from "@effect/vitest"
import { Effect, Layer, Ref } from "effect"
import * as HashEmbedder from "../../../layers/embedders/HashEmbedder.js"
import * as Embedder from "../../../src/services/Embedder.js"

const norm = (v: Float32Array) => Math.hypot(...v)

describe("HashEmbedder", () => {
  it.effect("has model id hash-<dims> and the configured dimension", () =>
    Effect.gen(function*() {
      const byDefault = yield* HashEmbedder.make
      assert.strictEqual(byDefault.model, "hash-256")
      assert.strictEqual(byDefault.dimensions, 256)
      const small = yield* HashEmbedder.makeWith({ dimensions: 64 })
      assert.strictEqual(small.model, "hash-64")
      assert.strictEqual((yield* small.embed("hello world")).length, 64)
    }))

  it.effect("is deterministic and unit-norm", () =>
    Effect.gen(function*() {
      const embedder = yield* HashEmbedder.make
      const a = yield* embedder.embed("Deploy the service to staging")
      const b = yield* (yield* HashEmbedder.make).embed("Deploy the service to staging")
      assert.deepStrictEqual(Array.from(a), Array.from(b))
      assert.closeTo(norm(a), 1, 1e-5)
    }))

  it.effect("gives texts sharing words a positive cosine and unrelated texts about zero", () =>
    Effect.gen(function*() {
      const embedder = yield* HashEmbedder.make
      const [query, related, unrelated] = yield* embedder.embedMany([
        "How do I reset my password?",
        "Steps to recover a forgotten password",
        "The weather is sunny today"
      ])
      const close = Embedder.cosine(query!, related!)
      const far = Embedder.cosine(query!, unrelated!)
      assert.isAbove(close, 0.1)
      assert.isAbove(close, far)
      assert.isBelow(Math.abs(far), 0.1)
      const [plural, singular] = yield* embedder.embedMany(["passwords", "password"])
      assert.isAbove(Embedder.cosine(plural!, singular!), 0.3)
    }))

  it.effect("embedMany keeps order and equals single embeds; an empty batch is empty", () =>
    Effect.gen(function*() {
      const embedder = yield* HashEmbedder.make
      const texts = ["alpha beta", "gamma", "", "Alpha BETA!"]
      const many = yield* embedder.embedMany(texts)
      for (const [i, text] of texts.entries()) {
        assert.deepStrictEqual(Array.from(many[i]!), Array.from(yield* embedder.embed(text)))
      }
      assert.deepStrictEqual(Array.from(many[0]!), Array.from(many[3]!))
      assert.strictEqual(norm(many[2]!), 0)
      assert.deepStrictEqual(yield* embedder.embedMany([]), [])
    }))

  it.effect("rejects a dimension that is not a positive integer", () =>
    Effect.gen(function*() {
      const error = yield* Effect.flip(HashEmbedder.makeWith({ dimensions: 0 }))
      assert.strictEqual(error._tag, "ConfigurationError")
      assert.strictEqual(error.key, "dimensions")
      const layerError = yield* Effect.flip(
        Effect.provide(Embedder.Embedder, HashEmbedder.layerWith({ dimensions: 1.5 }))
      )
      assert.strictEqual(layerError._tag, "ConfigurationError")
    }))

  it.effect("provides the Embedder through its layer", () =>
    Effect.gen(function*() {
      const embedder = yield* Embedder.Embedder
      assert.strictEqual(embedder.model, "hash-32")
    }).pipe(Effect.provide(HashEmbedder.layerWith({ dimensions: 32 }))))
})

/** Wraps an embedder so that every `embedMany` batch it receives is recorded. */
const counting = (inner: Embedder.Service) =>
  Effect.gen(function*() {
    const calls = yield* Ref.make<ReadonlyArray<ReadonlyArray<string>>>([])
    const service: Embedder.Service = {
      ...inner,
      embed: (text) => Effect.zipRight(Ref.update(calls, (cs) => [...cs, [text]]), inner.embed(text)),
      embedMany: (texts) => Effect.zipRight(Ref.update(calls, (cs) => [...cs, texts]), inner.embedMany(texts))
    }
    return { service, calls }
  })

describe("Embedder.makeCached", () => {
  it.effect("embeds each distinct text once, batching only the misses", () =>
    Effect.gen(function*() {
      const inner = yield* HashEmbedder.make
      const { calls, service } = yield* counting(inner)
      const cached = yield* Embedder.makeCached(service)
      assert.strictEqual(cached.model, inner.model)
      assert.strictEqual(cached.dimensions, inner.dimensions)

      const first = yield* cached.embedMany(["a", "b"])
      const second = yield* cached.embedMany(["a", "b"])
      assert.deepStrictEqual(yield* Ref.get(calls), [["a", "b"]])
      assert.deepStrictEqual(second.map((v) => Array.from(v)), first.map((v) => Array.from(v)))

      const mixed = yield* cached.embedMany(["a", "c", "b", "d", "c"])
      assert.deepStrictEqual(yield* Ref.get(calls), [["a", "b"], ["c", "d"]])
      const expected = yield* inner.embedMany(["a", "c", "b", "d", "c"])
      assert.deepStrictEqual(mixed.map((v) => Array.from(v)), expected.map((v) => Array.from(v)))

      yield* cached.embed("d")
      assert.strictEqual((yield* Ref.get(calls)).length, 2)
    }))

  it.effect("withCache replaces a layer's Embedder with the cached one", () =>
    Effect.gen(function*() {
      const { calls, service } = yield* counting(yield* HashEmbedder.make)
      const layer = Embedder.withCache({ capacity: 100 })(Layer.succeed(Embedder.Embedder, service))
      yield* Effect.gen(function*() {
        const embedder = yield* Embedder.Embedder
        yield* embedder.embedMany(["x", "y"])
        yield* embedder.embedMany(["y", "x", "z"])
        yield* embedder.embed("z")
      }).pipe(Effect.provide(layer))
      assert.deepStrictEqual(yield* Ref.get(calls), [["x", "y"], ["z"]])
    }))
})
