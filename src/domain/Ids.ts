/**
 * Identifiers: memory ids (branded, kind-prefixed) and the validated names of agents, projects,
 * users and domains.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"

/**
 * Every memory kind, in the one vocabulary used across the API, storage, CLI and wire formats.
 * (The original mixed singular, plural and abbreviated names; we keep its singular `MemoryType` values.)
 *
 * @since 0.1.0
 * @category models
 */
export const MemoryKind = Schema.Literal("heuristic", "outcome", "user_preference", "domain_knowledge", "anti_pattern")
  .annotations({ description: "Kind of memory" })

/**
 * @since 0.1.0
 * @category models
 */
export type MemoryKind = typeof MemoryKind.Type

/**
 * All kinds, in rendering order.
 *
 * @since 0.1.0
 * @category models
 */
export const memoryKinds: ReadonlyArray<MemoryKind> = [
  "heuristic",
  "anti_pattern",
  "user_preference",
  "domain_knowledge",
  "outcome"
]

/**
 * Id prefix per kind, as in the original ALMA (`heur_`, `out_`, `pref_`, `dk_`, `anti_`).
 *
 * @since 0.1.0
 * @category models
 */
export const idPrefix: Record<MemoryKind, string> = {
  heuristic: "heur",
  outcome: "out",
  user_preference: "pref",
  domain_knowledge: "dk",
  anti_pattern: "anti"
}

/**
 * A memory id: kind prefix, underscore, 16 lower-case hex digits (e.g. `heur_0f3a…`).
 *
 * @since 0.1.0
 * @category models
 */
export const MemoryId = Schema.String.pipe(
  Schema.pattern(/^(heur|out|pref|dk|anti)_[0-9a-f]{8,32}$/, {
    message: () => "must be a memory id such as heur_0123456789abcdef (prefix heur|out|pref|dk|anti, then hex)"
  }),
  Schema.brand("MemoryId")
).annotations({ description: "Memory id: kind prefix (heur|out|pref|dk|anti) + '_' + hex" })

/**
 * @since 0.1.0
 * @category models
 */
export type MemoryId = typeof MemoryId.Type

/**
 * The kind a memory id belongs to.
 *
 * @since 0.1.0
 * @category models
 */
export const kindOfId = (id: MemoryId): MemoryKind => {
  const prefix = id.slice(0, id.indexOf("_"))
  switch (prefix) {
    case "heur":
      return "heuristic"
    case "out":
      return "outcome"
    case "pref":
      return "user_preference"
    case "dk":
      return "domain_knowledge"
    default:
      return "anti_pattern"
  }
}

/** Limit on identifier length (characters). */
export const MAX_NAME_LENGTH = 128

const namePattern = /^[A-Za-z0-9][A-Za-z0-9_.:-]*$/

/**
 * A name: agent, project, user, task type, domain or preference category. 1–128 characters of
 * letters, digits, `_ . : -`, starting with a letter or digit. (The original accepted any text, which
 * let names collide with internal separators.)
 *
 * @since 0.1.0
 * @category models
 */
export const Name = Schema.String.pipe(
  Schema.minLength(1, { message: () => "must not be empty" }),
  Schema.maxLength(MAX_NAME_LENGTH, { message: () => `must be at most ${MAX_NAME_LENGTH} characters` }),
  Schema.pattern(namePattern, {
    message: () => "may contain only letters, digits and _ . : - and must start with a letter or digit"
  })
)

/**
 * The storage owner of a memory: the agent's name, or `@user/<userId>` for user preferences (which
 * belong to a user, not an agent). `@` and `/` cannot occur in names, so owners never collide.
 *
 * @since 0.1.0
 * @category models
 */
export type Owner = string

/**
 * Owner key of a user's preferences.
 *
 * @since 0.1.0
 * @category models
 */
export const userOwner = (userId: string): Owner => `@user/${userId}`
