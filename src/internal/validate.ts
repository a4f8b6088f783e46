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

/** Decodes `input` with `schema`; on failure, a ValidationError for the first issue's path. */
export const decodeInput = <A, I>(schema: Schema.Schema<A, I, never>, input: unknown): Effect.Effect<A, ValidationError> =>
  Schema.decodeUnknown(schema, { errors: "all", onExcessProperty: "error" })(input).pipe(
    Effect.mapError((error) => {
      const issues = ParseResult.ArrayFormatter.formatErrorSync(error)
      const first = issues[0]
      const field = first && first.path.length > 0 ? first.path.join(".") : "input"
      return new ValidationError({ field, reason: first ? describe(first) : "invalid input" })
    })
  )
