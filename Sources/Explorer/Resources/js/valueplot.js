// f against the step, one line per optimizer, a marker at the step shown. The value axis is
// logarithmic where that fits (every value positive and spanning more than a decade and a half),
// linear otherwise (the saddle goes negative).
import { el, linearScale, logScale, drawAxes, pixelPoints } from "./svg.js";

const margin = { left: 58, right: 14, top: 10, bottom: 42 };

export class ValueChart {
  constructor(container, { xLabel = "step", yLabel = "f", aspect = 0.42, onScale = () => {} } = {}) {
    this.container = container;
    this.options = { xLabel, yLabel, aspect };
    this.onScale = onScale;
    this.series = [];
    this.k = 0;
    new ResizeObserver(() => this.draw()).observe(container);
  }

  /** `series`: `[{color, values}]`, values[j] = f after j steps. */
  set(series, k) {
    this.series = series;
    this.k = k;
  }

  setStep(k) { this.k = k; }

  /**
   * The value range. A run that goes far beyond every start value (diverges) should not flatten
   * the others: when some runs stay tame, the axis covers those and the wild ones leave the
   * chart (the legend still gives their numbers); when all are wild, it covers them all.
   */
  domain() {
    const finite = (s) => s.values.filter(Number.isFinite);
    const all = this.series.flatMap(finite);
    if (!all.length) return { log: false, lo: 0, hi: 1 };
    const firsts = this.series.map((s) => s.values[0]).filter(Number.isFinite);
    const scale = Math.max(...firsts.map(Math.abs), 1e-12);
    const [f0, f1] = [Math.min(...firsts), Math.max(...firsts)];
    const tame = this.series.map(finite).filter((v) => v.length &&
      Math.max(...v) <= f1 + 100 * scale && Math.min(...v) >= f0 - 100 * scale);
    const shown = tame.length && tame.length < this.series.length ? tame.flat() : all;
    let lo = Math.min(...shown), hi = Math.max(...shown);
    const log = lo > 0 && hi / lo > 30;
    if (log) {
      lo = Math.max(lo, hi * 1e-16);
      return { log, lo: 10 ** Math.floor(Math.log10(lo)), hi: 10 ** Math.ceil(Math.log10(hi)) };
    }
    const pad = (hi - lo) * 0.06 || Math.abs(hi) * 0.1 || 1;
    return { log, lo: lo - pad, hi: hi + pad };
  }

  draw() {
    const width = Math.max(300, this.container.clientWidth);
    const innerW = width - margin.left - margin.right;
    const innerH = Math.max(150, Math.min(320, innerW * this.options.aspect));
    const height = innerH + margin.top + margin.bottom;
    const box = { x: margin.left, y: margin.top, w: innerW, h: innerH };
    const steps = Math.max(1, ...this.series.map((s) => s.values.length - 1));
    const { log, lo, hi } = this.domain();
    this.onScale(log);
    const sx = linearScale(0, steps, box.x, box.x + box.w);
    const sy = (log ? logScale : linearScale)(lo, hi, box.y + box.h, box.y);
    const svg = el("svg", { viewBox: `0 0 ${width} ${height}`, role: "img" });
    const clip = `clip-${this.container.id}`;
    el("rect", { x: box.x, y: box.y - 4, width: box.w + 4, height: box.h + 8 }, el("clipPath", { id: clip }, el("defs", {}, svg)));
    drawAxes(svg, box, sx, sy, { xLabel: this.options.xLabel, yLabel: this.options.yLabel, grid: true });
    const lines = el("g", { "clip-path": `url(#${clip})`, fill: "none", "stroke-linejoin": "round" }, svg);
    const k = Math.min(this.k, steps);
    el("line", { x1: sx(k), x2: sx(k), y1: box.y, y2: box.y + box.h, stroke: "#8a94a6", "stroke-dasharray": "4 3" }, lines);
    this.series.forEach((s, i) => {
      const pts = s.values.map((v, j) => [j, v]).filter(([, v]) => Number.isFinite(v) && (!log || v > 0));
      el("polyline", { class: "value-line", "data-run": s.index ?? i, points: pixelPoints(pts, sx, sy), stroke: s.color,
        "stroke-width": 2 }, lines);
      const v = s.values[Math.min(k, s.values.length - 1)];
      if (Number.isFinite(v) && (!log || v > 0)) {
        el("circle", { cx: sx(Math.min(k, s.values.length - 1)), cy: sy(v), r: 4, fill: s.color, stroke: "#fff",
          "stroke-width": 1.4 }, lines);
      }
    });
    this.container.replaceChildren(svg);
  }
}
