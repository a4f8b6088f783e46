/**
 * The paraphrase benchmark's data model: scripted agents (one per domain), each with scenarios whose
 * outcomes form families (one strategy told in different words), templated failures on unrelated
 * tasks, and queries; plus the flattening of that script into learn steps and queries.
 *
 * @since 0.1.0
 */

/**
 * A family as written: the paraphrases of one strategy, one per learned outcome, in order.
 *
 * @since 0.1.0
 * @category models
 */
export interface FamilySpec {
  readonly strategies: ReadonlyArray<string>
}

/**
 * A failure family as written: its paraphrases plus error messages (outcome `i` gets
 * `errors[i % errors.length]`).
 *
 * @since 0.1.0
 * @category models
 */
export interface FailureFamilySpec extends FamilySpec {
  readonly errors: ReadonlyArray<string>
}

/**
 * One kind of task of a domain: what works (the success family), what fails (the failure family),
 * the learned task texts (outcome `i` of either family gets `tasks[i % tasks.length]`, so one task is
 * attempted both ways, as an agent that fails then succeeds would), and held-out task texts that are
 * only queried.
 *
 * @since 0.1.0
 * @category models
 */
export interface ScenarioSpec {
  readonly key: string
  readonly summary: string
  readonly tasks: ReadonlyArray<string>
  readonly heldOut: ReadonlyArray<string>
  readonly success: FamilySpec
  readonly failure: FailureFamilySpec
}

/**
 * One scripted agent: its domain (the task type of every outcome it learns), scenarios, failures on
 * unrelated tasks that all carry the same generic strategy text, and tasks of domains it never learned.
 *
 * @since 0.1.0
 * @category models
 */
export interface DomainSpec {
  readonly domain: string
  readonly agent: string
  readonly scenarios: ReadonlyArray<ScenarioSpec>
  readonly templated: {
    readonly strategy: string
    readonly failures: ReadonlyArray<{ readonly task: string; readonly error: string }>
  }
  readonly offTopic: ReadonlyArray<string>
}

/**
 * A family after flattening. `expected` families should form exactly one memory of `kind`; a
 * templated family is one unrelated task's single failure and should form nothing (and never merge).
 *
 * **Shape** `id`: `<domain>/<scenario>/success|failure`, or `<domain>/templated/<n>`; `scenario`:
 * `<domain>/<scenario>` (`<domain>/templated` for templated families).
 *
 * @since 0.1.0
 * @category models
 */
export interface Family {
  readonly id: string
  readonly domain: string
  readonly agent: string
  readonly scenario: string
  readonly polarity: "success" | "failure"
  readonly templated: boolean
  readonly kind: "heuristic" | "anti_pattern"
  readonly size: number
  readonly expected: boolean
}

/**
 * One `learn` call of the script.
 *
 * @since 0.1.0
 * @category models
 */
export interface LearnStep {
  readonly family: string
  readonly agent: string
  readonly taskType: string
  readonly task: string
  readonly success: boolean
  readonly strategy: string
  readonly errorMessage?: string | undefined
}

/**
 * One `retrieve` call: a held-out task of a scenario (`on-topic`), a task of no learned domain
 * (`off-topic`), or another agent's held-out task (`other-domain`, off-topic for this agent too).
 *
 * @since 0.1.0
 * @category models
 */
export interface Query {
  readonly id: string
  readonly agent: string
  readonly domain: string
  readonly task: string
  readonly kind: "on-topic" | "off-topic" | "other-domain"
  readonly scenario?: string | undefined
}

/**
 * The flattened benchmark.
 *
 * @since 0.1.0
 * @category models
 */
export interface Dataset {
  readonly domains: ReadonlyArray<DomainSpec>
  readonly families: ReadonlyArray<Family>
  readonly steps: ReadonlyArray<LearnStep>
  readonly queries: ReadonlyArray<Query>
}

/**
 * Outcomes a family needs before a memory is expected: 3 for a heuristic
 * (`min_occurrences_for_heuristic`, library default) and 2 for an anti-pattern (library default).
 *
 * @since 0.1.0
 * @category constructors
 */
