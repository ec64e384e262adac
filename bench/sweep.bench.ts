/**
 * The sweep kernel against a tight hand-written loop on the basin-map shape (`npm run bench`): Adam
 * from every start of an n × n grid over Rosenbrock's view, 500 steps each, every cell's metrics.
 * The full size is 256² × 500 steps in Chromium over a worker pool; here the same shape,
 * scaled down to 64², in Node on one core, side by side in fresh processes; the figure that counts is
 * the worst process's ratio, against 1.5×. `--processes=N` sets how many (default 5).
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { axisValues, defaultSweep, planOf, runSweep } from '../src/engine/sweep/index.ts';
import { sceneFromPreset } from '../src/preset/index.ts';
import { handAdam } from './handLoops.ts';
import { CLOCK, sideBySide } from './timing.ts';

const N = 64;
const STEPS = 500;
/** Adam's rate: handLoops' Adam has the engine's other defaults. */
const LR = 0.02;
const TOL = 1e-4;
const ROUNDS = 7;
const TARGET = 1.5;

const base = sceneFromPreset({
  v: 1,
  fn: { id: 'rosenbrock' },
  steps: STEPS,
  optimizers: [{ type: 'adam', lr: LR }],
});
const plan = planOf({
  ...base,
  sweep: { ...defaultSweep(base, 'basins'), basins: { resolution: N, optimizer: 0 }, tol: TOL },
});
const xs0 = axisValues(plan.axes[0]!);
const ys0 = axisValues(plan.axes[1]!);

/** Per cell: the final loss, as the kernel's column; the other metrics as the kernel computes them. */
const finalLoss = new Float64Array(N * N);
const bestLoss = new Float64Array(N * N);
const stepsToTol = new Int32Array(N * N);
const divergedAt = new Int32Array(N * N);

const xs = new Float64Array(STEPS + 1);
const ys = new Float64Array(STEPS + 1);
const fs = new Float64Array(STEPS + 1);

/** The hand loop from every start, then the kernel's metrics from its f column. */
function handSweep(): number {
  for (let i = 0; i < N; i++) {
    for (let j = 0; j < N; j++) {
      const cell = i * N + j;
      xs[0] = xs0[i]!;
      ys[0] = ys0[j]!;
      const end = handAdam(LR, STEPS, xs, ys, fs);
      let best = fs[0]!;
      let reached = -1;
      for (let k = 0; k <= end; k++) {
        const f = fs[k]!;
        if (f < best) best = f;
        if (reached < 0 && f <= TOL) reached = k;
      }
      finalLoss[cell] = fs[end]!;
      bestLoss[cell] = best;
      stepsToTol[cell] = reached;
      divergedAt[cell] = end < STEPS ? end + 1 : -1;
    }
  }
  return finalLoss[N * N - 1]!;
}

/** Least CPU times over ROUNDS side-by-side batches (bench/timing.ts), after checking both agree. */
function child(): { kernel: number; hand: number } {
  const kernel = () => runSweep(plan).finalLoss[N * N - 1]!;
  const out = runSweep(plan);
  handSweep();
  for (let c = 0; c < N * N; c++) {
    const same =
      Object.is(out.finalLoss[c], finalLoss[c]) &&
      Object.is(out.bestLoss[c], bestLoss[c]) &&
      out.stepsToTol[c] === stepsToTol[c] &&
      out.divergedAt[c] === divergedAt[c];
    if (!same) throw new Error(`cell ${c}: the kernel and the hand loop disagree`);
  }
  const { a, b } = sideBySide(kernel, handSweep, ROUNDS);
  return { kernel: a, hand: b };
}

if (process.argv.includes('--child')) process.stdout.write(JSON.stringify(child()));
else {
  const flag = process.argv.find((a) => a.startsWith('--processes='));
  const processes = flag ? Number(flag.slice('--processes='.length)) : 5;
  const runs: { kernel: number; hand: number }[] = [];
  for (let i = 0; i < processes; i++) {
    const r = spawnSync(
      process.execPath,
      [...process.execArgv, fileURLToPath(import.meta.url), '--child'],
      { encoding: 'utf8' },
    );
    if (r.status !== 0) throw new Error(`bench process failed: ${r.stderr}`);
    runs.push(JSON.parse(r.stdout) as { kernel: number; hand: number });
  }
  const cells = N * N;
  const perSec = (ms: number) => `${Math.round(cells / (ms / 1000)).toLocaleString('en')}`;
  const ratios = runs.map((r) => r.kernel / r.hand);
  const worst = Math.max(...ratios);
  const best = runs.reduce((a, b) => (a.kernel < b.kernel ? a : b));
  console.log(
    `sweep kernel vs hand loop: basin map of Adam on Rosenbrock, ${N}² starts × ${STEPS} steps, ` +
      `one core, least ${CLOCK} of ${ROUNDS} batches per process, ${processes} fresh processes`,
  );
  console.log(
    `kernel ${perSec(best.kernel)} cells/s (${best.kernel.toFixed(1)} ms), hand loop ${perSec(best.hand)} cells/s ` +
      `(${best.hand.toFixed(1)} ms), in the fastest process; 256² at that rate: ${((best.kernel * 16) / 1000).toFixed(2)} s on one core`,
  );
  console.log(
    `ratio per process ${ratios.map((r) => r.toFixed(2)).join(' ')}; worst ${worst.toFixed(2)}× ` +
      `≤ ${TARGET}× ${worst <= TARGET ? 'met' : 'MISSED'}`,
  );
}
