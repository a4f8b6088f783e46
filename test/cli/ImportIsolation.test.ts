/**
 * `alma import` never moves memories between projects of one store (issue 15, finding 1): export
 * project A, import the file as project B on the same SQLite file. Before the fix A was left with 0
 * memories; now the import is refused (exit 1, naming the line and `--on-id-conflict`) and A keeps
 * everything; `--on-id-conflict new-id` imports copies into B and A still keeps everything.
 */
import { afterAll, assert, beforeAll, describe, it } from "@effect/vitest"
import { writeFileSync } from "node:fs"
import { join } from "node:path"
import { alma, ensureBuilt, json, project, removeProjects, type Result, TEST_CONFIG } from "./fixtures.js"

beforeAll(() => ensureBuilt(), 120_000)
afterAll(() => removeProjects())

const assertExit = (r: Result, code: number) =>
  assert.strictEqual(r.code, code, `exit ${r.code}, expected ${code}\nstdout: ${r.stdout}\nstderr: ${r.stderr}`)

const total = async (dir: string) => json(await alma(dir, "stats", "--json")).total

describe("alma import across projects of one store", () => {
  it("refuses to move A's memories into B; --on-id-conflict new-id copies them", async () => {
    const a = project()
    writeFileSync(join(a, ".alma", "config.yaml"), `project_id: a\n${TEST_CONFIG}`)
    const b = project()
    // B: the same database file as A, another project.
    writeFileSync(join(b, ".alma", "config.yaml"), `project_id: b\nstorage_dir: ${join(a, ".alma")}\n${TEST_CONFIG}`)
    for (let i = 0; i < 3; i++) {
      assertExit(
        await alma(a, "learn", `Test the signup form ${i}`, "-a", "helena", "--outcome", "success", "--strategy",
          "Wait for the button, then assert", "--task-type", "form_testing"),
        0
      )
    }
    assertExit(await alma(a, "export", "--out", "a.jsonl"), 0)
    const before = await total(a)
    assert.strictEqual(before, 4)

    const refused = await alma(b, "import", join(a, "a.jsonl"))
    assertExit(refused, 1)
    assert.include(refused.stderr, "line 2: id")
    assert.include(refused.stderr, "--on-id-conflict new-id")
    assert.strictEqual(await total(a), before)
    assert.strictEqual(await total(b), 0)

    const copied = await alma(b, "import", join(a, "a.jsonl"), "--on-id-conflict", "new-id", "--json")
    assertExit(copied, 0)
    assert.strictEqual(json(copied).imported, 4)
    assert.strictEqual(await total(a), before)
    assert.strictEqual(await total(b), 4)
  }, 60_000)
})
