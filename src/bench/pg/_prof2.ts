const dims = 512
const vs = Array.from({ length: 10000 }, () => Float32Array.from({ length: dims }, () => Math.random() - 0.5))
const time = (name: string, f: (v: Float32Array) => string) => {
  const t = performance.now(); let n = 0
  for (const v of vs) n += f(v).length
  console.log(name, (performance.now() - t).toFixed(0), "ms", n / vs.length, "chars")
}
time("json", (v) => JSON.stringify(Array.from(v)))
time("toPrecision9", (v) => { let s = "["; for (let i = 0; i < v.length; i++) s += (i ? "," : "") + v[i]!.toPrecision(9); return s + "]" })
time("join", (v) => "[" + v.join(",") + "]")
// check round trip of toPrecision(9)
let bad = 0
for (const v of vs.slice(0, 100)) for (const x of v) if (Math.fround(Number(x.toPrecision(9))) !== x) bad++
console.log("bad", bad)
const pow10 = Array.from({ length: 100 }, (_, i) => Math.pow(10, i - 50))
const fmt = (v: Float32Array) => {
  let s = "["
  for (let i = 0; i < v.length; i++) {
    const x = v[i]!
    if (i > 0) s += ","
    if (x === 0) { s += "0"; continue }
    const a = x < 0 ? -x : x
    let e = Math.floor(Math.log10(a))
    let m = Math.round(a * pow10[58 - e]!)
    if (m >= 1e9) { m = Math.round(m / 10); e++ }
    s += (x < 0 ? "-" : "") + m + "e" + (e - 8)
  }
  return s + "]"
}
time("custom", fmt)
let bad2 = 0
for (const v of vs) { const parts = fmt(v).slice(1, -1).split(","); parts.forEach((p, i) => { if (Math.fround(Number(p)) !== v[i]) bad2++ }) }
console.log("bad2", bad2)
const tiny = Float32Array.from([1e-38, -3.4e38, 1.1754944e-38, 0.1, -0.5, 1, 1e-45])
console.log(fmt(tiny), fmt(tiny).slice(1,-1).split(",").map((p, i) => Math.fround(Number(p)) === tiny[i]))
