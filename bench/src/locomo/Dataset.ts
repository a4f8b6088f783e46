/**
 * The LoCoMo dataset (Maharana et al., ACL 2024): reading a file in the upstream `locomo10.json`
 * format (any number of samples), normalising evidence ids, and the memory text of a dialogue turn.
 *
 * @since 0.1.0
 */
import { Effect, ParseResult, Schema } from "effect"
import { readFile } from "node:fs/promises"
import { ConfigurationError, ValidationError } from "alma-memory"

/**
 * One dialogue turn, with its session's number and date.
 *
 * **Shape** `diaId` as upstream (`D<session>:<turn>`); `date` as upstream (`10:15 am on 3 June, 2023`);
 * `caption`: the BLIP caption of a shared image, when the turn shared one.
 *
 * @since 0.1.0
 * @category models
 */
export interface Turn {
  readonly diaId: string
  readonly speaker: string
  readonly text: string
  readonly caption?: string | undefined
  readonly session: number
  readonly date: string
}

/**
 * One QA item. `evidence` holds the normalised, known dialogue ids (empty: the item is not scored).
 *
 * **Shape** `category`: 1 multi-hop, 2 temporal, 3 open-domain, 4 single-hop, 5 adversarial.
 *
 * @since 0.1.0
 * @category models
 */
export interface Question {
  readonly question: string
  readonly category: number
  readonly evidence: ReadonlyArray<string>
}

/**
 * One conversation with its QA items.
 *
 * @since 0.1.0
 * @category models
 */
export interface Sample {
  readonly id: string
  readonly turns: ReadonlyArray<Turn>
  readonly questions: ReadonlyArray<Question>
}

/**
 * Counts describing a loaded file, including how evidence was repaired.
 *
 * **Units** counts. `repairedEvidence`: ids rewritten to `D<s>:<t>` (e.g. `D:11:26`, `"D8:6; D9:17"`);
 * `unknownEvidence`: ids naming no turn of the sample (dropped); `withoutEvidence`: QA items left with
 * no evidence (not scored).
 *
 * @since 0.1.0
 * @category models
 */
export interface DatasetStats {
  readonly samples: number
  readonly sessions: number
  readonly turns: number
  readonly imageTurns: number
  readonly questions: number
  readonly withEvidence: number
  readonly withoutEvidence: number
  readonly repairedEvidence: number
  readonly unknownEvidence: number
}

/**
 * A loaded dataset.
 *
 * @since 0.1.0
 * @category models
 */
export interface Dataset {
  readonly file: string
  readonly samples: ReadonlyArray<Sample>
  readonly stats: DatasetStats
}

/**
 * Upstream category names (as used in later papers, e.g. Mem0 2025).
 *
 * @since 0.1.0
 * @category models
 */
export const categoryNames: Readonly<Record<number, string>> = {
  1: "multi-hop",
  2: "temporal",
  3: "open-domain",
  4: "single-hop",
  5: "adversarial"
}

const RawTurn = Schema.Struct({
  speaker: Schema.String,
  dia_id: Schema.String,
  text: Schema.String,
  blip_caption: Schema.optional(Schema.String)
})

const RawSample = Schema.Struct({
  sample_id: Schema.String,
  conversation: Schema.Record({ key: Schema.String, value: Schema.Unknown }),
  qa: Schema.Array(Schema.Struct({
    question: Schema.String,
    category: Schema.Number.pipe(Schema.int()),
    evidence: Schema.optional(Schema.Array(Schema.String))
  }))
})

const RawFile = Schema.parseJson(Schema.Array(RawSample))
const decodeFile = Schema.decodeUnknown(RawFile, { errors: "first" })
const decodeSession = Schema.decodeUnknown(Schema.Array(RawTurn))

/**
 * Splits and repairs raw evidence ids: `"D8:6; D9:17"` → `D8:6`, `D9:17`; `D:11:26` → `D11:26`;
 * anything not of the form `D<session>:<turn>` afterwards (e.g. `D`) is dropped. Order kept, no duplicates.
 *
 * @since 0.1.0
 * @category constructors
 */
export const normalizeEvidence = (raw: ReadonlyArray<string>): ReadonlyArray<string> => {
  const out = new Set<string>()
  for (const piece of raw.flatMap((e) => e.split(/[;,\s]+/))) {
    const id = piece.trim().replace(/^D:?(\d+):(\d+)$/, "D$1:$2")
    if (/^D\d+:\d+$/.test(id)) out.add(id)
  }
  return [...out]
}

