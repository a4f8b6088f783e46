import { assert, describe, it } from "@effect/vitest"
import { Effect, Layer, Ref, Schema, TestClock } from "effect"
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import * as HashEmbedder from "../../layers/embedders/HashEmbedder.js"
import * as Alma from "../../src/Alma.js"
import type { RetrieveInput } from "../../src/domain/Inputs.js"
import { Memory } from "../../src/domain/Memory.js"
import type { MemorySlice } from "../../src/domain/MemorySlice.js"
import * as AlmaService from "../../src/services/Alma.js"
import * as Embedder from "../../src/services/Embedder.js"
import * as Storage from "../../src/services/Storage.js"
import * as Jsonl from "../../src/transfer/Jsonl.js"
import { scope } from "../fixtures/stack.js"

// fixtures

const agents = [scope("helena", { shareWith: ["victor"] }), scope("victor", { inheritFrom: ["helena"] })]
const stack = (options: Parameters<typeof Alma.layerInMemory>[0] = {}) => Alma.layerInMemory({ agents, ...options })

/** Every kind, with provenance, metadata, optional fields and timestamps spread over days. */
const seed = Effect.gen(function*() {
  const alma = yield* AlmaService.Alma
  for (let i = 0; i < 3; i++) {
    yield* alma.learn({
      agent: "helena",
      task: `Test the login form ${i}`,
      taskType: "form_testing",
      outcome: "success",
      strategyUsed: "Wait for the submit button, then assert",
      durationMs: 1200 + i,
      metadata: { run: i }
    })
    yield* TestClock.adjust("1 day")
  }
  for (let i = 0; i < 2; i++) {
    yield* alma.learn({
      agent: "helena",
      task: `Test the signup form ${i}`,
      taskType: "form_testing",
      outcome: "failure",
      strategyUsed: "Click submit immediately after load",
      errorMessage: "element not ready",
      feedback: "too fast"
    })
    yield* TestClock.adjust("2 days")
  }
  yield* alma.addPreference({ userId: "ana", category: "style", preference: "terse answers", metadata: { why: "busy" } })
  yield* alma.addKnowledge({ agent: "helena", domain: "api", fact: "The API is REST over HTTPS", source: "user_stated" })
  yield* alma.addKnowledge({ agent: "victor", domain: "billing", fact: "Invoices are issued monthly", confidence: 0.4 })
  yield* alma.addAntiPattern({
    agent: "victor",
    pattern: "Retry payment forever",
    whyBad: "double charges",
    betterAlternative: "Retry three times with idempotency keys",
    taskType: "billing"
  })
  yield* TestClock.adjust("1 day")
})

const queries: ReadonlyArray<RetrieveInput> = [
  { task: "Test the login form", agent: "helena", userId: "ana" },
  { task: "REST API over HTTPS", agent: "victor" },
  { task: "signup form submit fails", agent: "helena", mode: "diagnostic" },
  { task: "payment retry billing", agent: "victor", topK: 3 }
]

const sections = (slice: MemorySlice) =>
  [slice.heuristics, slice.antiPatterns, slice.preferences, slice.domainKnowledge, slice.outcomes].map((items) =>
    items.map((item) => [item.memory.id, item.score.final] as const)
  )

const retrieveAll = Effect.flatMap(AlmaService.Alma, (alma) =>
  Effect.forEach(queries, (q) => Effect.map(alma.retrieve(q), sections)))

/** The project's memories in JSON form, by id. */
const snapshot = Effect.gen(function*() {
  const alma = yield* AlmaService.Alma
  const memories = yield* alma.exportMemories()
  const encoded = yield* Effect.forEach(memories, (m) => Schema.encode(Memory)(m))
  return encoded.sort((a, b) => a.id.localeCompare(b.id))
})

const total = Effect.flatMap(AlmaService.Alma, (alma) => Effect.map(alma.stats(), (s) => s.total))

