import { defineConfig } from "tsup"

// The `alma` executable: one ESM entry (plus chunks loaded on demand) with effect and @effect/*
// inlined, which halves start-up against the unbundled tsc output. Native and heavy dependencies stay
// external and load from node_modules; the embedders import theirs only on first use.

// Loading the o200k_base token ranks takes ~0.2 s, and only prompt rendering needs them: this
// stand-in for `gpt-tokenizer/encoding/o200k_base` loads the real module on the first call.
const lazyTokenizer = {
  name: "lazy-tokenizer",
  setup(build: {
    onResolve: (o: { filter: RegExp }, f: (a: { path: string }) => { path: string; namespace: string } | undefined) => void
    onLoad: (o: { filter: RegExp; namespace: string }, f: () => { contents: string; loader: "js" }) => void
  }) {
    build.onResolve({ filter: /^gpt-tokenizer\/encoding\/o200k_base$/ }, (args) => ({
      path: args.path,
      namespace: "lazy-tokenizer"
    }))
    build.onLoad({ filter: /.*/, namespace: "lazy-tokenizer" }, () => ({
      loader: "js",
      contents: [
        "import { createRequire } from \"node:module\"",
        "let encoding",
        "const load = () => (encoding ??= createRequire(import.meta.url)(\"gpt-tokenizer/encoding/o200k_base\"))",
        "export const countTokens = (text, options) => load().countTokens(text, options)",
        "export const encode = (text, options) => load().encode(text, options)",
        "export const decode = (tokens) => load().decode(tokens)"
      ].join("\n")
    }))
  }
}

export default defineConfig({
  entry: { alma: "src/cli/bin.ts" },
  outDir: "dist/cli",
  format: ["esm"],
  platform: "node",
  target: "node20",
  splitting: true,
  sourcemap: false,
  clean: true,
  dts: false,
  // The tokenizer is listed so that tsup leaves it to the lazy-tokenizer plugin.
  noExternal: [/^effect$/, /^effect\//, /^@effect\//, /^gpt-tokenizer\/encoding\/o200k_base$/],
  external: [
    "better-sqlite3",
    "sqlite-vec",
    "@huggingface/transformers",
    "onnxruntime-node",
    "sharp",
    /^@energetic-ai\//,
    "gpt-tokenizer",
    "yaml"
  ],
  esbuildPlugins: [lazyTokenizer],
  // Bundled CommonJS code (e.g. @effect/cli's dependencies) calls require(), which ESM lacks.
  banner: {
    js: "import { createRequire as __almaCreateRequire } from \"node:module\"; " +
      "const require = __almaCreateRequire(import.meta.url);"
  }
})
