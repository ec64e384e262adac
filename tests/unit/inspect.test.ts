import { describe, expect, it } from 'vitest';
import { inspectRun, type Inspection } from '../../src/engine/inspect.ts';
import { optimizers } from '../../src/engine/optimizers/index.ts';
import { simulate, type Scene } from '../../src/engine/index.ts';
import { sceneFromPreset } from '../../src/preset/index.ts';
import { compareRun, referenceCases } from './reference.ts';
import { soloScene } from './support/scene.ts';

/** The columns of one state field of an inspection, by torch's key. */
const field = (ins: Inspection, key: string): readonly Float64Array[] => {
  const s = ins.state.find((f) => f.field.key === key);
  if (!s) throw new Error(`no field ${key}`);
  return s.values;
};

const scene = (optimizer: Record<string, unknown>, steps = 50, extra = {}): Scene =>
  soloScene(optimizer, steps, extra);

describe('inspectRun agrees with PyTorch (tests/fixtures/reference)', () => {
  for (const c of referenceCases) {
    it(c.name, () => {
      const sc = sceneFromPreset(c.preset);
      const { runs } = simulate(sc);
      c.runs.forEach((expected, i) => {
        const ins = inspectRun(sc, i);
        // The points the trajectory recorded are simulate's, bit for bit.
        expect(ins.x).toEqual(runs[i]!.x);
        expect(ins.y).toEqual(runs[i]!.y);
        // The start plus the cumulative steps taken lands on torch's points.
        let x = ins.x[0]!;
        let y = ins.y[0]!;
        const fn = (k: number) => expected.points[k]![2];
        const points: number[][] = [[x, y, fn(0)]];
        for (let k = 1; k <= ins.steps; k++) {
          x += ins.sx[k]!;
          y += ins.sy[k]!;
          points.push([x, y, runs[i]!.f[k]!]);
        }
        const lrs = ins.lr.slice(1);
        const result = compareRun(
          expected,
          {
            points,
            lrs: runs[i]!.divergedAt === null ? lrs : runs[i]!.lr,
            divergedAt: ins.divergedAt,
          },
          Math.max(c.tolerance, 1e-9),
        );
        expect(result.mismatch, `run ${i}`).toBeNull();
        // ‖g‖ and ‖step‖ are the norms of the recorded vectors.
        expect(ins.gNorm[1]).toBeCloseTo(Math.hypot(ins.gx[1]!, ins.gy[1]!), 12);
        expect(ins.stepNorm[1]).toBeCloseTo(Math.hypot(ins.sx[1]!, ins.sy[1]!), 12);
      });
    });
  }
});

