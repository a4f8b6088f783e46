/**
 * Who an authenticated request acts as, for the rest of its handling (access log, limits).
 *
 * @since 0.1.0
 */
import { FiberRef, GlobalValue, Option } from "effect"
import { createHash } from "node:crypto"
import type { Authenticator } from "./Auth.js"
import { bearerToken } from "./Auth.js"

/**
 * A request's `project`, and the `key` its limits are counted under: `token:<first 16 hex digits
 * of the token's SHA-256>` with tokens, `project:<name>` without. Never the token itself.
 *
 * @since 0.1.0
 * @category models
 */
export interface Principal {
  readonly project: string
  readonly key: string
}

/**
 * The request's principal, set by the authentication middleware for the rest of the request's
 * fiber (so the access log, written outside it, and the limits, inside it, see it); `none` before
 * authentication and on public paths.
 *
 * @since 0.1.0
 * @category references
 */
export const currentPrincipal: FiberRef.FiberRef<Option.Option<Principal>> = GlobalValue.globalValue(
  Symbol.for("alma-memory/server/Principal/currentPrincipal"),
  () => FiberRef.unsafeMake(Option.none<Principal>())
)

/**
 * The principal of an `Authorization` header value: `none` when `auth` rejects it.
 *
 * @since 0.1.0
 * @category constructors
 */
export const of = (auth: Authenticator, authorization: string | undefined): Option.Option<Principal> =>
  Option.map(auth.projectOf(authorization), (project) => {
    const token = auth.required ? bearerToken(authorization) : undefined
    return {
      project,
      key: token === undefined
        ? `project:${project}`
        : `token:${createHash("sha256").update(token, "utf8").digest("hex").slice(0, 16)}`
    }
  })
