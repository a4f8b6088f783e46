/**
 * Reading the ALMA memory JSONL format: the pure checks that turn a file's text into its header,
 * validated memories and per-line rejects, and the error a strict import fails with.
 *
 * @since 0.1.0
 */
import { Either, ParseResult, Schema } from "effect"
import { ValidationError } from "../domain/AlmaError.js"
import { idPrefix } from "../domain/Ids.js"
import { MAX_METADATA_BYTES, MAX_TASK_LENGTH, MAX_TEXT_LENGTH } from "../domain/Inputs.js"
import { Memory } from "../domain/Memory.js"
import { FORMAT, Header, RejectedLine, VERSION } from "./JsonlFormat.js"

/**
 * One valid memory line, already moved into the importing project.
 *
 * **Shape** `embedding`: the line's vector, of the header's dimension, when it has one.
 *
 * @since 0.1.0
 * @category models
 */
export interface ParsedLine {
  readonly line: number
  readonly memory: Memory
  readonly embedding: Float32Array | undefined
}

/**
 * A file split into its header, its valid memory lines and its rejects (in line order).
 *
 * @since 0.1.0
 * @category models
 */
export interface ParsedFile {
  readonly header: Header
  readonly valid: ReadonlyArray<ParsedLine>
  readonly rejected: ReadonlyArray<RejectedLine>
}

// checks

const MAX_REASON_LENGTH = 240
const headerHint = `the first line must be the header {"format":"${FORMAT}","version":${VERSION},…}`

const decodeJson = Schema.decodeUnknownEither(Schema.parseJson())
const decodeMemory = Schema.decodeUnknownEither(Memory, { errors: "all", onExcessProperty: "error" })
const decodeHeader = Schema.decodeUnknownEither(Header, { errors: "all", onExcessProperty: "error" })
const decodeVector = Schema.decodeUnknownEither(
  Schema.Array(Schema.Number.pipe(Schema.finite({ message: () => "must be a finite number" })))
)

const fieldOf = (line: number, path?: ReadonlyArray<PropertyKey>) =>
  path === undefined || path.length === 0 ? `line ${line}` : `line ${line}: ${path.map(String).join(".")}`

// Schema messages may quote the offending value; keep reasons short so they never carry a whole text.
const clip = (reason: string) =>
  reason.length <= MAX_REASON_LENGTH ? reason : `${reason.slice(0, MAX_REASON_LENGTH - 1)}…`

const reject = (line: number, path: ReadonlyArray<PropertyKey> | undefined, reason: string) =>
  RejectedLine.make({ line, field: fieldOf(line, path), reason: clip(reason) })

const firstIssue = (line: number, error: ParseResult.ParseError): RejectedLine => {
  const issue = ParseResult.ArrayFormatter.formatErrorSync(error)[0]
  if (issue === undefined) return reject(line, undefined, "is invalid")
  const reason = issue._tag === "Missing"
    ? "is required"
    : issue._tag === "Unexpected"
    ? "is not an allowed field"
    : issue.message
  return reject(line, issue.path, reason)
}

const isRecord = (u: unknown): u is Record<string, unknown> => typeof u === "object" && u !== null && !Array.isArray(u)

/** The API's limits: the task up to 32,000 characters, other texts up to 8,000, metadata up to 16 KiB. */
const checkLimits = (line: number, fields: Record<string, unknown>): RejectedLine | undefined => {
  for (const [key, value] of Object.entries(fields)) {
    const max = key === "task" ? MAX_TASK_LENGTH : MAX_TEXT_LENGTH
    if (typeof value === "string" && value.length > max) return reject(line, [key], `must be at most ${max} characters`)
  }
  // A size measure, as in the API's metadata check: the value came from JSON, so it serialises.
  const size = Buffer.byteLength(JSON.stringify(fields.metadata ?? {}))
  return size > MAX_METADATA_BYTES
    ? reject(line, ["metadata"], `must be at most ${MAX_METADATA_BYTES} bytes as JSON (got ${size})`)
    : undefined
}

const checkEmbedding = (
  line: number,
  value: unknown,
  header: Header
): Either.Either<Float32Array | undefined, RejectedLine> => {
  if (value === undefined) return Either.right(undefined)
  if (header.embedding === null) {
    return Either.left(
      reject(line, ["embedding"], "is not allowed when the header's embedding is null (declare its model and dimensions)")
    )
  }
  const dimensions = header.embedding.dimensions
  return Either.gen(function*() {
    const numbers = yield* Either.mapLeft(
      decodeVector(value),
      () => reject(line, ["embedding"], "must be an array of finite numbers")
    )
    if (numbers.length !== dimensions) {
      return yield* Either.left(
        reject(line, ["embedding"], `must have ${dimensions} numbers (the header's dimensions), got ${numbers.length}`)
      )
    }
    return Float32Array.from(numbers)
  })
}

/**
 * Checks one memory line and moves the memory into `projectId`.
 *
 * **Errors** a `RejectedLine` naming the first problem: not JSON, not an object, a field the `Memory`
 * schema rejects (unknown kind, missing or extra field, bad value), an id whose prefix is not its
 * kind's, a limit exceeded, or an embedding not allowed by the header or of the wrong length.
 *
 * @since 0.1.0
 * @category constructors
 */
