/**
 * Grouping for consolidation: union-find over every pair of embeddings whose cosine similarity is at
 * least the threshold, so groups chain transitively (A~B and B~C put A, B and C together even when
 * A and C are far apart), as the original ALMA's `ConsolidationEngine` (reference §5.11).
 */
import { normalize } from "../vector.js"

/**
 * Tolerance on the threshold: a pair links when `cosine ≥ threshold − 1e-6`. Embeddings are stored
 * as Float32 (relative rounding ~6e-8 per component), so two identical texts may measure 0.9999999;
 * without it a threshold of 1 would never merge exact duplicates.
 */
export const SIMILARITY_TOLERANCE = 1e-6

/**
 * One group of at least two members.
 *
 * **Shape** `members`: indices into the input, ascending. **Units** `minSimilarity`: the weakest
 * link that holds the group together, i.e. the smallest cosine similarity on a maximum spanning tree
 * of the group (edges taken strongest first, Kruskal); the group would still form at any threshold up
 * to this value.
 */
export interface Group {
  readonly members: ReadonlyArray<number>
  readonly minSimilarity: number
}

/** Dot product over the common length, four lanes at a time (~1.5× faster than one on V8). */
const dotProduct = (a: Float32Array, b: Float32Array): number => {
  const len = Math.min(a.length, b.length)
  let s0 = 0
  let s1 = 0
  let s2 = 0
  let s3 = 0
  let d = 0
  for (; d + 3 < len; d += 4) {
    s0 += a[d]! * b[d]!
    s1 += a[d + 1]! * b[d + 1]!
    s2 += a[d + 2]! * b[d + 2]!
    s3 += a[d + 3]! * b[d + 3]!
  }
  for (; d < len; d++) s0 += a[d]! * b[d]!
  return s0 + s1 + s2 + s3
}

/**
 * Groups the vectors by cosine similarity ≥ `threshold` (transitive). Singletons are not returned.
 * Groups come in the order of their smallest member index. **Cost** n(n−1)/2 dot products of
 * normalised copies, synchronous: for the original's 1,000 memories, 0.5–1.2 s at 256–512
 * dimensions and 2.6 s at 1,536, measured on a 2-core VM under load ~13 (random vectors).
 */
export const groupBySimilarity = (vectors: ReadonlyArray<Float32Array>, threshold: number): ReadonlyArray<Group> => {
  const n = vectors.length
  const unit = vectors.map((v) => normalize(v))
  const from: Array<number> = []
  const to: Array<number> = []
  const sims: Array<number> = []
  const cut = threshold - SIMILARITY_TOLERANCE
  for (let i = 0; i < n; i++) {
    const a = unit[i]!
    for (let j = i + 1; j < n; j++) {
      const dot = dotProduct(a, unit[j]!)
      if (dot >= cut) {
        from.push(i)
        to.push(j)
        sims.push(dot)
      }
    }
  }
  // Kruskal: strongest edges first, so the edge that joins two components is the group's weakest
  // necessary link. Ties are broken by index for a deterministic result.
  const order = sims.map((_, k) => k).sort((x, y) => sims[y]! - sims[x]! || from[x]! - from[y]! || to[x]! - to[y]!)
  const parent = Array.from({ length: n }, (_, i) => i)
  const weakest = new Array<number>(n).fill(Infinity)
  const find = (x: number): number => {
    let root = x
    while (parent[root] !== root) root = parent[root]!
    while (parent[x] !== root) {
      const next = parent[x]!
      parent[x] = root
      x = next
    }
    return root
  }
  for (const k of order) {
    const ra = find(from[k]!)
    const rb = find(to[k]!)
    if (ra === rb) continue
    const [keep, drop] = ra < rb ? [ra, rb] : [rb, ra]
    parent[drop] = keep
    weakest[keep] = Math.min(weakest[keep]!, weakest[drop]!, sims[k]!)
  }
  const byRoot = new Map<number, Array<number>>()
  for (let i = 0; i < n; i++) {
    const root = find(i)
    const members = byRoot.get(root)
    if (members) members.push(i)
    else byRoot.set(root, [i])
  }
  return [...byRoot.entries()]
    .filter(([, members]) => members.length > 1)
    .map(([root, members]) => ({ members, minSimilarity: weakest[root]! }))
    .sort((x, y) => x.members[0]! - y.members[0]!)
}
