/**
 * `npm run demo`: the scripted scenario on the embedded default (SQLite + sqlite-vec + FTS5, local
 * Universal Sentence Encoder Lite), in a fresh temporary database.
 */
import { NodeRuntime } from "@effect/platform-node"
import { Console, Effect, Layer } from "effect"
import { mkdtempSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import * as Alma from "../src/Alma.js"
import { demoAgents, runDemo } from "../src/demo.js"

const filename = join(mkdtempSync(join(tmpdir(), "alma-demo-")), "alma.db")

const program = Effect.gen(function*() {
  yield* Console.log(`ALMA demo: SQLite file ${filename}, local embedder (USE-lite, 512 dims, offline)`)
  yield* runDemo
})

program.pipe(
  Effect.provide(Layer.fresh(Alma.layerSqlite({ filename, agents: demoAgents }))),
  NodeRuntime.runMain
)
