/**
 * A remote ALMA as a drop-in `Alma` service: every method of `Alma.Service` implemented by one call
 * of `AlmaRpcs`, so code written against the `Alma` tag runs unchanged against a server.
 *
 * Differences from the local service, all at the edges:
 * - inputs are validated on the client first, with the same schemas and field names as the local
 *   service, so invalid input fails with the same `ValidationError` without a round trip;
 * - transport failures (server down, HTTP status not 2xx, socket closed) fail as
 *   `StorageError { backend: "rpc", operation: <procedure> }`; for `agents` and `registerAgent`,
 *   whose local errors are `never`, they are defects;
 * - `exportMemories` collects the server's stream; use `makeRpcClient` to consume it as a stream;
 *
 * @since 0.1.0
 */
import type { RpcClientError } from "@effect/rpc"
import { RpcClient } from "@effect/rpc"
import { Chunk, Effect, Layer, Predicate, Schema, Stream } from "effect"
import type * as Scope from "effect/Scope"
import type { AgentScope } from "../domain/AgentScope.js"
import { ConfigurationError, StorageError, type ValidationError } from "../domain/AlmaError.js"
import { MemoryId, Name } from "../domain/Ids.js"
import type { MemoryKind } from "../domain/Ids.js"
import {
  AuditLogLimit,
  AddAntiPatternInput,
  AddKnowledgeInput,
  AddPreferenceInput,
  ForgetInput,
  LearnInput,
  RetrieveInput,
  UpdateInput
} from "../domain/Inputs.js"
import { Memory } from "../domain/Memory.js"
import { decodeInput } from "../internal/validate.js"
import * as Alma from "../services/Alma.js"
import { AlmaRpcs } from "./AlmaRpcs.js"
import type { ClientOptions } from "./clientProtocols.js"
import { layerProtocolHttp, layerProtocolWebSocket } from "./clientProtocols.js"

export type { ClientOptions } from "./clientProtocols.js"

/**
 * The raw typed RPC client: one method per procedure of `AlmaRpcs` (e.g. `client.Retrieve(input)`,
 * `client.Export({})` as a `Stream`), failing with the procedure's errors or `RpcClientError`.
 *
 * @since 0.1.0
 * @category models
 */
export type AlmaRpcClient = Effect.Effect.Success<typeof makeRpcClient>

/**
 * Makes the raw client over the `RpcClient.Protocol` in context (see `layerProtocolHttp` and
 * `layerProtocolWebSocket` in `clientProtocols.ts`); it lives as long as the scope.
 *
 * @since 0.1.0
 * @category constructors
 */
export const makeRpcClient = RpcClient.make(AlmaRpcs, { spanPrefix: "AlmaClient" })

const isRpcClientError = (u: unknown): u is RpcClientError.RpcClientError => Predicate.isTagged(u, "RpcClientError")

/** Transport failures of a procedure whose local error union has StorageError. */
const transport = (operation: string) => <A, E>(self: Effect.Effect<A, E | RpcClientError.RpcClientError>) =>
  Effect.mapError(self, (error) =>
    isRpcClientError(error) ? new StorageError({ backend: "rpc", operation, cause: error }) : error)

const decodeId = (id: string) => Effect.map(decodeInput(Schema.Struct({ id: MemoryId }), { id }), (x) => x.id)

// As the local `stats`: the agent is checked as a bare Name (so the field reported is `input`).
const decodeAgent = (agent: string | undefined): Effect.Effect<string | undefined, ValidationError> =>
  agent === undefined ? Effect.succeed(undefined) : decodeInput(Name, agent)

const encodeMemory = Schema.encode(Memory)

// The messages along a cause chain (`cause`, and `error` for DOM-style error events), at most 5 deep.
const causeMessages = (u: unknown, depth = 0): ReadonlyArray<string> => {
  if (depth > 5 || !Predicate.isObject(u)) return []
  const own = Predicate.hasProperty(u, "message") && typeof u.message === "string" ? [u.message] : []
  const next = Predicate.hasProperty(u, "cause") ? u.cause : Predicate.hasProperty(u, "error") ? u.error : undefined
  return [...own, ...causeMessages(next, depth + 1)]
}