/** Seeds a fresh in-memory store and exports it. */
const exported = (options: Jsonl.ExportOptions = {}) =>
  Effect.zipRight(seed, Jsonl.exportJsonl(options)).pipe(Effect.provide(stack()))

const counting = (calls: Ref.Ref<number>) =>
  Layer.effect(
    Embedder.Embedder,
    Effect.map(HashEmbedder.make, (inner) =>
      Embedder.Embedder.of({
        ...inner,
        embed: (text) => Effect.zipRight(Ref.update(calls, (n) => n + 1), inner.embed(text)),
        embedMany: (texts) => Effect.zipRight(Ref.update(calls, (n) => n + texts.length), inner.embedMany(texts))
      }))
  )

// Editing lines as JSON is the point of these fixtures: they forge the files a user might hand over.
type Line = Record<string, unknown>
const parse = (line: string): Line => JSON.parse(line) as Line
const edit = (lines: ReadonlyArray<string>, index: number, f: (line: Line) => unknown) =>
  lines.map((l, i) => (i === index ? JSON.stringify(f(parse(l))) : l))
const indexOfKind = (lines: ReadonlyArray<string>, kind: string) => lines.findIndex((l, i) => i > 0 && parse(l).kind === kind)
const text = (lines: ReadonlyArray<string>) => lines.join("\n") + "\n"

/** Imports into a fresh in-memory store; returns the failure and how many memories were stored. */
const refused = (body: string) =>
  Effect.gen(function*() {
    const error = yield* Effect.flip(Jsonl.importJsonl(body))
    return { error, stored: yield* total }
  }).pipe(Effect.provide(stack()))

const roundTripSqlite = (dir: string) =>
  Effect.gen(function*() {
    const sqlite = (name: string) =>
      Alma.layerSqlite({ filename: join(dir, name), embedder: HashEmbedder.layer, agents })
    const source = yield* Effect.gen(function*() {
      yield* seed
      return {
        lines: yield* Jsonl.exportJsonl({ embeddings: true }),
        results: yield* retrieveAll,
        memories: yield* snapshot
      }
    }).pipe(Effect.provide(sqlite("source.db")))
    const target = yield* Effect.gen(function*() {
      const report = yield* Jsonl.importJsonl(text(source.lines))
      return { report, results: yield* retrieveAll, memories: yield* snapshot }
    }).pipe(Effect.provide(sqlite("target.db")))
    assert.isFalse(target.report.reembedded)
    assert.strictEqual(target.report.imported, source.lines.length - 1)
    assert.deepStrictEqual(target.memories, source.memories)
    assert.deepStrictEqual(target.results, source.results)
  })

// tests

describe("Jsonl: export", () => {
  it.effect("writes a header and one line per memory, with vectors only when asked", () =>
    Effect.gen(function*() {
      const plain = yield* exported()
      const header = parse(plain[0]!)
      assert.strictEqual(header.format, "alma-memory-jsonl")
      assert.strictEqual(header.version, 1)
      assert.strictEqual(header.projectId, "default")
      assert.strictEqual(header.embedding, null)
      assert.strictEqual(header.count, plain.length - 1)
      assert.strictEqual(plain.length - 1, 11) // 5 outcomes, 1 heuristic, 2 anti-patterns, 1 preference, 2 facts
      assert.isTrue(plain.slice(1).every((l) => parse(l).embedding === undefined))
      const kinds = new Set(plain.slice(1).map((l) => parse(l).kind))
      assert.deepStrictEqual([...kinds].sort(), ["anti_pattern", "domain_knowledge", "heuristic", "outcome", "user_preference"])

      const withVectors = yield* exported({ embeddings: true })
      assert.deepStrictEqual(parse(withVectors[0]!).embedding, { model: "hash-256", dimensions: 256 })
      assert.isTrue(withVectors.slice(1).every((l) => (parse(l).embedding as ReadonlyArray<number>).length === 256))

      const facts = yield* Effect.zipRight(seed, Jsonl.exportJsonl({ kinds: ["domain_knowledge"], agent: "victor" }))
        .pipe(Effect.provide(stack()))
      assert.strictEqual(facts.length, 2)
      assert.strictEqual(parse(facts[1]!).fact, "Invoices are issued monthly")
    }))
})

