/**
 * Lesson-routing metrics: for each retry of a task that failed and has lessons, the rank of the
 * task's own first-returned lesson among the retrieved anti-patterns; summarised as recall@1,
 * recall@5 and mean reciprocal rank.
 *
 * @since 0.1.0
 */

/**
 * One lesson-routing query: `retrieve(task)` before a retry.
 *
 * **Shape** `rank`: 1-based position of the first of the task's own lessons among the returned
 * anti-patterns, absent when none was returned; `intactRank`: the same, counting only own lessons
 * whose `whyBad` is still the reflection (`learn` may have overwritten it since); `variant`: `task` for the task text, else the label
 * of an alternative query text (ALFWorld `env id only`).
 * **Units** `ownLessons`: the task's lessons stored at query time; `pool`: all anti-patterns the
 * agent held at query time (its own lessons, other tasks' lessons, anti-patterns `learn` formed).
 *
 * @since 0.1.0
 * @category models
 */
export interface QueryResult {
  readonly family: string
  readonly run: string
  readonly variant: string
  readonly taskKey: string
  readonly trial: number
  readonly rank?: number | undefined
  readonly intactRank?: number | undefined
  readonly returned: number
  readonly ownLessons: number
  readonly pool: number
}

/**
 * Summary of a set of queries.
 *
 * **Units** `recallAt1`, `recallAt5`, `mrr`: fractions in [0, 1], `NaN` when there is no query;
 * `tasks`: distinct tasks queried; `recallAt5Intact`: recall@5 counting only lessons whose reflection
 * text is intact; means are per query.
 * **Source** recall@k: fraction of queries whose own lesson ranks ≤ k; MRR: mean of 1/rank, 0 when
 * absent (absent beyond the top 5 retrieved, so this is MRR@5).
 *
 * @since 0.1.0
 * @category models
 */
export interface RoutingScore {
  readonly queries: number
  readonly tasks: number
  readonly recallAt1: number
  readonly recallAt5: number
  readonly mrr: number
  readonly recallAt5Intact: number
  readonly meanOwnLessons: number
  readonly meanPool: number
}

/**
 * The 1-based rank of the first item whose key is `own`, or `undefined`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const rankOf = (keys: ReadonlyArray<string | undefined>, own: string): number | undefined => {
  const i = keys.indexOf(own)
  return i < 0 ? undefined : i + 1
}

/**
 * 1/rank, or 0 when absent.
 *
 * @since 0.1.0
 * @category constructors
 */
export const reciprocalRank = (rank: number | undefined): number => (rank === undefined || rank < 1 ? 0 : 1 / rank)

const mean = (values: ReadonlyArray<number>): number =>
  values.length === 0 ? Number.NaN : values.reduce((a, b) => a + b, 0) / values.length

/**
 * Summarises queries (see {@link RoutingScore}).
 *
 * @example
 * ```ts
 * score([{ rank: 1 }, { rank: 3 }, { rank: undefined }].map((q) => ({ ...base, ...q })))
 * // recallAt1 1/3, recallAt5 2/3, mrr (1 + 1/3 + 0) / 3
 * ```
 *
 * @since 0.1.0
 * @category constructors
 */
export const score = (queries: ReadonlyArray<QueryResult>): RoutingScore => ({
  queries: queries.length,
  tasks: new Set(queries.map((q) => `${q.run}\u0000${q.taskKey}`)).size,
  recallAt1: mean(queries.map((q) => (q.rank !== undefined && q.rank <= 1 ? 1 : 0))),
  recallAt5: mean(queries.map((q) => (q.rank !== undefined && q.rank <= 5 ? 1 : 0))),
  mrr: mean(queries.map((q) => reciprocalRank(q.rank))),
  recallAt5Intact: mean(queries.map((q) => (q.intactRank !== undefined && q.intactRank <= 5 ? 1 : 0))),
  meanOwnLessons: mean(queries.map((q) => q.ownLessons)),
  meanPool: mean(queries.map((q) => q.pool))
})

/**
 * Queries grouped by a key, in first-seen order.
 *
 * @since 0.1.0
 * @category constructors
 */
export const groupBy = <A>(items: ReadonlyArray<A>, key: (a: A) => string): ReadonlyMap<string, ReadonlyArray<A>> => {
  const out = new Map<string, Array<A>>()
  for (const item of items) {
    const k = key(item)
    const list = out.get(k) ?? []
    list.push(item)
    out.set(k, list)
  }
  return out
}
