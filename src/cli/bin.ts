#!/usr/bin/env node
/**
 * The `alma` executable: decides colours and progress lines from the terminal, runs the command
 * line and exits with its code (0 ok, 1 domain error, 2 usage error).
 *
 * @since 0.1.0
 */
import * as NodeContext from "@effect/platform-node/NodeContext"
import * as NodeRuntime from "@effect/platform-node/NodeRuntime"
import type { Teardown } from "@effect/platform/Runtime"
import { Effect, Exit, Layer, Logger } from "effect"
import * as Cli from "./Cli.js"
import * as Output from "./output.js"

const noColor = (process.env.NO_COLOR ?? "") !== ""

const MainLive = Layer.mergeAll(
  NodeContext.layer,
  Output.layer({
    color: process.stdout.isTTY === true && !noColor,
    progress: process.stderr.isTTY === true && !noColor
  }),
  // Library logs (warnings) go to stderr, so that stdout carries only the command's output.
  Logger.replace(Logger.defaultLogger, Logger.withConsoleError(Logger.logfmtLogger))
)

// Servers stop on a signal by design: a graceful shutdown is a success.
const serving = ["serve", "mcp"].includes(process.argv[2] ?? "")

// Exit explicitly once stdout has drained: a loaded model may keep the event loop alive.
const teardown: Teardown = (exit) => {
  const code = Exit.isSuccess(exit) && typeof exit.value === "number"
    ? exit.value
    : Exit.isInterrupted(exit)
    ? serving ? 0 : 130 // SIGTERM / Ctrl-C
    : 1
  process.stdout.write("", () => process.exit(code))
}

Cli.run(process.argv).pipe(
  Effect.provide(MainLive),
  NodeRuntime.runMain({ disableErrorReporting: true, disablePrettyLogger: true, teardown })
)
