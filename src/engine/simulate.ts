import { noiseSequence } from './noise.ts';
import type { Scene, SimulateResult } from './scene.ts';
import { Trajectory } from './trajectory.ts';

/** The noise ξ shared by every optimizer of a scene (a fair comparison), or null without noise. */
export const sceneNoise = (scene: Scene): Float64Array | null =>
  scene.noise.sigma > 0 ? noiseSequence(scene.noise.seed, scene.steps) : null;

/** Every optimizer's whole trajectory for a resolved scene. */
export function simulate(scene: Scene): SimulateResult {
  const noise = sceneNoise(scene);
  return {
    runs: scene.optimizers.map((entry) => {
      const t = new Trajectory(scene, entry, noise);
      t.advance(scene.steps);
      return t.toRun();
    }),
  };
}
