/**
 * The benchmark-suite interface shared by the runner (`Run.ts`: `npm run bench -- <suite>`, `alma bench
 * <suite>`) and the suites themselves.
 *
 * @since 0.1.0
 */
import type { Effect } from "effect"

/**
 * Options every suite accepts (each documents which it uses).
 *
 * @since 0.1.0
 * @category models
 */
export interface BenchOptions {
  /** Dataset file or folder (each suite has a default under ../shared/datasets). */
  readonly dataset?: string | undefined
  /** ALMA configuration file for the configuration under test. */
  readonly config?: string | undefined
  /** A small slice of the data, for CI and smoke runs. */
  readonly quick?: boolean | undefined
  /** Called as work advances (for progress bars); `total` may be unknown. */
  readonly onProgress?: ((done: number, total: number | undefined) => void) | undefined
}

/**
 * A chart, as an SVG document.
 *
 * @since 0.1.0
 * @category models
 */
export interface Chart {
  /** File stem, e.g. `locomo-recall-by-category`. */
  readonly name: string
  readonly svg: string
}

/**
 * What a suite produces: machine-readable results, a Markdown section for BENCHMARKS.md (tables, no
 * machine/date header: the runner adds it), and charts.
 *
 * @since 0.1.0
 * @category models
 */
export interface BenchReport {
  readonly suite: string
  readonly json: unknown
  readonly markdown: string
  readonly charts: ReadonlyArray<Chart>
}

/**
 * A benchmark suite. Failures are errors the runner prints once (e.g. a dataset that cannot be read).
 *
 * @since 0.1.0
 * @category models
 */
export type Suite<E = unknown> = (options: BenchOptions) => Effect.Effect<BenchReport, E>
