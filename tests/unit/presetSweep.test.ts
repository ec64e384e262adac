import fc from 'fast-check';
import lz from 'lz-string';
import { describe, expect, it } from 'vitest';
import type { Scene } from '../../src/engine/scene.ts';
import { defaultMapAxes, defaultSweep } from '../../src/engine/sweep/index.ts';
import { gallery } from '../../src/gallery/scenes.ts';
import {
  parsePreset,
  readLink,
  salvagePreset,
  sceneFromPreset,
  sceneHash,
  toCompactPreset,
  toPreset,
} from '../../src/preset/index.ts';
import { arbScene } from './arbitraries.ts';

const base = {
  v: 1,
  fn: { id: 'rosenbrock' },
  steps: 100,
  optimizers: [
    { type: 'sgd', lr: 0.001 },
    { type: 'sgd', lr: 0.001, momentum: 0.9 },
    { type: 'adam', lr: 0.05 },
  ],
};
const baseScene = sceneFromPreset(base);
const withSweep = (sweep: unknown, rest: object = {}) => ({ ...base, ...rest, sweep });

/** Every error of reading `sweep` over the base scene. */
function errorsOf(sweep: unknown, rest: object = {}): readonly string[] {
  const result = parsePreset(withSweep(sweep, rest));
  if (result.ok) throw new Error(`accepted ${JSON.stringify(sweep)}`);
  return result.errors;
}

const linkOf = (json: unknown) =>
  `https://example.org/#s=1.${lz.compressToEncodedURIComponent(JSON.stringify(json))}`;

/** The scene of a link, which must hold one. */
function fromLink(link: string) {
  const result = readLink(link);
  if (!result.found) throw new Error(`no scene in ${link}`);
  return result;
}

describe('the sweep field: what existing presets and links mean', () => {
  it('opens every gallery preset as before: no sweep read, none written', () => {
    // The gallery's sweep scenes (src/gallery/sweeps.ts) carry a sweep on purpose.
    for (const { id, preset } of gallery.filter((g) => !('sweep' in g.preset))) {
      const result = parsePreset(preset);
      expect(result.ok, id).toBe(true);
      const scene = (result as { scene: Scene }).scene;
      expect(Object.hasOwn(scene, 'sweep'), id).toBe(false);
      expect(Object.hasOwn(toPreset(scene), 'sweep'), id).toBe(false);
      expect(Object.hasOwn(toCompactPreset(scene), 'sweep'), id).toBe(false);
      expect(fromLink(`#${sceneHash(scene)}`).scene).toEqual(scene);
    }
  });

  // Links written by the code before the sweep field (main at c99eb5a), with their presets.
  const oldLinks: [preset: object, hash: string][] = [
    [
      { ...base, steps: 500 },
      's=1.N4IgbiBcCMA0IDMB2VQEsAmUQCcD2AzgKZIBG+AxgNYgC+8BALkQA4FQCsADF-Hi4zQBbNAC8iOdpADaoRgE8WRbAQDmWenMXLIINVnhC8QkowCuQqFwB0ATk0gFS7AEMMLy-AA2OK9a4ctAC6tEA',
    ],
    [
      {
        v: 1,
        fn: { id: 'narrow_valley', params: { kappa: 100 } },
        start: [-3.5, 1.5],
        steps: 200,
        noise: { sigma: 0.1, seed: 7 },
        optimizers: [
          { type: 'sgd', lr: 0.019, label: 'plain' },
          { type: 'adamw', lr: 0.01, schedule: { type: 'cosine', T_max: 200 } },
        ],
      },
      's=1.N4IgbiBcCMA0IDMB2VQEsAmURIIYCd8B7AdwH0xcAbKgUwE8R4AHA3AWwGdUQBrXZqyjQADCIC+4+JwAuBGVADaAWgDMAOgCssaFoC60mbWbdIAJjHwkRNJ1o9OaAObtcUEergg7tLJADsUiBEzDJo7GgAXrT4poqgMvTM9pDeTljwVPju6iLQAJyZuABGtFTYzFS4aChSCUkpILgYHCRMIFk5edIAxgAWvgCudDyJydg9RI5I9vAAKmSuAB5QFiLwtHKLNe6SeuJAA',
    ],
    [
      {
        v: 1,
        fn: { id: 'custom', expr: 'x^2 + 3*y^2' },
        view: { x: [-2, 2], y: [-1, 1] },
        steps: 50,
        optimizers: [{ type: 'rmsprop', lr: 0.01, color: '#123456' }],
      },
      's=1.N4IgbiBcCMA0IDMB2VQEsAmUQGMCuAzgC4D2AtiPAKYAeADgE7Y0B6ATAAQDUHAzAFQBPdiAC+8MGioB3VCBpQA2gFo2sNgF14gpcrjQN4kMSp0CUAKwAGeCTpE0ZNAC8qDc5EWgigulWwMZASMdpS4JAA2JEyQIADE0Gy8ACwWAGxihkA',
    ],
  ];

  it('opens links written before the field to the same scene, and writes them the same', () => {
    for (const [preset, hash] of oldLinks) {
      const link = fromLink(`https://example.org/#${hash}`);
      expect(link.problems).toEqual([]);
      expect(link.scene).toEqual(sceneFromPreset(preset));
      expect(Object.hasOwn(link.scene, 'sweep')).toBe(false);
      expect(sceneHash(link.scene)).toBe(hash);
    }
  });
});

