/**
 * The searchable terms of a text, shared by the lexical search of every backend and by strategy
 * matching.
 */

/**
 * Extracts the searchable terms of a text for BM25: lower-cased words of 2+ letters or digits, English
 * stop words removed, deduplicated, at most 32.
 *
 * @since 0.1.0
 * @category constructors
 */
export const queryTerms = (text: string): ReadonlyArray<string> => {
  const seen = new Set<string>()
  for (const word of text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) {
    if (word.length < 2 || stopWords.has(word)) continue
    seen.add(word)
    if (seen.size >= 32) break
  }
  return [...seen]
}

const stopWords = new Set(
  (
    "a an and are as at be but by for from has have he her his i if in into is it its me my no not of on or our " +
    "she so than that the their them then there these they this to was we were what when where which who will " +
    "with you your do does did how can could should would about after before up down out over just also been being " +
    "am any all more most some such only own same too very s t don"
  ).split(" ")
)
