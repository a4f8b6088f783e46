/**
 * Inputs of the Advisor (`alma_check_action`, `alma_record_feedback`), with their limits.
 */
import { Schema } from "effect"
import { MemoryId, Name } from "../../domain/Ids.js"
import { MAX_TASK_LENGTH, MAX_TEXT_LENGTH, Text } from "../../domain/Inputs.js"

/** Most memory ids accepted in `helpful` or in `harmful`. */
export const MAX_FEEDBACK_IDS = 100

/** Largest `topK` of `checkAction` (matches returned per kind). */
export const MAX_CHECK_TOP_K = 50

/** Decoded input of `Advisor.checkAction`. */
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

/** Decoded input of `Advisor.recordFeedback`. */
export const FeedbackInput = Schema.Struct({
  agent: Name,
  task: Schema.optional(Text(MAX_TASK_LENGTH)),
  helpful: Schema.optional(Ids),
  harmful: Schema.optional(Ids),
  notes: Schema.optional(Text(MAX_TEXT_LENGTH))
})
