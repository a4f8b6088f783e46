/**
 * Dependency-free SVG charts for benchmark reports: a grouped bar chart and a line chart (linear or
 * logarithmic x axis), each with axes, tick labels, axis titles and a legend, as a standalone SVG
 * document string.
 *
 * @since 0.1.0
 */
import type { Chart } from "./Suite.js"

/**
 * One bar series: one value per category, in the categories' order (`NaN` or missing = no bar).
 *
 * @since 0.1.0
 * @category models
 */
export interface BarSeries {
  readonly name: string
  readonly values: ReadonlyArray<number>
}

/**
 * Options of {@link groupedBarChart}.
 *
 * **Units** `width`, `height`: pixels (default 960 × 440); `yMax`: y axis top in the values' unit
 * (default: a round number at or above the largest value); `format`: tick labels (default compact).
 *
 * @since 0.1.0
 * @category models
 */
export interface GroupedBarChartOptions {
  readonly title: string
  readonly categories: ReadonlyArray<string>
  readonly series: ReadonlyArray<BarSeries>
  readonly yLabel: string
  readonly xLabel?: string | undefined
  readonly yMax?: number | undefined
  readonly width?: number | undefined
  readonly height?: number | undefined
  /** Print each bar's value above it. */
  readonly showValues?: boolean | undefined
  readonly format?: ((value: number) => string) | undefined
}

/**
 * One line series: points in any order (drawn sorted by x).
 *
 * @since 0.1.0
 * @category models
 */
export interface LineSeries {
  readonly name: string
  readonly points: ReadonlyArray<{ readonly x: number; readonly y: number }>
}

/**
 * Options of {@link lineChart}.
 *
 * **Units** `width`, `height`: pixels (default 960 × 440); `logX`: base-10 logarithmic x axis (all
 * x must be > 0), e.g. for store sizes from 1k to 1M.
 *
 * @since 0.1.0
 * @category models
 */
export interface LineChartOptions {
  readonly title: string
  readonly series: ReadonlyArray<LineSeries>
  readonly xLabel: string
  readonly yLabel: string
  readonly logX?: boolean | undefined
  readonly yMax?: number | undefined
  readonly width?: number | undefined
  readonly height?: number | undefined
  readonly formatX?: ((value: number) => string) | undefined
  readonly formatY?: ((value: number) => string) | undefined
}

/** Okabe–Ito colour-blind-safe palette, then greys; series colours cycle through it. */
const palette = [
  "#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000", "#777777", "#444444"
]

const colorAt = (index: number): string => palette[index % palette.length]!

/** Escapes text for SVG element content and attribute values. */
const escapeXml = (text: string): string =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;")

/** Round ticks from `min` covering `max`: steps of 1, 2, 2.5 or 5 × 10^n, about `count` of them. */
const niceTicks = (max: number, count: number = 5, min: number = 0): ReadonlyArray<number> => {
  const span = max - min
  if (!(span > 0) || !Number.isFinite(span)) return [min, min + 1]
  const raw = span / Math.max(1, count)
  const magnitude = Math.pow(10, Math.floor(Math.log10(raw)))
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? 10 * magnitude
  const ticks: Array<number> = []
  for (let v = min; v < max + step * 0.999; v += step) ticks.push(Number(v.toPrecision(12)))
  return ticks
}

/** Compact number label: `0.654`, `12.5`, `1.5k`, `2M`. */
const compactNumber = (value: number): string => {
  const abs = Math.abs(value)
  if (abs >= 1e6) return `${Number((value / 1e6).toPrecision(3))}M`
  if (abs >= 1e3) return `${Number((value / 1e3).toPrecision(3))}k`
  return `${Number(value.toPrecision(3))}`
}

const fmt = (n: number): string => Number(n.toFixed(2)).toString()

const text = (x: number, y: number, content: string, attrs: string = ""): string =>
  `<text x="${fmt(x)}" y="${fmt(y)}"${attrs ? ` ${attrs}` : ""}>${escapeXml(content)}</text>`

const frameFor = (width: number, height: number, names: ReadonlyArray<string>) => {
  const legendWidth = Math.min(width * 0.45, Math.max(...names.map((n) => n.length * 12 * 0.58), 40) + 36)
  return { width, height, left: 72, top: 48, plotWidth: width - 72 - legendWidth - 24, plotHeight: height - 48 - 72 }
}

const line = (x1: number, y1: number, x2: number, y2: number, stroke: string, extra: string = ""): string =>
  `<line x1="${fmt(x1)}" y1="${fmt(y1)}" x2="${fmt(x2)}" y2="${fmt(y2)}" stroke="${stroke}"${extra}/>`

