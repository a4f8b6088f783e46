/**
 * The paraphrase benchmark's built-in dataset: eight scripted agents, two scenarios each (a success
 * family of 6 paraphrases, a failure family of 5 with error messages), 4 templated failures per
 * agent on unrelated tasks: 208 outcomes; 32 on-topic, 16 off-topic and 16 other-domain queries.
 *
 * @since 0.1.0
 */
import { dataPipelines, searchRelevance } from "./data/Data.js"
import { ciFlakiness, frontendDebugging } from "./data/Debugging.js"
import { dbMigrations, deployment } from "./data/Operations.js"
import { apiTesting, formTesting } from "./data/Testing.js"
import type { Dataset, DomainSpec } from "./Model.js"
import { flatten } from "./Model.js"

/**
 * Every scripted agent, in replay order.
 *
 * @since 0.1.0
 * @category constructors
 */
export const domains: ReadonlyArray<DomainSpec> = [
  formTesting,
  apiTesting,
  dbMigrations,
  deployment,
  dataPipelines,
  frontendDebugging,
  searchRelevance,
  ciFlakiness
]

/**
 * Agents kept by `--quick`: the first three (78 outcomes, 24 queries).
 *
 * @since 0.1.0
 * @category constructors
 */
export const QUICK_DOMAINS = 3

/**
 * The dataset, whole or quick.
 *
 * @since 0.1.0
 * @category constructors
 */
export const load = (options: { readonly quick?: boolean | undefined } = {}): Dataset =>
  flatten(options.quick === true ? domains.slice(0, QUICK_DOMAINS) : domains)
