/** Band index of a sample where f is not finite: no colour, no lines. Levels are fewer than this. */
export const HOLE = 255;

/** The most levels a field may have, so that every band index and HOLE fit in a byte. */
export const MAX_LEVELS = HOLE - 1;

/**
 * Writes into `out` the band of every value: how many of the ascending `levels` are ≤ it, or HOLE
 * where the value is NaN or ±∞. "≤" matches d3-contour, for which a sample equal to a threshold
 * lies inside that threshold's region.
 */
export function bandIndices(values: Float64Array, levels: Float64Array, out: Uint8Array): void {
  const count = levels.length;
  // Neighbouring samples mostly share a band: start from the last one and walk, which beats a
  // binary search by about 3× on smooth fields.
  let b = 0;
  for (let k = 0; k < values.length; k++) {
    const v = values[k]!;
    if (!Number.isFinite(v)) {
      out[k] = HOLE;
      continue;
    }
    while (b > 0 && levels[b - 1]! > v) b--;
    while (b < count && levels[b]! <= v) b++;
    out[k] = b;
  }
}

/**
 * Iso-lines of a `width` × `height` grid of samples (index i + j·width) at each of the ascending
 * `levels`, by marching squares: one Float32Array per level of segment endpoints x0, y0, x1, y1, …
 * in grid coordinates, where sample (i, j) sits at (i + ½, j + ½) as in d3-contour.
 * Crossings are linearly interpolated along cell edges; a saddle cell joins its two high corners
 * when the mean of its corners reaches the level. Cells with a non-finite corner get no lines.
 * `bands` (from bandIndices, same levels) may be passed to save recomputing it.
 */
export function isolines(
  values: Float64Array,
  width: number,
  height: number,
  levels: Float64Array,
  bands?: Uint8Array,
): Float32Array<ArrayBuffer>[] {
  const count = levels.length;
  if (count > MAX_LEVELS) throw new RangeError(`at most ${MAX_LEVELS} levels, got ${count}`);
  if (values.length !== width * height) throw new RangeError('values do not fill the grid');
  for (let k = 1; k < count; k++) {
    if (!(levels[k]! >= levels[k - 1]!)) throw new RangeError('levels must ascend');
  }
  let band = bands;
  if (!band) {
    band = new Uint8Array(values.length);
    bandIndices(values, levels, band);
  }

  const out = new Segments(count);

  for (let j = 0; j + 1 < height; j++) {
    const row = j * width;
    for (let i = 0; i + 1 < width; i++) {
      // Corners: a (i, j), b (i+1, j), c (i+1, j+1), d (i, j+1); y up.
      const ia = row + i;
      const ba = band[ia]!;
      const bb = band[ia + 1]!;
      const bc = band[ia + width + 1]!;
      const bd = band[ia + width]!;
      // Most cells lie within one band: nothing crosses them.
      if (ba === bb && ba === bc && ba === bd) continue;
      const lo = Math.min(ba, bb, bc, bd);
      const hi = Math.max(ba, bb, bc, bd);
      // Only levels k with lo ≤ k < hi separate a corner above from one below.
      if (hi === HOLE) continue;
      const va = values[ia]!;
      const vb = values[ia + 1]!;
      const vc = values[ia + width + 1]!;
      const vd = values[ia + width]!;
      const x = i + 0.5;
      const y = j + 0.5;
      for (let k = lo; k < hi; k++) {
        const level = levels[k]!;
        const kase = (ba > k ? 1 : 0) | (bb > k ? 2 : 0) | (bc > k ? 4 : 0) | (bd > k ? 8 : 0);
        // Crossings on the four edges, computed only where a case needs them.
        switch (kase) {
          case 1:
          case 14:
            out.add(k, x, y + (level - va) / (vd - va), x + (level - va) / (vb - va), y);
            break;
          case 2:
          case 13:
            out.add(k, x + (level - va) / (vb - va), y, x + 1, y + (level - vb) / (vc - vb));
            break;
          case 4:
          case 11:
            out.add(k, x + 1, y + (level - vb) / (vc - vb), x + (level - vd) / (vc - vd), y + 1);
            break;
          case 8:
          case 7:
            out.add(k, x + (level - vd) / (vc - vd), y + 1, x, y + (level - va) / (vd - va));
            break;
          case 3:
          case 12:
            out.add(k, x, y + (level - va) / (vd - va), x + 1, y + (level - vb) / (vc - vb));
            break;
          case 6:
          case 9:
            out.add(k, x + (level - va) / (vb - va), y, x + (level - vd) / (vc - vd), y + 1);
            break;
          case 5:
          case 10: {
            const left = y + (level - va) / (vd - va);
            const bottom = x + (level - va) / (vb - va);
            const right = y + (level - vb) / (vc - vb);
            const top = x + (level - vd) / (vc - vd);
            // The cell's mean decides which diagonal pair the level region connects.
            const centreAbove = (va + vb + vc + vd) / 4 >= level;
            if ((kase === 5) === centreAbove) {
              // Cut off b and d (the corners on the other side of the centre).
              out.add(k, bottom, y, x + 1, right);
              out.add(k, top, y + 1, x, left);
            } else {
              // Cut off a and c.
              out.add(k, x, left, bottom, y);
              out.add(k, x + 1, right, top, y + 1);
            }
            break;
          }
        }
      }
    }
  }
  return out.trimmed();
}

/** Per level, a growing buffer of segments x0, y0, x1, y1, …. */
class Segments {
  readonly #buffers: Float32Array<ArrayBuffer>[] = [];
  readonly #used: Int32Array;

  constructor(levels: number) {
    this.#used = new Int32Array(levels);
    for (let k = 0; k < levels; k++) this.#buffers.push(new Float32Array(64));
  }

  /** Appends segment (x0, y0)–(x1, y1) to level k's buffer, growing it by doubling. */
  add(k: number, x0: number, y0: number, x1: number, y1: number): void {
    // A crossing exactly at a shared corner gives a point, not a line: nothing to draw.
    if (x0 === x1 && y0 === y1) return;
    let buf = this.#buffers[k]!;
    const p = this.#used[k]!;
    if (p + 4 > buf.length) {
      const grown = new Float32Array(buf.length * 2);
      grown.set(buf);
      this.#buffers[k] = buf = grown;
    }
    buf[p] = x0;
    buf[p + 1] = y0;
    buf[p + 2] = x1;
    buf[p + 3] = y1;
    this.#used[k] = p + 4;
  }

  /** Each level's segments, in buffers of their own exact size. */
  trimmed(): Float32Array<ArrayBuffer>[] {
    return this.#buffers.map((buf, k) => buf.slice(0, this.#used[k]!));
  }
}
