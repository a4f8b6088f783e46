/**
 * The message of a failure's cause, for the suites' run errors.
 *
 * @since 0.1.0
 */

/**
 * An `Error`'s message, an object's `message` property, or the value as a string.
 *
 * @since 0.1.0
 * @category constructors
 */
export const describeCause = (cause: unknown): string =>
  cause instanceof Error
    ? cause.message
    : typeof cause === "object" && cause !== null && "message" in cause
    ? String((cause as { message: unknown }).message)
    : String(cause)
