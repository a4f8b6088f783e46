/**
 * The HTTP middleware of `alma serve`, outermost first: access log, the browser guard (Host,
 * Origin, Content-Type; see `Guard.ts`), CORS (only when configured), request size limit,
 * authentication, which routes `/rpc`, `/ws` and `/mcp` to the token's project, then the
 * per-token limits (see `Limits.ts`).
 *
 * @since 0.1.0
 */
import * as HttpApp from "@effect/platform/HttpApp"
import * as HttpIncomingMessage from "@effect/platform/HttpIncomingMessage"
import * as HttpMiddleware from "@effect/platform/HttpMiddleware"
import * as HttpServerError from "@effect/platform/HttpServerError"
import * as HttpServerRequest from "@effect/platform/HttpServerRequest"
import * as HttpServerResponse from "@effect/platform/HttpServerResponse"
import * as Socket from "@effect/platform/Socket"
import { Cause, Effect, Exit, FiberRef, Option } from "effect"
import type { Authenticator } from "./Auth.js"
import * as Guard from "./Guard.js"
import * as Limits from "./Limits.js"
import * as Principal from "./Principal.js"

/**
 * Public paths of the API surfaces, and the internal prefix each project's surfaces are mounted
 * under (`/_p/<project in hex>/rpc`, …). Requests to the internal prefix from outside get 404.
 *
 * @since 0.1.0
 * @category constants
 */
export const surfaces = ["/rpc", "/ws", "/mcp"] as const

/**
 * The internal mount path of a project's surface: `/_p/<hex of the project name's UTF-8>/<surface>`.
 * Hex, because project names may hold `:` and `.`, which the router reads as a path parameter or
 * decodes (a project `team:a` mounted as `/_p/team%3Aa/rpc` was unreachable).
 *
 * @since 0.1.0
 * @category constructors
 */
export const mountPath = (project: string, surface: (typeof surfaces)[number]): `/${string}` =>
  `/_p/${Buffer.from(project, "utf8").toString("hex")}${surface}`

const pathOf = (url: string): string => {
  const q = url.indexOf("?")
  return q === -1 ? url : url.slice(0, q)
}

const json = (status: number, body: Record<string, string>, headers: Record<string, string> = {}) =>
  HttpServerResponse.unsafeJson(body, { status, headers })

/**
 * Paths served without a token (the exact path, any query string).
 *
 * @since 0.1.0
 * @category constants
 */
export const publicPaths: ReadonlyArray<string> = ["/health"]

/**
 * Routes `/rpc`, `/ws` and `/mcp` to the project of the request's bearer token, answering 401 (with
 * no memory content) when the token is missing or wrong. Only those exact paths and `publicPaths`
 * reach the router: every other path gets 404 here, so no spelling of an internal mount path
 * (`/_p/...`, `//_p/...`, `/%5Fp/...`, `/_P/...`, which the router would normalise and match) can
 * reach a project without a token.
 *
 * @since 0.1.0
 * @category middleware
 */
export const authenticate = (auth: Authenticator, open: ReadonlyArray<string> = publicPaths) =>
  HttpMiddleware.make((app) =>
    Effect.gen(function*() {
      const request = yield* HttpServerRequest.HttpServerRequest
      const path = pathOf(request.url)
      if (open.includes(path)) return yield* app
      const surface = surfaces.find((s) => path === s)
      if (surface === undefined) return json(404, { error: "not_found" })
      const principal = Principal.of(auth, request.headers["authorization"])
      if (Option.isNone(principal)) {
        yield* Effect.annotateCurrentSpan("alma.auth", "rejected")
        return json(401, { error: "unauthorized", message: "missing or invalid bearer token" }, {
          "www-authenticate": "Bearer realm=\"alma\""
        })
      }
      const project = principal.value.project
      // Set for the rest of the request, not locally: the access log line, written outside this
      // middleware once the response is out, carries the project too.
      yield* FiberRef.set(Principal.currentPrincipal, principal)
      const rewritten = request.modify({ url: mountPath(project, surface) + request.url.slice(surface.length) })
      return yield* app.pipe(
        Effect.provideService(HttpServerRequest.HttpServerRequest, rewritten),
        Effect.annotateLogs("project", project)
      )
    })
  )

const tooLarge = (maxBytes: number) =>
  json(413, { error: "payload_too_large", message: `request bodies are limited to ${maxBytes} bytes` })

// The platform's body reader fails with this RequestError once a body without Content-Length
// passes the limit; the surfaces turn it into a defect (500), which it is not: the client's fault.
const isBodyTooLarge = (u: unknown): boolean =>
  HttpServerError.isServerError(u) && u._tag === "RequestError" && u.cause instanceof Error &&
  u.cause.message === "maxBytes exceeded"

/**
 * Refuses bodies over `maxBytes` with 413: at once from `Content-Length`, and while reading for
 * bodies without one (chunked). In the second case the platform has already destroyed the
 * connection to stop the upload, so the client usually sees a reset rather than the 413; the
 * access log records 413. **Units** bytes.
 *
 * @since 0.1.0
 * @category middleware
 */
export const limitBody = (maxBytes: number) =>
  HttpMiddleware.make((app) =>
    Effect.gen(function*() {
      const request = yield* HttpServerRequest.HttpServerRequest
      const declared = Number(request.headers["content-length"] ?? "0")
      if (Number.isFinite(declared) && declared > maxBytes) return tooLarge(maxBytes)
      return yield* HttpIncomingMessage.withMaxBodySize(app, Option.some(maxBytes)).pipe(
        Effect.catchAllCause((cause) =>
          [...Cause.failures(cause), ...Cause.defects(cause)].some(isBodyTooLarge)
            ? Effect.succeed(tooLarge(maxBytes))
            : Effect.failCause(cause)
        )
      )
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
 * status, duration (ms) and, once authenticated, project. Never a header value or a body, so
 * never memory content or a token.
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
        return yield* Effect.onExit(app, (exit) =>
          Effect.flatMap(FiberRef.get(Principal.currentPrincipal), (principal) => {
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
                duration_ms: Math.round((performance.now() - started) * 100) / 100,
                ...(Option.isSome(principal) ? { project: principal.value.project } : {})
              })
            )
          }))
      })
      : app
  )

const statusOf = (cause: Cause.Cause<unknown>): number => {
  const failure = Cause.failureOption(cause)
  // A WebSocket that ended other than cleanly (1009 for an oversized message, a dropped
  // connection): the exchange was an upgrade, not a server error.
  if ([...Cause.failures(cause), ...Cause.defects(cause)].some(Socket.isSocketError)) return 101
  if (Option.isSome(failure) && HttpServerError.isServerError(failure.value)) {
    return failure.value._tag === "RouteNotFound" ? 404 : failure.value._tag === "RequestError" ? 400 : 500
  }
  return 500
}

/**
 * The middleware stack in order (log outermost, so it sees 421/403/415/401/413/429 too).
 *
 * @since 0.1.0
 * @category middleware
 */
export const stack = (options: {
  readonly auth: Authenticator
  readonly guard: Guard.Policy
  readonly limits: Limits.Options
  readonly maxBodyBytes: number
  readonly corsOrigins: ReadonlyArray<string>
  readonly accessLog: boolean
}) => {
  const limits = Limits.middleware(options.limits)
  return <E, R>(app: HttpApp.Default<E, R>) =>
    accessLog(options.accessLog)(
      Guard.middleware(options.guard)(
        cors(options.corsOrigins)(limitBody(options.maxBodyBytes)(authenticate(options.auth)(limits(app))))
      )
    )
}
