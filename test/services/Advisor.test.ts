import { assert, describe, it } from "@effect/vitest"
import { DateTime, Effect, Layer, TestClock } from "effect"
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterAll } from "vitest"
import * as HashEmbedder from "../../layers/embedders/HashEmbedder.js"
import * as LocalEmbedder from "../../layers/embedders/LocalEmbedder.js"
import * as Alma from "../../src/Alma.js"
import type { ValidationError } from "../../src/domain/AlmaError.js"
import { MemoryId } from "../../src/domain/Ids.js"
import type { Memory } from "../../src/domain/Memory.js"
import { AntiPattern, DomainKnowledge, Heuristic, UserPreference } from "../../src/domain/Memory.js"
import { step } from "../../src/internal/advice/feedback.js"
import { decide, defaultThresholds, matchAntiPatterns } from "../../src/internal/advice/recommend.js"
import * as Advisor from "../../src/services/Advisor.js"
import * as Learner from "../../src/services/Learner.js"
import * as Retriever from "../../src/services/Retriever.js"
import * as Storage from "../../src/services/Storage.js"
import { scope } from "../fixtures/stack.js"

const PROJECT = "default"

type EngineOptions = NonNullable<Parameters<typeof Alma.layerInMemory>[0]>

const stack = (options: EngineOptions = {}) =>
  Advisor.layer({ projectId: PROJECT }).pipe(
    Layer.provideMerge(Alma.layerInMemory({ agents: [scope("helena"), scope("victor")], ...options }))
  )

let seq = 0
const newId = (prefix: string) => MemoryId.make(`${prefix}_${(++seq).toString(16).padStart(16, "0")}`)

const common = (prefix: string, at: DateTime.Utc) => ({
  id: newId(prefix),
  projectId: PROJECT,
  createdAt: at,
  updatedAt: at,
  metadata: {},
  provenance: []
})

const antiPattern = (agent: string, pattern: string, whyBad: string, betterAlternative: string, at: DateTime.Utc) =>
  AntiPattern.make({ ...common("anti", at), agent, pattern, whyBad, betterAlternative, occurrenceCount: 2, lastSeen: at })

const heuristic = (agent: string, strategy: string, confidence: number, at: DateTime.Utc) =>
  Heuristic.make({
    ...common("heur", at),
    agent,
    taskType: "form_testing",
    condition: "task type: form_testing",
    strategy,
    confidence,
    occurrenceCount: 10,
    successCount: Math.round(confidence * 10),
    lastValidated: at
  })

const store = (memories: ReadonlyArray<Memory>) => Effect.flatMap(Learner.Learner, (l) => l.store(memories))
const check = (input: Advisor.CheckActionInput) => Effect.flatMap(Advisor.Advisor, (a) => a.checkAction(input))
const feedback = (input: Advisor.FeedbackInput) => Effect.flatMap(Advisor.Advisor, (a) => a.recordFeedback(input))
const load = (id: MemoryId) => Effect.flatMap(Storage.Storage, (s) => s.get(PROJECT, id))

const FORCE_PUSH = "force push to the shared main branch"
const seedForcePush = (agent: string) =>
  Effect.gen(function*() {
    const ap = antiPattern(
      agent,
      FORCE_PUSH,
      "it rewrites history other people have already pulled",
      "open a pull request and merge it through review",
      yield* DateTime.now
    )
    yield* store([ap])
    return ap
  })

describe("recommendation thresholds (pure)", () => {
  const now = DateTime.unsafeMake(0)
  const ap = antiPattern("helena", "use fixed sleeps", "flaky", "wait explicitly for the element", now)
  const h = (confidence: number) => heuristic("helena", "wait explicitly", confidence, now)

  it("avoid from 0.75, caution from 0.65, proceed below", () => {
    const t = defaultThresholds
    const verdict = (similarity: number) => decide(matchAntiPatterns([{ memory: ap, similarity }], t), [], t)
    assert.strictEqual(verdict(0.75).recommendation, "avoid")
    assert.strictEqual(verdict(0.7499).recommendation, "caution")
    assert.strictEqual(verdict(0.65).recommendation, "caution")
    assert.strictEqual(verdict(0.6499).recommendation, "proceed")
    assert.strictEqual(
      verdict(0.82).reason,
      "Matches anti-pattern 'use fixed sleeps' (similarity 0.82): flaky. Instead: wait explicitly for the element."
    )
  })

  it("an action closer to the better alternative than to the pattern does not match it", () => {
    const t = defaultThresholds
    assert.strictEqual(matchAntiPatterns([{ memory: ap, similarity: 0.9, alternativeSimilarity: 0.91 }], t).length, 0)
    assert.strictEqual(matchAntiPatterns([{ memory: ap, similarity: 0.9, alternativeSimilarity: 0.9 }], t).length, 1)
  })

  it("a matching heuristic below confidence 0.5 means caution; at 0.5, proceed", () => {
    const low = decide([], [{ memory: h(0.49), similarity: 0.8 }], defaultThresholds)
    assert.strictEqual(low.recommendation, "caution")
    assert.include(low.reason, "confidence is only 0.49")
    assert.strictEqual(decide([], [{ memory: h(0.5), similarity: 0.8 }], defaultThresholds).recommendation, "proceed")
    assert.strictEqual(decide([], [], defaultThresholds).reason, "No learned anti-pattern or heuristic matches this action.")
  })
})

