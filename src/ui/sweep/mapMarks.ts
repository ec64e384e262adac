import type { Scene } from '../../engine/scene.ts';
import type { Axis } from '../../engine/sweep/types.ts';
import { pathLabel, valueAt } from './axisChoices.ts';

/** The names of a map's two axes, for titles and readouts. */
export const axisNames = (scene: Scene, axes: readonly Axis[]) => ({
  x: pathLabel(scene, axes[0]!.path),
  y: pathLabel(scene, axes[1]!.path),
});

/** The scene's own values of a map's two axes, or null when a path names nothing. */
export function markerOf(scene: Scene, axes: readonly Axis[]): readonly [number, number] | null {
  const x = valueAt(scene, axes[0]!.path);
  const y = valueAt(scene, axes[1]!.path);
  return x === null || y === null ? null : [x, y];
}
