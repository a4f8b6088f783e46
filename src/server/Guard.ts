/**
 * What a browser may not do to `alma serve`: reach it under a foreign name (DNS rebinding), call it
 * from another origin's page, or send it a body a page can send without a CORS preflight.
 *
 * A page on any site can make the browser send "simple" requests (a `text/plain` POST, a
 * WebSocket upgrade) to `127.0.0.1`, and after a DNS rebinding even read the answers. Browsers
 * mark such requests with `Origin` and with the page's `Host`, which is how they are refused.
 * Requests without `Origin` (curl, SDKs, other servers) are not browser requests and pass that check.
 *
 * @since 0.1.0
 */
import type * as HttpServer from "@effect/platform/HttpServer"
import * as HttpMiddleware from "@effect/platform/HttpMiddleware"
import * as HttpServerRequest from "@effect/platform/HttpServerRequest"
import * as HttpServerResponse from "@effect/platform/HttpServerResponse"
import { Effect } from "effect"
import { isIP } from "node:net"

/**
 * The names and origins a server answers.
 *
 * **Shape** `host`: the configured bind address; `allowedHosts`: `server.allowed_hosts` entries,
 * `name` (any port), `name:port`, or `*` (any Host); `allowedOrigins`: `server.cors_origins`
 * entries (`scheme://host[:port]`, or `*`).
 *
 * @since 0.1.0
 * @category models
 */
export interface Options {
  readonly address: HttpServer.Address
  readonly host: string
  readonly allowedHosts: ReadonlyArray<string>
  readonly allowedOrigins: ReadonlyArray<string>
}

/**
 * The checks, as pure functions of header values (exported for the tests).
 *
 * @since 0.1.0
 * @category models
 */
export interface Policy {
  /** Whether a `Host` header value names this server (`undefined`: no header, allowed). */
  readonly hostAllowed: (host: string | undefined) => boolean
  /** Whether an `Origin` header value may call this server (`undefined`: not a browser, allowed). */
  readonly originAllowed: (origin: string | undefined) => boolean
  /** The host forms accepted, for error messages. */
  readonly hosts: ReadonlyArray<string>
}

const loopbackNames = ["127.0.0.1", "localhost", "[::1]"]
const wildcards = new Set(["0.0.0.0", "::", "[::]", ""])

const bracket = (name: string) => (isIP(name) === 6 ? `[${name}]` : name)

/** `name[:port]` → lower-case name (IPv6 in brackets, no trailing dot) and port (undefined if absent). */
const splitHost = (value: string): { readonly name: string; readonly port: number | undefined } | undefined => {
  const v = value.trim().toLowerCase()
  const m = /^(\[[0-9a-f:.]+\]|[^:[\]]*)(?::(\d{1,5}))?$/.exec(v)
  if (m === null) return undefined
  const name = m[1]!.endsWith(".") ? m[1]!.slice(0, -1) : m[1]!
  return { name, port: m[2] === undefined ? undefined : Number(m[2]) }
}

const isIpLiteral = (name: string) =>
  isIP(name) === 4 || (name.startsWith("[") && name.endsWith("]") && isIP(name.slice(1, -1)) === 6)

const originOf = (value: string): string | undefined => {
  try {
    const url = new URL(value)
    return url.protocol === "http:" || url.protocol === "https:" ? url.origin : undefined
  } catch {
    return undefined
  }
}

