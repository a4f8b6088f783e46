import * as PgClient from "@effect/sql-pg/PgClient"
import { afterAll } from "@effect/vitest"
import { Effect, Layer, Redacted } from "effect"
import { randomUUID } from "node:crypto"
import * as PgStorage from "../../layers/postgres/PgStorage.js"
import * as Embedder from "../../src/services/Embedder.js"
import { DIMENSIONS, storageContract } from "../contracts/StorageContract.js"
import { describeWithService } from "../support/services.js"

const TestEmbedder = (model = "test-8", dimensions = DIMENSIONS) =>
  Layer.succeed(Embedder.Embedder, {
    model,
    dimensions,
    embed: () => Effect.dieMessage("the storage tests never embed"),
    embedMany: () => Effect.dieMessage("the storage tests never embed")
  })

describeWithService("postgres", "PgStorage", (url) => {
  const schemas = new Set<string>()
  const freshSchema = () => {
    const schema = `t_${randomUUID().replace(/-/g, "").slice(0, 16)}`
    schemas.add(schema)
    return schema
  }
  afterAll(() =>
    Effect.runPromise(Effect.gen(function*() {
      const sql = yield* PgClient.PgClient
      for (const schema of schemas) yield* sql`drop schema if exists ${sql(schema)} cascade`
    }).pipe(Effect.provide(PgClient.layer({ url: Redacted.make(url) }))))
  )

  storageContract("postgres", () =>
    PgStorage.layerWith({ url, schema: freshSchema(), poolSize: 2 }).pipe(Layer.provide(TestEmbedder())))
})
