import { createRequire as __almaCreateRequire } from "node:module"; const require = __almaCreateRequire(import.meta.url);

// src/bench/registry.ts
var suites = {
  locomo: () => import("./Locomo-327WBBOF.js").then((m) => m.runLocomo),
  reflexion: () => import("./reflexion-LNGT4LE2.js").then((m) => m.runReflexion),
  latency: () => import("./Latency-SCBCJMJR.js").then((m) => m.runLatency),
  peers: () => import("./Peers-7DSOU46I.js").then((m) => m.runPeers),
  server: () => import("./Server-SOKKDOPH.js").then((m) => m.runServer)
};

export {
  suites
};
