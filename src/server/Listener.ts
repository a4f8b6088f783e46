/**
 * The Node HTTP server under `alma serve`: an `HttpServer` like `@effect/platform-node`'s
 * `NodeHttpServer.layer`, with two differences that the platform's does not allow.
 *
 * - **Never a silent port.** The port is bound when the layer is built, and until the app is
 *   attached (and again once it is detached at shutdown) every request is answered at once with
 *   503 `{"error":"unavailable",…}` and `Retry-After: 1`, upgrades too, instead of waiting forever
 *   for a handler. Build the storage before this layer, so that a backend that cannot be reached
 *   fails before anything listens.
 * - **Bounded WebSocket messages.** Upgrades go through a `ws` server of its own, with
 *   `maxPayload`: a frame or a message (all its fragments) over it closes the connection with 1009.
 *
 * @since 0.1.0
 */
import * as NodeHttpServer from "@effect/platform-node/NodeHttpServer"
import * as NodeHttpServerRequest from "@effect/platform-node/NodeHttpServerRequest"
import type * as HttpApp from "@effect/platform/HttpApp"
import type * as HttpMiddleware from "@effect/platform/HttpMiddleware"
import * as HttpServer from "@effect/platform/HttpServer"
import * as HttpServerError from "@effect/platform/HttpServerError"
import * as HttpServerRequest from "@effect/platform/HttpServerRequest"
import * as Socket from "@effect/platform/Socket"
import { Effect, Layer } from "effect"
import * as Http from "node:http"
import type * as Net from "node:net"
import type { Duplex } from "node:stream"
import * as WS from "ws"

/**
 * Where to listen and the WebSocket message limit.
 *
 * **Units** `maxPayload`: bytes (per frame and per reassembled message).
 *
 * @since 0.1.0
 * @category models
 */
export interface Options {
  readonly host: string
  readonly port: number
  readonly maxPayload: number
}

interface Handlers {
  readonly request: (request: Http.IncomingMessage, response: Http.ServerResponse) => void
  readonly upgrade: (request: Http.IncomingMessage, socket: Duplex, head: Buffer) => void
}

const ignore = () => {}

/** Answers everything with 503 (the connection is closed after it). */
const unavailable = (message: string): Handlers => {
  const body = JSON.stringify({ error: "unavailable", message })
  const headers = {
    "content-type": "application/json",
    "content-length": String(Buffer.byteLength(body)),
    "retry-after": "1",
    connection: "close"
  }
  return {
    request: (_request, response) => {
      response.writeHead(503, headers)
      response.end(body)
    },
    upgrade: (_request, socket) => {
      const head = Object.entries(headers).map(([k, v]) => `${k}: ${v}\r\n`).join("")
      socket.end(`HTTP/1.1 503 Service Unavailable\r\n${head}\r\n${body}`)
    }
  }
}

const starting = unavailable("the server is starting; retry in a moment")
const stopping = unavailable("the server is shutting down")

/**
 * The request as the app sees it, with `upgrade` performing the WebSocket handshake on `socket`.
 * `modify` keeps it, so middleware that rewrites the URL (authentication) does not lose it.
 */
const upgradeable = (
  request: HttpServerRequest.HttpServerRequest,
  upgrade: HttpServerRequest.HttpServerRequest["upgrade"]
): HttpServerRequest.HttpServerRequest =>
  Object.create(request, {
    upgrade: { value: upgrade },
    modify: {
      value: (options: Parameters<HttpServerRequest.HttpServerRequest["modify"]>[0]) =>
        upgradeable(request.modify(options), upgrade)
    }
  })

/**
 * The WebSocket handshake for one upgrade request, as a `Socket`. `response` (the one the app
 * would answer a refusal on) is detached and ended first, so nothing is written over the
 * WebSocket once it is open; a connection closed before the handshake completes fails it.
 */
const handshake = (
  wss: WS.WebSocketServer,
  request: Http.IncomingMessage,
  socket: Duplex,
  head: Buffer,
  response: Http.ServerResponse,
  onUpgraded: () => void
) =>
  Socket.fromWebSocket(
    Effect.acquireRelease(
      Effect.async<globalThis.WebSocket, Socket.SocketError>((resume) => {
        onUpgraded()
        response.detachSocket(socket as Net.Socket)
        response.end()
        const onClose = () =>
          resume(Effect.fail(new Socket.SocketGenericError({ reason: "Open", cause: "closed before the upgrade" })))
        socket.once("close", onClose)
        wss.handleUpgrade(request, socket, head, (ws) => {
          socket.off("close", onClose)
          // `ws` implements the WHATWG WebSocket interface that Socket uses; the platform's own
          // server makes the same conversion.
          resume(Effect.succeed(ws as unknown as globalThis.WebSocket))
        })
        return Effect.sync(() => socket.off("close", onClose))
      }),
      (ws) => Effect.sync(() => ws.close())
    )
  )

