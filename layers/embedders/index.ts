/**
 * `alma-memory/embedders`: the local (Universal Sentence Encoder Lite), transformers.js and hash embedders.
 *
 * @since 0.1.0
 */
export * as HashEmbedder from "./HashEmbedder.js"
export * as LocalEmbedder from "./LocalEmbedder.js"
export * as TransformersEmbedder from "./TransformersEmbedder.js"
