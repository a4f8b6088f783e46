/**
 * How tool failures reach an MCP client: every tool fails with an ALMAError (or, for a bug, an
 * `InternalError`), delivered as a result with `isError: true`, the encoded error as
 * `structuredContent` and a one-line explanation (`<Tag>: <message>`) as its text.
 *
 * @since 0.1.0
 */
import * as McpSchema from "@effect/ai/McpSchema"
import { Option, ParseResult, Schema } from "effect"
import { AlmaError, ValidationError } from "../domain/AlmaError.js"

/**
 * A tool could not complete because of a bug in the server (a defect in a handler, or a result that
 * does not match the tool's declared shape). Nothing is reported as done; the server keeps serving.
 *
 * **Shape** `tool`: the tool name; `reason`: what went wrong, without memory text or secrets.
 *
 * @since 0.1.0
 * @category errors
 */
export class InternalError extends Schema.TaggedError<InternalError>()("InternalError", {
  tool: Schema.String,
  reason: Schema.String
}) {
  override get message(): string {
    return `Internal error in ${this.tool}: ${this.reason}. The server is still running; ` +
      "retrying the same call is unlikely to help, report it to the server's operator"
  }
}

/**
 * The failure schema of every ALMA tool: the ALMAError family plus `InternalError`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const ToolFailure = Schema.Union(AlmaError, InternalError)

/**
 * @since 0.1.0
 * @category models
 */
export type ToolFailure = typeof ToolFailure.Type

/** Path segments after which names are the caller's own (metadata keys, state keys): left as given. */
const opaque = new Set(["metadata", "state", "states", "reducer_config"])

/**
 * The wire name of an error field: the engine reports camelCase input fields (`topK`,
 * `metadata.x`); tool callers know them by their snake_case parameter names (`top_k`).
 *
 * @since 0.1.0
 * @category utils
 */
export const wireField = (field: string): string => {
  const out: Array<string> = []
  let verbatim = false
  for (const segment of field.split(".")) {
    const name = verbatim ? segment : segment.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)
    out.push(name)
    if (opaque.has(name)) verbatim = true
  }
  return out.join(".")
}

const toWire = (error: ToolFailure): ToolFailure =>
  error._tag === "ValidationError" ? new ValidationError({ field: wireField(error.field), reason: error.reason }) : error

const encodeFailure = Schema.encodeSync(ToolFailure)
const decodeFailure = Schema.decodeUnknownOption(ToolFailure)

/**
 * The MCP result of a failed tool call.
 *
 * @since 0.1.0
 * @category constructors
 */
export const failureResult = (error: ToolFailure): McpSchema.CallToolResult => {
  const wire = toWire(error)
  return new McpSchema.CallToolResult({
    isError: true,
    structuredContent: encodeFailure(wire),
    content: [{ type: "text", text: `${wire._tag}: ${wire.message}` }]
  })
}

/**
 * Rewrites a failed result produced by `@effect/ai` (whose text is the raw JSON of the error) into
 * `failureResult` form. A failure that is not a `ToolFailure` (the toolkit's own `AiError` when a
 * result does not match the tool's success schema) becomes an `InternalError`; its detail is returned
 * separately for logging.
 *
 * @since 0.1.0
 * @category constructors
 */
export const normaliseFailure = (
  tool: string,
  result: McpSchema.CallToolResult
): { readonly result: McpSchema.CallToolResult; readonly unexpected: Option.Option<unknown> } =>
  Option.match(decodeFailure(result.structuredContent), {
    onSome: (error) => ({ result: failureResult(error), unexpected: Option.none() }),
    onNone: () => ({
      result: failureResult(new InternalError({ tool, reason: "the tool produced a result of an unexpected shape" })),
      unexpected: Option.some(result.structuredContent)
    })
  })

const describeIssue = (issue: ParseResult.ArrayFormatterIssue): string =>
  issue._tag === "Missing" ? "is required" : issue._tag === "Unexpected" ? "is not a parameter of this tool" : issue.message

const pathOf = (issue: ParseResult.ArrayFormatterIssue): string =>
  issue.path.length > 0 ? issue.path.join(".") : "arguments"

/**
 * A `ValidationError` for a parse error of tool arguments: `field` is the first offending parameter;
 * `reason` says what is wrong with it and then lists the other problems, so a caller can fix all of
 * them in one retry.
 *
 * @since 0.1.0
 * @category constructors
 */
export const validationError = (error: ParseResult.ParseError): ValidationError => {
  // One issue per field: an optional parameter also reports "Expected undefined" for a bad value.
  const seen = new Set<string>()
  const issues = ParseResult.ArrayFormatter.formatErrorSync(error).filter((issue) => {
    const path = pathOf(issue)
    return seen.has(path) ? false : (seen.add(path), true)
  })
  const [first, ...rest] = issues
  if (first === undefined) return new ValidationError({ field: "arguments", reason: "invalid arguments" })
  const others = rest.map((issue) => `"${pathOf(issue)}": ${describeIssue(issue)}`)
  return new ValidationError({
    field: pathOf(first),
    reason: describeIssue(first) + (others.length > 0 ? `; also ${others.join("; ")}` : "")
  })
}
