/**
 * `alma-memory/postgres`: the PostgreSQL + pgvector storage layer.
 *
 * @since 0.1.0
 */
export * as PgStorage from "./PgStorage.js"
