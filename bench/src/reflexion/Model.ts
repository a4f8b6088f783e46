/**
 * The parsed form of Reflexion run logs (Shinn et al., 2023), independent of the file format: runs
 * of tasks, each task a sequence of attempts, each failed attempt followed by the lessons
 * (self-written reflections) the agent carried into its next attempt. Plus the small text helpers
 * the parsers share and the suite's one error.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"

/**
 * A file format the suite recognises by content: HotPotQA ReAct text logs, programming-run JSONL
 * (`prompt` / `is_solved` / `reflections`), and ALFWorld per-trial env results (`[{name, memory,
 * is_success}]`).
 *
 * @since 0.1.0
 * @category models
 */
export type Format = "hotpotqa-react-log" | "programming-jsonl" | "alfworld-env-results"

/**
 * One attempt at a task, as the log records it.
 *
 * **Shape** `lessonsAfter`: reflections first written after this (failed) attempt, in order, each
 * at most once per task; empty after a success.
 *
 * @since 0.1.0
 * @category models
 */
export interface Attempt {
  /** Trial (HotPotQA, ALFWorld) or attempt (programming) number, as numbered in the source. */
  readonly trial: number
  readonly success: boolean
  /** Short description of what the agent did (final answer and actions, solution, …). */
  readonly strategy: string
  readonly feedback?: string | undefined
  readonly errorMessage?: string | undefined
  readonly lessonsAfter: ReadonlyArray<string>
}

/**
 * One task of a run and its attempts, in order, up to and including the first success.
 *
 * **Shape** `key`: identity inside the run (question, `task_id`, env name); `task`: the text the
 * agent is taken to have before an attempt (used for `learn` and `retrieve`); `altTask`: a second,
 * labelled query text measured alongside (ALFWorld: the env id alone).
 *
 * @since 0.1.0
 * @category models
 */
export interface TaskLog {
  readonly key: string
  readonly task: string
  readonly altTask?: { readonly label: string; readonly text: string } | undefined
  readonly attempts: ReadonlyArray<Attempt>
}

/**
 * A parsed run: one HotPotQA or programming file, or the `trial_<n>` files of one ALFWorld folder.
 *
 * **Shape** `id`: path relative to the dataset folder (the folder itself for ALFWorld runs);
 * `order`: `trial-major` replays trial 1 of every task, then trial 2, …; `task-major` replays each
 * task to its end before the next (as the programming runs were produced); `control`: no
 * reflection anywhere in the run (a baseline, skipped for lesson routing).
 *
 * @since 0.1.0
 * @category models
 */
export interface Run {
  readonly id: string
  readonly format: Format
  readonly family: string
  readonly files: ReadonlyArray<string>
  readonly order: "trial-major" | "task-major"
  readonly tasks: ReadonlyArray<TaskLog>
  readonly control: boolean
  readonly notes: ReadonlyArray<string>
}

/**
 * The dataset cannot be used: the folder is missing or unreadable, or holds no file of a known
 * format.
 *
 * **Shape** `path`: the file or folder at fault; `description`: what is wrong and what to do.
 *
 * @since 0.1.0
 * @category errors
 */
export class ReflexionDatasetError extends Schema.TaggedError<ReflexionDatasetError>()("ReflexionDatasetError", {
  path: Schema.String,
  description: Schema.String
}) {
  override get message(): string {
    return `Reflexion dataset ${this.path}: ${this.description}`
  }
}

/**
 * Whether any attempt of the run is followed by a lesson.
 *
 * @since 0.1.0
 * @category guards
 */
export const hasLessons = (tasks: ReadonlyArray<TaskLog>): boolean =>
  tasks.some((t) => t.attempts.some((a) => a.lessonsAfter.length > 0))

/**
 * Collapses runs of whitespace and trims.
 *
 * @since 0.1.0
 * @category constructors
 */
export const squash = (text: string): string => text.replace(/\s+/g, " ").trim()

/**
 * Text cut to at most `max` characters (an ellipsis marks the cut), and whether it was cut.
 *
 * @since 0.1.0
 * @category constructors
 */
export const clip = (text: string, max: number): { readonly text: string; readonly clipped: boolean } =>
  text.length <= max ? { text, clipped: false } : { text: `${text.slice(0, Math.max(0, max - 1))}…`, clipped: true }

/**
 * A valid ALMA name (`[A-Za-z0-9_.:-]`, starting with a letter or digit, 1–128 characters) made
 * from free text.
 *
 * @since 0.1.0
 * @category constructors
 */
export const toName = (text: string, fallback: string = "run"): string => {
  const name = text.replace(/[^A-Za-z0-9_.:-]+/g, "_").replace(/^[^A-Za-z0-9]+|_+$/g, "").slice(0, 128)
  return name.length > 0 ? name : fallback
}

/**
 * Compares paths so that `trial_2` sorts before `trial_10`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const naturalCompare = (a: string, b: string): number =>
  a.localeCompare(b, "en", { numeric: true, sensitivity: "base" })

/**
 * The plan part of a reflection: its sentences that say what to do instead ("I should have …",
 * "Instead …", "Next time / In the next trial I will …", "To fix this …"); the whole reflection when
 * none does.
 *
 * @since 0.1.0
 * @category constructors
 */
export const planOf = (reflection: string): string => {
  const plan = squash(reflection)
    .split(/(?<=[.!?])\s+/)
    .filter((s) =>
      /\b(instead|i should|i will|next time|in the next trial|to fix this|the correct (approach|implementation)|should (be|have|use|return|check|handle)|needs? to)\b/i
        .test(s)
    )
    .join(" ")
  return plan.length > 0 ? plan : squash(reflection)
}

/**
 * A short form of a task for lesson patterns: import lines dropped, whitespace collapsed, at most
 * `max` characters (enough to find the task again, short enough to fit a prompt budget).
 *
 * @since 0.1.0
 * @category constructors
 */
export const summarize = (task: string, max: number = 300): string =>
  clip(squash(task.replace(/^\s*(from\s+\S+\s+)?import\s.*$/gm, "")) || squash(task), max).text
