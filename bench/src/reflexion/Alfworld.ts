/**
 * Parser of ALFWorld Reflexion env results: one JSON file per trial, each an array of
 * `{name, memory: [reflection…], is_success}`; the trial files of one run share a folder.
 *
 * @since 0.1.0
 */
import { Either, Schema } from "effect"
import * as path from "node:path"
import type { Attempt, Run, TaskLog } from "./Model.js"
import { hasLessons, naturalCompare, squash } from "./Model.js"

const Env = Schema.Struct({
  name: Schema.String,
  memory: Schema.Array(Schema.String),
  is_success: Schema.Boolean
})

/**
 * One env's state after a trial: its reflections so far and whether it has been solved.
 *
 * @since 0.1.0
 * @category models
 */
export type EnvResult = typeof Env.Type

const decodeFile = Schema.decodeUnknownEither(Schema.parseJson(Schema.NonEmptyArray(Env)))

/**
 * The env results in `text`, or `undefined` when it is not a non-empty JSON array of
 * `{name, memory, is_success}`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const decodeAlfworldResults = (text: string): ReadonlyArray<EnvResult> | undefined => {
  if (!text.trimStart().startsWith("[")) return undefined
  const decoded = decodeFile(text)
  return Either.isRight(decoded) ? decoded.right : undefined
}

/**
 * The trial number in a file name (`env_results_trial_7.json` → 7), if any.
 *
 * @since 0.1.0
 * @category constructors
 */
export const trialFromName = (file: string): number | undefined => {
  const m = /trial[_-]?(\d+)/i.exec(path.basename(file))
  return m ? Number(m[1]) : undefined
}

/**
 * A task description reconstructed from an env's first reflection: its "my plan was to …" clause,
 * else its "I should have …" clause, else its first sentence. The logs hold no task text; a real
 * agent would have the ALFWorld goal ("put a clean plate in countertop"), which these clauses
 * paraphrase.
 *
 * @since 0.1.0
 * @category constructors
 */
export const goalFromReflection = (reflection: string): string => {
  const text = squash(reflection)
  const plan = /plan was to (.+?)(?:\.\s|\.$|$)/i.exec(text)?.[1]
  if (plan !== undefined) return plan
  const should = /I should have (.+?)(?:\.\s|\.$|$)/.exec(text)?.[1]
  if (should !== undefined) return should
  return text.split(/(?<=[.!?])\s+/)[0] ?? text
}

/**
 * Assembles the trial files of one ALFWorld run into a run (family `alfworld`, trial-major).
 *
 * **Shape** trials are numbered by the `trial_<n>` pattern of the file names when every file has
 * one, else by file order (natural path order), from 0. One task per env `name`. An env has an
 * attempt in a trial until the first trial in which it is solved (`is_success` is cumulative in
 * the logs); the lessons after a failed attempt are the `memory` entries that appear for the first
 * time in that trial's file. Task text: `ALFWorld <name>: <goal reconstructed from the first
 * reflection>` (see {@link goalFromReflection}), or `ALFWorld <name>` for an env that never failed;
 * `altTask` is the env id alone (`ALFWorld <name>`), the pessimistic variant.
 *
 * @since 0.1.0
 * @category constructors
 */
export const assembleAlfworldRun = (
  id: string,
  files: ReadonlyArray<{ readonly path: string; readonly envs: ReadonlyArray<EnvResult> }>
): Run => {
  const numbered = files.every((f) => trialFromName(f.path) !== undefined)
  const trials = [...files]
    .sort((a, b) => numbered ? trialFromName(a.path)! - trialFromName(b.path)! : naturalCompare(a.path, b.path))
    .map((f, i) => ({ trial: numbered ? trialFromName(f.path)! : i, path: f.path, envs: f.envs }))
  const names: Array<string> = []
  const state = new Map<string, { attempts: Array<Attempt & { lessonsAfter: Array<string> }>; seen: Set<string> }>()
  let lessonsAfterSuccess = 0
  for (const t of trials) {
    for (const env of t.envs) {
      let s = state.get(env.name)
      if (s === undefined) {
        s = { attempts: [], seen: new Set() }
        state.set(env.name, s)
        names.push(env.name)
      }
      if (s.attempts.at(-1)?.success === true) continue
      const fresh = env.memory.map(squash).filter((m) => m.length > 0 && !s.seen.has(m))
      fresh.forEach((m) => s.seen.add(m))
      if (env.is_success) lessonsAfterSuccess += fresh.length
      s.attempts.push({
        trial: t.trial,
        success: env.is_success,
        strategy: `Attempt in trial ${t.trial} of ALFWorld ${env.name} (action trace not in the logs)`,
        ...(env.is_success ? { feedback: "Task completed" } : { errorMessage: "Task not completed within the step limit" }),
        lessonsAfter: env.is_success ? [] : fresh
      })
    }
  }
  const tasks: Array<TaskLog> = names.map((name) => {
    const attempts = state.get(name)!.attempts
    const first = attempts.flatMap((a) => a.lessonsAfter)[0]
    const idOnly = `ALFWorld ${name}`
    return {
      key: name,
      task: first === undefined ? idOnly : `${idOnly}: ${goalFromReflection(first)}`,
      altTask: { label: "env id only", text: idOnly },
      attempts
    }
  })
  return {
    id,
    format: "alfworld-env-results",
    family: "alfworld",
    files: trials.map((t) => t.path),
    order: "trial-major",
    tasks,
    control: !hasLessons(tasks),
    notes: [
      numbered ? "trial numbers from the file names (trial_<n>)" : "trial numbers from file order (no trial_<n> in the names)",
      ...(lessonsAfterSuccess > 0 ? [`${lessonsAfterSuccess} reflections first seen in a solved trial were ignored`] : [])
    ]
  }
}
