/**
 * The `users` benchmark suite: what user ids cost on SQLite. User ids come from requests, so the
 * storage a preference takes and the latency of `addPreferences` must not grow with the number of
 * users. For 10, 100, 1,000, 10,000 and 100,000 users (a fresh file each), the suite stores
 * `max(users, 10,000)` preferences in `addPreferences` batches of 100 (every batch holds new users
 * until all exist), with the hash embedder (256 dimensions, so the embedder costs next to nothing),
 * and reports:
 *
 * - bytes per memory: growth of the file plus its WAL over the load, divided by the preferences;
 * - `addPreferences` latency per batch (p50, p99) and per preference, and the p50 of the last tenth of
 *   the batches (a cost per user would show as a rise);
 * - `retrieve` p50 of one user's preferences (the engine, vector and lexical search) after the load;
 * - FTS5 tables and vec0 chunks in the file.
 *
 * `--quick` stops at 1,000 users with 1,000 preferences per size. An untimed warm-up load (10 users,
 * 500 preferences) runs first. The retrieval cache is off, so every `retrieve` searches.
 *
 * @since 0.1.0
 */
import { Clock, Data, Duration, Effect } from "effect"
import { mkdtempSync, rmSync, statSync } from "node:fs"
import { tmpdir } from "node:os"
import * as path from "node:path"
import { Alma, AlmaService, HashEmbedder, SqliteStorage } from "alma-memory"
import { describeCause } from "../describeCause.js"
import type { BenchReport, Suite } from "../Suite.js"
import { countTables } from "./Inspect.js"

/**
 * A failure of the run (a file that cannot be created, a store that fails).
 *
 * @since 0.1.0
 * @category errors
 */
export class UsersBenchError extends Data.TaggedError("UsersBenchError")<{
  readonly message: string
  readonly cause?: unknown
}> {}

/**
 * The figures of one user count.
 *
 * **Units** `bytesPerMemory`: bytes; latencies: milliseconds.
 *
 * @since 0.1.0
 * @category models
 */
export interface UsersPoint {
  readonly users: number
  readonly memories: number
  readonly bytesPerMemory: number
  readonly batchP50Ms: number
  readonly batchP99Ms: number
  readonly perPreferenceMs: number
  readonly lastTenthP50Ms: number
  readonly retrieveP50Ms: number
  readonly ftsTables: number
  readonly vectorChunks: number
}

/** User counts of a full run, and of `--quick`. */
const fullUsers = [10, 100, 1_000, 10_000, 100_000]
const quickUsers = [10, 100, 1_000]
const batchSize = 100
const retrieves = 50

const quantile = (sorted: ReadonlyArray<number>, q: number): number =>
  sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!

const round = (x: number, places = 2) => Math.round(x * 10 ** places) / 10 ** places

const bytesOn = (filename: string) =>
  [filename, `${filename}-wal`].reduce((sum, f) => sum + (statSync(f, { throwIfNoEntry: false })?.size ?? 0), 0)

const millisSince = (start: bigint) => Effect.map(Clock.currentTimeNanos, (now) => Number(now - start) / 1e6)

/** Loads `memories` preferences over `users` users into a fresh file in `directory`; its figures. */
const measure = (users: number, memories: number, directory: string, onBatch: () => void) =>
  Effect.gen(function*() {
    const filename = path.join(directory, `users-${users}-${memories}.db`)
    const stack = Alma.layerWith(SqliteStorage.layerWith({ filename }), HashEmbedder.layer, {
      projectId: "bench",
      allowUnknownAgents: true,
      // No retrieval cache: every retrieve searches (users repeat at small counts).
      cache: { timeToLive: Duration.zero }
    })
    return yield* Effect.gen(function*() {
      const alma = yield* AlmaService.Alma
      yield* alma.stats()
      const before = bytesOn(filename)
      const batches: Array<number> = []
      for (let start = 0; start < memories; start += batchSize) {
        const batch = Array.from({ length: Math.min(batchSize, memories - start) }, (_, i) => {
          const n = start + i
          return {
            userId: `user-${n % users}`,
            category: ["style", "tools", "workflow"][n % 3]!,
            preference: `prefers answers of kind ${n % 97} with ${n % 2 === 0 ? "short" : "long"} sentences`
          }
        })
        const t0 = yield* Clock.currentTimeNanos
        yield* alma.addPreferences(batch)
        batches.push(yield* millisSince(t0))
        onBatch()
      }
      const bytesPerMemory = (bytesOn(filename) - before) / memories
      const times: Array<number> = []
      for (let i = 0; i < retrieves; i++) {
        const t0 = yield* Clock.currentTimeNanos
        yield* alma.retrieve({ task: "short sentences please", agent: "bench", userId: `user-${(i * 7) % users}` })
        times.push(yield* millisSince(t0))
      }
      const tail = batches.slice(Math.floor(batches.length * 0.9)).sort((a, b) => a - b)
      const sorted = [...batches].sort((a, b) => a - b)
      const counts = yield* countTables(filename)
      const point: UsersPoint = {
        users,
        memories,
        bytesPerMemory: Math.round(bytesPerMemory),
        batchP50Ms: round(quantile(sorted, 0.5)),
        batchP99Ms: round(quantile(sorted, 0.99)),
        perPreferenceMs: round(batches.reduce((a, b) => a + b, 0) / memories, 3),
        lastTenthP50Ms: round(quantile(tail, 0.5)),
        retrieveP50Ms: round(quantile(times.sort((a, b) => a - b), 0.5)),
        ...counts
      }
      return point
    }).pipe(Effect.provide(stack))
  })

