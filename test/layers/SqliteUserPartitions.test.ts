/**
 * SQLite: user ids come from requests, so users must not create index partitions. All `@user/<id>`
 * owners of a project share one FTS5 table and one vec0 partition per kind; a user's searches run
 * over that user's rows alone and stay exact (same BM25 as an own partition, exact cosine distances).
 * Files written with a partition per user are moved to the shared layout by migration 5.
 */
import * as Migrator from "@effect/sql/Migrator"
import * as SqlClient from "@effect/sql/SqlClient"
import * as SqliteClient from "@effect/sql-sqlite-node/SqliteClient"
import { afterAll, assert, describe, it } from "@effect/vitest"
import { Effect, Layer, Schema } from "effect"
import { mkdtempSync, rmSync, statSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import * as sqliteVec from "sqlite-vec"
import * as HashEmbedder from "../../layers/embedders/HashEmbedder.js"
import * as Rows from "../../layers/sqlite/internal/rows.js"
import { searchTextSql } from "../../layers/sqlite/internal/users.js"
import * as Migrations from "../../layers/sqlite/migrations.js"
import * as SqliteStorage from "../../layers/sqlite/SqliteStorage.js"
import * as Alma from "../../src/Alma.js"
import { userOwner } from "../../src/domain/Ids.js"
import type { Memory } from "../../src/domain/Memory.js"
import { searchText } from "../../src/domain/Memory.js"
import * as AlmaService from "../../src/services/Alma.js"
import * as Embedder from "../../src/services/Embedder.js"
import * as Storage from "../../src/services/Storage.js"
import { allKinds, build, DIMENSIONS, TestEmbedder, vec } from "../conformance/storage/fixtures.js"

const dir = mkdtempSync(join(tmpdir(), "alma-sqlite-users-"))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
let files = 0
const freshFile = () => join(dir, `db-${++files}.sqlite`)

/** A client with sqlite-vec loaded, as `layerWith` builds it. */
const client = (filename: string) =>
  Layer.effectDiscard(
    Effect.flatMap(SqliteClient.SqliteClient, (c) => c.loadExtension(sqliteVec.getLoadablePath()))
  ).pipe(Layer.provideMerge(SqliteClient.layer({ filename })))

/** Storage over a client the test can query too. */
const storageWithClient = (filename: string) =>
  SqliteStorage.layer.pipe(Layer.provideMerge(client(filename)), Layer.provide(TestEmbedder()))

/** A deterministic generator (mulberry32), so every run sees the same corpus. */
const random = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296
}

const words = (
  "theme dark light font large small editor tabs spaces vim emacs keyboard mouse terse verbose " +
  "tests first review reviews python rust typescript docs email slack morning evening metric units"
).split(" ")

const corpus = (users: number, perUser: number, seed: number) => {
  const next = random(seed)
  const pick = () => words[Math.floor(next() * words.length)]!
  let n = 0
  return Array.from({ length: users }, (_, u) =>
    Array.from({ length: perUser }, () => {
      n++
      const text = Array.from({ length: 2 + Math.floor(next() * 5) }, pick).join(" ")
      const category = ["style", "tools", "workflow"][Math.floor(next() * 3)]!
      const embedding = Float32Array.from({ length: DIMENSIONS }, () => next() - 0.5)
      return { n, user: `u${u}`, category, text, embedding }
    })).flat()
}

/** Bytes the file and its WAL take. */
const bytesOn = (filename: string) =>
  [filename, `${filename}-wal`].reduce((sum, f) => sum + (statSync(f, { throwIfNoEntry: false })?.size ?? 0), 0)

const countTables = Effect.flatMap(
  SqlClient.SqlClient,
  (sql) => sql<{ n: number }>`select count(*) as n from memory_fts_tables`
).pipe(Effect.map(([row]) => row!.n))

/** One AddPreferences batch of 1,000 preferences spread over `users` new users; bytes per memory. */
const preferenceBatch = (users: number) =>
  Effect.gen(function*() {
    const filename = freshFile()
    const stack = Alma.layerWith(SqliteStorage.layerWith({ filename }), HashEmbedder.layer, { projectId: "proj-a" })
    return yield* Effect.gen(function*() {
      const alma = yield* AlmaService.Alma
      yield* alma.stats()
      const before = bytesOn(filename)
      yield* alma.addPreferences(Array.from({ length: 1000 }, (_, i) => ({
        userId: `user-${i % users}`,
        category: "style",
        preference: `prefers answer style number ${i} with short sentences`
      })))
      const perMemory = (bytesOn(filename) - before) / 1000
      const tables = yield* Effect.provide(countTables, client(filename))
      return { perMemory, tables }
    }).pipe(Effect.provide(stack))
  })

