/**
 * The Host and Origin rules of `src/server/Guard.ts` as pure functions, for the binds the end-to-end
 * tests do not start (a wildcard address, a named host, IPv6).
 */
import { describe, expect, it } from "vitest"
import * as Guard from "../../src/server/Guard.js"

const policy = (host: string, options: Partial<Pick<Guard.Options, "allowedHosts" | "allowedOrigins">> = {}) =>
  Guard.make({
    address: { _tag: "TcpAddress", hostname: host, port: 8765 },
    host,
    allowedHosts: options.allowedHosts ?? [],
    allowedOrigins: options.allowedOrigins ?? []
  })

describe("Host", () => {
  it("loopback bind: loopback names with the port only", () => {
    const p = policy("127.0.0.1")
    for (const h of ["127.0.0.1:8765", "localhost:8765", "[::1]:8765", "LocalHost.:8765", undefined]) expect(p.hostAllowed(h)).toBe(true)
    for (const h of ["127.0.0.1", "localhost:80", "evil.example:8765", "10.0.0.1:8765", "127.0.0.1:8765@evil", "", "[::1"]) {
      expect({ h, allowed: p.hostAllowed(h) }).toEqual({ h, allowed: false })
    }
  })

  it("wildcard bind: any IP literal with the port, no domain names unless listed", () => {
    const p = policy("0.0.0.0", { allowedHosts: ["alma.internal", "proxy.example:443"] })
    for (const h of ["10.1.2.3:8765", "[fe80::1]:8765", "localhost:8765", "alma.internal", "alma.internal:1", "proxy.example:443"]) {
      expect({ h, allowed: p.hostAllowed(h) }).toEqual({ h, allowed: true })
    }
    for (const h of ["10.1.2.3:80", "evil.example:8765", "proxy.example", "proxy.example:8765", "alma.internal.evil:8765"]) {
      expect({ h, allowed: p.hostAllowed(h) }).toEqual({ h, allowed: false })
    }
  })

  it("named and IPv6 binds, and * (any Host)", () => {
    expect(policy("alma.lan").hostAllowed("alma.lan:8765")).toBe(true)
    expect(policy("alma.lan").hostAllowed("other.lan:8765")).toBe(false)
    expect(policy("::1").hostAllowed("[::1]:8765")).toBe(true)
    expect(policy("127.0.0.1", { allowedHosts: ["*"] }).hostAllowed("anything:1")).toBe(true)
  })
})

describe("Origin", () => {
  it("no Origin passes; own origins pass; others, null and non-http schemes do not", () => {
    const p = policy("127.0.0.1", { allowedOrigins: ["https://app.example"] })
    for (const o of [undefined, "http://127.0.0.1:8765", "http://localhost:8765", "http://[::1]:8765", "https://app.example", "https://APP.example:443"]) {
      expect({ o, allowed: p.originAllowed(o) }).toEqual({ o, allowed: true })
    }
    for (const o of ["null", "https://evil.example", "http://app.example", "https://app.example:8443", "http://localhost:3000", "file://", "chrome-extension://abc", "garbage"]) {
      expect({ o, allowed: p.originAllowed(o) }).toEqual({ o, allowed: false })
    }
    expect(policy("127.0.0.1", { allowedOrigins: ["*"] }).originAllowed("https://evil.example")).toBe(true)
  })
})
