/**
 * Vectors of the benchmarks: a few hundred real USE-lite embeddings (cluster centres), cheap
 * perturbations of them for the 100k stored memories, and the "precomputed" embedder that serves
 * vectors from a table instead of running a model. The code lives in `src/bench/latency/Vectors.ts`,
 * shared with `alma bench latency`.
 */
export * from "../src/bench/latency/Vectors.js"
