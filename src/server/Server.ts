/**
 * `alma serve` and `alma mcp` as layers: every project's RPC and MCP surfaces over one shared
 * Storage, Embedder and cache, behind the middleware stack (access log, CORS, size limit, auth).
 *
 * Each token is bound to one project. Each project gets its own engine (scope, retriever, learner,
 * …) mounted under an internal prefix; the auth middleware routes `/rpc`, `/ws` and `/mcp` to the
 * token's project, so a token can never reach another project's memories.
 *
 * @since 0.1.0
 */
import * as NodeHttpServer from "@effect/platform-node/NodeHttpServer"
import * as HttpRouter from "@effect/platform/HttpRouter"
import * as HttpServer from "@effect/platform/HttpServer"
import * as HttpServerResponse from "@effect/platform/HttpServerResponse"
import { Effect, Layer } from "effect"
import { createServer } from "node:http"
import type { AlmaConfig } from "../../config/AlmaConfig.js"
import * as Alma from "../Alma.js"
import type * as Embedder from "../services/Embedder.js"
import { ConfigurationError, type EmbeddingError } from "../domain/AlmaError.js"
import * as Mcp from "../mcp/server.js"
import * as Rpc from "../rpc/server.js"
import * as Auth from "./Auth.js"
import * as Middleware from "./middleware.js"

/**
 * Overrides of the configured server settings (from the command line).
 *
 * @since 0.1.0
 * @category models
 */
export interface ServeOptions {
  readonly version: string
  readonly host?: string | undefined
  readonly port?: number | undefined
  /** Replaces the configured embedder (the CLI passes one that loads its model lazily). */
  readonly embedder?: Layer.Layer<Embedder.Embedder, ConfigurationError | EmbeddingError> | undefined
}

/**
 * The configuration as `alma://config` shows it: no secrets (URLs and tokens are left out), the
 * scopes without their sharing lists, as the original's resource.
 *
 * @since 0.1.0
 * @category constructors
 */
export const publicConfig = (config: AlmaConfig, projectId: string): Record<string, unknown> => ({
  project_id: projectId,
  storage: config.storage,
  cache: config.cache,
  embedding: {
    provider: config.embedding.provider,
    dimensions: config.embedding.dimensions ?? null,
    model: config.embedding.model ?? null
  },
  agents: config.agents.map((a) => ({
    agent: a.agent,
    domain: a.domain ?? null,
    can_learn: a.canLearn,
    cannot_learn: a.cannotLearn
  })),
  retrieval: { default_top_k: config.retrieval.defaultTopK, max_context_tokens: config.retrieval.maxContextTokens }
})

/**
 * One project's engine services, over the shared Storage, Embedder and MemoryCache.
 *
 * @since 0.1.0
 * @category layers
 */
export const layerProjectFromConfig = (config: AlmaConfig, projectId: string) =>
  Alma.layerProject({ ...Alma.engineOptions(config), projectId })

const info = (config: AlmaConfig, projectId: string, version: string): Mcp.ServerInfo => ({
  name: "alma-memory",
  version,
  config: publicConfig(config, projectId)
})

const loopback = new Set(["127.0.0.1", "::1", "localhost"])

/**
 * Refuses to bind a non-loopback `host` without tokens. The configuration loader checks
 * `server.host`; this repeats the check for the effective host, which `--host` may override.
 */
const requireTokensOffLoopback = (host: string, config: AlmaConfig) =>
  Layer.effectDiscard(
    loopback.has(host) || config.server.tokens.length > 0
      ? Effect.void
      : new ConfigurationError({
        key: "server.tokens",
        description: `binding ${host} exposes ALMA beyond this machine, which requires bearer tokens; ` +
          "add tokens: [{token: ${ALMA_TOKEN}, project: <name>}] to the server section, or bind 127.0.0.1"
      })
  )

/**
 * The HTTP server: `/rpc` (ndjson), `/ws` (WebSocket), `/mcp` (Streamable HTTP) and `/health`
 * (`{"status":"ok"}`, no memory content), on `server.host:server.port`. Logs "Listening on …" when
 * bound. Closing its scope stops accepting, lets in-flight requests finish and closes the storage.
 *
 * **Errors** `ConfigurationError` (bad configuration, or binding a non-loopback address without
 * tokens), `StorageError`, `EmbeddingError`, `ServeError` (port in use).
 *
 * @since 0.1.0
 * @category layers
 */
export const layerHttp = (config: AlmaConfig, options: ServeOptions) => {
  const host = options.host ?? config.server.host
  const port = options.port ?? config.server.port
  const auth = Auth.make(config.server.tokens, config.projectId)
  const projects = Auth.projectsOf(config.server.tokens, config.projectId)
  const perProject = (project: string) =>
    Layer.mergeAll(
      Rpc.layerRpc({ httpPath: Middleware.mountPath(project, "/rpc"), wsPath: Middleware.mountPath(project, "/ws") }),
      Mcp.layerMcpHttp({ path: Middleware.mountPath(project, "/mcp"), info: info(config, project, options.version) })
    ).pipe(Layer.provide(layerProjectFromConfig(config, project)))
  const health = HttpRouter.Default.use((router) =>
    router.get("/health", HttpServerResponse.unsafeJson({ status: "ok", projects: projects.length }))
  )
  const middleware = Middleware.stack({
    auth,
    maxBodyBytes: config.server.maxBodyBytes,
    corsOrigins: config.server.corsOrigins,
    accessLog: config.server.accessLog
  })
  return HttpRouter.Default.serve(middleware).pipe(
    Layer.provide(Layer.mergeAll(health, ...projects.map(perProject))),
    Layer.provide(Alma.layerSharedFromConfig(config, options.embedder)),
    HttpServer.withLogAddress,
    Layer.provide(NodeHttpServer.layer(createServer, { host, port })),
    // Provided last, so it is checked before anything is opened or bound.
    Layer.provide(requireTokensOffLoopback(host, config))
  )
}

/**
 * MCP over stdio for one project (default the configuration's `project_id`).
 *
 * @since 0.1.0
 * @category layers
 */
export const layerStdio = (config: AlmaConfig, options: ServeOptions & { readonly project?: string | undefined }) => {
  const project = options.project ?? config.projectId
  return Mcp.layerMcpStdio({ info: info(config, project, options.version) }).pipe(
    Layer.provide(layerProjectFromConfig(config, project)),
    Layer.provide(Alma.layerSharedFromConfig(config, options.embedder))
  )
}
