import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { functions } from '../../src/engine/functions/index.ts';
import { optimizers } from '../../src/engine/optimizers/index.ts';
import {
  MAX_OPTIMIZERS,
  MAX_STEPS,
  defaultPreset,
  defaultScene,
  parsePreset,
  parsePresetText,
  sceneFromPreset,
  toPreset,
  PresetError,
} from '../../src/preset/index.ts';

const base = { v: 1, fn: { id: 'rosenbrock' }, steps: 10, optimizers: [{ type: 'adam' }] };

/** The errors of parsing `value` (none when it is valid). */
function errorsOf(value: unknown): readonly string[] {
  const result = parsePreset(value);
  return result.ok ? [] : result.errors;
}

/** The errors for `base` with `patch` merged in (a shallow merge; `undefined` deletes a key). */
function errorsFor(patch: Record<string, unknown>): readonly string[] {
  const preset: Record<string, unknown> = { ...base, ...patch };
  for (const [k, v] of Object.entries(patch)) if (v === undefined) delete preset[k];
  return errorsOf(preset);
}

const optErrors = (opt: Record<string, unknown>): readonly string[] =>
  errorsFor({ optimizers: [opt] });

describe('preset schema: defaults', () => {
  it('fills every default from the function and torch', () => {
    const scene = sceneFromPreset(base);
    expect(scene.view).toEqual({ x: [-2, 2], y: [-1, 3] });
    expect(scene.start).toEqual([-1.5, 2]);
    expect(scene.fn.params).toEqual({ a: 1, b: 100 });
    expect(scene.noise).toEqual({ sigma: 0, seed: 1 });
    expect(scene.optimizers[0]).toEqual({
      type: 'adam',
      hyper: { lr: 1e-3, betas: [0.9, 0.999], eps: 1e-8, weight_decay: 0, amsgrad: false },
      schedule: { type: 'constant' },
      label: 'Adam',
      color: '#0072b2',
    });
  });

  it('names sgd with momentum "Momentum" and with nesterov "Nesterov"', () => {
    const scene = sceneFromPreset({
      ...base,
      optimizers: [
        { type: 'sgd' },
        { type: 'sgd', momentum: 0.9 },
        { type: 'sgd', momentum: 0.9, nesterov: true },
      ],
    });
    expect(scene.optimizers.map((o) => o.label)).toEqual(['SGD', 'Momentum', 'Nesterov']);
    expect(new Set(scene.optimizers.map((o) => o.color)).size).toBe(3);
  });

  it('uses torch defaults for every optimizer, AdamW decaying by 1e-2', () => {
    for (const spec of optimizers) {
      const scene = sceneFromPreset({ ...base, optimizers: [{ type: spec.type }] });
      const hyper = scene.optimizers[0]!.hyper;
      expect(Object.keys(hyper)).toEqual(Object.keys(spec.hyper));
    }
    expect(
      sceneFromPreset({ ...base, optimizers: [{ type: 'adamw' }] }).optimizers[0]!.hyper[
        'weight_decay'
      ],
    ).toBe(1e-2);
    expect(
      sceneFromPreset({ ...base, optimizers: [{ type: 'sgd' }] }).optimizers[0]!.hyper['lr'],
    ).toBe(1e-3);
  });

  it('fills schedule defaults (StepLR gamma 0.1, LinearLR start factor 1/3, eta_min 0)', () => {
    const scene = sceneFromPreset({
      ...base,
      optimizers: [
        { type: 'sgd', schedule: { type: 'step', step_size: 5 } },
        { type: 'sgd', schedule: { type: 'warmup_cosine', warmup_steps: 2, T_max: 8 } },
      ],
    });
    expect(scene.optimizers[0]!.schedule).toEqual({ type: 'step', step_size: 5, gamma: 0.1 });
    expect(scene.optimizers[1]!.schedule).toEqual({
      type: 'warmup_cosine',
      warmup_steps: 2,
      start_factor: 1 / 3,
      T_max: 8,
      eta_min: 0,
    });
  });

  it('the default scene is Rosenbrock with SGD, Momentum and Adam', () => {
    const scene = defaultScene();
    expect(scene.fn.id).toBe('rosenbrock');
    expect(scene.optimizers.map((o) => o.label)).toEqual(['SGD', 'Momentum', 'Adam']);
    expect(parsePreset(defaultPreset).ok).toBe(true);
  });
});

