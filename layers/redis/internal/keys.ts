/**
 * The Redis key layout of the ALMA caches (every key starts with the layer's `keyPrefix`):
 *
 * | key | holds |
 * |---|---|
 * | `<prefix>:epoch` | token bumped by `invalidateAll` (all projects) |
 * | `<prefix>:entries` | sorted set: slice keys → expiry time (ms since epoch), for `stats.size` |
 * | `<prefix>:<project>:gen:<owner>` | token replaced by every write to `owner`'s memories |
 * | `<prefix>:<project>:slice[:<namespace>]:<sha256(request)>` | one cached retrieval |
 * | `<prefix>:emb:<model>:<sha256(text)>` | one embedding (Float32 little-endian bytes) |
 *
 * The prefix is used as given (it may contain `:`). Free-form segments (project, owner, namespace, model) are escaped (`%` → `%25`, `:` → `%3A`, and a
 * project spelled like a reserved word gets its first letter escaped), so distinct inputs never share
 * a key. Digests are base64url SHA-256, the embedding key of `Embedder.makeCached`.
 */
import { createHash } from "node:crypto"

const escape = (s: string): string => s.replace(/%/g, "%25").replace(/:/g, "%3A")

const reserved = new Set(["epoch", "entries", "emb"])

const projectSegment = (projectId: string): string => {
  const s = escape(projectId)
  return reserved.has(s) ? `%${s.charCodeAt(0).toString(16)}${s.slice(1)}` : s
}

/** base64url SHA-256 of `text`. */
export const digest = (text: string): string => createHash("sha256").update(text).digest("base64url")

/** Keys of the retrieval cache. */
export interface SliceKeys {
  readonly epoch: string
  readonly index: string
  readonly generation: (projectId: string, owner: string) => string
  readonly slice: (projectId: string, id: string) => string
}

/** The retrieval-cache keys under `prefix`; `namespace` separates slices only, never generations. */
export const sliceKeys = (prefix: string, namespace: string | undefined): SliceKeys => {
  const p = prefix
  const ns = namespace === undefined ? "" : `:${escape(namespace)}`
  return {
    epoch: `${p}:epoch`,
    index: `${p}:entries`,
    generation: (projectId, owner) => `${p}:${projectSegment(projectId)}:gen:${escape(owner)}`,
    slice: (projectId, id) => `${p}:${projectSegment(projectId)}:slice${ns}:${digest(id)}`
  }
}

/** The key of one embedding. */
export const embeddingKey = (prefix: string, model: string, text: string): string =>
  `${prefix}:emb:${escape(model)}:${digest(text)}`
