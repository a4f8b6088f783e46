/**
 * The JSON-RPC 2.0 front of the MCP server: checks every incoming message, answers the ones the
 * RPC layer cannot take, and translates the rest to and from `@effect/rpc`'s encoded messages.
 *
 * `@effect/ai`'s McpServer runs on an `RpcServer`, whose request ids are integers (`BigInt(id)`).
 * JSON-RPC ids may be any string or number, so each request gets a fresh integer id here and its
 * response is sent back with the client's id, unchanged (a `"7"` string stays a string). The same
 * mapping serves the `requestId` of `notifications/cancelled`.
 *
 * Answered here, as JSON-RPC 2.0 (§5.1) and MCP 2025-06-18 specify:
 * - a message that is not a request, notification or response (not an object, `jsonrpc` not
 *   `"2.0"`, no string `method`, an `id` that is not a string or number, `params` not structured),
 *   an empty batch, or a batch of more than 100 messages (the limit of the official MCP SDK server):
 *   -32600 Invalid Request, with the message's id when it has a valid one, else `null`;
 * - a request for a method the server does not know: -32601 Method not found, with its id;
 * - a request whose `params` is an array (MCP params are objects): -32602 Invalid params;
 * - a request with a numeric id JSON cannot carry back (`1e400` parses to `Infinity`): -32600, id `null`;
 * - a `resources/read` of a URI no resource has: -32002 Resource not found, `data: { uri }`.
 * Text that is not JSON (-32700 Parse error) is answered by the transports (`protocolHttp.ts`,
 * `protocolStdio.ts`). Notifications are never answered (unknown ones are ignored).
 *
 * @since 0.1.0
 */
import { ClientNotificationRpcs, ClientRequestRpcs } from "@effect/ai/McpSchema"
import type { FromClientEncoded, FromServerEncoded, RequestEncoded } from "@effect/rpc/RpcMessage"
import {
  type ErrorResponse,
  errorOf,
  errorResponse,
  type Id,
  INTERNAL_ERROR,
  INVALID_PARAMS,
  INVALID_REQUEST,
  METHOD_NOT_FOUND,
  RESOURCE_NOT_FOUND
} from "./jsonRpcErrors.js"

/** The most messages one batch may hold, as the official MCP SDK server (`MAX_BATCH_SIZE`). */
export const MAX_BATCH = 100

export type { ErrorResponse, Id } from "./jsonRpcErrors.js"
export {
  errorResponse,
  INTERNAL_ERROR,
  INVALID_PARAMS,
  INVALID_REQUEST,
  METHOD_NOT_FOUND,
  PARSE_ERROR,
  parseError,
  RESOURCE_NOT_FOUND
} from "./jsonRpcErrors.js"

const requestMethods: ReadonlySet<string> = new Set(ClientRequestRpcs.requests.keys())
const notificationMethods: ReadonlySet<string> = new Set(ClientNotificationRpcs.requests.keys())

const isRecord = (u: unknown): u is Record<string, unknown> => typeof u === "object" && u !== null && !Array.isArray(u)

/**
 * A valid id: a string, or a number that JSON can carry back. JSON.parse reads a number beyond the
 * 64-bit float range (`1e400`) as `Infinity`, which JSON.stringify writes as `null`: no response
 * could bear the request's id, so such a request is invalid (finite numbers, fractional ones
 * included, are echoed as read).
 */
const isId = (u: unknown): u is Id => typeof u === "string" || (typeof u === "number" && Number.isFinite(u))
const has = (o: object, key: string) => Object.hasOwn(o, key)

interface Batch {
  pending: number
  readonly responses: Array<unknown>
}

interface InFlight {
  readonly id: Id
  readonly batch: Batch | undefined
  /** The `uri` of a `resources/read`. */
  readonly resource?: string | undefined
}

/**
 * What one JSON value (a message or a batch) comes to: the messages for the RPC server, and what to
 * answer at once (`output`: one response, a batch's array, or `undefined`).
 *
 * @since 0.1.0
 * @category models
 */
export interface Decoded {
  readonly messages: ReadonlyArray<FromClientEncoded>
  readonly output: unknown
  /** Whether every answer in `output` is -32600 and nothing was accepted (HTTP answers 400). */
  readonly rejected: boolean
  /** Whether the answers form an array (a non-empty batch of at most `MAX_BATCH` messages). */
  readonly batch: boolean
}

