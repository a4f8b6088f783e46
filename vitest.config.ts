import { fileURLToPath } from "node:url"
import { defineConfig } from "vitest/config"

export default defineConfig({
  resolve: {
    // The benchmarks (bench/, the private @alma-memory/bench workspace) import the public API as
    // `alma-memory`: the TypeScript sources here, as bench/tsconfig.json maps it for tsc and tsx.
    alias: [
      { find: /^alma-memory$/, replacement: fileURLToPath(new URL("./src/index.ts", import.meta.url)) },
      { find: /^alma-memory\/(\w+)$/, replacement: fileURLToPath(new URL("./layers/$1/index.ts", import.meta.url)) }
    ]
  },
  test: {
    include: ["test/**/*.test.ts", "bench/test/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000
  }
})
