// The legend of the race: each optimizer's colour and label, f at the step shown, the final f,
// and a tag when the run left the finite numbers (the server's "diverged" report).
import { runLabel, palette } from "./controls.js";
import { fmt } from "./svg.js";

/** Fills `body` (a <tbody>) with one row per result `{run, values, diverged, invalid}`. */
export function renderLegend(body, results, k, optimizers) {
  body.replaceChildren();
  for (const r of results) {
    const tr = document.createElement("tr");
    const name = document.createElement("td");
    const swatch = document.createElement("span");
    swatch.className = "swatch";
    swatch.style.borderColor = palette[r.run.color % palette.length];
    const label = document.createElement("span");
    label.textContent = runLabel(r.run, optimizers);
    name.append(swatch, label);
    if (r.invalid) {
      const tag = document.createElement("span");
      tag.className = "tag";
      tag.textContent = "not run: see its card";
      name.appendChild(tag);
    }
    if (r.diverged) {
      const tag = document.createElement("span");
      tag.className = "tag";
      tag.textContent = `diverged at step ${r.diverged.step}`;
      tag.title = r.diverged.message;
      name.appendChild(tag);
    }
    tr.append(name, cell(r.values[Math.min(k, r.values.length - 1)]), cell(r.values[r.values.length - 1]));
    body.appendChild(tr);
  }
}

function cell(value) {
  const td = document.createElement("td");
  td.className = "num";
  td.textContent = fmt(value);
  return td;
}
