import { assert, describe, it } from "@effect/vitest"
import { groupedBarChart, latencyVsStoreSizeChart, lineChart } from "../../src/charts.js"

/** Checks an SVG string is one balanced element tree rooted at <svg>; returns the opened element names. */
const checkBalanced = (svg: string): ReadonlyArray<string> => {
  assert.isTrue(svg.startsWith("<svg"), "starts with <svg")
  assert.isTrue(svg.trimEnd().endsWith("</svg>"), "ends with </svg>")
  const stack: Array<string> = []
  const seen: Array<string> = []
  for (const m of svg.matchAll(/<(\/?)([A-Za-z][\w:-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>/g)) {
    const [, closing, name, , selfClosing] = m
    if (closing) assert.strictEqual(stack.pop(), name, `closing </${name}>`)
    else if (!selfClosing) stack.push(name!)
    if (!closing) seen.push(name!)
    if (!closing && stack.length === 0 && selfClosing) assert.fail("element outside <svg>")
  }
  assert.deepStrictEqual(stack, [], "every element is closed")
  // No raw markup characters left in text once tags are removed.
  assert.notMatch(svg.replace(/<[^>]*>/g, ""), /[<>]/)
  return seen
}

describe("SVG charts", () => {
  it("grouped bar chart: valid, labelled, one bar per finite value, text escaped", () => {
    const svg = groupedBarChart({
      title: "Recall <by> category & config",
      categories: ["multi-hop", "temporal", "single-hop"],
      series: [
        { name: "lexical only", values: [0.44, 0.78, 0.61] },
        { name: "hybrid \"default\"", values: [0.5, Number.NaN, 0.61] }
      ],
      yLabel: "recall@5 (any)",
      xLabel: "question category",
      yMax: 1,
      showValues: true,
      format: (v) => v.toFixed(2)
    })
    const names = checkBalanced(svg)
    assert.strictEqual(names.filter((n) => n === "rect").length, 1 + 5 + 2) // background, bars, legend swatches
    for (const label of ["multi-hop", "temporal", "single-hop", "lexical only", "recall@5 (any)", "question category", "1.00"]) {
      assert.include(svg, label)
    }
    assert.include(svg, "Recall &lt;by&gt; category &amp; config")
    assert.include(svg, "hybrid &quot;default&quot;")
  })

  it("line chart: linear and logarithmic x axes", () => {
    const linear = lineChart({
      title: "Latency",
      xLabel: "queries",
      yLabel: "ms",
      series: [{ name: "p50", points: [{ x: 30, y: 2 }, { x: 10, y: 1 }, { x: 20, y: 4 }] }]
    })
    checkBalanced(linear)
    assert.include(linear, "<polyline")
    assert.include(linear, ">p50<")
    const chart = latencyVsStoreSizeChart({
      series: [
        { name: "retrieve p50", points: [{ storeSize: 1_000, ms: 3 }, { storeSize: 10_000, ms: 8 }, { storeSize: 100_000, ms: 34 }] },
        { name: "retrieve p95", points: [{ storeSize: 1_000, ms: 5 }, { storeSize: 100_000, ms: 50 }] }
      ]
    })
    assert.strictEqual(chart.name, "latency-vs-store-size")
    checkBalanced(chart.svg)
    for (const label of ["1k", "10k", "100k", "latency (ms)", "memories in store (log scale)", "retrieve p95"]) {
      assert.include(chart.svg, label)
    }
    assert.strictEqual(chart.svg.match(/<circle /g)!.length, 5 + 2) // markers + legend markers
    checkBalanced(lineChart({ title: "empty", xLabel: "x", yLabel: "y", series: [] }))
  })
})