/**
 * The id mapping of one connection (stdio) or one exchange (an HTTP POST).
 *
 * With `stream: true` (stdio) the responses to a batch are held until all are ready and sent as one
 * array, and the server's own messages (notifications, requests to the client) are passed on; with
 * `stream: false` (HTTP, where the transport gathers the responses) each response comes out alone
 * and the server's own messages are dropped.
 *
 * @since 0.1.0
 * @category models
 */
export class Session {
  private next = 0
  private readonly inFlight = new Map<string, InFlight>()
  private readonly internalOf = new Map<Id, string>()
  private readonly cancelled = new Set<string>()

  constructor(
    private readonly options: { readonly stream: boolean; readonly headers: ReadonlyArray<[string, string]> }
  ) {}

  /** Requests handed to the RPC server and not answered yet. */
  get pending(): number {
    return this.inFlight.size
  }

  /** The messages for the RPC server and the answers due now, for one parsed JSON value. */
  decode(value: unknown): Decoded {
    const messages: Array<FromClientEncoded> = []
    const replies: Array<ErrorResponse> = []
    if (!Array.isArray(value)) {
      const accepted = this.element(value, messages, replies, undefined)
      return { messages, output: replies[0], rejected: !accepted, batch: false }
    }
    if (value.length === 0 || value.length > MAX_BATCH) {
      const reason = value.length === 0 ? "an empty batch" : `a batch of more than ${MAX_BATCH} messages`
      const output = errorResponse(null, INVALID_REQUEST, `Invalid Request: ${reason}`)
      return { messages, output, rejected: true, batch: false }
    }
    const batch: Batch | undefined = this.options.stream ? { pending: 0, responses: [] } : undefined
    let accepted = false
    for (const element of value) accepted = this.element(element, messages, replies, batch) || accepted
    if (batch !== undefined && batch.pending > 0) {
      batch.responses.push(...replies)
      return { messages, output: undefined, rejected: false, batch: true }
    }
    return { messages, output: replies.length > 0 ? replies : undefined, rejected: !accepted, batch: true }
  }

  /**
   * The JSON-RPC message for a message of the RPC server (`undefined`: nothing to send now). A
   * response gets back its request's own id.
   */
  encode(message: FromServerEncoded | RequestEncoded): unknown {
    switch (message._tag) {
      case "Exit": {
        const request = this.inFlight.get(message.requestId)
        if (request === undefined) return undefined
        this.inFlight.delete(message.requestId)
        if (this.internalOf.get(request.id) === message.requestId) this.internalOf.delete(request.id)
        // MCP: the receiver of a cancellation SHOULD NOT answer the cancelled request.
        const cancelled = this.cancelled.delete(message.requestId)
        const response = message.exit._tag === "Success"
          ? notFound(request, message.exit.value) ?? { jsonrpc: "2.0", id: request.id, result: message.exit.value }
          : cancelled
          ? undefined
          : { jsonrpc: "2.0", id: request.id, error: errorOf(message.exit.cause) }
        return this.settle(request.batch, response)
      }
      case "Defect":
        return errorResponse(null, INTERNAL_ERROR, "Internal error", message.defect)
      case "Request":
        // The server's own notifications and requests to the client (its ids are integers).
        if (!this.options.stream) return undefined
        return message.id === "" || message.id === undefined
          ? { jsonrpc: "2.0", method: message.tag, params: message.payload }
          : { jsonrpc: "2.0", id: Number(message.id), method: message.tag, params: message.payload }
      default:
        return undefined
    }
  }

  /**
   * The answer for a request the RPC server failed to take (a defect while handing it over): -32603
   * Internal error with the request's id, as if the server had answered so.
   */
  failed(message: FromClientEncoded): unknown {
    if (message._tag !== "Request" || message.id === "") return undefined
    return this.encode({
      _tag: "Exit",
      requestId: message.id,
      exit: { _tag: "Failure", cause: { _tag: "Die", defect: { message: "the request could not be handled" } } }
    })
  }

  private settle(batch: Batch | undefined, response: unknown): unknown {
    if (batch === undefined) return response
    if (response !== undefined) batch.responses.push(response)
    batch.pending--
    return batch.pending === 0 && batch.responses.length > 0 ? batch.responses : undefined
  }

