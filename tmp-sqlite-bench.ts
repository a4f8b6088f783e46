import { DateTime, Effect, Layer } from "effect"
import { mkdtempSync, rmSync, statSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import * as SqliteStorage from "./layers/sqlite/SqliteStorage.js"
import { MemoryId } from "./src/domain/Ids.js"
import { Heuristic, Outcome, AntiPattern, DomainKnowledge, type Memory } from "./src/domain/Memory.js"
import * as Embedder from "./src/services/Embedder.js"
import * as Storage from "./src/services/Storage.js"

const DIM = 512
const AGENTS = 10
const PER_AGENT = 10_000
const SINGLE_KIND = process.argv[2] === "single"
let seed = 42
const rnd = () => { seed = (seed * 1664525 + 1013904223) >>> 0; return seed / 2 ** 32 }
const vocab = Array.from({ length: 5000 }, (_, i) => `w${i.toString(36)}x${(i * 7919 % 997).toString(36)}`)
const zipf = () => vocab[Math.min(vocab.length - 1, Math.floor(Math.exp(rnd() * Math.log(vocab.length))) - 1)]!
const sentence = (n: number) => Array.from({ length: n }, zipf).join(" ")
const randVec = () => { const v = new Float32Array(DIM); for (let i = 0; i < DIM; i++) v[i] = rnd() * 2 - 1; return Embedder.normalize(v) }
const kinds = SINGLE_KIND ? ["heuristic"] as const : ["heuristic", "outcome", "anti_pattern", "domain_knowledge"] as const
let counter = 0
const mk = (agent: string, kind: typeof kinds[number], at: number): Memory => {
  const hex = (counter++).toString(16).padStart(16, "0")
  const common = { projectId: "proj", createdAt: DateTime.unsafeMake(at), updatedAt: DateTime.unsafeMake(at), metadata: {}, provenance: [] }
  switch (kind) {
    case "heuristic": return Heuristic.make({ ...common, id: MemoryId.make(`heur_${hex}`), agent, taskType: "deploy", condition: sentence(8), strategy: sentence(6), confidence: 0.5, occurrenceCount: 3, successCount: 2, lastValidated: DateTime.unsafeMake(at) })
    case "outcome": return Outcome.make({ ...common, id: MemoryId.make(`out_${hex}`), agent, task: sentence(10), taskType: "deploy", success: true, strategyUsed: sentence(5) })
    case "anti_pattern": return AntiPattern.make({ ...common, id: MemoryId.make(`anti_${hex}`), agent, pattern: sentence(8), whyBad: sentence(6), betterAlternative: sentence(5), occurrenceCount: 2, lastSeen: DateTime.unsafeMake(at) })
    case "domain_knowledge": return DomainKnowledge.make({ ...common, id: MemoryId.make(`dk_${hex}`), agent, domain: "ops", fact: sentence(12), source: "x", confidence: 0.5, lastVerified: DateTime.unsafeMake(at) })
  }
}
const pct = (xs: number[], p: number) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(p * s.length))]! }
const dir = mkdtempSync(join(tmpdir(), "alma-bench-"))
const filename = join(dir, "bench.db")
const embedder = Layer.succeed(Embedder.Embedder, { model: "bench-512", dimensions: DIM, embed: () => Effect.die("no"), embedMany: () => Effect.die("no") })

const program = Effect.gen(function*() {
  const storage = yield* Storage.Storage
  let saveMs = 0
  for (let a = 0; a < AGENTS; a++) {
    for (let b = 0; b < PER_AGENT / 1000; b++) {
      const batch = Array.from({ length: 1000 }, (_, i) => ({ memory: mk(`agent${a}`, kinds[(b * 1000 + i) % kinds.length]!, b * 1000 + i), embedding: randVec() }))
      const t0 = performance.now()
      yield* storage.save(batch)
      saveMs += performance.now() - t0
    }
  }
  console.log(`inserted ${AGENTS * PER_AGENT} in ${(saveMs / 1000).toFixed(1)} s = ${Math.round(AGENTS * PER_AGENT / (saveMs / 1000))} memories/s; file ${(statSync(filename).size / 1e6).toFixed(0)} MB`)
  const scope: Storage.SearchScope = { projectId: "proj", owners: ["agent3"], kinds: [...kinds], k: 10 }
  const vs: number[] = [], ls: number[] = [], both: number[] = []
  let lexHits = 0
  for (let i = 0; i < 230; i++) {
    const q = randVec(), text = sentence(6)
    const t0 = performance.now()
    yield* storage.vectorSearch(scope, q)
    const t1 = performance.now()
    const h = yield* storage.lexicalSearch(scope, text)
    const t2 = performance.now()
    if (i >= 30) { vs.push(t1 - t0); ls.push(t2 - t1); both.push(t2 - t0); lexHits += h.length }
  }
  console.log(`kinds=${kinds.length} (partitions of ${PER_AGENT / kinds.length}) vector p50 ${pct(vs, .5).toFixed(2)} p95 ${pct(vs, .95).toFixed(2)} | lexical p50 ${pct(ls, .5).toFixed(2)} p95 ${pct(ls, .95).toFixed(2)} (avg hits ${(lexHits / 200).toFixed(1)}) | both p50 ${pct(both, .5).toFixed(2)} p95 ${pct(both, .95).toFixed(2)} ms`)
  const ids = Array.from({ length: 50 }, (_, i) => MemoryId.make(`heur_${(30_000 + i * 4).toString(16).padStart(16, "0")}`))
  const gs: number[] = []
  for (let i = 0; i < 100; i++) { const t0 = performance.now(); yield* storage.getMany("proj", ids); gs.push(performance.now() - t0) }
  console.log(`getMany(50) p50 ${pct(gs, .5).toFixed(2)} p95 ${pct(gs, .95).toFixed(2)} ms`)
}).pipe(Effect.provide(SqliteStorage.layerWith({ filename }).pipe(Layer.provide(embedder))))

Effect.runPromise(program).finally(() => rmSync(dir, { recursive: true, force: true }))