describe('the sweep field: defaults', () => {
  it('reads an empty sweep as defaultSweep of the scene read before it', () => {
    expect(sceneFromPreset(withSweep({})).sweep).toEqual(defaultSweep(baseScene));
  });

  it('fills every key left out', () => {
    const sweep = sceneFromPreset(withSweep({ view: 'basins', tol: 0.5 })).sweep;
    expect(sweep).toEqual({ ...defaultSweep(baseScene), view: 'basins', tol: 0.5 });
  });

  it("takes the map's default axes from its optimizer", () => {
    const sweep = sceneFromPreset(withSweep({ map: { optimizer: 2 } })).sweep!;
    expect(sweep.map).toEqual({ axes: defaultMapAxes(baseScene, 2), optimizer: 2 });
    expect(sweep.map.axes.map((a) => a.path)).toEqual([
      'optimizers[2].lr',
      'optimizers[2].betas[0]',
    ]);
  });

  it('adjusts the default axis with an axis that names no path', () => {
    const sweep = sceneFromPreset(withSweep({ map: { axes: [{ count: 8 }, { to: 0.5 }] } })).sweep!;
    const [lr, momentum] = defaultMapAxes(baseScene, 0);
    expect(sweep.map.axes).toEqual([
      { ...lr, count: 8 },
      { ...momentum, to: 0.5 },
    ]);
  });

  it('reads an axis that names its path alone: linear, with the default count', () => {
    const axis = { path: 'start[0]', from: -2, to: 2 };
    const sweep = sceneFromPreset(withSweep({ curves: { axis } })).sweep!;
    expect(sweep.curves.axis).toEqual({ ...axis, count: 31, scale: 'linear' });
  });
});

/** Random valid `sweep` JSON over `scene`: any subset of keys, axes adjusted or standing alone. */
function arbSweep(scene: Scene): fc.Arbitrary<Record<string, unknown>> {
  const n = scene.optimizers.length;
  const optimizer = fc.integer({ min: 0, max: n - 1 });
  const count = fc.integer({ min: 1, max: 64 });
  const standalone = (runs: number | '*') =>
    fc.oneof(
      fc
        .tuple(fc.double({ min: -5, max: 4, noNaN: true }), fc.double({ min: 0.01, max: 3 }))
        .map(([from, w]) => ({ path: 'start[1]', from, to: from + w })),
      fc
        .tuple(fc.integer({ min: 0, max: 1000 }), count)
        .map(([from, c]) => ({ path: 'noise.seed', from, to: from + c - 1, count: c })),
      fc
        .tuple(fc.double({ min: 1e-6, max: 1e-3 }), fc.double({ min: 1e-2, max: 1 }), count)
        .map(([from, to, c]) => ({
          path: `optimizers[${runs}].lr`,
          from,
          to,
          count: c,
          scale: 'log',
        })),
    );
  const adjusted = fc.record({ count }, { requiredKeys: [] });
  const partialOf = <T extends Record<string, fc.Arbitrary<unknown>>>(model: T) =>
    fc.record(model, { requiredKeys: [] });
  return optimizer.chain((mapOptimizer) =>
    partialOf({
      view: fc.constantFrom('map', 'curves', 'basins', 'seeds'),
      map: partialOf({
        optimizer: fc.constant(mapOptimizer),
        axes: fc.tuple(
          fc.oneof(adjusted, standalone(mapOptimizer)),
          fc.oneof(adjusted, standalone(mapOptimizer)),
        ),
      }),
      curves: partialOf({ axis: fc.oneof(adjusted, standalone('*')) }),
      basins: partialOf({ resolution: fc.integer({ min: 8, max: 256 }), optimizer }),
      seeds: partialOf({ count: fc.integer({ min: 1, max: 500 }) }),
      metric: fc.constantFrom('final_loss', 'best_loss', 'steps_to_tol'),
      tol: fc.oneof(fc.constant(0), fc.double({ min: 1e-12, max: 10, noNaN: true })),
    }),
  );
}

