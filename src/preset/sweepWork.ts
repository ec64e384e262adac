import { MAX_SWEEP_CELLS, MAX_SWEEP_WORK } from './limits.ts';

/**
 * An integer with thousands separators, 65,536. Not toLocaleString: that loads ICU's locale data,
 * which costs the command line's startup more than all its own code.
 */
export const grouped = (n: number): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/**
 * Why a sweep of `cells` cells, each running `runs` optimizers for `steps` steps, is too large
 * (the message follows the field's name), or null when it is within the caps.
 */
export function workProblem(cells: number, runs: number, steps: number): string | null {
  if (cells > MAX_SWEEP_CELLS)
    return `has ${grouped(cells)} cells; a sweep has at most ${grouped(MAX_SWEEP_CELLS)}`;
  const work = cells * runs * steps;
  if (work <= MAX_SWEEP_WORK) return null;
  const run = runs === 1 ? 'run' : 'runs';
  return (
    `needs ${grouped(cells)} cells × ${runs} ${run} × ${grouped(steps)} steps = ` +
    `${work.toExponential(2)} optimizer steps; a sweep does at most ${MAX_SWEEP_WORK.toExponential(0)} ` +
    '(use fewer values or steps)'
  );
}
