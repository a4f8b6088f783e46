import { createRequire as __almaCreateRequire } from "node:module"; const require = __almaCreateRequire(import.meta.url);

// src/bench/registry.ts
var suites = {
  locomo: () => import("./Locomo-67XPLHWT.js").then((m) => m.runLocomo),
  reflexion: () => import("./reflexion-BYWQJJXT.js").then((m) => m.runReflexion),
  latency: () => import("./Latency-DAAGKHGO.js").then((m) => m.runLatency),
  peers: () => import("./Peers-ABFYQRNR.js").then((m) => m.runPeers),
  server: () => import("./Server-NTQSUMRX.js").then((m) => m.runServer)
};

export {
  suites
};
