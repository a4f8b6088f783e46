import { createRequire as __almaCreateRequire } from "node:module"; const require = __almaCreateRequire(import.meta.url);
import {
  BenchRunError,
  fullCalls,
  fullSizes,
  quickCalls,
  runLatency,
  runLatencyWith,
  useLite
} from "./chunk-OS77CHLH.js";
import "./chunk-52IPULEK.js";
import "./chunk-CWCMDVFS.js";
import "./chunk-7HY5L3DF.js";
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
