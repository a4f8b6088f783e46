/**
 * The Storage backends the conformance suite runs against (see `test/conformance/README.md` to add
 * one). Every suite file runs each of its tests once per backend listed here.
 *
 * A backend is opened over a **target**: where its data lives (a SQLite file, a PostgreSQL schema;
 * nothing for the in-memory backend). The same target opened again must show the same data (the
 * durability suite), and the child process `test/fixtures/conformanceWriter.ts <backend> <target>`
 * opens it by name (the concurrency suite). So this module has no test-runner imports.
 */
import * as PgClient from "@effect/sql-pg/PgClient"
import { Effect, Layer, Redacted } from "effect"
import { randomUUID } from "node:crypto"
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import * as MemoryStorage from "../../../layers/memory/MemoryStorage.js"
import * as SqliteStorage from "../../../layers/sqlite/SqliteStorage.js"
import type * as Embedder from "../../../src/services/Embedder.js"
import type * as Storage from "../../../src/services/Storage.js"
import { TestEmbedder } from "./fixtures.js"

/** Suites a backend may be exempted from, each with the reason (printed when the suite is skipped). */
export type Exemptions = { readonly [S in "durability" | "atomicity" | "concurrency"]?: string }

/**
 * One backend under test.
 *
 * **Shape** `open(target)`: the Storage over `target`, for vectors of the provided Embedder's
 * dimension; each build is a new connection (releasing the layer closes it). `newTarget()`: a new,
 * empty target, removed by `cleanup()` with every other this process created.
 */
export interface Backend {
  readonly name: string
  /** The external service the backend needs: its suites are gated by `describeWithService`. */
  readonly service?: "postgres" | undefined
  /** Why the backend cannot run here at all (e.g. missing credentials of a cloud service), if so. */
  readonly unavailable?: (() => string | undefined) | undefined
  readonly exempt: Exemptions
  readonly newTarget: () => string
  readonly open: (target: string) => Layer.Layer<Storage.Storage, unknown, Embedder.Embedder>
  readonly cleanup: () => Promise<void>
}

// memory

const memory: Backend = {
  name: "memory",
  exempt: {
    durability: "nothing outlives the layer, by design",
    concurrency: "one process's heap: nothing is shared between processes"
  },
  newTarget: () => "",
  open: () => MemoryStorage.layer,
  cleanup: async () => {}
}

// sqlite

let sqliteDir: string | undefined
let sqliteFiles = 0

const sqlite: Backend = {
  name: "sqlite",
  exempt: {},
  newTarget: () => {
    sqliteDir ??= mkdtempSync(join(tmpdir(), "alma-conformance-"))
    return join(sqliteDir, `db-${++sqliteFiles}.sqlite`)
  },
  open: (filename) => SqliteStorage.layerWith({ filename }),
  cleanup: async () => {
    if (sqliteDir !== undefined) rmSync(sqliteDir, { recursive: true, force: true })
    sqliteDir = undefined
  }
}

// postgres

// Loaded on first use only: the other backends' suites do not depend on the PostgreSQL layer loading.
const loadPg = () => import("../../../layers/postgres/PgStorage.js")

/** `ALMA_TEST_PG_URL`, read here rather than through test/support (this module runs in child processes). */
const pgUrl = (): string => {
  const url = process.env.ALMA_TEST_PG_URL
  if (url === undefined || url.trim() === "") throw new Error("ALMA_TEST_PG_URL is not set")
  return url
}

const pgSchemas = new Set<string>()

/** Drops the schemas (and all their tables) over one short-lived client. */
const dropSchemas = (url: string, schemas: ReadonlyArray<string>) =>
  Effect.gen(function*() {
    const sql = yield* PgClient.PgClient
    for (const schema of schemas) yield* sql`drop schema if exists ${sql(schema)} cascade`
  }).pipe(Effect.provide(PgClient.layer({ url: Redacted.make(url) })))

const postgres: Backend = {
  name: "postgres",
  service: "postgres",
  exempt: {},
  newTarget: () => {
    const schema = `t_${randomUUID().replace(/-/g, "").slice(0, 16)}`
    pgSchemas.add(schema)
    return schema
  },
  open: (schema) =>
    Layer.unwrapEffect(Effect.map(Effect.promise(loadPg), (pg) => pg.layerWith({ url: pgUrl(), schema }))),
  cleanup: async () => {
    const schemas = [...pgSchemas]
    pgSchemas.clear()
    if (schemas.length > 0) await Effect.runPromise(dropSchemas(pgUrl(), schemas))
  }
}

// registry

/** Every backend, the in-memory reference first. */
export const backends: ReadonlyArray<Backend> = [memory, sqlite, postgres]

/** The reference backend the ranking suite compares the others with. */
export const reference: Backend = memory

/** The backend of that name. */
export const byName = (name: string): Backend => {
  const backend = backends.find((b) => b.name === name)
  if (backend === undefined) throw new Error(`unknown backend ${name}: ${backends.map((b) => b.name).join(", ")}`)
  return backend
}

/** Opens a new, empty target, for vectors of `DIMENSIONS`. */
export const fresh = (backend: Backend): Layer.Layer<Storage.Storage, unknown> =>
  backend.open(backend.newTarget()).pipe(Layer.provide(TestEmbedder()))

/** Opens an existing target again, for vectors of `DIMENSIONS`. */
export const reopen = (backend: Backend, target: string): Layer.Layer<Storage.Storage, unknown> =>
  backend.open(target).pipe(Layer.provide(TestEmbedder()))
