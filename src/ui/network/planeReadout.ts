import type { Frame } from '../../render/frame.ts';
import type { LabStore } from '../../state/store.ts';
import type { RunFeed } from '../../workers/runs.ts';
import { formatNumber } from '../format.ts';
import { nearestPoint } from '../landscape/pick.ts';
import type { PlaneHover } from '../landscape/pointer.ts';
import type { NetworkPicture } from './networkPicture.ts';

/**
 * The hover readout over a network's plane: α and β under the pointer and, near a path's point,
 * that run's step, its training loss (test loss when the contours are of it) and how far the point lies off the plane (what the
 * projection hides). Null for a function's scene.
 */
export function planeHover(
  store: LabStore,
  runs: RunFeed,
  picture: NetworkPicture | null,
  frame: Frame,
  px: number,
  py: number,
): PlaneHover | null {
  if (!frame.content.plane) return null;
  const state = store.getState();
  const a = frame.scale.invertX(px);
  const b = frame.scale.invertY(py);
  const where = `α = ${formatNumber(a)}, β = ${formatNumber(b)}`;
  const set = runs.current;
  const near = nearestPoint(set, state.optimizers, state.playback.step, frame.scale, px, py);
  // Only runs of the picture's own scene carry its distances.
  const distance =
    near && picture && set?.scene === picture.scene ? picture.distance(near.run, near.step) : null;
  if (!near || !set || distance === null) return { text: where, step: near?.step ?? null };
  const run = set.runs[near.run]!;
  const label = set.scene.optimizers[near.run]?.label ?? '';
  // The loss the contours show: the point's test loss when they are of the test set.
  const test = picture?.plane.loss === 'test' && run.testF ? run.testF[near.step]! : null;
  const loss =
    test === null
      ? `training loss ${formatNumber(run.f[near.step]!)}`
      : `test loss ${formatNumber(test)}`;
  return {
    text: `${where} · ${label} step ${near.step}: ${loss}, ${formatNumber(distance)} off the plane`,
    step: near.step,
  };
}
