import { noiseSequence } from './noise.ts';
import { builtinObjective } from './objective.ts';
import type { Run, Scene, SimulateResult } from './scene.ts';
import { Trajectory } from './trajectory.ts';
import type { Objective } from './types.ts';

/** The noise ξ shared by every optimizer of a scene (a fair comparison), or null without noise. */
export const sceneNoise = (scene: Scene): Float64Array | null =>
  scene.noise.sigma > 0 ? noiseSequence(scene.noise.seed, scene.steps) : null;

/**
 * Every optimizer's whole trajectory for a resolved scene; a typed function's compiled `objective`
 * runs through the same code as a built-in.
 */
export function simulate(
  scene: Scene,
  objective: Objective = builtinObjective(scene.fn, scene.noise.seed),
): SimulateResult {
  return { runs: [...eachRun(scene, objective)] };
}

/**
 * The same runs one at a time, each computed only when asked for: a consumer that writes them out
 * holds one run in memory, not the whole scene.
 */
export function* eachRun(
  scene: Scene,
  objective: Objective = builtinObjective(scene.fn, scene.noise.seed),
): Generator<Run, void, undefined> {
  const noise = sceneNoise(scene);
  for (const entry of scene.optimizers) {
    const t = new Trajectory(scene, entry, noise, objective);
    t.advance(scene.steps);
    yield t.toRun();
  }
}
