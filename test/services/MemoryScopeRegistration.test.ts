/**
 * Agents registered at run time (RPC RegisterAgent, `Alma.registerAgent`) each own storage
 * partitions, so their number is capped per project by configuration (`max_registered_agents`),
 * never left to requests.
 */
import { assert, describe, it } from "@effect/vitest"
import { Effect, Layer } from "effect"
import { parseConfig } from "../../config/AlmaConfig.js"
import * as HashEmbedder from "../../layers/embedders/HashEmbedder.js"
import * as MemoryStorage from "../../layers/memory/MemoryStorage.js"
import * as Alma from "../../src/Alma.js"
import { AgentScope } from "../../src/domain/AgentScope.js"
import * as AlmaService from "../../src/services/Alma.js"
import * as MemoryScope from "../../src/services/MemoryScope.js"

const scope = (agent: string, domain?: string) => AgentScope.make({ agent, ...(domain ? { domain } : {}) })

describe("MemoryScope.register", () => {
  it.effect("caps new agents at maxRegisteredAgents; replacing a known agent's scope is always allowed", () =>
    Effect.gen(function*() {
      const s = yield* MemoryScope.make({ scopes: [scope("conf")], maxRegisteredAgents: 2 })
      yield* s.register(scope("r1"))
      yield* s.register(scope("r2"))
      // replacing a registered agent and a configured one is not a new agent
      yield* s.register(scope("r1", "deploy"))
      yield* s.register(scope("conf", "deploy"))
      const error = yield* Effect.flip(s.register(scope("r3")))
      assert.strictEqual(error._tag, "ValidationError")
      assert.strictEqual(error.field, "agent")
      assert.include(error.reason, "max_registered_agents: 2")
      assert.include(error.reason, "\"r3\"")
      // nothing was registered by the refused call
      assert.deepStrictEqual((yield* s.all).map((a) => a.agent).sort(), ["conf", "r1", "r2"])
      assert.strictEqual((yield* Effect.flip(s.scopeOf("r3")))._tag, "ValidationError")
      assert.strictEqual((yield* s.scopeOf("r1")).domain, "deploy")
    }))

  it.effect("defaults to 100 agents per project; 0 refuses every new agent", () =>
    Effect.gen(function*() {
      assert.strictEqual(MemoryScope.defaultMaxRegisteredAgents, 100)
      const s = yield* MemoryScope.make({ scopes: [] })
      for (let i = 0; i < 100; i++) yield* s.register(scope(`agent-${i}`))
      const error = yield* Effect.flip(s.register(scope("agent-100")))
      assert.include(error.reason, "max_registered_agents: 100")
      assert.lengthOf(yield* s.all, 100)
      const none = yield* MemoryScope.make({ scopes: [scope("conf")], maxRegisteredAgents: 0 })
      assert.strictEqual((yield* Effect.flip(none.register(scope("new"))))._tag, "ValidationError")
      yield* none.register(scope("conf", "deploy"))
    }))

  it.effect("Alma.registerAgent fails with the limit the configuration sets (max_registered_agents)", () =>
    Effect.gen(function*() {
      const config = yield* parseConfig("max_registered_agents: 1\n", { file: "alma.yaml", env: {} })
      assert.strictEqual(config.maxRegisteredAgents, 1)
      const defaults = yield* parseConfig("", { file: "alma.yaml", env: {} })
      assert.strictEqual(defaults.maxRegisteredAgents, 100)
      const invalid = yield* Effect.flip(parseConfig("max_registered_agents: -1\n", { file: "alma.yaml", env: {} }))
      assert.strictEqual(invalid._tag, "ConfigurationError")
      const stack = Alma.layerWith(MemoryStorage.layer, HashEmbedder.layer, Alma.engineOptions(config))
      yield* Effect.gen(function*() {
        const alma = yield* AlmaService.Alma
        yield* alma.registerAgent(scope("first"))
        const error = yield* Effect.flip(alma.registerAgent(scope("second")))
        assert.strictEqual(error._tag, "ValidationError")
        assert.include(error.reason, "max_registered_agents: 1")
        assert.deepStrictEqual((yield* alma.agents).map((a) => a.agent), ["first"])
      }).pipe(Effect.provide(Layer.fresh(stack)))
    }))
})
