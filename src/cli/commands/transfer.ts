/**
 * Handlers of `alma export` and `alma import`: JSONL files (docs/jsonl-format.md).
 *
 * @since 0.1.0
 */
import { FileSystem, Path } from "@effect/platform"
import { Console, Effect, Fiber, Option, Schedule, Schema } from "effect"
import { MemoryKind } from "../../domain/Ids.js"
import { decodeInput } from "../../internal/validate.js"
import * as Jsonl from "../../transfer/Jsonl.js"
import { CliError, reporting } from "../errors.js"
import * as O from "../options.js"
import * as Output from "../output.js"
import type * as Spec from "../spec.js"
import { withStack } from "../stack.js"

/**
 * `--json` shape of `export --out FILE`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const ExportJson = Schema.Struct({ out: Schema.String, memories: Schema.Number, embeddings: Schema.Boolean })

/**
 * `alma export`: JSONL on stdout, or into `--out` (then a summary, or `ExportJson`).
 *
 * @since 0.1.0
 * @category commands
 */
export const exportMemories = (o: Spec.Args<typeof Spec.exportMemories>) =>
  withStack(o.config, () =>
    Effect.gen(function*() {
      const fs = yield* FileSystem.FileSystem
      const path = yield* Path.Path
      const out = yield* Output.Output
      const { kinds } = yield* decodeInput(
        Schema.Struct({ kinds: Schema.optional(Schema.Array(MemoryKind)) }),
        { kinds: O.splitList(o.kinds) }
      )
      const lines = yield* Jsonl.exportJsonl({ kinds, agent: O.opt(o.agent), embeddings: o.embeddings })
      const text = lines.join("\n") + "\n"
      if (Option.isNone(o.out)) return yield* Console.log(lines.join("\n"))
      const file = path.resolve(o.out.value)
      yield* fs.writeFileString(file, text).pipe(
        Effect.mapError((e) => new CliError({ message: `cannot write ${file}: ${e.message}` }))
      )
      const memories = lines.length - 1
      if (o.json) return yield* Output.printJson(ExportJson, { out: file, memories, embeddings: o.embeddings })
      yield* Console.error(
        `exported ${memories} ${memories === 1 ? "memory" : "memories"} to ${out.bold(o.out.value)}` +
          (o.embeddings ? " with their vectors" : "")
      )
    })).pipe(reporting({ command: "export", json: o.json }))

// importJsonl reports no progress, so a TTY gets a status line with the elapsed time.
const withStatus = <A, E, R>(label: string, self: Effect.Effect<A, E, R>) =>
  Effect.gen(function*() {
    const out = yield* Output.Output
    if (!out.progress) return yield* self
    const line = out.progressLine(label, "s")
    const start = performance.now()
    const tick = Effect.sync(() => line.update(Math.round((performance.now() - start) / 100) / 10, undefined))
    const ticker = yield* Effect.fork(Effect.repeat(tick, { schedule: Schedule.spaced("200 millis") }))
    return yield* self.pipe(Effect.ensuring(Effect.zipRight(Fiber.interrupt(ticker), Effect.sync(line.done))))
  })

/**
 * `alma import FILE`: what was imported and skipped, or the encoded `ImportReport`.
 *
 * @since 0.1.0
 * @category commands
 */
export const importMemories = (o: Spec.Args<typeof Spec.importMemories>) =>
  withStack(o.config, () =>
    Effect.gen(function*() {
      const fs = yield* FileSystem.FileSystem
      const out = yield* Output.Output
      const text = yield* fs.readFileString(o.file).pipe(
        Effect.mapError((e) =>
          new CliError({
            message: `cannot read ${o.file}: ${e.message}`,
            hint: "check the path; `alma export --out FILE` writes one"
          })
        )
      )
      const lines = text.split("\n").filter((l) => l.trim().length > 0).length
      const report = yield* withStatus(
        `importing ${Math.max(0, lines - 1)} lines…`,
        Jsonl.importJsonl(text, { skipInvalid: o.skipInvalid, onIdConflict: o.onIdConflict })
      )
      if (o.json) return yield* Output.printJson(Jsonl.ImportReport, report)
      yield* Console.log(
        `imported ${report.imported} ${report.imported === 1 ? "memory" : "memories"} into project ${report.projectId}` +
          (report.imported === 0 ? "" : report.reembedded ? " (re-embedded)" : " (vectors from the file)")
      )
      if (report.rejected.length > 0) {
        const n = report.rejected.length
        yield* Console.log(out.yellow(`skipped ${n} invalid line${n === 1 ? "" : "s"}:`))
        for (const r of report.rejected) {
          const field = r.field.replace(/^line \d+:?\s*/, "")
          yield* Console.log(`  line ${r.line}: ${field.length > 0 ? `${field}: ` : ""}${r.reason}`)
        }
      }
    })).pipe(reporting({ command: "import", json: o.json }))
