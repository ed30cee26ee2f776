// The 2-D race: a function, a start, a number of steps and up to six optimizers; the server
// runs them (POST /api/trace) and the page draws the paths, the legend and f against the step.
import { getContours, postTrace, singleFlight, APIError } from "./api.js";
import { renderCards, showCardErrors, palette } from "./controls.js";
import { renderLegend } from "./legend.js";
import { LandscapeView } from "./landscape.js";
import { ValueChart } from "./valueplot.js";
import { Player } from "./player.js";
import { limits } from "./state.js";

const $ = (id) => document.getElementById(id);
const playIcon = '<svg viewBox="0 0 16 16" aria-hidden="true"><path d="M4 2.5v11L13 8z"/></svg>';
const pauseIcon = '<svg viewBox="0 0 16 16" aria-hidden="true"><path d="M3.5 2.5h3v11h-3zM9.5 2.5h3v11h-3z"/></svg>';
const stepsToPosition = (n) => Math.round((Math.log10(n) * 1000) / 3);
const positionToSteps = (p) => Math.max(1, Math.min(1000, Math.round(10 ** ((3 * p) / 1000))));

export class Race {
  /** `race` is the shared state object; `changed()` is called after every edit (URL update). */
  constructor(catalogue, race, changed) {
    this.catalogue = catalogue;
    this.race = race;
    this.changed = changed;
    this.results = [];
    this.generation = 0;
    this.view = new LandscapeView($("landscape"), { onStart: (xy, final) => this.moveStart(xy, final) });
    this.chart = new ValueChart($("value-plot"), {
      yLabel: "f", onScale: (log) => { $("value-scale").textContent = log ? "(log scale)" : ""; },
    });
    this.player = new Player((k) => this.showStep(k));
    this.trace = singleFlight((specs) => traceValid(specs), (answer, specs) => this.received(answer, specs),
      (error) => this.showError(error.message));
    this.wire();
  }

  get twoD() { return this.catalogue.functions.filter((f) => f.dimension === 2); }
  get fn() { return this.twoD.find((f) => f.name === this.race.fn); }
  get k() { return this.race.k ?? this.race.steps; }

  wire() {
    const select = $("function-select");
    for (const f of this.twoD) select.add(new Option(`${f.name}`, f.name));
    select.addEventListener("change", () => {
      this.race.fn = select.value;
      this.race.start = null;
      this.load();
    });
    const setStart = () => {
      const x = Number($("start-x").value), y = Number($("start-y").value);
      if (Number.isFinite(x) && Number.isFinite(y) && $("start-x").value !== "" && $("start-y").value !== "") {
        this.moveStart([x, y], true);
      }
    };
    $("start-x").addEventListener("change", setStart);
    $("start-y").addEventListener("change", setStart);
    $("start-reset").addEventListener("click", () => this.moveStart([...this.fn.start], true));
    $("steps-slider").addEventListener("input", () => this.setSteps(positionToSteps(Number($("steps-slider").value)), false));
    $("steps-input").addEventListener("change", () => {
      const n = Math.round(Number($("steps-input").value));
      if (Number.isFinite(n)) this.setSteps(Math.max(limits.minSteps, Math.min(limits.maxSteps, n)), true);
    });
    $("add-optimizer").addEventListener("click", () => this.addRun());
    $("play").addEventListener("click", () => this.player.toggle(this.k, this.race.steps));
    $("step-back").addEventListener("click", () => { this.player.stop(); this.showStep(Math.max(0, this.k - 1)); });
    $("step-forward").addEventListener("click", () => { this.player.stop(); this.showStep(Math.min(this.race.steps, this.k + 1)); });
    $("to-start").addEventListener("click", () => { this.player.stop(); this.showStep(0); });
    $("to-end").addEventListener("click", () => { this.player.stop(); this.showStep(this.race.steps); });
    $("k-slider").addEventListener("input", () => { this.player.stop(); this.showStep(Number($("k-slider").value)); });
    this.player.onState = (playing) => {
      $("play").innerHTML = playing ? pauseIcon : playIcon;
      $("play").title = playing ? "Pause" : "Play";
      $("play").setAttribute("aria-label", playing ? "Pause" : "Play");
    };
  }

  /** Applies the state (after start-up or a new URL): function, contours, cards, a fresh trace. */
  async load() {
    if (!this.fn) this.race.fn = "ellipse";
    const fn = this.fn;
    if (!this.race.start) this.race.start = [...fn.start];
    this.race.runs.forEach((run, i) => { if (run.color === undefined) run.color = i; });
    $("function-select").value = fn.name;
    $("formula").textContent = `f(x, y) = ${fn.formula}`;
    $("plot-title").textContent = `Paths on ${fn.name}`;
    this.syncInputs();
    this.rebuildCards();
    this.changed();
    if (this.view.fn !== fn) {
      this.results = [];
      this.view.setRuns([]);
    }
    try {
      const contours = await getContours({ function: fn.name });
      if (fn !== this.fn) return;
      this.view.setFunction(fn, contours);
      this.view.setStart(this.race.start);
      this.view.draw();
    } catch (error) {
      this.showError(`contours: ${error.message}`);
    }
    this.requestTrace();
  }

