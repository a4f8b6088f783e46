/**
 * JSON-RPC 2.0 error responses of the MCP server: the error codes, the constructors, and the error
 * a failed request is answered with (see `jsonRpc.ts`).
 *
 * @since 0.1.0
 */

/**
 * A JSON-RPC request id as a client may send it.
 *
 * @since 0.1.0
 * @category models
 */
export type Id = string | number

/**
 * A JSON-RPC 2.0 error response.
 *
 * @since 0.1.0
 * @category models
 */
export interface ErrorResponse {
  readonly jsonrpc: "2.0"
  readonly id: Id | null
  readonly error: { readonly code: number; readonly message: string; readonly data?: unknown }
}

/** JSON-RPC 2.0 error codes (spec §5.1). */
export const PARSE_ERROR = -32700
export const INVALID_REQUEST = -32600
export const METHOD_NOT_FOUND = -32601
export const INVALID_PARAMS = -32602
export const INTERNAL_ERROR = -32603
/** MCP 2025-06-18 (server/resources, "Error Handling"): resource not found, with `data: { uri }`. */
export const RESOURCE_NOT_FOUND = -32002

/**
 * An error response.
 *
 * @since 0.1.0
 * @category constructors
 */
export const errorResponse = (id: Id | null, code: number, message: string, data?: unknown): ErrorResponse => ({
  jsonrpc: "2.0",
  id,
  error: data === undefined ? { code, message } : { code, message, data }
})

/**
 * The answer to text that is not JSON.
 *
 * @since 0.1.0
 * @category constructors
 */
export const parseError: ErrorResponse = errorResponse(null, PARSE_ERROR, "Parse error: the message is not valid JSON")

const isRecord = (u: unknown): u is Record<string, unknown> => typeof u === "object" && u !== null && !Array.isArray(u)

type EncodedCause =
  | { readonly _tag: "Empty" }
  | { readonly _tag: "Fail"; readonly error: unknown }
  | { readonly _tag: "Die"; readonly defect: unknown }
  | { readonly _tag: "Interrupt"; readonly fiberId: unknown }
  | { readonly _tag: "Sequential" | "Parallel"; readonly left: EncodedCause; readonly right: EncodedCause }

const firstOf = (cause: EncodedCause, tag: "Fail" | "Die"): EncodedCause | undefined => {
  if (cause._tag === tag) return cause
  if (cause._tag === "Sequential" || cause._tag === "Parallel") return firstOf(cause.left, tag) ?? firstOf(cause.right, tag)
  return undefined
}

const interrupted = (cause: EncodedCause): boolean =>
  cause._tag === "Interrupt" ||
  ((cause._tag === "Sequential" || cause._tag === "Parallel") && (interrupted(cause.left) || interrupted(cause.right)))

/**
 * The JSON-RPC error for a failed request (the encoded `Cause` of an RPC `Exit`): a failure carrying an MCP error (`code`, `message`,
 * optional `data`, as McpServer's `InvalidParams`…) as it is; a defect whose value is a string —
 * what `RpcServer` answers when `params` fail the method's schema (the formatted parse error) — as
 * -32602 Invalid params; anything else as -32603 Internal error, without internal details.
 */
export const errorOf = (cause_: unknown): ErrorResponse["error"] => {
  const cause = cause_ as EncodedCause
  const fail = firstOf(cause, "Fail")
  if (fail?._tag === "Fail" && isRecord(fail.error)) {
    const { code, data, message } = fail.error
    if (typeof code === "number" && Number.isInteger(code) && typeof message === "string") {
      return data === undefined ? { code, message } : { code, message, data }
    }
  }
  const die = firstOf(cause, "Die")
  if (die?._tag === "Die" && typeof die.defect === "string") {
    return { code: INVALID_PARAMS, message: `Invalid params: ${die.defect}` }
  }
  return { code: INTERNAL_ERROR, message: interrupted(cause) ? "Internal error: interrupted" : "Internal error" }
}
