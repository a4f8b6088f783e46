/**
 * The synthetic world of the latency benchmarks: agents and their task types, the strategies and topic
 * sentences per task type, and the deterministic query, learn and insert inputs drawn from it.
 *
 * @since 0.1.0
 */
import type { Rng } from "./Corpus.js"
import { distinct, factText, rng, strategiesFor, taskText, taskTypes, topicSentence } from "./Corpus.js"

/**
 * Shape of the world.
 *
 * **Units** counts. Defaults: 10 agents, 12 task types per agent (of 24), 10 topic sentences and 8
 * strategies per task type.
 *
 * @since 0.1.0
 * @category models
 */
export interface WorldShape {
  readonly agents: number
  readonly typesPerAgent: number
  readonly topicsPerType: number
  readonly strategiesPerType: number
}

/**
 * The default shape (that of the first, superseded `npm run bench` harness, whose figures open
 * BENCHMARKS.md).
 *
 * @since 0.1.0
 * @category constructors
 */
export const defaultShape: WorldShape = { agents: 10, typesPerAgent: 12, topicsPerType: 10, strategiesPerType: 8 }

/**
 * The texts of a world, before any embedding.
 *
 * @since 0.1.0
 * @category models
 */
export interface Texts {
  readonly agents: ReadonlyArray<string>
  readonly agentTypes: ReadonlyMap<string, ReadonlyArray<string>>
  readonly strategies: ReadonlyMap<string, ReadonlyArray<string>>
  readonly topicTexts: ReadonlyMap<string, ReadonlyArray<string>>
}

/**
 * Agents `agent_00`…, each on `typesPerAgent` consecutive task types (shifted by 2 per agent).
 *
 * @since 0.1.0
 * @category constructors
 */
export const makeTexts = (shape: WorldShape = defaultShape): Texts => {
  const agents = Array.from({ length: shape.agents }, (_, a) => `agent_${String(a).padStart(2, "0")}`)
  return {
    agents,
    agentTypes: new Map(agents.map((agent, a) => [
      agent,
      Array.from({ length: shape.typesPerAgent }, (_, k) => taskTypes[(a * 2 + k) % taskTypes.length]!)
    ])),
    strategies: new Map(taskTypes.map((t) => [t, strategiesFor(t, shape.strategiesPerType)])),
    topicTexts: new Map(taskTypes.map((t) => [t, Array.from({ length: shape.topicsPerType }, (_, j) => topicSentence(t, j))]))
  }
}

/**
 * A query: the agent asking, its text, and the task type it was generated for.
 *
 * @since 0.1.0
 * @category models
 */
export interface QueryText {
  readonly agent: string
  readonly text: string
  readonly taskType: string
}

/**
 * A generator of distinct texts over one world: every text it returns differs from all the others it
 * returned (so each one misses every cache).
 *
 * @since 0.1.0
 * @category models
 */
export interface Draw {
  /** `count` queries, agents taking turns, each for one of its agent's task types. */
  readonly queries: (count: number) => Array<QueryText>
  /** `count` learn inputs (70% successes), agents taking turns, strategies from the task type's set. */
  readonly learnInputs: (count: number) => Array<LearnDraw>
  /** `count` domain facts of `agent`, each for one of its task types. */
  readonly facts: (agent: string, count: number) => Array<{ readonly domain: string; readonly fact: string }>
}

/**
 * One learn input (the shape of `LearnInput` with a task type).
 *
 * @since 0.1.0
 * @category models
 */
export interface LearnDraw {
  readonly agent: string
  readonly task: string
  readonly outcome: "success" | "failure"
  readonly strategyUsed: string
  readonly taskType: string
  readonly durationMs: number
  readonly errorMessage?: string
}

/**
 * A deterministic draw of inputs from `texts`, seeded by `seed`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const draw = (texts: Texts, seed: number): Draw => {
  const r: Rng = rng(seed)
  const used = new Set<string>()
  let turn = 0
  const nextAgent = () => texts.agents[turn++ % texts.agents.length]!
  return {
    queries: (count) => {
      const out: Array<QueryText> = []
      distinct(count, () => {
        const agent = nextAgent()
        const taskType = r.pick(texts.agentTypes.get(agent)!)
        const q = { agent, text: taskText(r, taskType), taskType }
        if (!used.has(q.text)) out.push(q)
        return q.text
      }, used)
      return out
    },
    learnInputs: (count) => {
      const out: Array<LearnDraw> = []
      distinct(count, () => {
        const agent = nextAgent()
        const taskType = r.pick(texts.agentTypes.get(agent)!)
        const success = r.next() < 0.7
        const input: LearnDraw = {
          agent,
          task: taskText(r, taskType),
          outcome: success ? "success" : "failure",
          strategyUsed: r.pick(texts.strategies.get(taskType)!),
          taskType,
          durationMs: 1000 + r.int(30_000),
          ...(success ? {} : { errorMessage: "Timeout while waiting for the page" })
        }
        if (!used.has(input.task)) out.push(input)
        return input.task
      }, used)
      return out
    },
    facts: (agent, count) => {
      const out: Array<{ readonly domain: string; readonly fact: string }> = []
      distinct(count, () => {
        const domain = r.pick(texts.agentTypes.get(agent)!)
        const fact = factText(r, domain)
        if (!used.has(fact)) out.push({ domain, fact })
        return fact
      }, used)
      return out
    }
  }
}