describe("Jsonl: round trip", () => {
  it.effect("export → import into a fresh store: same memories, same retrieval results", () =>
    Effect.gen(function*() {
      const source = yield* Effect.gen(function*() {
        yield* seed
        return { lines: yield* Jsonl.exportJsonl(), results: yield* retrieveAll, memories: yield* snapshot }
      }).pipe(Effect.provide(stack()))
      const target = yield* Effect.gen(function*() {
        const report = yield* Jsonl.importJsonl(text(source.lines))
        return { report, results: yield* retrieveAll, memories: yield* snapshot }
      }).pipe(Effect.provide(stack()))
      assert.strictEqual(target.report.imported, source.lines.length - 1)
      assert.isTrue(target.report.reembedded)
      assert.deepStrictEqual(target.report.rejected, [])
      // lossless: ids, kinds, provenance, timestamps, counts, metadata, optional fields
      assert.deepStrictEqual(target.memories, source.memories)
      const heuristic = target.memories.find((m) => m.kind === "heuristic")
      assert.strictEqual(heuristic?.kind === "heuristic" && heuristic.provenance.length, 3)
      assert.strictEqual(heuristic?.kind === "heuristic" && heuristic.successCount, 3)
      const outcome = target.memories.find((m) => m.kind === "outcome" && m.durationMs === 1201)
      assert.deepStrictEqual(outcome?.metadata, { run: 1 })
      assert.notStrictEqual(outcome?.createdAt, heuristic?.createdAt)
      assert.isTrue(source.results.some((r) => r.some((s) => s.length > 0)))
      assert.deepStrictEqual(target.results, source.results)
    }))

  it.effect("with embeddings and the same embedder: vectors stored as they are, nothing re-embedded", () =>
    Effect.gen(function*() {
      const source = yield* Effect.gen(function*() {
        yield* seed
        return { lines: yield* Jsonl.exportJsonl({ embeddings: true }), results: yield* retrieveAll }
      }).pipe(Effect.provide(stack()))
      const calls = yield* Ref.make(0)
      const target = yield* Effect.gen(function*() {
        const report = yield* Jsonl.importJsonl(text(source.lines))
        const embedded = yield* Ref.get(calls)
        const storage = yield* Storage.Storage
        const records = yield* storage.getMany("default", [parse(source.lines[1]!).id as never])
        return { report, embedded, records, results: yield* retrieveAll }
      }).pipe(Effect.provide(stack({ embedder: counting(calls) })))
      assert.isFalse(target.report.reembedded)
      assert.strictEqual(target.embedded, 0)
      assert.deepStrictEqual(Array.from(target.records[0]!.embedding), parse(source.lines[1]!).embedding)
      assert.deepStrictEqual(target.results, source.results)
    }))

  it.effect("without embeddings: every memory is re-embedded", () =>
    Effect.gen(function*() {
      const lines = yield* exported()
      const calls = yield* Ref.make(0)
      const report = yield* Jsonl.importJsonl(text(lines)).pipe(
        Effect.provide(stack({ embedder: counting(calls) }))
      )
      assert.isTrue(report.reembedded)
      assert.strictEqual(yield* Ref.get(calls), lines.length - 1)
    }))

  it.effect("a different embedder re-embeds; the memories stay retrievable", () =>
    Effect.gen(function*() {
      const lines = yield* exported({ embeddings: true })
      const small = Layer.orDie(HashEmbedder.layerWith({ dimensions: 64 }))
      const target = yield* Effect.gen(function*() {
        const report = yield* Jsonl.importJsonl(text(lines))
        const alma = yield* AlmaService.Alma
        const slice = yield* alma.retrieve({ task: "REST API over HTTPS", agent: "helena" })
        const storage = yield* Storage.Storage
        const [record] = yield* storage.getMany("default", [slice.domainKnowledge[0]!.memory.id])
        return { report, slice, record }
      }).pipe(Effect.provide(stack({ embedder: small })))
      assert.isTrue(target.report.reembedded)
      assert.strictEqual(target.report.imported, lines.length - 1)
      assert.strictEqual(target.slice.domainKnowledge[0]!.memory.kind === "domain_knowledge" && target.slice.domainKnowledge[0]!.memory.fact, "The API is REST over HTTPS")
      assert.strictEqual(target.record!.embedding.length, 64)
    }))

  it.effect("imports into the configured project; importing twice replaces, never duplicates", () =>
    Effect.gen(function*() {
      const lines = yield* exported()
      const result = yield* Effect.gen(function*() {
        const first = yield* Jsonl.importJsonl(text(lines))
        yield* Jsonl.importJsonl(text(lines))
        return { first, total: yield* total, memories: yield* snapshot }
      }).pipe(Effect.provide(stack({ projectId: "elsewhere" })))
      assert.strictEqual(result.first.projectId, "elsewhere")
      assert.strictEqual(result.total, lines.length - 1)
      assert.isTrue(result.memories.every((m) => m.projectId === "elsewhere"))
    }))

  it.effect("blank lines and CRLF line ends are ignored", () =>
    Effect.gen(function*() {
      const lines = yield* exported()
      const body = ["", "  ", lines[0]!, "", ...lines.slice(1, 4), "", "\t", ...lines.slice(4), "", ""].join("\r\n")
      const report = yield* Jsonl.importJsonl(body).pipe(Effect.provide(stack()))
      assert.strictEqual(report.imported, lines.length - 1)
    }))

  it.effect("an empty export imports as nothing", () =>
    Effect.gen(function*() {
      const lines = yield* Jsonl.exportJsonl().pipe(Effect.provide(stack()))
      assert.strictEqual(lines.length, 1)
      const report = yield* Jsonl.importJsonl(text(lines)).pipe(Effect.provide(stack()))
      assert.strictEqual(report.imported, 0)
      assert.isFalse(report.reembedded)
    }))
})

