/**
 * Gates for suites that need a real PostgreSQL or Redis.
 *
 * The URLs come from `ALMA_TEST_PG_URL` and `ALMA_TEST_REDIS_URL` (set by `scripts/services.sh`,
 * which `.ci/run` evaluates). Without them the suite is skipped with a visible notice, unless
 * `ALMA_REQUIRE_SERVICES=1` (as in CI), which turns the skip into a failing test.
 */
import { describe, it } from "vitest"

export type ServiceName = "postgres" | "redis"

const envVar: Record<ServiceName, string> = {
  postgres: "ALMA_TEST_PG_URL",
  redis: "ALMA_TEST_REDIS_URL"
}

/** The service's URL, or undefined when the environment does not provide it. */
export const serviceUrl = (service: ServiceName): string | undefined => {
  const value = process.env[envVar[service]]
  return value === undefined || value.trim() === "" ? undefined : value
}

/** Whether missing services must fail the run (CI). */
export const servicesRequired = (): boolean => process.env.ALMA_REQUIRE_SERVICES === "1"

/**
 * Registers `body(url)` as a describe block when the service is configured. Otherwise prints a
 * notice and skips it, or, under `ALMA_REQUIRE_SERVICES=1`, registers one failing test.
 */
export const describeWithService = (
  service: ServiceName,
  title: string,
  body: (url: string) => void
): void => {
  const url = serviceUrl(service)
  if (url !== undefined) {
    describe(title, () => body(url))
    return
  }
  const message = `${title}: ${envVar[service]} is not set; run \`eval "$(scripts/services.sh)"\` to test against a real ${service}`
  if (servicesRequired()) {
    describe(title, () => {
      it(`requires ${service} (ALMA_REQUIRE_SERVICES=1)`, () => {
        throw new Error(message)
      })
    })
  } else {
    console.warn(`[skipped] ${message}`)
    describe.skip(title, () => body(""))
  }
}
