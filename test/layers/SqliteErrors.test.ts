/**
 * SQLite failures say what happened (issue 19 item 5): a full database (`PRAGMA max_page_count`
 * reached on a real file, as a full disk or quota would) fails with a `StorageError` naming
 * `SQLITE_FULL` and what to do, through the library and over RPC (where @effect/sql's generic
 * "Failed to execute statement" used to be all the caller saw). Result codes map to reasons.
 */
import { HttpRouter, HttpServer } from "@effect/platform"
import { NodeHttpServer } from "@effect/platform-node"
import * as SqliteClient from "@effect/sql-sqlite-node/SqliteClient"
import { afterAll, assert, describe, it } from "@effect/vitest"
import { Context, Effect, Layer, Schema } from "effect"
import { mkdtempSync, rmSync } from "node:fs"
import { createServer } from "node:http"
import { tmpdir } from "node:os"
import { join } from "node:path"
import * as sqliteVec from "sqlite-vec"
import * as HashEmbedder from "../../layers/embedders/HashEmbedder.js"
import { reasonOf, sqliteCode, storageError } from "../../layers/sqlite/internal/errors.js"
import * as SqliteStorage from "../../layers/sqlite/SqliteStorage.js"
import * as Alma from "../../src/Alma.js"
import { AgentScope } from "../../src/domain/AgentScope.js"
import { AlmaError, StorageError } from "../../src/domain/AlmaError.js"
import * as AlmaClient from "../../src/rpc/AlmaClient.js"
import { layerRpc } from "../../src/rpc/server.js"
import * as AlmaService from "../../src/services/Alma.js"

const dir = mkdtempSync(join(tmpdir(), "alma-sqlite-errors-"))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/**
 * An Alma stack on a real SQLite file whose connection may not grow the file any further: after the
 * migrations, `max_page_count` is set to the file's current page count.
 */
const fullStack = (filename: string) => {
  const client = Layer.effectDiscard(
    Effect.flatMap(SqliteClient.SqliteClient, (c) => c.loadExtension(sqliteVec.getLoadablePath()))
  ).pipe(Layer.provideMerge(SqliteClient.layer({ filename })))
  const limit = Effect.gen(function*() {
    const sql = yield* SqliteClient.SqliteClient
    const [row] = yield* sql<{ readonly page_count: number }>`pragma page_count`.withoutTransform
    yield* sql.unsafe(`pragma max_page_count = ${row!.page_count}`)
  }).pipe(Effect.orDie)
  const storage = SqliteStorage.layer.pipe(Layer.tap(() => limit), Layer.provideMerge(client))
  return Alma.layerWith(storage, HashEmbedder.layer, {
    projectId: "full",
    agents: [AgentScope.make({ agent: "writer" })]
  })
}

/** Enough text to need new pages at once. */
const facts = Array.from({ length: 40 }, (_, i) => ({
  agent: "writer",
  domain: "disk",
  fact: `fact ${i}: ${"the retry queue drains every few seconds and keeps its backlog bounded. ".repeat(40)}`
}))

const assertFull = (e: unknown) => {
  assert.instanceOf(e, StorageError)
  const error = e as StorageError
  assert.strictEqual(error.backend, "sqlite")
  assert.strictEqual(error.code, "SQLITE_FULL")
  assert.strictEqual(error.reason, "full")
  assert.include(error.message, "SQLITE_FULL")
  assert.include(error.message, "free disk space or raise the limit")
  assert.notInclude(error.message, "Failed to execute statement")
}

describe("SQLite errors name the result code and the remedy", () => {
  it.effect("a full database through the library: SQLITE_FULL, free space or raise the limit", () =>
    Effect.gen(function*() {
      const alma = yield* AlmaService.Alma
      const e = yield* Effect.flip(alma.addKnowledgeBatch(facts))
      assertFull(e)
      // The wire form (RPC, MCP) carries the reason and the code, so the message survives the trip.
      const wire = yield* Schema.encode(AlmaError)(e as StorageError)
      const decoded = yield* Schema.decodeUnknown(AlmaError)(JSON.parse(JSON.stringify(wire)))
      assertFull(decoded)
    }).pipe(Effect.provide(fullStack(join(dir, "library.db")))), 30_000)

  it.effect("a full database over RPC (HTTP): the client sees SQLITE_FULL and the remedy", () =>
    Effect.gen(function*() {
      const server = yield* HttpServer.HttpServer
      const address = server.address
      if (address._tag !== "TcpAddress") throw new Error("expected a TCP address")
      const url = `http://127.0.0.1:${address.port}/rpc`
      const e = yield* Effect.flip(
        Effect.flatMap(AlmaService.Alma, (alma) => alma.addKnowledgeBatch(facts)).pipe(
          Effect.provide(AlmaClient.layerHttp({ url }))
        )
      )
      assertFull(e)
    }).pipe(
      Effect.provide(
        HttpRouter.Default.serve().pipe(
          Layer.provide(layerRpc({ httpPath: "/rpc", wsPath: "/ws" }).pipe(Layer.provide(fullStack(join(dir, "rpc.db"))))),
          Layer.provideMerge(NodeHttpServer.layer(createServer, { port: 0, host: "127.0.0.1" }))
        )
      )
    ), 30_000)

  it("result codes map to reasons, through the cause chain; other codes keep their code only", () => {
    const driver = (code: string) => Object.assign(new Error("driver"), { code })
    const wrapped = (code: string) => ({ _tag: "SqlError", message: "Failed to execute statement", cause: driver(code) })
    const cases: ReadonlyArray<readonly [string, string | undefined]> = [
      ["SQLITE_FULL", "full"],
      ["SQLITE_READONLY_DBMOVED", "readonly"],
      ["SQLITE_CORRUPT", "corrupt"],
      ["SQLITE_NOTADB", "corrupt"],
      ["SQLITE_BUSY_SNAPSHOT", "busy"],
      ["SQLITE_IOERR_WRITE", "io"],
      ["SQLITE_CANTOPEN", "cantopen"],
      ["SQLITE_CONSTRAINT_UNIQUE", undefined]
    ]
    for (const [code, reason] of cases) {
      assert.strictEqual(sqliteCode(wrapped(code)), code)
      assert.strictEqual(reasonOf(code), reason, code)
      const e = storageError("save", wrapped(code))
      assert.strictEqual(e.code, code)
      assert.strictEqual(e.reason, reason)
      assert.include(e.message, code)
    }
    assert.strictEqual(storageError("save", new Error("no code")).code, undefined)
  })
})
