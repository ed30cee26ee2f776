// Play/pause of the step shown: walks k from 0 (or where it is) to the last step in about
// 40 ms a step, between 1.5 and 6 seconds in all, one frame at a time.
export class Player {
  /** `show(k)` draws step k. */
  constructor(show) {
    this.show = show;
    this.frame = 0;
    this.onState = () => {};
  }

  get playing() { return this.frame !== 0; }

  toggle(k, steps) {
    if (this.playing) this.stop();
    else this.play(k >= steps ? 0 : k, steps);
  }

  play(from, steps) {
    const duration = Math.min(6000, Math.max(1500, steps * 40));
    const t0 = performance.now() - (from / steps) * duration;
    const tick = (now) => {
      const k = Math.min(steps, Math.floor(((now - t0) / duration) * steps));
      this.show(k);
      if (k >= steps) this.stop();
      else this.frame = requestAnimationFrame(tick);
    };
    this.frame = requestAnimationFrame(tick);
    this.onState(true);
  }

  stop() {
    if (this.frame) cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.onState(false);
  }
}
