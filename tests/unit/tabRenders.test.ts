import { describe, expect, it } from 'vitest';
import { nextRendered, type Rendered } from '../../src/ui/sweep/useSweepPicture.ts';
import { himmelblauBasins, pictureOf } from './support/sweepPicture.ts';

describe('when a basin or seed tab re-renders', () => {
  it('on a new sweep, on each doubling of its computed cells, and at its end; not per part', () => {
    const scene = himmelblauBasins('adam', 0.1, 32);
    const coarse = pictureOf(scene, 1);
    const level = coarse.level;
    const full = pictureOf(scene, 4);
    let shown: Rendered = { picture: null, cells: 0 };
    shown = nextRendered(shown, coarse);
    expect(shown.picture).toBe(coarse);
    // A part of the same sweep that adds a few cells: the tab keeps what it rendered.
    const partLevel = level.slice();
    partLevel[1] = 2;
    const part = { ...coarse, level: partLevel, computed: coarse.computed + 1 };
    expect(nextRendered(shown, part)).toBe(shown);
    // Twice the cells: rendered.
    const moreLevel = full.level.map((l) => (l <= 2 ? l : 0));
    const more = { ...coarse, level: moreLevel, computed: moreLevel.filter((l) => l > 0).length };
    expect(nextRendered(shown, more).picture).toBe(more);
    // The end always renders; so does another sweep, and none.
    const end = { ...part, done: true };
    expect(nextRendered(shown, end).picture).toBe(end);
    expect(nextRendered(shown, full).picture).toBe(full);
    expect(nextRendered(shown, null).picture).toBeNull();
    // A new sweep with no cells yet keeps the last figures until its first part.
    const fresh = { ...full, level: new Uint8Array(full.level.length), computed: 0, done: false };
    expect(nextRendered(shown, fresh)).toBe(shown);
  });
});