// 401/403 from the server or an auth proxy in front of it, over HTTP (a ResponseError with the
// status) or WebSocket (`ws` reports "Unexpected server response: 401" for a refused upgrade).
const isUnauthorized = (error: RpcClientError.RpcClientError): boolean => {
  const cause: unknown = error.cause
  if (Predicate.isTagged(cause, "ResponseError") && Predicate.hasProperty(cause, "response")) {
    const response: unknown = cause.response
    return Predicate.hasProperty(response, "status") && (response.status === 401 || response.status === 403)
  }
  return causeMessages(cause).some((message) => /Unexpected server response: 40[13]\b/.test(message))
}

/**
 * The `Alma` service over the raw client in `client`. Calls `Health` once to learn the project id.
 *
 * **Errors** `ConfigurationError` (key `token`) when the server refuses the token (HTTP 401/403);
 * `StorageError { backend: "rpc", operation: "connect" }` when it cannot be reached.
 *
 * @since 0.1.0
 * @category constructors
 */
export const fromRpcClient = (
  client: AlmaRpcClient
): Effect.Effect<Alma.Service, ConfigurationError | StorageError> =>
  Effect.gen(function*() {
    const health = yield* client.Health().pipe(
      Effect.mapError((error) =>
        isUnauthorized(error)
          ? new ConfigurationError({ key: "token", description: "the ALMA server refused the token (HTTP 401/403); check the bearer token" })
          : new StorageError({ backend: "rpc", operation: "connect", cause: error })
      )
    )
    const batch = <I, A>(schema: Schema.Schema<A, I>, inputs: ReadonlyArray<I>) =>
      Effect.forEach(inputs, (input) => decodeInput(schema, input))

    return Alma.Alma.of({
      projectId: health.projectId,
      retrieve: (input) => decodeInput(RetrieveInput, input).pipe(Effect.flatMap(client.Retrieve), transport("Retrieve")),
      learn: (input) => decodeInput(LearnInput, input).pipe(Effect.flatMap(client.Learn), transport("Learn")),
      addPreference: (input) =>
        decodeInput(AddPreferenceInput, input).pipe(Effect.flatMap(client.AddPreference), transport("AddPreference")),
      addKnowledge: (input) =>
        decodeInput(AddKnowledgeInput, input).pipe(Effect.flatMap(client.AddKnowledge), transport("AddKnowledge")),
      addAntiPattern: (input) =>
        decodeInput(AddAntiPatternInput, input).pipe(Effect.flatMap(client.AddAntiPattern), transport("AddAntiPattern")),
      addPreferences: (inputs) =>
        batch(AddPreferenceInput, inputs).pipe(
          Effect.flatMap((decoded) => client.AddPreferences({ inputs: decoded })),
          transport("AddPreferences")
        ),
      addKnowledgeBatch: (inputs) =>
        batch(AddKnowledgeInput, inputs).pipe(
          Effect.flatMap((decoded) => client.AddKnowledgeBatch({ inputs: decoded })),
          transport("AddKnowledgeBatch")
        ),
      addAntiPatterns: (inputs) =>
        batch(AddAntiPatternInput, inputs).pipe(
          Effect.flatMap((decoded) => client.AddAntiPatterns({ inputs: decoded })),
          transport("AddAntiPatterns")
        ),
      get: (id) => decodeId(id).pipe(Effect.flatMap((memoryId) => client.Get({ id: memoryId })), transport("Get")),
      update: (id, patch) =>
        Effect.all([decodeId(id), decodeInput(UpdateInput, patch)]).pipe(
          Effect.flatMap(([memoryId, changes]) => client.Update({ id: memoryId, patch: changes })),
          transport("Update")
        ),
      delete: (id) => decodeId(id).pipe(Effect.flatMap((memoryId) => client.Delete({ id: memoryId })), transport("Delete")),
      stats: (options) =>
        decodeAgent(options?.agent).pipe(
          Effect.flatMap((agent) => client.Stats({ agent })),
          transport("Stats")
        ),
      forget: (input) => decodeInput(ForgetInput, input ?? {}).pipe(Effect.flatMap(client.Forget), transport("Forget")),
      prune: (options) => client.Prune({ agent: options?.agent, dryRun: options?.dryRun }).pipe(transport("Prune")),
      auditLog: (limit) =>
        decodeInput(AuditLogLimit, limit ?? 100).pipe(
          Effect.flatMap((n) => client.AuditLog({ limit: n })),
          transport("AuditLog")
        ),
      exportMemories: (options) => exportAll(client, options),
      importMemories: (memories, options) =>
        // Instances are sent in their JSON form, as the local service accepts both.
        Effect.forEach(memories, (m) => (Schema.is(Memory)(m) ? Effect.orDie(encodeMemory(m)) : Effect.succeed(m))).pipe(
          Effect.flatMap((encoded) => client.Import({ memories: encoded, onIdConflict: options?.onIdConflict })),
          transport("Import")
        ),
      registerAgent: (scope: AgentScope) => Effect.orDie(client.RegisterAgent({ scope })),
      agents: Effect.orDie(client.Agents())
    })
  })

