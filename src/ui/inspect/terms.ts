import type { Inspection, StateSeries } from '../../engine/inspect.ts';
import type { OptimizerEntry } from '../../engine/scene.ts';
import type { Vec2 } from '../../engine/types.ts';

/** One row of the step table: a term of the update at one step, per coordinate. */
export interface TermRow {
  /** A stable key for the row (torch's name where there is one). */
  readonly key: string;
  readonly label: string;
  /** The value for x and y, or one value for a scalar. */
  readonly values: readonly number[];
  /** How each value was computed, with the numbers substituted, where the table knows it. */
  readonly arithmetic?: readonly string[];
}

/** A number for the table: 4 significant digits, a real minus, exponent form when far. */
export function fmt(v: number): string {
  if (!Number.isFinite(v)) return Number.isNaN(v) ? '—' : v > 0 ? '∞' : '−∞';
  const a = Math.abs(v);
  const text =
    a === 0 || (a >= 1e-3 && a < 1e5)
      ? String(Number(a.toPrecision(4)))
      : a.toExponential(3).replace('e+', 'e');
  return v < 0 ? `\u2212${text}` : text;
}
/** A factor in a product: negative numbers in parentheses. */
const f = (v: number): string => (v < 0 ? `(${fmt(v)})` : fmt(v));

const at = (s: StateSeries | undefined, c: number, k: number): number => s?.values[c]?.[k] ?? NaN;

/** The substituted arithmetic of SGD (with momentum) and Adam/AdamW, per coordinate. */
function arithmetic(entry: OptimizerEntry, ins: Inspection, k: number): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const get = (key: string) => ins.state.find((s) => s.field.key === key);
  const lr = ins.lr[k]!;
  const wd = (entry.hyper['weight_decay'] as number | undefined) ?? 0;
  const theta = [ins.x[k - 1]!, ins.y[k - 1]!];
  const g = [ins.gx[k]!, ins.gy[k]!];
  const decoupled = entry.type === 'adamw' || entry.type === 'lion';
  // The gradient the rule uses: L2 weight decay folded in where it is coupled.
  const d = g.map((gi, c) => (wd !== 0 && !decoupled ? gi + wd * theta[c]! : gi));
  const step = [ins.sx[k]!, ins.sy[k]!];
  const put = (key: string, row: (c: number) => string) => out.set(key, [row(0), row(1)]);
  if (wd !== 0 && !decoupled)
    put('d', (c) => `${fmt(g[c]!)} + ${fmt(wd)}·${f(theta[c]!)} = ${fmt(d[c]!)}`);
  if (entry.type === 'sgd') {
    const mu = entry.hyper['momentum'] as number;
    const tau = entry.hyper['dampening'] as number;
    const buf = get('momentum_buffer');
    if (mu === 0) {
      put('step', (c) => `−${fmt(lr)}·${f(d[c]!)} = ${fmt(step[c]!)}`);
      return out;
    }
    put('momentum_buffer', (c) =>
      k === 1
        ? `b₁ = g₁ = ${fmt(at(buf, c, 1))}`
        : `${fmt(mu)}·${f(at(buf, c, k - 1))} + ${tau === 0 ? '' : `${fmt(1 - tau)}·`}${f(d[c]!)} = ${fmt(at(buf, c, k))}`,
    );
    put('step', (c) =>
      entry.hyper['nesterov']
        ? `−${fmt(lr)}·(${fmt(d[c]!)} + ${fmt(mu)}·${f(at(buf, c, k))}) = ${fmt(step[c]!)}`
        : `−${fmt(lr)}·${f(at(buf, c, k))} = ${fmt(step[c]!)}`,
    );
    return out;
  }
  if (entry.type !== 'adam' && entry.type !== 'adamw') return out;
  const [b1, b2] = entry.hyper['betas'] as Vec2;
  const eps = entry.hyper['eps'] as number;
  const m = get('exp_avg');
  const v = get('exp_avg_sq');
  const mHat = get('m_hat');
  const vHat = get('v_hat');
  const lrEff = get('lr_eff');
  const bc1 = at(get('bias_correction1'), 0, k);
  const bc2 = at(get('bias_correction2'), 0, k);
  put(
    'exp_avg',
    (c) => `${fmt(b1)}·${f(at(m, c, k - 1))} + ${fmt(1 - b1)}·${f(d[c]!)} = ${fmt(at(m, c, k))}`,
  );
  put(
    'exp_avg_sq',
    (c) => `${fmt(b2)}·${f(at(v, c, k - 1))} + ${fmt(1 - b2)}·${f(d[c]!)}² = ${fmt(at(v, c, k))}`,
  );
  put('m_hat', (c) => `${f(at(m, c, k))} / ${fmt(bc1)} = ${fmt(at(mHat, c, k))}`);
  put(
    'v_hat',
    (c) =>
      `${fmt(at(entry.hyper['amsgrad'] ? get('max_exp_avg_sq') : v, c, k))} / ${fmt(bc2)} = ${fmt(at(vHat, c, k))}`,
  );
  put(
    'lr_eff',
    (c) => `${fmt(lr)} / (√${fmt(at(vHat, c, k))} + ${fmt(eps)}) = ${fmt(at(lrEff, c, k))}`,
  );
  put('step', (c) => {
    const decay =
      entry.type === 'adamw' && wd !== 0 ? ` − ${fmt(lr)}·${fmt(wd)}·${f(theta[c]!)}` : '';
    return `−${fmt(at(lrEff, c, k))}·${f(at(mHat, c, k))}${decay} = ${fmt(step[c]!)}`;
  });
  return out;
}

/**
 * Every term of step k (1…steps) of the inspected optimizer: the gradient, the rate after the
 * schedule, each piece of the optimizer's own state after the step, the step and the new point.
 */
export function termRows(entry: OptimizerEntry, ins: Inspection, k: number): TermRow[] {
  const sums = arithmetic(entry, ins, k);
  const row = (key: string, label: string, values: number[]): TermRow => {
    const a = sums.get(key);
    return a ? { key, label, values, arithmetic: a } : { key, label, values };
  };
  const wd = (entry.hyper['weight_decay'] as number | undefined) ?? 0;
  const rows: TermRow[] = [
    row('theta_prev', 'θ before the step', [ins.x[k - 1]!, ins.y[k - 1]!]),
    row('grad', 'g = ∇f(θ) (noise included)', [ins.gx[k]!, ins.gy[k]!]),
  ];
  if (sums.has('d')) {
    rows.push(
      row(
        'd',
        'g + λθ (L2 weight decay)',
        [0, 1].map((c) => [ins.gx, ins.gy][c]![k]! + wd * [ins.x, ins.y][c]![k - 1]!),
      ),
    );
  }
  rows.push(row('lr', 'γ, learning rate after the schedule', [ins.lr[k]!]));
  for (const s of ins.state)
    rows.push(
      row(
        s.field.key,
        s.field.label,
        s.values.map((v) => v[k]!),
      ),
    );
  rows.push(row('step', 'step taken Δθ', [ins.sx[k]!, ins.sy[k]!]));
  rows.push(row('theta', 'θ after the step', [ins.x[k]!, ins.y[k]!]));
  return rows;
}
