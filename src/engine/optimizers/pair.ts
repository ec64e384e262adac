/**
 * A per-coordinate state pair (x, y), NaN until `reset` fills it: an object of two number fields,
 * read and written by coordinate index. The hot loop inlines `at` and `set` with a constant index,
 * which leaves one field access: a plain array's element also costs its map, length and bounds
 * checks (≈ 8 instructions a read, 10 a write), a typed array's its buffer's too. Every pair has
 * one hidden class that never changes, so V8 needs no check of it either. NaN, not 0, makes both
 * fields doubles from the start: a field that starts as a small integer changes representation on
 * its first fractional value, under code compiled for the old one.
 */
export class Pair {
  x = NaN;
  y = NaN;

  /** Coordinate i's value: x for 0, y for 1. */
  at(i: number): number {
    return i === 0 ? this.x : this.y;
  }

  /** Sets coordinate i's value. */
  set(i: number, v: number): void {
    if (i === 0) this.x = v;
    else this.y = v;
  }

  /** Sets both coordinates to `v`. */
  fill(v: number): void {
    this.x = v;
    this.y = v;
  }
}

/**
 * Per-coordinate state of any length, NaN until `reset` fills it: Pair's interface over a
 * Float64Array, for a parameter vector (a network's) rather than a point of the plane. The update
 * rules call `at`/`set` by coordinate index either way, so one rule serves both.
 */
export class Coords {
  private readonly v: Float64Array;

  constructor(n: number) {
    this.v = new Float64Array(n).fill(NaN);
  }

  /** Coordinate i's value. */
  at(i: number): number {
    return this.v[i]!;
  }

  /** Sets coordinate i's value. */
  set(i: number, v: number): void {
    this.v[i] = v;
  }

  /** Sets every coordinate to `v`. */
  fill(v: number): void {
    this.v.fill(v);
  }
}

/** State for n coordinates: a Pair for the plane (its fast path), Coords otherwise. */
export const coordsOf = (n: number): Pair | Coords => (n === 2 ? new Pair() : new Coords(n));
