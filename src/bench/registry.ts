/**
 * The benchmark suites `alma bench <suite>` knows, by name. Each entry loads its suite lazily, so the
 * CLI starts without importing any suite's code.
 *
 * @since 0.1.0
 */
import type { Suite } from "./Suite.js"

/**
 * Suite name → loader.
 *
 * - `locomo`: turn-level evidence retrieval on LoCoMo (Maharana et al., 2024).
 * - `reflexion`: lesson routing replayed from Reflexion runs (Shinn et al., 2023).
 *
 * @since 0.1.0
 * @category constructors
 */
export const suites: Record<string, () => Promise<Suite>> = {
  locomo: () => import("./locomo/Locomo.js").then((m) => m.runLocomo),
  reflexion: () => import("./reflexion/index.js").then((m) => m.runReflexion)
}