const markdown = (points: ReadonlyArray<UsersPoint>): string =>
  [
    "## users: storage and addPreferences latency by number of users (SQLite)",
    "",
    "| users | preferences | bytes / memory | batch of 100 p50 (ms) | p99 (ms) | last tenth p50 (ms) | " +
    "ms / preference | retrieve p50 (ms) | FTS5 tables | vec0 chunks |",
    "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ...points.map((p) =>
      `| ${p.users.toLocaleString("en")} | ${p.memories.toLocaleString("en")} | ` +
      `${p.bytesPerMemory.toLocaleString("en")} | ` +
      `${p.batchP50Ms} | ${p.batchP99Ms} | ${p.lastTenthP50Ms} | ${p.perPreferenceMs} | ${p.retrieveP50Ms} | ` +
      `${p.ftsTables} | ${p.vectorChunks} |`
    )
  ].join("\n")

/**
 * Runs the suite for the given user counts (default: 10 to 100,000, or up to 1,000 with `quick`).
 *
 * **Errors** `UsersBenchError` wrapping whatever failed.
 *
 * @since 0.1.0
 * @category constructors
 */
export const runUsersWith = (
  options: Parameters<Suite>[0] & { readonly users?: ReadonlyArray<number> | undefined }
): Effect.Effect<BenchReport, UsersBenchError> =>
  Effect.gen(function*() {
    const quick = options.quick === true
    const counts = options.users ?? (quick ? quickUsers : fullUsers)
    const memoriesOf = (users: number) => quick ? Math.max(users, 1_000) : Math.max(users, 10_000)
    const total = counts.reduce((n, u) => n + Math.ceil(memoriesOf(u) / batchSize), 0)
    let done = 0
    const directory = yield* Effect.acquireRelease(
      Effect.sync(() => mkdtempSync(path.join(tmpdir(), "bench-users-"))),
      (dir) => Effect.sync(() => rmSync(dir, { recursive: true, force: true }))
    )
    // Untimed warm-up (JIT, first-file costs), so the first user count is not measured cold.
    yield* measure(10, 500, directory, () => {})
    const points: Array<UsersPoint> = []
    for (const users of counts) {
      points.push(yield* measure(users, memoriesOf(users), directory, () => options.onProgress?.(++done, total)))
    }
    return { suite: "users", json: { batchSize, embedder: "hash-256", points }, markdown: markdown(points), charts: [] }
  }).pipe(
    Effect.scoped,
    Effect.mapError((cause) =>
      cause instanceof UsersBenchError ? cause : new UsersBenchError({ message: describeCause(cause), cause })
    ),
    Effect.catchAllDefect((cause) => Effect.fail(new UsersBenchError({ message: describeCause(cause), cause })))
  )

/**
 * The suite `alma bench users` runs; `ALMA_BENCH_USERS` (comma-separated counts) overrides the user
 * counts.
 *
 * **Errors** `UsersBenchError`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const runUsers: Suite<UsersBenchError> = (options) => {
  const raw = process.env["ALMA_BENCH_USERS"]
  const users = raw === undefined || raw.trim() === "" ? undefined : raw.split(",").map((s) => Number(s.trim()))
  return runUsersWith({ ...options, users })
}
