/**
 * `alma-memory/sqlite`: the SQLite + sqlite-vec storage layer (the embedded default).
 *
 * @since 0.1.0
 */
export * as SqliteStorage from "./SqliteStorage.js"
