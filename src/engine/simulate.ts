import { noiseSequence } from './noise.ts';
import { builtinObjective } from './objective.ts';
import type { Scene, SimulateResult } from './scene.ts';
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
  objective: Objective = builtinObjective(scene.fn),
): SimulateResult {
  const noise = sceneNoise(scene);
  return {
    runs: scene.optimizers.map((entry) => {
      const t = new Trajectory(scene, entry, noise, objective);
      t.advance(scene.steps);
      return t.toRun();
    }),
  };
}
