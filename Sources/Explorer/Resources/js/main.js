// Start-up: fetch the catalogue, read the view from the URL, mount both modes, keep the URL
// in step with every edit (replaceState, at most a few times a second) and follow pasted links.
import { getFunctions, getOptimizers } from "./api.js";
import { readHash, writeHash } from "./state.js";
import { Race } from "./race.js";
import { OneD } from "./oned.js";

const $ = (id) => document.getElementById(id);

async function main() {
  const [functions, optimizers] = await Promise.all([getFunctions(), getOptimizers()]);
  const catalogue = { functions, optimizers };
  const state = readHash(location.hash);

  let hashTimer = 0;
  const changed = () => {
    if (hashTimer) return;
    hashTimer = setTimeout(() => {
      hashTimer = 0;
      const hash = writeHash(state);
      if (hash !== location.hash) history.replaceState(null, "", hash);
    }, 150);
  };

  const race = new Race(catalogue, state.race, changed);
  const oneD = new OneD(state.oneD, changed);
  const loaded = { "2d": false, "1d": false };

  const showMode = (mode) => {
    state.mode = mode;
    for (const m of ["2d", "1d"]) {
      $(`mode-${m}`).hidden = m !== mode;
      $(`tab-${m}`).setAttribute("aria-selected", String(m === mode));
    }
    if (!loaded[mode]) {
      loaded[mode] = true;
      (mode === "2d" ? race : oneD).load();
    }
    changed();
  };
  document.querySelectorAll(".modes button").forEach((b) => b.addEventListener("click", () => showMode(b.dataset.mode)));

  window.addEventListener("hashchange", () => {
    const next = readHash(location.hash);
    Object.assign(state.race, next.race);
    Object.assign(state.oneD, next.oneD);
    state.race.runs.forEach((run, i) => { run.color = i; });
    loaded["2d"] = loaded["1d"] = false;
    showMode(next.mode);
  });
  showMode(state.mode);
}

main().catch((error) => {
  document.body.dataset.state = "error";
  const p = document.createElement("p");
  p.className = "error";
  p.textContent = `The explorer could not start: ${error.message}`;
  document.body.prepend(p);
});
