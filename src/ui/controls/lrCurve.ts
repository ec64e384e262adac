import type { Schedule } from '../../engine/scene.ts';
import { fillLearningRates } from '../../engine/schedules.ts';
import { formatShort, plural } from './format.ts';

/**
 * SVG polyline points for `rates` in a width × height box, y = 0 at the bottom and the largest rate
 * at the top. Long runs keep each column's lowest and highest rate, so step drops and warmup peaks
 * survive the downsampling; at most 2 × width + 1 points.
 */
export function curvePoints(rates: ArrayLike<number>, width: number, height: number): string {
  const n = rates.length;
  if (n === 0) return '';
  let top = 0;
  for (let k = 0; k < n; k++) top = Math.max(top, rates[k]!);
  const y = (v: number) => (top > 0 ? height - (v / top) * height : height).toFixed(1);
  if (n === 1) return `0,${y(rates[0]!)} ${width},${y(rates[0]!)}`;
  const x = (k: number) => ((k / (n - 1)) * width).toFixed(1);
  const out: string[] = [];
  if (n <= 2 * width) {
    for (let k = 0; k < n; k++) out.push(`${x(k)},${y(rates[k]!)}`);
    return out.join(' ');
  }
  let last = 0;
  for (let c = 0; c < width; c++) {
    const from = Math.floor((c * n) / width);
    const to = Math.floor(((c + 1) * n) / width);
    let lo = from;
    let hi = from;
    for (let k = from + 1; k < to; k++) {
      if (rates[k]! < rates[lo]!) lo = k;
      if (rates[k]! > rates[hi]!) hi = k;
    }
    const a = Math.min(lo, hi);
    const b = Math.max(lo, hi);
    out.push(`${x(a)},${y(rates[a]!)}`);
    if (b !== a) out.push(`${x(b)},${y(rates[b]!)}`);
    last = b;
  }
  // A flat last column keeps only its first point; the curve still ends at the right edge.
  if (last !== n - 1) out.push(`${x(n - 1)},${y(rates[n - 1]!)}`);
  return out.join(' ');
}

/** "learning rate from 0.01 to 0 over 500 steps", with the peak when it lies between the ends. */
export function describeRates(rates: ArrayLike<number>): string {
  const n = rates.length;
  if (n === 0) return 'no learning rates (no steps)';
  const first = rates[0]!;
  const last = rates[n - 1]!;
  let peak = first;
  let low = first;
  for (let k = 0; k < n; k++) {
    peak = Math.max(peak, rates[k]!);
    low = Math.min(low, rates[k]!);
  }
  const range =
    peak === low
      ? `constant learning rate ${formatShort(first)}`
      : `learning rate from ${formatShort(first)} to ${formatShort(last)}`;
  const peaked = peak > Math.max(first, last) ? `, peaking at ${formatShort(peak)}` : '';
  return `${range} over ${plural(n, 'step')}${peaked}`;
}

/** Reused across plots and slider events: a 100,000-step scene would otherwise allocate 800 kB each. */
let scratch = new Float64Array(0);

/** The polyline and description of `base` under `schedule` over `steps` steps. */
export function rateCurve(
  base: number,
  schedule: Schedule,
  steps: number,
  width: number,
  height: number,
): { readonly points: string; readonly label: string } {
  if (scratch.length < steps) scratch = new Float64Array(steps);
  const rates = scratch.subarray(0, steps);
  fillLearningRates(base, schedule, rates);
  return { points: curvePoints(rates, width, height), label: describeRates(rates) };
}
