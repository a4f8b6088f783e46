import { Effect } from "effect"
import { parseConfig } from "./config/AlmaConfig.js"
const cases = [
  "retrieval:\n  wieghts: {}\n", "agents:\n  helena:\n    can_lern: [x]\n", "retrieval:\n  default_top_k: -1\n",
  "embedding_provider: faiss", "embedding_dim: 384", "embedding_dim: abc", "agents:\n  h:\n    inherit_from: [v]\n",
  "a: b: c", "project_id: ${NOPE}", "retrieval: [1]", "agents: 3", "agents:\n  a: 3\n", "storage: memory\ndb_name: x.db",
  "retrieval:\n  weights: {similarity: 0, recency: 0, success: 0, confidence: 0}", "agents:\n  a:\n    share_with: [\"*\", \"b c\"]\n", "embedding_cache_size: 1.5", "'a': 1\n? [x]\n: 2\n"
]
for (const c of cases) {
  const r = Effect.runSync(Effect.either(parseConfig(c, { file: "/p/.alma/config.yaml", env: {} })))
  console.log(r._tag === "Left" ? r.left.message : "OK")
}
