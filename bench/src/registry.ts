/**
 * The benchmark suites the runner (`npm run bench -- <suite>`, `alma bench <suite>`) knows, by name.
 * Each entry loads its suite lazily, so the runner starts without importing any suite's code. The
 * `alma` CLI keeps the same names in `src/cli/spec.ts` (`benchSuites`); `bench/test/main.test.ts`
 * checks that the two lists agree.
 *
 * @since 0.1.0
 */
import type { Suite } from "./Suite.js"

/**
 * Suite name → loader.
 *
 * - `locomo`: turn-level evidence retrieval on LoCoMo (Maharana et al., 2024).
 * - `reflexion`: lesson routing replayed from Reflexion runs (Shinn et al., 2023).
 * - `latency`: retrieve / learn / batch-insert latency at 1k, 10k and 100k memories, with and without
 *   embedding; ingestion throughput; peak RSS; filtered top-10 with recall@10 against exact search. On
 *   SQLite, or on PostgreSQL (and Redis cache hits) with `--config` naming such a configuration.
 * - `peers`: the LoCoMo and latency workloads on ALMA, mem0ai/oss and @mastra/memory (devDependencies)
 *   with the same embedder, and ALMA/peer ratios from the same run.
 * - `server`: `alma serve` under HTTP load (RPC and MCP, 80% retrieve / 20% learn, fixed concurrency):
 *   throughput, p50 / p99 latency, errors.
 * - `learning`: paraphrased successes and failures of scripted agents (issue 18): formation precision /
 *   recall / F1, duplicates, cross-family merges, off-topic slice items, tokens per slice, and the
 *   repeat-mistake rate of a simulated agent following the slice.
 * - `users`: SQLite storage per memory and `addPreferences` latency for 10 to 100,000 users (user ids
 *   must not cost partitions).
 *
 * @since 0.1.0
 * @category constructors
 */
export const suites: Record<string, () => Promise<Suite>> = {
  locomo: () => import("./locomo/Locomo.js").then((m) => m.runLocomo),
  reflexion: () => import("./reflexion/index.js").then((m) => m.runReflexion),
  latency: () => import("./latency/Latency.js").then((m) => m.runLatency),
  peers: () => import("./peers/Peers.js").then((m) => m.runPeers),
  server: () => import("./server/Server.js").then((m) => m.runServer),
  users: () => import("./users/Users.js").then((m) => m.runUsers),
  learning: () => import("./learning/Learning.js").then((m) => m.runLearning)
}