/**
 * Builds the policy. `Host` must be a loopback name (`127.0.0.1`, `localhost`, `[::1]`) or the
 * bind address with the server's port, an IP literal with the port when bound to a wildcard
 * address (a rebinding page's Host is a domain name, never an IP), or an `allowedHosts` entry.
 * `Origin`, when present, must be one of the server's own origins (`http://<those names>:<port>`)
 * or an `allowedOrigins` entry; `null` and malformed origins are refused.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (options: Options): Policy => {
  const port = options.address._tag === "TcpAddress" ? options.address.port : undefined
  const bound = options.host.trim().toLowerCase()
  const wildcard = wildcards.has(bound)
  const own = wildcard ? loopbackNames : [...new Set([...loopbackNames, bracket(bound)])]
  const extra = options.allowedHosts.map((h) => h.trim().toLowerCase())
  const anyHost = extra.includes("*")
  const named = extra.flatMap((h) => {
    const parsed = splitHost(h)
    return parsed === undefined ? [] : [parsed]
  })
  const anyOrigin = options.allowedOrigins.includes("*")
  const origins = new Set([
    ...own.map((name) => originOf(`http://${name}${port === undefined ? "" : `:${port}`}`)),
    ...options.allowedOrigins.map(originOf)
  ].filter((o): o is string => o !== undefined))

  const hostAllowed = (value: string | undefined): boolean => {
    if (value === undefined || anyHost) return true
    const h = splitHost(value)
    if (h === undefined) return false
    const effectivePort = h.port ?? 80
    if (named.some((n) => n.name === h.name && (n.port === undefined || n.port === effectivePort))) return true
    if (effectivePort !== port) return false
    return own.includes(h.name) || (wildcard && isIpLiteral(h.name))
  }
  const originAllowed = (value: string | undefined): boolean => {
    if (value === undefined || anyOrigin) return true
    const origin = originOf(value)
    return origin !== undefined && origins.has(origin)
  }
  return { hostAllowed, originAllowed, hosts: [...own.map((n) => `${n}:${port}`), ...extra] }
}

/**
 * Media types accepted in POST bodies, per public path: what the clients send (`@effect/rpc`'s
 * ndjson client `application/ndjson`, the MCP SDK `application/json`). None of them is one a
 * page can send cross-origin without a preflight.
 *
 * @since 0.1.0
 * @category constants
 */
export const bodyTypes: Readonly<Record<string, ReadonlyArray<string>>> = {
  "/rpc": ["application/ndjson", "application/x-ndjson", "application/json"],
  "/mcp": ["application/json"]
}

const pathOf = (url: string): string => {
  const q = url.indexOf("?")
  return q === -1 ? url : url.slice(0, q)
}

const refuse = (status: number, error: string, header: string, message: string) =>
  HttpServerResponse.unsafeJson({ error, header, message }, { status })

/**
 * Refuses, before anything else runs: a `Host` that is not this server with 421
 * `{"error":"misdirected_request","header":"host",…}`; an `Origin` that is not allowed with 403
 * `{"error":"forbidden_origin","header":"origin",…}` (WebSocket upgrades and preflights
 * included); a POST to `/rpc` or `/mcp` whose `Content-Type` is not in {@link bodyTypes} with 415
 * `{"error":"unsupported_media_type","header":"content-type",…}`.
 *
 * @since 0.1.0
 * @category middleware
 */
export const middleware = (policy: Policy) =>
  HttpMiddleware.make((app) =>
    Effect.gen(function*() {
      const request = yield* HttpServerRequest.HttpServerRequest
      if (!policy.hostAllowed(request.headers["host"])) {
        return refuse(
          421,
          "misdirected_request",
          "host",
          `the Host header does not name this server; allowed: ${policy.hosts.join(", ")} ` +
            "(add names under server.allowed_hosts)"
        )
      }
      if (!policy.originAllowed(request.headers["origin"])) {
        return refuse(
          403,
          "forbidden_origin",
          "origin",
          "requests from web pages of other origins are refused; list the origin under server.cors_origins to allow it"
        )
      }
      const accepted = request.method === "POST" ? bodyTypes[pathOf(request.url)] : undefined
      if (accepted !== undefined) {
        const type = (request.headers["content-type"] ?? "").split(";")[0]!.trim().toLowerCase()
        if (!accepted.includes(type)) {
          return refuse(415, "unsupported_media_type", "content-type", `POST ${pathOf(request.url)} takes ${accepted.join(" or ")}`)
        }
      }
      return yield* app
    })
  )
