/**
 * The Promise-based client for callers who do not use Effect.
 *
 * @since 0.1.0
 */
import type { Layer } from "effect"
import { Cause, Effect, Exit, ManagedRuntime } from "effect"
import type { AlmaConfig } from "../config/AlmaConfig.js"
import * as Alma from "./Alma.js"
import type { AlmaError } from "./domain/AlmaError.js"
import * as AlmaService from "./services/Alma.js"

/**
 * Where the client's stack comes from: a configuration file (default `.alma/config.yaml`, built-in
 * defaults when absent), a configuration object, or any layer.
 *
 * @since 0.1.0
 * @category models
 */
export interface CreateAlmaOptions {
  readonly configPath?: string | undefined
  readonly config?: AlmaConfig | undefined
  readonly layer?: Layer.Layer<Alma.Services, AlmaError> | undefined
}

type Promised<S> = {
  readonly [K in keyof S]: S[K] extends (...args: infer A) => Effect.Effect<infer R, infer _E, infer _R>
    ? (...args: A) => Promise<R>
    : S[K] extends Effect.Effect<infer R, infer _E, infer _R> ? () => Promise<R>
    : S[K]
}

/**
 * The Alma API with Promises: every method of the `Alma` service, plus `close()`.
 * Failures reject with the typed ALMA error itself (`_tag`, fields, message).
 *
 * @since 0.1.0
 * @category models
 */
export type AlmaClient = Promised<AlmaService.Service> & {
  /** Releases the database and the embedding model. */
  readonly close: () => Promise<void>
}

/**
 * Builds the stack once (one ManagedRuntime) and returns the Promise client.
 *
 * **Errors** rejects with `ConfigurationError`, `StorageError` or `EmbeddingError` when the stack
 * cannot be built.
 *
 * @since 0.1.0
 * @category constructors
 * @example
 * const alma = await createAlma({ configPath: ".alma/config.yaml" })
 * const slice = await alma.retrieve({ task: "Test the signup form", agent: "helena" })
 * await alma.close()
 */
export const createAlma = async (options: CreateAlmaOptions = {}): Promise<AlmaClient> => {
  const layer = options.layer ??
    (options.config !== undefined ? Alma.layerFromConfig(options.config) : Alma.fromConfig(options.configPath))
  const runtime = ManagedRuntime.make(layer)
  const run = async <A, E>(effect: Effect.Effect<A, E, AlmaService.Alma>): Promise<A> => {
    const exit = await runtime.runPromiseExit(effect)
    if (Exit.isSuccess(exit)) return exit.value
    throw Cause.squash(exit.cause)
  }
  const service = await run(AlmaService.Alma).catch(async (error: unknown) => {
    await runtime.dispose()
    throw error
  })
  const client: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(service)) {
    client[key] = typeof value === "function"
      ? (...args: ReadonlyArray<unknown>) => run(Effect.suspend(() => value(...args) as Effect.Effect<unknown, unknown>))
      : Effect.isEffect(value)
      ? () => run(value as Effect.Effect<unknown, unknown>)
      : value
  }
  client.close = () => runtime.dispose()
  return client as AlmaClient
}
