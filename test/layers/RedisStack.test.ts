/**
 * End to end: two full ALMA stacks (as two processes would have: their own engine, connections and
 * in-process state) over one SQLite file, sharing only the Redis retrieval cache. A `learn` in stack
 * A must invalidate the slice stack B cached; with per-process caches (the control) it does not.
 */
import { afterAll, assert, it } from "@effect/vitest"
import type { Context } from "effect"
import { Effect, Layer } from "effect"
import { mkdtempSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import * as HashEmbedder from "../../layers/embedders/HashEmbedder.js"
import * as RedisCache from "../../layers/redis/RedisCache.js"
import * as SqliteStorage from "../../layers/sqlite/SqliteStorage.js"
import { AgentScope } from "../../src/domain/AgentScope.js"
import * as AlmaService from "../../src/services/Alma.js"
import * as Forgetter from "../../src/services/Forgetter.js"
import * as Learner from "../../src/services/Learner.js"
import * as MemoryCache from "../../src/services/MemoryCache.js"
import * as MemoryScope from "../../src/services/MemoryScope.js"
import * as Retriever from "../../src/services/Retriever.js"
import { deleteRunKeys, freshPrefix } from "../fixtures/redisServer.js"
import { describeWithService } from "../support/services.js"

const projectId = "e2e"

/**
 * One full stack on `filename` with the given retrieval cache: the composition of `Alma.layerEngine`
 * with its cache left open (what `Alma.layerProject` provides), over SQLite and the hash embedder.
 */
const stack = <E>(filename: string, cache: Layer.Layer<MemoryCache.MemoryCache, E>) =>
  AlmaService.layer({ projectId }).pipe(
    Layer.provideMerge(
      Layer.mergeAll(Retriever.layer({ projectId }), Learner.layer({ projectId }), Forgetter.layer({ projectId }))
    ),
    Layer.provideMerge(
      Layer.mergeAll(
        MemoryScope.layer({ scopes: [AgentScope.make({ agent: "helena" }), AgentScope.make({ agent: "victor" })] }),
        cache
      )
    ),
    Layer.provideMerge(SqliteStorage.layerWith({ filename })),
    Layer.provideMerge(HashEmbedder.layer)
  )

const almaOf = (context: Context.Context<AlmaService.Alma>) => Effect.provide(AlmaService.Alma, context)

const task = { task: "export the monthly invoices to CSV", agent: "helena" }

/** B caches a slice, A learns; returns what B's next retrieval looked like. */
const scenario = <E>(cacheA: Layer.Layer<MemoryCache.MemoryCache, E>, cacheB: Layer.Layer<MemoryCache.MemoryCache, E>) =>
  Effect.scoped(Effect.gen(function*() {
    const filename = join(mkdtempSync(join(tmpdir(), "alma-redis-e2e-")), "alma.db")
    const a = yield* almaOf(yield* Layer.build(stack(filename, cacheA)))
    const b = yield* almaOf(yield* Layer.build(stack(filename, cacheB)))
    yield* a.addKnowledge({ agent: "helena", domain: "billing", fact: "monthly invoices are exported as CSV files" })
    assert.isFalse((yield* b.retrieve(task)).cacheHit)
    assert.isTrue((yield* b.retrieve(task)).cacheHit)
    // victor's memories are not in helena's view: his write cannot change her slice
    yield* a.learn({ agent: "victor", task: "export the monthly invoices", outcome: "success", strategyUsed: "stream rows" })
    const afterVictor = yield* b.retrieve(task)
    const learned = yield* a.learn({
      agent: "helena",
      task: "export the monthly invoices to CSV",
      outcome: "success",
      strategyUsed: "stream the invoices to CSV in pages of 500"
    })
    const afterLearn = yield* b.retrieve(task)
    return {
      afterVictor,
      afterLearn,
      sawOutcome: afterLearn.outcomes.some((o) => o.memory.id === learned.outcome.id),
      again: yield* b.retrieve(task)
    }
  }))

describeWithService("redis", "two stacks sharing a Redis retrieval cache", (url) => {
  afterAll(() => deleteRunKeys(url))

  it.live("a learn in stack A invalidates the retrieval stack B cached", () =>
    Effect.gen(function*() {
      const keyPrefix = freshPrefix("e2e")
      const result = yield* scenario(RedisCache.layer({ url, keyPrefix }), RedisCache.layer({ url, keyPrefix }))
      assert.isTrue(result.afterVictor.cacheHit, "a write outside helena's view keeps her slice")
      assert.isFalse(result.afterLearn.cacheHit, "A's learn must invalidate B's cached slice")
      assert.isTrue(result.sawOutcome, "B's new slice contains the outcome A just learned")
      assert.isTrue(result.again.cacheHit)
    }))

  it.live("control: with per-process caches, B serves its stale slice", () =>
    Effect.gen(function*() {
      const result = yield* scenario(MemoryCache.layer(), MemoryCache.layer())
      assert.isTrue(result.afterLearn.cacheHit)
      assert.isFalse(result.sawOutcome)
    }))
})
