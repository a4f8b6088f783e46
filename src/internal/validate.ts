/**
 * Input decoding at the API boundary: a Schema decode whose failure becomes one ValidationError
 * naming the first offending field.
 */
import { Effect, ParseResult, Schema } from "effect"
import { ValidationError } from "../domain/AlmaError.js"

const describe = (issue: ParseResult.ArrayFormatterIssue): string => {
  if (issue._tag === "Missing") return "is required"
  if (issue._tag === "Unexpected") return "is not an allowed field"
  return issue.message
}

/**
 * Deepest accepted nesting of arrays and objects in an input. Far beyond any real memory or
 * metadata; bounds the recursion of decoding and of error messages (a payload nested a few thousand
 * levels deep would otherwise overflow the stack while its error is formatted).
 */
export const MAX_INPUT_DEPTH = 64

/** The first path at which `input` nests deeper than `max` (iterative: safe on any depth). */
export const tooDeep = (input: unknown, max: number): ReadonlyArray<string | number> | undefined => {
  const stack: Array<{ readonly value: unknown; readonly path: ReadonlyArray<string | number> }> = [
    { value: input, path: [] }
  ]
  while (stack.length > 0) {
    const { path, value } = stack.pop()!
    if (value === null || typeof value !== "object") continue
    if (path.length >= max) return path
    const entries: Array<[string | number, unknown]> = Array.isArray(value)
      ? value.map((v, i) => [i, v])
      : Object.entries(value)
    for (const [key, v] of entries) if (v !== null && typeof v === "object") stack.push({ value: v, path: [...path, key] })
  }
  return undefined
}

/**
 * Decodes `input` with `schema`; on failure, a ValidationError for the first issue's path. Inputs
 * nested deeper than {@link MAX_INPUT_DEPTH} levels fail first, naming where.
 */
export const decodeInput = <A, I>(schema: Schema.Schema<A, I, never>, input: unknown): Effect.Effect<A, ValidationError> =>
  Effect.suspend(() => {
    const deep = tooDeep(input, MAX_INPUT_DEPTH)
    return deep === undefined
      ? Effect.void
      : Effect.fail(
        new ValidationError({
          field: deep.slice(0, 8).join(".") + (deep.length > 8 ? ".…" : ""),
          reason: `nested more than ${MAX_INPUT_DEPTH} levels deep or has a cycle (arrays and objects); flatten it`
        })
      )
  }).pipe(Effect.zipRight(
    Schema.decodeUnknown(schema, { errors: "all", onExcessProperty: "error" })(input)
  ), Effect.mapError((error) => error instanceof ValidationError ? error : toValidationError(error)))

const toValidationError = (error: ParseResult.ParseError): ValidationError => {
  const issues = ParseResult.ArrayFormatter.formatErrorSync(error)
  const first = issues[0]
  const field = first && first.path.length > 0 ? first.path.join(".") : "input"
  return new ValidationError({ field, reason: first ? describe(first) : "invalid input" })
}
