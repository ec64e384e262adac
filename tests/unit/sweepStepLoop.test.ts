import { describe, expect, it } from 'vitest';
import { functions } from '../../src/engine/functions/index.ts';
import { builtinObjective } from '../../src/engine/objective.ts';
import { simulate } from '../../src/engine/simulate.ts';
import type { Objective } from '../../src/engine/types.ts';
import { getOptimizer, optimizers } from '../../src/engine/optimizers/index.ts';
import { fillLearningRates } from '../../src/engine/schedules.ts';
import { copySource, loopOf, stepLoop } from '../../src/engine/stepLoop.ts';
import { noiseSequence } from '../../src/engine/noise.ts';
import { EVERY_TYPE, sceneOf } from './sweepSupport.ts';

const functionIds = [...functions.map((f) => f.id), 'custom'];

/** The x, y and f columns of the loop's one array of n points each. */
const columnsOf = (all: Float64Array, n: number) =>
  [all.subarray(0, n), all.subarray(n, 2 * n), all.subarray(2 * n)] as const;

/** The loop's contract: g holds the first step's gradient at p, as Trajectory.advance takes it. */
function firstGradient(objective: Objective, p: Float64Array): number[] {
  const g = [NaN, NaN];
  objective.grad(p[0]!, p[1]!, g, 0);
  return g;
}

describe('the step loop of each optimizer type', () => {
  it('is a copy of its own per function in Node (a worker or the command line), not the shared one', () => {
    const loops = functionIds.flatMap((fn) => optimizers.map((o) => loopOf(o.type, fn)));
    expect(new Set(loops).size).toBe(optimizers.length * functionIds.length);
    expect(loops).not.toContain(stepLoop);
    expect(loopOf('no such type', 'rosenbrock')).toBe(stepLoop);
  });

  it('compiles each copy from a text of its own: V8 shares one compiled function among equal texts', () => {
    const sources = functionIds.flatMap((fn) => optimizers.map((o) => copySource(o.type, fn)));
    expect(new Set(sources).size).toBe(optimizers.length * functionIds.length);
    // The loop's own text, renamed per copy (stepLoop_adam_rosenbrock) for V8's traces.
    const body = stepLoop.toString().replace(/^function stepLoop/, '');
    for (const source of sources) expect(source).toContain(body);
  });

  it('computes what the shared loop (the page’s) computes, bit for bit', () => {
    const scene = sceneOf({ optimizers: EVERY_TYPE, steps: 300, noise: { sigma: 0.5, seed: 4 } });
    const objective = builtinObjective(scene.fn);
    const noise = noiseSequence(scene.noise.seed, scene.steps);
    const n = scene.steps + 1;
    for (const entry of scene.optimizers) {
      const lr = new Float64Array(scene.steps);
      fillLearningRates(entry.hyper['lr'] as number, entry.schedule, lr);
      const run = (loop: typeof stepLoop) => {
        const all = new Float64Array(3 * n);
        const cols = columnsOf(all, n);
        cols[0][0] = scene.start[0];
        cols[1][0] = scene.start[1];
        const optimizer = getOptimizer(entry.type)!.create(entry.hyper);
        const p = Float64Array.from(scene.start);
        const end = loop(
          objective,
          optimizer,
          p,
          firstGradient(objective, p),
          lr,
          NaN,
          noise,
          0.5,
          all,
          n,
          0,
          scene.steps,
        );
        return { end, cols };
      };
      const own = run(loopOf(entry.type, scene.fn.id));
      const shared = run(stepLoop);
      expect(own.end).toBe(shared.end);
      for (let c = 0; c < 3; c++) expect(own.cols[c]).toEqual(shared.cols[c]);
    }
  });

  it('steps at a constant rate handed as one number exactly as at the column of that rate', () => {
    const scene = sceneOf({ optimizers: EVERY_TYPE, steps: 200 });
    const objective = builtinObjective(scene.fn);
    const { runs } = simulate(scene);
    const n = scene.steps + 1;
    let constant = 0;
    for (const entry of scene.optimizers) {
      const rate = entry.hyper['lr'] as number;
      const run = (rates: Float64Array | null) => {
        const all = new Float64Array(3 * n);
        const cols = columnsOf(all, n);
        const optimizer = getOptimizer(entry.type)!.create(entry.hyper);
        const p = Float64Array.from(scene.start);
        const loop = loopOf(entry.type, scene.fn.id);
        const end = loop(
          objective,
          optimizer,
          p,
          firstGradient(objective, p),
          rates,
          rate,
          null,
          0,
          all,
          n,
          0,
          scene.steps,
        );
        return { end, cols };
      };
      const byNumber = run(null);
      // Called as its contract says (g holding the first step's gradient), the loop walks
      // simulate()'s path bit for bit where simulate() steps at that constant rate too.
      if (entry.schedule.type === 'constant') {
        const k = scene.optimizers.indexOf(entry);
        expect(byNumber.cols[0].subarray(1)).toEqual(runs[k]!.x.subarray(1));
        expect(byNumber.cols[1].subarray(1)).toEqual(runs[k]!.y.subarray(1));
        constant++;
      }
      const byColumn = run(new Float64Array(scene.steps).fill(rate));
      expect(byNumber.end).toBe(byColumn.end);
      for (let c = 0; c < 3; c++) expect(byNumber.cols[c]).toEqual(byColumn.cols[c]);
      // The rate reaches the rule: at twice the rate the path differs.
      const faster = run(new Float64Array(scene.steps).fill(2 * rate));
      expect(faster.cols[0]).not.toEqual(byNumber.cols[0]);
    }
    // Eight of the twelve entries have no schedule.
    expect(constant).toBe(8);
  });
});
