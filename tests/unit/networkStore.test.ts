import { describe, expect, it } from 'vitest';
import { sameTrajectories } from '../../src/engine/scene.ts';
import { defaultSweep } from '../../src/engine/sweep/defaults.ts';
import { defaultScene, toPreset } from '../../src/preset/index.ts';
import { createLabStore, selectScene } from '../../src/state/store.ts';
import {
  batchProblem,
  defaultNetworkScene,
  readHidden,
  withData,
} from '../../src/ui/network/networkScene.ts';

describe('a network scene in the store', () => {
  it('keeps the network a link brings, in its scene and its preset', () => {
    const scene = defaultNetworkScene(defaultScene());
    const store = createLabStore(scene);
    expect(store.getState().network).toBe(scene.network);
    expect(selectScene(store.getState())).toEqual(scene);
    expect(toPreset(selectScene(store.getState()))).toMatchObject({
      network: { data: 'circle', hidden: [8, 8] },
    });
  });

  it('a new network is a new scene with other runs; none closes the network and its sweep stays closed', () => {
    const store = createLabStore(defaultScene());
    store.getState().actions.setSweep(defaultSweep(defaultScene()));
    expect(selectScene(store.getState()).sweep).toBeDefined();
    const before = selectScene(store.getState());
    const network = defaultNetworkScene(defaultScene()).network!;
    store.getState().actions.setNetwork(network);
    const after = selectScene(store.getState());
    expect(after.network).toBe(network);
    expect(after.sweep).toBeUndefined();
    expect(sameTrajectories(before, after)).toBe(false);
    store.getState().actions.setNetwork(withData(network, 'plane'));
    expect(selectScene(store.getState()).network).toMatchObject({
      data: 'plane',
      head: 'regression',
    });
    store.getState().actions.setNetwork(null);
    expect(selectScene(store.getState())).not.toHaveProperty('network');
  });
});

describe('what the network controls accept', () => {
  const network = defaultNetworkScene(defaultScene()).network!;

  it('hidden layers as typed, or what is wrong with them, naming the field', () => {
    expect(readHidden(network, ' 16, 8 ')).toEqual({ hidden: [16, 8] });
    expect(readHidden(network, '16 8 4')).toEqual({ hidden: [16, 8, 4] });
    expect(readHidden(network, '8, 8, 8, 8')).toEqual({
      problem: 'network.hidden must list 1 to 3 hidden layers',
    });
    expect(readHidden(network, '')).toEqual({
      problem: 'network.hidden must list 1 to 3 hidden layers',
    });
    expect(readHidden(network, '8, x')).toEqual({
      problem: 'network.hidden layer 2 must have 1 to 32 units (an integer)',
    });
  });

  it('a batch size within the training examples', () => {
    expect(batchProblem(network, 32)).toBeNull();
    expect(batchProblem(network, 376)).toBe(
      'network.params.batch must be at most the 375 training examples',
    );
    expect(batchProblem(network, 2.5)).toBe('network.params.batch must be an integer ≥ 1');
  });
});
