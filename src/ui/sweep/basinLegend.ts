import type { SweepPicture } from '../../render/frame.ts';
import { basinMap, basinTally, type BasinMap, type BasinTally } from '../../render/basinCells.ts';
import { basinColour } from '../../render/basinColours.ts';

/** What the basin tab's legend lists: the map read, and where its computed starts went. */
export interface BasinLegend extends BasinMap {
  readonly tally: BasinTally;
}

/** The legend of a sweep's picture (run `run` of every cell) for `known` known minima. */
export function basinLegend(picture: SweepPicture, known: number, run = 0): BasinLegend {
  const map = basinMap(picture, known);
  return { ...map, tally: basinTally(map.columns, picture.level, map.count, map.reading, run) };
}

/** The CSS colours of minimum k's lightness ramp, fastest first, `stops` of them. */
export const rampColours = (k: number, stops = 8): string[] =>
  Array.from({ length: stops }, (_, s) => basinColour(k, (s + 0.5) / stops));

/** Step counts to name along a ramp: 0, 10, 100, … and the run's last step. */
export function rampSteps(steps: number): number[] {
  const ticks = [0];
  for (let k = 10; k < steps * 0.7; k *= 10) ticks.push(k);
  ticks.push(steps);
  return ticks;
}

/** A share as a whole percentage ("37%"), or "<1%" for a few; "0%" for none. */
export const percent = (count: number, total: number): string => {
  if (total === 0 || count === 0) return '0%';
  const p = (100 * count) / total;
  return p < 1 ? '<1%' : `${Math.round(p)}%`;
};
