/**
 * Cooperative yielding for SQLite: better-sqlite3 runs every statement synchronously on the event
 * loop, and Effect does not yield to the loop between them (effect-stack-notes §2: 20 back-to-back
 * queries starved a 5 ms timer completely). Each storage operation first lets pending I/O and timers
 * run, so a server keeps answering while a burst of queries is in flight; the loop is then blocked for
 * at most one storage operation at a time.
 *
 * @internal
 */
import { Effect } from "effect"

/** Resumes on the next turn of the event loop (after pending I/O callbacks), via `setImmediate`. */
export const yieldToEventLoop: Effect.Effect<void> = Effect.async<void>((resume) => {
  const handle = setImmediate(() => resume(Effect.void))
  return Effect.sync(() => clearImmediate(handle))
})

/**
 * `f`, letting the event loop turn (`yieldToEventLoop`) before each call's statements run.
 *
 * @internal
 */
export const cooperative = <Args extends Array<unknown>, A, E>(
  f: (...args: Args) => Effect.Effect<A, E>
) =>
(...args: Args): Effect.Effect<A, E> => Effect.zipRight(yieldToEventLoop, Effect.suspend(() => f(...args)))
