import { describe, expect, it } from 'vitest';
import {
  MAX_OPTIMIZERS,
  defaultScene,
  parsePreset,
  sceneFromPreset,
  toPreset,
} from '../../src/preset/index.ts';
import { createLabStore, selectScene } from '../../src/state/store.ts';

const fresh = () => createLabStore(defaultScene());

describe('lab store', () => {
  it('holds the default scene, and selectScene gives it back as a valid preset', () => {
    const store = fresh();
    const scene = selectScene(store.getState());
    expect(scene).toEqual(defaultScene());
    expect(parsePreset(JSON.parse(JSON.stringify(toPreset(scene)))).ok).toBe(true);
  });

  it('selectScene keeps its identity until the scene changes, and hiding does not change it', () => {
    const store = fresh();
    const a = selectScene(store.getState());
    store.getState().actions.setHoverStep(3);
    expect(selectScene(store.getState())).toBe(a);
    store.getState().actions.toggleHidden(store.getState().optimizers[0]!.id);
    expect(selectScene(store.getState())).toBe(a);
    store.getState().actions.setStart([0, 0]);
    expect(selectScene(store.getState())).not.toBe(a);
  });

  it('keeps the scene current through outside setState calls too, in the same update', () => {
    const store = fresh();
    const seen: unknown[] = [];
    store.subscribe((s) => seen.push(selectScene(s).start));
    store.setState({ start: [0.5, 0.25] });
    expect(seen).toEqual([[0.5, 0.25]]);
    // Writing a scene of its own does not stick: the scene always follows the fields.
    store.setState({ scene: defaultScene() });
    expect(selectScene(store.getState()).start).toEqual([0.5, 0.25]);
  });

  it('gives two stores their own ids and their own scene, however their calls interleave', () => {
    const a = fresh();
    const b = fresh();
    const ids = (store: typeof a) => store.getState().optimizers.map((o) => o.id);
    expect(ids(b)).toEqual(ids(a));
    a.getState().actions.addOptimizer('adam');
    b.getState().actions.addOptimizer('adam');
    expect(ids(b)).toEqual(ids(a));
    const sceneA = selectScene(a.getState());
    const sceneB = selectScene(b.getState());
    expect(sceneB).not.toBe(sceneA);
    b.getState().actions.setStart([0, 0]);
    expect(selectScene(b.getState())).not.toBe(sceneB);
    expect(selectScene(a.getState())).toBe(sceneA);
    expect(selectScene(b.getState())).toBe(selectScene(b.getState()));
    expect(selectScene(a.getState())).toBe(sceneA);
  });

  it('switching function resets its parameters, view and start', () => {
    const store = fresh();
    const { actions } = store.getState();
    actions.setFnParam('b', 5);
    actions.setFunction('narrow_valley');
    const s = store.getState();
    expect(s.fn).toEqual({ id: 'narrow_valley', params: { kappa: 20, angle: 0 } });
    expect(s.start).toEqual([-3, 1.5]);
    actions.setFunction('no_such_function');
    expect(store.getState().fn.id).toBe('narrow_valley');
  });

  it('switches to a typed function with its own view and start, and edits its text', () => {
    const store = fresh();
    const { actions } = store.getState();
    actions.setFunction('custom');
    let s = store.getState();
    expect(s.fn).toEqual({ id: 'custom', params: {}, expr: 'sin(x) * cos(y) + 0.1 * (x^2 + y^2)' });
    expect(s.view).toEqual({ x: [-3, 3], y: [-3, 3] });
    expect(s.start).toEqual([-2, 2]);
    actions.setExpression('x^2 + y^2');
    actions.setView({ x: [0, 1], y: [0, 1] });
    actions.resetView();
    s = store.getState();
    expect(s.fn.expr).toBe('x^2 + y^2');
    expect(s.view).toEqual({ x: [-3, 3], y: [-3, 3] });
    expect(parsePreset(toPreset(selectScene(s))).ok).toBe(true);
    // Text is for typed functions only.
    actions.setFunction('booth');
    actions.setExpression('x');
    expect(store.getState().fn).toEqual({ id: 'booth', params: {} });
  });

  it('keeps the typed function when another is picked, so switching back restores it', () => {
    const store = fresh();
    const { actions } = store.getState();
    actions.setFunction('custom');
    actions.setExpression('abs(x) + y^2');
    actions.setFunction('rosenbrock');
    actions.setFunction('custom');
    expect(store.getState().fn.expr).toBe('abs(x) + y^2');
    // A loaded scene's typed function becomes the one to come back to.
    actions.loadScene(
      sceneFromPreset({
        v: 1,
        fn: { id: 'custom', expr: 'x^4 + y^2' },
        steps: 5,
        optimizers: [{ type: 'sgd' }],
      }),
    );
    actions.setFunction('booth');
    actions.setFunction('custom');
    expect(store.getState().fn.expr).toBe('x^4 + y^2');
  });

  it('adds named settings with torch defaults and a colour not yet used', () => {
    const store = fresh();
    expect(store.getState().actions.addOptimizer('nesterov')).toBe(true);
    const added = store.getState().optimizers.at(-1)!.entry;
    expect(added.type).toBe('sgd');
    expect(added.hyper).toEqual({
      lr: 1e-3,
      momentum: 0.9,
      dampening: 0,
      nesterov: true,
      weight_decay: 0,
    });
    expect(added.label).toBe('Nesterov');
    const colours = store.getState().optimizers.map((o) => o.entry.color);
    expect(new Set(colours).size).toBe(colours.length);
    expect(parsePreset(toPreset(selectScene(store.getState()))).ok).toBe(true);
  });

  it('caps the number of optimizers', () => {
    const store = fresh();
    while (store.getState().actions.addOptimizer('adam'));
    expect(store.getState().optimizers).toHaveLength(MAX_OPTIMIZERS);
    expect(store.getState().actions.duplicateOptimizer(store.getState().optimizers[0]!.id)).toBe(
      false,
    );
  });

  it('duplicates next to the original with its settings, and never removes the last one', () => {
    const store = fresh();
    const { actions } = store.getState();
    const adam = store.getState().optimizers[2]!;
    actions.setHyper(adam.id, 'lr', 0.2);
    actions.duplicateOptimizer(adam.id);
    const list = store.getState().optimizers;
    expect(list).toHaveLength(4);
    expect(list[3]!.entry.hyper['lr']).toBe(0.2);
    expect(list[3]!.entry.label).toBe('Adam (copy)');
    expect(list[3]!.id).not.toBe(adam.id);
    for (const o of list.slice(1)) actions.removeOptimizer(o.id);
    actions.removeOptimizer(list[0]!.id);
    expect(store.getState().optimizers).toHaveLength(1);
  });

  it('changes one optimizer without touching the others', () => {
    const store = fresh();
    const [a, b] = store.getState().optimizers;
    store.getState().actions.setHyper(a!.id, 'lr', 0.5);
    store.getState().actions.setSchedule(a!.id, { type: 'exponential', gamma: 0.9 });
    store.getState().actions.setLabel(a!.id, 'Fast');
    const [a2, b2] = store.getState().optimizers;
    expect(a2!.entry.hyper['lr']).toBe(0.5);
    expect(a2!.entry.schedule).toEqual({ type: 'exponential', gamma: 0.9 });
    expect(a2!.entry.label).toBe('Fast');
    expect(b2).toBe(b);
  });

  it('changes one later phase of an optimizer, leaving its own settings and other phases as they were', () => {
    const store = fresh();
    const [a] = store.getState().optimizers;
    const { actions } = store.getState();
    const phase = (from: number, lr: number) => ({
      from,
      type: 'sgd',
      hyper: { lr, momentum: 0.9, dampening: 0, nesterov: false, weight_decay: 0 },
      schedule: { type: 'constant' } as const,
    });
    actions.setPhases(a!.id, [phase(100, 0.01), phase(300, 0.001)]);
    const before = store.getState().optimizers[0]!.entry;
    actions.setHyper(a!.id, 'momentum', 0.5, 1);
    actions.setSchedule(a!.id, { type: 'exponential', gamma: 0.99 }, 1);
    const after = store.getState().optimizers[0]!.entry;
    expect(after.hyper).toBe(before.hyper);
    expect(after.schedule).toBe(before.schedule);
    expect(after.phases![0]).toBe(before.phases![0]);
    expect(after.phases![1]).toEqual({
      ...phase(300, 0.001),
      hyper: { ...phase(300, 0.001).hyper, momentum: 0.5 },
      schedule: { type: 'exponential', gamma: 0.99 },
    });
    // The scene the workers get runs the phase with its new settings.
    expect(selectScene(store.getState()).optimizers[0]!.phases![1]!.hyper['momentum']).toBe(0.5);
  });

  it('plays from the start when at the end, seeks within [0, steps] and pauses', () => {
    const store = fresh();
    const { actions } = store.getState();
    expect(store.getState().playback.step).toBe(500);
    actions.play();
    expect(store.getState().playback).toMatchObject({ playing: true, step: 0 });
    actions.seek(9999);
    expect(store.getState().playback).toMatchObject({ playing: false, step: 500 });
    actions.seek(-3);
    expect(store.getState().playback.step).toBe(0);
  });

  it('keeps a cursor at the end at the end when steps change', () => {
    const store = fresh();
    store.getState().actions.setSteps(800);
    expect(store.getState().playback.step).toBe(800);
    store.getState().actions.seek(100);
    store.getState().actions.setSteps(50);
    expect(store.getState().playback.step).toBe(50);
  });

  it('a cosine schedule spanning the run follows a change of steps; others stay', () => {
    const store = fresh();
    const [a, b, c] = store.getState().optimizers;
    const { actions } = store.getState();
    actions.setSchedule(a!.id, { type: 'cosine', T_max: 500, eta_min: 0 });
    actions.setSchedule(b!.id, { type: 'cosine', T_max: 200, eta_min: 0 });
    actions.setSchedule(c!.id, {
      type: 'warmup_cosine',
      warmup_steps: 50,
      start_factor: 0.1,
      T_max: 450,
      eta_min: 0,
    });
    actions.setSteps(1000);
    const [a2, b2, c2] = store.getState().optimizers;
    expect(a2!.entry.schedule).toEqual({ type: 'cosine', T_max: 1000, eta_min: 0 });
    expect(b2!.entry.schedule).toEqual({ type: 'cosine', T_max: 200, eta_min: 0 });
    expect(c2!.entry.schedule).toMatchObject({ warmup_steps: 50, T_max: 950 });
  });

  it('starts at step 0 when asked to animate the first race', () => {
    const store = createLabStore(defaultScene(), { animate: true });
    expect(store.getState().playback).toMatchObject({ playing: true, step: 0 });
  });
});
