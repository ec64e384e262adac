import type { Scene } from '../engine/scene.ts';
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
  return sameFunction(sweep.scene.fn, scene.fn) ? sweep : null;
}

/**
 * True when two scenes' functions are the same: id, typed expression, rows and parameters. By value: a
 * sweep is not recomputed for a function replaced by an equal one, and must still be shown.
 */
export function sameFunction(a: Scene['fn'], b: Scene['fn']): boolean {
  if (a === b) return true;
  if (a.id !== b.id || a.expr !== b.expr || a.rows !== b.rows) return false;
  const keys = Object.keys(a.params);
  return (
    keys.length === Object.keys(b.params).length && keys.every((k) => a.params[k] === b.params[k])
  );
}
