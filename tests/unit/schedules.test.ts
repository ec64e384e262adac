import { describe, expect, it } from 'vitest';
import type { Schedule } from '../../src/engine/scene.ts';
import { fillLearningRates, scheduleParams } from '../../src/engine/schedules.ts';
import { parsePreset } from '../../src/preset/index.ts';

const lrs = (base: number, schedule: Schedule, n: number): number[] => {
  const out = new Float64Array(n);
  fillLearningRates(base, schedule, out);
  return Array.from(out);
};

/** torch's CosineAnnealingLR closed form at `epoch`. */
const cosineAt = (base: number, tMax: number, etaMin: number, epoch: number): number =>
  etaMin + ((base - etaMin) * (1 + Math.cos((Math.PI * epoch) / tMax))) / 2;

describe('fillLearningRates follows torch.optim.lr_scheduler', () => {
  it('a constant schedule is the base rate at every step', () => {
    expect(lrs(0.3, { type: 'constant' }, 4)).toEqual([0.3, 0.3, 0.3, 0.3]);
  });

  it('StepLR multiplies by gamma every step_size steps', () => {
    expect(lrs(1, { type: 'step', step_size: 2, gamma: 0.5 }, 6)).toEqual([
      1, 1, 0.5, 0.5, 0.25, 0.25,
    ]);
    expect(lrs(1, { type: 'step', step_size: 1, gamma: 0.5 }, 3)).toEqual([1, 0.5, 0.25]);
  });

  it('ExponentialLR multiplies every step', () => {
    expect(lrs(1, { type: 'exponential', gamma: 0.5 }, 4)).toEqual([1, 0.5, 0.25, 0.125]);
  });

  it('CosineAnnealingLR follows the closed form and climbs back after T_max (not clamped)', () => {
    const out = lrs(1, { type: 'cosine', T_max: 10, eta_min: 0.1 }, 30);
    out.forEach((lr, t) => expect(lr).toBeCloseTo(cosineAt(1, 10, 0.1, t), 12));
    expect(out[0]).toBe(1);
    expect(out[10]).toBeCloseTo(0.1, 12);
    expect(out[20]).toBeCloseTo(1, 12);
  });

  it('CosineAnnealingLR takes its restart branch at T_max + 1, 3·T_max + 1, … (short periods)', () => {
    // With T_max = 1 or 2 the recursive form would divide by 1 + cos π = 0 at those epochs.
    for (const tMax of [1, 2, 3]) {
      const out = lrs(2, { type: 'cosine', T_max: tMax, eta_min: 0.5 }, 8 * tMax);
      out.forEach((lr, t) =>
        expect(lr, `T_max ${tMax}, epoch ${t}`).toBeCloseTo(cosineAt(2, tMax, 0.5, t), 12),
      );
    }
  });

  it('warmup_cosine ramps linearly, never reaching the base, then uses exactly the base', () => {
    const out = lrs(
      0.1,
      { type: 'warmup_cosine', warmup_steps: 4, start_factor: 0.25, T_max: 4, eta_min: 0 },
      9,
    );
    [0.025, 0.04375, 0.0625, 0.08125].forEach((v, k) => expect(out[k]).toBeCloseTo(v, 15));
    expect(out[4]).toBe(0.1);
    expect(out[6]).toBeCloseTo(0.05, 15);
    expect(out[8]).toBeCloseTo(0, 15);
  });

  it('warmup_cosine with eta_min: the cosine part starts at the base and bottoms out at eta_min', () => {
    const schedule: Schedule = {
      type: 'warmup_cosine',
      warmup_steps: 3,
      start_factor: 0.5,
      T_max: 5,
      eta_min: 0.2,
    };
    const out = lrs(1, schedule, 14);
    // LinearLR: base·(sf + (1 − sf)·k/w).
    [0.5, 2 / 3, 5 / 6].forEach((v, k) => expect(out[k]).toBeCloseTo(v, 15));
    expect(out[3]).toBe(1);
    for (let e = 0; e < 11; e++) expect(out[3 + e]).toBeCloseTo(cosineAt(1, 5, 0.2, e), 12);
    expect(out[8]).toBeCloseTo(0.2, 12);
  });

  it('warmup_cosine shorter than its warmup stops inside the ramp', () => {
    const schedule: Schedule = {
      type: 'warmup_cosine',
      warmup_steps: 4,
      start_factor: 0.25,
      T_max: 4,
      eta_min: 0,
    };
    const full = lrs(0.1, schedule, 9);
    expect(lrs(0.1, schedule, 2)).toEqual(full.slice(0, 2));
    expect(lrs(0.1, schedule, 4)).toEqual(full.slice(0, 4));
    expect(lrs(0.1, schedule, 5)).toEqual(full.slice(0, 5));
  });
});