describe('preset schema: every rejection names its field', () => {
  const cases: [string, readonly string[], string][] = [
    ['not an object', errorsOf([1, 2]), 'must be an object, got [1,2]'],
    ['null', errorsOf(null), 'must be an object, got null'],
    ['missing v', errorsFor({ v: undefined }), 'v is required'],
    ['wrong v', errorsFor({ v: '1' }), 'v must be 1, got "1"'],
    ['newer v', errorsFor({ v: 2 }), 'v is 2: this preset comes from a newer Descent Lab'],
    ['unknown top-level key', errorsFor({ speed: 3 }), 'unknown key "speed"'],
    [
      'prototype key',
      errorsOf(JSON.parse('{"__proto__": {"x": 1}, "v": 1}')),
      'unknown key "__proto__"',
    ],
    ['missing fn', errorsFor({ fn: undefined }), 'fn is required'],
    [
      'unknown function',
      errorsFor({ fn: { id: 'banana' } }),
      'fn.id must be a known function id, got "banana"',
    ],
    [
      'prototype function id',
      errorsFor({ fn: { id: 'constructor' } }),
      'fn.id must be a known function id',
    ],
    [
      'custom function without its text',
      errorsFor({ fn: { id: 'custom' } }),
      'fn.expr is required for a custom function',
    ],
    [
      'unknown fn key',
      errorsFor({ fn: { id: 'rosenbrock', colour: 1 } }),
      'fn: unknown key "colour"',
    ],
    [
      'unknown param',
      errorsFor({ fn: { id: 'rosenbrock', params: { c: 1 } } }),
      'fn.params: unknown key "c" (allowed: a, b)',
    ],
    [
      'param out of range',
      errorsFor({ fn: { id: 'rosenbrock', params: { b: -1 } } }),
      'fn.params.b must be in [0, 10000], got -1',
    ],
    [
      'param not a number',
      errorsFor({ fn: { id: 'rosenbrock', params: { a: '1' } } }),
      'fn.params.a must be a finite number, got "1"',
    ],
    ['view not an object', errorsFor({ view: [1, 2] }), 'view must be an object'],
    [
      'view reversed',
      errorsFor({ view: { x: [2, -2], y: [-1, 1] } }),
      'view.x must be [min, max] with min < max, got [2, -2]',
    ],
    [
      'view missing y',
      errorsFor({ view: { x: [-2, 2] } }),
      'view.y must be a pair [a, b], got nothing',
    ],
    [
      'start too far',
      errorsFor({ start: [0, 1e9] }),
      'start[1] must be in [-1000000, 1000000], got 1000000000',
    ],
    ['start not a pair', errorsFor({ start: [0] }), 'start must be a pair [a, b], got [0]'],
    ['missing steps', errorsFor({ steps: undefined }), 'steps is required'],
    [
      'too many steps',
      errorsFor({ steps: MAX_STEPS + 1 }),
      `steps must be an integer in [1, ${MAX_STEPS}], got ${MAX_STEPS + 1}`,
    ],
    [
      'fractional steps',
      errorsFor({ steps: 2.5 }),
      'steps must be an integer in [1, 100000], got 2.5',
    ],
    ['zero steps', errorsFor({ steps: 0 }), 'steps must be an integer in [1, 100000], got 0'],
    [
      'negative sigma',
      errorsFor({ noise: { sigma: -1 } }),
      'noise.sigma must be in [0, 1000000], got -1',
    ],
    [
      'fractional seed',
      errorsFor({ noise: { seed: 1.5 } }),
      'noise.seed must be an integer in [0, 4294967295], got 1.5',
    ],
    ['unknown noise key', errorsFor({ noise: { mu: 1 } }), 'noise: unknown key "mu"'],
    ['missing optimizers', errorsFor({ optimizers: undefined }), 'optimizers is required'],
    [
      'empty optimizers',
      errorsFor({ optimizers: [] }),
      'optimizers must be a list of 1 to 20 optimizers, got 0 entries',
    ],
    [
      'too many optimizers',
      errorsFor({ optimizers: Array(MAX_OPTIMIZERS + 1).fill({ type: 'sgd' }) }),
      `got ${MAX_OPTIMIZERS + 1} entries`,
    ],
    [
      'optimizer not an object',
      errorsFor({ optimizers: ['adam'] }),
      'optimizers[0] must be an object, got "adam"',
    ],
    [
      'unknown optimizer',
      optErrors({ type: 'adamx' }),
      'optimizers[0].type must be one of sgd, adam, adamw, rmsprop, adagrad, adadelta, adamax, nadam, radam, lion, got "adamx"',
    ],
    [
      'unknown hyperparameter',
      optErrors({ type: 'adam', momentum: 0.9 }),
      'optimizers[0]: unknown key "momentum"',
    ],
    ['negative lr', optErrors({ type: 'sgd', lr: -0.1 }), 'optimizers[0].lr must be ≥ 0, got -0.1'],
    [
      'negative eps',
      optErrors({ type: 'adam', eps: -1e-8 }),
      'optimizers[0].eps must be ≥ 0, got -1e-8',
    ],
    [
      'beta of 1',
      optErrors({ type: 'adam', betas: [0.9, 1] }),
      'optimizers[0].betas[1] must be in [0, 1), got 1',
    ],
    [
      'beta of 1.5',
      optErrors({ type: 'lion', betas: [1.5, 0.99] }),
      'optimizers[0].betas[0] must be in [0, 1), got 1.5',
    ],
    [
      'betas not a pair',
      optErrors({ type: 'adam', betas: 0.9 }),
      'optimizers[0].betas must be a pair [a, b], got 0.9',
    ],
    [
      'rho above 1',
      optErrors({ type: 'adadelta', rho: 1.1 }),
      'optimizers[0].rho must be in [0, 1], got 1.1',
    ],
    [
      'boolean as string',
      optErrors({ type: 'adam', amsgrad: 'yes' }),
      'optimizers[0].amsgrad must be true or false, got "yes"',
    ],
    [
      'nesterov without momentum',
      optErrors({ type: 'sgd', nesterov: true }),
      'optimizers[0].nesterov is refused: Nesterov momentum requires a momentum and zero dampening',
    ],
    [
      'nesterov with dampening',
      optErrors({ type: 'sgd', nesterov: true, momentum: 0.9, dampening: 0.1 }),
      'Nesterov momentum requires a momentum and zero dampening',
    ],
    [
      'negative weight decay',
      optErrors({ type: 'adamw', weight_decay: -1 }),
      'optimizers[0].weight_decay must be ≥ 0, got -1',
    ],
    [
      'negative momentum',
      optErrors({ type: 'rmsprop', momentum: -0.5 }),
      'optimizers[0].momentum must be ≥ 0, got -0.5',
    ],
    [
      'negative accumulator',
      optErrors({ type: 'adagrad', initial_accumulator_value: -1 }),
      'optimizers[0].initial_accumulator_value must be ≥ 0',
    ],
    [
      'negative momentum_decay',
      optErrors({ type: 'nadam', momentum_decay: -1 }),
      'optimizers[0].momentum_decay must be ≥ 0',
    ],
    [
      'schedule unknown type',
      optErrors({ type: 'sgd', schedule: { type: 'cyclic' } }),
      'optimizers[0].schedule.type must be one of constant, step, exponential, cosine, warmup_cosine, got "cyclic"',
    ],
    [
      'schedule missing param',
      optErrors({ type: 'sgd', schedule: { type: 'cosine' } }),
      'optimizers[0].schedule.T_max is required for a cosine schedule',
    ],
    [
      'schedule fractional',
      optErrors({ type: 'sgd', schedule: { type: 'step', step_size: 1.5 } }),
      'optimizers[0].schedule.step_size must be an integer ≥ 1, got 1.5',
    ],
    [
      'schedule start factor 0',
      optErrors({
        type: 'sgd',
        schedule: { type: 'warmup_cosine', warmup_steps: 5, T_max: 5, start_factor: 0 },
      }),
      'optimizers[0].schedule.start_factor must be in (0, 1], got 0',
    ],
    [
      'schedule unknown key',
      optErrors({ type: 'sgd', schedule: { type: 'exponential', gamma: 0.9, T_max: 3 } }),
      'optimizers[0].schedule: unknown key "T_max"',
    ],
    [
      'schedule not an object',
      optErrors({ type: 'sgd', schedule: 'cosine' }),
      'optimizers[0].schedule must be an object, got "cosine"',
    ],
    [
      'empty label',
      optErrors({ type: 'sgd', label: ' ' }),
      'optimizers[0].label must be a non-empty text of at most 60 characters',
    ],
    [
      'long label',
      optErrors({ type: 'sgd', label: 'x'.repeat(61) }),
      'optimizers[0].label must be a non-empty text',
    ],
    [
      'bad colour',
      optErrors({ type: 'sgd', color: 'red' }),
      'optimizers[0].color must be a colour like "#0072b2", got "red"',
    ],
    [
      'script in colour',
      optErrors({ type: 'sgd', color: '#fff;background:url(x)' }),
      'optimizers[0].color must be a colour',
    ],
  ];

  for (const [name, errors, message] of cases) {
    it(name, () => {
      expect(errors.join('\n')).toContain(message);
    });
  }

  it('reports every problem at once, each by its path', () => {
    const errors = errorsFor({
      steps: -1,
      optimizers: [
        { type: 'adam', lr: -1 },
        { type: 'adam', betas: [1.5, 0.9] },
      ],
    });
    expect(errors).toEqual([
      'steps must be an integer in [1, 100000], got -1',
      'optimizers[0].lr must be ≥ 0, got -1',
      'optimizers[1].betas[0] must be in [0, 1), got 1.5',
    ]);
  });

  it('malformed JSON text is an error, not an exception', () => {
    const result = parsePresetText('{"v": 1,');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors[0]).toMatch(/^invalid JSON: /);
  });

  it('sceneFromPreset throws a PresetError that lists the problems', () => {
    expect(() => sceneFromPreset({ v: 1 })).toThrow(PresetError);
    expect(() => sceneFromPreset({ v: 1 })).toThrow(/fn is required/);
  });

  it('never throws on arbitrary JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const result = parsePreset(value);
        expect(typeof result.ok).toBe('boolean');
      }),
      { numRuns: 2000 },
    );
  });

  it('never throws on arbitrary objects shaped like presets', () => {
    const anything = fc.anything({
      withObjectString: true,
      withNullPrototype: true,
      withBigInt: true,
    });
    const preset = fc.record(
      {
        v: fc.oneof(fc.constant(1), anything),
        fn: fc.oneof(
          fc.record({ id: fc.constantFrom(...functions.map((f) => f.id)), params: anything }),
          anything,
        ),
        steps: anything,
        optimizers: fc.array(
          fc.oneof(
            fc.record({
              type: fc.constantFrom('sgd', 'adam', 'lion'),
              lr: anything,
              betas: anything,
              schedule: anything,
            }),
            anything,
          ),
          { maxLength: 3 },
        ),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(preset, (value) => {
        expect(typeof parsePreset(value).ok).toBe('boolean');
      }),
      { numRuns: 2000 },
    );
  });
});

