/**
 * Bearer-token authentication for the HTTP surfaces: each token is bound to one project.
 *
 * @since 0.1.0
 */
import { Option, Redacted } from "effect"
import { createHash, timingSafeEqual } from "node:crypto"
import type { ServerToken } from "../../config/AlmaConfig.js"

/**
 * Resolves request credentials to a project.
 *
 * @since 0.1.0
 * @category models
 */
export interface Authenticator {
  /** Whether every request must carry a token (true as soon as tokens are configured). */
  readonly required: boolean
  /**
   * The project of the request's token; without configured tokens, the default project.
   * `Option.none()` means: reject with 401.
   */
  readonly projectOf: (authorization: string | undefined) => Option.Option<string>
}

const digest = (s: string): Buffer => createHash("sha256").update(s, "utf8").digest()

/**
 * `credentials = "Bearer" 1*SP b64token` (RFC 6750 §2.1); the configuration accepts only tokens of
 * this alphabet (`config/internal/schema.ts`, `b64token`), so any other header value cannot match.
 */
const bearer = /^bearer +([A-Za-z0-9\-._~+/]+=*) *$/i

/**
 * The token in an `Authorization: Bearer <token>` header value (scheme case-insensitive), or
 * `undefined` when the value is not RFC 6750 `Bearer <b64token>` (e.g. a token holding a space).
 *
 * @since 0.1.0
 * @category constructors
 */
export const bearerToken = (authorization: string | undefined): string | undefined => {
  if (authorization === undefined) return undefined
  return bearer.exec(authorization)?.[1]
}

/**
 * An authenticator over the configured tokens. Comparison is constant-time: the presented token and
 * every configured token are hashed with SHA-256 and compared with `timingSafeEqual`, and every
 * configured token is compared, so timing reveals neither the token nor which one matched.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (tokens: ReadonlyArray<ServerToken>, defaultProject: string): Authenticator => {
  const known = tokens.map((t) => ({ hash: digest(Redacted.value(t.token)), project: t.project }))
  if (known.length === 0) return { required: false, projectOf: () => Option.some(defaultProject) }
  return {
    required: true,
    projectOf: (authorization) => {
      const token = bearerToken(authorization)
      if (token === undefined) return Option.none()
      const presented = digest(token)
      let project: string | undefined
      for (const k of known) {
        if (timingSafeEqual(presented, k.hash) && project === undefined) project = k.project
      }
      return Option.fromNullable(project)
    }
  }
}

/**
 * The projects a server serves: each token's project, or the default project without tokens.
 *
 * @since 0.1.0
 * @category constructors
 */
export const projectsOf = (tokens: ReadonlyArray<ServerToken>, defaultProject: string): ReadonlyArray<string> =>
  tokens.length === 0 ? [defaultProject] : [...new Set(tokens.map((t) => t.project))]
