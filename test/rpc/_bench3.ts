import { startServer } from "./rpcServer.js"
import { createServer } from "node:http"
const time = async (label: string, url: string, init: RequestInit) => {
  const n = 100; const t0 = performance.now()
  for (let i = 0; i < n; i++) await fetch(url, init).then((r) => r.text())
  console.log(`${label}: ${((performance.now() - t0) / n).toFixed(2)} ms`)
}
const main = async () => {
  const server = await startServer({ sqlite: [], memory: ["m"] })
  const plain = createServer((_, res) => res.end("ok")).listen(0)
  await new Promise((r) => plain.once("listening", r))
  const port = (plain.address() as any).port
  const body = JSON.stringify({ _tag: "Request", id: "1", tag: "Agents", payload: null, headers: [] }) + "\n"
  for (let r = 0; r < 2; r++) {
    await time("plain node http", `http://127.0.0.1:${port}/`, {})
    await time("effect 404", `http://127.0.0.1:${server.port}/nope`, {})
    await time("rpc Agents", server.http("m"), { method: "POST", body })
  }
  plain.close(); await server.close()
}
main()
