import { describe, expect, it } from 'vitest';
import { functions } from '../../src/engine/functions/index.ts';
import { optimizers } from '../../src/engine/optimizers/index.ts';
import type { Phase, Schedule } from '../../src/engine/scene.ts';
import { fillLearningRates, scheduleParams } from '../../src/engine/schedules.ts';
import { numberProblem } from '../../src/preset/schema.ts';
import { MAX_STEPS } from '../../src/preset/limits.ts';
import { formatField, formatShort, notANumber, parseNumber } from '../../src/ui/controls/format.ts';
import { curvePoints, describeRates, rateCurve } from '../../src/ui/controls/lrCurve.ts';
import { sliderModel, type SliderRange } from '../../src/ui/controls/scale.ts';
import { defaultSchedule } from '../../src/ui/controls/scheduleDefaults.ts';
import { crossFieldProblem, findSettings, settingsSteps } from '../../src/ui/controls/select.ts';
import { defaultScene } from '../../src/preset/index.ts';
import { createLabStore } from '../../src/state/store.ts';
import {
  fnParamRange,
  hyperRange,
  scheduleRange,
  sliderRanges,
} from '../../src/ui/controls/sliderRanges.ts';

/** Every value a slider can produce. */
function sliderValues(range: SliderRange): number[] {
  const m = sliderModel(range);
  const out: number[] = [];
  for (let p = m.min; p <= m.max + m.step / 2; p += m.step) out.push(m.fromSlider(p));
  return out;
}

describe('controls: number formatting', () => {
  it('writes field values that read back, hiding float noise only', () => {
    for (const v of [0, 1e-8, 0.001, 0.0001, 0.9, 0.999, 1 / 3, 12345, 2 ** 32 - 1, -2.5, 1e-12]) {
      expect(parseNumber(formatField(v))).toBeCloseTo(v, 6);
    }
    expect(formatField(0.1 + 0.2)).toBe('0.3');
    expect(formatField(1e-8)).toBe('1e-8');
    expect(formatField(4294967295)).toBe('4294967295');
  });

  it('writes short values for labels', () => {
    expect(formatShort(0.01)).toBe('0.01');
    expect(formatShort(0)).toBe('0');
    expect(formatShort(1.23456e-8)).toBe('1.23e-8');
    expect(formatShort(100000)).toBe('100000');
    expect(formatShort(0.0031415)).toBe('0.00314');
  });

  it('reads plain and scientific numbers, and nothing else', () => {
    expect(parseNumber(' 1e-3 ')).toBe(0.001);
    expect(parseNumber('.5')).toBe(0.5);
    expect(parseNumber('\u22122')).toBe(-2);
    for (const bad of ['', ' ', 'abc', '0x10', 'Infinity', '1,5', '1e', '--1']) {
      expect(parseNumber(bad)).toBeNaN();
    }
    expect(notANumber('abc')).toBe('must be a finite number, got "abc"');
  });
});