describe('preset round trip', () => {
  /** Random valid presets: every function, every optimizer, random in-range values. */
  const arbPreset = fc
    .record({
      fn: fc.constantFrom(...functions),
      steps: fc.integer({ min: 1, max: 200 }),
      sigma: fc.double({ min: 0, max: 5, noNaN: true }),
      seed: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
      types: fc.array(fc.constantFrom(...optimizers.map((o) => o.type)), {
        minLength: 1,
        maxLength: 5,
      }),
      lr: fc.double({ min: 0, max: 10, noNaN: true }),
      beta: fc.double({ min: 0, max: 0.999, noNaN: true }),
    })
    .map(({ fn, steps, sigma, seed, types, lr, beta }) => ({
      v: 1,
      fn: { id: fn.id },
      steps,
      noise: { sigma, seed },
      optimizers: types.map((type, i) =>
        type === 'sgd' || type === 'rmsprop' || type === 'adagrad' || type === 'adadelta'
          ? { type, lr, schedule: i % 2 ? { type: 'cosine', T_max: steps } : undefined }
          : { type, lr, betas: [beta, beta] },
      ),
    }));

  it('toPreset(scene) parses back to the same scene', () => {
    fc.assert(
      fc.property(arbPreset, (preset) => {
        const json = JSON.parse(JSON.stringify(preset));
        const scene = sceneFromPreset(json);
        const again = sceneFromPreset(JSON.parse(JSON.stringify(toPreset(scene))));
        expect(again).toEqual(scene);
      }),
      { numRuns: 300 },
    );
  });
});
