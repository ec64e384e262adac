/** Some cells of a sweep, computed together by one worker. */
export interface Part {
  /** Its index in the run's order (coarse levels first). */
  readonly index: number;
  /** The level its cells come from: 1 is the coarsest. */
  readonly level: number;
  readonly cells: Int32Array;
}

/**
 * How long one part should take a worker: a newer request waits for at most about this long (the
 * part in progress), and the picture refines several times a second.
 */
export const PART_MS = 30;
/** The guess of a worker's speed before any part has been timed, in ms per optimizer step. */
const FIRST_MS_PER_STEP = 5e-5;

/**
 * The cells of a sweep handed out in parts, in progressive order (levelsOf: the coarse level
 * first). Each level is split over at least `workers` parts, so that every worker helps with the
 * first picture; parts are sized to take about PART_MS, from the times of the parts answered so
 * far (the kernel's speed depends on the function, the optimizer and the machine).
 */
export class PartQueue {
  readonly #levels: readonly Int32Array[];
  readonly #workers: number;
  /** Parts handed back (a crashed worker's), sent again first, in their order. */
  readonly #again: Part[] = [];
  #level = 0;
  #from = 0;
  #index = 0;
  #msPerCell: number;

  constructor(levels: readonly Int32Array[], workers: number, stepsPerCell: number) {
    this.#levels = levels;
    this.#workers = Math.max(1, workers);
    this.#msPerCell = Math.max(1, stepsPerCell) * FIRST_MS_PER_STEP;
  }

  /** True when every part has been handed out. */
  get empty(): boolean {
    this.#skipEmpty();
    return this.#again.length === 0 && this.#level >= this.#levels.length;
  }

  /** The next part, or null when none is left. */
  next(): Part | null {
    const again = this.#again.shift();
    if (again) return again;
    this.#skipEmpty();
    const cells = this.#levels[this.#level];
    if (!cells) return null;
    const share = Math.ceil(cells.length / this.#workers);
    const size = Math.min(share, Math.max(1, Math.round(PART_MS / this.#msPerCell)));
    // A copy, not a view: a posted view would carry its whole buffer along.
    const part = {
      index: this.#index++,
      level: this.#level + 1,
      cells: cells.slice(this.#from, this.#from + size),
    };
    this.#from += size;
    return part;
  }

  /** Hands parts back to be sent again before any new one, in the order given. */
  again(parts: readonly Part[]): void {
    this.#again.unshift(...parts);
  }

  /** Learns from a part that took `ms` in a worker. */
  observe(part: Part, ms: number): void {
    if (!(ms > 0) || part.cells.length === 0) return;
    // Half the old estimate, half the new: one slow part (a GC, a busy core) does not halve the next.
    this.#msPerCell = 0.5 * this.#msPerCell + 0.5 * (ms / part.cells.length);
  }

  #skipEmpty(): void {
    while (this.#level < this.#levels.length && this.#from >= this.#levels[this.#level]!.length) {
      this.#level++;
      this.#from = 0;
    }
  }
}
