/**
 * A real HTTP server for the RPC tests: several projects, each its own `layerRpc` over its own Alma
 * stack, at `/_p/<project>/rpc` and `/_p/<project>/ws`, on one `HttpRouter.Default`, on a free port.
 * Paths under `/_p/secure/` require `Authorization: Bearer s3cret` (a stand-in for the server's auth).
 */
import { HttpMiddleware, HttpRouter, HttpServer, HttpServerRequest, HttpServerResponse } from "@effect/platform"
import { NodeHttpServer } from "@effect/platform-node"
import { Context, Effect, Exit, Layer, Scope } from "effect"
import { mkdtempSync, rmSync } from "node:fs"
import { createServer } from "node:http"
import { tmpdir } from "node:os"
import { join } from "node:path"
import * as HashEmbedder from "../../layers/embedders/HashEmbedder.js"
import * as SqliteStorage from "../../layers/sqlite/SqliteStorage.js"
import * as Alma from "../../src/Alma.js"
import { AgentScope } from "../../src/domain/AgentScope.js"
import type { ConfigurationError, StorageError } from "../../src/domain/AlmaError.js"
import { layerRpc } from "../../src/rpc/server.js"

/** The token `/_p/secure/` paths accept. */
export const SECRET = "s3cret"

/** Agents of every test project: helena may not learn in `billing`. */
export const testAgents = () => [
  AgentScope.make({ agent: "helena", cannotLearn: ["billing"], shareWith: ["victor"] }),
  AgentScope.make({ agent: "victor", inheritFrom: ["helena"] })
]

/** The in-memory stack of a project (also used, in-process, as the local side of the drop-in test). */
export const memoryStack = (projectId: string) => Alma.layerInMemory({ projectId, agents: testAgents() })

const sqliteStack = (projectId: string, filename: string) =>
  Alma.layerWith(SqliteStorage.layerWith({ filename }), HashEmbedder.layer, { projectId, agents: testAgents() })

const auth = HttpMiddleware.make((app) =>
  Effect.gen(function*() {
    const request = yield* HttpServerRequest.HttpServerRequest
    if (request.url.startsWith("/_p/secure/") && request.headers.authorization !== `Bearer ${SECRET}`) {
      return HttpServerResponse.empty({ status: 401 })
    }
    return yield* app
  })
)

const project = <E>(name: string, stack: Layer.Layer<Alma.Services, E>) =>
  layerRpc({ httpPath: `/_p/${name}/rpc`, wsPath: `/_p/${name}/ws` }).pipe(Layer.provide(stack))

/** A running server; `http(project)` / `ws(project)` give the endpoints of a project. */
export interface RunningServer {
  readonly port: number
  readonly http: (project: string) => string
  readonly ws: (project: string) => string
  readonly close: () => Promise<void>
}

/**
 * Starts the server with SQLite projects `sqlite` (each its own file in a temp dir) and in-memory
 * projects `memory`, plus the `secure` project.
 */
export const startServer = async (projects: {
  readonly sqlite: ReadonlyArray<string>
  readonly memory: ReadonlyArray<string>
}): Promise<RunningServer> => {
  const dir = mkdtempSync(join(tmpdir(), "alma-rpc-"))
  const instances: Layer.Layer<never, ConfigurationError | StorageError> = [
    ...projects.sqlite.map((name) => project(name, sqliteStack(name, join(dir, `${name}.db`)))),
    ...[...projects.memory, "secure"].map((name) => project(name, memoryStack(name)))
  ].reduce((all, instance) => Layer.merge(all, instance), Layer.empty)
  const server = HttpRouter.Default.serve(auth).pipe(
    Layer.provide(instances),
    Layer.provideMerge(NodeHttpServer.layer(createServer, { port: 0, host: "127.0.0.1" }))
  )
  const scope = Effect.runSync(Scope.make())
  const context = await Effect.runPromise(Layer.buildWithScope(server, scope))
  const address = Context.get(context, HttpServer.HttpServer).address
  if (address._tag !== "TcpAddress") throw new Error("expected a TCP address")
  const port = address.port
  return {
    port,
    http: (name) => `http://127.0.0.1:${port}/_p/${name}/rpc`,
    ws: (name) => `ws://127.0.0.1:${port}/_p/${name}/ws`,
    close: async () => {
      await Effect.runPromise(Scope.close(scope, Exit.void))
      rmSync(dir, { recursive: true, force: true })
    }
  }
}
