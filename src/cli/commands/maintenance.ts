/**
 * Handlers of `alma forget` and `alma stats`.
 *
 * @since 0.1.0
 */
import { Console, Effect } from "effect"
import { ForgetInput } from "../../domain/Inputs.js"
import { decodeInput } from "../../internal/validate.js"
import * as AlmaService from "../../services/Alma.js"
import { ForgetResult } from "../../services/Forgetter.js"
import { reporting } from "../errors.js"
import * as O from "../options.js"
import * as Output from "../output.js"
import type * as Spec from "../spec.js"
import { withStack } from "../stack.js"

/**
 * `alma forget`: what was (or, with `--dry-run`, would be) deleted, or the encoded `ForgetResult`.
 *
 * @since 0.1.0
 * @category commands
 */
export const forget = (o: Spec.Args<typeof Spec.forget>) =>
  withStack(o.config, () =>
    Effect.gen(function*() {
      const alma = yield* AlmaService.Alma
      const out = yield* Output.Output
      const input = yield* decodeInput(ForgetInput, {
        agent: O.opt(o.agent),
        olderThanDays: O.opt(o.olderThanDays),
        belowConfidence: O.opt(o.belowConfidence),
        dryRun: o.dryRun
      })
      const r = yield* alma.forget(input)
      if (o.json) return yield* Output.printJson(ForgetResult, r)
      const n = `${r.deleted} ${r.deleted === 1 ? "memory" : "memories"}`
      yield* Console.log(r.dryRun ? `would delete ${n} ${out.dim("(dry run: nothing deleted)")}` : `deleted ${n}`)
      for (const item of r.items) yield* Console.log(`  ${item.id}  ${out.dim(`${item.kind}: ${item.reason}`)}`)
    })).pipe(reporting({ command: "forget", json: o.json }))

/**
 * `alma stats`: memory counts per kind, or the encoded `Stats`.
 *
 * @since 0.1.0
 * @category commands
 */
export const stats = (o: Spec.Args<typeof Spec.stats>) =>
  withStack(o.config, () =>
    Effect.gen(function*() {
      const alma = yield* AlmaService.Alma
      const out = yield* Output.Output
      const s = yield* alma.stats({ agent: O.opt(o.agent) })
      if (o.json) return yield* Output.printJson(AlmaService.Stats, s)
      const who = s.agent !== undefined ? `agent ${s.agent} in project ${s.projectId}` : `project ${s.projectId}`
      yield* Console.log(`${out.bold(who)} on ${s.backend}: ${s.total} ${s.total === 1 ? "memory" : "memories"}`)
      for (const [kind, n] of Object.entries(s.counts)) yield* Console.log(`  ${kind.padEnd(17)} ${String(n).padStart(7)}`)
    })).pipe(reporting({ command: "stats", json: o.json }))