const exportAll = (
  client: AlmaRpcClient,
  options?: { readonly kinds?: ReadonlyArray<MemoryKind> | undefined; readonly agent?: string | undefined }
): Effect.Effect<ReadonlyArray<Memory>, StorageError> =>
  client.Export({ kinds: options?.kinds, agent: options?.agent }).pipe(
    Stream.runCollect,
    Effect.map(Chunk.toReadonlyArray),
    // Kinds are typed and agent is free text: the server's payload check cannot fail for typed callers.
    Effect.catchTag("ValidationError", Effect.die),
    transport("Export")
  )

/**
 * The remote `Alma` service over the `RpcClient.Protocol` in context; the connection lives as long
 * as the scope.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make: Effect.Effect<
  Alma.Service,
  ConfigurationError | StorageError,
  RpcClient.Protocol | Scope.Scope
> = Effect.flatMap(makeRpcClient, fromRpcClient)

/**
 * A remote ALMA over HTTP (ndjson) at `url` (e.g. `http://localhost:8787/rpc`), as the `Alma`
 * service: a drop-in replacement for a local stack such as `Alma.layerSqlite(...)`.
 *
 * **Errors** at build: `ConfigurationError` (token refused), `StorageError` (server unreachable).
 *
 * @since 0.1.0
 * @category layers
 */
export const layerHttp = (options: ClientOptions): Layer.Layer<Alma.Alma, ConfigurationError | StorageError> =>
  Layer.scoped(Alma.Alma, make).pipe(Layer.provide(layerProtocolHttp(options)))

/**
 * A remote ALMA over one WebSocket at `url` (e.g. `ws://localhost:8787/ws`), as the `Alma`
 * service. The token goes in the upgrade request's `Authorization` header.
 *
 * **Errors** at build: `ConfigurationError` (token refused), `StorageError` (server unreachable).
 *
 * @since 0.1.0
 * @category layers
 */
export const layerWebSocket = (options: ClientOptions): Layer.Layer<Alma.Alma, ConfigurationError | StorageError> =>
  Layer.scoped(Alma.Alma, make).pipe(Layer.provide(layerProtocolWebSocket(options)))

export {
  /**
   * The HTTP transport, for building a raw client with `makeRpcClient`.
   *
   * @since 0.1.0
   * @category protocols
   */
  layerProtocolHttp,
  /**
   * The WebSocket transport, for building a raw client with `makeRpcClient`.
   *
   * @since 0.1.0
   * @category protocols
   */
  layerProtocolWebSocket
}