describe('controls: slider scales', () => {
  const lr: SliderRange = { min: 1e-5, max: 10, scale: 'log', step: 0.02 };

  it('maps a log range end to end, in equal ratios', () => {
    const m = sliderModel(lr);
    expect(m.min).toBe(0);
    expect(m.max).toBe(300);
    expect(m.fromSlider(0)).toBe(1e-5);
    expect(m.fromSlider(300)).toBe(10);
    expect(m.fromSlider(150)).toBe(0.01);
    expect(m.toSlider(0.01)).toBe(150);
    expect(m.toSlider(1e-9)).toBe(0);
    expect(m.toSlider(100)).toBe(300);
  });

  it('round-trips every log position through its (rounded) value', () => {
    for (const range of [lr, sliderRanges['eps']!, sliderRanges['weight_decay']!]) {
      const m = sliderModel(range);
      for (let p = m.min; p <= m.max; p++) expect(m.toSlider(m.fromSlider(p))).toBe(p);
    }
  });

  it('keeps 0 reachable at the left end of a zero log scale', () => {
    const m = sliderModel({ min: 1e-6, max: 1, scale: 'log', step: 0.02, zero: true });
    expect(m.fromSlider(0)).toBe(0);
    expect(m.fromSlider(1)).toBe(1e-6);
    expect(m.toSlider(0)).toBe(0);
    expect(m.toSlider(1e-9)).toBe(1);
    expect(m.fromSlider(m.max)).toBe(1);
  });

  it('spaces 0.9, 0.99, 0.999 and 0.9999 evenly on a 1 − β scale, with 0 at the left end', () => {
    const m = sliderModel(sliderRanges['betas']!);
    const at = [0.9, 0.99, 0.999, 0.9999].map((v) => m.toSlider(v));
    expect(at).toEqual([50, 100, 150, 200]);
    expect(m.max).toBe(200);
    expect(at.map((p) => m.fromSlider(p))).toEqual([0.9, 0.99, 0.999, 0.9999]);
    expect(m.fromSlider(0)).toBe(0);
    expect(m.toSlider(0)).toBe(0);
    expect(m.toSlider(1)).toBe(200);
    expect(m.toSlider(0.999999)).toBe(200);
    expect(m.toSlider(-0.5)).toBe(0);
  });

  it('steps a 1 − β scale by the same ratio of 1 − β everywhere, in clean decimals', () => {
    for (const key of ['betas', 'momentum', 'dampening', 'alpha', 'rho']) {
      const values = sliderValues(sliderRanges[key]!);
      for (let k = 1; k < values.length; k++) {
        const ratio = (1 - values[k - 1]!) / (1 - values[k]!);
        // 0.02 decades a step: 1 − β shrinks by 10^0.02 ≈ 1.047, give or take the rounding.
        expect(ratio, `${key} step ${k}`).toBeGreaterThan(1.03);
        expect(ratio, `${key} step ${k}`).toBeLessThan(1.065);
        expect(String(values[k]).length, `${values[k]}`).toBeLessThanOrEqual(8);
      }
    }
    // One arrow key from Adam's defaults: small moves, not jumps of a whole decade.
    const m = sliderModel(sliderRanges['betas']!);
    expect(m.fromSlider(m.toSlider(0.9) + 1)).toBe(0.9045);
    expect(m.fromSlider(m.toSlider(0.999) - 1)).toBe(0.99895);
  });

  it('round-trips every 1 − β position through its (rounded) value', () => {
    for (const key of ['betas', 'momentum', 'alpha']) {
      const m = sliderModel(sliderRanges[key]!);
      for (let p = m.min; p <= m.max; p++) expect(m.toSlider(m.fromSlider(p))).toBe(p);
    }
  });

  it('steps linear ranges without float noise, and integer ranges in whole numbers', () => {
    const m = sliderModel({ min: 0, max: 0.9999, scale: 'linear', step: 0.0001 });
    expect(m.fromSlider(0.30000000000000004)).toBe(0.3);
    expect(m.fromSlider(0.9999)).toBe(0.9999);
    expect(m.toSlider(2)).toBe(0.9999);
    const steps = sliderValues(sliderRanges['steps']!);
    expect(steps[0]).toBe(10);
    expect(steps.at(-1)).toBe(100_000);
    expect(steps.every(Number.isInteger)).toBe(true);
  });
});

describe('controls: slider ranges stay inside what validation accepts', () => {
  it('for every hyperparameter of every optimizer', () => {
    const seen = new Set<string>();
    for (const o of optimizers) {
      for (const [key, spec] of Object.entries(o.hyper)) {
        const id = `${key} ${JSON.stringify(spec)}`;
        if (spec.kind === 'boolean' || seen.has(id)) continue;
        seen.add(id);
        expect(sliderRanges[key], `${o.type}.${key} has a row`).toBeDefined();
        const range = spec.kind === 'pair' ? spec.range : spec;
        for (const v of sliderValues(hyperRange(key))) expect(numberProblem(v, range)).toBeNull();
      }
    }
  });

  it('for every parameter of every function, and for steps', () => {
    for (const fn of functions) {
      for (const [name, spec] of Object.entries(fn.params)) {
        for (const v of sliderValues(fnParamRange(fn.id, name, spec)))
          expect(numberProblem(v, spec), `${fn.id}.${name} = ${v}`).toBeNull();
      }
    }
    for (const v of sliderValues(sliderRanges['steps']!))
      expect(numberProblem(v, { integer: true, min: 1, max: MAX_STEPS })).toBeNull();
  });

  it('for every schedule parameter', () => {
    for (const [type, params] of Object.entries(scheduleParams)) {
      for (const [name, spec] of Object.entries(params)) {
        for (const v of sliderValues(scheduleRange(type, name)))
          expect(numberProblem(v, spec), `${type}.${name} = ${v}`).toBeNull();
      }
    }
  });
});

