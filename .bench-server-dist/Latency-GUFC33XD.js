import { createRequire as __almaCreateRequire } from "node:module"; const require = __almaCreateRequire(import.meta.url);
import {
  BenchRunError,
  fullCalls,
  fullSizes,
  quickCalls,
  runLatency,
  runLatencyWith,
  useLite
} from "./chunk-AACW74SV.js";
import "./chunk-CWIWDO5P.js";
import "./chunk-CWCMDVFS.js";
import "./chunk-HPMGZ7PF.js";
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
