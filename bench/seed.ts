/**
 * Seeding: builds synthetic memories with the domain Schema classes and writes them through
 * `Storage.save` in batches (one transaction each). The save calls are timed: that is benchmark 3.
 * The code lives in `src/bench/latency/Seed.ts`, shared with `alma bench latency`.
 */
export * from "../src/bench/latency/Seed.js"
