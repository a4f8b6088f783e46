/**
 * Registers the ALMA toolkit with an McpServer, guarding every tool call:
 *
 * - arguments are checked against the tool's parameters first (unknown parameters rejected), so bad
 *   input fails as a `ValidationError` naming the snake_case field, what was wrong and what is
 *   allowed, instead of `@effect/ai`'s raw decode dump;
 * - failures are reported as `isError: true` with the encoded error and a one-line message
 *   (`errors.ts`);
 * - a defect in a handler becomes an `InternalError` result and is logged, and the server keeps
 *   serving.
 *
 * @since 0.1.0
 */
import type * as McpSchema from "@effect/ai/McpSchema"
import * as McpServer from "@effect/ai/McpServer"
import { Cause, Effect, Option, Schema } from "effect"
import { AlmaToolkit, handlers } from "./AlmaToolkit.js"
import { failureResult, InternalError, normaliseFailure, validationError } from "./errors.js"

type Handle = (payload: unknown) => Effect.Effect<McpSchema.CallToolResult, unknown, McpSchema.McpServerClient>

const tools: Record<string, { readonly parametersSchema: Schema.Schema.Any }> = AlmaToolkit.tools

const guard = (name: string, handle: Handle): Handle => {
  const schema = tools[name]?.parametersSchema as Schema.Schema<unknown, unknown, never> | undefined
  const decode = schema === undefined
    ? () => Effect.void
    : Schema.decodeUnknown(schema, { errors: "all", onExcessProperty: "error" })
  return (payload) =>
    decode(payload ?? {}).pipe(
      Effect.matchEffect({
        onFailure: (error) => Effect.succeed(failureResult(validationError(error))),
        onSuccess: () =>
          handle(payload).pipe(
            Effect.flatMap((result) => {
              if (result.isError !== true) return Effect.succeed(result)
              const normalised = normaliseFailure(name, result)
              return Option.match(normalised.unexpected, {
                onNone: () => Effect.succeed(normalised.result),
                onSome: (detail) =>
                  Effect.logError(`Tool ${name} failed unexpectedly`, detail).pipe(Effect.as(normalised.result))
              })
            }),
            Effect.catchAllDefect((defect) =>
              Effect.logError(`Tool ${name} died`, Cause.die(defect)).pipe(
                Effect.as(failureResult(new InternalError({ tool: name, reason: "the handler failed unexpectedly" })))
              )
            )
          )
      }),
      Effect.annotateLogs({ service: "McpServer", tool: name })
    )
}

/**
 * Registers the 19 ALMA tools with the McpServer in context, their handlers running on the
 * `Alma`, `Workflows`, `Consolidator` and `Advisor` services in context.
 *
 * @since 0.1.0
 * @category registration
 */
export const registerTools = Effect.gen(function*() {
  const registry = yield* McpServer.McpServer
  const context = yield* AlmaToolkit.toContext(handlers)
  const guarded = McpServer.McpServer.of({
    ...registry,
    addTool: ({ handle, tool }) => registry.addTool({ tool, handle: guard(tool.name, handle) as typeof handle })
  })
  yield* McpServer.registerToolkit(AlmaToolkit).pipe(
    Effect.provide(context),
    Effect.provideService(McpServer.McpServer, guarded)
  )
})
