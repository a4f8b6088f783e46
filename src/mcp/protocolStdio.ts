/**
 * The stdio transport of the MCP server, as an `RpcServer` protocol: newline-delimited JSON-RPC on
 * `stdin` and `stdout` (MCP 2025-06-18, stdio transport), one message or batch per line, each line
 * parsed once and checked by the JSON-RPC front (`jsonRpc.ts`).
 *
 * Every line is answered as JSON-RPC 2.0 says, and none stops the reading: a line that is not JSON
 * gets -32700 Parse error (id `null`), a message that is not JSON-RPC -32600 Invalid Request, an
 * unknown method -32601; blank lines are skipped. The responses to a batch go out together, as one
 * array line. When stdin ends, the requests already read are still answered (before `initialize`
 * too, as the official SDK's server does), then the server stops.
 *
 * @since 0.1.0
 */
import { RpcServer } from "@effect/rpc"
import type { FromClientEncoded } from "@effect/rpc/RpcMessage"
import { Deferred, Effect, Fiber, Mailbox, Option, Schedule, type Sink, Stream } from "effect"
import { parseError, Session } from "./jsonRpc.js"

/**
 * The protocol over `stdin` and `stdout`. Reading ends, and the calling fiber is interrupted, when
 * `stdin` ends or fails.
 *
 * @since 0.1.0
 * @category constructors
 */
export const makeProtocolStdio = <EIn, EOut, RIn, ROut>(options: {
  readonly stdin: Stream.Stream<Uint8Array, EIn, RIn>
  readonly stdout: Sink.Sink<void, Uint8Array | string, unknown, EOut, ROut>
}) =>
  Effect.gen(function*() {
    const fiber = Option.getOrThrow(Fiber.getCurrentFiber())
    return yield* RpcServer.Protocol.make((writeRequest) =>
      Effect.gen(function*() {
        const mailbox = yield* Mailbox.make<string>()
        const session = new Session({ stream: true, headers: [] })
        const write = (output: unknown) => output === undefined ? Effect.void : mailbox.offer(`${JSON.stringify(output)}\n`)
        // A defect while handing a message over (e.g. a stack overflow) answers that request alone.
        const forwardOne = (message: FromClientEncoded) =>
          Effect.catchAllCause(writeRequest(0, message), (cause) =>
            Effect.zipRight(
              Effect.logError("MCP stdio: a message could not be handled", cause),
              write(session.failed(message))
            ))
        const forward = (messages: ReadonlyArray<FromClientEncoded>) =>
          messages.length === 1 ? forwardOne(messages[0]!) : Effect.forEach(messages, forwardOne, { discard: true })

        const onLine = (line: string): Effect.Effect<void> => {
          if (line.trim() === "") return Effect.void
          let value: unknown
          try {
            value = JSON.parse(line)
          } catch {
            return Effect.zipRight(
              Effect.logDebug(`Answered a line on stdin that is not JSON (${line.length} characters)`),
              write(parseError)
            )
          }
          const decoded = session.decode(value)
          return decoded.messages.length === 0 ? write(decoded.output) : Effect.zipRight(write(decoded.output), forward(decoded.messages))
        }

        // Once stdin has ended: completed when every request read is answered (and its answer queued).
        const drained = yield* Deferred.make<void>()
        let ended = false
        const checkDrained = Effect.suspend(() =>
          ended && session.pending === 0 ? Deferred.succeed(drained, undefined) : Effect.void
        )

        const writer = yield* Mailbox.toStream(mailbox).pipe(
          Stream.run(options.stdout),
          Effect.retry(Schedule.spaced(500)),
          Effect.forkScoped,
          Effect.interruptible
        )
        // At the end of stdin, requests still running are finished and answered, as the official SDK's
        // server does (it keeps handling them): a client may write its requests and close stdin at
        // once (`echo … | alma mcp`). Then the answers are flushed and the server stops.
        const finish = Effect.suspend(() => {
          ended = true
          return Effect.zipRight(checkDrained, Deferred.await(drained))
        }).pipe(
          Effect.zipRight(mailbox.end),
          // Bounded: with stdout gone (the client exited) the writer retries forever.
          Effect.zipRight(Effect.timeout(Fiber.await(writer), "5 seconds")),
          Effect.ignore
        )
        yield* options.stdin.pipe(
          Stream.decodeText(),
          Stream.splitLines,
          Stream.runForEach(onLine),
          Effect.catchAllCause((cause) => Effect.logError("MCP stdio: reading stdin failed", cause)),
          Effect.zipRight(finish),
          Effect.ensuring(Fiber.interruptFork(fiber)),
          Effect.forkScoped,
          Effect.interruptible
        )
        return {
          disconnects: yield* Mailbox.make<number>(),
          send: (_clientId, response) => Effect.zipRight(write(session.encode(response)), checkDrained),
          end: () => mailbox.end,
          clientIds: Effect.succeed(new Set([0])),
          initialMessage: Effect.succeedNone,
          supportsAck: false,
          supportsTransferables: false,
          supportsSpanPropagation: false
        }
      })
    )
  })