  syncInputs() {
    $("start-x").value = String(this.race.start[0]);
    $("start-y").value = String(this.race.start[1]);
    $("steps-slider").value = String(stepsToPosition(this.race.steps));
    $("steps-input").value = String(this.race.steps);
    $("steps-output").textContent = String(this.race.steps);
    $("k-slider").max = String(this.race.steps);
    $("k-slider").value = String(this.k);
    $("k-output").textContent = `${this.k} / ${this.race.steps}`;
    $("legend-k").textContent = String(this.k);
    $("add-optimizer").disabled = this.race.runs.length >= limits.maxRuns;
  }

  rebuildCards() {
    renderCards($("optimizer-cards"), this.race.runs, this.catalogue.optimizers, {
      onChange: () => { this.changed(); this.requestTrace(); },
      onStructure: () => { this.rebuildCards(); this.syncInputs(); this.changed(); this.requestTrace(); },
    });
  }

  addRun() {
    if (this.race.runs.length >= limits.maxRuns) return;
    const used = new Set(this.race.runs.map((r) => r.color));
    const color = [...palette.keys()].find((c) => !used.has(c)) ?? 0;
    const kinds = ["adam", "rmsprop", "nadam", "sgd", "adagrad", "lion"];
    const kind = kinds.find((k) => !this.race.runs.some((r) => r.kind === k)) ?? "adam";
    this.race.runs.push({ kind, params: { lr: 0.1 }, color });
    this.rebuildCards();
    this.syncInputs();
    this.changed();
    this.requestTrace();
  }

  moveStart(xy, final) {
    this.race.start = xy;
    this.syncInputs();
    this.view.setStart(xy);
    this.view.draw();
    if (final) this.changed();
    this.requestTrace();
  }

  setSteps(n, syncSlider) {
    const atEnd = this.race.k === null;
    this.race.steps = n;
    if (!atEnd) this.race.k = Math.min(this.race.k, n);
    this.syncInputs();
    if (!syncSlider) $("steps-input").value = String(n);
    this.changed();
    this.requestTrace();
  }

  showStep(k) {
    this.race.k = k >= this.race.steps ? null : k;
    this.syncInputs();
    this.view.setStep(this.k);
    this.view.draw();
    this.chart.setStep(this.k);
    this.chart.draw();
    this.renderLegend();
    this.changed();
  }

  /** The specs for the server: one more step than shown, so `values` holds f at every point drawn. */
  specs() {
    return this.race.runs.map((run) => ({
      function: this.race.fn, start: this.race.start, optimizer: run.kind, params: run.params, steps: this.race.steps + 1,
    }));
  }

  requestTrace() { this.trace(this.specs()); }

  received({ results, errors }, specs) {
    if (specs.length !== this.race.runs.length || specs[0]?.function !== this.race.fn) return;
    const steps = specs[0].steps - 1;
    this.results = results.map((r, i) => {
      const run = this.race.runs[i];
      if (!r) return { points: [], values: [], diverged: null, invalid: true, run, index: i };
      const points = r.points.slice(0, steps + 1);
      const diverged = r.diverged && r.diverged.step <= steps ? r.diverged : null;
      return { points, values: r.values.slice(0, points.length), diverged, run, index: i };
    });
    showCardErrors($("optimizer-cards"), errors);
    this.showError(null);
    this.render();
    this.generation += 1;
    document.body.dataset.traceGeneration = String(this.generation);
    document.body.dataset.state = "ready";
  }

  showError(message) {
    $("trace-error").hidden = !message;
    $("trace-error").textContent = message ?? "";
  }

  render() {
    const color = (run) => palette[run.color % palette.length];
    this.view.setStart(this.race.start);
    this.view.setStep(this.k);
    const valid = this.results.filter((r) => !r.invalid);
    this.view.setRuns(valid.map((r) => ({ points: r.points, color: color(r.run), index: r.index })));
    this.view.draw();
    this.chart.set(valid.map((r) => ({ values: r.values, color: color(r.run), index: r.index })), this.k);
    this.chart.draw();
    this.renderLegend();
  }

  renderLegend() {
    renderLegend($("legend").querySelector("tbody"), this.results, this.k, this.catalogue.optimizers);
  }
}

/**
 * Runs the specs; when the server refuses one (its error names `[i].field`), runs the others
 * without it, so one bad setting does not blank the race. Answers `{results, errors}` with a
 * null result and a message for each refused spec.
 */
async function traceValid(specs) {
  const kept = specs.map((_, i) => i);
  const errors = new Map();
  while (kept.length) {
    try {
      const answer = await postTrace(kept.map((i) => specs[i]));
      const results = specs.map(() => null);
      kept.forEach((i, j) => { results[i] = answer[j]; });
      return { results, errors };
    } catch (error) {
      const match = error instanceof APIError && /^\[(\d+)\]/.exec(error.field);
      if (!match) throw error;
      const [bad] = kept.splice(Number(match[1]), 1);
      errors.set(bad, error.message.replace(`[${match[1]}].`, ""));
    }
  }
  return { results: specs.map(() => null), errors };
}
