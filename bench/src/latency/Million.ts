/**
 * The `latency` suite at larger stores, as a suite module for `alma bench <path>` (the CLI has no
 * option for store sizes): 1M memories by default (10 agents × 100,000), or the sizes listed in
 * `ALMA_BENCH_SIZES` (comma-separated, e.g. `300000`). Meant for PostgreSQL:
 *
 * ```sh
 * npm run bench -- bench/src/latency/Million.ts --config /tmp/alma-pg.yaml
 * ```
 *
 * See BENCHMARKS.md ("latency on PostgreSQL and Redis") for the expected duration and memory.
 *
 * @since 0.1.0
 */
import type { Suite } from "../Suite.js"
import { type BenchRunError, runLatencyWith } from "./Latency.js"

/**
 * Store sizes of the long run: `ALMA_BENCH_SIZES` when set, else 1M.
 *
 * @since 0.1.0
 * @category constructors
 */
export const scaleSizes = (raw: string | undefined = process.env["ALMA_BENCH_SIZES"]): ReadonlyArray<number> =>
  raw === undefined || raw.trim() === "" ? [1_000_000] : raw.split(",").map((s) => Number(s.trim()))

/**
 * The suite at `scaleSizes()`; every other option as `alma bench latency` (`--config`, `--quick`
 * ignored for the sizes).
 *
 * **Errors** `BenchRunError` (also for a size that is not a positive multiple of 10).
 *
 * @since 0.1.0
 * @category constructors
 */
export const suite: Suite<BenchRunError> = (options) => runLatencyWith({ ...options, sizes: scaleSizes() })
