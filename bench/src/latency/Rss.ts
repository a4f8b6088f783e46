/**
 * Peak resident set size per phase: `process.memoryUsage().rss` sampled on a timer while a phase runs
 * (and at its start and end), the maximum kept per phase name.
 *
 * @since 0.1.0
 */

/**
 * A running sampler.
 *
 * **Units** MiB (2^20 bytes), rounded to 0.1.
 *
 * @since 0.1.0
 * @category models
 */
export interface RssSampler {
  /** Runs `f` as phase `name` (a name used twice keeps the larger peak). */
  readonly phase: <A>(name: string, f: () => Promise<A>) => Promise<A>
  /** Peak RSS per phase so far. */
  readonly peaks: () => Readonly<Record<string, number>>
  /** Stops the timer. */
  readonly stop: () => void
}

const mib = (bytes: number): number => Math.round((bytes / 2 ** 20) * 10) / 10

/**
 * Starts a sampler reading RSS every `intervalMs` (default 20 ms). Samples are taken only when the event
 * loop is free, i.e. between awaits; synchronous work in a phase is bounded by the samples around it.
 *
 * @since 0.1.0
 * @category constructors
 */
export const rssSampler = (intervalMs: number = 20): RssSampler => {
  const peaks: Record<string, number> = {}
  let current: string | undefined
  const sample = () => {
    if (current === undefined) return
    const rss = process.memoryUsage().rss
    peaks[current] = Math.max(peaks[current] ?? 0, mib(rss))
  }
  const timer = setInterval(sample, intervalMs)
  timer.unref()
  return {
    phase: async (name, f) => {
      const previous = current
      current = name
      sample()
      try {
        return await f()
      } finally {
        sample()
        current = previous
      }
    },
    peaks: () => ({ ...peaks }),
    stop: () => clearInterval(timer)
  }
}

/**
 * The process's peak RSS since it started (`process.resourceUsage().maxRSS`), in MiB.
 *
 * @since 0.1.0
 * @category constructors
 */
export const processPeakRssMiB = (): number => mib(process.resourceUsage().maxRSS * 1024)
