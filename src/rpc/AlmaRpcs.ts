/**
 * The RPC contract of ALMA: one `RpcGroup` mirroring the `Alma` service, procedure for procedure.
 *
 * Payloads reuse the input schemas of `domain/Inputs.ts` (same limits, same messages); successes are
 * the domain classes (they arrive as instances, with `DateTime` fields); errors are the exact
 * `ALMAError` union each `Alma` method can fail with. Every procedure that takes a payload also
 * declares `ValidationError`: a payload that fails decoding on the server comes back as a
 * `ValidationError` naming the field (see `server.ts`), never as a defect.
 *
 * @since 0.1.0
 */
import { Rpc, RpcGroup } from "@effect/rpc"
import { Schema } from "effect"
import { AgentScope } from "../domain/AgentScope.js"
import {
  EmbeddingError,
  NotFoundError,
  ScopeViolationError,
  StorageError,
  ValidationError
} from "../domain/AlmaError.js"
import { MemoryId, MemoryKind, Name } from "../domain/Ids.js"
import {
  AuditLogLimit,
  AddAntiPatternInput,
  AddKnowledgeInput,
  AddPreferenceInput,
  ForgetInput,
  LearnInput,
  OnIdConflict,
  RetrieveInput,
  UpdateInput
} from "../domain/Inputs.js"
import { AntiPattern, DomainKnowledge, Memory, UserPreference } from "../domain/Memory.js"
import { MemorySlice } from "../domain/MemorySlice.js"
import { ForgetAudit, ForgetResult, Health, LearnResult, Stats } from "../domain/Results.js"

/**
 * Liveness and size of one project's ALMA (its schema lives in `domain/Results.ts`).
 *
 * @since 0.1.0
 * @category models
 */
export { Health }

/**
 * Errors of `retrieve` (`Retriever.RetrieveError`).
 *
 * @since 0.1.0
 * @category errors
 */
export const RetrieveErrors = Schema.Union(ValidationError, StorageError, EmbeddingError)

/**
 * Errors of the learning writes (`Learner.LearnError`).
 *
 * @since 0.1.0
 * @category errors
 */
export const LearnErrors = Schema.Union(ValidationError, ScopeViolationError, StorageError, EmbeddingError)

/**
 * Errors of `get` and `delete`.
 *
 * @since 0.1.0
 * @category errors
 */
export const LookupErrors = Schema.Union(ValidationError, NotFoundError, StorageError)

/**
 * Errors of `update` (`LearnError | NotFoundError`).
 *
 * @since 0.1.0
 * @category errors
 */
export const UpdateErrors = Schema.Union(ValidationError, ScopeViolationError, StorageError, EmbeddingError, NotFoundError)

/**
 * Errors of the maintenance and listing procedures (`stats`, `forget`, `prune`, `auditLog`, export).
 * `auditLog` and export fail with `ValidationError` only for a payload that fails decoding.
 *
 * @since 0.1.0
 * @category errors
 */
export const MaintenanceErrors = Schema.Union(ValidationError, StorageError)

const optionalOrUndefined = <S extends Schema.Schema.Any>(schema: S) => Schema.optional(Schema.UndefinedOr(schema))

/**
 * The whole public API of `Alma.Service` as procedures. Tags are the method names in PascalCase;
 * batches take `{ inputs }` and are all-or-none; `Export` streams the memories (newest first).
 *
 * @since 0.1.0
 * @category groups
 */
export class AlmaRpcs extends RpcGroup.make(
  Rpc.make("Retrieve", { payload: RetrieveInput, success: MemorySlice, error: RetrieveErrors }),
  Rpc.make("Learn", { payload: LearnInput, success: LearnResult, error: LearnErrors }),
  Rpc.make("AddPreference", { payload: AddPreferenceInput, success: UserPreference, error: LearnErrors }),
  Rpc.make("AddKnowledge", { payload: AddKnowledgeInput, success: DomainKnowledge, error: LearnErrors }),
  Rpc.make("AddAntiPattern", { payload: AddAntiPatternInput, success: AntiPattern, error: LearnErrors }),
  Rpc.make("AddPreferences", {
    payload: { inputs: Schema.Array(AddPreferenceInput) },
    success: Schema.Array(UserPreference),
    error: LearnErrors
  }),
  Rpc.make("AddKnowledgeBatch", {
    payload: { inputs: Schema.Array(AddKnowledgeInput) },
    success: Schema.Array(DomainKnowledge),
    error: LearnErrors
  }),
  Rpc.make("AddAntiPatterns", {
    payload: { inputs: Schema.Array(AddAntiPatternInput) },
    success: Schema.Array(AntiPattern),
    error: LearnErrors
  }),
  Rpc.make("Get", { payload: { id: MemoryId }, success: Memory, error: LookupErrors }),
  Rpc.make("Update", { payload: { id: MemoryId, patch: UpdateInput }, success: Memory, error: UpdateErrors }),
  Rpc.make("Delete", { payload: { id: MemoryId }, error: LookupErrors }),
  Rpc.make("Forget", { payload: ForgetInput, success: ForgetResult, error: MaintenanceErrors }),
  Rpc.make("Prune", {
    payload: { agent: optionalOrUndefined(Schema.String), dryRun: optionalOrUndefined(Schema.Boolean) },
    success: ForgetResult,
    error: MaintenanceErrors
  }),
  Rpc.make("Stats", { payload: { agent: optionalOrUndefined(Name) }, success: Stats, error: MaintenanceErrors }),
  Rpc.make("Health", { success: Health }),
  Rpc.make("AuditLog", {
    payload: {
      limit: optionalOrUndefined(AuditLogLimit)
    },
    success: Schema.Array(ForgetAudit),
    error: MaintenanceErrors
  }),
  Rpc.make("Export", {
    payload: { kinds: optionalOrUndefined(Schema.Array(MemoryKind)), agent: optionalOrUndefined(Schema.String) },
    success: Memory,
    error: MaintenanceErrors,
    stream: true
  }),
  Rpc.make("Import", {
    payload: {
      memories: Schema.Array(Schema.Unknown).annotations({
        description: "Exported memories in their JSON form; validated (and re-embedded) by the server"
      }),
      onIdConflict: optionalOrUndefined(OnIdConflict).annotations({
        description: "An id held by another project: \"error\" (default) refuses the import, \"new-id\" uses a fresh id"
      })
    },
    success: Schema.Number,
    error: LearnErrors
  }),
  Rpc.make("Agents", { success: Schema.Array(AgentScope) }),
  Rpc.make("RegisterAgent", { payload: { scope: AgentScope }, error: ValidationError })
) {}
