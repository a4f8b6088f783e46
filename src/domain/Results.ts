/**
 * What ALMA's operations return, as schemas: the one home of the result shapes the library, the RPC
 * contract, the MCP tools and the CLI's `--json` output share.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import { MemoryId, MemoryKind } from "./Ids.js"
import { AntiPattern, Heuristic, Outcome } from "./Memory.js"

/**
 * What `learn` did.
 *
 * **Shape** `outcome`: the stored outcome; `heuristic` / `antiPattern`: the memory formed or updated
 * and whether it was `created` or `updated`; `warnings`: readable anti-patterns whose pattern matches
 * the strategy used (they warn, they never block recording).
 *
 * @since 0.1.0
 * @category models
 */
export class LearnResult extends Schema.Class<LearnResult>("LearnResult")({
  outcome: Outcome,
  heuristic: Schema.optional(Schema.Struct({ memory: Heuristic, action: Schema.Literal("created", "updated") })),
  antiPattern: Schema.optional(Schema.Struct({ memory: AntiPattern, action: Schema.Literal("created", "updated") })),
  warnings: Schema.Array(AntiPattern)
}) {}

/**
 * What a forget or prune run deleted (or, with `dryRun`, would delete).
 *
 * @since 0.1.0
 * @category models
 */
export class ForgetResult extends Schema.Class<ForgetResult>("ForgetResult")({
  deleted: Schema.Number,
  dryRun: Schema.Boolean,
  items: Schema.Array(Schema.Struct({ id: MemoryId, kind: MemoryKind, reason: Schema.String }))
}) {}

/**
 * Memory counts of a project (or of one agent's own memories).
 *
 * @since 0.1.0
 * @category models
 */
export class Stats extends Schema.Class<Stats>("Stats")({
  projectId: Schema.String,
  agent: Schema.optional(Schema.String),
  backend: Schema.String,
  counts: Schema.Record({ key: Schema.String, value: Schema.Number }),
  total: Schema.Number
}) {}

/**
 * Liveness and size of one project's ALMA, as `Health` returns it.
 *
 * **Shape** `status`: `ok`, or `degraded` when the storage could not be counted (`reason` says why;
 * `backend` is then `unknown` and the counts are empty); `totals`: memories per kind; `total`: their
 * sum; `agents`: number of configured agent scopes; `version`: the `alma-memory` package version of
 * the server; `timestamp`: server time of the check (UTC).
 *
 * @since 0.1.0
 * @category models
 */
export class Health extends Schema.Class<Health>("Health")({
  status: Schema.Literal("ok", "degraded"),
  projectId: Schema.String,
  backend: Schema.String,
  totals: Schema.Record({ key: Schema.String, value: Schema.Number }),
  total: Schema.Number,
  agents: Schema.Number,
  version: Schema.String,
  timestamp: Schema.DateTimeUtc,
  reason: Schema.optional(Schema.String)
}) {}

/**
 * What an audit row records: a deletion (forget, prune, delete, consolidation) or an import.
 *
 * @since 0.1.0
 * @category models
 */
export const AuditAction = Schema.Literal("delete", "import")

/**
 * @since 0.1.0
 * @category models
 */
export type AuditAction = typeof AuditAction.Type

/**
 * One audited write: what was deleted or imported, why and when, with a JSON snapshot.
 *
 * **Shape** `action`: `delete` (default, for rows written before imports were audited) or `import`;
 * `deletedAt`: when the write happened (the name predates import auditing); `snapshot`: the memory as
 * JSON, as it was before the write (a deletion, or an import that replaced it) or, for an import of a
 * new id, as imported.
 *
 * @since 0.1.0
 * @category models
 */
export class ForgetAudit extends Schema.Class<ForgetAudit>("ForgetAudit")({
  memoryId: MemoryId,
  kind: MemoryKind,
  projectId: Schema.String,
  owner: Schema.String,
  action: Schema.optionalWith(AuditAction, { default: () => "delete" as const }),
  reason: Schema.String,
  deletedAt: Schema.DateTimeUtc,
  snapshot: Schema.String.annotations({ description: "The memory as JSON, before the write (or as imported)" })
}) {}
