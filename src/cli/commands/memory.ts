/**
 * Handlers of `alma retrieve`, `alma learn`, `alma add-preference`, `alma add-knowledge` and
 * `alma add-anti-pattern`.
 *
 * @since 0.1.0
 */
import { Console, Effect, Schema } from "effect"
import { AddAntiPatternInput, AddKnowledgeInput, AddPreferenceInput, LearnInput, RetrieveInput } from "../../domain/Inputs.js"
import { AntiPattern, DomainKnowledge, UserPreference } from "../../domain/Memory.js"
import { MemorySlice } from "../../domain/MemorySlice.js"
import { decodeInput } from "../../internal/validate.js"
import * as AlmaService from "../../services/Alma.js"
import { LearnResult } from "../../services/Learner.js"
import { reporting } from "../errors.js"
import * as O from "../options.js"
import * as Output from "../output.js"
import type * as Spec from "../spec.js"
import { withStack } from "../stack.js"

const plural = (n: number, word: string, many = `${word}s`) => `${n} ${n === 1 ? word : many}`

/**
 * `--json` shape of `retrieve`: the encoded MemorySlice plus `totalItems` and the rendered `prompt`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const RetrieveJson = Schema.Struct({
  ...MemorySlice.fields,
  totalItems: Schema.Number,
  prompt: Schema.String
})

const summary = (slice: MemorySlice) => {
  const parts = [
    [slice.heuristics.length, "heuristic"],
    [slice.antiPatterns.length, "anti-pattern"],
    [slice.preferences.length, "preference"],
    [slice.domainKnowledge.length, "fact"],
    [slice.outcomes.length, "outcome"]
  ] as const
  const kinds = parts.filter(([n]) => n > 0).map(([n, w]) => plural(n, w)).join(", ")
  return `${plural(slice.totalItems, "memory", "memories")}${kinds ? ` (${kinds})` : ""} ` +
    `in ${slice.retrievalTimeMs.toFixed(1)} ms; ${slice.tokenCount}/${slice.maxTokens} tokens; mode ${slice.mode}` +
    (slice.cacheHit ? "; cached" : "")
}

/**
 * `alma retrieve <task> -a AGENT`: the prompt slice and a summary line, or `RetrieveJson`.
 *
 * @since 0.1.0
 * @category commands
 */
export const retrieve = (o: Spec.Args<typeof Spec.retrieve>) =>
  withStack(o.config, () =>
    Effect.gen(function*() {
      const alma = yield* AlmaService.Alma
      const out = yield* Output.Output
      const input = yield* decodeInput(RetrieveInput, {
        task: o.task,
        agent: o.agent,
        userId: O.opt(o.user),
        topK: O.opt(o.topK),
        kinds: O.splitList(o.kinds),
        mode: O.opt(o.mode),
        maxTokens: O.opt(o.maxTokens)
      })
      const slice = yield* alma.retrieve(input)
      const prompt = slice.toPrompt()
      if (o.json) return yield* Output.printJson(RetrieveJson, { ...slice, totalItems: slice.totalItems, prompt })
      yield* Console.log(prompt.length > 0 ? prompt : out.dim("(no relevant memories)"))
      yield* Console.log(out.dim(`\n${summary(slice)}`))
    })).pipe(reporting({ command: "retrieve", json: o.json }))

/**
 * `alma learn <task> -a AGENT --outcome success|failure --strategy S`: what was recorded and formed,
 * or the encoded `LearnResult`.
 *
 * @since 0.1.0
 * @category commands
 */
