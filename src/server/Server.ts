/**
 * `alma serve` and `alma mcp` as layers: every project's RPC and MCP surfaces over one shared
 * Storage, Embedder and cache, behind the middleware stack (access log, browser guard, CORS, size
 * limit, auth, per-token limits; see `middleware.ts`).
 *
 * Each token is bound to one project. Each project gets its own engine (scope, retriever, learner,
 * …) mounted under an internal prefix; the auth middleware routes `/rpc`, `/ws` and `/mcp` to the
 * token's project, so a token can never reach another project's memories.
 *
 * @since 0.1.0
 */
import * as HttpRouter from "@effect/platform/HttpRouter"
import * as HttpServer from "@effect/platform/HttpServer"
import * as HttpServerResponse from "@effect/platform/HttpServerResponse"
import { Effect, Layer } from "effect"
import type { AlmaConfig } from "../../config/AlmaConfig.js"
import * as Alma from "../Alma.js"
import type * as Embedder from "../services/Embedder.js"
import { ConfigurationError, type EmbeddingError } from "../domain/AlmaError.js"
import * as Mcp from "../mcp/server.js"
import * as Rpc from "../rpc/server.js"
import * as Auth from "./Auth.js"
import * as Guard from "./Guard.js"
import * as Listener from "./Listener.js"
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
 * (`{"status":"ok"}`, no memory content), on `server.host:server.port`. Logs "Listening on …" once
 * it serves. Closing its scope stops accepting, lets in-flight requests finish and closes the storage.
 *
 * **Start-up** the storage, embedder and cache are opened first (an unreachable PostgreSQL fails
 * before anything listens); then the port is bound, answering 503 until the projects are mounted.
 * **Browser guard** every request is checked for `Host`, `Origin` and (POST) `Content-Type`
 * before authentication (see `Guard.ts`); WebSocket messages are limited to `server.max_body_bytes`.
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
  const server = config.server
  // The Host/Origin policy needs the bound port (`port: 0` picks one), hence built once bound.
  const serve = Layer.unwrapEffect(Effect.map(HttpServer.HttpServer, ({ address }) =>
    HttpRouter.Default.serve(Middleware.stack({
      auth,
      guard: Guard.make({ address, host, allowedHosts: server.allowedHosts, allowedOrigins: server.corsOrigins }),
      limits: { maxConnections: server.maxWsConnectionsPerToken, maxInFlight: server.maxInFlightPerToken },
      maxBodyBytes: server.maxBodyBytes,
      corsOrigins: server.corsOrigins,
      accessLog: server.accessLog
    }))
  ))
  // Built bottom-up: the token check, then the shared storage (which fails before anything is
  // bound), then the listener (503 meanwhile), then the projects, then serving.
  return serve.pipe(
    Layer.provide(Layer.mergeAll(health, ...projects.map(perProject))),
    HttpServer.withLogAddress,
    Layer.provide(Listener.layer({ host, port, maxPayload: server.maxBodyBytes })),
    Layer.provide(Alma.layerSharedFromConfig(config, options.embedder)),
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