describe("SqliteStorage user partitions", () => {
  it.effect("1,000 new users in one AddPreferences batch cost what 10 users do: no new tables, flat bytes", () =>
    Effect.gen(function*() {
      const few = yield* preferenceBatch(10)
      const many = yield* preferenceBatch(1000)
      // one shared FTS5 table for all users' preferences, however many users
      assert.strictEqual(few.tables, 1)
      assert.strictEqual(many.tables, 1)
      // a partition per user cost ~200 KiB each (a vec0 chunk and an FTS5 table): 100× the bytes
      assert.isBelow(many.perMemory, few.perMemory * 1.25 + 256, JSON.stringify({ few, many }))
      assert.isBelow(many.perMemory, 16 * 1024)
    }), 120_000)

  it.effect("searches each of 1,000 users' preferences exactly: own-partition BM25, exact cosine, no leaks", () =>
    Effect.gen(function*() {
      const storage = yield* Storage.Storage
      const sql = yield* SqlClient.SqlClient
      const prefs = corpus(1000, 3, 7)
      const memoryOf = (p: (typeof prefs)[number]): Memory =>
        build.user_preference({ n: p.n, owner: p.user, detail: p.category, text: p.text })
      yield* storage.save(prefs.map((p) => ({ memory: memoryOf(p), embedding: p.embedding })))
      // Mirrors: the same texts ("category: preference") as one agent's domain knowledge, in an agent's
      // own partition, for 20 users: their BM25 is what the user's own partition gave.
      const sampled = Array.from({ length: 20 }, (_, i) => `u${i * 50 + 7}`)
      const mirrorOf = (p: (typeof prefs)[number]) =>
        build.domain_knowledge({ n: 100_000 + p.n, owner: `mirror-${p.user}`, detail: p.category, text: p.text })
      yield* storage.save(
        prefs.filter((p) => sampled.includes(p.user)).map((p) => ({ memory: mirrorOf(p), embedding: p.embedding }))
      )
      const prefOfMirror = new Map(prefs.map((p) => [mirrorOf(p).id as string, memoryOf(p).id as string]))
      /** Hits as (id, BM25 to 9 places), best first, ties by id. */
      const scored = (hits: ReadonlyArray<{ readonly id: string; readonly bm25: number }>) =>
        hits.map((h) => [h.id, h.bm25.toFixed(9)] as const).sort((a, b) =>
          Number(b[1]) - Number(a[1]) || a[0].localeCompare(b[0])
        )
      assert.strictEqual(yield* countTables, 1 + sampled.length)
      const [chunks] = yield* sql<{ n: number }>`select count(*) as n from memory_codes_chunks`
      // vec0 chunks hold 1,024 codes: 3,000 users' codes fill 3, each mirror agent's partition 1
      assert.strictEqual(chunks!.n, Math.ceil(prefs.length / 1024) + sampled.length)
      let matched = 0
      for (const user of sampled) {
        const own = prefs.filter((p) => p.user === user)
        const ids = new Set(own.map((p) => memoryOf(p).id as string))
        const users = { projectId: "proj-a", owners: [userOwner(user)], kinds: ["user_preference" as const], k: 10 }
        const mirror = { ...users, owners: [`mirror-${user}`], kinds: ["domain_knowledge" as const] }
        for (const query of ["theme dark", "tests review", own[0]!.text, `${own[1]!.category} editor`]) {
          const hits = yield* storage.lexicalSearch(users, query)
          const expected = yield* storage.lexicalSearch(mirror, query)
          if (query === own[0]!.text) assert.isAbove(expected.length, 0)
          matched += hits.length
          assert.deepStrictEqual(
            scored(hits.map((h) => ({ id: h.id, bm25: h.bm25 }))),
            scored(expected.map((h) => ({ id: prefOfMirror.get(h.id)!, bm25: h.bm25 }))),
            `${user} "${query}"`
          )
          for (const h of hits) assert.isTrue(ids.has(h.id), `${h.id} is not ${user}'s`)
        }
        const [best] = yield* storage.lexicalSearch(mirror, own[0]!.text)
        assert.deepStrictEqual(
          (yield* storage.lexicalSearch({ ...users, k: 1 }, own[0]!.text)).map((h) => h.bm25.toFixed(9)),
          [best!.bm25.toFixed(9)]
        )
        const query = Float32Array.from({ length: DIMENSIONS }, (_, i) => Math.cos(i + user.length))
        const exact = own.map((p) => ({ id: memoryOf(p).id, distance: 1 - Embedder.cosine(p.embedding, query) }))
          .sort((a, b) => a.distance - b.distance)
        const vectorHits = yield* storage.vectorSearch({ ...users, k: 2 }, query)
        assert.deepStrictEqual(vectorHits.map((h) => h.id), exact.slice(0, 2).map((e) => e.id))
        vectorHits.forEach((h, i) => assert.closeTo(h.distance, exact[i]!.distance, 1e-5))
      }
      assert.isAbove(matched, 100)
      // two users in one scope: up to k from each
      const two = yield* storage.vectorSearch(
        { projectId: "proj-a", owners: [userOwner("u1"), userOwner("u2")], kinds: ["user_preference"], k: 2 },
        prefs[0]!.embedding
      )
      assert.lengthOf(two, 4)
      // another project sees none of them
      const other = { projectId: "proj-b", owners: [userOwner("u1")], kinds: ["user_preference" as const], k: 5 }
      assert.deepStrictEqual(yield* storage.vectorSearch(other, prefs[0]!.embedding), [])
      assert.deepStrictEqual(yield* storage.lexicalSearch(other, prefs[0]!.text), [])
    }).pipe(Effect.provide(storageWithClient(freshFile()))), 120_000)

  it.effect("migration 5 moves a file's per-user partitions into the shared layout; searches give what they gave", () =>
    Effect.gen(function*() {
      const filename = freshFile()
      const prefs = corpus(5, 2, 11)
      const records = [
        ...prefs.map((p) => ({
          memory: build.user_preference({ n: p.n, owner: p.user, detail: p.category, text: p.text }) as Memory,
          embedding: p.embedding
        })),
        { memory: build.heuristic({ n: 99, owner: "alice", text: "theme rollout" }), embedding: prefs[0]!.embedding }
      ]
      const queries = ["theme dark", prefs[0]!.text, prefs[3]!.text, "tests review python"]
      // The layout before migration 5, as the backend wrote it: an FTS5 table and a vec0 partition
      // per (project, owner, kind), users included.
      const before = yield* Effect.gen(function*() {
        const sql = yield* SqlClient.SqlClient
        const upTo4 = Effect.map(
          Migrations.loader({ model: `test-${DIMENSIONS}`, dimensions: DIMENSIONS }),
          (all) => all.filter(([id]) => id < 5)
        )
        yield* Migrator.make({})({ loader: upTo4, table: Migrations.migrationsTable })
        const tables = new Map<string, string>()
        for (const r of records) {
          const row = Rows.toMemoryRow(r.memory, yield* Schema.encode(Rows.MemoryJson)(r.memory))
          const [inserted] = yield* sql<{ seq: number }>`insert into memories ${sql.insert(row)} returning seq`
          const seq = BigInt(inserted!.seq)
          const part = Rows.partitionKey(row.project_id, row.owner, row.kind)
          yield* sql`insert into memory_vectors (memory_seq, embedding) values (${seq}, ${Rows.toBlob(r.embedding)})`
          yield* sql`insert into memory_codes (memory_seq, part, code)
            values (${seq}, ${part}, vec_bit(${Rows.vectorCode(r.embedding)}))`
          const name = Rows.ftsTableName(part)
          if (!tables.has(part)) {
            yield* sql.unsafe(`create virtual table ${name} using fts5(words, tokenize = 'porter unicode61',
              content = '', contentless_delete = 1)`)
            yield* sql`insert into memory_fts_tables ${
              sql.insert({ part, name, project_id: row.project_id, owner: row.owner, kind: row.kind })
            }`
            tables.set(part, name)
          }
          yield* sql`insert into ${sql(name)} (rowid, words) values (${seq}, ${searchText(r.memory)})`
        }
        yield* sql`drop view memory_fts`
        const branches = [...tables.values()].map((n) => `select rowid from ${n}`)
        yield* sql.unsafe(`create view memory_fts as ${branches.join(" union all ")}`)
        // What each user's own table scores, per query.
        const scores: Record<string, ReadonlyArray<readonly [string, string]>> = {}
        for (const [part, name] of tables) {
          const [, owner] = part.split("\u0001")
          if (!owner!.startsWith("@user/")) continue
          for (const q of queries) {
            const rows = yield* sql<{ id: string; score: number }>`select m.id as id, bm25(${sql(name)}) as score
              from ${sql(name)} join memories m on m.seq = ${sql(name)}.rowid
              where ${sql(name)} match ${Rows.ftsQuery(Storage.queryTerms(q))} order by score`
            scores[`${owner} ${q}`] = rows.map((r) => [r.id, (-r.score).toFixed(9)] as const)
          }
        }
        return { tables: [...tables.values()], scores }
      }).pipe(Effect.provide(client(filename)))
      assert.lengthOf(before.tables, 6)
      assert.isAbove(Object.values(before.scores).filter((s) => s.length > 0).length, 3)

      yield* Effect.gen(function*() {
        const storage = yield* Storage.Storage
        const sql = yield* SqlClient.SqlClient
        const migrations = yield* sql<{ id: number }>`select max(migration_id) as id from alma_migrations`
        assert.strictEqual(migrations[0]!.id, 5)
        const registry = yield* sql<{ owner: string; kind: string }>`select owner, kind from memory_fts_tables
          order by owner`
        assert.deepStrictEqual(registry.map((r) => [r.owner, r.kind]), [
          ["@user", "user_preference"],
          ["alice", "heuristic"]
        ])
        const names = new Set((yield* sql<{ name: string }>`select name from sqlite_master`).map((r) => r.name))
        const aliceTable = Rows.ftsTableName(Rows.partitionKey("proj-a", "alice", "heuristic"))
        for (const t of before.tables) assert.strictEqual(names.has(t), t === aliceTable, t)
        const [counts] = yield* sql<{ memories: number; codes: number; fts: number; chunks: number }>`select
          (select count(*) from memories) as memories, (select count(*) from memory_codes) as codes,
          (select count(*) from memory_fts) as fts, (select count(*) from memory_codes_chunks) as chunks`
        // the emptied per-user vec0 chunks are gone: one for the users, one for alice
        assert.deepStrictEqual(counts, { memories: 11, codes: 11, fts: 11, chunks: 2 })
        for (const [key, expected] of Object.entries(before.scores)) {
          const [owner, ...q] = key.split(" ")
          const hits = yield* storage.lexicalSearch(
            { projectId: "proj-a", owners: [owner!], kinds: ["user_preference"], k: 10 },
            q.join(" ")
          )
          assert.deepStrictEqual<unknown>(hits.map((h) => [h.id, h.bm25.toFixed(9)]), expected, key)
        }
        const alice = { projectId: "proj-a", owners: ["alice"], kinds: ["heuristic" as const], k: 5 }
        assert.lengthOf(yield* storage.lexicalSearch(alice, "theme"), 1)
        const u0 = { projectId: "proj-a", owners: [userOwner("u0")], kinds: ["user_preference" as const], k: 5 }
        assert.deepStrictEqual(
          (yield* storage.vectorSearch(u0, prefs[0]!.embedding)).map((h) => h.id)[0],
          records[0]!.memory.id
        )
        // new users and deletions after the move stay in the shared table
        yield* storage.save([{
          memory: build.user_preference({ n: 500, owner: "newcomer", text: "dark theme" }),
          embedding: prefs[1]!.embedding
        }])
        assert.strictEqual(yield* storage.delete("proj-a", [{ id: records[0]!.memory.id, reason: "test" }]), 1)
        assert.strictEqual(yield* countTables, 2)
        const [fts] = yield* sql<{ n: number }>`select count(*) as n from memory_fts`
        assert.strictEqual(fts!.n, 11)
        const [integrity] = yield* sql<{ integrity_check: string }>`pragma integrity_check`
        assert.strictEqual(integrity?.integrity_check, "ok")
      }).pipe(Effect.provide(storageWithClient(filename)))
    }))

  it.effect("indexes a user's texts as searchText does, for every kind (searchTextSql)", () =>
    Effect.gen(function*() {
      const storage = yield* Storage.Storage
      const sql = yield* SqlClient.SqlClient
      const memories = allKinds.map((kind, n) =>
        build[kind]({ n: n + 1, text: `Grüße, "quoted" text; n°${n} — 'single' \\ back`, detail: `d.${kind}-x:1` })
      )
      yield* storage.save(memories.map((memory) => ({ memory, embedding: vec(1) })))
      const rows = yield* sql<{ id: string; text: string }>`select id, ${sql.literal(searchTextSql)} as text
        from memories order by id`
      const expected = new Map(memories.map((m) => [m.id as string, searchText(m)]))
      assert.lengthOf(rows, allKinds.length)
      for (const row of rows) assert.strictEqual(row.text, expected.get(row.id), row.id)
    }).pipe(Effect.provide(storageWithClient(freshFile()))))
})