export const learn = (o: Spec.Args<typeof Spec.learn>) =>
  withStack(o.config, () =>
    Effect.gen(function*() {
      const alma = yield* AlmaService.Alma
      const out = yield* Output.Output
      const input = yield* decodeInput(LearnInput, {
        task: o.task,
        agent: o.agent,
        outcome: o.outcome,
        strategyUsed: o.strategy,
        taskType: O.opt(o.taskType),
        errorMessage: O.opt(o.error),
        feedback: O.opt(o.feedback),
        durationMs: O.opt(o.durationMs)
      })
      const r = yield* alma.learn(input)
      if (o.json) return yield* Output.printJson(LearnResult, r)
      const verdict = r.outcome.success ? out.green("success") : out.red("failure")
      yield* Console.log(`recorded outcome ${out.bold(r.outcome.id)} (${verdict}, task type ${r.outcome.taskType})`)
      if (r.heuristic) {
        const h = r.heuristic.memory
        yield* Console.log(
          `heuristic ${r.heuristic.action} ${out.bold(h.id)}: ${h.strategy} ` +
            out.dim(`(confidence ${h.confidence.toFixed(2)}, ${h.successCount}/${h.occurrenceCount} successes)`)
        )
      }
      if (r.antiPattern) {
        const a = r.antiPattern.memory
        yield* Console.log(`anti-pattern ${r.antiPattern.action} ${out.bold(a.id)}: ${a.pattern}`)
        yield* Console.log(`  instead: ${a.betterAlternative}`)
      }
      for (const w of r.warnings) {
        yield* Console.log(`${out.yellow("warning:")} the strategy matches anti-pattern ${w.id}: ${w.pattern}`)
        yield* Console.log(`  why bad: ${w.whyBad}\n  instead: ${w.betterAlternative}`)
      }
    })).pipe(reporting({ command: "learn", json: o.json }))

/**
 * `alma add-preference <preference> --user U --category C`: the stored `UserPreference`.
 *
 * @since 0.1.0
 * @category commands
 */
export const addPreference = (o: Spec.Args<typeof Spec.addPreference>) =>
  withStack(o.config, () =>
    Effect.gen(function*() {
      const alma = yield* AlmaService.Alma
      const input = yield* decodeInput(AddPreferenceInput, {
        userId: o.user,
        category: o.category,
        preference: o.preference,
        source: O.opt(o.source),
        confidence: O.opt(o.confidence)
      })
      const p = yield* alma.addPreference(input)
      if (o.json) return yield* Output.printJson(UserPreference, p)
      yield* Console.log(`stored preference ${p.id} for user ${p.userId} (${p.category}, confidence ${p.confidence})`)
    })).pipe(reporting({ command: "add-preference", json: o.json }))

/**
 * `alma add-knowledge -a AGENT --domain D --fact F`: the stored `DomainKnowledge`.
 *
 * @since 0.1.0
 * @category commands
 */
export const addKnowledge = (o: Spec.Args<typeof Spec.addKnowledge>) =>
  withStack(o.config, () =>
    Effect.gen(function*() {
      const alma = yield* AlmaService.Alma
      const input = yield* decodeInput(AddKnowledgeInput, {
        agent: o.agent,
        domain: o.domain,
        fact: o.fact,
        source: O.opt(o.source),
        confidence: O.opt(o.confidence)
      })
      const k = yield* alma.addKnowledge(input)
      if (o.json) return yield* Output.printJson(DomainKnowledge, k)
      yield* Console.log(`stored fact ${k.id} for ${k.agent} in ${k.domain} (confidence ${k.confidence})`)
    })).pipe(reporting({ command: "add-knowledge", json: o.json }))

/**
 * `alma add-anti-pattern <pattern> -a AGENT --why-bad W --instead I`: the stored `AntiPattern`.
 *
 * @since 0.1.0
 * @category commands
 */
export const addAntiPattern = (o: Spec.Args<typeof Spec.addAntiPattern>) =>
  withStack(o.config, () =>
    Effect.gen(function*() {
      const alma = yield* AlmaService.Alma
      const input = yield* decodeInput(AddAntiPatternInput, {
        agent: o.agent,
        pattern: o.pattern,
        whyBad: o.whyBad,
        betterAlternative: o.instead,
        taskType: O.opt(o.taskType)
      })
      const a = yield* alma.addAntiPattern(input)
      if (o.json) return yield* Output.printJson(AntiPattern, a)
      yield* Console.log(`stored anti-pattern ${a.id} for ${a.agent}`)
    })).pipe(reporting({ command: "add-anti-pattern", json: o.json }))
