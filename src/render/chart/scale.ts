import { ticks } from '../ticks.ts';
import type { Extent } from './extent.ts';

/** How values map onto the y axis before the linear map to pixels. */
export type YScaleKind = 'linear' | 'log' | 'symlog';

/** An immutable y scale: a transform and the transformed domain [t0, t1], bottom to top. */
export interface YScale {
  readonly kind: YScaleKind;
  /** Symlog's constant: |f| well below c is drawn linearly, well above it logarithmically. */
  readonly c: number;
  readonly t0: number;
  readonly t1: number;
}

/** Runs whose |f| spans no more than this many times the start's loss read best on a linear axis. */
const LINEAR_RANGE = 1e3;
/** Symlog's c as a fraction of the start's loss: smaller changes do not matter to the story. */
const SYMLOG_FRACTION = 1e-2;
/** Domain padding, as a fraction of the span. */
const PAD = 0.04;
/**
 * Log and symlog domains end on multiples of this many decades, rounded outward: a slider that
 * nudges the lowest loss leaves the axes (and the cached curves drawn on them) where they are.
 */
const SNAP = 0.25;

/** [t0, t1] widened to the nearest multiples of SNAP. */
const snapped = (t0: number, t1: number): [number, number] => [
  Math.floor(t0 / SNAP) * SNAP,
  Math.ceil(t1 / SNAP) * SNAP,
];

const pow10 = (e: number): number => Number(`1e${e}`);

/** sign(v)·log10(1 + |v|/c), odd and monotone; exact for |v|/c beyond the doubles too. */
export function symlog(v: number, c: number): number {
  const a = Math.abs(v) / c;
  // |v|/c overflows for huge |v| and tiny c: log10(1 + a) ≈ log10|v| − log10 c there.
  const t = Number.isFinite(a)
    ? Math.log1p(a) / Math.LN10
    : Math.log10(Math.abs(v)) - Math.log10(c);
  return v < 0 ? -t : t;
}

/** The inverse of `symlog`. */
export function symexp(t: number, c: number): number {
  const v = c * Math.expm1(Math.abs(t) * Math.LN10);
  return t < 0 ? -v : v;
}

/** A value in the scale's transformed units. */
export function forward(scale: YScale, v: number): number {
  // 0 and below have no place on a log axis: they sit infinitely far below (clamped when drawn).
  if (scale.kind === 'log') return v > 0 ? Math.log10(v) : -Infinity;
  if (scale.kind === 'symlog') return symlog(v, scale.c);
  return v;
}

/** The value at transformed position t. */
export function inverse(scale: YScale, t: number): number {
  if (scale.kind === 'log') return 10 ** t;
  if (scale.kind === 'symlog') return symexp(t, scale.c);
  return t;
}

/**
 * The y scale for finite values spanning `extent`: log when all are > 0, symlog when the rest are
 * 0, and when some are negative, linear if |f| stays within LINEAR_RANGE of the start's loss
 * `reference`, else symlog with c about 1% of it (the saddle and friends fall to −10¹⁵ and beyond).
 */
export function chooseYScale(extent: Extent, reference: number): YScale {
  const { min, max } = extent;
  if (extent.count === 0) return { kind: 'linear', c: 1, t0: 0, t1: 1 };
  if (min > 0) {
    const [t0, t1] = snapped(Math.log10(min), Math.log10(max));
    return padded({ kind: 'log', c: 1, t0, t1 });
  }
  if (min === 0 && max === 0) return padded({ kind: 'linear', c: 1, t0: 0, t1: 0 });
  if (min === 0) {
    // Zeros below positive values: symlog with c at the smallest positive order reads like log.
    const c = pow10(Math.floor(Math.log10(extent.minPositive)));
    return padded({ kind: 'symlog', c, t0: 0, t1: snapped(0, symlog(max, c))[1] });
  }
  const maxAbs = Math.max(-min, Math.abs(max));
  const ref = reference > 0 && Number.isFinite(reference) ? reference : maxAbs / LINEAR_RANGE;
  if (maxAbs <= LINEAR_RANGE * ref && Number.isFinite(max - min)) {
    return padded({ kind: 'linear', c: 1, t0: min, t1: max });
  }
  const c = pow10(Math.floor(Math.log10(ref * SYMLOG_FRACTION)));
  const [t0, t1] = snapped(symlog(min, c), symlog(max, c));
  return padded({ kind: 'symlog', c, t0, t1 });
}

/** The scale with its domain padded by PAD of its span (a single value gets room around it). */
export function padded(scale: YScale): YScale {
  const { t0, t1, kind } = scale;
  const span = t1 - t0;
  if (span > 0) return { ...scale, t0: t0 - span * PAD, t1: t1 + span * PAD };
  // One value only: half a decade either side, or a tenth of it (at least 1) on a linear axis.
  const half = kind === 'linear' ? Math.max(1, Math.abs(t0) * 0.1) : 0.5;
  return { ...scale, t0: t0 - half, t1: t1 + half };
}

/** A y tick: its value and where it sits in transformed units. */
export interface YTick {
  readonly value: number;
  readonly t: number;
}

/** About `count` ticks inside the domain: 1-2-5 steps when linear, powers of ten otherwise. */
export function yTicks(scale: YScale, count: number): YTick[] {
  const { t0, t1, kind } = scale;
  if (!(t1 > t0) || !(count > 0)) return [];
  const at = (value: number): YTick => ({ value, t: forward(scale, value) });
  if (kind === 'linear') return ticks(t0, t1, count).map(at);
  // Every `stride`-th decade, aligned on multiples of the stride so ticks do not shift as data grows.
  const stride = Math.max(1, Math.ceil((t1 - t0) / count));
  const aligned = (e: number) => ((e % stride) + stride) % stride === 0;
  if (kind === 'log') {
    // Fewer than two powers of ten inside: plain 1-2-5 values, placed logarithmically.
    if (Math.floor(t1) - Math.ceil(t0) < 1) {
      const plain = (k: number) => ticks(10 ** t0, 10 ** t1, k).filter((v) => v > 0);
      // A domain rounded out to quarter decades can leave a 1-2-5 step of only two values.
      const values = plain(count).length >= 3 ? plain(count) : plain(Math.ceil(1.5 * count));
      return values.map(at);
    }
    const out: YTick[] = [];
    for (let e = Math.ceil(t0); e <= Math.floor(t1); e++) if (aligned(e)) out.push(at(pow10(e)));
    return out;
  }
  const out: YTick[] = [];
  if (t0 <= 0 && t1 >= 0) out.push(at(0));
  const logC = Math.log10(scale.c);
  const eMax = Math.ceil(Math.max(-t0, t1) + logC) + 1;
  for (let e = Math.floor(logC); e <= eMax; e++) {
    if (!aligned(e)) continue;
    for (const sign of [-1, 1]) {
      const tick = at(sign * pow10(e));
      // Keep ticks clear of 0: near c the decades crowd together.
      if (tick.t >= t0 && tick.t <= t1 && Math.abs(tick.t) >= stride / 2) out.push(tick);
    }
  }
  return out.sort((a, b) => a.t - b.t);
}