/** Document shell: title, y gridlines and ticks, axes, axis titles, legend; `body` goes between. */
const shell = (f: ReturnType<typeof frameFor>, o: {
  readonly title: string
  readonly yLabel: string
  readonly xLabel?: string | undefined
  readonly yTicks: ReadonlyArray<number>
  readonly y: (v: number) => number
  readonly formatY: (v: number) => string
  readonly names: ReadonlyArray<string>
  readonly mark: (i: number, x: number, y: number) => string
}, body: ReadonlyArray<string>): string => {
  const right = f.left + f.plotWidth
  const bottom = f.top + f.plotHeight
  const midY = f.top + f.plotHeight / 2
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${f.width}" height="${f.height}" viewBox="0 0 ${f.width} ${f.height}" ` +
    `font-family="Helvetica, Arial, sans-serif" font-size="12" role="img" aria-label="${escapeXml(o.title)}">`,
    `<rect x="0" y="0" width="${f.width}" height="${f.height}" fill="#ffffff"/>`,
    text(f.width / 2, 24, o.title, `text-anchor="middle" font-size="16" font-weight="bold"`),
    `<g class="grid">`,
    ...o.yTicks.map((t) =>
      line(f.left, o.y(t), right, o.y(t), "#e0e0e0") + text(f.left - 6, o.y(t) + 4, o.formatY(t), `text-anchor="end"`)
    ),
    `</g>`,
    ...body,
    line(f.left, bottom, right, bottom, "#333333"),
    line(f.left, f.top, f.left, bottom, "#333333"),
    text(18, midY, o.yLabel, `text-anchor="middle" transform="rotate(-90 18 ${fmt(midY)})"`),
    ...(o.xLabel === undefined ? [] : [text(f.left + f.plotWidth / 2, f.height - 14, o.xLabel, `text-anchor="middle"`)]),
    `<g class="legend">`,
    ...o.names.map((name, i) => o.mark(i, right + 20, f.top + 8 + i * 20) + text(right + 44, f.top + 12 + i * 20, name)),
    `</g>`,
    `</svg>`
  ].join("\n")
}

/**
 * A grouped bar chart: one group per category, one bar per series inside each group.
 *
 * **Shape** a standalone SVG document (starts with `<svg`, no XML declaration); every bar carries a
 * `<title>` tooltip `series — category: value`.
 *
 * @example
 * ```ts
 * const svg = groupedBarChart({ title: "Recall@5", categories: ["multi-hop", "temporal"], yLabel: "recall",
 *   series: [{ name: "lexical", values: [0.5, 0.6] }, { name: "hybrid", values: [0.4, 0.7] }], yMax: 1 })
 * ```
 *
 * @since 0.1.0
 * @category constructors
 */
export const groupedBarChart = (options: GroupedBarChartOptions): string => {
  const format = options.format ?? compactNumber
  const names = options.series.map((s) => s.name)
  const f = frameFor(options.width ?? 960, options.height ?? 440, names)
  const values = options.series.flatMap((s) => s.values.filter(Number.isFinite))
  const top = options.yMax ?? niceTicks(Math.max(0, ...values) || 1).at(-1)!
  const ticks = niceTicks(top).filter((t) => t <= top * 1.0001)
  const y = (v: number) => f.top + f.plotHeight * (1 - Math.min(Math.max(v, 0), top) / top)
  const groups = Math.max(1, options.categories.length)
  const groupWidth = f.plotWidth / groups
  const barWidth = (groupWidth * 0.8) / Math.max(1, options.series.length)
  const body: Array<string> = []
  options.categories.forEach((category, c) => {
    const x0 = f.left + c * groupWidth + groupWidth * 0.1
    body.push(text(f.left + (c + 0.5) * groupWidth, f.top + f.plotHeight + 18, category, `text-anchor="middle"`))
    options.series.forEach((s, i) => {
      const v = s.values[c]
      if (v === undefined || !Number.isFinite(v)) return
      body.push(
        `<rect x="${fmt(x0 + i * barWidth)}" y="${fmt(y(v))}" width="${fmt(Math.max(1, barWidth - 1))}" height="${
          fmt(f.top + f.plotHeight - y(v))
        }" fill="${colorAt(i)}"><title>${escapeXml(`${s.name} — ${category}: ${format(v)}`)}</title></rect>`
      )
      if (options.showValues) {
        body.push(text(x0 + (i + 0.5) * barWidth, y(v) - 3, format(v), `text-anchor="middle" font-size="9"`))
      }
    })
  })
  return shell(f, {
    ...options,
    yTicks: ticks,
    y,
    formatY: format,
    names,
    mark: (i, x, ly) => `<rect x="${fmt(x)}" y="${fmt(ly - 6)}" width="16" height="12" fill="${colorAt(i)}"/>`
  }, body)
}

