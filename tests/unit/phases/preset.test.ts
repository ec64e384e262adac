import { describe, expect, it } from 'vitest';
import { gallery } from '../../../src/gallery/scenes.ts';
import {
  parsePreset,
  readLink,
  salvagePreset,
  sceneFromPreset,
  sceneHash,
  toCompactPreset,
  toPreset,
} from '../../../src/preset/index.ts';

const base = { v: 1, fn: { id: 'rosenbrock' }, steps: 500 };
const withPhases = (phases: unknown) => ({
  ...base,
  optimizers: [
    { type: 'adam', lr: 0.01 },
    { type: 'adam', lr: 0.02, phases },
  ],
});
const errorsOf = (preset: unknown): readonly string[] => {
  const result = parsePreset(preset);
  return result.ok ? [] : result.errors;
};

describe('phases in the preset', () => {
  it('reads each phase as a full optimizer description with defaults filled in', () => {
    const scene = sceneFromPreset(
      withPhases([
        {
          from: 300,
          type: 'sgd',
          lr: 0.01,
          momentum: 0.9,
          schedule: { type: 'cosine', T_max: 200 },
        },
      ]),
    );
    expect(scene.optimizers[0]!.phases).toBeUndefined();
    expect(scene.optimizers[1]!.phases).toEqual([
      {
        from: 300,
        type: 'sgd',
        hyper: { lr: 0.01, momentum: 0.9, dampening: 0, nesterov: false, weight_decay: 0 },
        schedule: { type: 'cosine', T_max: 200, eta_min: 0 },
      },
    ]);
  });

  it.each([
    [[], 'optimizers[1].phases must be a list of 1 to 8 phases, got 0 entries'],
    [{}, 'optimizers[1].phases must be a list of 1 to 8 phases, got {}'],
    [[{ type: 'sgd' }], 'optimizers[1].phases[0].from is required'],
    [
      [{ from: 0, type: 'sgd' }],
      'optimizers[1].phases[0].from must be an integer in [1, 499], got 0',
    ],
    [
      [{ from: 500, type: 'sgd' }],
      'optimizers[1].phases[0].from must be an integer in [1, 499], got 500',
    ],
    [
      [{ from: 1.5, type: 'sgd' }],
      'optimizers[1].phases[0].from must be an integer in [1, 499], got 1.5',
    ],
    [
      [
        { from: 300, type: 'sgd' },
        { from: 300, type: 'adam' },
      ],
      'optimizers[1].phases[1].from must be greater than optimizers[1].phases[0].from (300), got 300',
    ],
    [
      [
        { from: 300, type: 'sgd' },
        { from: 100, type: 'adam' },
      ],
      'optimizers[1].phases[1].from must be greater than optimizers[1].phases[0].from (300), got 100',
    ],
    [[{ from: 10, type: 'sgdd' }], 'optimizers[1].phases[0].type must be one of'],
    [
      [{ from: 10, type: 'sgd', betas: [0.9, 0.9] }],
      'optimizers[1].phases[0]: unknown key "betas"',
    ],
    [[{ from: 10, type: 'sgd', label: 'x' }], 'optimizers[1].phases[0]: unknown key "label"'],
    [
      [{ from: 10, type: 'adam', betas: [1.5, 0.9] }],
      'optimizers[1].phases[0].betas[0] must be in [0, 1)',
    ],
    [[{ from: 10, type: 'sgd', nesterov: true }], 'optimizers[1].phases[0].nesterov is refused'],
    [
      [{ from: 10, type: 'sgd', schedule: { type: 'step' } }],
      'optimizers[1].phases[0].schedule.step_size is required',
    ],
  ])('refuses %j, naming the field', (phases, message) => {
    const errors = errorsOf(withPhases(phases));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain(message);
  });

  it('refuses a phase in a run of one step', () => {
    expect(errorsOf({ ...withPhases([{ from: 1, type: 'sgd' }]), steps: 1 })).toEqual([
      'optimizers[1].phases[0].from cannot be set: a run of 1 step has no room for a phase',
    ]);
  });

  it('round-trips through the full preset, the compact one and a link', () => {
    const scene = sceneFromPreset(
      withPhases([
        { from: 100, type: 'sgd', lr: 0.01, momentum: 0.9 },
        { from: 400, type: 'lion', schedule: { type: 'exponential', gamma: 0.99 } },
      ]),
    );
    expect(sceneFromPreset(toPreset(scene))).toEqual(scene);
    expect(sceneFromPreset(toCompactPreset(scene))).toEqual(scene);
    expect(toCompactPreset(scene)['optimizers']).toEqual([
      { type: 'adam', lr: 0.01 },
      {
        type: 'adam',
        lr: 0.02,
        phases: [
          { from: 100, type: 'sgd', lr: 0.01, momentum: 0.9 },
          { from: 400, type: 'lion', schedule: { type: 'exponential', gamma: 0.99 } },
        ],
      },
    ]);
    const link = readLink(`#${sceneHash(scene)}`);
    expect(link.found && link.scene).toEqual(scene);
  });

  it('writes no phases key for an entry without phases: every older scene keeps its link', () => {
    for (const g of gallery) {
      const scene = sceneFromPreset(g.preset);
      if (scene.optimizers.some((o) => o.phases)) continue;
      expect(JSON.stringify(toCompactPreset(scene))).not.toContain('phases');
      expect(JSON.stringify(toPreset(scene))).not.toContain('phases');
    }
  });

  it('a sweep axis cannot name a phase’s setting, and says which paths it can', () => {
    const errors = errorsOf({
      ...withPhases([{ from: 250, type: 'sgd' }]),
      sweep: {
        view: 'curves',
        curves: {
          axis: { path: 'optimizers[1].phases[0].lr', from: 1e-3, to: 0.1, count: 5, scale: 'log' },
        },
      },
    });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^sweep\.curves\.axis\.path must name a number of the scene/);
  });

  it('a link with bad phases keeps the optimizer and leaves the phases out', () => {
    const salvaged = salvagePreset(withPhases([{ from: 900, type: 'sgd' }]));
    expect(salvaged.defaulted).toBe(false);
    expect(salvaged.scene.optimizers).toHaveLength(2);
    expect(salvaged.scene.optimizers[1]!.phases).toBeUndefined();
    expect(salvaged.problems).toEqual([
      'optimizers[1].phases[0].from must be an integer in [1, 499], got 900 (left out its phases)',
    ]);
  });
});
