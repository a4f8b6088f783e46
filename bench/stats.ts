/**
 * Timing helpers: latency samples, percentiles (nearest rank) and the summary table. The code lives in
 * `src/bench/latency/Stats.ts`, shared with `alma bench latency`.
 */
export * from "../src/bench/latency/Stats.js"