export const expectedAt = { heuristic: 3, anti_pattern: 2 } as const

/** Deterministic PRNG (mulberry32) in [0, 1). */
const mulberry32 = (seed: number) => () => {
  let t = (seed = (seed + 0x6D2B79F5) | 0)
  t = Math.imul(t ^ (t >>> 15), t | 1)
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296
}

/**
 * Fisher–Yates shuffle with a fixed seed (same order on every run).
 *
 * @since 0.1.0
 * @category constructors
 */
export const shuffle = <A>(items: ReadonlyArray<A>, seed: number): ReadonlyArray<A> => {
  const random = mulberry32(seed)
  const out = [...items]
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    ;[out[i], out[j]] = [out[j]!, out[i]!]
  }
  return out
}

const familyOf = (
  domain: DomainSpec,
  id: string,
  scenario: string,
  polarity: Family["polarity"],
  size: number,
  templated: boolean
): Family => {
  const kind = polarity === "success" ? "heuristic" : "anti_pattern"
  return { id, domain: domain.domain, agent: domain.agent, scenario, polarity, templated, kind, size, expected: !templated && size >= expectedAt[kind] }
}

/**
 * Flattens the script: families, learn steps (each agent's outcomes in a fixed shuffled order, agents
 * one after another), and queries (per agent: its scenarios' held-out tasks, its off-topic tasks,
 * and the first held-out task of each scenario of the next agent's domain).
 *
 * @since 0.1.0
 * @category constructors
 */
export const flatten = (domains: ReadonlyArray<DomainSpec>): Dataset => {
  const families: Array<Family> = []
  const steps: Array<LearnStep> = []
  const queries: Array<Query> = []
  domains.forEach((d, di) => {
    const own: Array<LearnStep> = []
    for (const s of d.scenarios) {
      const scenario = `${d.domain}/${s.key}`
      const ok = `${scenario}/success`
      const bad = `${scenario}/failure`
      families.push(familyOf(d, ok, scenario, "success", s.success.strategies.length, false))
      families.push(familyOf(d, bad, scenario, "failure", s.failure.strategies.length, false))
      const base = { agent: d.agent, taskType: d.domain }
      s.success.strategies.forEach((strategy, i) =>
        own.push({ ...base, family: ok, task: s.tasks[i % s.tasks.length]!, success: true, strategy })
      )
      s.failure.strategies.forEach((strategy, i) =>
        own.push({
          ...base,
          family: bad,
          task: s.tasks[i % s.tasks.length]!,
          success: false,
          strategy,
          errorMessage: s.failure.errors[i % s.failure.errors.length]
        })
      )
      s.heldOut.forEach((task, i) =>
        queries.push({ id: `${scenario}/held-out/${i + 1}`, agent: d.agent, domain: d.domain, task, kind: "on-topic", scenario })
      )
    }
    d.templated.failures.forEach((f, i) => {
      const id = `${d.domain}/templated/${i + 1}`
      families.push(familyOf(d, id, `${d.domain}/templated`, "failure", 1, true))
      own.push({ family: id, agent: d.agent, taskType: d.domain, task: f.task, success: false, strategy: d.templated.strategy, errorMessage: f.error })
    })
    steps.push(...shuffle(own, 1_000 + di))
    d.offTopic.forEach((task, i) =>
      queries.push({ id: `${d.domain}/off-topic/${i + 1}`, agent: d.agent, domain: d.domain, task, kind: "off-topic" })
    )
    const next = domains.length > 1 ? domains[(di + 1) % domains.length] : undefined
    next?.scenarios.forEach((s) => {
      const task = s.heldOut[0]
      if (task !== undefined) {
        queries.push({ id: `${d.domain}/other-domain/${next.domain}/${s.key}`, agent: d.agent, domain: d.domain, task, kind: "other-domain" })
      }
    })
  })
  return { domains, families, steps, queries }
}
