// The 2-D view: the server's contour lines, the known minima, the start (click or drag to move
// it) and each optimizer's path up to the step shown.
import { el, linearScale, drawAxes, pixelPoints, starPath } from "./svg.js";

const margin = { left: 50, right: 14, top: 10, bottom: 44 };

export class LandscapeView {
  /** `onStart([x, y], final)` fires as the user clicks or drags on the plot. */
  constructor(container, { onStart }) {
    this.container = container;
    this.onStart = onStart;
    this.fn = null;
    this.contours = null;
    this.start = null;
    this.runs = [];
    this.k = 0;
    new ResizeObserver(() => this.draw()).observe(container);
  }

  setFunction(fn, contours) {
    this.fn = fn;
    this.contours = contours;
  }

  /** Runs to draw: `[{color, points, index}]`, points already cut to the steps shown. */
  setRuns(runs) { this.runs = runs; }
  setStart(start) { this.start = start; }
  setStep(k) { this.k = k; }

  layout() {
    const width = Math.max(320, this.container.clientWidth);
    const [x0, x1] = this.fn.window.x, [y0, y1] = this.fn.window.y;
    const innerW = width - margin.left - margin.right;
    const aspect = (y1 - y0) / (x1 - x0);
    const maxH = Math.max(260, window.innerHeight * 0.6);
    const innerH = Math.min(maxH, Math.max(220, innerW * aspect));
    const box = { x: margin.left, y: margin.top, w: innerW, h: innerH };
    return {
      width, height: innerH + margin.top + margin.bottom, box,
      sx: linearScale(x0, x1, box.x, box.x + box.w),
      sy: linearScale(y0, y1, box.y + box.h, box.y),
    };
  }

  /** Redraws: the contours and axes only when the function or size changed, the paths always. */
  draw() {
    if (!this.fn || !this.contours) return;
    const { width, height, box, sx, sy } = this.layout();
    this.scales = { box, sx, sy };
    if (!this.svg) this.createSVG();
    const key = `${this.fn.name}|${width}|${height}|${this.contours.lines.length}`;
    if (key !== this.staticKey) {
      this.staticKey = key;
      this.svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
      this.drawStatic(box, sx, sy);
    }
    this.dynamic.replaceChildren();
    const paths = el("g", { class: "paths", fill: "none", "stroke-linejoin": "round", "stroke-linecap": "round" }, this.dynamic);
    const markers = el("g", { class: "markers" }, this.dynamic);
    for (const m of this.fn.minima) {
      el("path", { d: starPath(sx(m[0]), sy(m[1]), 8), fill: "#1d2430", stroke: "#fff", "stroke-width": 1 }, markers);
    }
    this.runs.forEach((run, i) => this.drawRun(paths, markers, run, run.index ?? i, sx, sy));
    this.overlay.replaceChildren();
    if (this.start) {
      // Unclipped, so a start on the window's edge shows whole.
      el("circle", { class: "start", cx: sx(this.start[0]), cy: sy(this.start[1]), r: 6.5,
        fill: "rgba(255,255,255,0.7)", stroke: "#1d2430", "stroke-width": 2 }, this.overlay);
    }
  }

  createSVG() {
    this.svg = el("svg", { role: "img" });
    this.clipRect = el("rect", {}, el("clipPath", { id: "landscape-clip" }, el("defs", {}, this.svg)));
    this.background = el("g", {}, this.svg);
    this.dynamic = el("g", { "clip-path": "url(#landscape-clip)" }, this.svg);
    this.overlay = el("g", { class: "overlay" }, this.svg);
    this.attachPointer();
    this.container.replaceChildren(this.svg);
  }

  drawStatic(box, sx, sy) {
    for (const [k, v] of Object.entries({ x: box.x, y: box.y, width: box.w, height: box.h })) this.clipRect.setAttribute(k, v);
    const g = this.background;
    g.replaceChildren();
    el("rect", { x: box.x, y: box.y, width: box.w, height: box.h, fill: "#fbfcfd" }, g);
    const contours = el("g", { class: "contours", fill: "none", "stroke-width": 1.1, "clip-path": "url(#landscape-clip)" }, g);
    for (const line of this.contours.lines) {
      el("polyline", { points: pixelPoints(line.points, sx, sy), stroke: line.color }, contours);
    }
    drawAxes(g, box, sx, sy, { xLabel: "x", yLabel: "y" });
  }

  drawRun(paths, markers, run, index, sx, sy) {
    const shown = run.points.slice(0, Math.min(this.k, run.points.length - 1) + 1);
    const many = run.points.length > 150;
    if (shown.length < run.points.length) {
      el("polyline", { class: "run-ghost", points: pixelPoints(run.points, sx, sy), stroke: run.color,
        "stroke-width": 1.4, opacity: 0.28 }, paths);
    }
    const d = "M" + pixelPoints(shown, sx, sy).replace(/ /g, "L");
    el("path", { class: "run-path", "data-run": index, d, stroke: run.color, "stroke-width": many ? 1.8 : 2.2 }, paths);
    if (!many) {
      for (const [x, y] of shown.slice(1, -1)) {
        el("circle", { cx: sx(x), cy: sy(y), r: 2.4, fill: run.color }, paths);
      }
    }
    const [cx, cy] = shown[shown.length - 1];
    el("circle", { class: "run-head", cx: sx(cx), cy: sy(cy), r: 5.5, fill: run.color, stroke: "#fff",
      "stroke-width": 1.6 }, markers);
  }

  /** Click or drag on the plot to move the start; coordinates rounded to the window's scale. */
  attachPointer() {
    const svg = this.svg;
    const toData = (event) => {
      const { box, sx, sy } = this.scales;
      const span = Math.max(sx.domain[1] - sx.domain[0], 1e-9);
      const decimals = Math.max(0, 3 - Math.floor(Math.log10(span)));
      const rect = svg.getBoundingClientRect();
      const scale = svg.viewBox.baseVal.width / rect.width;
      const px = (event.clientX - rect.left) * scale, py = (event.clientY - rect.top) * scale;
      const cx = Math.min(box.x + box.w, Math.max(box.x, px)), cy = Math.min(box.y + box.h, Math.max(box.y, py));
      return [Number(sx.invert(cx).toFixed(decimals)), Number(sy.invert(cy).toFixed(decimals))];
    };
    let dragging = false;
    svg.addEventListener("pointerdown", (event) => {
      if (event.button !== 0) return;
      dragging = true;
      svg.setPointerCapture(event.pointerId);
      this.onStart(toData(event), false);
    });
    svg.addEventListener("pointermove", (event) => { if (dragging) this.onStart(toData(event), false); });
    const end = (event) => {
      if (!dragging) return;
      dragging = false;
      this.onStart(toData(event), true);
    };
    svg.addEventListener("pointerup", end);
    svg.addEventListener("pointercancel", end);
  }
}
