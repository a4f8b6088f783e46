import { createRequire as __almaCreateRequire } from "node:module"; const require = __almaCreateRequire(import.meta.url);
import {
  BenchRunError,
  fullCalls,
  fullSizes,
  quickCalls,
  runLatency,
  runLatencyWith,
  useLite
} from "./chunk-747RLRVP.js";
import "./chunk-BOIYOA3F.js";
import "./chunk-CWCMDVFS.js";
import "./chunk-XNOPOJ5S.js";
import "./chunk-HNHJBYPG.js";
import "./chunk-S5EEIEDT.js";
export {
  BenchRunError,
  fullCalls,
  fullSizes,
  quickCalls,
  runLatency,
  runLatencyWith,
  useLite
};