export const checkLine = (
  text: string,
  line: number,
  header: Header,
  projectId: string
): Either.Either<ParsedLine, RejectedLine> =>
  Either.gen(function*() {
    const json = yield* Either.mapLeft(decodeJson(text), () => reject(line, undefined, "is not valid JSON"))
    if (!isRecord(json)) return yield* Either.left(reject(line, undefined, "must be a JSON object (one memory)"))
    const { embedding, ...fields } = json
    const decoded = yield* Either.mapLeft(decodeMemory(fields), (error) => firstIssue(line, error))
    const prefix = `${idPrefix[decoded.kind]}_`
    if (!decoded.id.startsWith(prefix)) {
      return yield* Either.left(reject(line, ["id"], `must start with "${prefix}" for a ${decoded.kind}`))
    }
    const tooLong = checkLimits(line, fields)
    if (tooLong !== undefined) return yield* Either.left(tooLong)
    const vector = yield* checkEmbedding(line, embedding, header)
    const memory = yield* Either.mapLeft(decodeMemory({ ...fields, projectId }), (error) => firstIssue(line, error))
    return { line, memory, embedding: vector }
  })

/**
 * Checks the header line.
 *
 * **Errors** `ValidationError` with field `line <n>` or `line <n>: <field>`: not JSON, not an ALMA
 * export (`format`), an unsupported `version`, or a bad header field.
 *
 * @since 0.1.0
 * @category constructors
 */
export const checkHeader = (text: string, line: number): Either.Either<Header, ValidationError> => {
  const fail = (path: ReadonlyArray<PropertyKey> | undefined, reason: string) =>
    Either.left(new ValidationError({ field: fieldOf(line, path), reason: clip(reason) }))
  const json = decodeJson(text)
  if (Either.isLeft(json)) return fail(undefined, `is not valid JSON; ${headerHint}`)
  const value = json.right
  if (!isRecord(value) || value.format !== FORMAT) {
    return fail(isRecord(value) ? ["format"] : undefined, `is not an ALMA JSONL header; ${headerHint}`)
  }
  if (value.version !== VERSION) {
    return fail(
      ["version"],
      `unsupported version ${
        String(value.version).slice(0, 20)
      }: this ALMA reads version ${VERSION} only (export again with a matching ALMA)`
    )
  }
  return Either.mapLeft(decodeHeader(value), (error) => {
    const r = firstIssue(line, error)
    return new ValidationError({ field: r.field, reason: r.reason })
  })
}

const isBlank = (text: string) => text.trim().length === 0

/**
 * Splits a file into its header, valid memory lines (moved into `projectId`) and rejects. Blank lines
 * are skipped; line numbers count every line from 1. A repeated id is rejected on its later line.
 *
 * **Errors** `ValidationError` for the whole file: no header, a bad header (see `checkHeader`), or a
 * number of memory lines other than the header's `count` (a truncated or edited file).
 *
 * @since 0.1.0
 * @category constructors
 */
export const parseFile = (text: string, projectId: string): Either.Either<ParsedFile, ValidationError> =>
  Either.gen(function*() {
    const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/)
    const headerIndex = lines.findIndex((l) => !isBlank(l))
    if (headerIndex < 0) {
      return yield* Either.left(new ValidationError({ field: "line 1", reason: `the file is empty; ${headerHint}` }))
    }
    const header = yield* checkHeader(lines[headerIndex]!, headerIndex + 1)
    const valid: Array<ParsedLine> = []
    const rejected: Array<RejectedLine> = []
    const seen = new Map<string, number>()
    let count = 0
    for (let i = headerIndex + 1; i < lines.length; i++) {
      const text = lines[i]!
      if (isBlank(text)) continue
      count++
      const checked = checkLine(text, i + 1, header, projectId)
      if (Either.isLeft(checked)) {
        rejected.push(checked.left)
        continue
      }
      const first = seen.get(checked.right.memory.id)
      if (first !== undefined) {
        rejected.push(reject(i + 1, ["id"], `repeats the id of line ${first}`))
        continue
      }
      seen.set(checked.right.memory.id, i + 1)
      valid.push(checked.right)
    }
    if (count !== header.count) {
      return yield* Either.left(
        new ValidationError({
          field: fieldOf(headerIndex + 1, ["count"]),
          reason: `the header announces ${header.count} memories but the file has ${count} memory lines: ` +
            "the file is truncated or was edited; export it again or correct the count"
        })
      )
    }
    return { header, valid, rejected }
  })

/**
 * The error a strict import fails with: the first reject's field, its reason, and how many other
 * lines are bad (with their numbers, up to ten).
 *
 * @since 0.1.0
 * @category constructors
 */
export const rejectionError = (rejected: ReadonlyArray<RejectedLine>): ValidationError => {
  const [first, ...others] = rejected
  if (first === undefined) return new ValidationError({ field: "input", reason: "no invalid line" })
  const shown = others.slice(0, 10).map((r) => r.line).join(", ")
  const more = others.length > 10 ? ", …" : ""
  const tail = others.length === 0
    ? ""
    : `; ${others.length} other line${others.length === 1 ? " is" : "s are"} invalid too (line${
      others.length === 1 ? "" : "s"
    } ${shown}${more})`
  return new ValidationError({
    field: first.field,
    reason: `${first.reason}${tail}. Nothing was imported: fix the file, or import with skipInvalid to store the valid lines`
  })
}