describe("Advisor.checkAction", () => {
  it.effect("avoids an action that matches an anti-pattern, whatever the context", () =>
    Effect.gen(function*() {
      const ap = yield* seedForcePush("helena")
      const plain = yield* check({ agent: "helena", action: "force push to the main branch" })
      assert.strictEqual(plain.recommendation, "avoid")
      assert.strictEqual(plain.antiPatterns[0]!.memory.id, ap.id)
      assert.isAtLeast(plain.antiPatterns[0]!.similarity, 0.75)
      assert.match(
        plain.reason,
        new RegExp(
          "^Matches anti-pattern 'force push to the shared main branch' \\(similarity 0\\.\\d\\d\\): " +
            "it rewrites history other people have already pulled\\. " +
            "Instead: open a pull request and merge it through review\\.$"
        )
      )
      const withContext = yield* check({
        agent: "helena",
        action: "force push to the main branch",
        context: "We are releasing version 2 of the checkout service this afternoon and the release branch is behind"
      })
      assert.strictEqual(withContext.recommendation, "avoid")
      assert.strictEqual(withContext.antiPatterns[0]!.similarity, plain.antiPatterns[0]!.similarity)
    }).pipe(Effect.provide(stack())))

  it.effect("proceeds on an unrelated action, and on one that follows the better alternative", () =>
    Effect.gen(function*() {
      yield* seedForcePush("helena")
      const unrelated = yield* check({ agent: "helena", action: "write unit tests for the login form" })
      assert.strictEqual(unrelated.recommendation, "proceed")
      assert.deepStrictEqual(unrelated.antiPatterns, [])
      const alternative = yield* check({ agent: "helena", action: "open a pull request and merge it through review" })
      assert.strictEqual(alternative.recommendation, "proceed")
    }).pipe(Effect.provide(stack())))

  it.effect("never shows an agent anti-patterns it cannot read", () =>
    Effect.gen(function*() {
      yield* seedForcePush("victor")
      const helena = yield* check({ agent: "helena", action: FORCE_PUSH })
      assert.strictEqual(helena.recommendation, "proceed")
      assert.deepStrictEqual(helena.antiPatterns, [])
      assert.strictEqual((yield* check({ agent: "victor", action: FORCE_PUSH })).recommendation, "avoid")
    }).pipe(Effect.provide(stack())))

  it.effect("reads anti-patterns shared with the agent", () =>
    Effect.gen(function*() {
      const ap = yield* seedForcePush("victor")
      const result = yield* check({ agent: "helena", action: FORCE_PUSH })
      assert.strictEqual(result.recommendation, "avoid")
      assert.strictEqual(result.antiPatterns[0]!.memory.id, ap.id)
    }).pipe(Effect.provide(stack({
      agents: [scope("helena", { inheritFrom: ["victor"] }), scope("victor", { shareWith: ["helena"] })]
    }))))

  it.effect("cautions when the best matching heuristic has low confidence; proceeds on a confident one", () =>
    Effect.gen(function*() {
      const now = yield* DateTime.now
      yield* store([
        heuristic("helena", "retry the flaky upload three times with backoff", 0.3, now),
        heuristic("helena", "validate each form field as it is typed", 0.9, now)
      ])
      const weak = yield* check({ agent: "helena", action: "retry the flaky upload three times with backoff" })
      assert.strictEqual(weak.recommendation, "caution")
      assert.strictEqual(weak.heuristics[0]!.memory.strategy, "retry the flaky upload three times with backoff")
      const strong = yield* check({ agent: "helena", action: "validate each form field as it is typed" })
      assert.strictEqual(strong.recommendation, "proceed")
      assert.include(strong.reason, "confidence 0.90")
    }).pipe(Effect.provide(stack())))

  it.effect("rejects an unknown agent and bad input", () =>
    Effect.gen(function*() {
      const unknown = (yield* Effect.flip(check({ agent: "nobody", action: "x" }))) as ValidationError
      assert.strictEqual(unknown.field, "agent")
      const empty = (yield* Effect.flip(check({ agent: "helena", action: "   " }))) as ValidationError
      assert.strictEqual(empty.field, "action")
      const topK = (yield* Effect.flip(check({ agent: "helena", action: "x", topK: 0 }))) as ValidationError
      assert.strictEqual(topK.field, "top_k")
    }).pipe(Effect.provide(stack())))
})

