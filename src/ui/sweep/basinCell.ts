import { axisValue } from '../../engine/sweep/index.ts';
import type { Vec2 } from '../../engine/types.ts';
import type { BasinMap } from '../../render/basinCells.ts';
import type { SweepPicture } from '../../render/frame.ts';
import { formatPoint } from '../format.ts';

/** One start of a basin map: its indices on the two axes, its cell number, and the start itself. */
export interface BasinCell {
  readonly i: number;
  readonly j: number;
  readonly cell: number;
  /** The start exactly as the sweep ran it (the cell's centre), so setting it reruns that run. */
  readonly start: Vec2;
}

/** Starts per side of a basin map. */
export const sideOf = (picture: SweepPicture): number => picture.plan.axes[0]!.count;

/** The cell at indices (i, j), clamped onto the grid. */
export function cellOf(picture: SweepPicture, i: number, j: number): BasinCell {
  const n = sideOf(picture);
  const ci = Math.min(n - 1, Math.max(0, i));
  const cj = Math.min(n - 1, Math.max(0, j));
  const [ax, ay] = picture.plan.axes;
  return { i: ci, j: cj, cell: ci * n + cj, start: [axisValue(ax!, ci), axisValue(ay!, cj)] };
}

/** The cell whose square of the map's view holds (x, y), or null outside the map. */
export function cellAt(picture: SweepPicture, x: number, y: number): BasinCell | null {
  const n = sideOf(picture);
  const { view } = picture.scene;
  const i = Math.floor(((x - view.x[0]) / (view.x[1] - view.x[0])) * n);
  const j = Math.floor(((y - view.y[0]) / (view.y[1] - view.y[0])) * n);
  if (!(i >= 0 && i < n && j >= 0 && j < n)) return null;
  return cellOf(picture, i, j);
}

/**
 * What happened from a cell's start, in words: which minimum it reached and in how many steps,
 * where it diverged, or that it never came within tol; or that it is still to be computed.
 */
export function describeCell(
  picture: SweepPicture,
  { cell, start }: BasinCell,
  minima: readonly Vec2[],
  { columns, reading }: BasinMap,
): string {
  const from = `start ${formatPoint(...start)}`;
  if (picture.level[cell] === 0) return `${from} · not computed yet`;
  const e = cell * columns.runs;
  const diverged = columns.divergedAt[e]!;
  if (diverged >= 0) return `${from} → diverged at step ${diverged}`;
  const basin = columns.basin[e]!;
  const end = formatPoint(columns.endX[e]!, columns.endY[e]!);
  if (!reading.known) {
    return basin < 0 ? `${from} → ends at ${end}` : `${from} → end cluster ${basin + 1} at ${end}`;
  }
  const steps = columns.stepsToTol[e]!;
  const minimum = basin >= 0 ? `minimum ${basin + 1} ${formatPoint(...minima[basin]!)}` : '';
  if (steps < 0) return `${from} → not within tol after ${reading.steps} steps (ends at ${end})`;
  return `${from} → ${minimum} in ${steps} step${steps === 1 ? '' : 's'}`;
}

/** Keys that move a focused start by one cell (Shift: eight), in maths orientation. */
const MOVES: Readonly<Record<string, Vec2>> = {
  ArrowLeft: [-1, 0],
  ArrowRight: [1, 0],
  ArrowUp: [0, 1],
  ArrowDown: [0, -1],
};

/**
 * The cell an arrow key moves the start to on a basin map: from the cell holding `start` (the
 * nearest edge cell when it lies outside), one cell that way, eight with Shift; null for other keys.
 */
export function cellStep(
  picture: SweepPicture,
  start: Vec2,
  key: string,
  shift: boolean,
): BasinCell | null {
  const move = MOVES[key];
  if (!move) return null;
  const n = sideOf(picture);
  const { view } = picture.scene;
  const at = (v: number, [lo, hi]: readonly [number, number]) =>
    Math.min(n - 1, Math.max(0, Math.floor(((v - lo) / (hi - lo)) * n)));
  const unit = shift ? 8 : 1;
  return cellOf(
    picture,
    at(start[0], view.x) + move[0] * unit,
    at(start[1], view.y) + move[1] * unit,
  );
}
