/**
 * The HTTP middleware of `alma serve`, outermost first: access log, CORS (only when configured),
 * request size limit, then authentication, which routes `/rpc`, `/ws` and `/mcp` to the token's
 * project.
 *
 * @since 0.1.0
 */
import * as HttpApp from "@effect/platform/HttpApp"
import * as HttpIncomingMessage from "@effect/platform/HttpIncomingMessage"
import * as HttpMiddleware from "@effect/platform/HttpMiddleware"
import * as HttpServerError from "@effect/platform/HttpServerError"
import * as HttpServerRequest from "@effect/platform/HttpServerRequest"
import * as HttpServerResponse from "@effect/platform/HttpServerResponse"
import { Cause, Effect, Exit, Option } from "effect"
import type { Authenticator } from "./Auth.js"

/**
 * Public paths of the API surfaces, and the internal prefix each project's surfaces are mounted
 * under (`/_p/<project>/rpc`, …). Requests to the internal prefix from outside get 404.
 *
 * @since 0.1.0
 * @category constants
 */
export const surfaces = ["/rpc", "/ws", "/mcp"] as const

/**
 * The internal mount path of a project's surface.
 *
 * @since 0.1.0
 * @category constructors
 */
export const mountPath = (project: string, surface: (typeof surfaces)[number]): `/${string}` =>
  `/_p/${encodeURIComponent(project)}${surface}`

const INTERNAL = "/_p/"

const pathOf = (url: string): string => {
  const q = url.indexOf("?")
  return q === -1 ? url : url.slice(0, q)
}

const json = (status: number, body: Record<string, string>, headers: Record<string, string> = {}) =>
  HttpServerResponse.unsafeJson(body, { status, headers })

/**
 * Routes `/rpc`, `/ws` and `/mcp` (and their sub-paths) to the project of the request's bearer token,
 * answering 401 (with no memory content) when the token is missing or wrong; 404 for the internal
 * prefix. Other paths (e.g. `/health`) pass unchanged.
 *
 * @since 0.1.0
 * @category middleware
 */
export const authenticate = (auth: Authenticator) =>
  HttpMiddleware.make((app) =>
    Effect.gen(function*() {
      const request = yield* HttpServerRequest.HttpServerRequest
      const path = pathOf(request.url)
      if (path.startsWith(INTERNAL)) return json(404, { error: "not_found" })
      const surface = surfaces.find((s) => path === s || path.startsWith(`${s}/`))
      if (surface === undefined) return yield* app
      const project = auth.projectOf(request.headers["authorization"])
      if (Option.isNone(project)) {
        yield* Effect.annotateCurrentSpan("alma.auth", "rejected")
        return json(401, { error: "unauthorized", message: "missing or invalid bearer token" }, {
          "www-authenticate": "Bearer realm=\"alma\""
        })
      }
      const rewritten = request.modify({ url: mountPath(project.value, surface) + request.url.slice(surface.length) })
      return yield* app.pipe(
        Effect.provideService(HttpServerRequest.HttpServerRequest, rewritten),
        Effect.annotateLogs("project", project.value)
      )
    })
  )

/**
 * Refuses bodies over `maxBytes` with 413: at once from `Content-Length`, and while reading for
 * bodies without one. **Units** bytes.
 *
 * @since 0.1.0
 * @category middleware
 */
export const limitBody = (maxBytes: number) =>
  HttpMiddleware.make((app) =>
    Effect.gen(function*() {
      const request = yield* HttpServerRequest.HttpServerRequest
      const declared = Number(request.headers["content-length"] ?? "0")
      if (Number.isFinite(declared) && declared > maxBytes) {
        return json(413, { error: "payload_too_large", message: `request bodies are limited to ${maxBytes} bytes` })
      }
      return yield* HttpIncomingMessage.withMaxBodySize(app, Option.some(maxBytes))
    })
  )

/**
 * CORS for the listed origins; the identity when the list is empty (CORS off by default).
 *
 * @since 0.1.0
 * @category middleware
 */
export const cors = (origins: ReadonlyArray<string>) =>
  origins.length === 0
    ? HttpMiddleware.make((app) => app)
    : HttpMiddleware.cors({
      allowedOrigins: origins,
      allowedHeaders: ["authorization", "content-type", "mcp-session-id", "mcp-protocol-version", "last-event-id"],
      exposedHeaders: ["mcp-session-id"]
    })

/**
 * One structured log line per request: method, path (no query string: it may hold secrets),
 * status, duration (ms) and project. Never a header value or a body, so never memory content or
 * a token.
 *
 * @since 0.1.0
 * @category middleware
 */
export const accessLog = (enabled: boolean) =>
  HttpMiddleware.make((app) =>
    enabled
      ? Effect.gen(function*() {
        const request = yield* HttpServerRequest.HttpServerRequest
        const started = performance.now()
        return yield* Effect.onExit(app, (exit) => {
          const status = Exit.isSuccess(exit)
            ? exit.value.status
            : Cause.isInterruptedOnly(exit.cause)
            ? 499
            : statusOf(exit.cause)
          return Effect.logInfo("request").pipe(
            Effect.annotateLogs({
              method: request.method,
              path: pathOf(request.originalUrl),
              status,
              duration_ms: Math.round((performance.now() - started) * 100) / 100
            })
          )
        })
      })
      : app
  )

const statusOf = (cause: Cause.Cause<unknown>): number => {
  const failure = Cause.failureOption(cause)
  if (Option.isSome(failure) && HttpServerError.isServerError(failure.value)) {
    return failure.value._tag === "RouteNotFound" ? 404 : failure.value._tag === "RequestError" ? 400 : 500
  }
  return 500
}

/**
 * The middleware stack in order (log outermost, so it sees 401/413 too).
 *
 * @since 0.1.0
 * @category middleware
 */
export const stack = (options: {
  readonly auth: Authenticator
  readonly maxBodyBytes: number
  readonly corsOrigins: ReadonlyArray<string>
  readonly accessLog: boolean
}) =>
<E, R>(app: HttpApp.Default<E, R>) =>
  accessLog(options.accessLog)(cors(options.corsOrigins)(limitBody(options.maxBodyBytes)(authenticate(options.auth)(app))))
