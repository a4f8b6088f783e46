/**
 * PostgreSQL-specific cases of the storage (the Storage conformance suite, test/conformance/storage/,
 * runs on PostgreSQL too): filtered top-k through the HNSW index, migrations run once, what
 * misconfigurations report, batch atomicity and the COPY path. Each storage gets a schema of its own
 * (`t_<random>`), dropped after the file.
 */
import * as PgClient from "@effect/sql-pg/PgClient"
import { afterAll, assert, beforeAll, describe, it } from "@effect/vitest"
import { Effect, Layer, Redacted } from "effect"
import { randomUUID } from "node:crypto"
import * as Pg from "pg"
import { openPool } from "../../layers/postgres/internal/connection.js"
import { extensionError } from "../../layers/postgres/internal/extension.js"
import * as PgStorage from "../../layers/postgres/PgStorage.js"
import * as Embedder from "../../src/services/Embedder.js"
import * as Storage from "../../src/services/Storage.js"
import { assertSameMemory, build, scope, stored, TestEmbedder, vec } from "../conformance/storage/fixtures.js"
import { describeWithService } from "../support/services.js"

const randomName = (prefix: string) => `${prefix}_${randomUUID().replace(/-/g, "").slice(0, 16)}`

/** Unit vectors of `dimensions` from a seeded generator (mulberry32). */
const vectors = (seed: number, dimensions: number) => {
  let a = seed >>> 0
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = Math.imul(a ^ (a >>> 15), a | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  return () => Embedder.normalize(Float32Array.from({ length: dimensions }, () => next() * 2 - 1))
}

describeWithService("postgres", "PgStorage", (url) => {
  const schemas = new Set<string>()
  const cleanups: Array<string> = []
  const freshSchema = () => {
    const schema = randomName("t")
    schemas.add(schema)
    return schema
  }
  const admin = PgClient.layer({ url: Redacted.make(url) })
  const runAdmin = <A, E>(f: (sql: PgClient.PgClient) => Effect.Effect<A, E>) =>
    Effect.runPromise(Effect.flatMap(PgClient.PgClient, f).pipe(Effect.provide(admin)))
  afterAll(() =>
    runAdmin((sql) =>
      Effect.gen(function*() {
        for (const schema of schemas) yield* sql`drop schema if exists ${sql(schema)} cascade`
        for (const statement of cleanups) yield* sql.unsafe(statement)
      })
    )
  )

  const storageAt = (schema: string, embedder = TestEmbedder(), options: Partial<PgStorage.Options> = {}) =>
    PgStorage.layerWith({ url, schema, poolSize: 2, ...options }).pipe(Layer.provide(embedder))

  /** A PgClient over its own pool with extra connection parameters (`-c name=value …`). */
  const clientWith = (options: string) =>
    PgClient.layerFromPool({
      acquire: Effect.acquireRelease(
        Effect.sync(() => new Pg.Pool({ connectionString: url, max: 2, options })),
        (pool) => Effect.promise(() => pool.end())
      )
    })

  const configurationError = (layer: Layer.Layer<Storage.Storage, unknown>) =>
    Effect.gen(function*() {
      const error = yield* Effect.flip(Effect.provide(Storage.Storage, layer))
      assert.strictEqual((error as { _tag?: string })._tag, "ConfigurationError", String(error))
      return error as { readonly key: string; readonly description: string; readonly message: string }
    })

  describe("filtered top-k through the HNSW index", () => {
    const dimensions = 32
    const owners = 20
    const embedder = TestEmbedder("test-32", dimensions)
    const next = vectors(1, dimensions)
    // 2,000 memories, 100 per owner: one owner is 5% of the table.
    const records = Array.from({ length: 2000 }, (_, i) =>
      stored(build.heuristic({ n: i + 1, owner: `owner${i % owners}` }), next()))
    const queries = Array.from({ length: owners }, () => next())
    const schema = freshSchema()
    const scopeOf = (i: number) => scope({ owners: [`owner${i}`], kinds: ["heuristic"], k: 10 })

    beforeAll(() =>
      Effect.runPromise(
        Effect.flatMap(Storage.Storage, (storage) => storage.save(records)).pipe(
          Effect.provide(storageAt(schema, embedder))
        )
      ), 120_000)

    /** Every query's hits: exactly 10, all of the queried owner, most of them the exact 10 nearest. */
    const assertFullTopK = (storage: Storage.Service) =>
      Effect.gen(function*() {
        let recall = 0
        for (const [i, query] of queries.entries()) {
          const hits = yield* storage.vectorSearch(scopeOf(i), query)
          assert.lengthOf(hits, 10, `owner${i}`)
          const found = yield* storage.getMany("proj-a", hits.map((h) => h.id))
          for (const r of found) assert.strictEqual(r.memory.kind === "heuristic" && r.memory.agent, `owner${i}`)
          const distances = hits.map((h) => h.distance)
          assert.deepStrictEqual(distances, [...distances].sort((a, b) => a - b))
          const exact = records
            .filter((r) => r.memory.kind === "heuristic" && r.memory.agent === `owner${i}`)
            .map((r) => ({ id: r.memory.id, d: 1 - Embedder.cosine(query, r.embedding) }))
            .sort((a, b) => a.d - b.d)
            .slice(0, 10)
          recall += exact.filter((e) => hits.some((h) => h.id === e.id)).length / 10
        }
        assert.isAtLeast(recall / queries.length, 0.9)
      })

    // With sorting disabled the planner must take the order from the HNSW index and filter its rows
    // (what it chooses by itself for a large table); without iterative scans that stops after
    // ef_search candidates, so few of the 40 it reads belong to the queried owner.
    it.effect("without iterative scans the HNSW scan returns fewer than k (the scenario is real)", () =>
      Effect.gen(function*() {
        const sql = yield* PgClient.PgClient
        let total = 0
        for (const [i, query] of queries.entries()) {
          const rows = yield* sql`select id from ${sql(`${schema}.memories`)}
            where project_id = 'proj-a' and owner = ${`owner${i}`} and kind = 'heuristic'
            order by embedding <=> ${`[${Array.from(query).join(",")}]`}::vector limit 10`
          total += rows.length
        }
        assert.isBelow(total, 10 * queries.length)
      }).pipe(Effect.provide(clientWith("-c enable_sort=off -c hnsw.iterative_scan=off"))))

    it.effect("layerWith: every filtered top-10 returns 10 rows", () =>
      Effect.flatMap(Storage.Storage, assertFullTopK).pipe(Effect.provide(storageAt(schema, embedder))))

    it.effect("layer over a client without the setting sets it per query and returns 10 rows", () =>
      Effect.flatMap(Storage.Storage, assertFullTopK).pipe(
        Effect.provide(
          PgStorage.layer({ schema }).pipe(Layer.provide(embedder), Layer.provide(clientWith("-c enable_sort=off")))
        )
      ))

    it.effect("layer over a client with the session setting returns 10 rows", () =>
      Effect.flatMap(Storage.Storage, assertFullTopK).pipe(
        Effect.provide(PgStorage.layer({ schema }).pipe(
          Layer.provide(embedder),
          Layer.provide(clientWith("-c enable_sort=off -c hnsw.iterative_scan=relaxed_order"))
        ))
      ))

    it.scoped("layerWith's connections start with relaxed-order iterative scans and the configured ef_search", () =>
      Effect.gen(function*() {
        const { pool } = yield* openPool({ url: Redacted.make(url), poolSize: 2, efSearch: 64 })
        const result = yield* Effect.promise(() =>
          pool.query("select current_setting('hnsw.iterative_scan') as scan, current_setting('hnsw.ef_search') as ef")
        )
        assert.deepStrictEqual(result.rows, [{ scan: "relaxed_order", ef: "64" }])
      }))
  })

  describe("migrations", () => {
    const migrations = (schema: string) =>
      runAdmin((sql) => sql<{ version: number }>`select version from ${sql(`${schema}.alma_migrations`)} order by 1`)

    it.effect("opening a schema again applies nothing and finds the data", () =>
      Effect.gen(function*() {
        const schema = freshSchema()
        const record = stored(build.heuristic({ n: 1, text: "kept across opens" }), vec(1))
        yield* Effect.flatMap(Storage.Storage, (s) => s.save([record])).pipe(Effect.provide(storageAt(schema)))
        const before = yield* Effect.promise(() => migrations(schema))
        const got = yield* Effect.flatMap(Storage.Storage, (s) => s.get("proj-a", record.memory.id)).pipe(
          Effect.provide(storageAt(schema))
        )
        yield* assertSameMemory(got, record)
        assert.deepStrictEqual(before.map((r) => r.version), [1, 2])
        assert.deepStrictEqual(yield* Effect.promise(() => migrations(schema)), before)
      }))

    it.effect("four layers starting at once on a new schema all open it; migrations run once", () =>
      Effect.gen(function*() {
        const schema = freshSchema()
        const open = (n: number) =>
          Effect.flatMap(Storage.Storage, (s) => s.save([stored(build.heuristic({ n }), vec(n))])).pipe(
            Effect.provide(storageAt(schema))
          )
        yield* Effect.all([1, 2, 3, 4].map(open), { concurrency: "unbounded" })
        assert.deepStrictEqual((yield* Effect.promise(() => migrations(schema))).map((r) => r.version), [1, 2])
        const stats = yield* Effect.flatMap(Storage.Storage, (s) => s.stats("proj-a")).pipe(
          Effect.provide(storageAt(schema))
        )
        assert.strictEqual(stats.heuristic, 4)
      }))
  })

  describe("misconfiguration fails at layer build with a ConfigurationError", () => {
    const secret = "s3cret-Pa55word"

    it.effect("unreachable server: key postgres.url, names host and port, never the password", () =>
      Effect.gen(function*() {
        const error = yield* configurationError(
          PgStorage.layerWith({ url: Redacted.make(`postgres://alma:${secret}@127.0.0.1:1/alma`) }).pipe(
            Layer.provide(TestEmbedder())
          )
        )
        assert.strictEqual(error.key, "postgres.url")
        assert.include(error.description, "127.0.0.1:1")
        assert.include(error.description, "must be running")
        for (const text of [JSON.stringify(error), String(error), error.message, error.description]) {
          assert.notInclude(text, secret)
        }
      }))

    it.effect("missing database: names it and how to create it, never the password", () =>
      Effect.gen(function*() {
        const target = new URL(url)
        target.password = secret
        target.pathname = "/alma_no_such_database"
        const error = yield* configurationError(
          PgStorage.layerWith({ url: target.toString() }).pipe(Layer.provide(TestEmbedder()))
        )
        assert.strictEqual(error.key, "postgres.url")
        assert.include(error.description, "alma_no_such_database")
        assert.include(error.description, "createdb")
        assert.notInclude(JSON.stringify(error) + String(error), secret)
      }))

    it.effect("malformed URL: key postgres.url, without repeating it", () =>
      Effect.gen(function*() {
        const error = yield* configurationError(
          PgStorage.layerWith({ url: `mysql://root:${secret}@db/x` }).pipe(Layer.provide(TestEmbedder()))
        )
        assert.strictEqual(error.key, "postgres.url")
        assert.notInclude(JSON.stringify(error), secret)
      }))

    it.effect("vector extension not enabled and the user may not enable it: says how", () =>
      Effect.gen(function*() {
        const name = randomName("alma_noext")
        yield* Effect.promise(() =>
          runAdmin((sql) =>
            Effect.gen(function*() {
              yield* sql.unsafe(`create role ${name} login nosuperuser`)
              yield* sql.unsafe(`create database ${name}`)
              yield* sql.unsafe(`grant create on database ${name} to ${name}`)
            })
          )
        )
        cleanups.push(`drop database if exists ${name} with (force)`, `drop role if exists ${name}`)
        const target = new URL(url)
        target.username = name
        target.pathname = `/${name}`
        const error = yield* configurationError(
          PgStorage.layerWith({ url: target.toString() }).pipe(Layer.provide(TestEmbedder()))
        )
        assert.strictEqual(error.key, "postgres.vector")
        assert.include(error.description, "create extension vector")
        assert.include(error.description, "superuser")
      }))

    it.effect("schema missing and the user may not create it: says how", () =>
      Effect.gen(function*() {
        const name = randomName("alma_noschema")
        yield* Effect.promise(() =>
          runAdmin((sql) =>
            Effect.gen(function*() {
              yield* sql.unsafe(`create role ${name} login nosuperuser`)
              yield* sql.unsafe(`create database ${name}`)
            })
          )
        )
        cleanups.push(`drop database if exists ${name} with (force)`, `drop role if exists ${name}`)
        const target = new URL(url)
        target.pathname = `/${name}`
        yield* Effect.flatMap(PgClient.PgClient, (sql) => sql`create extension vector`).pipe(
          Effect.provide(PgClient.layer({ url: Redacted.make(target.toString()) }))
        )
        target.username = name
        const error = yield* configurationError(
          PgStorage.layerWith({ url: target.toString() }).pipe(Layer.provide(TestEmbedder()))
        )
        assert.strictEqual(error.key, "postgres.schema")
        assert.include(error.description, `create schema alma authorization ${name}`)
      }))

    it("pgvector missing from the server: says how to install it", () => {
      const error = extensionError({ _tag: "Unavailable" })
      assert.strictEqual(error.key, "postgres.vector")
      assert.include(error.description, "apt install postgresql-<major>-pgvector")
      assert.include(error.description, "github.com/pgvector/pgvector")
    })

    it.effect("dimension differing from the schema's: names both, suggests export/import or a new schema", () =>
      Effect.gen(function*() {
        const schema = freshSchema()
        yield* Effect.provide(Storage.Storage, storageAt(schema))
        const error = yield* configurationError(storageAt(schema, TestEmbedder("test-16", 16)))
        assert.strictEqual(error.key, "embedding_dim")
        assert.include(error.description, "8-dimensional")
        assert.include(error.description, "16-dimensional")
        assert.include(error.description, "alma export")
        assert.include(error.description, "alma import")
        assert.include(error.description, "new schema")
        const model = yield* configurationError(storageAt(schema, TestEmbedder("other-8", 8)))
        assert.strictEqual(model.key, "embedding_model")
      }))

    it.effect("invalid options name the option", () =>
      Effect.gen(function*() {
        const keyOf = (options: Partial<PgStorage.Options>, embedder = TestEmbedder()) =>
          Effect.map(configurationError(storageAt("alma", embedder, options)), (e) => e.key)
        assert.strictEqual(yield* keyOf({ schema: "Bad-Name" }), "postgres.schema")
        assert.strictEqual(yield* keyOf({ poolSize: 0 }), "postgres.pool_size")
        assert.strictEqual(yield* keyOf({ hnsw: { m: 1 } }), "postgres.hnsw.m")
        assert.strictEqual(yield* keyOf({ hnsw: { m: 16, efConstruction: 20 } }), "postgres.hnsw.efConstruction")
        assert.strictEqual(yield* keyOf({ hnsw: { efSearch: 0 } }), "postgres.hnsw.efSearch")
        assert.strictEqual(yield* keyOf({ schema: freshSchema() }, TestEmbedder("huge", 2001)), "embedding_dim")
      }))
  })

  describe("batches", () => {
    const nanVector = () => vec(1).map((x, i) => (i === 0 ? Number.NaN : x))

    // Wrong dimensions are caught before any SQL; a NaN component is refused by PostgreSQL itself,
    // part way through the transaction.
    for (const size of [10, 100, 3000]) {
      it.effect(`a batch of ${size} with a vector PostgreSQL refuses stores nothing and keeps the index`, () =>
        Effect.gen(function*() {
          const schema = freshSchema()
          yield* Effect.gen(function*() {
            const storage = yield* Storage.Storage
            const batch = Array.from({ length: size }, (_, i) => stored(build.heuristic({ n: i + 1 }), vec(1, i)))
            batch[size - 2] = stored(build.heuristic({ n: size - 1 }), nanVector())
            const error = yield* Effect.flip(storage.save(batch))
            assert.strictEqual(error._tag, "StorageError")
            assert.deepStrictEqual(Object.values(yield* storage.stats("proj-a")), [0, 0, 0, 0, 0])
            const wrong = [...batch.slice(0, 5), stored(build.heuristic({ n: 9999 }), new Float32Array(7).fill(0.5))]
            assert.strictEqual((yield* Effect.flip(storage.save(wrong)))._tag, "StorageError")
            assert.deepStrictEqual(Object.values(yield* storage.stats("proj-a")), [0, 0, 0, 0, 0])
            yield* storage.save(batch.slice(0, 3))
            assert.lengthOf(yield* storage.vectorSearch(scope(), vec(1)), 3)
          }).pipe(Effect.provide(storageAt(schema)))
          const indexes = yield* Effect.promise(() =>
            runAdmin((sql) =>
              sql<{ name: string }>`select indexname as name from pg_indexes where schemaname = ${schema}`
            )
          )
          assert.include(indexes.map((r) => r.name), "memories_embedding")
        }), 60_000)
    }

    // 600 new memories (COPY), then 1,800 new and 300 replacing (COPY and upsert, HNSW index rebuilt).
    it.effect("large batches (COPY) round-trip awkward text, replace by id and keep the index definition", () =>
      Effect.gen(function*() {
        const schema = freshSchema()
        const layer = storageAt(schema, TestEmbedder(), { hnsw: { m: 8, efConstruction: 32 } })
        const awkward = "tab\there, new\nline, back\\slash, 'quotes', \"double\", nul\u0000, ünïcödé 日本語 🎉"
        const first = Array.from({ length: 600 }, (_, i) =>
          stored(build.heuristic({ n: i + 1, text: `${awkward} first${i}` }), vec(1, i / 600)))
        const second = Array.from({ length: 1800 }, (_, i) =>
          stored(build.anti_pattern({ n: i + 1, text: `${awkward} second${i}`, taskType: "deploy" }), vec(0, 1, i)))
        const replaced = first.slice(0, 300).map((r, i) =>
          stored(build.heuristic({ n: i + 1, text: `replaced${i} ${awkward}` }), vec(0, 0, 1, i / 300)))
        yield* Effect.gen(function*() {
          const storage = yield* Storage.Storage
          yield* storage.save(first)
          yield* storage.save([...second, ...replaced])
          for (const r of [second[0]!, second[1799]!, replaced[0]!, replaced[299]!, first[300]!, first[599]!]) {
            yield* assertSameMemory(yield* storage.get("proj-a", r.memory.id), r)
          }
          assert.deepStrictEqual(yield* storage.stats("proj-a"), {
            heuristic: 600,
            outcome: 0,
            user_preference: 0,
            domain_knowledge: 0,
            anti_pattern: 1800
          })
          const lexical = yield* storage.lexicalSearch(scope({ k: 3 }), "replaced7 日本語")
          assert.strictEqual(lexical[0]?.id, replaced[7]!.memory.id)
          assert.lengthOf(yield* storage.lexicalSearch(scope({ k: 1000 }), "first0 first1 first299"), 0)
          assert.lengthOf(yield* storage.lexicalSearch(scope({ kinds: ["anti_pattern"], k: 5000 }), "🎉 ünïcödé"), 1800)
          const near = yield* storage.vectorSearch(scope({ k: 1 }), vec(0, 0, 1, 0))
          assert.strictEqual(near[0]?.id, replaced[0]!.memory.id)
          const deploy = yield* storage.list({ projectId: "proj-a", kinds: ["anti_pattern"], taskType: "deploy" })
          assert.lengthOf(deploy, 1800)
        }).pipe(Effect.provide(layer))
        const [index] = yield* Effect.promise(() =>
          runAdmin((sql) =>
            sql<{ def: string }>`select indexdef as def from pg_indexes where schemaname = ${schema}
              and indexname = 'memories_embedding'`
          )
        )
        assert.include(index?.def ?? "", "hnsw")
        assert.include(index?.def ?? "", "m='8'")
        assert.include(index?.def ?? "", "ef_construction='32'")
      }), 120_000)
  })
})
