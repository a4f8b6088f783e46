import { writeFileSync } from "node:fs"
const dims = 512
let out = ""
for (let i = 0; i < 10000; i++) {
  const v = Array.from({ length: dims }, () => Math.fround(Math.random() - 0.5))
  out += `heur_${i.toString(16).padStart(16, "0")}\theuristic\tbench\tagent${i % 10}\tdeploy\t2024-01-01T00:00:00.000Z\t2024-01-01T00:00:00.000Z\t{"a":1}\tdeploy rollback cache retry\t[${v.join(",")}]\n`
}
writeFileSync("/tmp/pgexp/rows.tsv", out)
