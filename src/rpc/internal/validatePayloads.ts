/**
 * A server `Protocol` wrapper that validates every request before `RpcServer` sees it.
 *
 * `RpcServer` reports a payload that fails decoding as a *defect* carrying the formatted parse
 * error, which clients receive as an untyped die. This wrapper decodes the payload first, with the
 * same schema and the same rules as the local API (`decodeInput`: all errors, excess fields
 * rejected), and answers a failure itself with a typed `ValidationError` (first offending field,
 * dotted path, and the schema's message) as the request's `Exit`. Valid requests pass through
 * untouched. It also answers malformed envelopes (non-objects) with a defect and drops header
 * entries that are not string pairs, so that no input reaches the server loop in a shape it does
 * not expect.
 *
 * `guardSerialization` does the same one step earlier, in the parser: the protocols read `_tag` of
 * each decoded message before any wrapper sees it, and a `null` message would otherwise end the
 * WebSocket connection (or skip the rest of an HTTP body). It also checks request ids, which the
 * protocols and the server convert with `BigInt` (a throw there closes the WebSocket connection
 * and answers an HTTP body with a defect): a `Request` whose id `BigInt` cannot read is answered
 * with a `ValidationError` on `id` for that request alone (its `requestId` as sent); an `Interrupt`
 * or `Ack` whose `requestId` `BigInt` cannot read is ignored, as it names no request. Either way the connection and its other requests go on.
 */
import { RpcSchema, type RpcSerialization, type RpcServer } from "@effect/rpc"
import type { FromClientEncoded, FromServerEncoded } from "@effect/rpc/RpcMessage"
import { Effect, Option, Predicate, Schema } from "effect"
import { ValidationError } from "../../domain/AlmaError.js"
import { decodeInput, MAX_INPUT_DEPTH, tooDeep } from "../../internal/validate.js"
import { AlmaRpcs } from "../AlmaRpcs.js"

type Protocol = RpcServer.Protocol["Type"]

const probe = new ValidationError({ field: "input", reason: "probe" })
const encodeValidationError = Schema.encodeSync(ValidationError)

// Payload checks of the procedures whose error (or stream error) schema accepts a ValidationError.
const checks = new Map<string, (payload: unknown) => Effect.Effect<unknown, ValidationError>>()
for (const [tag, rpc] of AlmaRpcs.requests) {
  const stream = RpcSchema.getStreamSchemas(rpc.successSchema.ast)
  const errors: ReadonlyArray<Schema.Schema.All> = Option.isSome(stream)
    ? [rpc.errorSchema, stream.value.failure]
    : [rpc.errorSchema]
  const accepts = errors.some((errorSchema) => Schema.is(Schema.make(errorSchema.ast))(probe))
  const schema: Schema.Schema.AnyNoContext = rpc.payloadSchema
  if (accepts) checks.set(tag, (payload) => decodeInput(schema, payload))
}

const isHeaderPair = (entry: unknown): entry is [string, string] =>
  Array.isArray(entry) && entry.length === 2 && typeof entry[0] === "string" && typeof entry[1] === "string"

const failure = (requestId: string, error: ValidationError): FromServerEncoded => ({
  _tag: "Exit",
  requestId,
  exit: { _tag: "Failure", cause: { _tag: "Fail", error: encodeValidationError(error) } }
})

const defect = (message: string): FromServerEncoded => ({ _tag: "Defect", defect: message })

// What the guarded parser yields in place of a message that is not an object.
const malformedTag = "alma-memory/MalformedMessage"
// … of a Request whose id is not an integer, keeping the id as sent.
const badIdTag = "alma-memory/BadRequestId"
// … of an Interrupt or Ack whose requestId is not an integer.
const ignoredTag = "alma-memory/Ignored"

/**
 * The id as the server reads it, or `undefined` when it cannot: `RpcServer` converts ids with
 * `BigInt` and takes only strings, so a string id `BigInt` accepts passes as sent, any other value
 * `BigInt` accepts (an integer number, a boolean…) as the decimal string of its `BigInt`.
 */
const requestIdOf = (id: unknown): string | undefined => {
  try {
    const value = BigInt(id as string)
    return typeof id === "string" ? id : String(value)
  } catch {
    return undefined
  }
}

// Messages a client may send (RpcMessage.FromClientEncoded).
const clientTags = new Set(["Request", "Interrupt", "Ack", "Ping", "Eof"])

