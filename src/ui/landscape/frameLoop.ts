/** The browser's frame and timer functions, replaceable in tests. */
export interface Timing {
  requestFrame(callback: () => void): number;
  cancelFrame(handle: number): void;
  setTimer(callback: () => void, ms: number): number;
  clearTimer(handle: number): void;
}

const browserTiming: Timing = {
  requestFrame: (callback) => requestAnimationFrame(callback),
  cancelFrame: (handle) => cancelAnimationFrame(handle),
  setTimer: (callback, ms) => window.setTimeout(callback, ms),
  clearTimer: (handle) => window.clearTimeout(handle),
};

/**
 * Runs `draw` at most once per animation frame however often something asks for it (a store
 * change, a chunk of a run, a field), so a slider's input and the runs it makes are drawn
 * together in the next frame. `draw` returns when it wants another frame of its own accord
 * (paths drawn in draft get a full-quality one once they settle), in ms, or null.
 */
export class FrameLoop {
  #frame = 0;
  #timer = 0;

  constructor(
    private readonly draw: () => number | null,
    private readonly timing: Timing = browserTiming,
  ) {}

  /** Asks for a drawing in the next animation frame (one, however many times it is asked). */
  readonly schedule = (): void => {
    if (this.#frame === 0) this.#frame = this.timing.requestFrame(this.#run);
  };

  /** Draws at once (the canvas was resized), instead of in the frame asked for, if any. */
  now(): void {
    if (this.#frame !== 0) this.timing.cancelFrame(this.#frame);
    this.#run();
  }

  /** Stops drawing: nothing asked for runs any more. */
  dispose(): void {
    this.timing.cancelFrame(this.#frame);
    this.timing.clearTimer(this.#timer);
    this.#frame = 0;
  }

  readonly #run = (): void => {
    this.#frame = 0;
    const wait = this.draw();
    this.timing.clearTimer(this.#timer);
    this.#timer = wait === null ? 0 : this.timing.setTimer(this.schedule, wait + 1);
  };
}
