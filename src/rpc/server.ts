/**
 * Serving `AlmaRpcs`: HTTP (ndjson, streamed responses) and WebSocket (JSON) protocols registered on
 * `HttpRouter.Default`, over the `Alma` service in context.
 *
 * @since 0.1.0
 */
import { HttpRouter } from "@effect/platform"
import { RpcSerialization, RpcServer } from "@effect/rpc"
import { Effect, Layer } from "effect"
import type * as Alma from "../services/Alma.js"
import { AlmaRpcs } from "./AlmaRpcs.js"
import { layerHandlers } from "./handlers.js"
import { guardNdjsonBodies, guardSerialization, validatePayloads } from "./internal/validatePayloads.js"

/**
 * Where to serve: the POST path of the HTTP protocol and the GET (upgrade) path of the WebSocket one.
 *
 * @since 0.1.0
 * @category models
 */
export interface Options {
  readonly httpPath: HttpRouter.PathInput
  readonly wsPath: HttpRouter.PathInput
}

/**
 * The HTTP protocol at `path` on `HttpRouter.Default`, with payload validation (see
 * `internal/validatePayloads.ts`). Requests and responses are newline-delimited JSON; one POST may
 * carry several requests, and stream responses are flushed as they are produced.
 *
 * @since 0.1.0
 * @category protocols
 */
export const layerProtocolHttp = (path: HttpRouter.PathInput): Layer.Layer<RpcServer.Protocol> =>
  Layer.effect(RpcServer.Protocol, Effect.map(RpcServer.makeProtocolHttp({ path }), validatePayloads)).pipe(
    Layer.provide([HttpRouter.Default.Live, Layer.succeed(RpcSerialization.RpcSerialization, guardNdjsonBodies(RpcSerialization.ndjson))])
  )

/**
 * The WebSocket protocol at `path` on `HttpRouter.Default` (JSON messages, client pings and stream
 * acks), with payload validation.
 *
 * @since 0.1.0
 * @category protocols
 */
export const layerProtocolWebsocket = (path: HttpRouter.PathInput): Layer.Layer<RpcServer.Protocol> =>
  Layer.effect(RpcServer.Protocol, Effect.map(RpcServer.makeProtocolWebsocket({ path }), validatePayloads)).pipe(
    Layer.provide([HttpRouter.Default.Live, Layer.succeed(RpcSerialization.RpcSerialization, guardSerialization(RpcSerialization.json))])
  )

const serverOptions = { spanPrefix: "AlmaRpcs" } as const

/**
 * `AlmaRpcs` over HTTP at `httpPath` and over WebSocket at `wsPath`, both registered on
 * `HttpRouter.Default` and both serving the `Alma` provided to this layer (read once, at build).
 *
 * Each call builds its own servers and handlers (shared by its two protocols), so one process can serve several projects by
 * building one `layerRpc` per project, at different paths, each with its own `Alma` provided; they
 * share the router (serve it once with `HttpRouter.Default.serve()`).
 *
 * A payload that fails its schema is answered with a typed `ValidationError` naming the field;
 * malformed messages are answered with a defect; neither stops the server.
 *
 * @since 0.1.0
 * @category layers
 * @example
 * const Project = layerRpc({ httpPath: "/rpc", wsPath: "/ws" }).pipe(Layer.provide(Alma.layerInMemory()))
 * HttpRouter.Default.serve().pipe(Layer.provide(Project), Layer.provide(NodeHttpServer.layer(createServer, { port: 8080 })))
 */
export const layerRpc = (options: Options): Layer.Layer<never, never, Alma.Alma> =>
  Layer.mergeAll(
    RpcServer.layer(AlmaRpcs, serverOptions).pipe(Layer.provide(layerProtocolHttp(options.httpPath))),
    RpcServer.layer(AlmaRpcs, serverOptions).pipe(Layer.provide(layerProtocolWebsocket(options.wsPath)))
  ).pipe(Layer.provide(layerHandlers()))
