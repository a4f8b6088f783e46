/**
 * Synthetic corpus of the benchmarks: a seeded PRNG, word lists and the text generators for every
 * memory kind and for queries. The code lives in `src/bench/latency/Corpus.ts`, shared with
 * `alma bench latency` and `alma bench peers`.
 */
export * from "../src/bench/latency/Corpus.js"
