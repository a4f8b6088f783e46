/**
 * The ALMA memory JSONL format, version 1 (`docs/jsonl-format.md`): its constants, the header and
 * the import report.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import { Name } from "../domain/Ids.js"
import { Count } from "../domain/Memory.js"

/**
 * The `format` value of every header.
 *
 * @since 0.1.0
 * @category constructors
 */
export const FORMAT = "alma-memory-jsonl"

/**
 * The format version this module writes and the only one it reads.
 *
 * @since 0.1.0
 * @category constructors
 */
export const VERSION = 1

// schema

/**
 * The embedder that produced a file's vectors.
 *
 * **Units** `dimensions`: vector length.
 *
 * @since 0.1.0
 * @category schemas
 */
export class EmbeddingInfo extends Schema.Class<EmbeddingInfo>("EmbeddingInfo")({
  model: Schema.String.pipe(Schema.minLength(1, { message: () => "must not be empty" })),
  dimensions: Schema.Number.pipe(Schema.int(), Schema.positive({ message: () => "must be a positive integer" }))
}) {}

/**
 * Line 1 of a file: format, version, source project, export time, embedder (or `null` when the lines
 * carry no vectors) and the number of memory lines that follow.
 *
 * @since 0.1.0
 * @category schemas
 */
export class Header extends Schema.Class<Header>("JsonlHeader")({
  format: Schema.Literal(FORMAT),
  version: Schema.Literal(VERSION),
  projectId: Name,
  exportedAt: Schema.DateTimeUtc,
  embedding: Schema.NullOr(EmbeddingInfo),
  count: Count
}) {}

/**
 * A line an import left out. **Shape** `field`: `line <n>` or `line <n>: <path>`, as in the
 * `ValidationError` a strict import fails with; `reason`: what is wrong.
 *
 * @since 0.1.0
 * @category models
 */
export class RejectedLine extends Schema.Class<RejectedLine>("RejectedLine")({
  line: Schema.Number.pipe(Schema.int(), Schema.positive()),
  field: Schema.String,
  reason: Schema.String
}) {}

/**
 * What an import did: how many memories it stored into `projectId`, whether it re-embedded them
 * (otherwise the file's vectors were stored as they are) and the lines it skipped.
 *
 * @since 0.1.0
 * @category models
 */
export class ImportReport extends Schema.Class<ImportReport>("ImportReport")({
  projectId: Schema.String,
  imported: Count,
  reembedded: Schema.Boolean,
  rejected: Schema.Array(RejectedLine)
}) {}
