/**
 * An import never moves a memory between projects (issue 15, finding 1). Two projects share one
 * store (in memory, and a real SQLite file): importing into B the export of A, by `importMemories`
 * or by a JSONL file with or without vectors, is refused with a `ValidationError` naming the memory
 * and changes nothing in either project; with `onIdConflict: "new-id"` B gets copies under fresh ids
 * (provenance following) and A keeps its own. Every import writes `import` audit rows, in the
 * importing project only. Before the fix the import upserted by id and moved A's memories into B.
 */
import { afterAll, assert, describe, it } from "@effect/vitest"
import { Effect, Either, Layer } from "effect"
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import * as HashEmbedder from "../../layers/embedders/HashEmbedder.js"
import * as MemoryStorage from "../../layers/memory/MemoryStorage.js"
import * as SqliteStorage from "../../layers/sqlite/SqliteStorage.js"
import * as Alma from "../../src/Alma.js"
import * as AlmaService from "../../src/services/Alma.js"
import * as Embedder from "../../src/services/Embedder.js"
import * as MemoryCache from "../../src/services/MemoryCache.js"
import type * as Learner from "../../src/services/Learner.js"
import type * as MemoryScope from "../../src/services/MemoryScope.js"
import * as Storage from "../../src/services/Storage.js"
import * as Jsonl from "../../src/transfer/Jsonl.js"
import { scope } from "../fixtures/stack.js"

const dir = mkdtempSync(join(tmpdir(), "alma-import-isolation-"))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
let files = 0

const agents = [scope("helena")]

type Project = Layer.Layer<
  AlmaService.Alma | Storage.Storage | Embedder.Embedder | MemoryCache.MemoryCache | MemoryScope.MemoryScope | Learner.Learner
>

/** Projects A and B over one storage (and one embedder and cache): `run({ a, b })`. */
const withProjects = <A, E>(
  storage: Layer.Layer<Storage.Storage, unknown, Embedder.Embedder>,
  run: (projects: { readonly a: Project; readonly b: Project }) => Effect.Effect<A, E>
) =>
  Effect.gen(function*() {
    const shared = yield* Layer.build(
      Layer.mergeAll(Layer.orDie(storage), MemoryCache.layer()).pipe(Layer.provideMerge(HashEmbedder.layer))
    )
    const project = (projectId: string): Project =>
      Alma.layerProject({ projectId, agents }).pipe(Layer.provideMerge(Layer.succeedContext(shared)), Layer.orDie)
    return yield* run({ a: project("a"), b: project("b") })
  }).pipe(Effect.scoped)

const backends = {
  memory: () => MemoryStorage.layer,
  sqlite: () => SqliteStorage.layerWith({ filename: join(dir, `db-${++files}.sqlite`) })
} as const

const seedA = Effect.gen(function*() {
  const alma = yield* AlmaService.Alma
  for (let i = 0; i < 3; i++) {
    yield* alma.learn({
      agent: "helena",
      task: `Test the signup form ${i}`,
      taskType: "form_testing",
      outcome: "success",
      strategyUsed: "Wait for the submit button, then assert"
    })
  }
  return yield* alma.exportMemories()
})

const snapshot = Effect.gen(function*() {
  const alma = yield* AlmaService.Alma
  return (yield* alma.exportMemories()).map((m) => `${m.id}:${m.projectId}`).sort()
})

