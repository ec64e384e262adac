import { describe, expect, it } from 'vitest';
import { defaultSweep } from '../../src/engine/sweep/defaults.ts';
import { defaultScene } from '../../src/preset/index.ts';
import { createLabStore } from '../../src/state/store.ts';
import { initialView, openedBy, type ViewId } from '../../src/ui/layout/openView.ts';
import { defaultNetworkScene } from '../../src/ui/network/networkScene.ts';

/** A store of the default scene, and every view its changes open, in order. */
function watch() {
  const store = createLabStore(defaultScene());
  const opened: ViewId[] = [];
  store.subscribe((next, prev) => {
    const view = openedBy(next, prev);
    if (view !== null) opened.push(view);
  });
  return { store, actions: store.getState().actions, opened };
}

describe('the view that opens above the controls', () => {
  it('opens the inspector when an optimizer is chosen, and again for another one', () => {
    const { store, actions, opened } = watch();
    const [a, b] = store.getState().optimizers.map((o) => o.id);
    actions.select(a!);
    actions.select(a!);
    actions.select(b!);
    actions.select(null);
    expect(opened).toEqual(['inspect', 'inspect']);
  });

  it('opens the sweeps when a sweep opens, not while it changes or when it closes', () => {
    const { actions, opened } = watch();
    const scene = defaultScene();
    actions.setSweep(defaultSweep(scene));
    actions.setSweep(defaultSweep(scene, 'basins'));
    actions.setSweep(null);
    actions.setSweep(defaultSweep(scene, 'seeds'));
    expect(opened).toEqual(['sweeps', 'sweeps']);
  });

  it('opens nothing for the changes of a live lab: playback, hover, sliders, the view', () => {
    const { store, actions, opened } = watch();
    actions.seek(10);
    actions.setHoverStep(3);
    actions.setStart([0.5, 0.5]);
    actions.resetView();
    actions.toggleHidden(store.getState().optimizers[0]!.id);
    expect(opened).toEqual([]);
  });

  it('starts on a linked sweep, else on the inspected optimizer, else on none', () => {
    const sweep = defaultSweep(defaultScene());
    expect(initialView({ selected: null, sweep: null, network: null })).toBeNull();
    expect(initialView({ selected: 2, sweep: null, network: null })).toBe('inspect');
    expect(initialView({ selected: 2, sweep, network: null })).toBe('sweeps');
  });

  it('a network scene starts on its decision boundaries, and opens them when it appears', () => {
    const network = defaultNetworkScene(defaultScene()).network!;
    expect(initialView({ selected: 2, sweep: null, network })).toBe('boundaries');
    const { store, actions, opened } = watch();
    actions.setNetwork(network);
    // Its scene has no inspector: choosing a run (a legend entry) opens nothing.
    actions.select(store.getState().optimizers[0]!.id);
    actions.setNetwork(null);
    actions.select(store.getState().optimizers[1]!.id);
    expect(opened).toEqual(['boundaries', 'inspect']);
  });
});
