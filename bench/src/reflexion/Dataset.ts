/**
 * Reads a Reflexion log folder: finds every file under it, recognises each file's format by its
 * content (never by its name), parses it, and groups the ALFWorld trial files of a folder into one
 * run.
 *
 * @since 0.1.0
 */
import { Effect } from "effect"
import * as fs from "node:fs/promises"
import * as path from "node:path"
import type { EnvResult } from "./Alfworld.js"
import { assembleAlfworldRun, decodeAlfworldResults } from "./Alfworld.js"
import { isHotpotLog, parseHotpotLog } from "./HotpotQA.js"
import type { Format, Run } from "./Model.js"
import { naturalCompare, ReflexionDatasetError } from "./Model.js"
import { isProgrammingJsonl, parseProgrammingJsonl } from "./Programming.js"

/**
 * A file found under the dataset folder and what was made of it.
 *
 * **Shape** `path`: relative to the dataset folder; `format`: the detected format, absent when
 * unrecognised (README, LICENSE, …); `run`: the id of the run it belongs to.
 *
 * @since 0.1.0
 * @category models
 */
export interface DetectedFile {
  readonly path: string
  readonly format?: Format | undefined
  readonly run?: string | undefined
}

/**
 * A parsed dataset: its folder, every file found, and the runs.
 *
 * @since 0.1.0
 * @category models
 */
export interface Dataset {
  readonly root: string
  readonly files: ReadonlyArray<DetectedFile>
  readonly runs: ReadonlyArray<Run>
}

/** Files larger than this are listed but not read (bytes). */
const MAX_FILE_BYTES = 256 * 1024 * 1024

/**
 * The format of a file's content, if it is one the suite knows.
 *
 * @since 0.1.0
 * @category constructors
 */
export const detectFormat = (text: string): Format | undefined => {
  if (text.includes("\u0000")) return undefined
  const head = text.trimStart()
  if (head.startsWith("[")) return decodeAlfworldResults(text) === undefined ? undefined : "alfworld-env-results"
  if (head.startsWith("{")) return isProgrammingJsonl(text) ? "programming-jsonl" : undefined
  return isHotpotLog(text) ? "hotpotqa-react-log" : undefined
}

/**
 * Parses file contents (paths relative to the dataset folder) into runs, by content.
 *
 * **Shape** runs ordered by id; a HotPotQA or programming file is a run of its own; the ALFWorld
 * files of one folder form one run whose id is that folder (`.` for the dataset folder itself).
 *
 * @since 0.1.0
 * @category constructors
 */
export const parseFiles = (
  files: ReadonlyArray<{ readonly path: string; readonly text: string }>
): { readonly files: ReadonlyArray<DetectedFile>; readonly runs: ReadonlyArray<Run> } => {
  const detected: Array<DetectedFile> = []
  const runs: Array<Run> = []
  const alfworld = new Map<string, Array<{ path: string; envs: ReadonlyArray<EnvResult> }>>()
  for (const file of [...files].sort((a, b) => naturalCompare(a.path, b.path))) {
    const format = detectFormat(file.text)
    if (format === "hotpotqa-react-log") runs.push(parseHotpotLog(file.text, file.path))
    else if (format === "programming-jsonl") runs.push(parseProgrammingJsonl(file.text, file.path))
    else if (format === "alfworld-env-results") {
      const dir = path.dirname(file.path)
      const list = alfworld.get(dir) ?? []
      list.push({ path: file.path, envs: decodeAlfworldResults(file.text)! })
      alfworld.set(dir, list)
    }
    const run = format === "alfworld-env-results" ? path.dirname(file.path) : format === undefined ? undefined : file.path
    detected.push({ path: file.path, ...(format !== undefined ? { format, run } : {}) })
  }
  for (const [dir, list] of alfworld) runs.push(assembleAlfworldRun(dir, list))
  return { files: detected, runs: runs.sort((a, b) => naturalCompare(a.id, b.id)) }
}

const fail = (target: string, description: string) => new ReflexionDatasetError({ path: target, description })

const walk = (dir: string): Effect.Effect<ReadonlyArray<string>, ReflexionDatasetError> =>
  Effect.tryPromise({
    try: () => fs.readdir(dir, { withFileTypes: true }),
    catch: (cause) => fail(dir, `cannot list the folder (${String(cause)})`)
  }).pipe(
    Effect.flatMap((items) =>
      Effect.forEach(
        items.filter((i) => !i.name.startsWith(".")),
        (i) => {
          const full = path.join(dir, i.name)
          return i.isDirectory() ? walk(full) : Effect.succeed(i.isFile() ? [full] : [])
        }
      )
    ),
    Effect.map((nested) => nested.flat())
  )

/**
 * Reads and parses every file under `target` (a folder, searched recursively, hidden entries
 * skipped; or a single file).
 *
 * **Errors** `ReflexionDatasetError` when `target` is missing or unreadable, or holds no file of
 * a known format.
 *
 * @since 0.1.0
 * @category constructors
 */
export const loadDataset = Effect.fn("Reflexion.loadDataset")(function*(target: string) {
  const absolute = path.resolve(target)
  const stat = yield* Effect.tryPromise({
    try: () => fs.stat(absolute),
    catch: () => fail(absolute, "not found; pass --dataset with the reflexion-logs folder (or one of its files)")
  })
  const root = stat.isDirectory() ? absolute : path.dirname(absolute)
  const paths = stat.isDirectory() ? yield* walk(absolute) : [absolute]
  const contents = yield* Effect.forEach(paths, (p) =>
    Effect.tryPromise({
      try: async () => ((await fs.stat(p)).size > MAX_FILE_BYTES ? "" : await fs.readFile(p, "utf8")),
      catch: (cause) => fail(p, `cannot read the file (${String(cause)})`)
    }).pipe(Effect.map((text) => ({ path: path.relative(root, p) || path.basename(p), text }))))
  const parsed = parseFiles(contents)
  if (parsed.runs.length === 0) {
    return yield* fail(
      absolute,
      "no HotPotQA ReAct log, programming JSONL or ALFWorld env-results file found; point --dataset at the reflexion-logs folder"
    )
  }
  return { root, ...parsed } satisfies Dataset
})

/**
 * A small slice of a run for smoke tests: 10 tasks by default, its first `lessons` tasks that carry
 * a lesson (default 6) and its first `others` that do not (default 4, distractors), in the run's
 * order. (The first tasks of a log are often all solved at once, so "the first 10" would query
 * nothing.)
 *
 * @since 0.1.0
 * @category constructors
 */
export const quickSlice = (run: Run, lessons: number = 6, others: number = 4): Run => {
  let withLessons = 0
  let without = 0
  const tasks = run.tasks.filter((t) => {
    const has = t.attempts.some((a) => a.lessonsAfter.length > 0)
    if (has) return withLessons++ < lessons
    return without++ < others
  })
  return { ...run, tasks }
}
