/**
 * The memory systems the `peers` suite compares, behind one small interface: store texts in a scope
 * (an ALMA agent, a mem0 user, a Mastra resource), and search a scope. ALMA runs through its public
 * `Alma` service; mem0ai/oss and @mastra/memory are devDependencies loaded on first use (their module
 * names are not literal imports, so no bundler follows them).
 *
 * @since 0.1.0
 */
import { Effect, Layer, ManagedRuntime } from "effect"
import { existsSync, readFileSync } from "node:fs"
import * as path from "node:path"
import { fileURLToPath } from "node:url"
import { AgentScope, Alma, AlmaService, Embedder, SqliteStorage } from "alma-memory"
import { packageRoot } from "../locomo/Paths.js"

/**
 * An embedder as a plain async function, shared by every system (each wraps it in its own interface).
 *
 * @since 0.1.0
 * @category models
 */
export interface TextEmbedder {
  readonly model: string
  readonly dimensions: number
  readonly embed: (texts: ReadonlyArray<string>) => Promise<ReadonlyArray<Float32Array>>
}

/**
 * A text to store, with the benchmark's key for it (a LoCoMo dialogue id, a synthetic memory id).
 *
 * @since 0.1.0
 * @category models
 */
export interface Item {
  readonly key: string
  readonly text: string
}

/**
 * An open store of one system.
 *
 * @since 0.1.0
 * @category models
 */
export interface PeerStore {
  /** Stores `items` in `scope` with one call of the system's batch-write API. */
  readonly add: (scope: string, items: ReadonlyArray<Item>) => Promise<void>
  /** The system's top `k` for `query` in `scope`, in the order the system returns them. */
  readonly search: (scope: string, query: string, k: number) => Promise<ReadonlyArray<Item>>
  readonly close: () => Promise<void>
}

/**
 * A system under test.
 *
 * **Shape** `ranked`: false when the system returns its top `k` unordered by relevance (Mastra's
 * `recall` returns messages in conversation order); `packages`: npm packages and versions used.
 *
 * @since 0.1.0
 * @category models
 */
export interface System {
  readonly name: string
  readonly label: string
  readonly ranked: boolean
  readonly packages: Readonly<Record<string, string>>
  /** Modules the system imports (checked before the run: a system whose modules fail is blocked). */
  readonly modules: ReadonlyArray<string>
  /** The text the system embeds for a stored `text` (when not the text itself). */
  readonly embeddedText?: ((text: string, domain: string) => string) | undefined
  readonly open: (options: OpenOptions) => Promise<PeerStore>
}

/**
 * How a store is opened: its folder, the shared embedder, the scopes it will hold, the results per
 * search, and the domain (ALMA's `domain` of the stored knowledge; ignored by the peers).
 *
 * @since 0.1.0
 * @category models
 */
export interface OpenOptions {
  readonly dir: string
  readonly embedder: TextEmbedder
  readonly scopes: ReadonlyArray<string>
  readonly k: number
  readonly domain: string
}

/**
 * The installed version of an npm package: `node_modules/<name>/package.json` in the nearest folder at
 * or above this module that has one (Node's lookup: the bench workspace's own `node_modules`, then the
 * repository root's, where npm hoists the peers' devDependencies); `alma-memory` itself is the package
 * root's `package.json`. `undefined` when it is not installed.
 *
 * @since 0.1.0
 * @category constructors
 */
export const installedVersion = (name: string): string | undefined => {
  const versionOf = (manifest: string) => {
    const parsed: unknown = JSON.parse(readFileSync(manifest, "utf8"))
    return typeof parsed === "object" && parsed !== null && "version" in parsed ? String(parsed.version) : undefined
  }
  if (name === "alma-memory") return versionOf(path.join(packageRoot(), "package.json"))
  for (let dir = path.dirname(fileURLToPath(import.meta.url));; dir = path.dirname(dir)) {
    const manifest = path.join(dir, "node_modules", ...name.split("/"), "package.json")
    if (existsSync(manifest)) return versionOf(manifest)
    if (path.dirname(dir) === dir) return undefined
  }
}

/** `import(name)` with a non-literal specifier: bundlers leave it to Node at run time. */
const importPeer = (name: string): Promise<unknown> => import(/* @vite-ignore */ name)

const toArray = (v: Float32Array): Array<number> => Array.from(v)

