/**
 * YAML loading: turns the text of a configuration file into a plain value, expanding `${VAR}`
 * references and recording the line of every key and list item for error messages.
 *
 * @internal
 */
import { Effect } from "effect"
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, Scalar } from "yaml"
import type { Document } from "yaml"
import { ConfigurationError } from "../../src/domain/AlmaError.js"
import type { Report } from "./report.js"
import { dotted, problem } from "./report.js"

// yaml → plain value, with ${VAR} expansion and line numbers

type Segment = string | number

/** Variables for `${VAR}` expansion. */
export type Env = Readonly<Record<string, string | undefined>>

interface Walk extends Report {
  readonly env: Env
  readonly doc: Document.Parsed
  readonly lineOf: (offset: number) => number
}

const reference = /\$\$\{|\$\{([^}]*)\}|\$\{/g
const variable = /^([A-Za-z_][A-Za-z0-9_]*)(?::-([\s\S]*))?$/
/** Keys holding secrets (bearer tokens), whose values an error must not repeat. */
const secret = /^server\.tokens(?:\[\d+\](?:\.token)?)?$/

/** Expands `${VAR}`, `${VAR:-default}` (default when unset or empty) and the escape `$${`. */
const expand = (value: string, key: string, walk: Walk): Effect.Effect<string, ConfigurationError> => {
  let failure: string | undefined
  const out = value.replace(reference, (match: string, inner: string | undefined) => {
    if (match === "$${") return "${"
    const parsed = inner === undefined ? null : variable.exec(inner)
    if (parsed === null) {
      // A token's text is never quoted back (schema.ts: secrets).
      const shown = secret.test(key) ? "" : ` "${match}"`
      failure ??= `malformed variable reference${shown}; write \${NAME} or \${NAME:-default} ($\${ is a literal \${)`
      return match
    }
    const [, name = "", fallback] = parsed
    const set = walk.env[name]
    if (fallback !== undefined) return set === undefined || set === "" ? fallback : set
    if (set === undefined) failure ??= `environment variable ${name} is not set; set it or write \${${name}:-default}`
    return set ?? match
  })
  return failure === undefined ? Effect.succeed(out) : Effect.fail(problem(walk, key, failure))
}

/** YAML 1.2 core-schema reading of a plain scalar, so `${N}` can stand for a number or boolean. */
const plainScalar = (s: string): unknown => {
  if (/^(?:~|null|Null|NULL)?$/.test(s)) return null
  if (/^(?:true|True|TRUE)$/.test(s)) return true
  if (/^(?:false|False|FALSE)$/.test(s)) return false
  if (/^0o[0-7]+$/.test(s)) return parseInt(s.slice(2), 8)
  if (/^0x[0-9a-fA-F]+$/.test(s)) return parseInt(s.slice(2), 16)
  if (/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/.test(s)) return Number(s)
  if (/^[-+]?\.(?:inf|Inf|INF)$/.test(s)) return s.startsWith("-") ? -Infinity : Infinity
  if (/^\.(?:nan|NaN|NAN)$/.test(s)) return NaN
  return s
}

const toPlain = (
  node: unknown,
  at: ReadonlyArray<Segment>,
  walk: Walk,
  depth = 0
): Effect.Effect<unknown, ConfigurationError> =>
  Effect.gen(function*() {
    if (depth > 64) return yield* problem(walk, dotted(at), "nested too deeply (recursive alias?)")
    if (isAlias(node)) return yield* toPlain(node.resolve(walk.doc), at, walk, depth + 1)
    if (isMap(node)) {
      const out: Record<string, unknown> = {}
      for (const pair of node.items) {
        if (!isScalar(pair.key) || pair.key.value === null || typeof pair.key.value === "object") {
          return yield* problem(walk, dotted(at), "every key must be a plain name")
        }
        const child = [...at, String(pair.key.value)]
        if (pair.key.range) walk.lines.set(dotted(child), walk.lineOf(pair.key.range[0]))
        out[String(pair.key.value)] = yield* toPlain(pair.value, child, walk, depth + 1)
      }
      return out
    }
    if (isSeq(node)) {
      const out: Array<unknown> = []
      for (const [i, item] of node.items.entries()) {
        const child = [...at, i]
        if ((isScalar(item) || isMap(item) || isSeq(item) || isAlias(item)) && item.range) {
          walk.lines.set(dotted(child), walk.lineOf(item.range[0]))
        }
        out.push(yield* toPlain(item, child, walk, depth + 1))
      }
      return out
    }
    if (isScalar(node)) {
      if (typeof node.value !== "string" || !node.value.includes("${")) return node.value
      const expanded = yield* expand(node.value, dotted(at), walk)
      const whole = node.type === Scalar.PLAIN && /^\$\{[^}]*\}$/.test(node.value)
      return whole ? plainScalar(expanded) : expanded
    }
    return null
  })

/** The settings node: the document, or the value of its `alma:` wrapper. */
const settingsOf = (walk: Walk): Effect.Effect<unknown, ConfigurationError> => {
  const root = walk.doc.contents
  if (!isMap(root)) return Effect.succeed(root)
  const wrapper = root.items.find((p) => isScalar(p.key) && p.key.value === "alma")
  if (wrapper === undefined) return Effect.succeed(root)
  const stray = root.items.find((p) => p !== wrapper)
  if (stray === undefined) return Effect.succeed(wrapper.value)
  const key = isScalar(stray.key) ? String(stray.key.value) : "(root)"
  const line = isScalar(stray.key) && stray.key.range ? ` (line ${walk.lineOf(stray.key.range[0])})` : ""
  const rule = "when the file uses the alma: wrapper every setting goes inside it"
  return Effect.fail(
    new ConfigurationError({
      key,
      description: `unknown key next to "alma:"; ${rule}${line}`,
      ...(walk.file === undefined ? {} : { file: walk.file })
    })
  )
}

/**
 * Parses the YAML text into the plain settings value (`{}` for an empty document), with every
 * `${VAR}` expanded from `env`, and the {@link Report} holding the line of every key seen.
 */
export const readSettings = (
  text: string,
  file: string | undefined,
  env: Env
): Effect.Effect<{ readonly settings: unknown; readonly report: Report }, ConfigurationError> =>
  Effect.gen(function*() {
    const counter = new LineCounter()
    const doc = parseDocument(text, { lineCounter: counter })
    const walk: Walk = { file, env, doc, lines: new Map(), lineOf: (offset) => counter.linePos(offset).line }
    const bad = doc.errors[0] ?? doc.warnings[0]
    if (bad !== undefined) {
      const first = bad.message.split("\n")[0]?.replace(/:$/, "") ?? bad.code
      return yield* problem(walk, "yaml", `YAML syntax error: ${first}; fix the file (it must be one YAML mapping)`)
    }
    const settings = (yield* toPlain(yield* settingsOf(walk), [], walk)) ?? {}
    return { settings, report: walk }
  })
