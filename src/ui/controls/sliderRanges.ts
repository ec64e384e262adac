import { getFunction } from '../../engine/functions/index.ts';
import type { ParamSpec } from '../../engine/types.ts';
import type { SliderRange } from './scale.ts';

const linear = (min: number, max: number, step: number): SliderRange => ({
  min,
  max,
  scale: 'linear',
  step,
});
const log = (min: number, max: number, step = 0.02): SliderRange => ({
  min,
  max,
  scale: 'log',
  step,
});
/** A slider even in log10(1 − value): 0.9, 0.99, 0.999 … evenly spaced, 0 at the left end. */
const complementLog = (min: number, max: number, step = 0.02): SliderRange => ({
  min,
  max,
  scale: 'complementLog',
  step,
});
/** A log slider whose leftmost position is exactly 0 (weight decay, η_min, …). */
const logZero = (min: number, max: number, step = 0.02): SliderRange => ({
  ...log(min, max, step),
  zero: true,
});
const integerLog = (min: number, max: number): SliderRange => ({
  ...log(min, max, 0.01),
  integer: true,
});

/**
 * Every slider's reach: a UI choice, not validation. Typed values are checked against the engine's
 * tables (torch's ranges) and may go beyond a slider's ends. Keys: a hyperparameter's torch name;
 * `steps`, `sigma`; `schedule.<name>` or `schedule.<type>.<name>`; `fn.<function id>.<name>`.
 */
export const sliderRanges: Readonly<Record<string, SliderRange>> = {
  lr: log(1e-5, 10),
  eps: log(1e-12, 1e-1, 0.05),
  weight_decay: logZero(1e-6, 1),
  momentum: complementLog(0, 0.999),
  dampening: complementLog(0, 0.999),
  alpha: complementLog(0, 0.9999),
  rho: complementLog(0, 0.9999),
  betas: complementLog(0, 0.9999),
  lr_decay: logZero(1e-6, 1),
  initial_accumulator_value: logZero(1e-4, 10),
  momentum_decay: logZero(1e-5, 1),

  steps: integerLog(10, 100_000),
  sigma: linear(0, 5, 0.01),

  'schedule.step_size': integerLog(1, 100_000),
  'schedule.step.gamma': linear(0, 1, 0.01),
  'schedule.exponential.gamma': linear(0.9, 1, 0.0001),
  'schedule.T_max': integerLog(1, 100_000),
  'schedule.warmup_steps': integerLog(1, 100_000),
  'schedule.start_factor': linear(0.01, 1, 0.01),
  'schedule.eta_min': logZero(1e-6, 1),

  'fn.rosenbrock.a': linear(-10, 10, 0.1),
  'fn.rosenbrock.b': { ...logZero(0.1, 10_000), step: 0.01 },
  'fn.narrow_valley.kappa': log(1, 1000, 0.01),
  'fn.narrow_valley.angle': linear(-90, 90, 1),
  'fn.saddle.a': linear(0, 10, 0.05),
  'fn.saddle.b': linear(0.1, 10, 0.05),
  'fn.rastrigin.A': linear(0, 50, 0.5),
};

/** Data models' shared parameters (engine/data/models.ts): counts on log sliders, seeds by one. */
const dataSliders: Readonly<Record<string, SliderRange>> = {
  n: integerLog(2, 10_000),
  batch: integerLog(1, 10_000),
  test: linear(0, 0.9, 0.01),
  seed: linear(0, 100, 1),
  order: linear(0, 100, 1),
};

/** The slider of a hyperparameter; an unknown one gets 0…1. */
export const hyperRange = (key: string): SliderRange => sliderRanges[key] ?? linear(0, 1, 0.001);

/** The slider of a schedule parameter. */
export const scheduleRange = (type: string, name: string): SliderRange =>
  sliderRanges[`schedule.${type}.${name}`] ??
  sliderRanges[`schedule.${name}`] ??
  linear(0, 1, 0.001);

/** The slider of a function parameter; without a row, linear over its whole range. */
export const fnParamRange = (fnId: string, name: string, spec: ParamSpec): SliderRange =>
  sliderRanges[`fn.${fnId}.${name}`] ??
  (getFunction(fnId)?.data !== undefined ? dataSliders[name] : undefined) ??
  linear(spec.min, spec.max, (spec.max - spec.min) / 200);
