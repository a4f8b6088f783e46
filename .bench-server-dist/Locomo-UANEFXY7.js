import { createRequire as __almaCreateRequire } from "node:module"; const require = __almaCreateRequire(import.meta.url);
import {
  defaultEmbedders,
  defaultFusions,
  quickSlice,
  runLocomo,
  runLocomoWith
} from "./chunk-BUAXOUIW.js";
import "./chunk-CWCMDVFS.js";
import "./chunk-HPMGZ7PF.js";
import "./chunk-HNHJBYPG.js";
import "./chunk-S5EEIEDT.js";
export {
  defaultEmbedders,
  defaultFusions,
  quickSlice,
  runLocomo,
  runLocomoWith
};
