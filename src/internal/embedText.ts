/**
 * Embedding of arbitrary-length text: long texts are split into sentence-packed chunks, every chunk
 * is embedded (one batch for all texts), and a text's vector is the normalised mean of its chunks'.
 * The original cut any query over 200 characters to one sentence (reference §3.12); nothing is cut here.
 */
import { Effect } from "effect"
import type { EmbeddingError } from "../domain/AlmaError.js"
import type * as Embedder from "../services/Embedder.js"
import { normalize } from "./vector.js"

/** Longest chunk embedded whole (characters). */
export const CHUNK_CHARS = 512

/** Splits text into chunks of at most `max` characters, at sentence, then word, boundaries. */
export const chunkText = (text: string, max: number = CHUNK_CHARS): ReadonlyArray<string> => {
  const clean = text.trim()
  if (clean.length <= max) return [clean]
  const pieces: Array<string> = []
  for (const sentence of clean.split(/(?<=[.!?;:])\s+|\n+/)) {
    if (sentence.length <= max) {
      pieces.push(sentence)
      continue
    }
    let current = ""
    for (const word of sentence.split(/\s+/)) {
      for (let i = 0; i < word.length; i += max) {
        const part = word.slice(i, i + max)
        if (current.length + part.length + 1 > max && current) {
          pieces.push(current)
          current = ""
        }
        current = current ? `${current} ${part}` : part
      }
    }
    if (current) pieces.push(current)
  }
  const chunks: Array<string> = []
  let current = ""
  for (const piece of pieces) {
    if (!piece) continue
    if (current && current.length + piece.length + 1 > max) {
      chunks.push(current)
      current = ""
    }
    current = current ? `${current} ${piece}` : piece
  }
  if (current) chunks.push(current)
  return chunks
}

/** Embeds each text (chunked when long) in one batch; vectors in input order, unit length. */
export const embedTexts = (
  embedder: Embedder.Service,
  texts: ReadonlyArray<string>
): Effect.Effect<ReadonlyArray<Float32Array>, EmbeddingError> => {
  const chunked = texts.map((t) => chunkText(t))
  const flat = chunked.flat()
  if (flat.length === 0) return Effect.succeed([])
  return Effect.map(embedder.embedMany(flat), (vectors) => {
    let offset = 0
    return chunked.map((chunks) => {
      const parts = vectors.slice(offset, offset + chunks.length)
      offset += chunks.length
      if (parts.length === 1) return normalize(parts[0]!)
      const mean = new Float32Array(embedder.dimensions)
      for (const v of parts) for (let i = 0; i < mean.length; i++) mean[i] = mean[i]! + v[i]!
      return normalize(mean)
    })
  })
}
