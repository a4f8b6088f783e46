/**
 * `alma-memory/memory`: the in-process storage layer (tests, throwaway stacks).
 *
 * @since 0.1.0
 */
export * as MemoryStorage from "./MemoryStorage.js"
