/**
 * Handler of `alma demo`: the scripted scenario on the embedded default, in a fresh temporary SQLite file.
 *
 * @since 0.1.0
 */
import { FileSystem, Path } from "@effect/platform"
import { Console, Effect } from "effect"
import * as Alma from "../../Alma.js"
import { demoAgents, runDemo } from "../../demo.js"
import { reporting } from "../errors.js"
import * as Output from "../output.js"
import type * as Spec from "../spec.js"

/**
 * `alma demo`: narrates `runDemo` on a fresh temporary SQLite file with the local embedder.
 *
 * @since 0.1.0
 * @category commands
 */
export const demo = (o: Spec.Args<typeof Spec.demo>) =>
  Effect.gen(function*() {
    const fs = yield* FileSystem.FileSystem
    const path = yield* Path.Path
    const out = yield* Output.Output
    const dir = o.keep
      ? yield* fs.makeTempDirectory({ prefix: "alma-demo-" })
      : yield* fs.makeTempDirectoryScoped({ prefix: "alma-demo-" })
    const filename = path.join(dir, "alma.db")
    yield* Console.log(
      out.bold("ALMA demo") + `: SQLite file ${filename}${o.keep ? "" : " (deleted afterwards)"}, ` +
        "local embedder (USE-lite, 512 dims, offline)"
    )
    yield* runDemo.pipe(Effect.provide(Alma.layerSqlite({ filename, agents: demoAgents })))
    yield* Console.log(
      out.dim("\nNext: `alma init --agent <name>` writes .alma/config.yaml; then `alma learn` and `alma retrieve`.")
    )
  }).pipe(
    Effect.scoped,
    reporting({ command: "demo", json: false })
  )
