/**
 * Where the `locomo` suite finds its defaults: the package root (also from `dist/`), the dataset and
 * the shared offline models beside it.
 *
 * @since 0.1.0
 */
import { existsSync, readFileSync } from "node:fs"
import * as path from "node:path"
import { fileURLToPath } from "node:url"

/**
 * The root of the `alma-memory` package: the nearest folder at or above `from` (default: this module,
 * also when compiled into `dist/`) whose `package.json` is named `alma-memory`; the current directory
 * when there is none.
 *
 * @since 0.1.0
 * @category constructors
 */
export const packageRoot = (from: string = path.dirname(fileURLToPath(import.meta.url))): string => {
  for (let dir = path.resolve(from);; dir = path.dirname(dir)) {
    const manifest = path.join(dir, "package.json")
    if (existsSync(manifest) && /"name"\s*:\s*"alma-memory"/.test(readFileSync(manifest, "utf8"))) return dir
    if (path.dirname(dir) === dir) return process.cwd()
  }
}

/**
 * The default dataset: `<package root>/../shared/datasets/locomo/locomo-dev.json`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const defaultDatasetPath = (): string =>
  path.resolve(packageRoot(), "../shared/datasets/locomo/locomo-dev.json")

/**
 * The folder holding the shared offline transformers.js models: `<package root>/../shared/models`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const sharedModelsPath = (): string => path.resolve(packageRoot(), "../shared/models")
