/**
 * Workflows: checkpoints (sequences per branch, skip-if-unchanged, validation, cleanup per branch,
 * persistence) and artifacts, on the in-memory and SQLite stacks.
 */
import { assert, describe, it } from "@effect/vitest"
import { Effect, Option, TestClock } from "effect"
import { createHash } from "node:crypto"
import { ValidationError } from "../../src/domain/AlmaError.js"
import { MAX_STATE_BYTES } from "../../src/domain/Workflow.js"
import { backends, type Env, freshFile, projectId, runOn, sqliteStack } from "./workflowStack.js"

/** The ValidationError `self` fails with (a defect if it succeeds or fails otherwise). */
const invalid = <A, E extends { readonly _tag: string }>(self: Effect.Effect<A, E>) =>
  Effect.flatMap(Effect.flip(self), (e) =>
    e instanceof ValidationError ? Effect.succeed(e) : Effect.dieMessage(`expected a ValidationError, got ${e._tag}`))

for (const backend of backends) {
  describe(`Workflows checkpoints (${backend.name})`, () => {
    const run = <A, E>(body: (env: Env) => Effect.Effect<A, E>) => runOn(backend.stack(), body)

    it.effect("numbers checkpoints 1, 2, … per (run, branch) and resumes each branch at its latest", () =>
      run(({ wf }) =>
        Effect.gen(function*() {
          const save = (n: number, branchId?: string, runId = "run-1") =>
            Effect.map(
              wf.checkpoint({ runId, nodeId: `node-${n}`, state: { n }, ...(branchId ? { branchId } : {}) }),
              (r) => r.checkpoint
            )
          const m1 = yield* save(1)
          const b1 = yield* save(10, "b")
          const m2 = yield* save(2)
          const b2 = yield* save(11, "b")
          const m3 = yield* save(3)
          const other = yield* save(99, undefined, "run-2")
          assert.deepStrictEqual([m1, m2, m3].map((c) => c.sequence), [1, 2, 3])
          assert.deepStrictEqual([b1, b2].map((c) => c.sequence), [1, 2])
          assert.strictEqual(other.sequence, 1)
          assert.isUndefined(m3.branchId)
          assert.strictEqual(b2.branchId, "b")
          assert.match(m1.id, /^ckpt_[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
          assert.strictEqual(m1.projectId, projectId)
          const main = yield* wf.resume({ runId: "run-1" })
          assert.deepStrictEqual(Option.getOrThrow(main), m3)
          assert.deepStrictEqual(Option.getOrThrow(yield* wf.resume({ runId: "run-1", branchId: "b" })), b2)
          assert.isTrue(Option.isNone(yield* wf.resume({ runId: "run-1", branchId: "nope" })))
          assert.isTrue(Option.isNone(yield* wf.resume({ runId: "run-9" })))
        })
      ))

    it.effect("skips an unchanged state (any key order) against the branch's latest checkpoint", () =>
      run(({ wf }) =>
        Effect.gen(function*() {
          const first = yield* wf.checkpoint({ runId: "r", nodeId: "a", state: { x: 1, y: { b: [1, 2], a: "s" } } })
          assert.isFalse(first.skipped)
          const same = yield* wf.checkpoint({ runId: "r", nodeId: "b", state: { y: { a: "s", b: [1, 2] }, x: 1 } })
          assert.isTrue(same.skipped)
          assert.deepStrictEqual(same.checkpoint, first.checkpoint)
          // The same state on another branch is that branch's first checkpoint.
          const branch = yield* wf.checkpoint({ runId: "r", nodeId: "b", branchId: "alt", state: { x: 1, y: { a: "s", b: [1, 2] } } })
          assert.isFalse(branch.skipped)
          assert.strictEqual(branch.checkpoint.sequence, 1)
          // Skipping compares with the latest only: A, B, A stores three.
          const changed = yield* wf.checkpoint({ runId: "r", nodeId: "c", state: { x: 2 } })
          const back = yield* wf.checkpoint({ runId: "r", nodeId: "d", state: { x: 1, y: { a: "s", b: [1, 2] } } })
          assert.deepStrictEqual([changed.skipped, back.skipped], [false, false])
          assert.strictEqual(back.checkpoint.sequence, 3)
          assert.strictEqual(back.checkpoint.stateHash, first.checkpoint.stateHash)
          const forced = yield* wf.checkpoint({ runId: "r", nodeId: "e", state: { y: { b: [1, 2], a: "s" }, x: 1 }, skipIfUnchanged: false })
          assert.isFalse(forced.skipped)
          assert.strictEqual(forced.checkpoint.sequence, 4)
          assert.strictEqual(Option.getOrThrow(yield* wf.resume({ runId: "r" })).id, forced.checkpoint.id)
        })
      ))

    it.effect("hashes the canonical JSON (sorted keys, compact) with SHA-256 and stores the state as given", () =>
      run(({ wf }) =>
        Effect.gen(function*() {
          const state = { b: 1, a: [1, "x", { d: null, c: true }], u: undefined, e: -0.5 }
          const { checkpoint } = yield* wf.checkpoint({
            runId: "r",
            nodeId: "n",
            state,
            metadata: { who: "test" },
            branchId: "main-2"
          })
          const canonical = '{"a":[1,"x",{"c":true,"d":null}],"b":1,"e":-0.5}'
          assert.strictEqual(checkpoint.stateHash, createHash("sha256").update(canonical).digest("hex"))
          const resumed = Option.getOrThrow(yield* wf.resume({ runId: "r", branchId: "main-2" }))
          assert.deepStrictEqual(resumed.state, { a: [1, "x", { c: true, d: null }], b: 1, e: -0.5 })
          assert.deepStrictEqual(resumed.metadata, { who: "test" })
        })
      ))

    it.effect("rejects bad input naming the field, and stores nothing", () =>
      run(({ wf }) =>
        Effect.gen(function*() {
          const fail = (input: Parameters<typeof wf.checkpoint>[0]) => invalid(wf.checkpoint(input))
          const field = (input: Parameters<typeof wf.checkpoint>[0]) => Effect.map(fail(input), (e) => `${e._tag}:${e.field}`)
          assert.strictEqual(yield* field({ runId: "bad id", nodeId: "n", state: {} }), "ValidationError:runId")
          assert.strictEqual(yield* field({ runId: "r", nodeId: "", state: {} }), "ValidationError:nodeId")
          assert.strictEqual(yield* field({ runId: "r", nodeId: "n", state: [] as never }), "ValidationError:state")
          assert.strictEqual(
            yield* field({ runId: "r", nodeId: "n", state: { when: new Date(0) } }),
            "ValidationError:state.when"
          )
          assert.strictEqual(
            yield* field({ runId: "r", nodeId: "n", state: { list: [1, Number.NaN] } }),
            "ValidationError:state.list.1"
          )
          const cyclic: Record<string, unknown> = {}
          cyclic["self"] = cyclic
          const cycle = yield* fail({ runId: "r", nodeId: "n", state: { a: cyclic } })
          assert.match(cycle.field, /^state\.a\.self/)
          assert.include(cycle.reason, "cycle")
          const big = yield* fail({ runId: "r", nodeId: "n", state: { blob: "x".repeat(MAX_STATE_BYTES) } })
          assert.strictEqual(big.field, "state")
          assert.include(big.reason, `at most ${MAX_STATE_BYTES} bytes`)
          // Just under the limit is accepted: {"blob":"…"} adds 11 bytes.
          yield* wf.checkpoint({ runId: "r2", nodeId: "n", state: { blob: "x".repeat(MAX_STATE_BYTES - 11) } })
          assert.strictEqual(
            yield* field({ runId: "r", nodeId: "n", state: {}, parentCheckpointId: "ckpt_missing" }),
            "ValidationError:parentCheckpointId"
          )
          assert.isTrue(Option.isNone(yield* wf.resume({ runId: "r" })))
          assert.strictEqual((yield* invalid(wf.resume({ runId: "r", branchId: "a b" }))).field, "branchId")
        })
      ))

    it.effect("accepts a parent checkpoint of the same run, on any branch", () =>
      run(({ wf }) =>
        Effect.gen(function*() {
          const root = (yield* wf.checkpoint({ runId: "r", nodeId: "split", state: { at: "split" } })).checkpoint
          const fork = yield* wf.checkpoint({
            runId: "r",
            nodeId: "left",
            branchId: "left",
            parentCheckpointId: root.id,
            state: { at: "left" }
          })
          assert.strictEqual(fork.checkpoint.parentCheckpointId, root.id)
          const elsewhere = yield* invalid(
            wf.checkpoint({ runId: "other", nodeId: "n", parentCheckpointId: root.id, state: {} })
          )
          assert.strictEqual(elsewhere.field, "parentCheckpointId")
        })
      ))

    it.effect("cleanup keeps the newest keepLatest per branch, and sequences go on from what is kept", () =>
      run(({ wf }) =>
        Effect.gen(function*() {
          for (let n = 1; n <= 3; n++) yield* wf.checkpoint({ runId: "r", nodeId: "m", state: { n } })
          for (let n = 1; n <= 2; n++) yield* wf.checkpoint({ runId: "r", nodeId: "b", branchId: "b", state: { n } })
          yield* wf.checkpoint({ runId: "r", nodeId: "c", branchId: "c", state: { n: 1 } })
          yield* wf.checkpoint({ runId: "untouched", nodeId: "m", state: { n: 1 } })
          yield* wf.checkpoint({ runId: "untouched", nodeId: "m", state: { n: 2 } })
          assert.deepStrictEqual(yield* wf.cleanupCheckpoints({ runId: "r" }), { deleted: 3, kept: 3 })
          assert.strictEqual(Option.getOrThrow(yield* wf.resume({ runId: "r" })).sequence, 3)
          assert.strictEqual(Option.getOrThrow(yield* wf.resume({ runId: "r", branchId: "b" })).sequence, 2)
          assert.strictEqual(Option.getOrThrow(yield* wf.resume({ runId: "r", branchId: "c" })).sequence, 1)
          assert.deepStrictEqual(yield* wf.cleanupCheckpoints({ runId: "r", keepLatest: 1 }), { deleted: 0, kept: 3 })
          const next = yield* wf.checkpoint({ runId: "r", nodeId: "m", state: { n: 4 } })
          assert.strictEqual(next.checkpoint.sequence, 4)
          assert.deepStrictEqual(yield* wf.cleanupCheckpoints({ runId: "r", keepLatest: 2 }), { deleted: 0, kept: 4 })
          assert.deepStrictEqual(yield* wf.cleanupCheckpoints({ runId: "r", keepLatest: 0 }), { deleted: 4, kept: 0 })
          assert.isTrue(Option.isNone(yield* wf.resume({ runId: "r" })))
          assert.strictEqual(Option.getOrThrow(yield* wf.resume({ runId: "untouched" })).sequence, 2)
          const bad = yield* invalid(wf.cleanupCheckpoints({ runId: "r", keepLatest: -1 }))
          assert.strictEqual(bad.field, "keepLatest")
          const frac = yield* invalid(wf.cleanupCheckpoints({ runId: "r", keepLatest: 1.5 }))
          assert.strictEqual(frac.field, "keepLatest")
        })
      ))

    it.effect("concurrent saves on one branch take distinct sequences", () =>
      run(({ wf }) =>
        Effect.gen(function*() {
          const saved = yield* Effect.forEach(
            Array.from({ length: 8 }, (_, n) => n),
            (n) => wf.checkpoint({ runId: "r", nodeId: "n", state: { n } }),
            { concurrency: "unbounded" }
          )
          assert.deepStrictEqual(saved.map((s) => s.checkpoint.sequence).sort((a, b) => a - b), [1, 2, 3, 4, 5, 6, 7, 8])
        })
      ))
  })

  describe(`Workflows artifacts (${backend.name})`, () => {
    const run = <A, E>(body: (env: Env) => Effect.Effect<A, E>) => runOn(backend.stack(), body)

    it.effect("links artifacts to an existing memory and lists them newest first", () =>
      run(({ wf, alma }) =>
        Effect.gen(function*() {
          const { outcome } = yield* alma.learn({
            agent: "helena",
            task: "render the report",
            outcome: "success",
            strategyUsed: "template rendering"
          })
          const a1 = yield* wf.linkArtifact({
            memoryId: outcome.id,
            artifactType: "report",
            storageUrl: "s3://bucket/report-1.pdf",
            filename: "report-1.pdf",
            mimeType: "application/pdf",
            sizeBytes: 1234,
            checksum: "sha256:abc",
            metadata: { pages: 3 }
          })
          yield* TestClock.adjust("1 second")
          const a2 = yield* wf.linkArtifact({ memoryId: outcome.id, artifactType: "log", storageUrl: "file:///tmp/a.log" })
          // Same millisecond as a2: the ids still order them.
          const a3 = yield* wf.linkArtifact({ memoryId: outcome.id, artifactType: "log", storageUrl: "file:///tmp/b.log" })
          assert.match(a1.id, /^art_/)
          assert.strictEqual(a1.projectId, projectId)
          const listed = yield* wf.artifacts(outcome.id)
          assert.deepStrictEqual(listed.map((a) => a.id), [a3.id, a2.id, a1.id])
          assert.deepStrictEqual(listed[2], a1)
          assert.deepStrictEqual(yield* wf.artifacts("heur_00000000000000aa"), [])
        })
      ))

    it.effect("refuses a memory that does not exist, and a malformed memory id", () =>
      run(({ wf }) =>
        Effect.gen(function*() {
          const missing = yield* Effect.flip(
            wf.linkArtifact({ memoryId: "out_0123456789abcdef", artifactType: "file", storageUrl: "s3://x" })
          )
          assert.strictEqual(missing._tag, "NotFoundError")
          const bad = yield* invalid(wf.linkArtifact({ memoryId: "nope", artifactType: "file", storageUrl: "s3://x" }))
          assert.strictEqual(bad.field, "memoryId")
          const listBad = yield* invalid(wf.artifacts("nope"))
          assert.strictEqual(listBad.field, "memoryId")
          assert.deepStrictEqual(yield* wf.artifacts("out_0123456789abcdef"), [])
        })
      ))
  })
}

describe("Workflows on SQLite across a reopen", () => {
  it.effect("keeps checkpoints and artifacts, and sequences continue", () =>
    Effect.gen(function*() {
      const filename = freshFile()
      const first = yield* runOn(sqliteStack(filename), ({ alma, wf }) =>
        Effect.gen(function*() {
          const { outcome } = yield* alma.learn({ agent: "victor", task: "t", outcome: "success", strategyUsed: "s" })
          const artifact = yield* wf.linkArtifact({ memoryId: outcome.id, artifactType: "diff", storageUrl: "git:abc" })
          yield* wf.checkpoint({ runId: "r", nodeId: "a", state: { step: 1 } })
          const second = yield* wf.checkpoint({ runId: "r", nodeId: "b", state: { step: 2, nested: { k: [1] } } })
          return { outcome, artifact, checkpoint: second.checkpoint }
        }))
      yield* runOn(sqliteStack(filename), ({ wf }) =>
        Effect.gen(function*() {
          assert.deepStrictEqual(Option.getOrThrow(yield* wf.resume({ runId: "r" })), first.checkpoint)
          assert.deepStrictEqual(yield* wf.artifacts(first.outcome.id), [first.artifact])
          const third = yield* wf.checkpoint({ runId: "r", nodeId: "c", state: { step: 3 } })
          assert.strictEqual(third.checkpoint.sequence, 3)
        }))
    }))
})
