import { describe, expect, it } from 'vitest';
import { getFunction } from '../../src/engine/functions/index.ts';
import { simulate } from '../../src/engine/simulate.ts';
import { cellScene } from '../../src/engine/sweep/index.ts';
import { readingOf } from '../../src/render/basinCells.ts';
import { cellAt, cellOf, cellStep, describeCell } from '../../src/ui/sweep/basinCell.ts';
import { himmelblauBasins, pictureOf } from './support/sweepPicture.ts';

const picture = pictureOf(himmelblauBasins('adam', 0.1, 16));
const minima = getFunction('himmelblau')!.minima({});
const map = { columns: picture.columns, reading: readingOf(200, true), count: 4 };

describe('a basin map’s cells, for the readout and the start', () => {
  it('give each cell the very start its run began from, so setting it reruns that run', () => {
    for (const [i, j] of [
      [0, 0],
      [3, 11],
      [15, 15],
      [7, 2],
    ] as const) {
      const cell = cellOf(picture, i, j);
      const scene = cellScene(picture.scene, picture.plan.axes, cell.cell);
      expect(cell.start).toEqual(scene.start);
      // The scene with that start runs exactly the cell's run.
      const [run] = simulate({ ...picture.scene, sweep: undefined, start: cell.start }).runs;
      const e = cell.cell * picture.columns.runs;
      expect(run!.x.at(-1)).toBe(picture.columns.endX[e]);
    }
  });

  it('find the cell whose square holds a point, and none off the map', () => {
    // Himmelblau's view is [−5, 5]²: 16 cells of 0.625 each way.
    expect(cellAt(picture, -5, -5)).toMatchObject({ i: 0, j: 0, cell: 0 });
    expect(cellAt(picture, 4.99, -4.99)).toMatchObject({ i: 15, j: 0, cell: 15 * 16 });
    expect(cellAt(picture, 0.1, 0.7)).toMatchObject({ i: 8, j: 9 });
    expect(cellAt(picture, 5.01, 0)).toBeNull();
    expect(cellAt(picture, 0, -5.2)).toBeNull();
  });

  it('step one cell per arrow key, eight with Shift, clamped to the map', () => {
    const start = cellOf(picture, 4, 4).start;
    expect(cellStep(picture, start, 'ArrowRight', false)).toMatchObject({ i: 5, j: 4 });
    expect(cellStep(picture, start, 'ArrowUp', false)).toMatchObject({ i: 4, j: 5 });
    expect(cellStep(picture, start, 'ArrowDown', true)).toMatchObject({ i: 4, j: 0 });
    expect(cellStep(picture, start, 'ArrowLeft', true)).toMatchObject({ i: 0, j: 4 });
    // A start off the map steps from the nearest edge cell.
    expect(cellStep(picture, [40, 0], 'ArrowLeft', false)).toMatchObject({ i: 14 });
    expect(cellStep(picture, start, 'Enter', false)).toBeNull();
  });

  it('say where a start went: which minimum in how many steps, divergence, or no tol', () => {
    const cell = cellAt(picture, 2.9, 2.1)!;
    const e = cell.cell;
    const text = describeCell(picture, cell, minima, map);
    expect(text).toMatch(/^start \(.+\) → minimum 1 \(3, 2\) in \d+ steps?$/);
    expect(text).toContain(`in ${picture.columns.stepsToTol[e]} step`);
    const diverged = { ...picture.columns, divergedAt: picture.columns.divergedAt.map(() => 7) };
    expect(describeCell(picture, cell, minima, { ...map, columns: diverged })).toMatch(
      /→ diverged at step 7$/,
    );
    const never = { ...picture.columns, stepsToTol: picture.columns.stepsToTol.map(() => -1) };
    expect(describeCell(picture, cell, minima, { ...map, columns: never })).toMatch(
      /→ not within tol after 200 steps \(ends at \(.+\)\)$/,
    );
    const pending = { ...picture, level: new Uint8Array(picture.level.length) };
    expect(describeCell(pending, cell, minima, map)).toMatch(/not computed yet$/);
  });
});
