// The view's state and its URL form. Everything the page shows follows from the hash, so a
// copied link reproduces the view:
//   #f=ellipse&start=-7,2&steps=30&opt=sgd(lr=0.95)&opt=adam(lr=0.3)&k=12
//   #mode=1d&lr=0.33&epochs=10&theta=-1
import { formatSpec, parseSpec } from "./specstring.js";

/** The race a first visitor sees: the source text's four optimizers on x²/20 + y² (its AdaGrad adds 1e-7). */
export function defaultRace() {
  return {
    fn: "ellipse",
    start: [-7, 2],
    steps: 30,
    k: null,
    runs: [
      { kind: "sgd", params: { lr: 0.95 } },
      { kind: "sgd", params: { lr: 0.1, momentum: 0.9 } },
      { kind: "adagrad", params: { lr: 1.5, eps: 1e-7 } },
      { kind: "adam", params: { lr: 0.3 } },
    ],
  };
}

/** The learning-rate widget's defaults: 10 epochs from θ = −1. */
export function defaultOneD() {
  return { lr: 0.33, epochs: 10, theta: -1 };
}

export const limits = { minSteps: 1, maxSteps: 1000, maxRuns: 6 };

const clamp = (x, lo, hi) => Math.min(hi, Math.max(lo, x));
const number = (text, fallback) => {
  const x = Number(text);
  return text !== null && text !== "" && Number.isFinite(x) ? x : fallback;
};

/** Reads `{mode, race, oneD}` from a URL hash; anything missing or malformed takes its default. */
export function readHash(hash) {
  const q = new URLSearchParams(hash.replace(/^#/, ""));
  const race = defaultRace();
  const oneD = defaultOneD();
  const mode = q.get("mode") === "1d" ? "1d" : "2d";
  if (q.has("f")) {
    race.fn = q.get("f");
    race.start = null; // the function's default unless given
  }
  if (q.has("start")) {
    const xy = q.get("start").split(",").map(Number);
    if (xy.length === 2 && xy.every(Number.isFinite)) race.start = xy;
  }
  race.steps = Math.round(clamp(number(q.get("steps"), race.steps), limits.minSteps, limits.maxSteps));
  const opts = q.getAll("opt").map(parseSpec).filter(Boolean);
  if (opts.length) race.runs = opts.slice(0, limits.maxRuns);
  if (q.has("k")) race.k = Math.round(clamp(number(q.get("k"), race.steps), 0, race.steps));
  oneD.lr = clamp(number(q.get("lr"), oneD.lr), 0, 5);
  oneD.epochs = Math.round(clamp(number(q.get("epochs"), oneD.epochs), 1, 100));
  oneD.theta = clamp(number(q.get("theta"), oneD.theta), -1, 3);
  return { mode, race, oneD };
}

/** The hash for a state; `k` is kept only while the animation is not at the last step. */
export function writeHash({ mode, race, oneD }) {
  const q = new URLSearchParams();
  if (mode === "1d") {
    q.set("mode", "1d");
    q.set("lr", String(oneD.lr));
    q.set("epochs", String(oneD.epochs));
    q.set("theta", String(oneD.theta));
  } else {
    q.set("f", race.fn);
    if (race.start) q.set("start", race.start.join(","));
    q.set("steps", String(race.steps));
    for (const run of race.runs) q.append("opt", formatSpec(run));
    if (race.k !== null && race.k < race.steps) q.set("k", String(race.k));
  }
  // Keep brackets, commas and "=" readable in the address bar (a value may hold "=": only the first splits).
  return "#" + q.toString().replace(/%28/g, "(").replace(/%29/g, ")").replace(/%2C/g, ",").replace(/%3D/g, "=");
}
