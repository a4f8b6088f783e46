import { createRequire as __almaCreateRequire } from "node:module"; const require = __almaCreateRequire(import.meta.url);

// src/bench/registry.ts
var suites = {
  locomo: () => import("./Locomo-JZNI7MZN.js").then((m) => m.runLocomo),
  reflexion: () => import("./reflexion-GRPSOSML.js").then((m) => m.runReflexion),
  latency: () => import("./Latency-D5I736ET.js").then((m) => m.runLatency),
  peers: () => import("./Peers-F2VGC3EY.js").then((m) => m.runPeers),
  server: () => import("./Server-Z4YYKKKU.js").then((m) => m.runServer)
};

export {
  suites
};
