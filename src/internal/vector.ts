/**
 * Vector maths on embeddings (`Float32Array`s): unit-length scaling and cosine similarity.
 */

/**
 * Scales a vector to unit length (zero vectors are returned unchanged).
 *
 * @since 0.1.0
 * @category constructors
 */
export const normalize = (v: Float32Array): Float32Array => {
  let sum = 0
  for (let i = 0; i < v.length; i++) sum += v[i]! * v[i]!
  const norm = Math.sqrt(sum)
  if (norm === 0) return v
  const out = new Float32Array(v.length)
  for (let i = 0; i < v.length; i++) out[i] = v[i]! / norm
  return out
}

/**
 * Cosine similarity of two vectors, in [-1, 1] (0 when either is zero).
 *
 * @since 0.1.0
 * @category constructors
 */
export const cosine = (a: Float32Array, b: Float32Array): number => {
  let dot = 0
  let na = 0
  let nb = 0
  const n = Math.min(a.length, b.length)
  for (let i = 0; i < n; i++) {
    dot += a[i]! * b[i]!
    na += a[i]! * a[i]!
    nb += b[i]! * b[i]!
  }
  return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb)
}
