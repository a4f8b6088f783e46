/**
 * The Streamable HTTP transport of the MCP server, as an `RpcServer` protocol: each POST body is
 * parsed once, checked and translated by the JSON-RPC front (`jsonRpc.ts`), and answered with one
 * `application/json` body once all its requests are done.
 *
 * HTTP statuses as the official MCP SDK server (`webStandardStreamableHttp`) and the Streamable HTTP
 * transport of MCP 2025-06-18 give them:
 * - 400 with a JSON-RPC error (id `null`) when the body is not JSON (-32700), or holds nothing the
 *   server can accept (-32600; the SDK answers -32700 there, JSON-RPC 2.0 says -32600);
 * - 202 with no body when the body holds only notifications and responses;
 * - 200 with the response (a single message) or the array of responses (a batch) otherwise,
 *   including -32601 Method not found and -32602 Invalid params, which answer a request.
 *
 * @since 0.1.0
 */
import { HttpRouter, HttpServerRequest, HttpServerResponse } from "@effect/platform"
import type { FromClientEncoded, FromServerEncoded } from "@effect/rpc/RpcMessage"
import { RpcServer } from "@effect/rpc"
import { Effect, Mailbox, Option, Scope } from "effect"
import { type ErrorResponse, parseError, Session } from "./jsonRpc.js"

const json = (body: unknown, status: number) =>
  HttpServerResponse.text(JSON.stringify(body), { status, contentType: "application/json" })

const rejected = (body: ErrorResponse | unknown) => json(body, 400)

/**
 * Registers POST `path` on `HttpRouter.Default` and returns the protocol serving it.
 *
 * @since 0.1.0
 * @category constructors
 */
export const makeProtocolHttp = (path: HttpRouter.PathInput) =>
  Effect.gen(function*() {
    const disconnects = yield* Mailbox.make<number>()
    let writeRequest!: (clientId: number, message: FromClientEncoded) => Effect.Effect<void>
    let nextClientId = 0
    const clients = new Map<number, { readonly write: (m: FromServerEncoded) => Effect.Effect<void>; readonly end: Effect.Effect<void> }>()
    const clientIds = new Set<number>()

    const handle = Effect.gen(function*() {
      const request = yield* HttpServerRequest.HttpServerRequest
      const text = yield* Effect.option(request.text)
      if (Option.isNone(text)) return rejected(parseError)
      let value: unknown
      try {
        value = JSON.parse(text.value)
      } catch {
        return rejected(parseError)
      }
      const session = new Session({ stream: false, headers: Object.entries(request.headers) })
      const decoded = session.decode(value)
      const replies: Array<unknown> = decoded.output === undefined
        ? []
        : Array.isArray(decoded.output)
        ? decoded.output
        : [decoded.output]
      if (decoded.messages.length > 0) {
        const responses = yield* exchange(session, decoded.messages)
        replies.push(...responses)
      }
      if (replies.length === 0) return HttpServerResponse.empty({ status: 202 })
      const body = decoded.batch ? replies : replies[0]
      return decoded.rejected && decoded.messages.length === 0 ? rejected(body) : json(body, 200)
    }).pipe(Effect.interruptible, Effect.withUnhandledErrorLogLevel(Option.none()))

    /** Passes `messages` to the RPC server as one client, and gathers its responses. */
    const exchange = (session: Session, messages: ReadonlyArray<FromClientEncoded>) =>
      Effect.gen(function*() {
        const scope = yield* Effect.scope
        const id = nextClientId++
        const mailbox = yield* Mailbox.make<unknown>()
        const responses: Array<unknown> = []
        let finished = false
        clientIds.add(id)
        clients.set(id, {
          write: (message) => {
            const encoded = session.encode(message)
            return encoded === undefined ? Effect.void : mailbox.offer(encoded)
          },
          end: mailbox.end
        })
        yield* Scope.addFinalizer(
          scope,
          Effect.suspend(() => {
            clientIds.delete(id)
            clients.delete(id)
            disconnects.unsafeOffer(id)
            // The client went away before its answers: stop its requests.
            if (finished) return Effect.void
            return Effect.forEach(
              messages,
              (m) => m._tag === "Request" && m.id !== "" ? writeRequest(id, { _tag: "Interrupt", requestId: m.id }) : Effect.void,
              { discard: true }
            )
          })
        )
        for (const message of messages) {
          // A defect while handing a message over (e.g. a stack overflow) answers that request alone.
          yield* Effect.catchAllCause(writeRequest(id, message), (cause) => {
            const answer = session.failed(message)
            return Effect.zipRight(
              Effect.logError("MCP HTTP: a message could not be handled", cause),
              answer === undefined ? Effect.void : mailbox.offer(answer)
            )
          })
        }
        yield* writeRequest(id, { _tag: "Eof" })
        while (true) {
          const [items, done] = yield* mailbox.takeAll
          for (const item of items) responses.push(item)
          if (done) break
        }
        finished = true
        return responses
      })

    const protocol = yield* RpcServer.Protocol.make((writeRequest_) => {
      writeRequest = writeRequest_
      return Effect.succeed({
        disconnects,
        send: (clientId, response) => clients.get(clientId)?.write(response) ?? Effect.void,
        end: (clientId) => clients.get(clientId)?.end ?? Effect.void,
        clientIds: Effect.sync(() => clientIds),
        initialMessage: Effect.succeedNone,
        supportsAck: false,
        supportsTransferables: false,
        supportsSpanPropagation: false
      })
    })
    const router = yield* HttpRouter.Default
    yield* router.post(path, handle)
    return protocol
  })
