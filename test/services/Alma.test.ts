import { assert, describe, it } from "@effect/vitest"
import { Effect, Layer, Schema } from "effect"
import * as HashEmbedder from "../../layers/embedders/HashEmbedder.js"
import { Memory } from "../../src/domain/Memory.js"
import { withAlma } from "../fixtures/stack.js"

describe("Alma: get / update / delete / stats", () => {
  it.effect("get returns a memory; a malformed id is a ValidationError; an absent one NotFoundError", () =>
    withAlma((alma) =>
      Effect.gen(function*() {
        const fact = yield* alma.addKnowledge({ agent: "helena", domain: "api", fact: "The API is REST" })
        const got = yield* alma.get(fact.id)
        assert.strictEqual(got.kind, "domain_knowledge")
        assert.strictEqual((yield* Effect.flip(alma.get("nope")))._tag, "ValidationError")
        assert.strictEqual((yield* Effect.flip(alma.get("dk_0000000000000000")))._tag, "NotFoundError")
      })
    ))

  it.effect("update changes editable fields, re-embeds, and rejects others", () =>
    withAlma((alma) =>
      Effect.gen(function*() {
        const fact = yield* alma.addKnowledge({ agent: "helena", domain: "api", fact: "The API is REST" })
        const updated = yield* alma.update(fact.id, { fact: "The API is GraphQL", confidence: 0.6 })
        assert.strictEqual(updated.kind === "domain_knowledge" && updated.fact, "The API is GraphQL")
        const slice = yield* alma.retrieve({ task: "GraphQL", agent: "helena" })
        assert.strictEqual(slice.domainKnowledge[0]?.memory.id, fact.id)
        const wrong = yield* Effect.flip(alma.update(fact.id, { strategy: "x" }))
        assert.strictEqual(wrong._tag, "ValidationError")
        if (wrong._tag === "ValidationError") assert.strictEqual(wrong.field, "strategy")
        const bad = yield* Effect.flip(alma.update(fact.id, { confidence: 1.5 }))
        assert.strictEqual(bad._tag, "ValidationError")
        const again = yield* alma.get(fact.id)
        assert.strictEqual(again.kind === "domain_knowledge" && again.confidence, 0.6)
      })
    ))

  it.effect("delete removes the memory from retrieval and audits it", () =>
    withAlma((alma) =>
      Effect.gen(function*() {
        const fact = yield* alma.addKnowledge({ agent: "helena", domain: "api", fact: "The API is REST" })
        assert.strictEqual((yield* alma.retrieve({ task: "REST API", agent: "helena" })).domainKnowledge.length, 1)
        yield* alma.delete(fact.id)
        assert.strictEqual((yield* alma.retrieve({ task: "REST API", agent: "helena" })).domainKnowledge.length, 0)
        const audit = yield* alma.auditLog()
        assert.strictEqual(audit[0]!.memoryId, fact.id)
        assert.strictEqual(audit[0]!.reason, "deleted by caller")
        assert.strictEqual((yield* Effect.flip(alma.delete(fact.id)))._tag, "NotFoundError")
      })
    ))

  it.effect("stats counts per kind, for the project or one agent", () =>
    withAlma((alma) =>
      Effect.gen(function*() {
        yield* alma.addKnowledge({ agent: "helena", domain: "api", fact: "a" })
        yield* alma.addKnowledge({ agent: "victor", domain: "api", fact: "b" })
        yield* alma.addPreference({ userId: "u1", category: "style", preference: "terse" })
        const all = yield* alma.stats()
        assert.strictEqual(all.total, 3)
        assert.strictEqual(all.counts.domain_knowledge, 2)
        assert.strictEqual(all.backend, "memory")
        assert.strictEqual((yield* alma.stats({ agent: "helena" })).total, 1)
      })
    ))
})

