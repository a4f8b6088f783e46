import { assert, describe, it } from "@effect/vitest"
import { Effect } from "effect"
import { existsSync } from "node:fs"
import * as path from "node:path"
import { fileURLToPath } from "node:url"
import { loadDataset, normalizeEvidence, parseDataset, turnFact } from "../../src/locomo/Dataset.js"
import { defaultDatasetPath, packageRoot, sharedModelsPath } from "../../src/locomo/Paths.js"

const fixture = fileURLToPath(new URL("../../../test/fixtures/locomo/tiny-locomo.json", import.meta.url))

describe("LoCoMo loader", () => {
  it.effect("reads the tiny fixture: sessions, turns with dates and captions, evidence repaired", () =>
    Effect.gen(function*() {
      const d = yield* loadDataset(fixture)
      assert.deepStrictEqual(d.stats, {
        samples: 1,
        sessions: 2, // session_3_date_time has no session_3
        turns: 5,
        imageTurns: 1,
        questions: 3,
        withEvidence: 2,
        withoutEvidence: 1,
        repairedEvidence: 2, // "D:2:1; D2:2" → D2:1, D2:2
        unknownEvidence: 1 // D9:9
      })
      const [sample] = d.samples
      assert.strictEqual(sample!.id, "conv-tiny")
      assert.deepStrictEqual(sample!.turns.map((t) => [t.diaId, t.session]), [
        ["D1:1", 1], ["D1:2", 1], ["D1:3", 1], ["D2:1", 2], ["D2:2", 2]
      ])
      const puppy = sample!.turns[2]!
      assert.strictEqual(puppy.caption, "a photo of a small brown puppy on a couch")
      assert.strictEqual(puppy.date, "10:15 am on 3 June, 2023")
      assert.strictEqual(sample!.turns[3]!.date, "7:10 pm on 20 June, 2023")
      assert.deepStrictEqual(sample!.questions.map((q) => [q.category, q.evidence]), [
        [2, ["D1:3"]],
        [5, ["D2:1", "D2:2"]],
        [3, []]
      ])
      assert.strictEqual(
        turnFact(puppy),
        "[3 June, 2023] Ana: Nice! We adopted a puppy yesterday, look. [shares a photo: a photo of a small brown puppy on a couch]"
      )
      assert.strictEqual(turnFact(sample!.turns[0]!, "plain"), "Ana: Hi Ben! How was your week?")
    }))

  it("normalises evidence ids", () => {
    assert.deepStrictEqual(normalizeEvidence(["D8:6; D9:17", "D:11:26", "D", "D1:3", "D1:3"]), ["D8:6", "D9:17", "D11:26", "D1:3"])
  })

  it.effect("fails with typed errors on a missing file and on text that is not LoCoMo", () =>
    Effect.gen(function*() {
      const missing = yield* Effect.flip(loadDataset(path.join(path.dirname(fixture), "no-such-file.json")))
      assert.strictEqual(missing._tag, "ConfigurationError")
      const notJson = yield* Effect.flip(parseDataset("{not json", "x.json"))
      assert.strictEqual(notJson._tag, "ValidationError")
      const wrong = yield* Effect.flip(parseDataset(JSON.stringify([{ sample_id: 1 }]), "y.json"))
      assert.strictEqual(wrong._tag, "ValidationError")
      assert.include(wrong.field, "dataset")
    }))

  it("finds the package root from src and from a dist-like path", () => {
    const root = packageRoot()
    assert.isTrue(existsSync(path.join(root, "package.json")))
    assert.strictEqual(packageRoot(path.join(root, "dist", "src", "bench", "locomo")), root)
    assert.strictEqual(defaultDatasetPath(), path.resolve(root, "../shared/datasets/locomo/locomo-dev.json"))
    assert.strictEqual(sharedModelsPath(), path.resolve(root, "../shared/models"))
  })
})
