import { describe, expect, it } from "vitest"
import { fnv1a, mix32 } from "../../src/latency/Hash.js"

// The corpus (and so every latency figure's inputs) depends on these exact values.
describe("corpus hashes (a copy of the product's private internal/hash.ts)", () => {
  it("fnv1a: the published 32-bit FNV-1a test vectors", () => {
    expect(fnv1a("")).toBe(0x811c9dc5)
    expect(fnv1a("a")).toBe(0xe40c292c)
    expect(fnv1a("foobar")).toBe(0xbf9cf968)
  })

  it("mix32: MurmurHash3's fmix32 (0 stays 0; outputs unsigned, one bit flips about half)", () => {
    expect(mix32(0)).toBe(0)
    expect(mix32(1)).toBe(0x514e28b7)
    expect(mix32(-1)).toBeGreaterThanOrEqual(0)
    const flipped = (mix32(0x1234) ^ mix32(0x1235)) >>> 0
    const bits = flipped.toString(2).split("").filter((b) => b === "1").length
    expect(bits).toBeGreaterThan(8)
    expect(bits).toBeLessThan(24)
  })
})
