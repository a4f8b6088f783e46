/**
 * The ALMA MCP server over stdio (newline-delimited JSON-RPC) or Streamable HTTP, with the 19 ALMA
 * tools and the `alma://config` and `alma://agents` resources, serving ONE project: the `Alma`,
 * `Workflows`, `Consolidator` and `Advisor` services in context.
 *
 * Several servers (one per project) can share one `HttpRouter.Default` at different paths: each
 * layer builds its own McpServer registry (`@effect/ai`'s `McpServer.layerHttp` uses a single
 * memoised registry, so a second server on it cannot even be built).
 *
 * @since 0.1.0
 */
import * as McpServer from "@effect/ai/McpServer"
import { HttpRouter, HttpServerResponse } from "@effect/platform"
import { NodeSink, NodeStream } from "@effect/platform-node"
import { RpcServer } from "@effect/rpc"
import { Effect, Layer, Logger } from "effect"
import type * as AlmaService from "../services/Alma.js"
import type * as Advisor from "../services/Advisor.js"
import type * as Consolidator from "../services/Consolidator.js"
import type * as Workflows from "../services/Workflows.js"
import { makeProtocolHttp } from "./protocolHttp.js"
import { makeProtocolStdio } from "./protocolStdio.js"
import { registerTools } from "./register.js"
import { registerResources } from "./resources.js"

/**
 * What the server says about itself: `name` and `version` in the MCP handshake; `config` served as
 * `alma://config` (JSON-safe, secrets already removed).
 *
 * @since 0.1.0
 * @category models
 */
export interface ServerInfo {
  readonly name: string
  readonly version: string
  readonly config: Readonly<Record<string, unknown>>
}

/**
 * The engine services of one project, which the tools run on.
 *
 * @since 0.1.0
 * @category models
 */
export type EngineServices = AlmaService.Alma | Workflows.Workflows | Consolidator.Consolidator | Advisor.Advisor

/** A server over `protocol`: its own registry, tools and resources, and the MCP request loop. */
const layerServer = <E, R>(info: ServerInfo, protocol: Layer.Layer<RpcServer.Protocol, E, R>) => {
  // A registry of this server's own. `McpServer.McpServer.layer` (used by `McpServer.layerHttp`) is one
  // memoised layer: with it a second server fails to build ("Method 'GET' already declared for route
  // 'alma:/config'") and would share the first one's tools.
  const registry = Layer.scoped(McpServer.McpServer, McpServer.McpServer.make)
  const registrations = Layer.effectDiscard(
    Effect.zipRight(registerTools, registerResources(info.config))
  )
  const run = Layer.scopedDiscard(Effect.forkScoped(McpServer.run({ name: info.name, version: info.version })))
  return Layer.merge(run, registrations).pipe(Layer.provide(protocol), Layer.provide(registry))
}

/**
 * Streamable HTTP at `path` on `HttpRouter.Default`: JSON-RPC over POST, answered with one
 * `application/json` body (statuses and JSON-RPC errors: `protocolHttp.ts`; ids of any string or
 * number come back unchanged); GET (server-sent event stream) and DELETE (session end) answer 405,
 * which the MCP spec allows for servers that do not offer them. Serve it with `HttpRouter.Default.serve()` provided with this layer, so the route
 * exists before the server starts.
 *
 * @since 0.1.0
 * @category layers
 */
export const layerMcpHttp = (options: {
  readonly path: HttpRouter.PathInput
  readonly info: ServerInfo
}): Layer.Layer<never, never, EngineServices> => {
  const notAllowed = HttpServerResponse.empty({ status: 405, headers: { allow: "POST" } })
  const methods = HttpRouter.Default.use((router) =>
    Effect.zipRight(router.get(options.path, notAllowed), router.del(options.path, notAllowed))
  )
  const protocol = Layer.effect(RpcServer.Protocol, makeProtocolHttp(options.path)).pipe(
    Layer.provide(HttpRouter.Default.Live)
  )
  return Layer.merge(layerServer(options.info, protocol), methods)
}

/**
 * Loggers for a stdio server: every log line to stderr, none to stdout (which carries the protocol).
 * Provide it to the whole program, and run it with `runMain(..., { disablePrettyLogger: true })`.
 *
 * @since 0.1.0
 * @category layers
 */
export const stdioLogger: Layer.Layer<never> = Layer.mergeAll(
  Logger.replace(Logger.defaultLogger, Logger.prettyLogger({ stderr: true, colors: false })),
  Logger.remove(Logger.prettyLoggerDefault)
)

/**
 * Stdio: newline-delimited JSON-RPC on the process's stdin and stdout, logs on stderr. Every line is
 * answered as JSON-RPC 2.0 says, malformed ones included (`protocolStdio.ts`). The server stops when
 * stdin has ended and every request read from it is answered.
 *
 * @since 0.1.0
 * @category layers
 */
export const layerMcpStdio = (options: { readonly info: ServerInfo }): Layer.Layer<never, never, EngineServices> => {
  const protocol = Layer.scoped(RpcServer.Protocol, makeProtocolStdio({ stdin: NodeStream.stdin, stdout: NodeSink.stdout }))
  return layerServer(options.info, protocol).pipe(Layer.provide(stdioLogger))
}
