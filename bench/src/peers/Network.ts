/**
 * A guard against network use while the peers run: `fetch` is replaced by one that records the URL and
 * rejects, and Node's diagnostics channels for outgoing HTTP requests and TCP client sockets are
 * watched. Every system under test must work offline; an attempt is recorded (and fails the run).
 *
 * @since 0.1.0
 */
import * as diagnostics from "node:diagnostics_channel"

/**
 * An installed guard.
 *
 * @since 0.1.0
 * @category models
 */
export interface NetworkGuard {
  /** What was attempted, in order (`fetch <url>`, `http <host>`, `socket <address>`). */
  readonly attempts: () => ReadonlyArray<string>
  /** Restores `fetch` and unsubscribes. */
  readonly restore: () => void
}

const channels = ["http.client.request.start", "undici:request:create", "net.client.socket"] as const

const describe = (channel: string, message: unknown): string => {
  const m = message as {
    request?: { host?: unknown; origin?: unknown; path?: unknown }
    socket?: { remoteAddress?: unknown; _host?: unknown; _pendingData?: unknown }
  }
  if (channel === "net.client.socket") {
    const s = m.socket
    return `socket ${String(s?.remoteAddress ?? s?._host ?? "(connecting)")}`
  }
  const r = m.request
  return `${channel === "undici:request:create" ? "undici" : "http"} ${String(r?.origin ?? r?.host ?? "?")}${
    typeof r?.path === "string" ? r.path : ""
  }`
}

/**
 * Installs the guard until `restore` is called.
 *
 * @since 0.1.0
 * @category constructors
 */
export const guardNetwork = (): NetworkGuard => {
  const attempts: Array<string> = []
  const original = globalThis.fetch
  globalThis.fetch = ((input: string | URL | Request) => {
    const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url
    attempts.push(`fetch ${url}`)
    return Promise.reject(new Error(`network access is disabled during the peers benchmark (${url})`))
  }) as typeof fetch
  const listeners = channels.map((name) => {
    const listener = (message: unknown) => {
      attempts.push(describe(name, message))
    }
    diagnostics.subscribe(name, listener)
    return () => diagnostics.unsubscribe(name, listener)
  })
  return {
    attempts: () => [...attempts],
    restore: () => {
      globalThis.fetch = original
      for (const off of listeners) off()
    }
  }
}