/** The session date without the time of day: `10:15 am on 3 June, 2023` → `3 June, 2023`. */
const dayOf = (date: string): string => date.replace(/^.*\bon\s+/, "").trim()

/**
 * How a turn becomes memory text: `dated` = `[3 June, 2023] Ana: text [shares a photo: caption]`
 * (the default: the rendered slice then carries the date that temporal questions need, since the prompt
 * renders only the fact); `plain` = the same without the date.
 *
 * @since 0.1.0
 * @category models
 */
export type FactFormat = "dated" | "plain"

/**
 * The memory text of a turn.
 *
 * @since 0.1.0
 * @category constructors
 */
export const turnFact = (turn: Turn, format: FactFormat = "dated"): string => {
  const said = `${turn.speaker}: ${turn.text.trim()}${turn.caption ? ` [shares a photo: ${turn.caption.trim()}]` : ""}`
  return format === "dated" && turn.date ? `[${dayOf(turn.date)}] ${said}` : said
}

const parseFailure = (file: string) => (error: ParseResult.ParseError) => {
  const first = ParseResult.ArrayFormatter.formatErrorSync(error)[0]
  return new ValidationError({
    field: `dataset${first && first.path.length ? `.${first.path.join(".")}` : ""}`,
    reason: `${file} is not a LoCoMo file: ${first?.message ?? "unreadable JSON"}`
  })
}

/**
 * Parses the text of a LoCoMo file.
 *
 * **Errors** `ValidationError` (field `dataset.<path>`) when the text is not JSON in the LoCoMo format.
 *
 * @since 0.1.0
 * @category constructors
 */
export const parseDataset = (text: string, file: string): Effect.Effect<Dataset, ValidationError> =>
  Effect.gen(function*() {
    const raw = yield* decodeFile(text).pipe(Effect.mapError(parseFailure(file)))
    const samples: Array<Sample> = []
    let sessions = 0, repaired = 0, unknown = 0
    for (const s of raw) {
      const keys = Object.keys(s.conversation).filter((k) => /^session_\d+$/.test(k))
        .sort((a, b) => Number(a.slice(8)) - Number(b.slice(8)))
      const turns: Array<Turn> = []
      for (const key of keys) {
        const session = Number(key.slice(8))
        const rawTurns = yield* decodeSession(s.conversation[key]).pipe(
          Effect.mapError((e) => new ValidationError({ field: `dataset.${s.sample_id}.${key}`, reason: e.message }))
        )
        const date = s.conversation[`${key}_date_time`]
        sessions++
        for (const t of rawTurns) {
          turns.push({
            diaId: t.dia_id,
            speaker: t.speaker,
            text: t.text,
            ...(t.blip_caption ? { caption: t.blip_caption } : {}),
            session,
            date: typeof date === "string" ? date : ""
          })
        }
      }
      const known = new Set(turns.map((t) => t.diaId))
      const questions = s.qa.map((q): Question => {
        const raw = q.evidence ?? []
        const normalized = normalizeEvidence(raw)
        repaired += normalized.filter((id) => !raw.includes(id)).length
        const evidence = normalized.filter((id) => known.has(id))
        unknown += normalized.length - evidence.length
        return { question: q.question, category: q.category, evidence }
      })
      samples.push({ id: s.sample_id, turns, questions })
    }
    const questions = samples.flatMap((s) => s.questions)
    const withEvidence = questions.filter((q) => q.evidence.length > 0).length
    const turns = samples.flatMap((s) => s.turns)
    return {
      file,
      samples,
      stats: {
        samples: samples.length,
        sessions,
        turns: turns.length,
        imageTurns: turns.filter((t) => t.caption !== undefined).length,
        questions: questions.length,
        withEvidence,
        withoutEvidence: questions.length - withEvidence,
        repairedEvidence: repaired,
        unknownEvidence: unknown
      }
    }
  })

/**
 * Reads and parses a LoCoMo file.
 *
 * **Errors** `ConfigurationError` (key `dataset`) when the file cannot be read; `ValidationError` when
 * it is not in the LoCoMo format.
 *
 * @since 0.1.0
 * @category constructors
 */
export const loadDataset = (file: string): Effect.Effect<Dataset, ConfigurationError | ValidationError> =>
  Effect.tryPromise({
    try: () => readFile(file, "utf8"),
    catch: (cause) =>
      new ConfigurationError({
        key: "dataset",
        description: `cannot read the LoCoMo file (${cause instanceof Error ? cause.message : String(cause)}); ` +
          "pass --dataset with the path of a file in the locomo10.json format",
        file
      })
  }).pipe(Effect.flatMap((text) => parseDataset(text, file)))
