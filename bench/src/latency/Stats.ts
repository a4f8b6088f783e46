/**
 * Timing helpers of the latency benchmarks: latency samples, nearest-rank percentiles, and plain-text
 * tables for the console.
 *
 * @since 0.1.0
 */
import { Console, Effect } from "effect"

/**
 * Summary of latency samples.
 *
 * **Units** ms (or whatever the samples are in); `n`: samples.
 *
 * @since 0.1.0
 * @category models
 */
export interface Summary {
  readonly n: number
  readonly p50: number
  readonly p95: number
  readonly p99: number
  readonly mean: number
  readonly min: number
  readonly max: number
}

const round = (x: number) => Math.round(x * 1000) / 1000

/**
 * Nearest-rank percentiles of `samples`, rounded to 3 decimals (all `NaN` when empty).
 *
 * @since 0.1.0
 * @category constructors
 */
export const summarize = (samples: ReadonlyArray<number>): Summary => {
  if (samples.length === 0) return { n: 0, p50: NaN, p95: NaN, p99: NaN, mean: NaN, min: NaN, max: NaN }
  const sorted = [...samples].sort((a, b) => a - b)
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!
  return {
    n: sorted.length,
    p50: round(at(50)),
    p95: round(at(95)),
    p99: round(at(99)),
    mean: round(sorted.reduce((s, x) => s + x, 0) / sorted.length),
    min: round(sorted[0]!),
    max: round(sorted[sorted.length - 1]!)
  }
}

/**
 * Runs `call(i)` for `warmup` untimed then `n` timed iterations (one await each, sequentially) and
 * returns the wall time of each timed call in ms (`performance.now()`).
 *
 * @since 0.1.0
 * @category constructors
 */
export const timeCalls = async (
  warmup: number,
  n: number,
  call: (i: number) => Promise<unknown>
): Promise<Array<number>> => {
  for (let i = 0; i < warmup; i++) await call(i)
  const samples: Array<number> = []
  for (let i = 0; i < n; i++) {
    const t0 = performance.now()
    await call(warmup + i)
    samples.push(performance.now() - t0)
  }
  return samples
}

/**
 * Prints a line to stdout (through effect's Console).
 *
 * @since 0.1.0
 * @category constructors
 */
export const log = (line: string): void => Effect.runSync(Console.log(line))

/**
 * A plain-text table with padded columns.
 *
 * @since 0.1.0
 * @category constructors
 */
export const table = (header: ReadonlyArray<string>, rows: ReadonlyArray<ReadonlyArray<string>>): string => {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)))
  const line = (cells: ReadonlyArray<string>) => cells.map((c, i) => c.padEnd(widths[i]!)).join("  ")
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n")
}

/**
 * Two decimals.
 *
 * @since 0.1.0
 * @category constructors
 */
export const ms = (x: number): string => x.toFixed(2)

/**
 * Two decimals, or "–" for a missing (non-finite) figure.
 *
 * @since 0.1.0
 * @category constructors
 */
export const f2 = (x: number): string => (Number.isFinite(x) ? x.toFixed(2) : "–")

/**
 * A rounded integer with thousands separators, or "–".
 *
 * @since 0.1.0
 * @category constructors
 */
export const int = (x: number): string => (Number.isFinite(x) ? Math.round(x).toLocaleString("en-US") : "–")

/**
 * A store size as `1k`, `100k` (or the plain number when not a whole thousand).
 *
 * @since 0.1.0
 * @category constructors
 */
export const sizeLabel = (n: number): string => (n >= 1000 && n % 1000 === 0 ? `${n / 1000}k` : String(n))
