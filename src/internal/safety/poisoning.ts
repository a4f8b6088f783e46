/**
 * Memory-poisoning detector: flags text that reads as instructions aimed at the model, carries
 * hidden (zero-width, bidi, tag) characters, or carries an encoded payload. Pure and deterministic;
 * every check is a single pass or a regular expression without unbounded backtracking, so the cost
 * is linear in the text's length.
 *
 * The rules aim at the phrasing and markup of prompt injection, not at directives in general: a
 * preference such as "Always run the linter before committing" is an instruction too, and is what
 * ALMA stores on purpose. Known false positive: a text that starts a line with `system:`,
 * `assistant:` or `developer:` (e.g. "System: Linux") is flagged.
 *
 * @internal
 */

/** What a text was flagged for. */
export type Flag = "instruction_to_model" | "hidden_text" | "encoded_payload"

/** Every flag, in reporting order. */
export const flags: ReadonlyArray<Flag> = ["instruction_to_model", "hidden_text", "encoded_payload"]

// hidden text

/**
 * Invisible code points used to smuggle or reorder text: zero-width (U+200B–U+200F, U+2060–U+2064,
 * U+FEFF, U+180E), bidi controls (U+061C, U+202A–U+202E, U+2066–U+2069), Hangul fillers, Unicode
 * tags (U+E0000–U+E007F) and the variation selectors supplement (U+E0100–U+E01EF).
 */
export const isHidden = (cp: number): boolean =>
  (cp >= 0x200b && cp <= 0x200f) ||
  (cp >= 0x202a && cp <= 0x202e) ||
  (cp >= 0x2060 && cp <= 0x2064) ||
  (cp >= 0x2066 && cp <= 0x2069) ||
  cp === 0xfeff || cp === 0x061c || cp === 0x180e ||
  cp === 0x115f || cp === 0x1160 || cp === 0x3164 || cp === 0xffa0 ||
  (cp >= 0xe0000 && cp <= 0xe007f) ||
  (cp >= 0xe0100 && cp <= 0xe01ef)

/**
 * Also invisible, but common in pasted text (soft hyphen) or tool output (ANSI escapes): removed,
 * not flagged. Whitespace controls (TAB, LF, VT, FF, CR, NEL) are kept: they are line breaks or spaces.
 */
const isInvisible = (cp: number): boolean =>
  isHidden(cp) || cp === 0x00ad || (cp < 0x20 && (cp < 0x09 || cp > 0x0d)) || (cp >= 0x7f && cp <= 0x9f && cp !== 0x85)

const pictographic = /\p{Extended_Pictographic}|[\u{1F3FB}-\u{1F3FF}\uFE0F]/u

const hasHidden = (text: string): boolean => {
  const cps = Array.from(text)
  for (let i = 0; i < cps.length; i++) {
    const cp = cps[i]!.codePointAt(0)!
    if (!isHidden(cp)) continue
    // A zero-width joiner between two emoji builds one emoji (👩‍💻): not hidden text.
    if (cp === 0x200d && i > 0 && i + 1 < cps.length && pictographic.test(cps[i - 1]!) && pictographic.test(cps[i + 1]!)) {
      continue
    }
    return true
  }
  return false
}

const hiddenAsSpace = (text: string): string => {
  let out = ""
  for (const ch of text) out += isHidden(ch.codePointAt(0)!) ? " " : ch
  return out
}

/** `text` without the invisible code points of {@link isHidden}, soft hyphens and control characters. */
export const stripInvisible = (text: string): string => {
  let out = ""
  for (const ch of text) if (!isInvisible(ch.codePointAt(0)!)) out += ch
  return out
}

// instructions aimed at the model

/** A non-capturing alternation of `words` (regular-expression source). */
const oneOf = (...words: ReadonlyArray<string>): string => `(?:${words.join("|")})`

const strongWords = [
  "all", "any", "every", "your", "my", "previous", "prior", "above", "earlier", "preceding", "former",
  "original", "initial", "system", "safety", "developer"
]
const strong = new RegExp(String.raw`\b${oneOf(...strongWords)}\b`)
const filler = oneOf(...strongWords, "of", "the", "these", "those", "existing", "current", "other", "and")
const overrideVerb = oneOf(
  "ignore", "disregard", "forget", "override", "bypass", "abandon", "discard",
  String.raw`(?:do not|don't|stop|no longer) (?:follow|obey)(?:ing)?`
)
const ruleNoun = oneOf(
  "instructions?", "prompts?", "directives?", "rules", "guidelines", "guardrails", String.raw`polic(?:y|ies)`,
  "programming", "context"
)

