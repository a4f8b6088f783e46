import { assert, describe, it } from "@effect/vitest"
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { createAlma } from "../../src/client.js"

const project = () => {
  const dir = mkdtempSync(join(tmpdir(), "alma-stack-"))
  mkdirSync(join(dir, ".alma"))
  const configPath = join(dir, ".alma", "config.yaml")
  const write = (d: number) =>
    writeFileSync(
      configPath,
      [
        "project_id: stack-test",
        "embedding_provider: hash",
        `embedding_dim: ${d}`,
        "agents:",
        "  helena:",
        "    can_learn: [form_testing]"
      ].join("\n")
    )
  return { configPath, write }
}

describe("Promise client over SQLite from a config file", () => {
  it("writes, closes, reopens: everything is there", async () => {
    const p = project()
    p.write(64)
    const first = await createAlma({ configPath: p.configPath })
    for (let i = 0; i < 3; i++) {
      await first.learn({
        agent: "helena",
        task: `check the signup form ${i}`,
        taskType: "form_testing",
        outcome: "success",
        strategyUsed: "wait for the button"
      })
    }
    const pref = await first.addPreference({ userId: "ana", category: "style", preference: "verbose" })
    await first.close()

    const second = await createAlma({ configPath: p.configPath })
    const stats = await second.stats()
    assert.strictEqual(stats.backend, "sqlite")
    assert.deepStrictEqual(stats.counts, {
      heuristic: 1,
      outcome: 3,
      user_preference: 1,
      domain_knowledge: 0,
      anti_pattern: 0
    })
    assert.strictEqual((await second.get(pref.id)).kind, "user_preference")
    const slice = await second.retrieve({ task: "check the signup form", agent: "helena", userId: "ana" })
    assert.strictEqual(slice.heuristics.length, 1)
    assert.strictEqual(slice.preferences.length, 1)
    // typed errors reject as themselves
    const error = await second.learn({ agent: "helena", task: "t", taskType: "billing", outcome: "success", strategyUsed: "s" })
      .then(() => undefined, (e: unknown) => e)
    assert.strictEqual((error as { _tag: string })._tag, "ScopeViolationError")
    await second.close()

    // another embedding dimension on the same file is refused, naming both numbers
    p.write(32)
    const refused = await createAlma({ configPath: p.configPath }).then(() => undefined, (e: unknown) => e)
    assert.strictEqual((refused as { _tag: string })._tag, "ConfigurationError")
    assert.match(String((refused as { description: string }).description), /64.*32|32.*64/)
  })

  it("an unknown configuration key is refused, naming it and the file", async () => {
    const p = project()
    writeFileSync(p.configPath, "project_id: x\nretrieval:\n  wieghts: {}\n")
    const refused = await createAlma({ configPath: p.configPath }).then(() => undefined, (e: unknown) => e)
    assert.strictEqual((refused as { _tag: string })._tag, "ConfigurationError")
    assert.include((refused as { key: string }).key, "retrieval.wieghts")
    assert.include((refused as { file: string }).file, "config.yaml")
  })
})
