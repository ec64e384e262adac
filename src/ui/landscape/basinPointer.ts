import type { Frame } from '../../render/frame.ts';
import { basinMap } from '../../render/basinCells.ts';
import { shownBasins } from '../../render/layers/basins.ts';
import type { LabStore } from '../../state/store.ts';
import { cellAt, cellStep, describeCell, type BasinCell } from '../sweep/basinCell.ts';
import type { KeyPress } from './keys.ts';

/** The basin map's cell under maths point (x, y) of the frame, or null (no map, or off it). */
export function basinCellAt(frame: Frame, x: number, y: number): BasinCell | null {
  const picture = shownBasins(frame);
  return picture ? cellAt(picture, x, y) : null;
}

/** The readout of a basin map's cell (see describeCell), or null when no map is shown. */
export function basinReadout(frame: Frame, cell: BasinCell): string | null {
  const picture = shownBasins(frame);
  if (!picture) return null;
  const { minima } = frame.content;
  return describeCell(picture, cell, minima, basinMap(picture, minima.length));
}

/**
 * The basin map's own arrow keys, for keyListener: while a map is shown, an arrow moves the start
 * one cell (Shift: eight) onto that cell's start, and the readout follows it; other keys are left.
 */
export function basinKeys(
  store: LabStore,
  frame: () => Frame | null,
  readout: () => HTMLElement | null,
): (e: KeyPress) => boolean {
  return (e) => {
    const f = frame();
    const picture = f && shownBasins(f);
    const cell = picture && cellStep(picture, store.getState().start, e.key, e.shiftKey);
    if (!f || !cell) return false;
    store.getState().actions.setStart(cell.start);
    const out = readout();
    if (out) out.textContent = basinReadout(f, cell);
    return true;
  };
}
