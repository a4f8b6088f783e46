/**
 * The engine a replaying benchmark suite runs on: a SQLite file in a temporary folder (removed when
 * the scope closes), with the configuration's storage kind and embedder when a configuration is
 * given, else the embedded default (SQLite + local embedder).
 */
import { Effect, type Layer } from "effect"
import * as fs from "node:fs/promises"
import * as os from "node:os"
import * as path from "node:path"
import { Alma, MemoryStorage, SqliteStorage, StorageError } from "alma-memory"
import type { AlmaConfig, ConfigurationError, Embedder, EmbeddingError } from "alma-memory"

/**
 * The stack over `filename` for project `projectId`; `embedder` replaces the configured one.
 *
 * **Errors** those of the storage and embedder layers.
 */
export const stackFor = <E>(
  filename: string,
  projectId: string,
  config: AlmaConfig.AlmaConfig | undefined,
  embedder: Layer.Layer<Embedder.Embedder, E> | undefined
): Layer.Layer<Alma.Services, ConfigurationError | StorageError | EmbeddingError | E> => {
  if (config === undefined) {
    return Alma.layerSqlite({ filename, projectId, ...(embedder !== undefined ? { embedder } : {}) })
  }
  const chosen: Layer.Layer<Embedder.Embedder, ConfigurationError | EmbeddingError | E> = embedder ??
    Alma.embedderFromConfig(config)
  const options = { ...Alma.engineOptions(config), projectId }
  return config.storage === "memory"
    ? Alma.layerWith(MemoryStorage.layer, chosen, options)
    : Alma.layerWith(SqliteStorage.layerWith({ filename }), chosen, options)
}

/**
 * A new temporary folder named `alma-<prefix>-…`, removed (with everything in it) when the scope closes.
 *
 * **Errors** `StorageError` when the folder cannot be created.
 */
export const tempDir = (prefix: string) =>
  Effect.acquireRelease(
    Effect.tryPromise({
      try: () => fs.mkdtemp(path.join(os.tmpdir(), `alma-${prefix}-`)),
      catch: (cause) => new StorageError({ backend: "sqlite", operation: "create a temporary folder", cause })
    }),
    (dir) => Effect.ignoreLogged(Effect.tryPromise(() => fs.rm(dir, { recursive: true, force: true })))
  )
