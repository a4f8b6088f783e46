/**
 * The Reflexion lesson-routing benchmark suite: parsers, replay, metrics and report.
 *
 * @since 0.1.0
 */
export * as Alfworld from "./Alfworld.js"
export * as Dataset from "./Dataset.js"
export * as HotpotQA from "./HotpotQA.js"
export * as Metrics from "./Metrics.js"
export * as Model from "./Model.js"
export * as Programming from "./Programming.js"
export { defaultDataset, type ReflexionError, type ReflexionOptions, runReflexion, runReflexionWith } from "./Reflexion.js"
export * as Replay from "./Replay.js"
export * as Report from "./Report.js"
