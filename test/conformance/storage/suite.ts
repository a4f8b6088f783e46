/**
 * Registration helpers of the Storage conformance suite: one `describe` block per backend, gated by
 * the backend's service (`describeWithService`), skipped with a notice when the backend is exempt
 * from the suite or not available, and the backends' targets removed after the file.
 */
import { afterAll, describe, it } from "@effect/vitest"
import { Effect } from "effect"
import * as Storage from "../../../src/services/Storage.js"
import { describeWithService } from "../../support/services.js"
import type { Backend, Exemptions } from "./backends.js"
import { backends, fresh } from "./backends.js"

let cleanupRegistered = false

/**
 * Registers `body(backend)` under `"<title> [<backend>]"` for every backend, unless the backend is
 * exempt from `suite` (then a skipped block states why).
 */
export const describeBackends = (
  title: string,
  body: (backend: Backend) => void,
  suite?: keyof Exemptions
): void => {
  if (!cleanupRegistered) {
    cleanupRegistered = true
    afterAll(async () => {
      for (const backend of backends) await backend.cleanup()
    })
  }
  for (const backend of backends) {
    const name = `${title} [${backend.name}]`
    const skip = (suite === undefined ? undefined : backend.exempt[suite]) ?? backend.unavailable?.()
    if (skip !== undefined) {
      console.warn(`[skipped] ${name}: ${skip}`)
      describe.skip(name, () => it("is skipped", () => {}))
    } else if (backend.service !== undefined) {
      describeWithService(backend.service, name, () => body(backend))
    } else {
      describe(name, () => body(backend))
    }
  }
}

/**
 * `it.effect` over a fresh, empty storage of the backend (vectors of `DIMENSIONS`).
 */
export const storageTest = (backend: Backend) =>
<A, E>(title: string, body: (storage: Storage.Service) => Effect.Effect<A, E>, timeout?: number) =>
  it.effect(title, () => Effect.flatMap(Storage.Storage, body).pipe(Effect.provide(fresh(backend))), timeout)
