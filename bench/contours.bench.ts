/**
 * Contour field speed (`npx tsx bench/contours.bench.ts`): computeField (sampling, bands and
 * marching-squares iso-lines) against the old approach (sampling, then d3-contour's polygons) for
 * Rosenbrock with 24 levels. Each round runs both, alternating which goes first so machine noise
 * hits both; medians are printed, and the 512² figure is held against the 30 ms target.
 */
import { contours } from 'd3-contour';
import { computeField, logLevels, sampleGrid } from '../src/engine/field.ts';
import { rosenbrock } from '../src/engine/functions/index.ts';
import type { Box, Objective } from '../src/engine/types.ts';

const LEVELS = 24;
const TARGET_MS = 30;
const SIZES = [128, 256, 512, 1024] as const;
const ROUNDS: Record<number, number> = { 128: 15, 256: 11, 512: 9, 1024: 5 };

const objective = rosenbrock.create({ a: 1, b: 100 });
const view: Box = rosenbrock.view;

/** The previous field: the same samples and levels, traced by d3-contour into polygons. */
function d3Field(f: Objective, box: Box, n: number, levelCount: number): number {
  const values = sampleGrid(f, box, n);
  let fmin = Infinity;
  let fmax = -Infinity;
  for (const v of values) {
    if (!Number.isFinite(v)) continue;
    fmin = Math.min(fmin, v);
    fmax = Math.max(fmax, v);
  }
  const thresholds = Array.from(logLevels(fmin, fmax, levelCount));
  const polygons = contours().size([n, n]).thresholds(thresholds)(values as unknown as number[]);
  return polygons.length;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

const time = (run: () => unknown): number => {
  const t0 = performance.now();
  run();
  return performance.now() - t0;
};

// Warm both paths up so the first size does not pay for compilation.
for (let k = 0; k < 3; k++) {
  computeField(objective, view, 256, LEVELS);
  d3Field(objective, view, 128, LEVELS);
}

const rows: string[] = [];
let verdict = '';
for (const n of SIZES) {
  const ours: number[] = [];
  const theirs: number[] = [];
  for (let round = 0; round < ROUNDS[n]!; round++) {
    if (round % 2 === 0) {
      ours.push(time(() => computeField(objective, view, n, LEVELS)));
      theirs.push(time(() => d3Field(objective, view, n, LEVELS)));
    } else {
      theirs.push(time(() => d3Field(objective, view, n, LEVELS)));
      ours.push(time(() => computeField(objective, view, n, LEVELS)));
    }
  }
  const a = median(ours);
  const b = median(theirs);
  const size = `${n}²`.padStart(6);
  const mark = n === 512 ? (a <= TARGET_MS ? '  ✓ ≤ 30 ms' : '  ✗ > 30 ms') : '';
  rows.push(
    `${size}  ${a.toFixed(1).padStart(8)}  ${b.toFixed(1).padStart(9)}  ${(b / a).toFixed(1).padStart(6)}×${mark}`,
  );
  if (n === 512) verdict = a <= TARGET_MS ? 'PASS' : 'FAIL';
}

console.log(
  `Rosenbrock, ${LEVELS} levels; median ms over ${Object.values(ROUNDS).join('/')} rounds`,
);
console.log('  grid  computeField  d3-contour  speed-up');
for (const row of rows) console.log(row);
console.log(`512² target ≤ ${TARGET_MS} ms: ${verdict}`);
if (verdict === 'FAIL') process.exitCode = 1;
