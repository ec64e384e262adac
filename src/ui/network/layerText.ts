import type { LayerStats } from '../../engine/network/layerStats.ts';
import { formatNumber, formatShort } from '../format.ts';

/** Each Linear layer's name with its shape: "layer 1 (2 → 8)", …, "output (8 → 1)". */
export function layerNames(sizes: readonly number[]): string[] {
  return sizes.slice(1).map((units, l) => {
    const shape = `${sizes[l]} → ${units}`;
    return l + 2 === sizes.length ? `output (${shape})` : `layer ${l + 1} (${shape})`;
  });
}

/** One layer's numbers at a point: its ‖θ‖, and the step that led there (null at point 0). */
export interface LayerRow {
  readonly theta: number;
  readonly grad: number | null;
  readonly step: number | null;
  readonly rate: number | null;
}

/** The point a run shows for step `step`: clamped to its points (a diverged run's stop early). */
export const pointOf = (stats: LayerStats, step: number): number =>
  Math.max(0, Math.min(stats.theta[0]!.length - 1, Math.floor(step)));

/** Every layer's numbers at `point` (see LayerRow): the table under the inspector's sentence. */
export function layerRows(stats: LayerStats, point: number): LayerRow[] {
  const k = point - 1;
  return stats.theta.map((theta, l) => ({
    theta: theta[point]!,
    grad: k >= 0 ? (stats.grad?.[l]?.[k] ?? null) : null,
    step: k >= 0 ? stats.step[l]![k]! : null,
    rate: k >= 0 ? (stats.rate?.[l]?.[k] ?? null) : null,
  }));
}

/** The index of the largest (or, with `sign` −1, smallest) finite value, or −1. */
function extreme(values: readonly (number | null)[], sign: 1 | -1): number {
  let at = -1;
  values.forEach((v, i) => {
    if (v === null || !Number.isFinite(v)) return;
    if (at < 0 || sign * (v - values[at]!) > 0) at = i;
  });
  return at;
}

/**
 * What the numbers of step `point` say, in words: which layer's gradient is largest, whether one
 * rate scales every layer's step (plain SGD: its γ) or not, and which layer moved most for its
 * size. `lr` is the rate the optimizer's step used (after schedule and phase).
 */
export function layerSentence(
  names: readonly string[],
  stats: LayerStats,
  point: number,
  lr: number,
): string[] {
  if (point === 0) {
    return ['Point 0 is θ₀, before any step: move the cursor to see a step’s gradient and length.'];
  }
  const rows = layerRows(stats, point);
  const out: string[] = [];
  const g = rows.map((r) => r.grad);
  const [gMax, gMin] = [extreme(g, 1), extreme(g, -1)];
  if (gMax >= 0 && gMin >= 0 && gMax !== gMin) {
    const ratio = g[gMax]! / g[gMin]!;
    out.push(
      `At step ${point}, ${names[gMax]} has the largest gradient (‖g‖ = ` +
        `${formatNumber(g[gMax]!)}), ${formatShort(ratio)} times ${names[gMin]}’s ` +
        `(${formatNumber(g[gMin]!)}).`,
    );
  }
  const r = rows.map((row) => row.rate);
  const [rMax, rMin] = [extreme(r, 1), extreme(r, -1)];
  if (rMax >= 0 && rMin >= 0) {
    const [hi, lo] = [r[rMax]!, r[rMin]!];
    const same = hi - lo <= 1e-9 * hi;
    const isLr = same && Math.abs(hi - lr) <= 1e-9 * lr;
    out.push(
      same
        ? `Every layer’s effective rate ‖step‖/‖g‖ is ${formatNumber(hi)}: each step is ` +
            'its gradient times one number' +
            (isLr ? `, the learning rate γ = ${formatNumber(lr)} (plain SGD).` : '.')
        : `The effective rate ‖step‖/‖g‖ runs from ${formatNumber(lo)} (${names[rMin]}) to ` +
            `${formatNumber(hi)} (${names[rMax]}), ${formatShort(hi / lo)} times apart, ` +
            `against a learning rate γ = ${formatNumber(lr)}: the optimizer does not move ` +
            'every layer by one multiple of its gradient.',
    );
  }
  const relative = rows.map((row, l) => {
    const before = stats.theta[l]![point - 1]!;
    return row.step !== null && before > 0 ? row.step / before : null;
  });
  const most = extreme(relative, 1);
  if (most >= 0) {
    out.push(
      `For its size, ${names[most]} moved most: ‖step‖/‖θ‖ = ` +
        `${formatShort(100 * relative[most]!)}%.`,
    );
  }
  return out;
}