describe("Jsonl: invalid files are refused whole", () => {
  it.effect("each malformed line is a ValidationError naming it, and nothing is stored", () =>
    Effect.gen(function*() {
      const lines = yield* exported({ embeddings: true })
      const fact = indexOfKind(lines, "domain_knowledge")
      const pref = indexOfKind(lines, "user_preference")
      const cases: ReadonlyArray<readonly [ReadonlyArray<string>, string, string]> = [
        [lines.map((l, i) => (i === 3 ? "{not json" : l)), "line 4", "not valid JSON"],
        [lines.map((l, i) => (i === 3 ? "[1, 2]" : l)), "line 4", "JSON object"],
        [edit(lines, fact, (l) => ({ ...l, confidence: 1.5 })), `line ${fact + 1}: confidence`, "between 0 and 1"],
        [edit(lines, fact, (l) => ({ ...l, kind: "banana" })), `line ${fact + 1}: kind`, "banana"],
        [edit(lines, fact, (l) => ({ ...l, extra: 1 })), `line ${fact + 1}: extra`, "not an allowed field"],
        [edit(lines, fact, ({ createdAt: _, ...l }) => l), `line ${fact + 1}: createdAt`, "required"],
        [edit(lines, fact, (l) => ({ ...l, fact: "x".repeat(8001) })), `line ${fact + 1}: fact`, "8000 characters"],
        [edit(lines, pref, (l) => ({ ...l, embedding: (l.embedding as Array<number>).slice(1) })), `line ${pref + 1}: embedding`, "256 numbers"],
        [edit(lines, pref, (l) => ({ ...l, embedding: "no" })), `line ${pref + 1}: embedding`, "finite numbers"],
        [edit(lines, pref, (l) => ({ ...l, id: "dk_0123456789abcdef" })), `line ${pref + 1}: id`, "pref_"],
        [edit(lines, 0, (h) => ({ ...h, version: 2 })), "line 1: version", "version 1"],
        [edit(lines, 0, ({ format: _, ...h }) => h), "line 1: format", "header"],
        [lines.slice(1), "line 1: format", "header"],
        [edit(lines, 0, (h) => ({ ...h, count: 99 })), "line 1: count", "truncated"],
        [lines.slice(0, -1), "line 1: count", "truncated"],
        [edit(lines, 0, (h) => ({ ...h, embedding: null })), "line 2: embedding", "null"],
        [[], "line 1", "empty"]
      ]
      for (const [body, field, reason] of cases) {
        const { error, stored } = yield* refused(text(body))
        assert.strictEqual(error._tag, "ValidationError", field)
        if (error._tag !== "ValidationError") continue
        assert.strictEqual(error.field, field)
        assert.include(error.reason, reason, field)
        assert.strictEqual(stored, 0, field)
      }
    }))

  it.effect("a repeated id is rejected on its later line", () =>
    Effect.gen(function*() {
      const lines = yield* exported()
      const body = [{ ...parse(lines[0]!), count: lines.length }, ...lines.slice(1), lines[2]!]
        .map((l) => (typeof l === "string" ? l : JSON.stringify(l)))
      const { error, stored } = yield* refused(text(body))
      assert.strictEqual(error._tag === "ValidationError" && error.field, `line ${lines.length + 1}: id`)
      assert.include(error._tag === "ValidationError" ? error.reason : "", "repeats the id of line 3")
      assert.strictEqual(stored, 0)
    }))

  it.effect("the reason counts the other bad lines; line numbers count blank lines", () =>
    Effect.gen(function*() {
      const lines = yield* exported()
      const broken = lines.map((l, i) => (i === 2 || i === 5 || i === 7 ? "{" : l))
      const body = [broken[0]!, "", ...broken.slice(1)]
      const { error } = yield* refused(text(body))
      assert.strictEqual(error._tag === "ValidationError" && error.field, "line 4")
      assert.include(error._tag === "ValidationError" ? error.reason : "", "2 other lines are invalid too (lines 7, 9)")
    }))
})

