/**
 * Input hygiene for the stdio transport. The RPC layer's stdin reader fails, and loses the rest of
 * the input chunk (valid messages included), on a line that is not JSON or not a JSON-RPC message it
 * can route. So lines are split first and only JSON-RPC 2.0 messages are passed on; anything else is
 * logged (to stderr) and ignored: a line that is not JSON-RPC has no request id to reply to.
 *
 * @since 0.1.0
 */
import { Effect, Stream } from "effect"

const encoder = new TextEncoder()

const isRecord = (u: unknown): u is Record<string, unknown> => typeof u === "object" && u !== null && !Array.isArray(u)

/**
 * A JSON-RPC 2.0 message the RPC layer can take without failing: a request or notification (its
 * method not one of the RPC layer's own `@effect/rpc/` control messages), or a response whose id is
 * an integer (the only ids this server ever sends).
 */
const isMessage = (u: unknown): boolean => {
  if (!isRecord(u) || u.jsonrpc !== "2.0") return false
  if ("method" in u) {
    return typeof u.method === "string" && !u.method.startsWith("@effect/rpc/") &&
      (u.id === undefined || typeof u.id === "string" || typeof u.id === "number")
  }
  return (typeof u.id === "number" && Number.isSafeInteger(u.id)) || (typeof u.id === "string" && /^\d{1,15}$/.test(u.id))
}

const isJsonMessage = (line: string): boolean => {
  try {
    const value: unknown = JSON.parse(line)
    return Array.isArray(value) ? value.length > 0 && value.every(isMessage) : isMessage(value)
  } catch {
    return false
  }
}

/**
 * The input re-chunked as one newline-terminated JSON-RPC message (or batch) per chunk; blank lines
 * are dropped, other lines that are not JSON-RPC messages are dropped with a warning.
 *
 * @since 0.1.0
 * @category combinators
 */
export const jsonLines = <E, R>(input: Stream.Stream<Uint8Array, E, R>): Stream.Stream<Uint8Array, E, R> =>
  input.pipe(
    Stream.decodeText(),
    Stream.splitLines,
    Stream.filterEffect((line) =>
      line.trim() === ""
        ? Effect.succeed(false)
        : isJsonMessage(line)
        ? Effect.succeed(true)
        : Effect.logWarning(`Ignored a line on stdin that is not a JSON-RPC message (${line.length} characters)`).pipe(
          Effect.as(false)
        )
    ),
    Stream.map((line) => encoder.encode(`${line}\n`))
  )
