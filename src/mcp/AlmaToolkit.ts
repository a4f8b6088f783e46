/**
 * The ALMA toolkit: the original's 16 tools (reference §5.1, same names and parameters) plus
 * `alma_add_anti_pattern`, `alma_check_action` and `alma_record_feedback`, and their handlers over
 * the engine services of one project.
 *
 * @since 0.1.0
 */
import * as Toolkit from "@effect/ai/Toolkit"
import { Effect } from "effect"
import { adminHandlers } from "./handlers/admin.js"
import { adviceHandlers } from "./handlers/advice.js"
import { memoryHandlers } from "./handlers/memory.js"
import { workflowHandlers } from "./handlers/workflow.js"
import { AdminToolkit } from "./tools/admin.js"
import { AdviceToolkit } from "./tools/advice.js"
import { MemoryToolkit } from "./tools/memory.js"
import { WorkflowToolkit } from "./tools/workflow.js"

/**
 * All 19 tools.
 *
 * @since 0.1.0
 * @category toolkits
 */
export const AlmaToolkit = Toolkit.merge(MemoryToolkit, AdminToolkit, WorkflowToolkit, AdviceToolkit)

/**
 * The handlers of every tool, over `Alma`, `Workflows`, `Consolidator` and `Advisor` in context.
 *
 * @since 0.1.0
 * @category handlers
 */
export const handlers = Effect.gen(function*() {
  const memory = yield* memoryHandlers
  const admin = yield* adminHandlers
  const workflow = yield* workflowHandlers
  const advice = yield* adviceHandlers
  return AlmaToolkit.of({ ...memory, ...admin, ...workflow, ...advice })
})
