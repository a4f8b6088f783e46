import { DateTime, Effect } from "effect"
import { encodeRows } from "../../../layers/postgres/internal/bulk.js"
import { prepareRows } from "../../../layers/postgres/internal/queries.js"
import { MemoryId } from "../../domain/Ids.js"
import { Heuristic } from "../../domain/Memory.js"
import * as Embedder from "../../services/Embedder.js"
const dims = 512
const recs = Array.from({ length: 10000 }, (_, i) => {
  const at = DateTime.unsafeMake(1_700_000_000_000 + i * 1000)
  return { memory: Heuristic.make({ id: MemoryId.make(`heur_${i.toString(16).padStart(16, "0")}`), projectId: "bench", createdAt: at, updatedAt: at, metadata: {}, provenance: [], agent: `agent${i % 10}`, taskType: "deploy", condition: "deploy rollback cache retry", strategy: "s", confidence: 0.5, occurrenceCount: 1, successCount: 1, lastValidated: at }),
    embedding: Embedder.normalize(Float32Array.from({ length: dims }, () => Math.random() - 0.5)) }
})
let t = performance.now()
const rows = Effect.runSync(prepareRows(recs, dims))
console.log("prepareRows", (performance.now() - t).toFixed(0), "ms")
t = performance.now()
let n = 0
for (let i = 0; i < rows.length; i += 256) n += encodeRows(rows.slice(i, i + 256)).length
console.log("encodeRows", (performance.now() - t).toFixed(0), "ms", n, "bytes")
for (let k = 0; k < 3; k++) {
  t = performance.now()
  for (let i = 0; i < rows.length; i += 256) encodeRows(rows.slice(i, i + 256))
  console.log("encodeRows again", (performance.now() - t).toFixed(0), "ms")
}
t = performance.now()
Effect.runSync(prepareRows(recs, dims))
console.log("prepareRows again", (performance.now() - t).toFixed(0), "ms")
