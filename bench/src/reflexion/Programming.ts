/**
 * Parser of Reflexion programming runs (HumanEval, MBPP, …): JSONL, one task per line with
 * `prompt`, `is_solved`, `reflections` (the lessons written after each failed internal test run)
 * and the final `solution`.
 *
 * @since 0.1.0
 */
import { Either, Schema } from "effect"
import type { Attempt, Run, TaskLog } from "./Model.js"
import { clip, hasLessons, squash, toName } from "./Model.js"

const Row = Schema.Struct({
  prompt: Schema.String,
  is_solved: Schema.Union(Schema.Boolean, Schema.String, Schema.Number),
  reflections: Schema.optional(Schema.NullOr(Schema.Array(Schema.String))),
  task_id: Schema.optional(Schema.String),
  name: Schema.optional(Schema.String),
  entry_point: Schema.optional(Schema.String),
  solution: Schema.optional(Schema.String)
})
type Row = typeof Row.Type

const decodeRow = Schema.decodeUnknownEither(Schema.parseJson(Row))

const lines = (text: string) => text.split(/\r?\n/).filter((l) => l.trim().length > 0)

/**
 * Whether `text` is programming-run JSONL: its first non-empty line is an object with `prompt` and
 * `is_solved`.
 *
 * @since 0.1.0
 * @category guards
 */
export const isProgrammingJsonl = (text: string): boolean => {
  const first = lines(text.slice(0, 1_000_000))[0]
  return first !== undefined && first.trimStart().startsWith("{") && Either.isRight(decodeRow(first))
}

const solved = (v: Row["is_solved"]): boolean =>
  typeof v === "boolean" ? v : typeof v === "number" ? v !== 0 : /^(true|1|yes)$/i.test(v.trim())

/** `HumanEval/12` → `humaneval`, `mbpp_3_x` → `mbpp`; `programming` when there is no usable id. */
const familyOf = (row: Row | undefined): string => {
  const prefix = /^([A-Za-z]+)/.exec(row?.task_id ?? row?.name ?? "")?.[1]
  return prefix === undefined ? "programming" : toName(prefix.toLowerCase(), "programming")
}

const attemptsOf = (row: Row): ReadonlyArray<Attempt> => {
  const reflections = (row.reflections ?? []).map(squash).filter((r) => r.length > 0)
  const fn = row.entry_point ?? row.task_id ?? "the function"
  const failed: Array<Attempt> = reflections.map((lesson, i) => ({
    trial: i + 1,
    success: false,
    strategy: `Solution attempt ${i + 1} for ${fn} (code not logged; it failed the self-written internal tests)`,
    errorMessage: "Failed the internal tests",
    lessonsAfter: [lesson]
  }))
  const ok = solved(row.is_solved)
  const code = row.solution !== undefined && row.solution.trim().length > 0
    ? clip(row.solution, 2_000).text
    : "(code not logged)"
  return [...failed, {
    trial: reflections.length + 1,
    success: ok,
    strategy: `Final solution for ${fn}:\n${code}`,
    ...(ok ? { feedback: "Passed the hidden tests" } : { errorMessage: "Failed the hidden tests" }),
    lessonsAfter: []
  }]
}

/**
 * Parses programming-run JSONL into one run (task-major order: each task was run to its end before
 * the next).
 *
 * **Shape** one task per line (key `task_id`, else `name`, else the line number; task text: the
 * `prompt`); a line with k reflections gives k failed attempts (each followed by its reflection)
 * and a final attempt whose outcome is `is_solved` (the hidden tests). The family is the `task_id`
 * prefix, lower-cased (`humaneval`). Lines that do not decode are skipped and counted in `notes`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const parseProgrammingJsonl = (text: string, id: string): Run => {
  const rows: Array<Row> = []
  let bad = 0
  for (const line of lines(text)) {
    const decoded = decodeRow(line)
    if (Either.isRight(decoded)) rows.push(decoded.right)
    else bad++
  }
  const seen = new Map<string, number>()
  const tasks: Array<TaskLog> = rows.map((row, i) => {
    const base = row.task_id ?? row.name ?? `line ${i + 1}`
    const n = (seen.get(base) ?? 0) + 1
    seen.set(base, n)
    return { key: n === 1 ? base : `${base}#${n}`, task: row.prompt, attempts: attemptsOf(row) }
  })
  return {
    id,
    format: "programming-jsonl",
    family: familyOf(rows[0]),
    files: [id],
    order: "task-major",
    tasks,
    control: !hasLessons(tasks),
    notes: bad > 0 ? [`${bad} lines skipped: not a {prompt, is_solved, …} object`] : []
  }
}
