/** Stacks for the Workflows tests: the engine plus Workflows, on in-memory storage or a fresh SQLite file. */
import { afterAll } from "@effect/vitest"
import { Effect, Layer } from "effect"
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import * as HashEmbedder from "../../layers/embedders/HashEmbedder.js"
import * as Alma from "../../src/Alma.js"
import * as AlmaService from "../../src/services/Alma.js"
import * as Storage from "../../src/services/Storage.js"
import * as Workflows from "../../src/services/Workflows.js"
import { scope } from "../fixtures/stack.js"

export const projectId = "proj-w"

/** helena and victor are open; qa-bot may learn only its domain `qa`. */
export const agents = [scope("helena"), scope("victor"), scope("qa-bot", { domain: "qa", canLearn: ["qa"] })]

const dir = mkdtempSync(join(tmpdir(), "alma-workflows-"))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
let files = 0

/** A new SQLite file path in the suite's temp directory. */
export const freshFile = (): string => join(dir, `wf-${++files}.sqlite`)

const withWorkflows = <E>(engine: Layer.Layer<Alma.Services, E>) =>
  Workflows.layer({ projectId }).pipe(Layer.provideMerge(engine))

/** The stack on SQLite in `filename` (reopen by passing the same name). */
export const sqliteStack = (filename: string) =>
  withWorkflows(Alma.layerSqlite({ filename, embedder: HashEmbedder.layer, projectId, agents }))

/** Both backends, each building a fresh stack per call. */
export const backends = [
  { name: "memory", stack: () => withWorkflows(Alma.layerInMemory({ projectId, agents })) },
  { name: "sqlite", stack: () => sqliteStack(freshFile()) }
] as const

/** What a test body gets. */
export interface Env {
  readonly wf: Workflows.Service
  readonly alma: AlmaService.Service
  readonly storage: Storage.Service
}

/** Runs `body` on a fresh stack. */
export const runOn = <A, E, E2>(
  stack: Layer.Layer<Workflows.Workflows | Alma.Services, E2>,
  body: (env: Env) => Effect.Effect<A, E>
): Effect.Effect<A, E | E2> =>
  Effect.gen(function*() {
    const wf = yield* Workflows.Workflows
    const alma = yield* AlmaService.Alma
    const storage = yield* Storage.Storage
    return yield* body({ wf, alma, storage })
  }).pipe(Effect.provide(stack))