/** Random valid scenes with a random valid sweep. */
const arbSweepScene: fc.Arbitrary<Scene> = arbScene(4)
  .chain((scene) => arbSweep(scene).map((sweep) => parsePreset({ ...toPreset(scene), sweep })))
  .filter((r) => r.ok)
  .map((r) => (r as { scene: Scene }).scene);

describe('the sweep field: round trips', () => {
  it('reads back the same scene from toPreset, toCompactPreset and the link', () => {
    fc.assert(
      fc.property(arbSweepScene, (scene) => {
        expect(scene.sweep).toBeDefined();
        expect(sceneFromPreset(JSON.parse(JSON.stringify(toPreset(scene))))).toEqual(scene);
        expect(sceneFromPreset(JSON.parse(JSON.stringify(toCompactPreset(scene))))).toEqual(scene);
        const link = fromLink(`#${sceneHash(scene)}`);
        expect(link.problems).toEqual([]);
        expect(link.scene).toEqual(scene);
      }),
      { numRuns: 300 },
    );
  });

  it('writes an all-default sweep as {} and only what differs otherwise', () => {
    const open = (sweep: object) => toCompactPreset(sceneFromPreset(withSweep(sweep)))['sweep'];
    expect(open({})).toEqual({});
    expect(open({ view: 'map', tol: 1e-4, seeds: { count: 50 } })).toEqual({});
    expect(open({ view: 'seeds', seeds: { count: 20 } })).toEqual({
      view: 'seeds',
      seeds: { count: 20 },
    });
    expect(open({ map: { axes: [{}, { count: 9 }] } })).toEqual({
      map: { axes: [{}, { count: 9 }] },
    });
    expect(open({ curves: { axis: { path: 'start[0]', from: -1, to: 1, count: 31 } } })).toEqual({
      curves: { axis: { path: 'start[0]', from: -1, to: 1 } },
    });
  });

  it('writes the full sweep in toPreset', () => {
    const sweep = toPreset(sceneFromPreset(withSweep({})))['sweep'];
    expect(sweep).toEqual({
      ...defaultSweep(baseScene),
      map: { axes: defaultMapAxes(baseScene, 0), optimizer: 0 },
    });
  });

  it('keeps a link with an open sweep short', () => {
    const scene = sceneFromPreset(withSweep({ view: 'curves' }));
    expect(sceneHash(scene).length - sceneHash(baseScene).length).toBeLessThan(40);
  });
});

