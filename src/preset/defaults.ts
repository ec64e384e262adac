import type { Scene } from '../engine/scene.ts';
import { parsePreset } from './schema.ts';

/** The scene a newcomer sees: SGD, Momentum and Adam in Rosenbrock's valley. */
export const defaultPreset = {
  v: 1,
  fn: { id: 'rosenbrock' },
  start: [-1.5, 2],
  steps: 500,
  optimizers: [
    { type: 'sgd', lr: 0.001 },
    { type: 'sgd', lr: 0.001, momentum: 0.9 },
    { type: 'adam', lr: 0.05 },
  ],
} as const;

/** The default scene, resolved. */
export function defaultScene(): Scene {
  const result = parsePreset(defaultPreset);
  if (!result.ok) throw new Error(`the default preset is invalid: ${result.errors.join('; ')}`);
  return result.scene;
}