/**
 * At shutdown, open WebSockets are not waited for (an idle client would hold the exit until the
 * forced timeout): each is closed with 1001 ("going away"), and those that have not completed the
 * close within a second are dropped.
 */
const closeWebSockets = (wss: WS.WebSocketServer) =>
  Effect.gen(function*() {
    for (const client of wss.clients) client.close(1001, "the server is shutting down")
    yield* Effect.async<void>((resume) => {
      const check = () => wss.clients.size === 0 && resume(Effect.void)
      for (const client of wss.clients) client.once("close", () => queueMicrotask(check))
      check()
    }).pipe(Effect.timeout("1 second"), Effect.ignore)
    for (const client of wss.clients) client.terminate()
    yield* Effect.async<void>((resume) => wss.close(() => resume(Effect.void)))
  })

/**
 * Binds `options.host:options.port` (answering 503 until `serve` attaches an app) and returns the
 * `HttpServer`. Its scope's end closes the WebSockets (1001), stops accepting, lets in-flight
 * HTTP requests finish and closes.
 *
 * **Errors** `ServeError` (the port is in use, the address cannot be bound).
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (options: Options) =>
  Effect.gen(function*() {
    let current: Handlers = starting
    const server = yield* Effect.acquireRelease(
      Effect.sync(() =>
        Http.createServer((request, response) => current.request(request, response)).on("upgrade", (request, socket, head) => {
          // Node removes its own error listener from upgraded sockets: a reset must not crash us.
          socket.on("error", ignore)
          current.upgrade(request, socket, head)
        })
      ),
      (server) =>
        Effect.async<void>((resume) => {
          if (server.listening) server.close(() => resume(Effect.void))
          else resume(Effect.void)
        })
    )
    yield* Effect.async<void, HttpServerError.ServeError>((resume) => {
      const onError = (cause: unknown) => resume(Effect.fail(new HttpServerError.ServeError({ cause })))
      server.once("error", onError)
      server.listen({ host: options.host, port: options.port }, () => {
        server.off("error", onError)
        resume(Effect.void)
      })
    })
    const wss = yield* Effect.acquireRelease(
      Effect.sync(() => new WS.WebSocketServer({ noServer: true, maxPayload: options.maxPayload })),
      closeWebSockets
    )
    const address = server.address()

    const serve = (httpApp: HttpApp.Default<unknown>, middleware?: HttpMiddleware.HttpMiddleware) =>
      Effect.gen(function*() {
        const upgrades = new WeakMap<Http.IncomingMessage, HttpServerRequest.HttpServerRequest["upgrade"]>()
        const withUpgrades = (app: HttpApp.Default<unknown, never>) =>
          Effect.flatMap(HttpServerRequest.HttpServerRequest, (request) => {
            const upgrade = upgrades.get(NodeHttpServerRequest.toIncomingMessage(request))
            return upgrade === undefined
              ? app
              : Effect.provideService(app, HttpServerRequest.HttpServerRequest, upgradeable(request, upgrade))
          })
        const handle = yield* NodeHttpServer.makeHandler(
          httpApp,
          ((app: HttpApp.Default<unknown, never>) =>
            withUpgrades(middleware === undefined ? app : middleware(app))) as HttpMiddleware.HttpMiddleware
        )
        const ready: Handlers = {
          request: handle,
          upgrade: (request, socket, head) => {
            let upgraded = false
            const response = new Http.ServerResponse(request)
            response.assignSocket(socket as Net.Socket)
            // A refusal (401, 403, …) is the whole exchange: close after it.
            response.on("finish", () => upgraded || socket.end())
            upgrades.set(request, handshake(wss, request, socket, head, response, () => (upgraded = true)))
            handle(request, response)
          }
        }
        yield* Effect.acquireRelease(Effect.sync(() => (current = ready)), () => Effect.sync(() => (current = stopping)))
      })

    return HttpServer.make({
      address: typeof address === "string"
        ? { _tag: "UnixAddress", path: address }
        : { _tag: "TcpAddress", hostname: address?.address === "::" ? "0.0.0.0" : address?.address ?? options.host, port: address?.port ?? options.port },
      serve
    })
  })

/**
 * The server as a layer, with the platform services `NodeHttpServer.layer` also provides
 * (`HttpPlatform`, `Etag.Generator`, `FileSystem`, `Path`).
 *
 * @since 0.1.0
 * @category layers
 */
export const layer = (options: Options) =>
  Layer.mergeAll(Layer.scoped(HttpServer.HttpServer, make(options)), NodeHttpServer.layerContext)
