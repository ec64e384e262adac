import { describe, expect, it } from 'vitest';
import { builtinObjective } from '../../src/engine/objective.ts';
import { sceneNoise, simulate } from '../../src/engine/index.ts';
import { sceneFromPreset } from '../../src/preset/index.ts';
import type { RunChunk } from '../../src/workers/runs.ts';
import { Pace, TrajectoryJob } from '../../src/workers/trajectoryJob.ts';

const dataScene = sceneFromPreset({
  v: 1,
  fn: { id: 'sparse_logistic', params: { n: 120, test: 0.25, batch: 8 } },
  steps: 300,
  optimizers: [
    { type: 'sgd', lr: 0.05 },
    { type: 'adam', lr: 0.02 },
    { type: 'adagrad', lr: 0.3, phases: [{ from: 100, type: 'sgd', lr: 0.1 }] },
  ],
});

const noisyScene = sceneFromPreset({
  v: 1,
  fn: { id: 'rosenbrock' },
  steps: 2000,
  noise: { sigma: 0.5, seed: 3 },
  optimizers: [
    { type: 'sgd', lr: 1e-4, momentum: 0.9 },
    { type: 'lion', lr: 1e-3 },
  ],
});

/** A clock that moves `tick` ms at every reading: slices end after a known number of blocks. */
function clock(tick: number): () => number {
  let t = 0;
  return () => (t += tick);
}

function jobOf(scene: typeof dataScene, skip: boolean[], now: () => number) {
  const objective = builtinObjective(scene.fn, scene.noise.seed);
  return new TrajectoryJob(scene, sceneNoise(scene), objective, skip, new Pace(), now);
}

/** Every chunk of the job, slice by slice, until it is done. */
function drain(job: TrajectoryJob, ms: number): RunChunk[][] {
  const slices: RunChunk[][] = [];
  while (!job.done) slices.push(job.slice(ms));
  return slices;
}

/** The runs put together from their chunks, as the page's RunSet does. */
function joined(chunks: RunChunk[], run: number) {
  const mine = chunks.filter((c) => c.run === run);
  const cat = (pick: (c: RunChunk) => Float64Array | undefined) =>
    Float64Array.from(mine.flatMap((c) => [...(pick(c) ?? [])]));
  return {
    x: cat((c) => c.x),
    y: cat((c) => c.y),
    f: cat((c) => c.f),
    testF: cat((c) => c.testF),
    lr: mine[0]!.lr,
    froms: mine.map((c) => c.from),
    done: mine.map((c) => c.done),
  };
}

describe('TrajectoryJob', () => {
  it.each([
    ['a loss made of data, with test losses and phases', dataScene],
    ['a noisy formula', noisyScene],
  ])('streams %s with the bits of simulate()', (_, scene) => {
    const chunks = drain(jobOf(scene, [], clock(0.3)), 2).flat();
    simulate(scene).runs.forEach((run, k) => {
      const got = joined(chunks, k);
      expect(got.x).toEqual(run.x);
      expect(got.y).toEqual(run.y);
      expect(got.f).toEqual(run.f);
      expect(got.testF).toEqual(run.testF ?? new Float64Array(0));
      expect(got.lr).toEqual(run.lr);
      // Chunks follow on from each other, and only the last says done.
      expect(got.done.at(-1)).toBe(true);
      expect(got.done.slice(0, -1).every((d) => !d)).toBe(true);
      const lengths = chunks.filter((c) => c.run === k).map((c) => c.x.length);
      expect(got.froms).toEqual(
        lengths.map((_, i) => lengths.slice(0, i).reduce((a, b) => a + b, 0)),
      );
    });
  });

  it('gives every run points in the first slice, however short', () => {
    // The clock passes the slice's end at its first reading after the start.
    const first = jobOf(dataScene, [], clock(5)).slice(1);
    expect(first.map((c) => c.run)).toEqual([0, 1, 2]);
    for (const c of first) expect(c.x.length).toBeGreaterThan(1);
  });

  it('computes only the runs not skipped', () => {
    const chunks = drain(jobOf(dataScene, [true, false, true], clock(0.3)), 2).flat();
    expect(new Set(chunks.map((c) => c.run))).toEqual(new Set([1]));
  });

  it('sizes blocks to the time left from the measured cost of a step', () => {
    const pace = new Pace();
    expect(pace.stepsFor(1)).toBe(16);
    pace.record(100, 2);
    expect(pace.stepsFor(1)).toBe(50);
    expect(pace.stepsFor(-3)).toBe(1);
    pace.record(4096, 0);
    expect(pace.stepsFor(1)).toBe(4096);
  });
});
