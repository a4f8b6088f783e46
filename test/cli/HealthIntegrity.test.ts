/**
 * `alma health` checks the SQLite file itself (issue 19 item 5): a file with a damaged b-tree page
 * of the memories table opens, and `alma stats` still counts it (through an index), but `health`
 * runs `PRAGMA quick_check` and reports it as corrupt, with a hint about restoring from a backup or
 * exporting from a copy, not about permissions. A file that is not a database at all gets the same
 * hint. Runs the built CLI (`dist/cli/alma.js`) on real files.
 */
import { afterAll, beforeAll, describe, expect, it } from "@effect/vitest"
import Database from "better-sqlite3"
import { openSync, readSync, writeFileSync, writeSync, closeSync } from "node:fs"
import { join } from "node:path"
import { alma, ensureBuilt, json, project, removeProjects } from "./fixtures.js"

beforeAll(() => ensureBuilt(), 120_000)
afterAll(() => removeProjects())

interface Check {
  readonly name: string
  readonly ok: boolean
  readonly detail: string
  readonly hint?: string
}

const healthOf = async (dir: string) => {
  const r = await alma(dir, "health", "--json")
  expect(r.stdout, r.stderr).not.toBe("")
  return { code: r.code, ...(json(r) as { ok: boolean; checks: ReadonlyArray<Check> }) }
}

const expectCorruptHint = (check: Check | undefined) => {
  expect(check?.ok).toBe(false)
  expect(check?.detail).toContain("damaged or is not a database")
  expect(check?.hint).toContain("backup")
  expect(check?.hint).toContain("alma export")
  expect(check?.hint).not.toMatch(/writable|permission/i)
}

describe("alma health: the integrity of the SQLite file", () => {
  it("reports a file that fails quick_check as corrupt, though it opens and counts", async () => {
    const dir = project()
    for (let i = 0; i < 3; i++) {
      const r = await alma(dir, "add-knowledge", "-a", "victor", "--domain", "api_testing", "--fact", `Fact ${i}: login returns 401`)
      expect(r.code, r.stderr).toBe(0)
    }
    const before = await healthOf(dir)
    expect(before.ok).toBe(true)
    expect(before.checks.find((c) => c.name === "storage")?.detail).toContain("quick_check ok")

    // Overwrite the cell pointer array of the memories table's root b-tree page.
    const file = join(dir, ".alma", "alma.db")
    const db = new Database(file, { readonly: true })
    const { rootpage } = db.prepare("select rootpage from sqlite_master where name = 'memories'").get() as { rootpage: number }
    const pageSize = db.pragma("page_size", { simple: true }) as number
    db.close()
    expect(rootpage).toBeGreaterThan(1)
    const fd = openSync(file, "r+")
    const header = Buffer.alloc(12)
    readSync(fd, header, 0, 12, (rootpage - 1) * pageSize)
    const cellPointers = header[0] === 0x0d ? 8 : 12 // leaf or interior table page header
    writeSync(fd, Buffer.alloc(6, 0xff), 0, 6, (rootpage - 1) * pageSize + cellPointers)
    closeSync(fd)

    // Ordinary reads do not notice: the counts come from an index.
    const stats = await alma(dir, "stats", "--json")
    expect(stats.code, stats.stderr).toBe(0)
    expect(json(stats).total).toBe(3)

    const after = await healthOf(dir)
    expect(after.code).toBe(1)
    expect(after.ok).toBe(false)
    const storage = after.checks.find((c) => c.name === "storage")
    expectCorruptHint(storage)
    // quick_check lists the damage, or stops at it with SQLITE_CORRUPT: either way, reported by it.
    expect(storage?.detail, storage?.detail).toContain("failed during quickCheck")
  }, 60_000)

  it("a file that is not a database: corrupt, with the same hint", async () => {
    const dir = project()
    writeFileSync(join(dir, ".alma", "alma.db"), Buffer.alloc(64 * 1024, "not a database, just some bytes. "))
    const health = await healthOf(dir)
    expect(health.ok).toBe(false)
    const storage = health.checks.find((c) => c.name === "storage")
    expectCorruptHint(storage)
    expect(storage?.detail).toContain("SQLITE_NOTADB")
  }, 60_000)
})
