/**
 * Canonical JSON of workflow state: object keys sorted (UTF-16 code-unit order), no whitespace, so
 * that equal states have equal text and equal SHA-256 hashes whatever their key order.
 *
 * Accepted values: `null`, booleans, finite numbers, strings, arrays and plain objects. Object
 * properties whose value is `undefined` are left out (as `JSON.stringify` does); anything else
 * (`undefined` in an array, functions, symbols, bigints, non-finite numbers, class instances such as
 * `Date` or `Map`, cycles, nesting deeper than `MAX_DEPTH`) is rejected with its path.
 *
 * **Source** the original hashes `json.dumps(state, sort_keys=True)` with SHA-256 (reference §5.10);
 * ours is the compact form, so hashes differ from the original's but are equally stable.
 */
import { Either } from "effect"
import { createHash } from "node:crypto"

/** Deepest accepted nesting of arrays and objects. */
export const MAX_DEPTH = 256

/** Why a value is not JSON: the dotted path of the offending value (`""` for the root) and the reason. */
export interface NotJson {
  readonly path: string
  readonly reason: string
}

/** A value in canonical form: its JSON text and a copy holding only JSON (keys sorted). */
export interface Canonical {
  readonly json: string
  readonly value: unknown
}

/** Sets an own, enumerable property, even for the key `__proto__` (which assignment would not create). */
export const setField = (target: Record<string, unknown>, key: string, value: unknown): void => {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true })
}

const join = (path: string, key: string | number): string => (path === "" ? String(key) : `${path}.${key}`)

const describe = (value: unknown): string => {
  if (value === undefined) return "undefined"
  if (typeof value === "number") return String(value)
  if (typeof value !== "object" || value === null) return typeof value
  return value.constructor?.name ?? "object"
}

const isPlainObject = (value: object): boolean => {
  const proto = Object.getPrototypeOf(value)
  return proto === Object.prototype || proto === null
}

/** Canonical JSON of `root`, or where and why it is not JSON. */
export const canonicalize = (root: unknown): Either.Either<Canonical, NotJson> => {
  const open = new Set<object>()
  let failure: NotJson | undefined
  const fail = (path: string, reason: string) => {
    failure ??= { path, reason }
    return undefined
  }
  const walk = (value: unknown, path: string, depth: number): Canonical | undefined => {
    switch (typeof value) {
      case "string":
        return { json: JSON.stringify(value), value }
      case "boolean":
        return { json: value ? "true" : "false", value }
      case "number":
        return Number.isFinite(value)
          ? { json: JSON.stringify(value), value: Object.is(value, -0) ? 0 : value }
          : fail(path, `must be a finite number (got ${value})`)
      case "object":
        break
      default:
        return fail(path, `must be JSON (got ${describe(value)})`)
    }
    if (value === null) return { json: "null", value: null }
    if (depth >= MAX_DEPTH) return fail(path, `must be nested at most ${MAX_DEPTH} levels deep`)
    if (open.has(value)) return fail(path, "must not contain a cycle")
    open.add(value)
    try {
      if (Array.isArray(value)) {
        const parts: Array<string> = []
        const items: Array<unknown> = []
        for (let i = 0; i < value.length; i++) {
          const item = walk(value[i], join(path, i), depth + 1)
          if (item === undefined) return undefined
          parts.push(item.json)
          items.push(item.value)
        }
        return { json: `[${parts.join(",")}]`, value: items }
      }
      if (!isPlainObject(value)) return fail(path, `must be JSON (got ${describe(value)})`)
      const record = value as Record<string, unknown>
      const parts: Array<string> = []
      const copy: Record<string, unknown> = {}
      for (const key of Object.keys(record).sort()) {
        const field = record[key]
        if (field === undefined) continue
        const item = walk(field, join(path, key), depth + 1)
        if (item === undefined) return undefined
        parts.push(`${JSON.stringify(key)}:${item.json}`)
        setField(copy, key, item.value)
      }
      return { json: `{${parts.join(",")}}`, value: copy }
    } finally {
      open.delete(value)
    }
  }
  const result = walk(root, "", 0)
  return result === undefined
    ? Either.left(failure ?? { path: "", reason: "must be JSON" })
    : Either.right(result)
}

/** SHA-256 of a text's UTF-8 bytes, as lower-case hex. */
export const sha256 = (text: string): string => createHash("sha256").update(text, "utf8").digest("hex")