  /** Checks one message; returns whether it was accepted (not answered with -32600). */
  private element(m: unknown, messages: Array<FromClientEncoded>, replies: Array<ErrorResponse>, batch: Batch | undefined) {
    const invalid = (id: Id | null, reason: string) => {
      replies.push(errorResponse(id, INVALID_REQUEST, `Invalid Request: ${reason}`))
      return false
    }
    if (!isRecord(m)) return invalid(null, "a JSON-RPC message must be an object")
    const id = m.id
    const hasId = has(m, "id")
    const replyId = isId(id) ? id : null
    if (m.jsonrpc !== "2.0") return invalid(replyId, "\"jsonrpc\" must be \"2.0\"")
    if (!has(m, "method")) {
      if (!has(m, "result") && !has(m, "error")) return invalid(replyId, "a request needs a \"method\"")
      this.response(m, messages)
      return true
    }
    const method = m.method
    if (typeof method !== "string") return invalid(replyId, "\"method\" must be a string")
    if (typeof id === "number" && !Number.isFinite(id)) {
      return invalid(null, "\"id\" is a number beyond the 64-bit float range, which no response could carry back; use a string or an integer")
    }
    if (hasId && !isId(id)) return invalid(null, "\"id\" must be a string or a number")
    const params = m.params
    if (params !== undefined && (typeof params !== "object" || params === null)) {
      return invalid(replyId, "\"params\" must be an object")
    }
    if (!isId(id)) {
      this.notification(method, params, messages)
      return true
    }
    if (!requestMethods.has(method)) {
      replies.push(errorResponse(id, METHOD_NOT_FOUND, `Method not found: ${method}`))
      return true
    }
    if (Array.isArray(params)) {
      replies.push(errorResponse(id, INVALID_PARAMS, "Invalid params: \"params\" must be an object, not an array"))
      return true
    }
    const internal = String(++this.next)
    const resource = method === "resources/read" && isRecord(params) && typeof params.uri === "string"
      ? params.uri
      : undefined
    this.inFlight.set(internal, { id, batch, resource })
    this.internalOf.set(id, internal)
    if (batch !== undefined) batch.pending++
    messages.push({ _tag: "Request", id: internal, tag: method, payload: params, headers: this.options.headers })
    return true
  }

  private notification(method: string, params: object | undefined, messages: Array<FromClientEncoded>) {
    if (!notificationMethods.has(method) || Array.isArray(params)) return
    let payload: unknown = params
    if (method === "notifications/cancelled") {
      const requestId = isRecord(params) ? params.requestId : undefined
      const internal = isId(requestId) ? this.internalOf.get(requestId) : undefined
      if (internal === undefined) return // not in flight (any more): nothing to cancel
      this.cancelled.add(internal)
      payload = { ...params, requestId: Number(internal) }
    }
    messages.push({ _tag: "Request", id: "", tag: method, payload, headers: this.options.headers })
  }

  /** A response to one of the server's own requests (stdio only; their ids are integers). */
  private response(m: Record<string, unknown>, messages: Array<FromClientEncoded>) {
    if (!this.options.stream || typeof m.id !== "number" || !Number.isSafeInteger(m.id) || m.id < 0) return
    const error = m.error
    const exit = error === undefined || error === null
      ? { _tag: "Success" as const, value: m.result }
      : { _tag: "Failure" as const, cause: { _tag: "Die" as const, defect: error } }
    // `FromClientEncoded` has no responses: McpServer routes them to its client for server requests.
    messages.push({ _tag: "Exit", requestId: String(m.id), exit } as unknown as FromClientEncoded)
  }
}

/**
 * The answer to a `resources/read` that matched no resource: @effect/ai's McpServer answers it with
 * `{ contents: [] }` (every resource ALMA registers has content), MCP says -32002 with the uri.
 */
const notFound = (request: InFlight, result: unknown): ErrorResponse | undefined =>
  request.resource !== undefined && isRecord(result) && Array.isArray(result.contents) && result.contents.length === 0
    ? errorResponse(request.id, RESOURCE_NOT_FOUND, `Resource not found: ${request.resource}`, { uri: request.resource })
    : undefined
