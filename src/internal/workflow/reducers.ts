/**
 * State merging for parallel workflow branches: each key of the merged state is reduced from the
 * values the states hold for it, by the key's reducer (default `last`).
 *
 * Semantics (original ALMA `StateMerger` / reducers, reference §5.10):
 * - keys come in order of first appearance (each state's keys sorted); a state without the key (or with `undefined`) does not
 *   contribute to it;
 * - no states → `{}`; one state → a copy of it (reducers do not run, as in the original);
 * - `last` / `first` (aliases `last_value` / `first_value`): the last / first value, `null` included;
 * - `append`: arrays concatenated, other values appended as one item, `null` skipped;
 * - `union`: as `append`, keeping the first of equal items (deep JSON equality), order preserved;
 * - `sum`: numbers added (`0` when none), `null` skipped;
 * - `max` / `min`: all numbers or all strings (compared by code unit), `null` skipped (`null` when none);
 * - `merge_dict`: objects merged shallowly, later keys win, `null` skipped (`{}` when none).
 * Any other value is a type mismatch, reported at `states.<i>.<key>`.
 */
import { Either } from "effect"
import { ValidationError } from "../../domain/AlmaError.js"
import { Reducer } from "../../domain/Workflow.js"
import { canonicalize, setField } from "./canonicalJson.js"

const reducerNames: ReadonlyArray<string> = Reducer.literals

type Canonical = "last" | "first" | "append" | "sum" | "max" | "min" | "union" | "merge_dict"

const canonicalName = (r: Reducer): Canonical => (r === "last_value" ? "last" : r === "first_value" ? "first" : r)

interface Entry {
  readonly index: number
  readonly value: unknown
}

const typeName = (value: unknown): string =>
  value === null ? "null" : Array.isArray(value) ? "array" : typeof value

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value)

const mismatch = (entry: Entry, key: string, reducer: Canonical, expected: string) =>
  new ValidationError({
    field: `states.${entry.index}.${key}`,
    reason: `reducer "${reducer}" needs ${expected} (got ${typeName(entry.value)}); ` +
      `choose another reducer for "${key}" in reducer_config or fix the state`
  })

const flatten = (entries: ReadonlyArray<Entry>): Array<unknown> =>
  entries.flatMap((e) => (e.value === null ? [] : Array.isArray(e.value) ? e.value : [e.value]))

const reduce = (key: string, reducer: Canonical, entries: ReadonlyArray<Entry>): Either.Either<unknown, ValidationError> => {
  switch (reducer) {
    case "last":
      return Either.right(entries[entries.length - 1]!.value)
    case "first":
      return Either.right(entries[0]!.value)
    case "append":
      return Either.right(flatten(entries))
    case "union": {
      const seen = new Set<string>()
      const items: Array<unknown> = []
      for (const item of flatten(entries)) {
        // Values are canonical copies (keys already sorted), so their JSON text is canonical.
        const json = JSON.stringify(item)
        if (seen.has(json)) continue
        seen.add(json)
        items.push(item)
      }
      return Either.right(items)
    }
    case "sum": {
      let total = 0
      for (const e of entries) {
        if (e.value === null) continue
        if (typeof e.value !== "number") return Either.left(mismatch(e, key, reducer, "numbers"))
        total += e.value
      }
      return Either.right(total)
    }
    case "max":
    case "min": {
      const values = entries.filter((e) => e.value !== null)
      const first = values[0]
      if (first === undefined) return Either.right(null)
      const kind = typeof first.value
      if (kind !== "number" && kind !== "string") {
        return Either.left(mismatch(first, key, reducer, "numbers or strings"))
      }
      let best = first.value as number | string
      for (const e of values) {
        if (typeof e.value !== kind) {
          return Either.left(mismatch(e, key, reducer, `${kind}s like the other values`))
        }
        const v = e.value as number | string
        if (reducer === "max" ? v > best : v < best) best = v
      }
      return Either.right(best)
    }
    case "merge_dict": {
      const merged: Record<string, unknown> = {}
      for (const e of entries) {
        if (e.value === null) continue
        if (!isObject(e.value)) return Either.left(mismatch(e, key, reducer, "objects"))
        for (const [k, v] of Object.entries(e.value)) setField(merged, k, v)
      }
      return Either.right(merged)
    }
  }
}

/**
 * Merges `states` key by key. `reducers` maps keys to reducer names (unknown at run time: they come
 * from agents).
 *
 * **Errors** `ValidationError` at `reducer_config.<key>` (unknown reducer), `states.<i>` (not a JSON
 * object) or `states.<i>.<key>` (a value the key's reducer cannot combine).
 */
export const mergeStates = (
  states: ReadonlyArray<unknown>,
  reducers: unknown
): Either.Either<Record<string, unknown>, ValidationError> => {
  const config: Record<string, Canonical> = {}
  if (reducers !== undefined && reducers !== null) {
    if (!isObject(reducers)) {
      return Either.left(
        new ValidationError({ field: "reducer_config", reason: "must be an object mapping state keys to reducer names" })
      )
    }
    for (const [key, name] of Object.entries(reducers)) {
      if (typeof name !== "string" || !reducerNames.includes(name)) {
        return Either.left(
          new ValidationError({
            field: `reducer_config.${key}`,
            reason: `unknown reducer ${JSON.stringify(name)}; allowed: ${reducerNames.join(", ")}`
          })
        )
      }
      setField(config, key, canonicalName(name as Reducer))
    }
  }
  const copies: Array<Record<string, unknown>> = []
  for (let i = 0; i < states.length; i++) {
    const state = states[i]
    if (!isObject(state)) {
      return Either.left(new ValidationError({ field: `states.${i}`, reason: `must be a JSON object (got ${typeName(state)})` }))
    }
    const canonical = canonicalize(state)
    if (Either.isLeft(canonical)) {
      const { path, reason } = canonical.left
      return Either.left(new ValidationError({ field: path === "" ? `states.${i}` : `states.${i}.${path}`, reason }))
    }
    copies.push(canonical.right.value as Record<string, unknown>)
  }
  if (copies.length <= 1) return Either.right(copies[0] ?? {})
  const byKey = new Map<string, Array<Entry>>()
  copies.forEach((state, index) => {
    for (const [key, value] of Object.entries(state)) {
      const list = byKey.get(key)
      if (list === undefined) byKey.set(key, [{ index, value }])
      else list.push({ index, value })
    }
  })
  const merged: Record<string, unknown> = {}
  for (const [key, entries] of byKey) {
    const reducer = Object.hasOwn(config, key) ? config[key]! : "last"
    const value = reduce(key, reducer, entries)
    if (Either.isLeft(value)) return Either.left(value.left)
    setField(merged, key, value.right)
  }
  return Either.right(merged)
}
