// The 1-D mode: the learning-rate widget of the source text. Gradient descent (SGD on the
// server) on f(θ) = 0.5(θ − 1)² + 0.5 with lr in [0, 5], 1–100 epochs and θ₀ in [−1, 3]; the
// iterates drawn on the curve, θ and the loss printed for every epoch.
import { getContours, postTrace, singleFlight } from "./api.js";
import { ValueChart } from "./valueplot.js";
import { el, linearScale, drawAxes, pixelPoints, starPath, fmt } from "./svg.js";

const $ = (id) => document.getElementById(id);
const color = "#D55E00";
const margin = { left: 50, right: 14, top: 12, bottom: 44 };

export class OneD {
  constructor(state, changed) {
    this.state = state;
    this.changed = changed;
    this.result = null;
    this.chart = new ValueChart($("loss-plot"), { xLabel: "epoch", yLabel: "loss", aspect: 0.32 });
    this.trace = singleFlight((spec) => this.run(spec), (r) => this.received(r), (e) => this.failed(e));
    new ResizeObserver(() => this.draw()).observe($("curve-plot"));
    this.wire();
  }

  wire() {
    const bind = (id, key, parse) => $(id).addEventListener("input", () => {
      this.state[key] = parse(Number($(id).value));
      this.sync();
      this.changed();
      this.request();
    });
    bind("lr1d-slider", "lr", (v) => Number(v.toFixed(3)));
    bind("epochs1d-slider", "epochs", (v) => Math.round(v));
    bind("theta1d-slider", "theta", (v) => Number(v.toFixed(2)));
    document.querySelectorAll(".presets button").forEach((b) => b.addEventListener("click", () => {
      this.state.lr = Number(b.dataset.lr);
      this.sync();
      this.changed();
      this.request();
    }));
  }

  load() {
    this.sync();
    this.request();
  }

  sync() {
    const s = this.state;
    $("lr1d-slider").value = String(s.lr);
    $("lr1d-output").textContent = s.lr.toFixed(3);
    $("epochs1d-slider").value = String(s.epochs);
    $("epochs1d-output").textContent = String(s.epochs);
    $("theta1d-slider").value = String(s.theta);
    $("theta1d-output").textContent = s.theta.toFixed(2);
  }

  request() {
    // One epoch more than shown, so `values` holds the loss at every θ printed.
    this.trace({ function: "bowl-1d", start: [this.state.theta], optimizer: "sgd",
      params: { lr: this.state.lr }, steps: this.state.epochs + 1 });
  }

  /** The trace, then the curve over a window that holds the iterates (within reason). */
  async run(spec) {
    const result = await postTrace(spec);
    const thetas = result.points.slice(0, spec.steps).map((p) => p[0]).filter(Number.isFinite);
    const lo = Math.floor(Math.max(-13, Math.min(-1, ...thetas)));
    const hi = Math.ceil(Math.min(15, Math.max(3, ...thetas)));
    const curve = await getContours({ function: "bowl-1d", x: [lo, hi], resolution: 241 });
    return { spec, result, curve };
  }

  received({ spec, result, curve }) {
    const epochs = spec.steps - 1;
    const points = result.points.slice(0, epochs + 1).map((p) => p[0]);
    this.result = { thetas: points, losses: result.values.slice(0, points.length), curve: curve.curve,
      window: curve.window.x, diverged: result.diverged && result.diverged.step <= epochs ? result.diverged : null };
    $("error-1d").hidden = true;
    this.draw();
    this.renderTable();
    document.body.dataset.oneDState = "ready";
  }

  failed(error) {
    $("error-1d").hidden = false;
    $("error-1d").textContent = error.message;
  }

  draw() {
    if (!this.result) return;
    const container = $("curve-plot");
    const width = Math.max(320, container.clientWidth);
    const innerW = width - margin.left - margin.right;
    const innerH = Math.max(220, Math.min(window.innerHeight * 0.5, innerW * 0.5));
    const box = { x: margin.left, y: margin.top, w: innerW, h: innerH };
    const { curve, thetas, losses } = this.result;
    const fMax = Math.max(...curve.map((p) => p[1]));
    const sx = linearScale(this.result.window[0], this.result.window[1], box.x, box.x + box.w);
    const sy = linearScale(0, fMax * 1.05, box.y + box.h, box.y);
    const svg = el("svg", { viewBox: `0 0 ${width} ${innerH + margin.top + margin.bottom}`, role: "img" });
    el("rect", { x: box.x, y: box.y, width: box.w, height: box.h }, el("clipPath", { id: "curve-clip" }, el("defs", {}, svg)));
    drawAxes(svg, box, sx, sy, { xLabel: "θ", yLabel: "loss", grid: true });
    const g = el("g", { "clip-path": "url(#curve-clip)", fill: "none" }, svg);
    el("polyline", { points: pixelPoints(curve, sx, sy), stroke: "#6fa9b5", "stroke-width": 2.5 }, g);
    el("path", { d: starPath(sx(1), sy(0.5), 8), fill: "#1d2430", stroke: "#fff", "stroke-width": 1 }, g);
    const pts = thetas.map((t, i) => [t, losses[i]]).filter(([t, f]) => Number.isFinite(t) && Number.isFinite(f));
    el("polyline", { class: "iterates", points: pixelPoints(pts, sx, sy), stroke: color, "stroke-width": 1.6,
      "stroke-dasharray": "5 3", opacity: 0.85 }, g);
    pts.forEach(([t, f], i) => {
      const last = i === pts.length - 1;
      el("circle", { cx: sx(t), cy: sy(f), r: i === 0 || last ? 6 : 4, fill: i === 0 ? "#fff" : color,
        stroke: i === 0 ? "#1d2430" : "#fff", "stroke-width": i === 0 ? 2 : 1.2 }, g);
    });
    container.replaceChildren(svg);
    this.chart.set([{ values: losses, color }], losses.length - 1);
    this.chart.draw();
  }

  renderTable() {
    const { thetas, losses, diverged } = this.result;
    const body = $("table-1d").querySelector("tbody");
    body.replaceChildren();
    thetas.forEach((t, i) => {
      const tr = document.createElement("tr");
      for (const text of [String(i), fmt(t, 6), fmt(losses[i], 6)]) {
        const td = document.createElement("td");
        td.textContent = text;
        tr.appendChild(td);
      }
      body.appendChild(tr);
    });
    const n = thetas.length - 1;
    $("summary-1d").textContent = `after ${n} epoch${n === 1 ? "" : "s"}: θ = ${fmt(thetas[n], 6)}, loss = ${fmt(losses[n], 6)}`
      + (diverged ? ` — ${diverged.message}` : ` — ${verdict(thetas)}`);
  }
}

/** What the iterates do, read from the data: distance to the minimum θ = 1 and its sign. */
function verdict(thetas) {
  const d = thetas.map((t) => t - 1);
  const first = Math.abs(d[0]), last = Math.abs(d[d.length - 1]);
  const flips = d.slice(1).filter((x, i) => x * d[i] < 0).length;
  if (last === 0 || last < 1e-12 * Math.max(1, first)) return "at the minimum";
  if (last > first * (1 + 1e-9)) return flips ? "diverging, oscillating" : "diverging";
  if (Math.abs(last - first) <= first * 1e-9) return flips ? "oscillating, neither closer nor farther" : "not moving";
  return flips ? "converging, oscillating" : "converging";
}