const guardMessage = (m: unknown): unknown => {
  // Nesting is bounded before anything formats the message (deep values overflow the stack there):
  // the payload's own limit, plus the envelope's two levels.
  if (!Predicate.isRecord(m) || !clientTags.has(m._tag as string) || tooDeep(m, MAX_INPUT_DEPTH + 2) !== undefined) {
    return { _tag: malformedTag }
  }
  if (m._tag === "Request") {
    const id = requestIdOf(m.id)
    if (id === undefined) return { _tag: badIdTag, id: m.id }
    return id === m.id ? m : { ...m, id }
  }
  if (m._tag === "Interrupt" || m._tag === "Ack") {
    const requestId = requestIdOf(m.requestId)
    if (requestId === undefined) return { _tag: ignoredTag }
    return requestId === m.requestId ? m : { ...m, requestId }
  }
  return m
}

/** The id to answer a bad id with: as sent when a string, else its JSON text (`""` if it has none). */
const echoId = (id: unknown): string => {
  if (typeof id === "string") return id
  try {
    return JSON.stringify(id) ?? ""
  } catch {
    return "" // e.g. nested too deep to print
  }
}

const badId = (id: unknown) =>
  failure(echoId(id), new ValidationError({ field: "id", reason: "must be an integer, as a string of decimal digits" }))

/**
 * Wraps a serialization so that every decoded message is an object: anything else becomes a marker
 * message that `validatePayloads` answers with a defect.
 */
export const guardSerialization = (
  serialization: RpcSerialization.RpcSerialization["Type"]
): RpcSerialization.RpcSerialization["Type"] => ({
  contentType: serialization.contentType,
  includesFraming: serialization.includesFraming,
  unsafeMake: () => {
    const parser = serialization.unsafeMake()
    return {
      decode: (data) => parser.decode(data).map(guardMessage),
      encode: (response) => parser.encode(response)
    }
  }
})

/**
 * `guardSerialization` for ndjson over HTTP, where each body is complete: it is split into lines
 * here and each line parsed on its own, so a last line without its newline is still read (the
 * streaming parser would wait for the rest) and a malformed line becomes one marker message instead
 * of failing the whole body and its valid requests.
 */
export const guardNdjsonBodies = (
  serialization: RpcSerialization.RpcSerialization["Type"]
): RpcSerialization.RpcSerialization["Type"] => ({
  contentType: serialization.contentType,
  includesFraming: serialization.includesFraming,
  unsafeMake: () => {
    const parser = serialization.unsafeMake()
    const decoder = new TextDecoder()
    return {
      decode: (data) => {
        const text = typeof data === "string" ? data : decoder.decode(data)
        const messages: Array<unknown> = []
        for (const line of text.split("\n")) {
          if (line.trim() === "") continue
          try {
            for (const m of parser.decode(`${line}\n`)) messages.push(guardMessage(m))
          } catch {
            messages.push({ _tag: malformedTag })
          }
        }
        return messages
      },
      encode: (response) => parser.encode(response)
    }
  }
})

/**
 * Wraps a server protocol so that invalid payloads of `AlmaRpcs` fail with `ValidationError`.
 */
export const validatePayloads = (protocol: Protocol): Protocol => ({
  ...protocol,
  run: (handle) =>
    protocol.run((clientId, message: FromClientEncoded) => {
      if (!Predicate.isRecord(message) || Predicate.isTagged(message, malformedTag)) {
        return protocol.send(
          clientId,
          defect(`Malformed message: expected an object with _tag Request, Interrupt, Ack, Ping or Eof, nested at most ${
            MAX_INPUT_DEPTH + 2
          } levels`)
        )
      }
      if (Predicate.isTagged(message, badIdTag)) return protocol.send(clientId, badId((message as { id?: unknown }).id))
      if (Predicate.isTagged(message, ignoredTag)) return Effect.void
      if (message._tag !== "Request") return handle(clientId, message)
      const headers = Array.isArray(message.headers) ? message.headers.filter(isHeaderPair) : []
      const request = { ...message, headers }
      const check = typeof request.tag === "string" ? checks.get(request.tag) : undefined
      if (check === undefined || typeof request.id !== "string") return handle(clientId, request)
      return Effect.matchEffect(check(request.payload), {
        onFailure: (error) => protocol.send(clientId, failure(request.id, error)),
        onSuccess: () => handle(clientId, request)
      })
    })
})