/**
 * A line chart with point markers, on a linear or base-10 logarithmic x axis.
 *
 * **Shape** a standalone SVG document (starts with `<svg`); each marker carries a `<title>` tooltip.
 *
 * @since 0.1.0
 * @category constructors
 */
export const lineChart = (options: LineChartOptions): string => {
  const formatX = options.formatX ?? compactNumber
  const formatY = options.formatY ?? compactNumber
  const names = options.series.map((s) => s.name)
  const f = frameFor(options.width ?? 960, options.height ?? 440, names)
  const points = options.series.flatMap((s) => s.points).filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y))
  const logX = options.logX === true
  const tx = (x: number) => (logX ? Math.log10(Math.max(x, Number.MIN_VALUE)) : x)
  const xs = points.length > 0 ? points.map((p) => tx(p.x)) : [0, 1]
  const lo = logX ? Math.floor(Math.min(...xs)) : Math.min(0, ...xs)
  const hi = logX ? Math.max(Math.ceil(Math.max(...xs)), lo + 1) : Math.max(...xs, lo + 1)
  const xTicks = logX ? Array.from({ length: hi - lo + 1 }, (_, i) => Math.pow(10, lo + i)) : niceTicks(hi, 6, lo)
  const xMin = tx(xTicks[0]!)
  const xMax = tx(xTicks.at(-1)!)
  const yTop = options.yMax ?? niceTicks(Math.max(0, ...points.map((p) => p.y)) || 1).at(-1)!
  const yTicks = niceTicks(yTop).filter((t) => t <= yTop * 1.0001)
  const px = (x: number) => f.left + ((tx(x) - xMin) / (xMax - xMin)) * f.plotWidth
  const py = (v: number) => f.top + f.plotHeight * (1 - Math.min(Math.max(v, 0), yTop) / yTop)
  const bottom = f.top + f.plotHeight
  const body: Array<string> = xTicks.map((t) =>
    line(px(t), bottom, px(t), bottom + 5, "#333333") + text(px(t), bottom + 18, formatX(t), `text-anchor="middle"`)
  )
  options.series.forEach((s, i) => {
    const sorted = s.points.filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y)).sort((a, b) => a.x - b.x)
    if (sorted.length === 0) return
    const path = sorted.map((p) => `${fmt(px(p.x))},${fmt(py(p.y))}`).join(" ")
    body.push(`<polyline points="${path}" fill="none" stroke="${colorAt(i)}" stroke-width="2"/>`)
    for (const p of sorted) {
      body.push(
        `<circle cx="${fmt(px(p.x))}" cy="${fmt(py(p.y))}" r="3.5" fill="${colorAt(i)}"><title>${
          escapeXml(`${s.name} — ${formatX(p.x)}: ${formatY(p.y)}`)
        }</title></circle>`
      )
    }
  })
  return shell(f, {
    ...options,
    yTicks,
    y: py,
    formatY,
    names,
    mark: (i, x, ly) =>
      line(x, ly, x + 16, ly, colorAt(i), ` stroke-width="2"`) +
      `<circle cx="${fmt(x + 8)}" cy="${fmt(ly)}" r="3" fill="${colorAt(i)}"/>`
  }, body)
}

/**
 * A latency-versus-store-size chart (log x axis, milliseconds on y), e.g. one series per percentile
 * or per backend, named `name` (default `latency-vs-store-size`).
 *
 * **Units** `storeSize`: memories in the store (> 0); `ms`: milliseconds.
 *
 * @since 0.1.0
 * @category constructors
 */
export const latencyVsStoreSizeChart = (options: {
  readonly name?: string | undefined
  readonly title?: string | undefined
  readonly series: ReadonlyArray<{
    readonly name: string
    readonly points: ReadonlyArray<{ readonly storeSize: number; readonly ms: number }>
  }>
}): Chart => ({
  name: options.name ?? "latency-vs-store-size",
  svg: lineChart({
    title: options.title ?? "Latency vs store size",
    xLabel: "memories in store (log scale)",
    yLabel: "latency (ms)",
    logX: true,
    series: options.series.map((s) => ({ name: s.name, points: s.points.map((p) => ({ x: p.storeSize, y: p.ms })) }))
  })
})
