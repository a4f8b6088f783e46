/**
 * Workflow-scoped retrieval: which metadata a memory must carry to be in a scope, and the slice cut
 * down to the memories that do.
 *
 * Scope filters (metadata key → required value):
 * - `node`: `run_id` and `node_id`; `run`: `run_id`; `workflow`: `workflow_id`; `tenant`: `tenant_id`;
 * - `agent` and `global`: none (the agent's plain retrieval: what it may read, its own memories and
 *   those shared with it; `global` never widens that, scope enforcement is not bypassed).
 *
 * The keys are the ones `learnWorkflow` writes into an outcome's metadata (and that any memory may be
 * given through its `metadata`). User preferences are never filtered: they are the user's wishes, not
 * tied to a workflow.
 *
 * **Source** the original's scope levels and `get_scope_filter` (reference §5.10); it passed the
 * filter to backends that ignored it (§9 weak point 3), so scoped retrieval there returned everything.
 */
import { Either } from "effect"
import { ValidationError } from "../../domain/AlmaError.js"
import type { MemorySlice } from "../../domain/MemorySlice.js"
import { MemorySlice as Slice } from "../../domain/MemorySlice.js"
import type { RetrievalScope } from "../../domain/Workflow.js"
import { renderPrompt } from "../prompt.js"

/** The ids a scoped retrieval may name. */
export interface ScopeIds {
  readonly tenantId?: string | undefined
  readonly workflowId?: string | undefined
  readonly runId?: string | undefined
  readonly nodeId?: string | undefined
}

const required: Record<RetrievalScope, ReadonlyArray<readonly [keyof ScopeIds, string]>> = {
  node: [["runId", "run_id"], ["nodeId", "node_id"]],
  run: [["runId", "run_id"]],
  workflow: [["workflowId", "workflow_id"]],
  tenant: [["tenantId", "tenant_id"]],
  agent: [],
  global: []
}

/**
 * The metadata filter of `scope`. **Errors** `ValidationError` naming the missing id (e.g. `runId`
 * for scope `run`).
 */
export const scopeFilter = (
  scope: RetrievalScope,
  ids: ScopeIds
): Either.Either<Readonly<Record<string, string>>, ValidationError> => {
  const filter: Record<string, string> = {}
  for (const [field, key] of required[scope]) {
    const value = ids[field]
    if (value === undefined) {
      return Either.left(
        new ValidationError({
          field,
          reason: `scope "${scope}" needs ${field} (${key}): give it, or use a broader scope`
        })
      )
    }
    filter[key] = value
  }
  return Either.right(filter)
}

const matches = (filter: Readonly<Record<string, string>>) => (metadata: Readonly<Record<string, unknown>>) =>
  Object.entries(filter).every(([key, value]) => metadata[key] === value)

/**
 * `slice` with only the memories whose metadata matches `filter`, at most `topK` per kind (best
 * first, as retrieved), its token count recomputed for what is left.
 */
export const filterSlice = (slice: MemorySlice, filter: Readonly<Record<string, string>>, topK: number): MemorySlice => {
  const keep = matches(filter)
  const cut = <T extends { readonly memory: { readonly metadata: Readonly<Record<string, unknown>> } }>(
    items: ReadonlyArray<T>
  ): ReadonlyArray<T> => items.filter((item) => keep(item.memory.metadata)).slice(0, topK)
  const lists = {
    heuristics: cut(slice.heuristics),
    antiPatterns: cut(slice.antiPatterns),
    preferences: slice.preferences.slice(0, topK),
    domainKnowledge: cut(slice.domainKnowledge),
    outcomes: cut(slice.outcomes)
  }
  return Slice.make({ ...slice, ...lists, tokenCount: renderPrompt(lists, slice.maxTokens).tokenCount })
}