describe("Jsonl: skipInvalid", () => {
  it.effect("imports the valid lines and reports the rejects with their line numbers", () =>
    Effect.gen(function*() {
      const lines = yield* exported()
      const fact = indexOfKind(lines, "domain_knowledge")
      const last = lines.length - 1
      const body = edit(lines, fact, (l) => ({ ...l, confidence: -1 })).map((l, i) => (i === last ? "nope" : l))
      const result = yield* Effect.gen(function*() {
        const report = yield* Jsonl.importJsonl(text(body), { skipInvalid: true })
        return { report, stored: yield* total }
      }).pipe(Effect.provide(stack()))
      assert.strictEqual(result.report.imported, lines.length - 3)
      assert.strictEqual(result.stored, lines.length - 3)
      assert.deepStrictEqual(
        result.report.rejected.map((r) => [r.line, r.field]),
        [[fact + 1, `line ${fact + 1}: confidence`], [last + 1, `line ${last + 1}`]]
      )
    }))

  it.effect("a bad header still refuses the file", () =>
    Effect.gen(function*() {
      const lines = yield* exported()
      const error = yield* Effect.flip(
        Jsonl.importJsonl(text(edit(lines, 0, (h) => ({ ...h, version: 7 }))), { skipInvalid: true })
      ).pipe(Effect.provide(stack()))
      assert.strictEqual(error._tag === "ValidationError" && error.field, "line 1: version")
    }))
})

describe("Jsonl: SQLite", () => {
  it.effect("round trip between two SQLite files, with vectors: same retrieval results, no re-embedding", () =>
    Effect.acquireUseRelease(
      Effect.sync(() => mkdtempSync(join(tmpdir(), "alma-jsonl-"))),
      (dir) => roundTripSqlite(dir),
      (dir) => Effect.sync(() => rmSync(dir, { recursive: true, force: true }))
    ))
})
