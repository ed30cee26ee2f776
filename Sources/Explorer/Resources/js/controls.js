// One card per optimizer of the race: its kind, the learning rate on a log slider, momentum or
// betas (and alpha, rho) on sliders, the other torch arguments of its kind under "more".
// Arguments and defaults come from GET /api/optimizers; a parameter equal to its default is
// left out of the spec, as the CLI's canonical spec strings do.
import { fmt } from "./svg.js";

export const palette = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9"];

const roundSig = (x, digits) => (x === 0 ? 0 : Number(x.toPrecision(digits)));

/** The sliders: how a slider position maps to a value and back. */
const sliders = {
  lr: { label: "lr", min: -4, max: 1, step: 0.01,
    toValue: (v) => roundSig(10 ** v, 3), toPosition: (x) => Math.log10(Math.max(x, 1e-4)) },
  momentum: { label: "momentum", min: 0, max: 0.99, step: 0.01 },
  alpha: { label: "alpha", min: 0.5, max: 0.999, step: 0.001 },
  rho: { label: "rho", min: 0, max: 0.999, step: 0.001 },
  beta1: { label: "β₁", min: 0, max: 0.999, step: 0.001 },
  beta2: { label: "β₂", min: 1, max: 4, step: 0.01,
    toValue: (v) => roundSig(1 - 10 ** -v, 6), toPosition: (x) => -Math.log10(Math.max(1 - x, 1e-4)) },
};

const sameValue = (a, b) => JSON.stringify(a) === JSON.stringify(b);

/** The arguments of a kind as a map name → default. */
export function defaultsOf(catalogue, kind) {
  const entry = catalogue.find((o) => o.name === kind);
  return Object.fromEntries((entry?.arguments ?? []).map((a) => [a.name, a.default]));
}

/** Sets `params[name]`, dropping it when it equals the kind's default. */
function setParam(run, defaults, name, value) {
  if (sameValue(value, defaults[name])) delete run.params[name];
  else run.params[name] = value;
}

/** A legend label in the CLI's style: `Momentum(lr=0.1, momentum=0.9)`. */
export function runLabel(run, catalogue) {
  const entry = catalogue.find((o) => o.name === run.kind);
  let name = entry?.displayName ?? run.kind;
  if (run.kind === "sgd" && run.params.momentum > 0) name = run.params.nesterov ? "Nesterov" : "Momentum";
  const args = Object.entries(run.params)
    .filter(([k]) => !(run.kind === "sgd" && k === "nesterov"))
    .map(([k, v]) => `${k}=${Array.isArray(v) ? `(${v.join(", ")})` : v}`);
  return args.length ? `${name}(${args.join(", ")})` : name;
}

/**
 * Builds the cards into `container`. `onChange(index)` fires as a control moves (the race is
 * re-run); `onStructure()` when a card is removed or changes kind (the cards are rebuilt).
 */
export function renderCards(container, runs, catalogue, { onChange, onStructure }) {
  container.replaceChildren();
  runs.forEach((run, index) => container.appendChild(card(run, index, runs, catalogue, onChange, onStructure)));
}

function card(run, index, runs, catalogue, onChange, onStructure) {
  const defaults = defaultsOf(catalogue, run.kind);
  const node = document.createElement("div");
  node.className = "card";
  node.dataset.run = String(index);
  node.style.setProperty("--run-color", palette[run.color % palette.length]);

  const head = document.createElement("div");
  head.className = "card-head";
  const select = document.createElement("select");
  select.setAttribute("aria-label", `Optimizer ${index + 1}`);
  select.className = "kind";
  for (const o of catalogue) select.add(new Option(o.displayName, o.name, false, o.name === run.kind));
  select.addEventListener("change", () => {
    const lr = run.params.lr;
    run.kind = select.value;
    run.params = {};
    if (lr !== undefined) run.params.lr = lr;
    onStructure();
  });
  const remove = document.createElement("button");
  remove.className = "remove";
  remove.textContent = "×";
  remove.title = "Remove this optimizer";
  remove.setAttribute("aria-label", `Remove optimizer ${index + 1}`);
  remove.disabled = runs.length <= 1;
  remove.addEventListener("click", () => {
    runs.splice(index, 1);
    onStructure();
  });
  head.append(select, remove);
  node.appendChild(head);

  const main = [];
  if ("lr" in defaults) main.push(["lr", "lr"]);
  for (const name of ["momentum", "alpha", "rho"]) if (name in defaults) main.push([name, name]);
  if ("betas" in defaults) main.push(["beta1", "betas", 0], ["beta2", "betas", 1]);
  for (const [slider, name, part] of main) {
    node.appendChild(sliderRow(run, defaults, slider, name, part, () => onChange(index)));
  }

  const rest = Object.keys(defaults).filter((name) => !main.some(([, n]) => n === name));
  if (rest.length) {
    const details = document.createElement("details");
    const summary = document.createElement("summary");
    summary.textContent = `more arguments (${rest.length})`;
    summary.title = rest.join(", ");
    const grid = document.createElement("div");
    grid.className = "more";
    for (const name of rest) grid.append(...otherArgument(run, defaults, name, () => onChange(index)));
    details.append(summary, grid);
    node.appendChild(details);
  }
  const error = document.createElement("p");
  error.className = "error";
  error.hidden = true;
  node.appendChild(error);
  return node;
}

function sliderRow(run, defaults, sliderName, name, part, changed) {
  const spec = sliders[sliderName];
  const toValue = spec.toValue ?? ((v) => roundSig(v, 6));
  const toPosition = spec.toPosition ?? ((x) => x);
  const current = () => {
    const value = run.params[name] ?? defaults[name];
    return part === undefined ? value : value[part];
  };
  const row = document.createElement("label");
  row.className = "arg";
  const title = document.createElement("span");
  title.textContent = spec.label;
  const input = document.createElement("input");
  Object.assign(input, { type: "range", min: spec.min, max: spec.max, step: spec.step });
  input.dataset.arg = sliderName;
  input.value = String(toPosition(current()));
  const out = document.createElement("output");
  out.textContent = fmt(current());
  input.addEventListener("input", () => {
    const value = toValue(Number(input.value));
    if (part === undefined) {
      setParam(run, defaults, name, value);
    } else {
      const pair = [...(run.params[name] ?? defaults[name])];
      pair[part] = value;
      setParam(run, defaults, name, pair);
    }
    out.textContent = fmt(value);
    changed();
  });
  row.append(title, input, out);
  return row;
}

function otherArgument(run, defaults, name, changed) {
  const label = document.createElement("label");
  label.textContent = name;
  const input = document.createElement("input");
  input.dataset.arg = name;
  label.htmlFor = input.id = `arg-${Math.random().toString(36).slice(2)}`;
  const value = run.params[name] ?? defaults[name];
  if (typeof defaults[name] === "boolean") {
    input.type = "checkbox";
    input.checked = value;
    input.addEventListener("change", () => { setParam(run, defaults, name, input.checked); changed(); });
  } else {
    input.type = "number";
    input.step = "any";
    input.value = String(value);
    input.addEventListener("input", () => {
      const x = Number(input.value);
      if (input.value === "" || !Number.isFinite(x)) return;
      setParam(run, defaults, name, x);
      changed();
    });
  }
  return [label, input];
}

/** Shows the server's complaint about run `index` on its card (or clears all when null). */
export function showCardErrors(container, errors) {
  container.querySelectorAll(".card").forEach((node) => {
    const message = errors.get(Number(node.dataset.run));
    const p = node.querySelector(".error");
    p.hidden = !message;
    p.textContent = message ?? "";
  });
}
