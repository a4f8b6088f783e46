/**
 * The stored form of one cached retrieval, and of the read script's reply.
 *
 * An entry is JSON made by Schema (`MemorySlice` encoded, DateTimes as ISO strings): the request it
 * answers (`id`, guarding against digest collisions) and the generation tokens of the epoch and of
 * every owner, read before the slice was computed. It is valid while those tokens are unchanged.
 */
import type { Effect, ParseResult } from "effect"
import { Schema } from "effect"
import { MemorySlice } from "../../../src/domain/MemorySlice.js"

/** A cached slice with the request it answers and the generations it was computed at. */
export const SliceEntry = Schema.Struct({
  id: Schema.String,
  generations: Schema.Array(Schema.String),
  slice: MemorySlice
})

/** A cached slice with the request it answers and the generations it was computed at. */
export type SliceEntry = typeof SliceEntry.Type

const SliceEntryJson = Schema.parseJson(SliceEntry)

/** Entry → JSON text. */
export const encode = (entry: SliceEntry): Effect.Effect<string, ParseResult.ParseError> =>
  Schema.encode(SliceEntryJson)(entry)

/** JSON text → entry; fails on anything else (corrupt, truncated, or written by another version). */
export const decode = (text: string): Effect.Effect<SliceEntry, ParseResult.ParseError> =>
  Schema.decodeUnknown(SliceEntryJson)(text)

/** The read script's reply: the entry (or nil), then the epoch and each owner's generation. */
export const ReadReply = Schema.Tuple([Schema.NullOr(Schema.String)], Schema.String)

/** Whether the generations an entry was computed at are the current ones. */
export const sameGenerations = (stored: ReadonlyArray<string>, current: ReadonlyArray<string>): boolean =>
  stored.length === current.length && stored.every((g, i) => g === current[i])

/** Decodes a script reply (an unexpected shape is a failed read). */
export const decodeReply = (reply: unknown) => Schema.decodeUnknown(ReadReply)(reply)
