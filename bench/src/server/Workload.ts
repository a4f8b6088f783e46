/**
 * The request mix of the `server` benchmark: pools of retrieval tasks and learn inputs drawn from the
 * latency suite's synthetic world, and the HTTP bodies of the two surfaces (RPC ndjson at `/rpc`, MCP
 * JSON-RPC `tools/call` at `/mcp`) with the checks that classify each response as a success or an
 * application-level failure.
 *
 * @since 0.1.0
 */
import { rng } from "../latency/Corpus.js"
import type { LearnDraw, QueryText, Texts } from "../latency/World.js"
import { draw } from "../latency/World.js"

/**
 * The two surfaces of `alma serve` under load.
 *
 * @since 0.1.0
 * @category models
 */
export type Surface = "rpc" | "mcp"

/**
 * The two operations of the mix.
 *
 * @since 0.1.0
 * @category models
 */
export type Operation = "retrieve" | "learn"

/**
 * What a response said: `ok` when the call succeeded end to end (2xx and an application-level
 * success); `cacheHit` only for an RPC `retrieve` (`MemorySlice.cacheHit`; MCP does not expose it).
 *
 * @since 0.1.0
 * @category models
 */
export interface Verdict {
  readonly ok: boolean
  readonly cacheHit?: boolean | undefined
  /** Short reason of a failure (status, error tag), for the report's samples. */
  readonly reason?: string | undefined
}

/**
 * The inputs a run draws from.
 *
 * **Units** counts: `tasks` distinct retrieval tasks (agents taking turns), `learns` distinct learn
 * inputs (70% successes).
 *
 * @since 0.1.0
 * @category models
 */
export interface Pools {
  readonly tasks: ReadonlyArray<QueryText>
  readonly learns: ReadonlyArray<LearnDraw>
}

/**
 * Draws the pools from `texts` with a fixed seed (every run sends the same texts in the same order).
 *
 * @since 0.1.0
 * @category constructors
 */
export const makePools = (texts: Texts, sizes: { readonly tasks: number; readonly learns: number }): Pools => {
  const inputs = draw(texts, 4_242)
  return { tasks: inputs.queries(sizes.tasks), learns: inputs.learnInputs(sizes.learns) }
}

/**
 * A deterministic stream of bodies over the pools: each call picks the next input (retrieval tasks in
 * a seeded random order, so repeats are spread over the run; learn inputs round-robin).
 *
 * @since 0.1.0
 * @category models
 */
export interface Bodies {
  readonly next: (operation: Operation) => string
  /** Bodies produced so far, per operation. */
  readonly sent: () => Readonly<Record<Operation, number>>
  /**
   * Bodies so far whose task text had not been sent before by this stream, per operation: each of
   * them costs the server at least one uncached embedding (the embedding cache holds 10,000 texts).
   */
  readonly fresh: () => Readonly<Record<Operation, number>>
}

const rpcLine = (id: number, tag: string, payload: object) =>
  `${JSON.stringify({ _tag: "Request", id: String(id), tag, payload, headers: [] })}\n`

const mcpCall = (id: number, name: string, args: object) =>
  JSON.stringify({ jsonrpc: "2.0", id, method: "tools/call", params: { name, arguments: args } })

const rpcBody = (id: number, operation: Operation, pools: Pools, pick: number): string => {
  if (operation === "retrieve") {
    const q = pools.tasks[pick]!
    return rpcLine(id, "Retrieve", { task: q.text, agent: q.agent })
  }
  const l = pools.learns[pick]!
  return rpcLine(id, "Learn", {
    agent: l.agent,
    task: l.task,
    outcome: l.outcome,
    strategyUsed: l.strategyUsed,
    taskType: l.taskType,
    durationMs: l.durationMs,
    ...(l.errorMessage === undefined ? {} : { errorMessage: l.errorMessage })
  })
}

