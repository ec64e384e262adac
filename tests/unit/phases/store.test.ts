import { describe, expect, it } from 'vitest';
import { withPhase } from '../../../src/engine/phases.ts';
import { sceneFromPreset, toCompactPreset } from '../../../src/preset/index.ts';
import { createLabStore, selectScene } from '../../../src/state/store.ts';

const start = () =>
  createLabStore(
    sceneFromPreset({ v: 1, fn: { id: 'rosenbrock' }, steps: 500, optimizers: [{ type: 'adam' }] }),
  );

describe('phases in the lab', () => {
  it('adds phases in step order, replacing one at the same step, and removes them', () => {
    const store = start();
    const { actions } = store.getState();
    const id = store.getState().optimizers[0]!.id;
    const entry = () => store.getState().optimizers[0]!.entry;
    actions.setPhases(id, withPhase(entry(), 300, 'sgd', { momentum: 0.9 }));
    actions.setPhases(id, withPhase(entry(), 100, 'rmsprop', {}));
    actions.setPhases(id, withPhase(entry(), 300, 'lion', {}));
    expect(entry().phases!.map((p) => [p.from, p.type])).toEqual([
      [100, 'rmsprop'],
      [300, 'lion'],
    ]);
    // The scene the store shows is a valid preset: it reads back the same.
    const scene = selectScene(store.getState());
    expect(sceneFromPreset(toCompactPreset(scene))).toEqual(scene);
    actions.setPhases(id, []);
    expect(entry().phases).toBeUndefined();
  });

  it('drops the phases a shorter run would never reach, keeping the scene valid', () => {
    const store = start();
    const { actions } = store.getState();
    const id = store.getState().optimizers[0]!.id;
    const entry = () => store.getState().optimizers[0]!.entry;
    actions.setPhases(id, [
      ...withPhase(entry(), 100, 'sgd', {}),
      ...withPhase(entry(), 400, 'adam', {}),
    ]);
    actions.setSteps(300);
    expect(entry().phases!.map((p) => p.from)).toEqual([100]);
    actions.setSteps(100);
    expect(entry().phases).toBeUndefined();
    const scene = selectScene(store.getState());
    expect(sceneFromPreset(toCompactPreset(scene))).toEqual(scene);
  });
});
