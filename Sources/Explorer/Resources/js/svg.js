// Small SVG and axis helpers: elements, linear and log scales, nice ticks, number formatting.
// Drawing only; every number drawn comes from the server.

const NS = "http://www.w3.org/2000/svg";

/** Creates an SVG element with attributes, appended to `parent` when given. */
export function el(name, attrs = {}, parent = null) {
  const node = document.createElementNS(NS, name);
  for (const [key, value] of Object.entries(attrs)) {
    if (value !== undefined && value !== null) node.setAttribute(key, String(value));
  }
  if (parent) parent.appendChild(node);
  return node;
}

/** A linear map from the domain [d0, d1] to the range [r0, r1], with `invert`. */
export function linearScale(d0, d1, r0, r1) {
  const k = (r1 - r0) / (d1 - d0 || 1);
  const scale = (v) => r0 + (v - d0) * k;
  scale.invert = (p) => d0 + (p - r0) / k;
  scale.domain = [d0, d1];
  scale.log = false;
  return scale;
}

/** A log10 map from the positive domain [d0, d1] to [r0, r1]. */
export function logScale(d0, d1, r0, r1) {
  const l0 = Math.log10(d0), l1 = Math.log10(d1);
  const inner = linearScale(l0, l1, r0, r1);
  const scale = (v) => inner(Math.log10(Math.max(v, Number.MIN_VALUE)));
  scale.invert = (p) => 10 ** inner.invert(p);
  scale.domain = [d0, d1];
  scale.log = true;
  return scale;
}

/** About `count` round (1-2-5) ticks inside [lo, hi]. */
export function niceTicks(lo, hi, count = 6) {
  if (!(hi > lo)) return [lo];
  const raw = (hi - lo) / Math.max(count, 1);
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= raw) || 10 * power;
  const ticks = [];
  for (let v = Math.ceil(lo / step - 1e-9) * step; v <= hi + step * 1e-9; v += step) {
    ticks.push(Math.abs(v) < step * 1e-9 ? 0 : Number(v.toPrecision(12)));
  }
  return ticks;
}

/** Powers of ten inside [lo, hi] (every other one, or sparser, when there are many). */
export function logTicks(lo, hi, maxCount = 7) {
  const a = Math.ceil(Math.log10(lo) - 1e-9), b = Math.floor(Math.log10(hi) + 1e-9);
  const every = Math.max(1, Math.ceil((b - a + 1) / maxCount));
  const ticks = [];
  for (let e = a; e <= b; e += every) ticks.push(10 ** e);
  return ticks;
}

/** A compact, readable number: 4 significant digits, exponent form when tiny or huge. */
export function fmt(x, digits = 4) {
  if (x === null || x === undefined || Number.isNaN(x)) return "—";
  if (!Number.isFinite(x)) return x > 0 ? "∞" : "−∞";
  if (x === 0) return "0";
  const a = Math.abs(x);
  if (a < 1e-3 || a >= 1e5) {
    const [m, e] = x.toExponential(digits - 1).split("e");
    return `${Number(m)}e${Number(e)}`.replace(/-/g, "−");
  }
  return String(Number(x.toPrecision(digits))).replace(/-/g, "−");
}

/** A tick label: short, with a proper minus sign. */
export function tickLabel(v, log = false) {
  if (log) {
    const e = Math.round(Math.log10(v));
    if (e >= -2 && e <= 3) return String(10 ** e >= 1 ? 10 ** e : Number((10 ** e).toPrecision(1)));
    return `1e${e}`.replace(/-/g, "−");
  }
  return fmt(v, 6);
}

/** The points of a polyline in pixels, clamped far outside the view so huge values stay drawable. */
export function pixelPoints(points, sx, sy) {
  const clamp = (p) => Math.max(-1e5, Math.min(1e5, p));
  return points.map(([x, y]) => `${clamp(sx(x)).toFixed(1)},${clamp(sy(y)).toFixed(1)}`).join(" ");
}

/** Draws x and y axes with ticks and labels for scales `sx`, `sy` on the box `box`. */
export function drawAxes(svg, box, sx, sy, { xLabel = "", yLabel = "", xTicks, yTicks, grid = false } = {}) {
  const axes = el("g", { class: "axis" }, svg);
  const xs = xTicks || (sx.log ? logTicks(...sx.domain) : niceTicks(...sx.domain, Math.max(3, Math.round(box.w / 80))));
  const ys = yTicks || (sy.log ? logTicks(...sy.domain) : niceTicks(...sy.domain, Math.max(3, Math.round(box.h / 55))));
  if (grid) {
    const g = el("g", { class: "grid" }, svg);
    svg.insertBefore(g, svg.firstChild);
    for (const v of ys) el("line", { x1: box.x, x2: box.x + box.w, y1: sy(v), y2: sy(v) }, g);
  }
  for (const v of xs) {
    const x = sx(v);
    el("line", { x1: x, x2: x, y1: box.y + box.h, y2: box.y + box.h + 5 }, axes);
    el("text", { x, y: box.y + box.h + 18, "text-anchor": "middle" }, axes).textContent = tickLabel(v, sx.log);
  }
  for (const v of ys) {
    const y = sy(v);
    el("line", { x1: box.x - 5, x2: box.x, y1: y, y2: y }, axes);
    el("text", { x: box.x - 8, y: y + 4, "text-anchor": "end" }, axes).textContent = tickLabel(v, sy.log);
  }
  if (xLabel) {
    el("text", { class: "axis-label", x: box.x + box.w / 2, y: box.y + box.h + 34, "text-anchor": "middle" }, svg)
      .textContent = xLabel;
  }
  if (yLabel) {
    el("text", { class: "axis-label", x: 14, y: box.y + box.h / 2, "text-anchor": "middle",
      transform: `rotate(-90 14 ${box.y + box.h / 2})` }, svg).textContent = yLabel;
  }
  el("rect", { class: "frame", x: box.x, y: box.y, width: box.w, height: box.h }, svg);
}

/** A five-pointed star path centred on (cx, cy). */
export function starPath(cx, cy, r) {
  const pts = [];
  for (let i = 0; i < 10; i++) {
    const radius = i % 2 === 0 ? r : r * 0.45;
    const a = -Math.PI / 2 + (i * Math.PI) / 5;
    pts.push(`${(cx + radius * Math.cos(a)).toFixed(1)},${(cy + radius * Math.sin(a)).toFixed(1)}`);
  }
  return `M${pts.join("L")}Z`;
}
