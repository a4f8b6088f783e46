/**
 * Scope enforcement: who may learn what, and who may read whose memories.
 *
 * Named `MemoryScope` so it never shadows effect's `Scope`.
 *
 * @since 0.1.0
 */
import { Context, Effect, Layer, Ref } from "effect"
import { AgentScope } from "../domain/AgentScope.js"
import { ScopeViolationError, ValidationError } from "../domain/AlmaError.js"
import { Defaults } from "../domain/Defaults.js"
import type { Owner } from "../domain/Ids.js"

/**
 * @since 0.1.0
 * @category models
 */
export interface Service {
  /** The agent's scope. **Errors** `ValidationError` (field `agent`) for an unknown agent. */
  readonly scopeOf: (agent: string) => Effect.Effect<AgentScope, ValidationError>
  /**
   * Owners whose memories `agent` may read: itself, then each `inheritFrom` agent that `shareWith`s it.
   * **Errors** `ValidationError` for an unknown agent.
   */
  readonly readableOwners: (agent: string) => Effect.Effect<ReadonlyArray<Owner>, ValidationError>
  /**
   * Checks that `agent` may learn in `domain` (a task type or knowledge domain).
   * **Errors** `ValidationError` (unknown agent), `ScopeViolationError` (outside its scope).
   */
  readonly checkLearn: (agent: string, domain: string) => Effect.Effect<AgentScope, ValidationError | ScopeViolationError>
  /**
   * Adds or replaces an agent's scope at run time. Each agent owns index partitions in storage, so
   * the agents added this way (not configured, not already registered) are capped at
   * `Options.maxRegisteredAgents`; replacing a known agent's scope is always allowed.
   * **Errors** `ValidationError` (field `agent`) naming the limit, when registering a new agent would
   * exceed it (nothing is registered then).
   */
  readonly register: (scope: AgentScope) => Effect.Effect<void, ValidationError>
  /** Every configured scope. */
  readonly all: Effect.Effect<ReadonlyArray<AgentScope>>
}

/**
 * @since 0.1.0
 * @category tags
 */
export class MemoryScope extends Context.Tag("alma-memory/MemoryScope")<MemoryScope, Service>() {}

/**
 * Options: the agents' scopes, whether agents without one are accepted (with an open scope), and how
 * many agents `register` may add.
 *
 * @since 0.1.0
 * @category models
 */
export interface Options {
  readonly scopes: ReadonlyArray<AgentScope>
  /** Accept agents that have no scope, giving them an open one (default false: they are rejected). */
  readonly allowUnknownAgents?: boolean | undefined
  /**
   * Agents `register` may add beyond the configured ones, per project (one `MemoryScope` each): a
   * non-negative integer, default `defaultMaxRegisteredAgents` (100; config key
   * `max_registered_agents`). 0 refuses every new agent at run time.
   */
  readonly maxRegisteredAgents?: number | undefined
}

/**
 * Default of `Options.maxRegisteredAgents`: agents added at run time per project. Each agent may own
 * an index partition per memory kind (on SQLite up to about 1 MiB of tables and vector chunks in
 * all), so 100 agents bound that to about 100 MiB whatever the requests.
 *
 * @since 0.1.0
 * @category constants
 */
export const defaultMaxRegisteredAgents = Defaults.maxRegisteredAgents

/**
 * @since 0.1.0
 * @category constructors
 */
export const make = (options: Options): Effect.Effect<Service> =>
  Effect.gen(function*() {
    const scopes = yield* Ref.make(new Map(options.scopes.map((s) => [s.agent, s] as const)))
    const allowUnknown = options.allowUnknownAgents ?? false
    const configured = new Set(options.scopes.map((s) => s.agent))
    const max = options.maxRegisteredAgents ?? defaultMaxRegisteredAgents
    const maxRegistered = Number.isFinite(max) ? Math.max(0, Math.floor(max)) : defaultMaxRegisteredAgents

    const scopeOf = (agent: string): Effect.Effect<AgentScope, ValidationError> =>
      Effect.flatMap(Ref.get(scopes), (map) => {
        const scope = map.get(agent)
        if (scope) return Effect.succeed(scope)
        if (allowUnknown) return Effect.succeed(AgentScope.make({ agent }))
        const known = [...map.keys()].sort()
        return Effect.fail(
          new ValidationError({
            field: "agent",
            reason: `unknown agent "${agent}"; configured agents: ${known.length ? known.join(", ") : "(none)"}. ` +
              `Add it under "agents" in the configuration, or set allow_unknown_agents: true`
          })
        )
      })

    const readableOwners = (agent: string) =>
      Effect.gen(function*() {
        const scope = yield* scopeOf(agent)
        const map = yield* Ref.get(scopes)
        const shared = scope.inheritFrom.filter((owner) => owner !== agent && map.get(owner)?.sharesWith(agent) === true)
        return [agent, ...new Set(shared)]
      })

    const checkLearn = (agent: string, domain: string) =>
      Effect.flatMap(scopeOf(agent), (scope) =>
        scope.isAllowed(domain)
          ? Effect.succeed(scope)
          : Effect.fail(
            new ScopeViolationError({
              agent,
              domain,
              reason: scope.cannotLearn.includes(domain)
                ? `"${domain}" is in cannot_learn`
                : `"${domain}" is not in can_learn (${scope.canLearn.join(", ")})`
            })
          ))

    const register = (scope: AgentScope): Effect.Effect<void, ValidationError> =>
      Effect.flatten(Ref.modify(scopes, (map): readonly [Effect.Effect<void, ValidationError>, Map<string, AgentScope>] => {
        const registered = [...map.keys()].filter((agent) => !configured.has(agent)).length
        if (!map.has(scope.agent) && registered >= maxRegistered) {
          const error = new ValidationError({
            field: "agent",
            reason: `cannot register agent "${scope.agent}": this project already has ${registered} agents ` +
              `registered at run time, the limit (max_registered_agents: ${maxRegistered}). Reuse or ` +
              `replace a registered agent, configure the agent under "agents", or raise max_registered_agents`
          })
          return [Effect.fail(error), map] as const
        }
        return [Effect.void, new Map(map).set(scope.agent, scope)] as const
      }))

    return {
      scopeOf,
      readableOwners,
      checkLearn,
      register,
      all: Effect.map(Ref.get(scopes), (map) => [...map.values()])
    }
  })

/**
 * @since 0.1.0
 * @category layers
 */
export const layer = (options: Options): Layer.Layer<MemoryScope> => Layer.effect(MemoryScope, make(options))