describe("Alma: bad input changes nothing", () => {
  it.effect("every write rejects bad input with the field named, and stores nothing", () =>
    withAlma((alma) =>
      Effect.gen(function*() {
        const attempts: ReadonlyArray<readonly [Effect.Effect<unknown, { readonly _tag: string }>, string]> = [
          [alma.learn({ agent: "helena", task: "", outcome: "success", strategyUsed: "s" }), "task"],
          [alma.learn({ agent: "helena", task: "t", outcome: "succeeded" as never, strategyUsed: "s" }), "outcome"],
          [alma.learn({ agent: "helena", task: "t", outcome: "success", strategyUsed: "s", durationMs: Number.NaN }), "durationMs"],
          [alma.learn({ agent: "helena", task: "t", outcome: "success", strategyUsed: "s", durationMs: -1 }), "durationMs"],
          [alma.learn({ agent: "helena", task: "t", outcome: "success", strategyUsed: "s".repeat(8001) }), "strategyUsed"],
          [alma.learn({ agent: "", task: "t", outcome: "success", strategyUsed: "s" }), "agent"],
          [alma.learn({ agent: "helena", task: "t", outcome: "success", strategyUsed: "s", metadata: { big: "x".repeat(20_000) } }), "metadata"],
          [alma.addKnowledge({ agent: "helena", domain: "api", fact: "f", confidence: -0.1 }), "confidence"],
          [alma.addKnowledge({ agent: "helena", domain: "a b", fact: "f" }), "domain"],
          [alma.addPreference({ userId: "u1", category: "style", preference: "" }), "preference"],
          [alma.addAntiPattern({ agent: "helena", pattern: "p", whyBad: "", betterAlternative: "b" }), "whyBad"],
          [alma.forget({ olderThanDays: -3 }), "olderThanDays"],
          [alma.forget({ belowConfidence: 2 }), "belowConfidence"]
        ]
        for (const [attempt, field] of attempts) {
          const error = yield* Effect.flip(attempt)
          assert.strictEqual(error._tag, "ValidationError", field)
          if ("field" in error) assert.strictEqual(error.field, field)
        }
        // a batch with one bad item stores none of them
        const batch = yield* Effect.flip(
          alma.addKnowledgeBatch([{ agent: "helena", domain: "api", fact: "ok" }, { agent: "helena", domain: "api", fact: " " }])
        )
        assert.strictEqual(batch._tag, "ValidationError")
        if (batch._tag === "ValidationError") assert.strictEqual(batch.field, "fact")
        assert.strictEqual((yield* alma.stats()).total, 0)
      })
    ))
})

describe("Alma: export / import", () => {
  it.effect("moves every memory to another stack and embedder, re-embedded, ids kept", () =>
    Effect.gen(function*() {
      const exported = yield* withAlma((alma) =>
        Effect.gen(function*() {
          yield* alma.addKnowledge({ agent: "helena", domain: "api", fact: "The orders API paginates with cursors" })
          yield* alma.addPreference({ userId: "u1", category: "style", preference: "terse" })
          for (let i = 0; i < 3; i++) {
            yield* alma.learn({ agent: "helena", task: `Test the signup form ${i}`, taskType: "forms", outcome: "success", strategyUsed: "wait for the submit button" })
          }
          return yield* alma.exportMemories()
        })
      )
      assert.strictEqual(exported.length, 6)
      const json = JSON.parse(JSON.stringify(exported.map((m) => Schema.encodeSync(Memory)(m))))
      yield* withAlma(
        (alma) =>
          Effect.gen(function*() {
            assert.strictEqual(yield* alma.importMemories(json), 6)
            assert.strictEqual(yield* alma.importMemories(exported), 6) // instances too; same ids: replaced
            const stats = yield* alma.stats()
            assert.strictEqual(stats.total, 6)
            assert.strictEqual(stats.projectId, "other")
            const slice = yield* alma.retrieve({ task: "orders API cursors", agent: "helena" })
            assert.strictEqual(slice.domainKnowledge[0]?.memory.id, exported.find((m) => m.kind === "domain_knowledge")!.id)
            const bad = yield* Effect.flip(alma.importMemories([{ ...json[0], kind: "memo" }]))
            assert.strictEqual(bad._tag, "ValidationError")
            if (bad._tag === "ValidationError") assert.match(bad.field, /^memories\.0/)
          }),
        { projectId: "other", embedder: HashEmbedder.layerWith({ dimensions: 64 }).pipe(Layer.orDie) }
      )
    }))
})