/** "ignore all previous instructions" and kin; the words between must include a {@link strong} one. */
const override = new RegExp(String.raw`\b${overrideVerb} ((?:${filler} ){1,6})${ruleNoun}\b`, "g")

const assistant = oneOf("ai", "assistant", "llm", "language model", "chatbot")
const model = oneOf(assistant, "bot", "model", "agent", "persona", "character", "dan")
const hiddenPrompt = oneOf("system prompt", "initial prompt", "hidden prompt", "instructions above", "prompt above")
const leakVerb = oneOf("reveal", "print", "output", "repeat", "show", "leak", "disclose", "dump", "exfiltrate", "send")

const instructionRules: ReadonlyArray<RegExp> = [
  // persona hijack
  new RegExp(String.raw`\byou are (?:now|no longer) (?:a |an |the |my )?(?:[a-z-]+ ){0,2}${model}\b`),
  /\byou are (?:now )?no longer (?:bound|restricted|limited|required)\b/,
  /\byou are now (?:dan|jailbroken|unrestricted|unfiltered|uncensored|in (?:dan|god|jailbreak|unrestricted) mode)\b/,
  new RegExp(
    String.raw`\b(?:pretend|imagine) (?:that )?you are (?:a |an )?(?:[a-z-]+ ){0,2}` +
      String.raw`(?:${model}|unrestricted|jailbroken|without (?:rules|restrictions))\b`
  ),
  /\b(?:enable|enter|activate|switch to) (?:dan|god|jailbreak|unrestricted) mode\b/,
  // prompt leaks and messages addressed to the model
  new RegExp(String.raw`\b${leakVerb} (?:me )?(?:your|the) (?:full |entire |hidden |original |initial )?${hiddenPrompt}\b`),
  /\bnew (?:system )?instructions? ?:/,
  /\b(?:system|developer) (?:prompt|message|override) ?:/,
  new RegExp(String.raw`\b(?:instructions?|note|message) (?:for|to) (?:the |all |any )?${assistant}s?\b`),
  new RegExp(String.raw`\bif you are an? ${assistant}\b`),
  /\b(?:dear|attention|hey),? (?:ai|assistant|llm|chatbot)\b/,
  // role lines and headings (at the start of a line)
  /(?:^|\n) *(?:#{1,6} *|\[|<)?(?:system|assistant|developer)(?: (?:prompt|message|instructions?))? *[\]>]? *:/,
  /(?:^|\n) *#{1,6} *(?:system|assistant|developer|new instructions|instructions|admin)\b/,
  // role tags and special tokens of chat templates
  /<\|[a-z0-9_]{2,32}\|>/,
  /\[\/?(?:inst|sys)\]/,
  /<<\/?sys>>/,
  /<\/? *(?:system|assistant|developer|im_start|im_end|instructions?|system[_-]?prompt) *>/,
  // attempts to close or forge the memory envelope
  /<\/? *(?:memory[_-]?data|memory|memories|alma[_-]?memor(?:y|ies)|recalled[_-]?memories) *>/,
  // tool-call directives
  /<\/? *(?:tool_call|tool_use|tool_result|function_calls?|function_results?|invoke|antml:[a-z_]+)\b/,
  /\{ *"(?:tool|tool_name|function|name)" *: *"[^"]{1,64}" *, *"(?:arguments|args|parameters|input)" *:/,
  /\b(?:call|invoke|execute|run|use|trigger) (?:the )?[`'"]?alma_[a-z_]+/
]

/**
 * Folds the text the instruction rules read: no invisibles, compatibility forms (NFKC), lower case,
 * curly apostrophes straight, every line break (CR, LF, VT, FF, NEL, U+2028, U+2029) one `\n`, every
 * other run of whitespace one space.
 */
const fold = (text: string): string =>
  stripInvisible(text)
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\r\n\v\f\u0085\u2028\u2029]/g, "\n")
    .replace(/[^\S\n]+/g, " ")
    .replace(/ ?\n ?/g, "\n")

const hasInstruction = (folded: string): boolean => {
  if (instructionRules.some((rule) => rule.test(folded))) return true
  for (const match of folded.replace(/\n/g, " ").matchAll(override)) if (strong.test(match[1]!)) return true
  return false
}

// encoded payloads

const printableRatio = (bytes: ArrayLike<number>): number => {
  let printable = 0
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!
    if ((b >= 0x20 && b < 0x7f) || b === 0x09 || b === 0x0a || b === 0x0d) printable++
  }
  return bytes.length === 0 ? 0 : printable / bytes.length
}

/** Decoded text counts as hidden text when at least this share of its bytes is printable ASCII. */
const TEXT_RATIO = 0.85
/** Shortest decoded length (bytes) checked: shorter runs carry too little to be a payload. */
const MIN_BYTES = 16

const base64Run = /[A-Za-z0-9+/_-]{24,}={0,2}/g
const hexRun = /[0-9a-fA-F]{32,}/g
const escapeRun = /(?:\\x[0-9a-fA-F]{2}){8,}|(?:\\u[0-9a-fA-F]{4}){8,}/
const percentRun = /(?:%[0-9a-fA-F]{2}){6,}/g
const dataUri = /\bdata:(?:[a-z][a-z0-9.+-]*\/[a-z0-9.+-]+)?(?:;[a-z0-9.+=-]+)*,/i

/** A base64 run this long is flagged whatever it decodes to; a hex run, at twice that. */
const LONG_RUN = 200

const BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"

/** Decodes a base64 or base64url run (padding optional; a trailing partial byte is dropped). */
const base64Bytes = (run: string): Array<number> => {
  const bytes: Array<number> = []
  let bits = 0
  let value = 0
  for (const ch of run) {
    if (ch === "=") break
    const v = BASE64.indexOf(ch === "-" ? "+" : ch === "_" ? "/" : ch)
    value = ((value << 6) | v) & 0xffff
    bits += 6
    if (bits >= 8) {
      bits -= 8
      bytes.push((value >> bits) & 0xff)
    }
  }
  return bytes
}

const hexBytes = (run: string): Array<number> => {
  const bytes: Array<number> = []
  for (let i = 0; i + 1 < run.length; i += 2) bytes.push(Number.parseInt(run.slice(i, i + 2), 16))
  return bytes
}

const percentDecoded = (text: string): string =>
  text.replace(/%([0-9a-fA-F]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)))

const isBase64Payload = (run: string): boolean => {
  // Base64 of text always mixes upper and lower case; identifiers, paths and UUIDs mostly do not.
  if (!/[a-z]/.test(run) || !/[A-Z]/.test(run)) return false
  if (run.length >= LONG_RUN && /[0-9+/]/.test(run)) return true
  const bytes = base64Bytes(run)
  return bytes.length >= MIN_BYTES && printableRatio(bytes) >= TEXT_RATIO
}

const isHexPayload = (run: string): boolean => {
  if (run.length >= 2 * LONG_RUN) return true
  // Hashes, keys and ids are random bytes (about 37% printable); encoded text is nearly all printable.
  return printableRatio(hexBytes(run)) >= TEXT_RATIO
}

const hasEncoded = (text: string): boolean => {
  if (dataUri.test(text) || escapeRun.test(text)) return true
  for (const m of text.matchAll(hexRun)) if (isHexPayload(m[0])) return true
  for (const m of text.matchAll(base64Run)) if (isBase64Payload(m[0])) return true
  for (const m of text.matchAll(percentRun)) {
    if (printableRatio(hexBytes(m[0].replace(/%/g, ""))) >= TEXT_RATIO) return true
  }
  return false
}

/** The ASCII a run of Unicode tag characters spells (U+E0020–U+E007E mirror ASCII): "ASCII smuggling". */
const tagText = (text: string): string => {
  let out = ""
  for (const ch of text) {
    const cp = ch.codePointAt(0)!
    if (cp >= 0xe0020 && cp <= 0xe007e) out += String.fromCharCode(cp - 0xe0000)
  }
  return out
}

/** Instructions hidden behind percent-encoding ("ignore%20all%20previous%20instructions"). */
const hasEncodedInstruction = (text: string): boolean =>
  /%[0-9a-fA-F]{2}/.test(text) && hasInstruction(fold(percentDecoded(text)))

// api

/**
 * The flags `text` raises, in the order of {@link flags}; empty for clean text.
 *
 * **Shape** a subset of `instruction_to_model`, `hidden_text`, `encoded_payload`, without repeats.
 */
export const scan = (text: string): ReadonlyArray<Flag> => {
  if (text.length === 0) return []
  const visible = stripInvisible(text)
  const found = new Set<Flag>()
  if (hasInstruction(fold(text))) found.add("instruction_to_model")
  if (hasHidden(text)) {
    found.add("hidden_text")
    // Hidden characters may split words ("ig\u200bnore", read with them removed above) or stand in
    // for spaces ("ignore\u200bprevious"), or spell a message of their own (Unicode tags).
    const smuggled = tagText(text)
    if (hasInstruction(fold(hiddenAsSpace(text))) || (smuggled.length > 0 && hasInstruction(fold(smuggled)))) {
      found.add("instruction_to_model")
    }
  }
  if (hasEncoded(visible)) found.add("encoded_payload")
  if (hasEncodedInstruction(visible)) {
    found.add("instruction_to_model")
    found.add("encoded_payload")
  }
  return flags.filter((f) => found.has(f))
}
