/**
 * Which relevance floor keeps what (pure, given the ungated slices): for each floor of a grid, the
 * relevant items an on-topic query would keep (items standing for a family of the query's scenario),
 * the lessons among them (heuristics and anti-patterns), and the items off-topic and other-domain
 * queries would get. Zero off-topic items with the relevant lessons kept needs a floor between the two
 * distributions; the sweep shows whether this embedder's relevance has one. A calibration aid, not a goal.
 *
 * @since 0.1.0
 */
import type { Ungated } from "./Replay.js"
import type { Truth } from "./Slices.js"
import { familyOfItem } from "./Slices.js"

/**
 * One floor. **Units** counts of items over all queries of the group (ungated slices hold at most
 * topK 5 per kind).
 *
 * @since 0.1.0
 * @category models
 */
export interface FloorRow {
  readonly floor: number
  readonly relevantKept: number
  readonly relevantLessonsKept: number
  readonly offTopicKept: number
}

/** Floors of the sweep (relevance in [0, 1]). */
export const FLOORS: ReadonlyArray<number> = [0, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8]

/**
 * The sweep over `floors` (default `FLOORS`).
 *
 * @since 0.1.0
 * @category constructors
 */
export const floorSweep = (
  ungated: ReadonlyArray<Ungated>,
  truth: Truth,
  floors: ReadonlyArray<number> = FLOORS
): ReadonlyArray<FloorRow> => {
  const scenarioOf = new Map(truth.families.map((f) => [f.id, f.scenario]))
  const relevant = ungated
    .filter((u) => u.query.kind === "on-topic")
    .flatMap((u) =>
      u.items.filter((item) => {
        const family = familyOfItem(item, truth)
        return family !== undefined && scenarioOf.get(family) === u.query.scenario
      })
    )
  const offTopic = ungated.filter((u) => u.query.kind !== "on-topic").flatMap((u) => u.items)
  return floors.map((floor) => ({
    floor,
    relevantKept: relevant.filter((i) => i.relevance >= floor).length,
    relevantLessonsKept: relevant.filter((i) => i.relevance >= floor && (i.kind === "heuristic" || i.kind === "anti_pattern")).length,
    offTopicKept: offTopic.filter((i) => i.relevance >= floor).length
  }))
}
