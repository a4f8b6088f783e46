/**
 * Handlers of `alma serve` (RPC + MCP over HTTP) and `alma mcp` (MCP over stdio). Both run until
 * SIGTERM or SIGINT, then shut down gracefully: in-flight requests finish and the storage closes.
 * A shutdown that takes longer than `server.shutdown_timeout_ms` is forced (exit 1).
 *
 * @since 0.1.0
 */
import { Effect, Layer } from "effect"
import type { AlmaConfig } from "../../../config/AlmaConfig.js"
import { versionString } from "../../internal/version.js"
import * as Server from "../../server/Server.js"
import { reporting } from "../errors.js"
import * as O from "../options.js"
import type * as Spec from "../spec.js"
import { lazyLocalEmbedder, loadCliConfig } from "../stack.js"

const embedderFor = (config: AlmaConfig) => config.embedding.provider === "local" ? lazyLocalEmbedder : undefined

/** Forces the exit when a graceful shutdown hangs (e.g. a client keeps a WebSocket open). */
const forceExitAfter = (timeoutMs: number) =>
  Effect.sync(() => {
    const arm = () => {
      setTimeout(() => {
        process.stderr.write(`alma: shutdown took longer than ${timeoutMs} ms; exiting\n`)
        process.exit(1)
      }, timeoutMs).unref()
    }
    process.once("SIGTERM", arm)
    process.once("SIGINT", arm)
  })

/**
 * `alma serve`: the HTTP server until a signal.
 *
 * @since 0.1.0
 * @category commands
 */
export const serve = (o: Spec.Args<typeof Spec.serve>) =>
  Effect.gen(function*() {
    const config = yield* loadCliConfig(o.config)
    yield* forceExitAfter(config.server.shutdownTimeoutMs)
    yield* Layer.launch(
      Server.layerHttp(config, {
        version: versionString,
        host: O.opt(o.host),
        port: O.opt(o.port),
        embedder: embedderFor(config)
      })
    )
  }).pipe(reporting({ command: "serve", json: false }))

/**
 * `alma mcp`: MCP over stdio until stdin closes or a signal.
 *
 * @since 0.1.0
 * @category commands
 */
export const mcp = (o: Spec.Args<typeof Spec.mcp>) =>
  Effect.gen(function*() {
    const config = yield* loadCliConfig(o.config)
    yield* forceExitAfter(config.server.shutdownTimeoutMs)
    yield* Layer.launch(
      Server.layerStdio(config, { version: versionString, project: O.opt(o.project), embedder: embedderFor(config) })
    )
  }).pipe(reporting({ command: "mcp", json: false }))