describe('the sweep field: every rejection names its field', () => {
  const cases: [string, unknown, string, object?][] = [
    ['not an object', 5, 'sweep must be an object, got 5'],
    ['unknown key', { colour: 1 }, 'sweep: unknown key "colour"'],
    [
      'unknown axis key',
      { map: { axes: [{ speed: 1 }, {}] } },
      'sweep.map.axes[0]: unknown key "speed"',
    ],
    [
      'unknown view',
      { view: 'table' },
      'sweep.view must be one of map, curves, basins, seeds, got "table"',
    ],
    [
      'unknown metric',
      { metric: 'loss' },
      'sweep.metric must be one of final_loss, best_loss, steps_to_tol, got "loss"',
    ],
    ['negative tol', { tol: -1 }, 'sweep.tol must be ≥ 0, got -1'],
    [
      'map optimizer out of range',
      { map: { optimizer: 3 } },
      'sweep.map.optimizer must be an integer in [0, 2], got 3',
    ],
    [
      'basins optimizer out of range',
      { basins: { optimizer: -1 } },
      'sweep.basins.optimizer must be an integer in [0, 2], got -1',
    ],
    [
      'basin resolution',
      { basins: { resolution: 4 } },
      'sweep.basins.resolution must be an integer in [8, 256], got 4',
    ],
    [
      'seed count',
      { seeds: { count: 501 } },
      'sweep.seeds.count must be an integer in [1, 500], got 501',
    ],
    ['axes null', { map: { axes: null } }, 'sweep.map.axes must be a list of 2 axes, got null'],
    ['axis null', { curves: { axis: null } }, 'sweep.curves.axis must be an object, got null'],
    [
      'a default axis that leaves the field',
      {},
      'sweep.map.axes[0].from must be > 0 on a log scale, got 0',
      { optimizers: [{ type: 'sgd', lr: 1e-323 }] },
    ],
    [
      'one map axis',
      { map: { axes: [{}] } },
      'sweep.map.axes must be a list of 2 axes, got 1 axis',
    ],
    [
      'count 0',
      { curves: { axis: { count: 0 } } },
      'sweep.curves.axis.count must be an integer in [1, 256], got 0',
    ],
    [
      'count over the cap',
      { curves: { axis: { count: 257 } } },
      'sweep.curves.axis.count must be an integer in [1, 256], got 257',
    ],
    [
      'inverted range',
      { curves: { axis: { from: 1, to: 1e-3 } } },
      'sweep.curves.axis.to must be greater than from (1), got 0.001',
    ],
    [
      'non-finite range',
      { curves: { axis: { from: Number.NaN } } },
      'sweep.curves.axis.from must be a finite number, got NaN',
    ],
    [
      'infinite range',
      { curves: { axis: { to: Infinity } } },
      'sweep.curves.axis.to must be a finite number, got Infinity',
    ],
    [
      'log through zero',
      { curves: { axis: { from: 0 } } },
      'sweep.curves.axis.from must be > 0 on a log scale, got 0',
    ],
    [
      'a number as text',
      { curves: { axis: { from: '1e-3' } } },
      'sweep.curves.axis.from must be a finite number, got "1e-3"',
    ],
    [
      'unknown path',
      { curves: { axis: { path: 'speed', from: 1, to: 2 } } },
      'sweep.curves.axis.path must name a number of the scene',
    ],
    [
      'path not a text',
      { curves: { axis: { path: 7, from: 1, to: 2 } } },
      'sweep.curves.axis.path must be a text such as "optimizers[0].lr", got 7',
    ],
    [
      'missing from',
      { curves: { axis: { path: 'start[0]', to: 2 } } },
      'sweep.curves.axis.from is required for an axis over "start[0]"',
    ],
    [
      'unknown scale',
      { curves: { axis: { scale: 'ln' } } },
      'sweep.curves.axis.scale must be one of linear, log, got "ln"',
    ],
    [
      'optimizer index out of range',
      { map: { axes: [{ path: 'optimizers[5].lr', from: 0.1, to: 1 }, {}] } },
      'sweep.map.axes[0].path names optimizers[5], but the scene has 3 optimizers',
    ],
    [
      'value outside the field',
      { map: { optimizer: 2, axes: [{}, { to: 1.5 }] } },
      'sweep.map.axes[1].to must be in [0, 1) for optimizers[2].betas[0], got 1.5',
    ],
    [
      'map axis over another optimizer',
      { map: { axes: [{ path: 'optimizers[1].lr', from: 0.1, to: 1 }, {}] } },
      'sweep.map.axes[0].path changes optimizers[1], but the map runs optimizer 0 (sweep.map.optimizer)',
    ],
    [
      'more work than the cap',
      { basins: { resolution: 256 } },
      'sweep.basins needs 65,536 cells × 1 run × 100,000 steps = 6.55e9 optimizer steps; a sweep does at most 2e9',
      { steps: 100_000 },
    ],
  ];
  it.each(cases)('%s', (_, sweep, message, rest) => {
    const errors = errorsOf(sweep, rest);
    expect(
      errors.some((e) => e.startsWith(message)),
      errors.join('\n'),
    ).toBe(true);
  });

  it('refuses hostile values without throwing', () => {
    const hostile = [null, [], 'map', 1e308, { map: null }, { map: { axes: 'x' } }];
    for (const sweep of hostile) expect(parsePreset(withSweep(sweep)).ok).toBe(false);
    const proto = JSON.parse('{"__proto__": {"view": "seeds"}}');
    expect(errorsOf(proto)).toEqual([
      'sweep: unknown key "__proto__" (allowed: view, map, curves, basins, seeds, metric, tol)',
    ]);
  });
});