describe("Advisor.recordFeedback", () => {
  it.effect("moves confidence by c + 0.15·(target − c) and counts verdicts in metadata", () =>
    Effect.gen(function*() {
      const now = yield* DateTime.now
      const h = heuristic("helena", "validate each field", 0.6, now)
      const k = DomainKnowledge.make({
        ...common("dk", now),
        agent: "helena",
        domain: "auth",
        fact: "passwords expire after 90 days",
        source: "user_stated",
        confidence: 0.8,
        lastVerified: now
      })
      const p = UserPreference.make({
        ...common("pref", now),
        userId: "alice",
        category: "style",
        preference: "short answers",
        source: "explicit_instruction",
        confidence: 1
      })
      yield* store([h, k, p])
      const before = yield* load(h.id)
      yield* TestClock.adjust("2 hours")
      const result = yield* feedback({ agent: "helena", helpful: [h.id, p.id], harmful: [k.id] })
      assert.deepStrictEqual(result.missing, [])
      assert.deepStrictEqual(
        result.updated.map((u) => [u.memory.id, u.verdict, u.confidenceBefore, u.confidenceAfter]),
        [[h.id, "helpful", 0.6, 0.6 + 0.15 * 0.4], [p.id, "helpful", 1, 1], [k.id, "harmful", 0.8, 0.8 - 0.15 * 0.8]]
      )
      const stored = yield* load(h.id)
      assert(stored.memory.kind === "heuristic")
      assert.closeTo(stored.memory.confidence, 0.66, 1e-12)
      assert.strictEqual(stored.memory.metadata["feedback_helpful"], 1)
      assert.strictEqual(stored.memory.metadata["last_feedback_at"], DateTime.formatIso(yield* DateTime.now))
      assert.isTrue(DateTime.Equivalence(stored.memory.updatedAt, h.updatedAt)) // feedback is not an edit
      assert.deepStrictEqual(stored.embedding, before.embedding) // saved with its stored embedding
      // again: 0.66 → 0.711; then harmful: 0.711 → 0.60435
      yield* feedback({ agent: "helena", helpful: [h.id] })
      const [again] = (yield* feedback({ agent: "helena", harmful: [h.id] })).updated
      assert.closeTo(again!.confidenceBefore, 0.711, 1e-12)
      assert.closeTo(again!.confidenceAfter, 0.711 * 0.85, 1e-12)
      assert.strictEqual(again!.memory.metadata["feedback_helpful"], 2)
      assert.strictEqual(again!.memory.metadata["feedback_harmful"], 1)
      assert.strictEqual(step(0, "harmful"), 0)
      assert.strictEqual(step(1, "helpful"), 1)
    }).pipe(Effect.provide(stack())))

  it.effect("outcomes and anti-patterns only count the verdict", () =>
    Effect.gen(function*() {
      const ap = yield* seedForcePush("helena")
      const [u] = (yield* feedback({ agent: "helena", harmful: [ap.id, ap.id] })).updated
      assert.strictEqual(u!.confidenceBefore, 1)
      assert.strictEqual(u!.confidenceAfter, 1)
      const stored = yield* load(ap.id)
      assert.strictEqual(stored.memory.metadata["feedback_harmful"], 1) // duplicates count once
      assert(stored.memory.kind === "anti_pattern")
      assert.strictEqual(stored.memory.pattern, FORCE_PUSH)
    }).pipe(Effect.provide(stack())))

  it.effect("reports unknown and unreadable ids as missing and leaves them alone", () =>
    Effect.gen(function*() {
      const now = yield* DateTime.now
      const mine = heuristic("helena", "mine", 0.6, now)
      const theirs = heuristic("victor", "theirs", 0.6, now)
      yield* store([mine, theirs])
      const ghost = newId("heur")
      const result = yield* feedback({ agent: "helena", helpful: [mine.id, theirs.id, ghost] })
      assert.deepStrictEqual(result.updated.map((u) => u.memory.id), [mine.id])
      assert.deepStrictEqual(result.missing, [theirs.id, ghost])
      const untouched = yield* load(theirs.id)
      assert(untouched.memory.kind === "heuristic")
      assert.strictEqual(untouched.memory.confidence, 0.6)
      assert.deepStrictEqual(untouched.memory.metadata, {})
    }).pipe(Effect.provide(stack())))

  it.effect("rejects an id in both lists, malformed ids, too many ids and no ids, changing nothing", () =>
    Effect.gen(function*() {
      const h = heuristic("helena", "validate each field", 0.6, yield* DateTime.now)
      yield* store([h])
      const fail = (input: unknown) =>
        Effect.map(Effect.flip(feedback(input as Advisor.FeedbackInput)), (e) => e as ValidationError)
      const both = yield* fail({ agent: "helena", helpful: [h.id], harmful: [h.id] })
      assert.strictEqual(both.field, "harmful")
      assert.include(both.reason, h.id)
      assert.strictEqual((yield* fail({ agent: "helena", helpful: [h.id, "not-an-id"] })).field, "helpful.1")
      const many = Array.from({ length: 101 }, () => newId("heur"))
      assert.strictEqual((yield* fail({ agent: "helena", harmful: many })).field, "harmful")
      assert.strictEqual((yield* fail({ agent: "helena", helpful: [] })).field, "helpful")
      assert.strictEqual((yield* fail({ agent: "nobody", helpful: [h.id] })).field, "agent")
      const stored = yield* load(h.id)
      assert(stored.memory.kind === "heuristic")
      assert.strictEqual(stored.memory.confidence, 0.6)
    }).pipe(Effect.provide(stack())))

  it.effect("invalidates cached retrievals, and concurrent verdicts on one memory all count", () =>
    Effect.gen(function*() {
      const h = heuristic("helena", "validate each form field as it is typed", 0.6, yield* DateTime.now)
      yield* store([h])
      const retriever = yield* Retriever.Retriever
      const query = { agent: "helena", task: "validate each form field", kinds: ["heuristic" as const] }
      yield* retriever.retrieve(query)
      yield* Effect.all(Array.from({ length: 5 }, () => feedback({ agent: "helena", helpful: [h.id] })), {
        concurrency: "unbounded"
      })
      const fresh = yield* retriever.retrieve(query)
      assert.isFalse(fresh.cacheHit)
      const seen = fresh.heuristics[0]!.memory
      assert.strictEqual(seen.metadata["feedback_helpful"], 5)
      assert.closeTo(seen.confidence, 1 - 0.4 * 0.85 ** 5, 1e-12)
    }).pipe(Effect.provide(stack())))
})

