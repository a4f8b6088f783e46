import fc from "fast-check"
import { mcpMessage, render } from "../fixtures/serverFuzz.js"
import { initializeParams, jsonRpcPeer, serverConfigYaml, spawnAlma, writeConfig, removeTempDirs } from "../fixtures/serverProcess.js"
const { dir, file } = writeConfig(serverConfigYaml({ projectId: "s" }))
const proc = spawnAlma(["mcp", "--config", file], { cwd: dir })
const peer = jsonRpcPeer(proc)
await peer.request({ id: 0, method: "initialize", params: initializeParams })
let sid = 10_000_000, n = 0
for (const m of fc.sample(mcpMessage, { numRuns: 60, seed: 20261121 + 3 })) {
  const t = Date.now()
  const wire = render(m, ++n)
  peer.send(wire)
  const s = ++sid
  peer.send(JSON.stringify({ jsonrpc: "2.0", id: s, method: "ping" }))
  const ok = await peer.response(s, 3000).then(() => true, () => false)
  console.log(n, ok, Date.now() - t, typeof wire === "string" ? wire.slice(0, 120) : "bytes")
}
console.log("alive", proc.alive(), proc.stderr().slice(-3000))
await proc.stop(); removeTempDirs()