describe('the sweep field: salvaged from a damaged link', () => {
  it('keeps the rest of the sweep and names what it drops', () => {
    const sweep = {
      view: 'map',
      map: { axes: [{ count: 0 }, { count: 16 }] },
      metric: 'height',
      seeds: { count: 20 },
    };
    const link = fromLink(linkOf(withSweep(sweep)));
    expect(link.defaulted).toBe(false);
    expect(link.scene.optimizers).toEqual(baseScene.optimizers);
    const [lr, momentum] = defaultMapAxes(baseScene, 0);
    expect(link.scene.sweep).toEqual({
      ...defaultSweep(baseScene),
      map: { axes: [lr, { ...momentum, count: 16 }], optimizer: 0 },
      seeds: { count: 20 },
    });
    expect(link.problems).toEqual([
      'sweep.map.axes[0].count must be an integer in [1, 256], got 0 (used the default axis)',
      'sweep.metric must be one of final_loss, best_loss, steps_to_tol, got "height" (used the default)',
    ]);
  });

  it('leaves out a sweep that is not an object, and keeps the scene', () => {
    const link = fromLink(linkOf(withSweep([1, 2])));
    expect(link.defaulted).toBe(false);
    expect(link.scene).toEqual(baseScene);
    expect(link.problems).toEqual(['sweep must be an object, got [1,2] (left the sweep out)']);
  });

  it('ignores and names unknown keys inside the sweep', () => {
    const link = fromLink(linkOf(withSweep({ view: 'curves', curves: { axis: { cont: 3 } } })));
    expect(link.scene.sweep).toEqual({ ...defaultSweep(baseScene), view: 'curves' });
    expect(link.problems).toEqual(['sweep.curves.axis.cont is not a known field (ignored)']);
  });

  it('drops a map optimizer that a dropped optimizer took away', () => {
    const preset = {
      ...base,
      optimizers: [...base.optimizers, { type: 'nosuch' }],
      sweep: { map: { optimizer: 2 }, basins: { optimizer: 3 } },
    };
    const link = fromLink(linkOf(preset));
    expect(link.scene.sweep?.map.optimizer).toBe(2);
    expect(link.scene.sweep?.basins.optimizer).toBe(0);
    expect(link.problems.at(-1)).toBe(
      'sweep.basins.optimizer must be an integer in [0, 2], got 3 (used the default)',
    );
  });

  it('opens the scene whatever JSON the sweep holds', () => {
    const leaf = fc.oneof(
      fc.constantFrom(null, true, 0, -1, 0.5, 1e308, 'map', 'log', 'optimizers[0].lr', '__proto__'),
      fc.double(),
      fc.integer(),
    );
    const value = fc.letrec((tie) => ({
      node: fc.oneof(
        { depthSize: 'small' },
        leaf,
        fc.array(tie('node'), { maxLength: 3 }),
        tie('obj'),
      ),
      obj: fc.dictionary(
        fc.constantFrom(
          'view',
          'map',
          'axes',
          'axis',
          'optimizer',
          'path',
          'from',
          'to',
          'count',
          'scale',
          'curves',
          'basins',
          'resolution',
          'seeds',
          'metric',
          'tol',
          'x',
        ),
        tie('node'),
        { maxKeys: 5 },
      ),
    }));
    fc.assert(
      fc.property(value.obj, (sweep) => {
        const salvaged = salvagePreset(JSON.parse(JSON.stringify(withSweep(sweep))));
        expect(salvaged.defaulted).toBe(false);
        expect(salvaged.scene.optimizers).toEqual(baseScene.optimizers);
        // Whatever was kept is a valid sweep: written out and read strictly, the same scene.
        expect(sceneFromPreset(toPreset(salvaged.scene))).toEqual(salvaged.scene);
      }),
      { numRuns: 400 },
    );
  });
});
