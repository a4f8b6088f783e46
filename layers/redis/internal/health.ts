/**
 * Tracks whether Redis is currently failing, so that an outage is logged once per burst (a warning
 * when it starts, an info line when it ends) instead of once per call.
 */
import { Effect, Ref } from "effect"
import type { StorageError } from "../../../src/domain/AlmaError.js"

/** Outage bookkeeping of one Redis layer. */
export interface Health {
  /** Records a failed call; logs a warning only if Redis was healthy until now. */
  readonly failed: (error: StorageError) => Effect.Effect<void>
  /** Records a successful call; logs once when it ends an outage. */
  readonly succeeded: Effect.Effect<void>
}

/** The cause's message (ioredis messages name the host and port, never the password). */
export const reason = (error: StorageError): string =>
  error.cause instanceof Error ? error.cause.message : String(error.cause)

/** `fallback` describes what callers get meanwhile, e.g. "retrievals are computed without the cache". */
export const make = (fallback: string): Effect.Effect<Health> =>
  Effect.map(Ref.make(false), (degraded) => ({
    failed: (error) =>
      Effect.flatMap(Ref.getAndSet(degraded, true), (was) =>
        was
          ? Effect.logDebug(`Redis ${error.operation} failed again: ${reason(error)}`)
          : Effect.logWarning(
            `Redis ${error.operation} failed: ${reason(error)}; ${fallback} until Redis answers again`
          )),
    succeeded: Effect.flatMap(
      Ref.getAndSet(degraded, false),
      (was) => was ? Effect.logInfo("Redis answers again; the cache is back in use") : Effect.void
    )
  }))
