/**
 * Client transports for `AlmaRpcs`: HTTP (ndjson) and WebSocket (JSON), each able to present a
 * bearer token in the `Authorization` header.
 *
 * @since 0.1.0
 */
import { FetchHttpClient, HttpClient, HttpClientRequest, Socket } from "@effect/platform"
import { RpcClient, RpcSerialization } from "@effect/rpc"
import { Effect, Layer, Redacted } from "effect"
import * as WS from "ws"

/**
 * Where the server is and how to authenticate.
 *
 * **Shape** `url`: the full endpoint, `http(s)://host:port/rpc` for HTTP, `ws(s)://host:port/ws` for
 * WebSocket; `token`: sent as `Authorization: Bearer <token>` on every HTTP request and on the
 * WebSocket upgrade request (omitted when absent).
 *
 * @since 0.1.0
 * @category models
 */
export interface ClientOptions {
  readonly url: string
  readonly token?: string | Redacted.Redacted | undefined
}

const authorization = (token: string | Redacted.Redacted): string =>
  `Bearer ${Redacted.isRedacted(token) ? Redacted.value(token) : token}`

/**
 * Fetch-based `HttpClient` that turns non-2xx responses (e.g. 401 from an auth proxy) into
 * `ResponseError`s, so they surface as `RpcClientError`s rather than as unparsable bodies, and that
 * adds the bearer token when one is given.
 */
const layerHttpClient = (token: ClientOptions["token"]): Layer.Layer<HttpClient.HttpClient> =>
  Layer.effect(
    HttpClient.HttpClient,
    Effect.map(HttpClient.HttpClient, (client) => {
      const checked = HttpClient.filterStatusOk(client)
      return token === undefined ? checked : HttpClient.mapRequest(checked, HttpClientRequest.bearerToken(token))
    })
  ).pipe(Layer.provide(FetchHttpClient.layer))

/**
 * The HTTP transport: each call is one POST of ndjson to `url`; stream results are read as they
 * arrive. Server or network failures surface as `RpcClientError`.
 *
 * @since 0.1.0
 * @category protocols
 */
export const layerProtocolHttp = (options: ClientOptions): Layer.Layer<RpcClient.Protocol> =>
  RpcClient.layerProtocolHttp({ url: options.url }).pipe(
    Layer.provide([layerHttpClient(options.token), RpcSerialization.layerNdjson])
  )

/**
 * A `WebSocketConstructor` using the `ws` package, which (unlike the WHATWG constructor) can set
 * headers on the upgrade request: that is how the token is sent.
 */
const layerWebSocketConstructor = (token: ClientOptions["token"]): Layer.Layer<Socket.WebSocketConstructor> =>
  Layer.succeed(Socket.WebSocketConstructor, (url, protocols) => {
    const socket = new WS.WebSocket(url, protocols, token === undefined ? {} : { headers: { authorization: authorization(token) } })
    // `ws` implements the WHATWG WebSocket interface that Socket uses (onopen, onmessage, send,
    // close, readyState, binaryType) but is declared as its own class; @effect/platform-node's own
    // constructor makes the same conversion.
    return socket as unknown as globalThis.WebSocket
  })

/**
 * The WebSocket transport: one connection per client, JSON messages, pings every 10 s, acks for
 * streams. A failed connection fails the calls in flight with `RpcClientError` (no silent waiting);
 * the client keeps reconnecting in the background (0.5 s, growing to 5 s) and later calls succeed
 * once it is back.
 *
 * @since 0.1.0
 * @category protocols
 */
export const layerProtocolWebSocket = (options: ClientOptions): Layer.Layer<RpcClient.Protocol> =>
  RpcClient.layerProtocolSocket({ retryTransientErrors: false }).pipe(
    Layer.provide([
      Layer.scoped(Socket.Socket, Socket.makeWebSocket(options.url)).pipe(
        Layer.provide(layerWebSocketConstructor(options.token))
      ),
      RpcSerialization.layerJson
    ])
  )