/**
 * ALMA through its public service: `addKnowledgeBatch` (one transaction per call) and `retrieve` of
 * domain knowledge with default mode and weights, `topK` = k, retrieval cache off. SQLite file in `dir`.
 * Like every domain fact, a stored text is embedded and indexed as `<domain>: <text>`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const alma: System = {
  name: "ALMA",
  label: "ALMA (SQLite + sqlite-vec + FTS5, hybrid retrieve)",
  ranked: true,
  packages: { "alma-memory": installedVersion("alma-memory") ?? "0.1.0" },
  modules: [],
  embeddedText: (text, domain) => `${domain}: ${text}`,
  open: async ({ dir, domain, embedder, scopes }) => {
    const service = Embedder.Embedder.of({
      model: embedder.model,
      dimensions: embedder.dimensions,
      embed: (text) => Effect.promise(() => embedder.embed([text])).pipe(Effect.map((v) => v[0]!)),
      embedMany: (texts) => Effect.promise(() => embedder.embed(texts))
    })
    const runtime = ManagedRuntime.make(Alma.layerWith(
      SqliteStorage.layerWith({ filename: path.join(dir, "alma.db") }),
      Layer.succeed(Embedder.Embedder, service),
      { projectId: "peers", agents: scopes.map((agent) => AgentScope.make({ agent })), cache: { timeToLive: 0 } }
    ))
    const api = await runtime.runPromise(AlmaService.Alma)
    return {
      add: async (scope, items) => {
        await runtime.runPromise(api.addKnowledgeBatch(items.map((i) => ({
          agent: scope,
          domain,
          fact: i.text,
          metadata: { key: i.key }
        }))))
      },
      search: async (scope, query, k) => {
        const slice = await runtime.runPromise(api.retrieve({ task: query, agent: scope, kinds: ["domain_knowledge"], topK: k }))
        return slice.domainKnowledge.map((s) => ({ key: String(s.memory.metadata["key"]), text: s.memory.fact }))
      },
      close: () => runtime.dispose()
    }
  }
}

/** The part of `mem0ai/oss` used here. */
interface Mem0Module {
  readonly Memory: new(config: object) => {
    add: (
      messages: ReadonlyArray<{ role: string; content: string }>,
      options: { userId: string; infer: boolean }
    ) => Promise<{ results: ReadonlyArray<{ id: string; memory: string }> }>
    search: (
      query: string,
      options: { filters: { user_id: string }; topK: number; threshold: number }
    ) => Promise<{ results: ReadonlyArray<{ id: string; memory: string }> }>
  }
}

/**
 * mem0ai/oss (`Memory`) offline: `infer: false` (turns stored verbatim, no LLM), the in-process
 * `memory` vector store (better-sqlite3, brute-force cosine, BM25 keyword search), the SQLite history
 * store, no reranker, telemetry off (`MEM0_TELEMETRY=false` before the import, `MEM0_DIR` in `dir`).
 * The embedder is a LangChain-style `embedQuery` / `embedDocuments` object; the OpenAI LLM is built
 * but never called. Search: `filters: { user_id }`, `topK` = k, `threshold` 0.
 *
 * @since 0.1.0
 * @category constructors
 */
export const mem0: System = {
  name: "mem0",
  label: "mem0ai/oss (infer: false, memory vector store)",
  ranked: true,
  packages: { mem0ai: installedVersion("mem0ai") ?? "not installed" },
  modules: ["mem0ai/oss"],
  open: async ({ dir, embedder }) => {
    process.env["MEM0_TELEMETRY"] = "false"
    process.env["MEM0_DIR"] = path.join(dir, "mem0-home")
    const { Memory } = (await importPeer("mem0ai/oss")) as Mem0Module
    const model = {
      embedQuery: async (text: string) => toArray((await embedder.embed([text]))[0]!),
      embedDocuments: async (texts: Array<string>) => (await embedder.embed(texts)).map(toArray)
    }
    const memory = new Memory({
      embedder: { provider: "langchain", config: { model } },
      vectorStore: {
        provider: "memory",
        config: { collectionName: "bench", dimension: embedder.dimensions, dbPath: path.join(dir, "mem0-vectors.db") }
      },
      historyStore: { provider: "sqlite", config: { historyDbPath: path.join(dir, "mem0-history.db") } },
      llm: { provider: "openai", config: { apiKey: "unused-offline", model: "unused" } }
    })
    const keys = new Map<string, string>()
    return {
      add: async (scope, items) => {
        const added = await memory.add(items.map((i) => ({ role: "user", content: i.text })), { userId: scope, infer: false })
        added.results.forEach((r, i) => keys.set(r.id, items[i]!.key))
      },
      search: async (scope, query, k) => {
        const found = await memory.search(query, { filters: { user_id: scope }, topK: k, threshold: 0 })
        return found.results.map((r) => ({ key: keys.get(r.id) ?? `?${r.id}`, text: r.memory }))
      },
      close: async () => {}
    }
  }
}

