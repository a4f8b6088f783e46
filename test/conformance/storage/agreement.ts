/**
 * "Same top k, up to ties": how the ranking suite compares a backend's ranking with the reference's.
 *
 * Each ranking is a list of (id, score), best first, scored by its own backend (larger is better;
 * a distance is negated). Scores are only compared within one ranking, never across backends; two
 * scores of one ranking closer than `tolerance` are a tie. For one ranking X (x_1 ≥ x_2 ≥ …):
 *
 * - its **certain** members are the ids scored strictly above x_{k+1} (all of X when it has at most k):
 *   every top k of X holds them;
 * - its **possible** members are the ids scored at least x_k (all of X when it has fewer than k): only
 *   they can be in a top k of X (ties at the boundary are interchangeable).
 *
 * Rankings R and A agree on their top k when they have as many items in their top k, and some set of
 * that size is a top k of both: it holds the certain members of both and only possible members of
 * both. Besides, no two ids in both top k may be strictly ordered one way by R and the other by A.
 *
 * So R = [a .9, b .8, c .5, d .5] agrees on the top 3 with A = [a .9, b .8, d .5, c .5] and with
 * A = [a .9, b .8, d .6, c .5] ({a, b, d} is a top 3 of both), but not with A = [b .9, a .8, c .5]
 * (a and b swapped), nor with A = [a .9, c .8, d .7, b .4] (b, certain in R, is out of A's top 3).
 */

/** One ranked item, larger `score` better. */
export interface Ranked {
  readonly id: string
  readonly score: number
}

const certain = (x: ReadonlyArray<Ranked>, k: number, tolerance: number): ReadonlyArray<string> => {
  const next = x[k]
  return x.slice(0, k).filter((i) => next === undefined || i.score > next.score + tolerance).map((i) => i.id)
}

const possible = (x: ReadonlyArray<Ranked>, k: number, tolerance: number): ReadonlySet<string> => {
  const kth = x[k - 1]
  return new Set(x.filter((i) => kth === undefined || i.score >= kth.score - tolerance).map((i) => i.id))
}

/**
 * The reasons `actual`'s top k disagrees with `reference`'s (see the module doc); empty when they agree.
 * Both rankings must be best first.
 */
export const topKDisagreements = (
  reference: ReadonlyArray<Ranked>,
  actual: ReadonlyArray<Ranked>,
  k: number,
  tolerance: number
): ReadonlyArray<string> => {
  const problems: Array<string> = []
  const size = Math.min(k, reference.length)
  if (Math.min(k, actual.length) !== size) {
    problems.push(`the reference has ${size} in its top ${k}, the backend ${Math.min(k, actual.length)}`)
  }
  const required = new Set([...certain(reference, k, tolerance), ...certain(actual, k, tolerance)])
  const pr = possible(reference, k, tolerance)
  const pa = possible(actual, k, tolerance)
  const allowed = new Set([...pr].filter((id) => pa.has(id)))
  for (const id of required) {
    if (!pr.has(id)) problems.push(`${id} is certain in the backend's top ${k}, out of the reference's`)
    else if (!pa.has(id)) problems.push(`${id} is certain in the reference's top ${k}, out of the backend's`)
  }
  if (required.size > size) problems.push(`${required.size} ids are certain in one top ${k} or the other`)
  if (allowed.size < size) problems.push(`only ${allowed.size} ids may be in both top ${k}`)
  const score = (x: ReadonlyArray<Ranked>) => new Map(x.slice(0, k).map((i) => [i.id, i.score]))
  const rs = score(reference)
  const as = score(actual)
  for (const [x, rx] of rs) {
    for (const [y, ry] of rs) {
      const ax = as.get(x)
      const ay = as.get(y)
      if (ax !== undefined && ay !== undefined && rx > ry + tolerance && ay > ax + tolerance) {
        problems.push(`the reference ranks ${x} above ${y}, the backend the other way round`)
      }
    }
  }
  return problems
}
