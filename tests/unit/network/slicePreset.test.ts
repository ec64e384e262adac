import lz from 'lz-string';
import { describe, expect, it } from 'vitest';
import {
  parsePreset,
  readLink,
  sceneFromPreset,
  sceneHash,
  toCompactPreset,
  toPreset,
} from '../../../src/preset/index.ts';
import { createLabStore, selectScene } from '../../../src/state/store.ts';

const base = {
  v: 1,
  fn: { id: 'rosenbrock' },
  steps: 20,
  optimizers: [
    { type: 'sgd', lr: 0.1, label: 'SGD' },
    { type: 'adam', lr: 0.01, label: 'Adam' },
    { type: 'rmsprop', lr: 0.01, label: 'RMSprop' },
  ],
};
const network = { data: 'spiral', params: { n: 120, batch: 12 }, hidden: [6, 6] };
const withSlice = (slice: unknown) => ({ ...base, network: { ...network, slice } });

/** The messages a preset with this `network.slice` gets, or [] when it reads. */
const problems = (slice: unknown, net: object = network): readonly string[] => {
  const r = parsePreset({ ...base, network: { ...net, slice } });
  return r.ok ? [] : r.errors;
};

describe('the preset field `network.slice`', () => {
  it('is optional: a network without it (every existing link) reads and writes as before', () => {
    const scene = sceneFromPreset({ ...base, network });
    expect(scene.network).not.toHaveProperty('slice');
    expect(toPreset(scene)['network']).not.toHaveProperty('slice');
    expect(toCompactPreset(scene)['network']).not.toHaveProperty('slice');
    // Spelling out the default means the same scene as leaving it out.
    for (const slice of [{}, { plane: 'pca' }, { plane: 'pca', run: 0, loss: 'train' }]) {
      expect(sceneFromPreset(withSlice(slice))).toEqual(scene);
    }
  });

  it('fills its defaults and round-trips through the full and compact presets and a link', () => {
    const random = sceneFromPreset(withSlice({ plane: 'random', run: 2 }));
    expect(random.network!.slice).toEqual({ plane: 'random', run: 2, loss: 'train' });
    expect(toPreset(random)['network']).toMatchObject({
      slice: { plane: 'random', run: 2, loss: 'train' },
    });
    expect(toCompactPreset(random)['network']).toMatchObject({
      slice: { plane: 'random', run: 2 },
    });
    const test = sceneFromPreset(withSlice({ loss: 'test' }));
    expect(test.network!.slice).toEqual({ plane: 'pca', run: 0, loss: 'test' });
    expect(toCompactPreset(test)['network']).toMatchObject({ slice: { loss: 'test' } });
    for (const scene of [random, test]) {
      expect(sceneFromPreset(toPreset(scene))).toEqual(scene);
      expect(sceneFromPreset(toCompactPreset(scene))).toEqual(scene);
      const link = readLink(`https://lab.example/#${sceneHash(scene)}`);
      expect(link.found && link.problems, JSON.stringify(link)).toEqual([]);
      expect(link.found && link.scene).toEqual(scene);
    }
  });

  it('refuses bad values with a message naming the field', () => {
    const cases: [unknown, string][] = [
      ['random', 'network.slice must be an object, got "random"'],
      [{ plane: 'line' }, 'network.slice.plane must be one of pca, random, got "line"'],
      [{ plane: 'random', run: 3 }, 'network.slice.run must be an integer in [0, 2], got 3'],
      [{ plane: 'random', run: 1.5 }, 'network.slice.run must be an integer'],
      [{ run: -1 }, 'network.slice.run must be an integer in [0, 2], got -1'],
      [{ loss: 'validation' }, 'network.slice.loss must be one of train, test, got "validation"'],
      [{ seed: 2 }, 'network.slice: unknown key "seed" (allowed: plane, run, loss)'],
    ];
    for (const [slice, message] of cases) {
      const errors = problems(slice);
      expect(
        errors.some((e) => e.includes(message)),
        `${JSON.stringify(slice)}: ${errors.join('; ')}`,
      ).toBe(true);
    }
    const noTest = { ...network, params: { ...network.params, test: 0 } };
    expect(problems({ loss: 'test' }, noTest)).toEqual([
      'network.slice.loss is "test" but the data set has no test split ' +
        '(network.params.test gives no test example)',
    ]);
    expect(problems({ loss: 'train' }, noTest)).toEqual([]);
  });

  it('a link with a bad slice still opens: the bad part falls back to its default, and says so', () => {
    const json = JSON.stringify(withSlice({ plane: 'random', run: 9 }));
    const bad = readLink(`#s=1.${lz.compressToEncodedURIComponent(json)}`);
    if (!bad.found) return expect(bad.found).toBe(true);
    expect(bad.problems.join(' ')).toMatch(/network\.slice\.run/);
    expect(bad.scene.network!.slice).toEqual({ plane: 'random', run: 0, loss: 'train' });
  });
});

describe('the store keeps a random plane on its run', () => {
  it('through a duplicate and removals, and back to the first run once its run is gone', () => {
    const store = createLabStore(sceneFromPreset(withSlice({ plane: 'random', run: 1 })));
    const { actions } = store.getState();
    const id = (k: number) => store.getState().optimizers[k]!.id;
    const slice = () => selectScene(store.getState()).network!.slice;
    actions.duplicateOptimizer(id(0));
    expect(slice()).toEqual({ plane: 'random', run: 2, loss: 'train' });
    expect(selectScene(store.getState()).optimizers[2]!.label).toBe('Adam');
    actions.removeOptimizer(id(0));
    expect(slice()).toEqual({ plane: 'random', run: 1, loss: 'train' });
    actions.removeOptimizer(id(2));
    expect(slice()).toEqual({ plane: 'random', run: 1, loss: 'train' });
    actions.removeOptimizer(id(1));
    expect(slice()).toEqual({ plane: 'random', run: 0, loss: 'train' });
    // Every scene the store makes reads back as itself.
    const scene = selectScene(store.getState());
    expect(sceneFromPreset(toPreset(scene))).toEqual(scene);
  });
});
