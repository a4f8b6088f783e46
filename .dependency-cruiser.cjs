/**
 * Import rules checked by `npm run check:cycles` (dependency-cruiser, run by `npm test` after the
 * typecheck). The modules checked are those of src/, layers/ and bench/src (and what they import).
 *
 * - no-circular: no import cycle through a module of src/ or layers/ (the product; the private
 *   benchmarks keep three type-only Report ↔ Markdown pairs). Type-only imports count
 *   (`tsPreCompilationDeps: true`): a cycle through `import type` is erased at run time, but still
 *   ties the two modules' designs together.
 * - domain-is-pure: src/domain imports no service, backend, configuration or benchmark (STYLE.md §1:
 *   dependencies point one way, domain ← internal ← services ← layers and the surfaces). The one
 *   import out of it is prompt rendering (`MemorySlice.toPrompt`, internal/prompt.ts), which imports
 *   only the domain back.
 * - internal-below-services: src/internal imports no service at run time (a service's type, e.g.
 *   the Embedder it is handed, is allowed).
 * - core-without-backends: src/domain, src/internal and src/services never import a backend (layers/).
 * - bench-public-api: the benchmarks (bench/src) import the product only as `alma-memory` and its
 *   subpaths (`alma-memory/postgres`, ...: src/index.ts and each layers folder's index.ts).
 * - no-test-imports: nothing under src/ or layers/ imports from test/.
 * - not-to-unresolvable: every relative import of src/ and layers/ resolves to a file.
 *
 * Rule syntax: dependency-cruiser's doc/rules-reference.md.
 */

/** @type {import("dependency-cruiser").IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "no-circular",
      severity: "error",
      comment: "A module reaches itself through its imports: split the shared part into its own module.",
      from: { path: "^(src|layers)/" },
      to: { circular: true }
    },
    {
      name: "domain-is-pure",
      severity: "error",
      comment: "src/domain is the floor (STYLE.md §1): no service, backend, configuration or benchmark.",
      from: { path: "^src/domain/" },
      to: { path: "^(src/(?!domain/|internal/prompt\\.ts$)|layers/|bench/|config/)" }
    },
    {
      name: "internal-below-services",
      severity: "error",
      comment: "src/internal is below the services: it may name a service's type, never import one at run time.",
      from: { path: "^src/internal/" },
      to: { path: "^src/services/", dependencyTypesNot: ["type-only"] }
    },
    {
      name: "core-without-backends",
      severity: "error",
      comment: "The core (domain, internal, services) never depends on a backend: backends depend on the core.",
      from: { path: "^src/(domain|internal|services)/" },
      to: { path: "^layers/" }
    },
    {
      name: "bench-public-api",
      severity: "error",
      comment: "The benchmarks use the public API only: import `alma-memory`, not its files.",
      from: { path: "^bench/src/" },
      to: { path: "^(src|layers|config)/", pathNot: "^(src/index|layers/[a-z]+/index)\\.ts$" }
    },
    {
      name: "no-test-imports",
      severity: "error",
      comment: "Library code never imports test code.",
      from: { path: "^(src|layers|bench/src)/" },
      to: { path: "^test/" }
    },
    {
      name: "not-to-unresolvable",
      severity: "error",
      comment: "An import that resolves to no file (a typo, or a module deleted without its importers).",
      from: { path: "^(src|layers|bench/src)/" },
      to: { couldNotResolve: true }
    }
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "^(node_modules|dist)/" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.check.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      extensions: [".ts", ".js", ".json"]
    },
    reporterOptions: { text: { highlightFocused: true } }
  }
}
