/**
 * Ids of workflow records: a prefix and a UUID version 7 (RFC 9562), whose text sorts in creation
 * order: the first 48 bits are the creation time (epoch ms, from `Clock`, so `TestClock` moves it) and
 * the next 12 (`rand_a`) a counter that increases within a millisecond (RFC 9562 §6.2, method 1). So
 * records created in one process in the same millisecond still list newest first by id.
 */
import { Clock, Effect, Ref } from "effect"
import { randomBytes } from "node:crypto"

interface Last {
  readonly millis: number
  readonly counter: number
}

/** Largest 12-bit counter; past it the timestamp moves on by one millisecond. */
const maxCounter = 0xfff

const hex = (value: number, digits: number): string => value.toString(16).padStart(digits, "0")

/** A generator of `<prefix>_<uuid v7>` ids, monotonic within the generator. */
export const makeIdGenerator = Effect.map(Ref.make<Last>({ millis: -1, counter: 0 }), (last) =>
  (prefix: string): Effect.Effect<string> =>
    Effect.gen(function*() {
      const now = yield* Clock.currentTimeMillis
      const random = randomBytes(10)
      const next = yield* Ref.modify(last, (prev): [Last, Last] => {
        let millis = Math.max(now, prev.millis)
        let counter: number
        if (millis === prev.millis) {
          counter = prev.counter + 1
          if (counter > maxCounter) {
            millis += 1
            counter = 0
          }
        } else {
          // A random start in the counter's lower half leaves room for more ids in this millisecond.
          counter = random.readUInt16BE(8) & 0x7ff
        }
        const state = { millis, counter }
        return [state, state]
      })
      const time = hex(next.millis % 2 ** 48, 12)
      const tail = random.subarray(0, 8)
      tail[0] = (tail[0]! & 0x3f) | 0x80 // variant 10
      const rest = tail.toString("hex")
      return `${prefix}_${time.slice(0, 8)}-${time.slice(8)}-7${hex(next.counter, 3)}-${rest.slice(0, 4)}-${rest.slice(4)}`
    }))
