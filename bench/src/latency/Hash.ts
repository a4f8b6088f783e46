/**
 * Small non-cryptographic hashes of the corpus generators: a copy of the product's private
 * `src/internal/hash.ts` (the bench uses only the public API, and these two functions are not part of
 * it). The generated corpus depends on their exact output, so keep them identical.
 *
 * @since 0.1.0
 */

/**
 * 32-bit FNV-1a over UTF-16 code units (Fowler–Noll–Vo), as an unsigned integer.
 *
 * @since 0.1.0
 * @category constructors
 */
export const fnv1a = (s: string): number => {
  let h = 0x811c9dc5
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return h >>> 0
}

/**
 * MurmurHash3's 32-bit finaliser: spreads every input bit over the output (unsigned result).
 *
 * @since 0.1.0
 * @category constructors
 */
export const mix32 = (x: number): number => {
  let h = x >>> 0
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  h ^= h >>> 16
  return h >>> 0
}