describe("Advisor.checkAction with the local embedder (USE-lite)", () => {
  it.effect("restatement → avoid, paraphrase → caution, the alternative and unrelated → proceed", () =>
    Effect.gen(function*() {
      const now = yield* DateTime.now
      yield* store([
        antiPattern(
          "helena",
          "delete the production database to reset state",
          "all customer data is lost",
          "reset state in a disposable test database",
          now
        )
      ])
      const verdict = (action: string) => Effect.map(check({ agent: "helena", action }), (r) => r.recommendation)
      assert.strictEqual(yield* verdict("reset state by deleting the production database"), "avoid")
      assert.strictEqual(yield* verdict("drop the prod database and recreate it"), "caution")
      assert.strictEqual(yield* verdict("reset the state in a fresh test database"), "proceed")
      assert.strictEqual(yield* verdict("update the README with setup steps"), "proceed")
    }).pipe(Effect.provide(stack({ embedder: LocalEmbedder.layer.pipe(Layer.orDie) }))))
})

describe("Advisor.recordFeedback (SQLite file)", () => {
  const dir = mkdtempSync(join(tmpdir(), "alma-advisor-"))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))
  const sqlite = Advisor.layer({ projectId: PROJECT }).pipe(
    Layer.provideMerge(
      Alma.layerSqlite({ filename: join(dir, "alma.db"), embedder: HashEmbedder.layer, agents: [scope("helena")] })
    )
  )

  it.effect("concurrent verdicts on one memory all count, and the memory stays searchable", () =>
    Effect.gen(function*() {
      const h = heuristic("helena", "validate each form field as it is typed", 0.6, yield* DateTime.now)
      yield* store([h])
      yield* Effect.all(
        Array.from({ length: 6 }, (_, i) =>
          feedback({ agent: "helena", ...(i % 2 === 0 ? { helpful: [h.id] } : { harmful: [h.id] }) })),
        { concurrency: "unbounded" }
      )
      const stored = yield* load(h.id)
      assert.strictEqual(stored.memory.metadata["feedback_helpful"], 3)
      assert.strictEqual(stored.memory.metadata["feedback_harmful"], 3)
      const hits = yield* Effect.flatMap(Storage.Storage, (s) =>
        s.vectorSearch({ projectId: PROJECT, owners: ["helena"], kinds: ["heuristic"], k: 1 }, stored.embedding))
      assert.strictEqual(hits[0]!.id, h.id)
      assert.closeTo(hits[0]!.distance, 0, 1e-6)
    }).pipe(Effect.provide(sqlite)))
})
