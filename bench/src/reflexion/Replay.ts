/**
 * Replays parsed Reflexion runs through ALMA trial by trial: every attempt becomes `learn`, every
 * new lesson an explicit anti-pattern with the failed outcome as provenance, and before every retry
 * of a task with lessons, `retrieve` is asked for anti-patterns and the rank of the task's own
 * lesson is recorded.
 *
 * @since 0.1.0
 */
import { Effect } from "effect"
import { AlmaService, Inputs } from "alma-memory"
import type { Ids, Memory } from "alma-memory"
import type { Attempt, Run, TaskLog } from "./Model.js"
import { clip, planOf, summarize } from "./Model.js"
import type { QueryResult } from "./Metrics.js"
import { rankOf } from "./Metrics.js"

/**
 * Counts of one replayed run.
 *
 * **Units** all counts; `successAfterLesson`: tasks solved on a retry that had at least one lesson
 * stored; `routedBeforeSuccess`: of those, how many had their own lesson in the top 5 just before;
 * `overwrittenLessons`: lessons whose `whyBad` (the reflection) `learn` replaced by the time the run
 * ended (it refreshes an anti-pattern whose pattern resembles a new failure's strategy).
 *
 * @since 0.1.0
 * @category models
 */
export interface RunStats {
  readonly run: string
  readonly family: string
  readonly agent: string
  readonly tasks: number
  readonly attempts: number
  readonly lessons: number
  readonly tasksWithLessons: number
  readonly successAfterLesson: number
  readonly routedBeforeSuccess: number
  readonly formedAntiPatterns: number
  readonly formedHeuristics: number
  readonly overwrittenLessons: number
}

/**
 * A rendered prompt slice at one retry: what the agent would see.
 *
 * **Units** `maxTokens`: the budget passed to `toPrompt`.
 *
 * @since 0.1.0
 * @category models
 */
export interface Example {
  readonly family: string
  readonly run: string
  readonly taskKey: string
  readonly trial: number
  readonly task: string
  readonly rank?: number | undefined
  /** Whether that lesson still carries its reflection (see `RunStats.overwrittenLessons`). */
  readonly intact: boolean
  readonly maxTokens: number
  readonly prompt: string
}

/**
 * Everything a replay produced.
 *
 * **Shape** `clipped`: texts cut to ALMA's limits (task 32,000, other texts 8,000 characters).
 *
 * @since 0.1.0
 * @category models
 */
export interface ReplayResult {
  readonly queries: ReadonlyArray<QueryResult>
  readonly runs: ReadonlyArray<RunStats>
  readonly examples: ReadonlyArray<Example>
  readonly clipped: number
}

/**
 * A run to replay and the agent that replays it.
 *
 * @since 0.1.0
 * @category models
 */
export interface Plan {
  readonly run: Run
  readonly agent: string
}

/** Number of anti-patterns retrieved per routing query. */
const TOP_K = 5
/** Prompt budget of the example slices (tokens). */
const EXAMPLE_TOKENS = 300

/** Attempts in replay order: by trial then task (trial-major), or task by task. */
const steps = (run: Run): ReadonlyArray<{ readonly task: TaskLog; readonly attempt: Attempt }> => {
  const all = run.tasks.flatMap((task, t) => task.attempts.map((attempt, i) => ({ task, attempt, t, i })))
  if (run.order === "task-major") return all
  return [...all].sort((a, b) => a.attempt.trial - b.attempt.trial || a.t - b.t || a.i - b.i)
}

