import { createRequire as __almaCreateRequire } from "node:module"; const require = __almaCreateRequire(import.meta.url);

// src/bench/registry.ts
var suites = {
  locomo: () => import("./Locomo-UANEFXY7.js").then((m) => m.runLocomo),
  reflexion: () => import("./reflexion-UPNBZASL.js").then((m) => m.runReflexion),
  latency: () => import("./Latency-GUFC33XD.js").then((m) => m.runLatency),
  peers: () => import("./Peers-RVETA4UY.js").then((m) => m.runPeers),
  server: () => import("./Server-HTOQJGCJ.js").then((m) => m.runServer)
};

export {
  suites
};
