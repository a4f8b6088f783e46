/**
 * Load generation with autocannon (a devDependency, loaded at run time): a fixed number of keep-alive
 * connections, each sending the same cycle of requests back to back (closed loop), for a fixed time.
 * Every response is timed (autocannon's own float-ms response time, from the request's write to the
 * end of its response) and classified by {@link verdict}.
 *
 * @since 0.1.0
 */
import type autocannon from "autocannon"
import { summarize, type Summary } from "../latency/Stats.js"
import { type Bodies, type Operation, request, type Surface, verdict } from "./Workload.js"

type Autocannon = typeof autocannon

const load = async (): Promise<Autocannon> => {
  // A non-literal specifier: the bundler leaves this devDependency to Node at run time.
  const name = "autocannon"
  const module = (await import(/* @vite-ignore */ name)) as { readonly default: Autocannon }
  return module.default
}

/**
 * Options of one load phase.
 *
 * **Units** `durationSeconds`: s; `timeoutSeconds`: per request, s (a timeout counts as an error);
 * `mix`: requests of each operation in one connection's cycle (default 4 retrieve + 1 learn = 80/20).
 *
 * @since 0.1.0
 * @category models
 */
export interface LoadOptions {
  readonly url: string
  readonly surface: Surface
  readonly bodies: Bodies
  readonly connections: number
  readonly durationSeconds: number
  readonly timeoutSeconds?: number | undefined
  readonly mix?: { readonly retrieve: number; readonly learn: number } | undefined
}

/**
 * Errors of a phase. `transport`: connection errors and timeouts (autocannon's `errors`);
 * `non2xx`: HTTP statuses outside 200-299; `application`: 2xx responses carrying a failure (RPC
 * `Failure` exit, MCP `error` or `isError: true`); `samples`: up to 5 distinct failure reasons.
 *
 * @since 0.1.0
 * @category models
 */
export interface Errors {
  readonly total: number
  readonly transport: number
  readonly timeouts: number
  readonly non2xx: number
  readonly application: number
  readonly samples: ReadonlyArray<string>
}

/**
 * Results of one load phase.
 *
 * **Units** `durationSeconds`: measured wall time (s); `throughput`: responses per second, all
 * operations; latencies in ms; `cacheHitRate`: share of `retrieve` responses served by the retrieval
 * cache (RPC only; `undefined` for MCP, which does not report it).
 *
 * @since 0.1.0
 * @category models
 */
export interface LoadResult {
  readonly surface: Surface
  readonly connections: number
  readonly durationSeconds: number
  readonly responses: Readonly<Record<Operation, number>>
  /** Requests of this phase whose task text was new to the run (see `Bodies.fresh`). */
  readonly newTexts: Readonly<Record<Operation, number>>
  readonly throughput: number
  readonly latency: Summary
  readonly retrieve: Summary
  readonly learn: Summary
  readonly errors: Errors
  readonly cacheHitRate: number | undefined
  /** autocannon's own figures (integer-ms histogram, 2xx only), for cross-checking. */
  readonly autocannon: { readonly requestsPerSecond: number; readonly p50: number; readonly p99: number }
}

/**
 * Runs one load phase against a running server.
 *
 * **Errors** rejects when autocannon cannot be loaded or fails to start.
 *
 * @since 0.1.0
 * @category constructors
 */
export const runLoad = async (options: LoadOptions): Promise<LoadResult> => {
  const run = await load()
  const mix = options.mix ?? { retrieve: 4, learn: 1 }
  const { path, headers } = request(options.surface)
  const times: Record<Operation, Array<number>> = { retrieve: [], learn: [] }
  const all: Array<number> = []
  let application = 0
  let hits = 0
  let hitKnown = 0
  const samples = new Set<string>()
  // `onResponse` runs just before autocannon's "response" event for the same response (both
  // synchronously, on message completion): it leaves the operation here for the timing listener.
  let last: Operation | undefined
  const spec = (operation: Operation): autocannon.Request => ({
    method: "POST",
    path,
    headers,
    setupRequest: (req) => ({ ...req, body: options.bodies.next(operation) }),
    onResponse: (status, body) => {
      last = operation
      const v = verdict(options.surface, operation, status, body)
      if (!v.ok && status >= 200 && status <= 299) application++
      if (!v.ok && samples.size < 5) samples.add(`${operation}: ${v.reason ?? "failed"}`)
      if (v.cacheHit !== undefined) {
        hitKnown++
        if (v.cacheHit) hits++
      }
    }
  })
  const freshBefore = options.bodies.fresh()
  const requests = [
    ...Array.from({ length: mix.retrieve }, () => spec("retrieve")),
    ...Array.from({ length: mix.learn }, () => spec("learn"))
  ]
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = run({
      url: options.url,
      connections: options.connections,
      duration: options.durationSeconds,
      timeout: options.timeoutSeconds ?? 10,
      requests
    }, (error: unknown, r) => (error ? reject(error) : resolve(r)))
    instance.on("reqError", (error: unknown) => {
      if (samples.size < 5) samples.add(`transport: ${error instanceof Error ? error.message : String(error)}`)
    })
    instance.on("response", (_client, _status, _bytes, ms) => {
      all.push(ms)
      if (last !== undefined) times[last].push(ms)
      last = undefined
    })
  })
  const errors = {
    transport: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    application,
    total: result.errors + result.non2xx + application,
    samples: [...samples]
  }
  return {
    surface: options.surface,
    connections: options.connections,
    durationSeconds: result.duration,
    responses: { retrieve: times.retrieve.length, learn: times.learn.length },
    newTexts: {
      retrieve: options.bodies.fresh().retrieve - freshBefore.retrieve,
      learn: options.bodies.fresh().learn - freshBefore.learn
    },
    throughput: Math.round((all.length / result.duration) * 10) / 10,
    latency: summarize(all),
    retrieve: summarize(times.retrieve),
    learn: summarize(times.learn),
    errors,
    cacheHitRate: hitKnown === 0 ? undefined : Math.round((hits / hitKnown) * 1000) / 1000,
    autocannon: { requestsPerSecond: result.requests.average, p50: result.latency.p50, p99: result.latency.p99 }
  }
}
