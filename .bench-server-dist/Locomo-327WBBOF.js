import { createRequire as __almaCreateRequire } from "node:module"; const require = __almaCreateRequire(import.meta.url);
import {
  defaultEmbedders,
  defaultFusions,
  quickSlice,
  runLocomo,
  runLocomoWith
} from "./chunk-RTISPWO6.js";
import "./chunk-CWCMDVFS.js";
import "./chunk-7HY5L3DF.js";
import "./chunk-HNHJBYPG.js";
import "./chunk-S5EEIEDT.js";
export {
  defaultEmbedders,
  defaultFusions,
  quickSlice,
  runLocomo,
  runLocomoWith
};
