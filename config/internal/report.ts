/**
 * Where configuration errors are reported: the file, the line of every key seen, and the
 * `ConfigurationError` naming a dotted key path.
 *
 * @internal
 */
import { ConfigurationError } from "../../src/domain/AlmaError.js"

/** Dotted path of a key: `retrieval.weights.similarity`, `agents.helena.inherit_from[0]`. */
export const dotted = (at: ReadonlyArray<PropertyKey>): string =>
  at.length === 0
    ? "(root)"
    : at.map((s, i) => (typeof s === "number" ? `[${s}]` : i === 0 ? String(s) : `.${String(s)}`)).join("")

const parentKey = (key: string): string => {
  const last = /(?:\.[^.[]*|\[\d+\])$/.exec(key)
  return last === null ? "" : key.slice(0, last.index)
}

/** Where errors are reported: the file, and the line of every key and list item seen. */
export interface Report {
  readonly file: string | undefined
  readonly lines: Map<string, number>
}

/** An error at `key`, naming the line of the key (or of its nearest parent seen). */
export const problem = (report: Report, key: string, description: string): ConfigurationError => {
  let line: number | undefined
  for (let k = key; line === undefined && k !== ""; k = parentKey(k)) line = report.lines.get(k)
  return new ConfigurationError({
    key,
    description: line === undefined ? description : `${description} (line ${line})`,
    ...(report.file === undefined ? {} : { file: report.file })
  })
}
