/**
 * The package's version, read from its package.json: two levels up from the bundle (dist/cli/) and
 * from the sources (src/internal/), three from tsc's output (dist/src/internal/).
 *
 * @internal
 */
import { Option, Schema } from "effect"
import { readFileSync } from "node:fs"

const decodePackage = Schema.decodeUnknownOption(
  Schema.parseJson(Schema.Struct({ name: Schema.Literal("alma-memory"), version: Schema.String }))
)

/** The version, if package.json was found. */
export const version: Option.Option<string> = ["../../package.json", "../../../package.json"].reduce<
  Option.Option<string>
>(
  (found, candidate) =>
    Option.orElse(found, () => {
      try {
        const text = readFileSync(new URL(candidate, import.meta.url), "utf8")
        return Option.map(decodePackage(text), (pkg) => pkg.version)
      } catch {
        return Option.none()
      }
    }),
  Option.none()
)

/** The version, or "unknown". */
export const versionString: string = Option.getOrElse(version, () => "unknown")
