/**
 * Running the built `alma` executable in a subprocess, against temporary project directories.
 */
import { execFileSync, spawn } from "node:child_process"
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { dirname, join } from "node:path"
import { fileURLToPath, pathToFileURL } from "node:url"

export const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..")
export const bin = join(root, "dist", "cli", "alma.js")

const newest = (dir: string): number =>
  readdirSync(dir, { withFileTypes: true }).reduce((latest, entry) => {
    const path = join(dir, entry.name)
    const time = entry.isDirectory() ? newest(path) : statSync(path).mtimeMs
    return Math.max(latest, time)
  }, 0)

/** Builds the bundle when it is missing or older than the sources (`npm test` builds it first). */
export const ensureBuilt = () => {
  const built = (() => {
    try {
      return statSync(bin).mtimeMs
    } catch {
      return 0
    }
  })()
  const sources = Math.max(
    ...["src", "layers", "config"].map((d) => newest(join(root, d))),
    statSync(join(root, "tsup.config.ts")).mtimeMs
  )
  if (built < sources) execFileSync("npx", ["tsup"], { cwd: root, stdio: "ignore" })
}

export interface Result {
  readonly code: number | null
  readonly stdout: string
  readonly stderr: string
}

/** Runs `alma ...args` in `cwd` with piped output and colours not disabled by the environment. */
export const alma = (cwd: string, ...args: Array<string>): Promise<Result> =>
  new Promise((resolve, reject) => {
    const env: Record<string, string | undefined> = { ...process.env }
    delete env.NO_COLOR
    delete env.FORCE_COLOR
    const child = spawn(process.execPath, [bin, ...args], { cwd, env, stdio: ["ignore", "pipe", "pipe"] })
    let stdout = ""
    let stderr = ""
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d))
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d))
    child.on("error", reject)
    child.on("close", (code) => resolve({ code, stdout, stderr }))
  })

/** Parses stdout as one JSON document. */
export const json = (r: Result): Record<string, unknown> => JSON.parse(r.stdout) as Record<string, unknown>

export const TEST_CONFIG = [
  "embedding_provider: hash",
  "embedding_dim: 64",
  "agents:",
  "  helena:",
  "    can_learn: [form_testing]",
  "    cannot_learn: [database_migrations]",
  "    inherit_from: [victor]",
  "  victor:",
  "    share_with: [helena]",
  ""
].join("\n")

const created: Array<string> = []

/** Removes every directory `project` created. */
export const removeProjects = () => {
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true })
}

/** A fresh project directory, with `.alma/config.yaml` (hash embedder, helena and victor) unless `bare`. */
export const project = (options: { readonly bare?: boolean } = {}): string => {
  const dir = mkdtempSync(join(tmpdir(), "alma-cli-"))
  created.push(dir)
  if (options.bare !== true) {
    mkdirSync(join(dir, ".alma"))
    writeFileSync(join(dir, ".alma", "config.yaml"), TEST_CONFIG)
  }
  return dir
}

/** A benchmark suite module (default export) that reports progress and returns a fixed report. */
export const writeFakeSuite = (dir: string): string => {
  const effect = pathToFileURL(join(root, "node_modules", "effect", "dist", "esm", "index.js")).href
  const file = join(dir, "fake-suite.mjs")
  writeFileSync(
    file,
    [
      `import { Effect } from ${JSON.stringify(effect)}`,
      "export default (options) => Effect.gen(function*() {",
      "  for (let i = 1; i <= 3; i++) options.onProgress?.(i, 3)",
      "  return {",
      "    suite: \"fake\",",
      "    json: { quick: options.quick === true, dataset: options.dataset ?? null },",
      "    markdown: \"| metric | value |\\n|---|---|\\n| recall@5 | 0.5 |\",",
      "    charts: [{ name: \"fake-recall\", svg: \"<svg xmlns='http://www.w3.org/2000/svg'/>\" }]",
      "  }",
      "})",
      ""
    ].join("\n")
  )
  return file
}

// eslint-disable-next-line no-control-regex
export const ANSI = /\u001b\[/
