/**
 * Options and arguments shared by the `alma` commands. Values are parsed here only as far as their
 * type (text, integer, number); ranges and formats are checked by the library, whose
 * `ValidationError` names the field (exit 1). Parse errors are usage errors (exit 2).
 *
 * @since 0.1.0
 */
import { Args, HelpDoc, Options, ValidationError } from "@effect/cli"
import { Effect, Option } from "effect"

// @effect/cli takes the next token as an option's value even when it is another option
// (`--agent --json`), or a dangling option as the positional argument (`retrieve --agent`).
const looksLikeOption = (value: string) => value.startsWith("--") || /^-[a-zA-Z]$/.test(value)

/**
 * Fails (usage error) when an option's value is itself an option.
 *
 * @since 0.1.0
 * @category constructors
 */
export const refuseOption = (what: string) => (value: string) =>
  looksLikeOption(value)
    ? Effect.fail(
      ValidationError.missingValue(HelpDoc.p(`${what} needs a value, but got the option '${value}'`))
    )
    : Effect.succeed(value)

/**
 * A text option that refuses another option as its value.
 *
 * @since 0.1.0
 * @category constructors
 */
export const text = (name: string, description: string, pseudo = "text") =>
  Options.text(name).pipe(
    Options.withPseudoName(pseudo),
    Options.mapEffect(refuseOption(`--${name}`)),
    Options.withDescription(description)
  )

/**
 * A positional text argument that refuses an option in its place (a preceding option lacked its value).
 *
 * @since 0.1.0
 * @category constructors
 */
export const positional = (name: string, description: string) =>
  Args.text({ name }).pipe(
    Args.mapEffect((value) =>
      looksLikeOption(value)
        ? Effect.fail(HelpDoc.p(`expected <${name}>, got the option '${value}' (does the option before it lack its value?)`))
        : Effect.succeed(value)
    ),
    Args.withDescription(description)
  )

/** `Option` → `T | undefined`, for the library's optional fields. */
export const opt = Option.getOrUndefined

/**
 * `--config FILE`.
 *
 * @since 0.1.0
 * @category options
 */
export const config = text(
  "config",
  "Configuration file (default .alma/config.yaml; without it, the built-in defaults on the embedded store)",
  "file"
).pipe(Options.optional)

/**
 * `--json`.
 *
 * @since 0.1.0
 * @category options
 */
export const json = Options.boolean("json").pipe(
  Options.withDescription("Print machine-readable JSON (shapes in docs/cli.md)")
)

/**
 * `--agent/-a NAME`, required.
 *
 * @since 0.1.0
 * @category options
 */
export const agent = text(
  "agent",
  "Agent name (must be configured under `agents:` unless allow_unknown_agents)",
  "name"
).pipe(Options.withAlias("a"))

/**
 * `--agent/-a NAME`, optional (a filter).
 *
 * @since 0.1.0
 * @category options
 */
export const agentFilter = text("agent", "Only this agent's own memories", "name").pipe(
  Options.withAlias("a"),
  Options.optional
)

/**
 * An optional text option.
 *
 * @since 0.1.0
 * @category options
 */
export const optionalText = (name: string, description: string, pseudo?: string) =>
  text(name, description, pseudo).pipe(Options.optional)

/**
 * An optional integer option.
 *
 * @since 0.1.0
 * @category options
 */
export const optionalInteger = (name: string, description: string, pseudo = "n") =>
  Options.integer(name).pipe(Options.withPseudoName(pseudo), Options.withDescription(description), Options.optional)

/**
 * An optional number option.
 *
 * @since 0.1.0
 * @category options
 */
export const optionalNumber = (name: string, description: string, pseudo = "number") =>
  Options.float(name).pipe(Options.withPseudoName(pseudo), Options.withDescription(description), Options.optional)

/**
 * `--kinds a,b`: memory kinds, comma-separated (checked by the library).
 *
 * @since 0.1.0
 * @category options
 */
export const kinds = optionalText(
  "kinds",
  "Memory kinds, comma-separated: heuristic,outcome,user_preference,domain_knowledge,anti_pattern (default all)",
  "kind,..."
)

/**
 * Splits a comma-separated `--kinds` value.
 *
 * @since 0.1.0
 * @category constructors
 */
export const splitList = (value: Option.Option<string>): Array<string> | undefined =>
  Option.match(value, {
    onNone: () => undefined,
    onSome: (s) => s.split(",").map((x) => x.trim()).filter((x) => x.length > 0)
  })
