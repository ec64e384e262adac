import { describe, expect, it } from 'vitest';
import { cellScene, defaultSweep, planOf } from '../../src/engine/sweep/index.ts';
import { defaultScene } from '../../src/preset/index.ts';
import { createLabStore } from '../../src/state/store.ts';
import type { CompileClient } from '../../src/workers/compileClient.ts';
import type { CompileResult } from '../../src/workers/compileProtocol.ts';
import type { SweepRequest } from '../../src/workers/sweepClient.ts';
import { defaultNetworkScene } from '../../src/ui/network/networkScene.ts';
import { followSweep, type SweepRunner } from '../../src/ui/useSweep.ts';
import { sweepProblems } from '../../src/workers/sweepInputs.ts';

/** A client that records what it is asked. */
function recorder() {
  const calls: (['run', SweepRequest] | ['refuse', SweepRequest, string] | ['cancel'])[] = [];
  const client: SweepRunner = {
    run: (request) => void calls.push(['run', request]),
    refuse: (request, message) => void calls.push(['refuse', request, message]),
    cancel: () => void calls.push(['cancel']),
  };
  return { calls, client };
}

/** A compiler whose answers the test releases. */
function compiler() {
  const pending: ((result: CompileResult) => void)[] = [];
  const fake = {
    pending,
    compile: (_text: string) => new Promise<CompileResult>((resolve) => pending.push(resolve)),
  };
  // Only `compile` is used: the rest of the client (its worker) stays out of the test.
  return fake as typeof fake & CompileClient;
}

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('followSweep', () => {
  it('runs the open sweep, again only when its results would change, and cancels when it closes', () => {
    const store = createLabStore(defaultScene());
    const { calls, client } = recorder();
    const stop = followSweep(store, compiler(), client);
    expect(calls).toEqual([]);
    const { actions } = store.getState();
    actions.setSweep(defaultSweep(store.getState().scene));
    expect(calls.map((c) => c[0])).toEqual(['run']);
    // Loading a cell of the map writes values the axes override: nothing to recompute.
    const scene = store.getState().scene;
    actions.loadScene(cellScene(scene, planOf(scene).axes, 100));
    actions.setView({ x: [-1, 1], y: [-1, 1] });
    actions.setLabel(store.getState().optimizers[0]!.id, 'renamed');
    expect(calls).toHaveLength(1);
    // Another setting of the mapped optimizer, or the steps, do change every cell.
    actions.setHyper(store.getState().optimizers[0]!.id, 'weight_decay', 0.01);
    actions.setSteps(300);
    expect(calls.map((c) => c[0])).toEqual(['run', 'run', 'run']);
    actions.setSweep(null);
    expect(calls.at(-1)).toEqual(['cancel']);
    stop();
    actions.setSweep(defaultSweep(store.getState().scene));
    expect(calls).toHaveLength(4);
  });

  it('computes nothing while an axis is invalid (the optimizer it names was removed)', () => {
    const store = createLabStore(defaultScene());
    const { calls, client } = recorder();
    followSweep(store, compiler(), client);
    const { actions } = store.getState();
    const sweep = defaultSweep(store.getState().scene);
    actions.setSweep({
      ...sweep,
      map: {
        optimizer: 2,
        axes: [{ ...sweep.map.axes[0], path: 'optimizers[2].lr' }, sweep.map.axes[1]],
      },
    });
    expect(calls.map((c) => c[0])).toEqual(['run']);
    actions.removeOptimizer(store.getState().optimizers[2]!.id);
    expect(calls.map((c) => c[0])).toEqual(['run', 'cancel']);
    actions.setSweep(sweep);
    actions.setSweep({
      ...sweep,
      map: {
        ...sweep.map,
        axes: [{ ...sweep.map.axes[0], path: 'optimizers[7].lr' }, sweep.map.axes[1]],
      },
    });
    expect(calls.map((c) => c[0])).toEqual(['run', 'cancel', 'run', 'cancel']);
  });

  it('computes nothing for a scene that trains a network: its sweep would vary the 2-D function', () => {
    const store = createLabStore(defaultScene());
    const { calls, client } = recorder();
    followSweep(store, compiler(), client);
    const { actions } = store.getState();
    actions.setSweep(defaultSweep(store.getState().scene));
    expect(calls.map((c) => c[0])).toEqual(['run']);
    // A link may carry both (the page offers no sweep for a network, a hand-made link can).
    const scene = store.getState().scene;
    actions.loadScene({ ...defaultNetworkScene(scene), sweep: scene.sweep! });
    expect(store.getState().scene.sweep).toBeDefined();
    expect(sweepProblems(store.getState().scene)).toEqual([
      expect.stringMatching(/^sweep: sweeps vary runs on the 2-D functions/),
    ]);
    expect(calls.map((c) => c[0])).toEqual(['run', 'cancel']);
  });

  it('sends a typed function as compiled source, and a refusal as the message', async () => {
    const store = createLabStore(defaultScene());
    const { calls, client } = recorder();
    const fake = compiler();
    followSweep(store, fake, client);
    const { actions } = store.getState();
    actions.setFunction('custom');
    actions.setSweep(defaultSweep(store.getState().scene));
    expect(calls).toEqual([]);
    fake.pending.shift()!({ ok: true, source: 'return x*x + y*y;' } as CompileResult);
    await flush();
    expect(calls[0]![0]).toBe('run');
    expect((calls[0] as ['run', SweepRequest])[1].objective).toBe('return x*x + y*y;');
    actions.setExpression('sinn(x)');
    // A newer change arrives before the refusal: only the newest answer counts.
    actions.setExpression('x^4');
    fake.pending.shift()!({ ok: false, message: 'unknown function "sinn"' } as CompileResult);
    fake.pending.shift()!({ ok: false, message: 'nope' } as CompileResult);
    await flush();
    expect(calls.slice(1)).toEqual([
      ['refuse', { scene: store.getState().scene }, 'f(x, y): nope'],
    ]);
  });
});