describe('controls: schedule defaults', () => {
  const types = Object.keys(scheduleParams) as Schedule['type'][];

  it('fills every parameter with a valid value, for short and long runs', () => {
    for (const steps of [1, 2, 10, 500, MAX_STEPS]) {
      for (const type of types) {
        const schedule = defaultSchedule(type, steps) as unknown as Record<string, unknown>;
        expect(schedule['type']).toBe(type);
        for (const [name, spec] of Object.entries(scheduleParams[type])) {
          const v = schedule[name];
          expect(typeof v, `${type}.${name}`).toBe('number');
          expect(numberProblem(v as number, spec), `${type}.${name} at ${steps}`).toBeNull();
        }
      }
    }
  });

  it('ends cosine at the last step, and carries η_min over', () => {
    expect(defaultSchedule('cosine', 500)).toEqual({ type: 'cosine', T_max: 500, eta_min: 0 });
    const previous: Schedule = { type: 'cosine', T_max: 80, eta_min: 1e-4 };
    expect(defaultSchedule('warmup_cosine', 500, previous)).toMatchObject({
      warmup_steps: 50,
      T_max: 450,
      eta_min: 1e-4,
    });
    const rates = new Float64Array(500);
    fillLearningRates(0.1, defaultSchedule('exponential', 500), rates);
    expect(rates[499]! / 0.1).toBeCloseTo(0.01, 3);
  });
});

describe('controls: learning-rate curve', () => {
  it('describes a curve by its ends and its peak', () => {
    const rates = new Float64Array(500);
    fillLearningRates(0.01, { type: 'cosine', T_max: 500, eta_min: 0 }, rates);
    expect(describeRates(rates)).toMatch(/^learning rate from 0\.01 to 9\.87e-8 over 500 steps$/);
    expect(describeRates(new Float64Array(3).fill(0.1))).toBe(
      'constant learning rate 0.1 over 3 steps',
    );
    expect(describeRates(Float64Array.of(0.1, 0.3, 0.2))).toBe(
      'learning rate from 0.1 to 0.2 over 3 steps, peaking at 0.3',
    );
  });

  it('draws at most two points per column and keeps step drops', () => {
    const n = 100_000;
    const rates = new Float64Array(n);
    fillLearningRates(1, { type: 'step', step_size: 25_000, gamma: 0.1 }, rates);
    const points = curvePoints(rates, 240, 60).split(' ');
    expect(points.length).toBeLessThanOrEqual(481);
    const ys = new Set(points.map((p) => p.split(',')[1]));
    expect([...ys].sort()).toEqual(['0.0', '54.0', '59.4', '59.9']);
    expect(points[0]).toBe('0.0,0.0');
    expect(points.at(-1)).toBe('240.0,59.9');
  });

  it("computes a schedule's curve in a reused buffer, whatever came before", () => {
    const long = rateCurve(0.1, { type: 'exponential', gamma: 0.999 }, 5000, 240, 60);
    expect(long.label).toMatch(/over 5000 steps$/);
    const short = rateCurve(0.01, { type: 'step', step_size: 2, gamma: 0.5 }, 5, 240, 60);
    expect(short.label).toBe('learning rate from 0.01 to 0.0025 over 5 steps');
    expect(short.points).toBe('0.0,0.0 60.0,0.0 120.0,30.0 180.0,30.0 240.0,45.0');
  });

  it('handles short and all-zero runs', () => {
    expect(curvePoints([], 240, 60)).toBe('');
    expect(curvePoints([0.5], 240, 60)).toBe('0,0.0 240,0.0');
    expect(curvePoints([0, 0], 240, 60)).toBe('0.0,60.0 240.0,60.0');
  });
});

describe('controls: the settings of an entry and of its later phases', () => {
  const store = createLabStore(defaultScene());
  const { id } = store.getState().optimizers[0]!;
  const phase = (from: number): Phase => ({
    from,
    type: 'sgd',
    hyper: { lr: 0.01, momentum: 0.9, dampening: 0, nesterov: true, weight_decay: 0 },
    schedule: { type: 'constant' },
  });
  store.getState().actions.setPhases(id, [phase(100), phase(300)]);
  const s = store.getState();

  it('finds the entry’s own settings, or a phase’s', () => {
    expect(findSettings(s, id)).toBe(s.optimizers[0]!.entry);
    expect(findSettings(s, id, 1)).toBe(s.optimizers[0]!.entry.phases![1]);
    expect(findSettings(s, id, 2)).toBeUndefined();
  });

  it('counts the steps each makes: the entry until its first switch, a phase until the next or the end', () => {
    expect(s.steps).toBe(500);
    expect(settingsSteps(s, id)).toBe(100);
    expect(settingsSteps(s, id, 0)).toBe(200);
    expect(settingsSteps(s, id, 1)).toBe(200);
  });

  it('checks a rule spanning hyperparameters on the phase the change is for', () => {
    // The phase runs Nesterov: its momentum may not drop to 0; the entry (plain SGD) may.
    expect(crossFieldProblem(s, id, 'momentum', 0, 1)).toMatch(/nesterov/i);
    expect(crossFieldProblem(s, id, 'momentum', 0.5, 1)).toBeNull();
    expect(crossFieldProblem(s, id, 'momentum', 0)).toBeNull();
  });
});
