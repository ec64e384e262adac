/** How long a run's paths must stay unchanged before they are drawn at full quality, in ms. */
export const SETTLE_MS = 200;

/**
 * When each run stamp (see RunSet.stamps) was first drawn. A run drawn for SETTLE_MS is settled:
 * its group is rasterised once at full quality and blitted. A fresh one (the run under a moving
 * slider) is stroked every frame in a cheap draft style, so a drag never waits for wide strokes.
 */
export class Settle {
  readonly #first = new Map<unknown, number>();
  /** When the last frame was drawn: what it drew in draft is judged as of then. */
  #drawn = -Infinity;

  /** Notes the stamps of a frame drawn at `now`, and forgets stamps no longer drawn. */
  observe(stamps: readonly unknown[], now: number): void {
    this.#drawn = now;
    for (const stamp of stamps) if (!this.#first.has(stamp)) this.#first.set(stamp, now);
    if (this.#first.size > stamps.length) {
      for (const stamp of this.#first.keys())
        if (!stamps.includes(stamp)) this.#first.delete(stamp);
    }
  }

  /** True once `stamp` has been drawn for SETTLE_MS. */
  settled(stamp: unknown, now: number): boolean {
    const first = this.#first.get(stamp);
    return first !== undefined && now - first >= SETTLE_MS;
  }

  /**
   * Milliseconds from `now` until the next stamp the last frame drew unsettled settles (0 if it
   * already has: that frame is owed a redraw), or null if none is waiting. Judged as of the
   * frame, not of `now`: a frame that drew a stamp at 195 ms and took 10 ms still owes one.
   */
  next(now: number): number | null {
    let due: number | null = null;
    for (const first of this.#first.values()) {
      const at = first + SETTLE_MS;
      if (at > this.#drawn && (due === null || at < due)) due = at;
    }
    return due === null ? null : Math.max(0, due - now);
  }
}

/**
 * Something a frame shows that may move (the view, the playback cursor): fresh for SETTLE_MS
 * after each change, so layers can draw cheaply while it moves and at full quality once it rests.
 * The first value seen is at rest: a canvas's first frame (an export's, say) is drawn in full.
 */
export class Motion<T> {
  #last: { value: T } | null = null;
  #since = -Infinity;
  /** When it was last drawn: whether that frame drew it moving is judged as of then. */
  #drawn = -Infinity;

  constructor(private readonly same: (a: T, b: T) => boolean) {}

  /** Notes `value` as drawn at `now`; true while it changed under SETTLE_MS ago. */
  moving(value: T, now: number): boolean {
    if (this.#last && !this.same(this.#last.value, value)) this.#since = now;
    this.#last = { value };
    this.#drawn = now;
    return now - this.#since < SETTLE_MS;
  }

  /**
   * Milliseconds from `now` until it has rested SETTLE_MS (0 if it has since the last frame, which
   * drew it moving and is owed a redraw), or null if that frame drew it at rest.
   */
  next(now: number): number | null {
    const at = this.#since + SETTLE_MS;
    return at > this.#drawn ? Math.max(0, at - now) : null;
  }
}
