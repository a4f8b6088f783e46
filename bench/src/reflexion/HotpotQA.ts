/**
 * Parser of HotPotQA ReAct run logs (the Reflexion paper's `*_questions_*_trials.txt`): `BEGIN TRIAL n`
 * blocks, agents grouped under `BEGIN CORRECT / INCORRECT / HALTED AGENTS`, each agent a `Question:`
 * line, an optional `Reflections:` list of `- ` bullets, then the Thought/Action/Observation trace.
 *
 * @since 0.1.0
 */
import type { Attempt, Run, TaskLog } from "./Model.js"
import { clip, hasLessons, squash } from "./Model.js"

/** Text the Reflexion prompt appends to a question once reflections exist (not part of the question). */
const RETRY_SUFFIX = "You have attempted to answer following question before and failed"

type Status = "correct" | "incorrect" | "halted"

const sections: Record<string, Status> = { CORRECT: "correct", INCORRECT: "incorrect", HALTED: "halted" }

interface Entry {
  readonly trial: number
  readonly question: string
  readonly section: Status | undefined
  readonly reflections: Array<string>
  readonly actions: Array<string>
  readonly observations: Array<string>
}

/**
 * Whether `text` is a HotPotQA ReAct log (a `BEGIN TRIAL n` line and a `Question:` line).
 *
 * @since 0.1.0
 * @category guards
 */
export const isHotpotLog = (text: string): boolean => /^BEGIN TRIAL \d+\s*$/m.test(text) && /^Question:/m.test(text)

const statusOf = (e: Entry): Status => {
  if (e.section !== undefined) return e.section
  if (e.observations.some((o) => /Answer is CORRECT/.test(o))) return "correct"
  if (e.observations.some((o) => /Answer is INCORRECT/.test(o))) return "incorrect"
  return "halted"
}

/** The agent entries of the log, in file order. */
const entries = (text: string): ReadonlyArray<Entry> => {
  const out: Array<Entry> = []
  let trial = 0
  let section: Status | undefined
  let current: Entry | undefined
  let inReflections = false
  for (const line of text.split(/\r?\n/)) {
    const trialMatch = /^BEGIN TRIAL (\d+)/.exec(line)
    if (trialMatch) {
      trial = Number(trialMatch[1])
      section = undefined
      current = undefined
      continue
    }
    const sectionMatch = /BEGIN (CORRECT|INCORRECT|HALTED) AGENTS/.exec(line)
    if (sectionMatch) {
      section = sections[sectionMatch[1]!]
      current = undefined
      continue
    }
    const question = /^Question:(.*)$/.exec(line)
    if (question) {
      const raw = question[1]!
      const cut = raw.indexOf(RETRY_SUFFIX)
      current = {
        trial,
        question: squash(cut >= 0 ? raw.slice(0, cut) : raw),
        section,
        reflections: [],
        actions: [],
        observations: []
      }
      out.push(current)
      inReflections = false
      continue
    }
    if (current === undefined) continue
    if (/^Reflections:\s*$/.test(line)) {
      inReflections = true
      continue
    }
    const step = /^(Thought|Action|Observation) \d+:\s*(.*)$/.exec(line)
    if (step) {
      inReflections = false
      if (step[1] === "Action") current.actions.push(squash(step[2]!))
      if (step[1] === "Observation") current.observations.push(step[2]!)
      continue
    }
    if (inReflections) {
      if (line.startsWith("- ")) current.reflections.push(squash(line.slice(2)))
      else if (line.trim().length > 0 && current.reflections.length > 0) {
        const last = current.reflections.length - 1
        current.reflections[last] = squash(`${current.reflections[last]} ${line}`)
      }
    }
  }
  return out
}

const describe = (e: Entry, status: Status): string => {
  const trace = e.actions.length > 0 ? e.actions.join(" → ") : "no action"
  const head = status === "halted" ? "ReAct trace (halted before a final answer)" : "ReAct trace"
  return clip(`${head}: ${trace}`, 1_000).text
}

/**
 * Parses a HotPotQA ReAct log into one run (family `hotpotqa`, trial-major order).
 *
 * **Shape** one task per distinct question (whitespace-normalised, the retry suffix removed);
 * attempts up to the first correct answer — later entries of a solved question are the log
 * repeating the finished agent, not new attempts, and are skipped. The lessons after a failed
 * attempt are the bullets of the task's next `Reflections:` list that were not listed before.
 * Incorrect and halted answers are failures.
 *
 * @since 0.1.0
 * @category constructors
 */
export const parseHotpotLog = (text: string, id: string): Run => {
  const byQuestion = new Map<string, Array<Entry>>()
  for (const e of entries(text)) {
    const list = byQuestion.get(e.question) ?? []
    list.push(e)
    byQuestion.set(e.question, list)
  }
  let carried = 0
  let orphanLessons = 0
  const tasks: Array<TaskLog> = []
  for (const [question, list] of byQuestion) {
    const ordered = [...list].sort((a, b) => a.trial - b.trial)
    const seen = new Set<string>()
    const attempts: Array<Attempt & { lessonsAfter: Array<string> }> = []
    for (const e of ordered) {
      if (attempts.at(-1)?.success === true) {
        carried++
        continue
      }
      const fresh = e.reflections.filter((r) => r.length > 0 && !seen.has(r))
      fresh.forEach((r) => seen.add(r))
      const previous = attempts.at(-1)
      if (previous !== undefined) previous.lessonsAfter.push(...fresh)
      else orphanLessons += fresh.length
      const status = statusOf(e)
      attempts.push({
        trial: e.trial,
        success: status === "correct",
        strategy: describe(e, status),
        ...(status === "correct" ? { feedback: "Answer is CORRECT" } : {}),
        ...(status === "incorrect" ? { errorMessage: "Answer is INCORRECT" } : {}),
        ...(status === "halted" ? { errorMessage: "Halted: step limit reached before a final answer" } : {}),
        lessonsAfter: []
      })
    }
    tasks.push({ key: question, task: question, attempts })
  }
  const notes = [
    ...(carried > 0 ? [`${carried} entries of already-solved questions skipped (the log repeats finished agents)`] : []),
    ...(orphanLessons > 0 ? [`${orphanLessons} reflections on a question's first logged attempt had no failed attempt to attach to`] : [])
  ]
  return {
    id,
    format: "hotpotqa-react-log",
    family: "hotpotqa",
    files: [id],
    order: "trial-major",
    tasks,
    control: !hasLessons(tasks) && orphanLessons === 0,
    notes
  }
}
