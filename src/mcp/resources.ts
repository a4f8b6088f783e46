/**
 * The MCP resources: `alma://config` (the server's configuration summary, secrets removed by the
 * caller) and `alma://agents` (every configured agent: its scope and memory counts), as in the
 * original ALMA (reference §5.1, `alma/mcp/resources.py`).
 *
 * @since 0.1.0
 */
import * as McpServer from "@effect/ai/McpServer"
import { Effect } from "effect"
import type { AgentScope } from "../domain/AgentScope.js"
import * as AlmaService from "../services/Alma.js"
import { countsJson } from "./results.js"

const json = (uri: string, value: unknown) => ({
  contents: [{ uri, mimeType: "application/json", text: JSON.stringify(value, null, 2) }]
})

const scopeJson = (s: AgentScope) => ({
  ...(s.domain !== undefined ? { domain: s.domain } : {}),
  can_learn: s.canLearn,
  cannot_learn: s.cannotLearn,
  share_with: s.shareWith,
  inherit_from: s.inheritFrom,
  min_occurrences_for_heuristic: s.minOccurrencesForHeuristic
})

/**
 * Registers `alma://config` (serving `config` as JSON) and `alma://agents` with the McpServer in
 * context; the agents are read from the `Alma` service in context on every read.
 *
 * @since 0.1.0
 * @category registration
 */
export const registerResources = (config: Readonly<Record<string, unknown>>) =>
  Effect.gen(function*() {
    const alma = yield* AlmaService.Alma
    yield* McpServer.registerResource({
      uri: "alma://config",
      name: "ALMA configuration",
      description: "How this memory server is configured: project, storage, embedding model, retrieval and " +
        "learning settings, agents (JSON; no secrets)",
      mimeType: "application/json",
      content: Effect.sync(() => json("alma://config", config))
    })
    yield* McpServer.registerResource({
      uri: "alma://agents",
      name: "ALMA agents",
      description: "Every agent configured for this project: what it may learn, whom it shares memories with, " +
        "and how many memories of each kind it has (JSON)",
      mimeType: "application/json",
      content: Effect.gen(function*() {
        const scopes = yield* alma.agents
        const agents = yield* Effect.forEach(scopes, (s) =>
          Effect.map(alma.stats({ agent: s.agent }), (stats) => ({
            name: s.agent,
            scope: scopeJson(s),
            stats: countsJson(stats.counts)
          })))
        return json("alma://agents", { project_id: alma.projectId, agent_count: agents.length, agents })
      })
    })
  })