const mcpBody = (id: number, operation: Operation, pools: Pools, pick: number): string => {
  if (operation === "retrieve") {
    const q = pools.tasks[pick]!
    return mcpCall(id, "alma_retrieve", { task: q.text, agent: q.agent })
  }
  const l = pools.learns[pick]!
  return mcpCall(id, "alma_learn", {
    agent: l.agent,
    task: l.task,
    outcome: l.outcome,
    strategy_used: l.strategyUsed,
    task_type: l.taskType,
    duration_ms: l.durationMs,
    ...(l.errorMessage === undefined ? {} : { error_message: l.errorMessage })
  })
}

/**
 * The body stream of one surface.
 *
 * @since 0.1.0
 * @category constructors
 */
export const bodies = (surface: Surface, pools: Pools, seed: number): Bodies => {
  const r = rng(seed)
  let id = 0
  let learnTurn = 0
  const counts: Record<Operation, number> = { retrieve: 0, learn: 0 }
  const fresh: Record<Operation, number> = { retrieve: 0, learn: 0 }
  const seen = new Set<string>()
  const build = surface === "rpc" ? rpcBody : mcpBody
  return {
    next: (operation) => {
      counts[operation]++
      const pick = operation === "retrieve" ? r.int(pools.tasks.length) : learnTurn++ % pools.learns.length
      const text = operation === "retrieve" ? pools.tasks[pick]!.text : pools.learns[pick]!.task
      if (!seen.has(text)) {
        seen.add(text)
        fresh[operation]++
      }
      return build(++id, operation, pools, pick)
    },
    sent: () => ({ ...counts }),
    fresh: () => ({ ...fresh })
  }
}

/**
 * The HTTP request of one surface (path and headers; the body comes from {@link bodies}).
 *
 * @since 0.1.0
 * @category constructors
 */
export const request = (surface: Surface): { readonly path: string; readonly headers: Record<string, string> } =>
  surface === "rpc"
    ? { path: "/rpc", headers: { "content-type": "application/ndjson" } }
    : { path: "/mcp", headers: { "content-type": "application/json", accept: "application/json, text/event-stream" } }

const parse = (text: string): unknown => {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}

const field = (u: unknown, key: string): unknown =>
  typeof u === "object" && u !== null ? (u as Record<string, unknown>)[key] : undefined

/** An RPC response: the `Exit` line of the request (ndjson; a failure is `exit._tag: "Failure"`). */
const rpcVerdict = (operation: Operation, body: string): Verdict => {
  const line = body.split("\n").find((l) => l.includes("\"Exit\""))
  const message = line === undefined ? undefined : parse(line)
  const exit = field(message, "exit")
  if (field(exit, "_tag") === "Success") {
    const hit = operation === "retrieve" ? field(field(exit, "value"), "cacheHit") : undefined
    return { ok: true, cacheHit: typeof hit === "boolean" ? hit : undefined }
  }
  const error = field(field(field(exit, "cause"), "error"), "_tag") ?? field(field(exit, "cause"), "_tag")
  return { ok: false, reason: exit === undefined ? "no Exit line" : `Failure ${String(error ?? "")}`.trim() }
}

/** An MCP response: a JSON-RPC `result` with `isError: false`, or the `error` / tool error tag. */
const mcpVerdict = (body: string): Verdict => {
  const message = parse(body)
  const result = field(message, "result")
  if (result !== undefined && field(result, "isError") !== true) return { ok: true }
  const rpcError = field(message, "error")
  if (rpcError !== undefined) return { ok: false, reason: `JSON-RPC error ${String(field(rpcError, "code"))}` }
  const tag = field(field(result, "structuredContent"), "_tag")
  return { ok: false, reason: result === undefined ? "not JSON-RPC" : `isError ${String(tag ?? "")}`.trim() }
}

/**
 * Classifies one response: non-2xx statuses, unparseable bodies, RPC `Failure` exits and MCP errors
 * (`error`, or `result.isError: true`) are failures.
 *
 * @since 0.1.0
 * @category constructors
 */
export const verdict = (surface: Surface, operation: Operation, status: number, body: string): Verdict => {
  if (status < 200 || status > 299) return { ok: false, reason: `HTTP ${status}` }
  return surface === "rpc" ? rpcVerdict(operation, body) : mcpVerdict(body)
}
