import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { inspectRun } from '../../src/engine/inspect.ts';
import { optimizers } from '../../src/engine/optimizers/index.ts';
import type { Scene } from '../../src/engine/scene.ts';
import { sceneFromPreset } from '../../src/preset/index.ts';
import { seriesScale } from '../../src/render/chart/seriesChart.ts';
import { createLabStore } from '../../src/state/store.ts';
import { angleBetween, explainStep } from '../../src/ui/inspect/explain.ts';
import { ruleOf, ruleTex } from '../../src/ui/inspect/rules.ts';
import { fmt, termRows } from '../../src/ui/inspect/terms.ts';
import { texNumber } from '../../src/ui/inspect/texNumber.ts';
import { selectedIndex } from '../../src/ui/inspect/useInspection.ts';
import { soloScene } from './support/scene.ts';

const scene = (optimizer: Record<string, unknown>, steps = 20): Scene =>
  soloScene(optimizer, steps);

describe('update rules', () => {
  it('typeset for every optimizer, with its hyperparameters filled in', () => {
    for (const spec of optimizers) {
      const entry = scene({ type: spec.type, weight_decay: 0.01 }).optimizers[0]!;
      const rule = ruleOf(entry);
      expect(rule.rows.length, spec.type).toBeGreaterThan(1);
      expect(rule.notes.length, spec.type).toBeGreaterThan(0);
      // KaTeX throws on anything it cannot typeset.
      expect(() => katex.renderToString(ruleTex(rule), { throwOnError: true })).not.toThrow();
    }
    const adam = ruleOf(scene({ type: 'adam', lr: 0.05 }).optimizers[0]!);
    expect(ruleTex(adam)).toContain('0.05');
    expect(ruleTex(adam)).toContain('10^{-8}');
    expect(adam.notes.join(' ')).toMatch(/outside the square root/);
    expect(ruleOf(scene({ type: 'adamw' }).optimizers[0]!).notes.join(' ')).toMatch(/decouple/);
    expect(ruleOf(scene({ type: 'sgd', momentum: 0.9 }).optimizers[0]!).notes.join(' ')).toMatch(
      /moving average/,
    );
  });

  it('writes numbers for TeX', () => {
    expect(texNumber(1e-8)).toBe('10^{-8}');
    expect(texNumber(-2.5e-6)).toBe('-2.5\\times10^{-6}');
    expect(texNumber(0.999)).toBe('0.999');
  });
});

describe('the step table and the explanation', () => {
  it('Adam step 1: the terms are the engine’s numbers, and the step turns away from −g', () => {
    const sc = scene({ type: 'adam', lr: 0.05 });
    const ins = inspectRun(sc, 0);
    const rows = termRows(sc.optimizers[0]!, ins, 1);
    const byKey = new Map(rows.map((r) => [r.key, r]));
    expect(byKey.get('grad')!.values).toEqual([ins.gx[1], ins.gy[1]]);
    expect(byKey.get('m_hat')!.values).toEqual(
      ins.state.find((s) => s.field.key === 'm_hat')!.values.map((v) => v[1]),
    );
    expect(byKey.get('step')!.values).toEqual([ins.sx[1], ins.sy[1]]);
    // The substituted arithmetic ends in the value shown.
    expect(byKey.get('exp_avg')!.arithmetic![0]).toBe(
      `0.9·0 + 0.1·(${fmt(ins.gx[1]!)}) = ${fmt(0.1 * ins.gx[1]!)}`,
    );
    expect(byKey.get('step')!.arithmetic![1]!.endsWith(`= ${fmt(ins.sy[1]!)}`)).toBe(true);
    const angle = angleBetween(-ins.gx[1]!, -ins.gy[1]!, ins.sx[1]!, ins.sy[1]!);
    const lines = explainStep(sc.optimizers[0]!, ins, 1);
    expect(lines[0]).toBe(`Step 1 points ${Math.round(angle)}° away from −g.`);
    expect(Math.round(angle)).toBe(27);
    expect(lines[1]).toMatch(/sign\(g\) = \(−1, −1\)/);
  });

  it('SGD with momentum: the buffer row shows μ·b + g with the numbers', () => {
    const sc = scene({ type: 'sgd', lr: 5e-4, momentum: 0.9 });
    const ins = inspectRun(sc, 0);
    const b = termRows(sc.optimizers[0]!, ins, 2).find((r) => r.key === 'momentum_buffer')!;
    expect(b.arithmetic![0]).toMatch(/^0\.9·\(−\d/);
    expect(explainStep(sc.optimizers[0]!, ins, 0)[0]).toMatch(/Step 0 is the start/);
  });

  it('every optimizer gets a table whose rows carry its fields', () => {
    for (const spec of optimizers) {
      const sc = scene({ type: spec.type });
      const ins = inspectRun(sc, 0);
      const keys = termRows(sc.optimizers[0]!, ins, 3).map((r) => r.key);
      for (const s of ins.state) expect(keys, spec.type).toContain(s.field.key);
    }
  });
});

describe('series scales and the selection', () => {
  it('takes log where asked and every value is positive, and linear through 0 otherwise', () => {
    const values = Float64Array.from([NaN, 1, 10, 100]);
    expect(seriesScale([{ values, color: '#000' }], 3, 'log').kind).toBe('log');
    const signed = Float64Array.from([NaN, -1, 2]);
    const linear = seriesScale([{ values: signed, color: '#000' }], 2, 'linear');
    expect(linear.kind).toBe('linear');
    expect(linear.t0).toBeLessThan(-1);
    expect(linear.t1).toBeGreaterThan(2);
  });

  it('selects by id; an optimizer removed from the scene selects nothing', () => {
    const store = createLabStore(
      sceneFromPreset({
        v: 1,
        fn: { id: 'rosenbrock' },
        steps: 5,
        optimizers: [{ type: 'sgd' }, { type: 'adam' }],
      }),
    );
    const { optimizers: list, actions } = store.getState();
    expect(selectedIndex(store.getState())).toBe(-1);
    actions.select(list[1]!.id);
    expect(selectedIndex(store.getState())).toBe(1);
    actions.removeOptimizer(list[1]!.id);
    expect(selectedIndex(store.getState())).toBe(-1);
  });
});
