/**
 * Assertions on exits of the id-isolation property, and its counters (what every run exercised).
 */
import { assert } from "@effect/vitest"
import { Cause, Exit } from "effect"
import type { World } from "./world.js"

/** Checked operations and outcomes, per backend: `<op>` and `<op>:<outcome>` keys. */
export const counters = new Map<string, Map<string, number>>()

export const count = (backend: string, key: string): void => {
  const c = counters.get(backend) ?? new Map<string, number>()
  counters.set(backend, c)
  c.set(key, (c.get(key) ?? 0) + 1)
}

export const total = (backend: string, key: string): number => counters.get(backend)?.get(key) ?? 0

interface Tagged {
  readonly _tag: string
  readonly field?: string
}

/** The exit's value, failing with the readable cause when it failed. */
export const success = <A>(exit: Exit.Exit<A, unknown>, label: string): A => {
  if (Exit.isFailure(exit)) return assert.fail(`${label} should succeed, but: ${Cause.pretty(exit.cause)}`)
  return exit.value
}

/**
 * Asserts a typed failure with that tag (and field, when given: exactly, or matching a RegExp), and
 * that it names no other project of the run (a message must not tell what another project holds).
 */
export const failure = (
  world: World,
  project: string,
  exit: Exit.Exit<unknown, unknown>,
  tag: string,
  label: string,
  field?: string | RegExp
): Tagged => {
  if (Exit.isSuccess(exit)) {
    return assert.fail(`${label} should fail with ${tag}, but succeeded with ${safeJson(exit.value)}`)
  }
  const f = Cause.failureOption(exit.cause)
  if (f._tag === "None") return assert.fail(`${label} should fail with ${tag}, but: ${Cause.pretty(exit.cause)}`)
  const e = f.value as Tagged
  if (e._tag !== tag) assert.fail(`${label} should fail with ${tag}, but: ${Cause.pretty(exit.cause)}`)
  if (typeof field === "string" ? e.field !== field : field !== undefined && !field.test(e.field ?? "")) {
    assert.fail(`${label}: ${tag} on field ${e.field}, expected ${field}`)
  }
  const text = safeJson(e) + String((e as { readonly message?: unknown }).message ?? "")
  for (const other of world.model.others(project)) {
    if (text.includes(other.id)) assert.fail(`${label}: the error names project ${other.id}: ${text}`)
  }
  return e
}

const safeJson = (u: unknown) => {
  try {
    return JSON.stringify(u)
  } catch {
    return String(u)
  }
}
