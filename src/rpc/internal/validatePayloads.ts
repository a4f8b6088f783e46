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
 * WebSocket connection (or skip the rest of an HTTP body).
 */
import { RpcSchema, type RpcSerialization, type RpcServer } from "@effect/rpc"
import type { FromClientEncoded, FromServerEncoded } from "@effect/rpc/RpcMessage"
import { Effect, Option, Predicate, Schema } from "effect"
import { ValidationError } from "../../domain/AlmaError.js"
import { decodeInput } from "../../internal/validate.js"
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
      decode: (data) => parser.decode(data).map((m) => (Predicate.isRecord(m) ? m : { _tag: malformedTag })),
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
        return protocol.send(clientId, defect("Malformed message: expected an object"))
      }
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
