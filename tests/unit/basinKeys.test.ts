import { describe, expect, it, vi } from 'vitest';
import { createLabStore } from '../../src/state/store.ts';
import { basinKeys } from '../../src/ui/landscape/basinPointer.ts';
import { keyListener } from '../../src/ui/landscape/keys.ts';
import { cellOf } from '../../src/ui/sweep/basinCell.ts';
import { frameOf } from './support/scene.ts';
import { himmelblauBasins, pictureOf } from './support/sweepPicture.ts';

/** A lab showing Himmelblau's basin map, its keys, and where its readout went. */
function lab(view: 'basins' | 'map') {
  const base = himmelblauBasins('adam', 0.1, 16);
  const store = createLabStore({ ...base, sweep: { ...base.sweep!, view } });
  const picture = pictureOf(store.getState().scene);
  const readout = { textContent: '' } as HTMLElement;
  const frame = () => frameOf(store.getState().scene, { sweep: picture });
  const listen = keyListener(
    store,
    basinKeys(store, frame, () => readout),
  );
  const press = (key: string, shiftKey = false) => {
    const e = { key, shiftKey, preventDefault: vi.fn(), stopPropagation: vi.fn() };
    listen(e);
    return e;
  };
  return { store, picture, readout, press };
}

describe('the basin map’s keys', () => {
  it('step the start from cell to cell, onto each cell’s own start, and read the cell out', () => {
    const { store, picture, readout, press } = lab('basins');
    // Himmelblau starts at (0, 0): the corner of cells 8 of 16 on each axis.
    const e = press('ArrowRight');
    expect(store.getState().start).toEqual(cellOf(picture, 9, 8).start);
    expect(e.preventDefault).toHaveBeenCalled();
    expect(readout.textContent).toMatch(/^start \(.+\) → (minimum \d|diverged|not within)/);
    press('ArrowUp', true);
    expect(store.getState().start).toEqual(cellOf(picture, 9, 15).start);
    // Zoom keys still zoom.
    const view = store.getState().view;
    press('+');
    expect(store.getState().view).not.toEqual(view);
  });

  it('leave the arrows to the landscape when no basin map is shown', () => {
    const { store, readout, press } = lab('map');
    press('ArrowRight');
    expect(store.getState().start).toEqual([0.2, 0]);
    expect(readout.textContent).toBe('');
  });
});
