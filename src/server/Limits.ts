/**
 * Per-principal concurrency limits of `alma serve`: open WebSocket connections and HTTP requests
 * in flight, counted per token (per project without tokens), so that one client cannot take the
 * whole server.
 *
 * @since 0.1.0
 */
import * as HttpMiddleware from "@effect/platform/HttpMiddleware"
import * as HttpServerRequest from "@effect/platform/HttpServerRequest"
import * as HttpServerResponse from "@effect/platform/HttpServerResponse"
import * as Socket from "@effect/platform/Socket"
import { Effect, FiberRef, Option } from "effect"
import { currentPrincipal } from "./Principal.js"

/**
 * The limits. **Source** `server.max_ws_connections_per_token` (default 64) and
 * `server.max_in_flight_per_token` (default 256).
 *
 * @since 0.1.0
 * @category models
 */
export interface Options {
  /** Open WebSocket connections per principal; one more is closed with 1013 right after opening. */
  readonly maxConnections: number
  /** HTTP requests in flight per principal (until the response is written); one more gets 429. */
  readonly maxInFlight: number
}

const isUpgrade = (request: HttpServerRequest.HttpServerRequest) =>
  (request.headers["upgrade"] ?? "").toLowerCase() === "websocket"

/**
 * Opens the WebSocket and closes it at once with 1013 ("try again later") and a reason, so that a
 * client sees why (a refused upgrade is only "error" to a browser). Gives up after 5 s if the
 * client never completes the close.
 */
const closeTryAgainLater = (request: HttpServerRequest.HttpServerRequest, max: number) =>
  Effect.gen(function*() {
    const socket = yield* request.upgrade
    const write = yield* socket.writer
    yield* socket.runRaw(() => {}, {
      onOpen: Effect.ignore(write(new Socket.CloseEvent(1013, `at most ${max} WebSocket connections per token`)))
    }).pipe(Effect.timeout("5 seconds"), Effect.ignore)
    return HttpServerResponse.empty()
  }).pipe(Effect.scoped, Effect.catchAll(() => Effect.succeed(HttpServerResponse.empty({ status: 400 }))))

const tooMany = (max: number) =>
  HttpServerResponse.unsafeJson(
    { error: "too_many_requests", message: `at most ${max} requests in flight per token; retry when some complete` },
    { status: 429, headers: { "retry-after": "1" } }
  )

/**
 * Counts each authenticated request under its principal's key (see `Principal.currentPrincipal`):
 * WebSocket upgrades as connections for as long as they stay open, other requests as in flight
 * until answered. Over a limit: 429 `{"error":"too_many_requests",…}` with `Retry-After: 1`, or
 * for an upgrade a WebSocket closed with 1013. Requests without a principal (`/health`) are not
 * counted. Place it inside the authentication middleware.
 *
 * @since 0.1.0
 * @category middleware
 */
export const middleware = (options: Options) => {
  const counts = new Map<string, number>()
  const release = (key: string) =>
    Effect.sync(() => {
      const n = (counts.get(key) ?? 1) - 1
      if (n === 0) counts.delete(key)
      else counts.set(key, n)
    })
  return HttpMiddleware.make((app) =>
    Effect.gen(function*() {
      const principal = yield* FiberRef.get(currentPrincipal)
      if (Option.isNone(principal)) return yield* app
      const request = yield* HttpServerRequest.HttpServerRequest
      const ws = isUpgrade(request)
      const key = `${ws ? "ws" : "http"}:${principal.value.key}`
      const max = ws ? options.maxConnections : options.maxInFlight
      // Check and count in one uninterruptible step, released however the request ends.
      return yield* Effect.acquireUseRelease(
        Effect.sync(() => {
          const n = counts.get(key) ?? 0
          if (n >= max) return false
          counts.set(key, n + 1)
          return true
        }),
        (admitted) =>
          admitted
            ? app
            : Effect.zipRight(
              Effect.annotateCurrentSpan("alma.limit", ws ? "connections" : "in_flight"),
              ws ? closeTryAgainLater(request, max) : Effect.succeed(tooMany(max))
            ),
        (admitted) => (admitted ? release(key) : Effect.void)
      )
    })
  )
}
