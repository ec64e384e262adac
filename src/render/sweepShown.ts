import type { SweepView } from '../engine/sweep/types.ts';
import type { Frame, SweepPicture } from './frame.ts';

/**
 * The frame's sweep if the landscape shows it as `view`: the store's open sweep view is `view`,
 * and the newest sweep is one of that view over the same function (an older view's or setting's
 * stands in, where its own view lies, until the new one's first cells arrive); else null.
 */
export function sweepShown(frame: Frame, view: SweepView): SweepPicture | null {
  const { sweep, scene } = frame.content;
  if (!sweep || scene.sweep?.view !== view || sweep.scene.sweep?.view !== view) return null;
  // Fields of a scene are replaced whenever they change, so the same function is the same object.
  return sweep.scene.fn === scene.fn ? sweep : null;
}

/** Cells computed so far: a progressive sweep's picture changes exactly when this count does. */
export function computedCells(level: Uint8Array): number {
  let count = 0;
  for (let c = 0; c < level.length; c++) if (level[c] !== 0) count++;
  return count;
}
