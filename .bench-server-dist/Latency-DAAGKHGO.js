import { createRequire as __almaCreateRequire } from "node:module"; const require = __almaCreateRequire(import.meta.url);
import {
  BenchRunError,
  fullCalls,
  fullSizes,
  quickCalls,
  runLatency,
  runLatencyWith,
  useLite
} from "./chunk-WKKRKPEL.js";
import "./chunk-YTV45DKH.js";
import "./chunk-CWCMDVFS.js";
import "./chunk-4CV43XGG.js";
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
