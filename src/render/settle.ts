/** How long a run's paths must stay unchanged before they are drawn at full quality, in ms. */
export const SETTLE_MS = 200;

/**
 * When each run stamp (see RunSet.stamps) was first drawn. A run drawn for SETTLE_MS is settled:
 * its group is rasterised once at full quality and blitted. A fresh one (the run under a moving
 * slider) is stroked every frame in a cheap draft style, so a drag never waits for wide strokes.
 */
export class Settle {
  readonly #first = new Map<number, number>();

  /** Notes the stamps of a frame drawn at `now`, and forgets stamps no longer drawn. */
  observe(stamps: readonly number[], now: number): void {
    for (const stamp of stamps) if (!this.#first.has(stamp)) this.#first.set(stamp, now);
    if (this.#first.size > stamps.length) {
      for (const stamp of this.#first.keys())
        if (!stamps.includes(stamp)) this.#first.delete(stamp);
    }
  }

  /** True once `stamp` has been drawn for SETTLE_MS. */
  settled(stamp: number, now: number): boolean {
    const first = this.#first.get(stamp);
    return first !== undefined && now - first >= SETTLE_MS;
  }

  /** Milliseconds until the next observed stamp settles, or null if none is waiting. */
  next(now: number): number | null {
    let wait: number | null = null;
    for (const first of this.#first.values()) {
      const left = first + SETTLE_MS - now;
      if (left > 0 && (wait === null || left < wait)) wait = left;
    }
    return wait;
  }
}
