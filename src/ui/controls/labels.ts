import type { Schedule } from '../../engine/scene.ts';

/** Display names of hyperparameters by torch name; others show the torch name. */
const hyperLabels: Readonly<Record<string, string>> = {
  lr: 'Learning rate',
  momentum: 'Momentum',
  dampening: 'Dampening',
  nesterov: 'Nesterov',
  weight_decay: 'Weight decay',
  eps: 'ε (eps)',
  amsgrad: 'AMSGrad',
  alpha: 'α (smoothing)',
  centered: 'Centered',
  rho: 'ρ (rho)',
  lr_decay: 'Learning-rate decay',
  initial_accumulator_value: 'Initial accumulator',
  momentum_decay: 'ψ (momentum decay)',
};

/** The label of a hyperparameter's control. */
export const hyperLabel = (key: string): string => hyperLabels[key] ?? key;

/** The labels of a pair's two sliders (`betas` → β₁, β₂). */
export const pairLabels = (key: string): readonly [string, string] =>
  key === 'betas' ? ['β₁', 'β₂'] : [`${key}[0]`, `${key}[1]`];

/** Schedule types in menu order, with their names. */
export const scheduleNames: Readonly<Record<Schedule['type'], string>> = {
  constant: 'Constant',
  step: 'Step decay',
  exponential: 'Exponential',
  cosine: 'Cosine annealing',
  warmup_cosine: 'Warmup, then cosine',
};

const scheduleParamLabels: Readonly<Record<string, string>> = {
  step_size: 'Step size (steps)',
  gamma: 'γ (factor)',
  T_max: 'T_max (steps)',
  eta_min: 'η_min (lowest lr)',
  warmup_steps: 'Warmup steps',
  start_factor: 'Start factor',
};

/** The label of a schedule parameter's control. */
export const scheduleParamLabel = (name: string): string => scheduleParamLabels[name] ?? name;

/** A control's `data-field` name: the setting's own on an entry, `phases.0.lr` on its first later phase. */
export const phaseField = (phase: number | undefined, name: string): string =>
  phase === undefined ? name : `phases.${phase}.${name}`;
