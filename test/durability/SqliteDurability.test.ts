import { assert, describe, it } from "@effect/vitest"
import Database from "better-sqlite3"
import * as sqliteVec from "sqlite-vec"
import { spawn } from "node:child_process"
import { mkdtempSync } from "node:fs"
import { tmpdir } from "node:os"
import { dirname, join, resolve } from "node:path"
import { createInterface } from "node:readline"
import { fileURLToPath } from "node:url"

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..")

/** Runs the writer until `batches` batches are acknowledged, then SIGKILLs it mid-write. */
const writeThenKill = (filename: string, batches: number) =>
  new Promise<ReadonlyArray<{ batch: number; ids: ReadonlyArray<string> }>>((done, fail) => {
    const child = spawn(process.execPath, ["--import", "tsx", join(root, "test/fixtures/durabilityWriter.ts"), filename], {
      cwd: root,
      stdio: ["ignore", "pipe", "pipe"]
    })
    const acknowledged: Array<{ batch: number; ids: ReadonlyArray<string> }> = []
    let stderr = ""
    child.stderr.on("data", (d) => (stderr += String(d)))
    createInterface({ input: child.stdout }).on("line", (line) => {
      acknowledged.push(JSON.parse(line))
      // kill while the next batch is in flight
      if (acknowledged.length === batches) setTimeout(() => child.kill("SIGKILL"), 3)
    })
    child.on("exit", (_code, signal) =>
      signal === "SIGKILL" ? done(acknowledged) : fail(new Error(`writer exited without being killed: ${stderr}`)))
  })

describe("SQLite durability", () => {
  it("a process killed with SIGKILL mid-batch leaves a consistent file with every acknowledged write", async () => {
    const filename = join(mkdtempSync(join(tmpdir(), "alma-durability-")), "alma.db")
    const acknowledged = await writeThenKill(filename, 8)
    assert.isAtLeast(acknowledged.length, 8)
    const db = new Database(filename)
    sqliteVec.load(db)
    try {
      assert.strictEqual(db.pragma("integrity_check", { simple: true }), "ok")
      const present = new Set(
        (db.prepare("select id from memories").all() as Array<{ id: string }>).map((r) => r.id)
      )
      for (const { batch, ids } of acknowledged) {
        for (const id of ids) assert.isTrue(present.has(id), `acknowledged ${id} of batch ${batch} is missing`)
      }
      // batches are atomic: the store holds whole batches only (200 facts each)
      assert.strictEqual(present.size % 200, 0)
      assert.isAtLeast(present.size, acknowledged.length * 200)
      // the vector and lexical indexes agree with the table
      const count = (table: string) => (db.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n
      assert.strictEqual(count("memory_vectors"), present.size)
      assert.strictEqual(count("memory_fts"), present.size)
    } finally {
      db.close()
    }
  })
})