describe('each optimizer reports its own state', () => {
  it('every optimizer declares fields, one of them the effective learning rate', () => {
    for (const spec of optimizers) {
      const hyper = Object.fromEntries(Object.entries(spec.hyper).map(([k, h]) => [k, h.default]));
      const o = spec.create(hyper);
      expect(
        o.fields.filter((f) => f.role === 'lrEff'),
        spec.type,
      ).toHaveLength(1);
      const ins = inspectRun(scene({ type: spec.type, lr: 1e-3 }, 20), 0);
      for (const s of ins.state) {
        expect(s.values, `${spec.type}.${s.field.key}`).toHaveLength(
          s.field.per === 'coordinate' ? 2 : 1,
        );
        for (const column of s.values) expect(column.slice(1).every(Number.isFinite)).toBe(true);
      }
    }
  });

  it('Adam, step 1: m̂ = g, v̂ = g², and the step is −lr·sign(g) up to ε', () => {
    const ins = inspectRun(scene({ type: 'adam', lr: 0.01 }), 0);
    const g = [ins.gx[1]!, ins.gy[1]!];
    const mHat = field(ins, 'm_hat');
    const vHat = field(ins, 'v_hat');
    const step = [ins.sx[1]!, ins.sy[1]!];
    for (const c of [0, 1]) {
      expect(mHat[c]![1]).toBeCloseTo(g[c]!, 12);
      expect(vHat[c]![1]! / g[c]! ** 2).toBeCloseTo(1, 12);
      expect(step[c]).toBeCloseTo(-0.01 * Math.sign(g[c]!), 9);
    }
    // Before step 1 the bias-corrected moments are not defined.
    expect(mHat[0]![0]).toBeNaN();
  });

  it('Adam and AdamW: every step is −lr_eff·m̂ (AdamW plus its decay of p)', () => {
    for (const type of ['adam', 'adamw']) {
      const ins = inspectRun(
        scene({ type, lr: 0.02, weight_decay: type === 'adamw' ? 0.1 : 0 }),
        0,
      );
      const mHat = field(ins, 'm_hat');
      const lrEff = field(ins, 'lr_eff');
      for (let k = 1; k <= ins.steps; k++) {
        const decay = type === 'adamw' ? -0.02 * 0.1 : 0;
        const px = [ins.x[k - 1]!, ins.y[k - 1]!];
        const s = [ins.sx[k]!, ins.sy[k]!];
        for (const c of [0, 1]) {
          const predicted = -lrEff[c]![k]! * mHat[c]![k]! + decay * px[c]!;
          expect(s[c]! - predicted, `${type} step ${k}`).toBeCloseTo(0, 12);
        }
      }
    }
  });

  it('SGD with momentum: b₁ = g₁, then bₜ = μbₜ₋₁ + gₜ and the step is −lr·bₜ', () => {
    const ins = inspectRun(scene({ type: 'sgd', lr: 5e-4, momentum: 0.9 }), 0);
    const b = field(ins, 'momentum_buffer');
    expect(b[0]![1]).toBe(ins.gx[1]);
    expect(b[1]![1]).toBe(ins.gy[1]);
    for (let k = 2; k <= ins.steps; k++) {
      expect(b[0]![k]).toBeCloseTo(0.9 * b[0]![k - 1]! + ins.gx[k]!, 10);
      expect(ins.sx[k]).toBeCloseTo(-5e-4 * b[0]![k]!, 12);
    }
  });

  it('Adagrad: the sum grows by g² each step; RMSprop: v moves towards g² by 1 − α', () => {
    const ada = inspectRun(scene({ type: 'adagrad', lr: 0.1 }), 0);
    const sum = field(ada, 'sum');
    for (let k = 1; k <= ada.steps; k++)
      expect(sum[1]![k]).toBeCloseTo(sum[1]![k - 1]! + ada.gy[k]! ** 2, 8);
    const rms = inspectRun(scene({ type: 'rmsprop', lr: 1e-3 }), 0);
    const v = field(rms, 'square_avg');
    for (let k = 1; k <= rms.steps; k++)
      expect(v[0]![k]).toBeCloseTo(0.99 * v[0]![k - 1]! + 0.01 * rms.gx[k]! ** 2, 8);
  });

  it('Lion moves every coordinate by exactly lr, against the sign of c', () => {
    const ins = inspectRun(scene({ type: 'lion', lr: 1e-3 }), 0);
    const c = field(ins, 'c');
    for (let k = 1; k <= ins.steps; k++)
      expect(ins.sx[k]).toBeCloseTo(-1e-3 * Math.sign(c[0]![k]!), 15);
  });

  it('records the noisy gradient the optimizer saw, and stops where the run diverged', () => {
    const noisy = scene({ type: 'sgd', lr: 1e-3 }, 30, { noise: { sigma: 0.5, seed: 3 } });
    const ins = inspectRun(noisy, 0);
    expect(ins.sx[1]).toBeCloseTo(-1e-3 * ins.gx[1]!, 15);
    const clean = inspectRun(scene({ type: 'sgd', lr: 1e-3 }, 30), 0);
    expect(ins.gx[1]).not.toBe(clean.gx[1]);
    const blown = inspectRun(scene({ type: 'sgd', lr: 0.1 }, 100), 0);
    expect(blown.divergedAt).not.toBeNull();
    expect(blown.x).toHaveLength(blown.divergedAt!);
    expect(blown.sx).toHaveLength(blown.divergedAt!);
  });
});
