import type { Inspection } from '../../engine/inspect.ts';
import type { OptimizerEntry } from '../../engine/scene.ts';
import { fmt } from './terms.ts';

/** The angle between two plane vectors in degrees (0…180), NaN when either is zero. */
export function angleBetween(ax: number, ay: number, bx: number, by: number): number {
  const na = Math.hypot(ax, ay);
  const nb = Math.hypot(bx, by);
  if (!(na > 0 && nb > 0)) return NaN;
  const cos = Math.max(-1, Math.min(1, (ax * bx + ay * by) / (na * nb)));
  return (Math.acos(cos) * 180) / Math.PI;
}

const sign = (v: number): string => (v > 0 ? '+1' : v < 0 ? '−1' : '0');
const pair = (a: number, b: number): string => `(${fmt(a)}, ${fmt(b)})`;

/**
 * Sentences that say, from the numbers of step k, how the step relates to the gradient — and for
 * the adaptive optimizers why it does not follow it.
 */
export function explainStep(entry: OptimizerEntry, ins: Inspection, k: number): string[] {
  if (k < 1) return ['Step 0 is the start. Step forward to see the first update.'];
  const gx = ins.gx[k]!;
  const gy = ins.gy[k]!;
  const sx = ins.sx[k]!;
  const sy = ins.sy[k]!;
  const angle = angleBetween(-gx, -gy, sx, sy);
  const lines = [
    Number.isNaN(angle)
      ? `Step ${k} did not move, or the gradient was zero.`
      : `Step ${k} points ${Math.round(angle)}° away from −g.`,
  ];
  const adamLike = entry.type === 'adam' || entry.type === 'adamw';
  if (adamLike && k === 1) {
    lines.push(
      `Why: at step 1, m̂ = g and v̂ = g², so m̂ / (√v̂ + ε) = sign(g) = (${sign(gx)}, ${sign(gy)}). ` +
        `The step is γ·(${sign(-gx)}, ${sign(-gy)}) = ${pair(sx, sy)}: the same size on both ` +
        `coordinates, a diagonal, whatever the gradient ${pair(gx, gy)} says about direction.`,
    );
  } else if (entry.type === 'lion') {
    lines.push(`Lion moves by γ·sign(c): every coordinate by exactly γ = ${fmt(ins.lr[k]!)}.`);
  } else if (entry.type === 'sgd' && (entry.hyper['momentum'] as number) === 0) {
    lines.push('Plain SGD steps straight down the gradient; its length is γ·‖g‖.');
  } else if (entry.type === 'sgd') {
    lines.push(
      'The step follows the momentum buffer b, the sum of past gradients, not today’s −g alone.',
    );
  }
  const lrEff = ins.state.find((s) => s.field.role === 'lrEff');
  if (lrEff && entry.type !== 'sgd' && entry.type !== 'lion') {
    const ex = lrEff.values[0]![k]!;
    const ey = lrEff.values[1]![k]!;
    const ratio = Math.max(ex, ey) / Math.min(ex, ey);
    lines.push(
      `Effective learning rates: x ${fmt(ex)}, y ${fmt(ey)}` +
        (Number.isFinite(ratio) && ratio >= 1.05
          ? ` — ${ex > ey ? 'x' : 'y'} moves ${fmt(ratio)}× more per unit of its direction.`
          : '.'),
    );
  }
  return lines;
}
