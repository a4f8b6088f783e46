/**
 * Inputs of the Advisor (`checkAction`, `recordFeedback`; MCP `alma_check_action`,
 * `alma_record_feedback`), with their limits.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import { MemoryId, Name } from "./Ids.js"
import { MAX_TASK_LENGTH, MAX_TEXT_LENGTH, Text } from "./Inputs.js"

/**
 * Most memory ids accepted in `helpful` or in `harmful`.
 *
 * @since 0.1.0
 * @category constants
 */
export const MAX_FEEDBACK_IDS = 100

/**
 * Largest `topK` of `checkAction` (matches returned per kind).
 *
 * @since 0.1.0
 * @category constants
 */
export const MAX_CHECK_TOP_K = 50

/**
 * Input of `Advisor.checkAction`: the action or strategy an agent proposes, and the task it is for.
 * `topK`: matches per kind, 1–50 (default 5).
 *
 * @since 0.1.0
 * @category schemas
 */
export const CheckActionInput = Schema.Struct({
  agent: Name,
  action: Text(MAX_TEXT_LENGTH),
  context: Schema.optional(Text(MAX_TEXT_LENGTH)),
  topK: Schema.optional(
    Schema.Number.pipe(
      Schema.int({ message: () => "must be an integer" }),
      Schema.between(1, MAX_CHECK_TOP_K, { message: () => `must be between 1 and ${MAX_CHECK_TOP_K} (default 5)` })
    )
  )
})

const Ids = Schema.Array(MemoryId).pipe(
  Schema.maxItems(MAX_FEEDBACK_IDS, { message: () => `must list at most ${MAX_FEEDBACK_IDS} memory ids` })
)

/**
 * Input of `Advisor.recordFeedback`: ids of memories that helped or hurt a task (at most 100 each).
 *
 * @since 0.1.0
 * @category schemas
 */
export const FeedbackInput = Schema.Struct({
  agent: Name,
  task: Schema.optional(Text(MAX_TASK_LENGTH)),
  helpful: Schema.optional(Ids),
  harmful: Schema.optional(Ids),
  notes: Schema.optional(Text(MAX_TEXT_LENGTH))
})

/**
 * @since 0.1.0
 * @category models
 */
export type CheckActionInput = typeof CheckActionInput.Encoded

/**
 * @since 0.1.0
 * @category models
 */
export type FeedbackInput = typeof FeedbackInput.Encoded