/**
 * Replays the plans in order (see the module description).
 *
 * **Shape** one query per retry (attempt after a failure) of a task with ≥ 1 stored lesson, plus
 * one per `altTask` variant; examples: the first retry of each family, rendered from a full
 * retrieval (all kinds) with `toPrompt({ maxTokens: 300 })`.
 * **Errors** those of `learn`, `addAntiPatterns` and `retrieve`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const replay = Effect.fn("Reflexion.replay")(function*(
  plans: ReadonlyArray<Plan>,
  onStep: () => void = () => {}
) {
  const alma = yield* AlmaService.Alma
  const queries: Array<QueryResult> = []
  const examples: Array<Example> = []
  const stats: Array<RunStats> = []
  let clipped = 0
  const fit = (text: string, max: number = Inputs.MAX_TEXT_LENGTH) => {
    const c = clip(text, max)
    if (c.clipped) clipped++
    return c.text
  }
  for (const { agent, run } of plans) {
    const taskType = run.family
    const state = new Map<string, { failures: number; lessons: Set<string>; hit: boolean }>()
    let pool = 0
    let attempts = 0
    let formedAntiPatterns = 0
    let formedHeuristics = 0
    let successAfterLesson = 0
    let routedBeforeSuccess = 0
    const reflections = new Map<string, string>()
    const isOwn = (m: Memory.AntiPattern, task: TaskLog) => m.metadata["run"] === run.id && m.metadata["taskKey"] === task.key
    const isIntact = (m: Memory.AntiPattern) => reflections.get(m.id) === m.whyBad
    for (const { attempt, task } of steps(run)) {
      const s = state.get(task.key) ?? { failures: 0, lessons: new Set<string>(), hit: false }
      state.set(task.key, s)
      const text = fit(task.task.trim().length > 0 ? task.task : task.key, Inputs.MAX_TASK_LENGTH)
      if (s.failures > 0 && s.lessons.size > 0) {
        const variants = [{ variant: "task", query: text }, ...(task.altTask ? [{ variant: task.altTask.label, query: fit(task.altTask.text, Inputs.MAX_TASK_LENGTH) }] : [])]
        for (const v of variants) {
          const slice = yield* alma.retrieve({ task: v.query, agent, kinds: ["anti_pattern"], topK: TOP_K })
          const keys = slice.antiPatterns.map((a) => (isOwn(a.memory, task) ? "own" : undefined))
          const rank = rankOf(keys, "own")
          const intactRank = rankOf(slice.antiPatterns.map((a) => (isOwn(a.memory, task) && isIntact(a.memory) ? "own" : undefined)), "own")
          if (v.variant === "task") s.hit = rank !== undefined
          queries.push({
            family: run.family,
            run: run.id,
            variant: v.variant,
            taskKey: task.key,
            trial: attempt.trial,
            ...(rank !== undefined ? { rank } : {}),
            ...(intactRank !== undefined ? { intactRank } : {}),
            returned: slice.antiPatterns.length,
            ownLessons: s.lessons.size,
            pool
          })
          if (v.variant === "task" && !examples.some((e) => e.family === run.family)) {
            const full = yield* alma.retrieve({ task: v.query, agent, maxTokens: EXAMPLE_TOKENS })
            examples.push({
              family: run.family,
              run: run.id,
              taskKey: task.key,
              trial: attempt.trial,
              task: clip(v.query, 400).text,
              ...(rank !== undefined ? { rank } : {}),
              intact: rank !== undefined && intactRank === rank,
              maxTokens: EXAMPLE_TOKENS,
              prompt: full.toPrompt({ maxTokens: EXAMPLE_TOKENS })
            })
          }
        }
      }
      const learned = yield* alma.learn({
        agent,
        task: text,
        taskType,
        outcome: attempt.success ? "success" : "failure",
        strategyUsed: fit(attempt.strategy),
        ...(attempt.feedback !== undefined ? { feedback: fit(attempt.feedback) } : {}),
        ...(attempt.errorMessage !== undefined ? { errorMessage: fit(attempt.errorMessage) } : {}),
        metadata: { bench: "reflexion", run: run.id, taskKey: task.key, trial: attempt.trial, lessonsBefore: s.lessons.size }
      })
      attempts++
      if (learned.antiPattern?.action === "created") {
        formedAntiPatterns++
        pool++
      }
      if (learned.heuristic?.action === "created") formedHeuristics++
      if (attempt.success && s.lessons.size > 0) {
        successAfterLesson++
        if (s.hit) routedBeforeSuccess++
      }
      if (!attempt.success) {
        s.failures++
        const fresh = attempt.lessonsAfter.filter((l) => !s.lessons.has(l))
        if (fresh.length > 0) {
          const provenance: ReadonlyArray<Ids.MemoryId> = [learned.outcome.id]
          const added = yield* alma.addAntiPatterns(fresh.map((lesson) => ({
            agent,
            taskType,
            pattern: fit(`${summarize(text)} — failed attempt (trial ${attempt.trial}): ${clip(attempt.strategy, 300).text}`),
            whyBad: fit(lesson),
            betterAlternative: fit(planOf(lesson)),
            provenance,
            metadata: { bench: "reflexion", run: run.id, taskKey: task.key, trial: attempt.trial }
          })))
          added.forEach((a) => reflections.set(a.id, a.whyBad))
          fresh.forEach((l) => s.lessons.add(l))
          pool += fresh.length
        }
      }
      yield* Effect.sync(onStep)
    }
    const stored = yield* alma.exportMemories({ kinds: ["anti_pattern"], agent })
    const overwrittenLessons = stored.filter((m) => m.kind === "anti_pattern" && reflections.has(m.id) && !isIntact(m)).length
    stats.push({
      run: run.id,
      family: run.family,
      agent,
      tasks: run.tasks.length,
      attempts,
      lessons: [...state.values()].reduce((n, x) => n + x.lessons.size, 0),
      tasksWithLessons: [...state.values()].filter((x) => x.lessons.size > 0).length,
      successAfterLesson,
      routedBeforeSuccess,
      formedAntiPatterns,
      formedHeuristics,
      overwrittenLessons
    })
  }
  return { queries, runs: stats, examples, clipped } satisfies ReplayResult
})