describe('scheduleParams: the ranges torch accepts, enforced by the preset schema', () => {
  /** The schema's errors for one SGD with this schedule (none when accepted). */
  const errorsFor = (schedule: Record<string, unknown>): readonly string[] => {
    const r = parsePreset({
      v: 1,
      fn: { id: 'booth' },
      steps: 5,
      optimizers: [{ type: 'sgd', schedule }],
    });
    return r.ok ? [] : r.errors;
  };
  const accepted = (schedule: Record<string, unknown>) => expect(errorsFor(schedule)).toEqual([]);
  const refused = (schedule: Record<string, unknown>, key: string, range: string) =>
    expect(errorsFor(schedule).join('\n')).toContain(
      `optimizers[0].schedule.${key} must be ${range}`,
    );

  it('lists exactly the five schedule types with their parameters', () => {
    expect(Object.keys(scheduleParams)).toEqual([
      'constant',
      'step',
      'exponential',
      'cosine',
      'warmup_cosine',
    ]);
    expect(Object.keys(scheduleParams.warmup_cosine)).toEqual([
      'warmup_steps',
      'start_factor',
      'T_max',
      'eta_min',
    ]);
  });

  it('StepLR: step_size an integer ≥ 1; gamma ≥ 0, 0.1 when omitted', () => {
    accepted({ type: 'step', step_size: 1, gamma: 0 });
    refused({ type: 'step', step_size: 0 }, 'step_size', 'an integer ≥ 1');
    refused({ type: 'step', step_size: 2.5 }, 'step_size', 'an integer ≥ 1');
    refused({ type: 'step', step_size: 2, gamma: -0.1 }, 'gamma', '≥ 0');
    expect(errorsFor({ type: 'step' }).join()).toContain('step_size is required');
    expect(scheduleParams.step.gamma!.default).toBe(0.1);
  });

  it('ExponentialLR: gamma ≥ 0 and required', () => {
    accepted({ type: 'exponential', gamma: 0 });
    refused({ type: 'exponential', gamma: -1 }, 'gamma', '≥ 0');
    expect(errorsFor({ type: 'exponential' }).join()).toContain('gamma is required');
  });

  it('CosineAnnealingLR: T_max an integer ≥ 1; eta_min ≥ 0, 0 when omitted', () => {
    accepted({ type: 'cosine', T_max: 1, eta_min: 0 });
    refused({ type: 'cosine', T_max: 0 }, 'T_max', 'an integer ≥ 1');
    refused({ type: 'cosine', T_max: 1.5 }, 'T_max', 'an integer ≥ 1');
    refused({ type: 'cosine', T_max: 3, eta_min: -1e-9 }, 'eta_min', '≥ 0');
    expect(scheduleParams.cosine.eta_min!.default).toBe(0);
  });

  it('warmup_cosine: warmup_steps an integer ≥ 1, start_factor in (0, 1] (1/3 when omitted)', () => {
    const base = { type: 'warmup_cosine', warmup_steps: 1, T_max: 1 };
    accepted({ ...base, start_factor: 1, eta_min: 0 });
    refused({ ...base, warmup_steps: 0 }, 'warmup_steps', 'an integer ≥ 1');
    refused({ ...base, warmup_steps: 1.5 }, 'warmup_steps', 'an integer ≥ 1');
    refused({ ...base, start_factor: 0 }, 'start_factor', 'in (0, 1]');
    refused({ ...base, start_factor: 1.01 }, 'start_factor', 'in (0, 1]');
    refused({ ...base, T_max: 0 }, 'T_max', 'an integer ≥ 1');
    refused({ ...base, eta_min: -1 }, 'eta_min', '≥ 0');
    expect(scheduleParams.warmup_cosine.start_factor!.default).toBe(1 / 3);
    expect(scheduleParams.warmup_cosine.eta_min!.default).toBe(0);
  });
});