for (const [name, open] of Object.entries(backends)) {
  describe(`import isolation [${name}]`, () => {
    it.effect("importing A's export into B is refused, names the memory, and changes nothing", () =>
      withProjects(open(), ({ a, b }) =>
        Effect.gen(function*() {
          const exported = yield* Effect.provide(seedA, a)
          assert.lengthOf(exported, 4) // 3 outcomes and the heuristic they formed
          const before = yield* Effect.provide(snapshot, a)
          const refused = yield* Effect.provide(
            Effect.either(Effect.flatMap(AlmaService.Alma, (alma) => alma.importMemories(exported))),
            b
          )
          assert.isTrue(Either.isLeft(refused))
          if (Either.isLeft(refused)) {
            assert.strictEqual(refused.left._tag, "ValidationError")
            assert.strictEqual(refused.left._tag === "ValidationError" && refused.left.field, "memories.0.id")
            assert.include(refused.left.message, "another project")
            assert.include(refused.left.message, "new-id")
          }
          assert.deepStrictEqual(yield* Effect.provide(snapshot, a), before)
          assert.deepStrictEqual(yield* Effect.provide(snapshot, b), [])
          assert.lengthOf(yield* Effect.provide(Effect.flatMap(AlmaService.Alma, (x) => x.auditLog()), b), 0)
        })))

    it.effect("with onIdConflict new-id, B gets copies under fresh ids (provenance following), A keeps its own", () =>
      withProjects(open(), ({ a, b }) =>
        Effect.gen(function*() {
          const exported = yield* Effect.provide(seedA, a)
          const before = yield* Effect.provide(snapshot, a)
          const count = yield* Effect.provide(
            Effect.flatMap(AlmaService.Alma, (alma) => alma.importMemories(exported, { onIdConflict: "new-id" })),
            b
          )
          assert.strictEqual(count, 4)
          assert.deepStrictEqual(yield* Effect.provide(snapshot, a), before)
          const copies = yield* Effect.provide(Effect.flatMap(AlmaService.Alma, (x) => x.exportMemories()), b)
          assert.lengthOf(copies, 4)
          const originalIds = new Set(exported.map((m) => m.id))
          assert.isTrue(copies.every((m) => !originalIds.has(m.id) && m.projectId === "b"))
          const heuristic = copies.find((m) => m.kind === "heuristic")!
          const copiedOutcomes = new Set(copies.filter((m) => m.kind === "outcome").map((m) => m.id))
          assert.isAbove(heuristic.provenance.length, 0)
          assert.isTrue(heuristic.provenance.every((id) => copiedOutcomes.has(id)))
          const audit = yield* Effect.provide(Effect.flatMap(AlmaService.Alma, (x) => x.auditLog()), b)
          assert.deepStrictEqual(audit.map((r) => `${r.action}:${r.reason}`), Array(4).fill("import:imported: new"))
          assert.lengthOf(yield* Effect.provide(Effect.flatMap(AlmaService.Alma, (x) => x.auditLog()), a), 0)
        })))

    it.effect("a memory of an agent the project does not know is refused (fails closed), nothing stored", () =>
      withProjects(open(), ({ a, b }) =>
        Effect.gen(function*() {
          const exported = yield* Effect.provide(seedA, a)
          const [first] = yield* Effect.provide(
            Effect.flatMap(AlmaService.Alma, (x) => x.exportMemories({ kinds: ["outcome"] })),
            a
          )
          const stranger = { ...JSON.parse(JSON.stringify(first)), id: "out_00000000000000ff", agent: "mallory" }
          const refused = yield* Effect.provide(
            Effect.either(Effect.flatMap(AlmaService.Alma, (alma) => alma.importMemories([stranger]))),
            b
          )
          assert.isTrue(Either.isLeft(refused))
          if (Either.isLeft(refused)) {
            assert.strictEqual(refused.left._tag === "ValidationError" && refused.left.field, "memories.0.agent")
            assert.include(refused.left.message, "mallory")
          }
          assert.deepStrictEqual(yield* Effect.provide(snapshot, b), [])
          assert.lengthOf(exported, 4)
        })))

    it.effect("re-importing into the same project replaces, and audits the replaced versions", () =>
      withProjects(open(), ({ a }) =>
        Effect.gen(function*() {
          const exported = yield* Effect.provide(seedA, a)
          const alma = yield* Effect.provide(AlmaService.Alma, a)
          assert.strictEqual(yield* Effect.provide(alma.importMemories(exported), a), 4)
          assert.lengthOf(yield* Effect.provide(alma.exportMemories(), a), 4)
          const audit = yield* Effect.provide(alma.auditLog(), a)
          assert.deepStrictEqual(audit.map((r) => r.reason), Array(4).fill("imported: replaced"))
        })))

    it.effect("a JSONL file of A (with and without vectors) imported into B: refused at its line, or copied with new-id", () =>
      withProjects(open(), ({ a, b }) =>
        Effect.gen(function*() {
          yield* Effect.provide(seedA, a)
          const before = yield* Effect.provide(snapshot, a)
          for (const embeddings of [true, false]) {
            const text = yield* Effect.provide(Effect.map(Jsonl.exportJsonl({ embeddings }), (lines) => lines.join("\n")), a)
            const refused = yield* Effect.provide(Effect.either(Jsonl.importJsonl(text)), b)
            assert.isTrue(Either.isLeft(refused))
            if (Either.isLeft(refused)) {
              assert.strictEqual(refused.left._tag === "ValidationError" && refused.left.field, "line 2: id")
            }
            assert.deepStrictEqual(yield* Effect.provide(snapshot, a), before)
            assert.deepStrictEqual(yield* Effect.provide(snapshot, b), [])
          }
          const text = yield* Effect.provide(Effect.map(Jsonl.exportJsonl({ embeddings: true }), (lines) => lines.join("\n")), a)
          const report = yield* Effect.provide(Jsonl.importJsonl(text, { onIdConflict: "new-id" }), b)
          assert.strictEqual(report.imported, 4)
          assert.deepStrictEqual(yield* Effect.provide(snapshot, a), before)
          assert.lengthOf(yield* Effect.provide(snapshot, b), 4)
          const audit = yield* Effect.provide(Effect.flatMap(AlmaService.Alma, (x) => x.auditLog()), b)
          assert.lengthOf(audit.filter((r) => r.action === "import"), 4)
        })))
  })
}
