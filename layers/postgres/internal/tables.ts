/**
 * The tables of one storage schema, as SQL identifiers.
 *
 * @since 0.1.0
 */
import type * as SqlClient from "@effect/sql/SqlClient"
import type { Identifier } from "@effect/sql/Statement"

/**
 * @since 0.1.0
 * @category models
 */
export interface Tables {
  /** The schema name, as given (an unquoted lower-case identifier). */
  readonly schemaName: string
  readonly schema: Identifier
  readonly meta: Identifier
  readonly migrations: Identifier
  /** `"schema".alma_migrations` as text, for `to_regclass`. */
  readonly migrationsName: string
  /** A name in the schema as SQL text, quoted: `"schema"."name"` (for statements written as text). */
  readonly qualified: (name: string) => string
  readonly memories: Identifier
  readonly audit: Identifier
  readonly records: Identifier
}

/**
 * The schema names accepted: lower-case letters, digits and `_`, not starting with a digit, at most 63
 * characters (PostgreSQL's identifier length), so that they never need quoting.
 *
 * @since 0.1.0
 * @category predicates
 */
export const isSchemaName = (name: string): boolean => /^[a-z_][a-z0-9_]{0,62}$/.test(name)

/**
 * The identifiers of the tables in `schema` (a name accepted by `isSchemaName`).
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (sql: SqlClient.SqlClient, schema: string): Tables => ({
  schemaName: schema,
  schema: sql(schema),
  meta: sql(`${schema}.alma_meta`),
  migrations: sql(`${schema}.alma_migrations`),
  migrationsName: `"${schema}".alma_migrations`,
  qualified: (name) => `"${schema}"."${name}"`,
  memories: sql(`${schema}.memories`),
  audit: sql(`${schema}.forget_audit`),
  records: sql(`${schema}.workflow_records`)
})
