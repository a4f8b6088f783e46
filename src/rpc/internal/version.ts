/**
 * The `alma-memory` package version, read from the nearest `package.json` named `alma-memory` above
 * this module (works from the sources, from tsc's `dist/src/` and from the `dist/cli/` bundle).
 */
import { Effect, Option, Schema } from "effect"
import { readFileSync } from "node:fs"

const decodePackage = Schema.decodeUnknownOption(
  Schema.parseJson(Schema.Struct({ name: Schema.Literal("alma-memory"), version: Schema.String }))
)

const readVersion = (levelsUp: number): Effect.Effect<Option.Option<string>> =>
  Effect.try(() => readFileSync(new URL(`${"../".repeat(levelsUp)}package.json`, import.meta.url), "utf8")).pipe(
    Effect.option,
    Effect.map((text) => Option.flatMap(text, (t) => Option.map(decodePackage(t), (pkg) => pkg.version)))
  )

/** The package version, or `unknown` when no `alma-memory` package.json is found within 5 levels. */
export const packageVersion: Effect.Effect<string> = Effect.reduce(
  [1, 2, 3, 4, 5],
  Option.none<string>(),
  (found, up) => (Option.isSome(found) ? Effect.succeed(found) : readVersion(up))
).pipe(Effect.map(Option.getOrElse(() => "unknown")))
