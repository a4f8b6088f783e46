import { startServer } from "./rpcServer.js"
const main = async () => {
  const server = await startServer({ sqlite: [], memory: ["m"] })
  const body = JSON.stringify({ _tag: "Request", id: "1", tag: "Agents", payload: null, headers: [] }) + "\n"
  for (let round = 0; round < 2; round++) {
    const n = 100; const t0 = performance.now()
    for (let i = 0; i < n; i++) await fetch(server.http("m"), { method: "POST", body }).then((r) => r.text())
    const t1 = performance.now()
    await Promise.all(Array.from({ length: n }, () => fetch(server.http("m"), { method: "POST", body }).then((r) => r.text())))
    const t2 = performance.now()
    console.log(`raw fetch Agents: seq ${((t1 - t0) / n).toFixed(2)} ms; parallel ${(n / ((t2 - t1) / 1000)).toFixed(0)}/s`)
  }
  await server.close()
}
main()