/** The parts of `@mastra/memory` and `@mastra/libsql` used here. */
interface MastraMemoryModule {
  readonly Memory: new(config: object) => {
    createThread: (args: { threadId: string; resourceId: string }) => Promise<unknown>
    saveMessages: (args: { messages: Array<object> }) => Promise<unknown>
    recall: (args: { threadId: string; resourceId: string; vectorSearchString: string; threadConfig?: object }) => Promise<{
      messages: ReadonlyArray<{ id: string; content: { parts?: ReadonlyArray<{ type: string; text?: string }> } }>
    }>
    settled?: () => Promise<void>
  }
}
interface MastraLibsqlModule {
  readonly LibSQLStore: new(config: { id: string; url: string }) => { close?: () => Promise<void> }
  readonly LibSQLVector: new(config: { id: string; url: string }) => { close?: () => Promise<void> }
}

/**
 * @mastra/memory semantic recall over libSQL (`LibSQLStore` + `LibSQLVector` in one file in `dir`):
 * one thread per scope, resource = scope, every text saved as a user message; `recall` with
 * `vectorSearchString`, `semanticRecall: { topK: k, messageRange: 0, scope: "resource" }`, message
 * history, working memory and observational memory off. The embedder is an AI-SDK v2 embedding model
 * object (`doEmbed`). `recall` returns its top `k` in conversation order (`ranked: false`).
 *
 * @since 0.1.0
 * @category constructors
 */
export const mastra: System = {
  name: "Mastra",
  label: "@mastra/memory (semantic recall, libSQL)",
  ranked: false,
  packages: {
    "@mastra/memory": installedVersion("@mastra/memory") ?? "not installed",
    "@mastra/core": installedVersion("@mastra/core") ?? "not installed",
    "@mastra/libsql": installedVersion("@mastra/libsql") ?? "not installed"
  },
  modules: ["@mastra/memory", "@mastra/libsql"],
  open: async ({ dir, embedder, k }) => {
    const [{ Memory }, { LibSQLStore, LibSQLVector }] = (await Promise.all([
      importPeer("@mastra/memory"),
      importPeer("@mastra/libsql")
    ])) as [MastraMemoryModule, MastraLibsqlModule]
    const url = `file:${path.join(dir, "mastra.db")}`
    const model = {
      specificationVersion: "v2",
      provider: "alma-bench",
      modelId: embedder.model,
      maxEmbeddingsPerCall: 256,
      supportsParallelCalls: true,
      doEmbed: async ({ values }: { values: Array<string> }) => ({ embeddings: (await embedder.embed(values)).map(toArray) })
    }
    const storage = new LibSQLStore({ id: "bench", url })
    const vector = new LibSQLVector({ id: "bench-vec", url })
    const semanticRecall = { topK: k, messageRange: 0, scope: "resource" }
    const memory = new Memory({
      storage,
      vector,
      embedder: model,
      options: { lastMessages: false, semanticRecall, workingMemory: { enabled: false } }
    })
    const threads = new Set<string>()
    const keys = new Map<string, string>()
    let sequence = 0
    const epoch = Date.UTC(2024, 0, 1)
    return {
      add: async (scope, items) => {
        if (!threads.has(scope)) {
          await memory.createThread({ threadId: scope, resourceId: scope })
          threads.add(scope)
        }
        const messages = items.map((i) => {
          const id = `m${(sequence++).toString(36)}`
          keys.set(id, i.key)
          return {
            id,
            threadId: scope,
            resourceId: scope,
            role: "user",
            createdAt: new Date(epoch + sequence * 1000),
            content: { format: 2, parts: [{ type: "text", text: i.text }] }
          }
        })
        await memory.saveMessages({ messages })
      },
      search: async (scope, query, topK) => {
        const { messages } = await memory.recall({
          threadId: scope,
          resourceId: scope,
          vectorSearchString: query,
          ...(topK === k ? {} : { threadConfig: { semanticRecall: { ...semanticRecall, topK } } })
        })
        return messages.map((m) => ({
          key: keys.get(m.id) ?? `?${m.id}`,
          text: (m.content.parts ?? []).filter((p) => p.type === "text").map((p) => p.text ?? "").join(" ")
        }))
      },
      close: async () => {
        await memory.settled?.()
        await vector.close?.()
        await storage.close?.()
      }
    }
  }
}

/**
 * Whether a system's modules can be loaded here: `undefined` when they can, else the error. Sets
 * `MEM0_TELEMETRY=false` first, since mem0ai reads it when its module loads.
 *
 * @since 0.1.0
 * @category constructors
 */
export const unavailable = async (system: System): Promise<string | undefined> => {
  process.env["MEM0_TELEMETRY"] = "false"
  for (const name of system.modules) {
    try {
      await importPeer(name)
    } catch (cause) {
      return `${name}: ${cause instanceof Error ? cause.message : String(cause)}`
    }
  }
  return undefined
}
