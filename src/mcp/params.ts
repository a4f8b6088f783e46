/**
 * Parameter schemas shared by the ALMA tools, with the limits of `domain/Inputs.ts` and descriptions
 * written for the model that calls the tools. Each tool may override a description where the
 * parameter means something more specific there.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import { MemoryId as MemoryIdSchema, Name } from "../domain/Ids.js"
import { MAX_TASK_LENGTH, MAX_TEXT_LENGTH, Text } from "../domain/Inputs.js"

/** An integer in [min, max], with readable messages. */
export const Int = (min: number, max: number) =>
  Schema.Number.pipe(
    Schema.int({ message: () => "must be an integer" }),
    Schema.between(min, max, { message: () => `must be between ${min} and ${max}` })
  )

/** A finite number in [min, max], with readable messages. */
export const Between = (min: number, max: number) =>
  Schema.Number.pipe(
    Schema.finite({ message: () => "must be a finite number" }),
    Schema.between(min, max, { message: () => `must be between ${min} and ${max}` })
  )

/** A name (letters, digits, `_ . : -`, 1–128 characters). */
export const name = (title: string, description: string) => Name.annotations({ title, description })

/** Non-blank text of at most 8,000 characters. */
export const text = (title: string, description: string) => Text(MAX_TEXT_LENGTH).annotations({ title, description })

/**
 * @since 0.1.0
 * @category schemas
 */
export const Agent = name(
  "agent",
  "Name of the agent whose memory this is, e.g. \"helena\". It must be an agent configured for this " +
    "project (read the alma://agents resource for the list); 1-128 letters, digits, _ . : -"
)

/**
 * @since 0.1.0
 * @category schemas
 */
export const Task = Text(MAX_TASK_LENGTH).annotations({
  title: "task",
  description: "The task in plain words, as you would describe it to a colleague (at most 32,000 characters)"
})

/**
 * @since 0.1.0
 * @category schemas
 */
export const UserId = name(
  "user_id",
  "Id of the user you are working for; when given, that user's stored preferences are included"
)

/**
 * @since 0.1.0
 * @category schemas
 */
export const TopK = Int(1, 100).annotations({
  title: "top_k",
  description: "How many memories of each kind to return, best first (integer 1-100, default 5)"
})

/**
 * @since 0.1.0
 * @category schemas
 */
export const TaskType = name(
  "task_type",
  "Category of the task, used to group similar tasks, e.g. \"api_testing\" or \"form_validation\" " +
    "(default: the agent's own domain, else inferred from the task's words)"
)

/**
 * @since 0.1.0
 * @category schemas
 */
export const MemoryId = MemoryIdSchema.annotations({
  title: "memory_id",
  description: "Id of a memory as returned by another ALMA tool, e.g. \"out_0123456789abcdef\" " +
    "(prefix heur|out|pref|dk|anti, underscore, hex digits)"
})

/**
 * A JSON object of caller-chosen keys.
 *
 * @since 0.1.0
 * @category schemas
 */
export const JsonObject = Schema.Record({ key: Schema.String, value: Schema.Unknown })

/**
 * @since 0.1.0
 * @category schemas
 */
export const Metadata = JsonObject.annotations({
  title: "metadata",
  description: "Extra facts to keep with the record, as a JSON object (at most 16 KiB as JSON)"
})

/**
 * A list of short texts (at most 100 items of at most 8,000 characters).
 *
 * @since 0.1.0
 * @category schemas
 */
export const TextList = (title: string, description: string) =>
  Schema.Array(Text(MAX_TEXT_LENGTH)).pipe(
    Schema.maxItems(100, { message: () => "must have at most 100 items" })
  ).annotations({ title, description })

/**
 * A list of memory ids (at most 100).
 *
 * @since 0.1.0
 * @category schemas
 */
export const MemoryIdList = (title: string, description: string) =>
  Schema.Array(MemoryIdSchema).pipe(
    Schema.maxItems(100, { message: () => "must have at most 100 ids" })
  ).annotations({ title, description })
