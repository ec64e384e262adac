/**
 * Engine speed against tight hand-written loops of the same rules (`npm run bench`), for every
 * optimizer type, judged on the WORST of several fresh processes: each process runs every type one
 * after another, as a worker does, so a call site that only stays fast while a process has seen
 * one type shows up here. Per type it times `simulate()` and the sweep kernel (`runSweep`) against
 * hand loops (bench/handLoops.ts) that compute the same bits. The sweep kernel and its loop reuse
 * their buffers: they run side by side in batches of ≈ 40 ms of CPU time, alternating which goes
 * first, and a process's figure is the ratio of the least batches (`sideBySide`). `simulate()`
 * returns a new 100,000-step trajectory (x, y, f: 2.4 MB) on every call, and its hand loop writes
 * the same path into arrays of the same size that it allocates on every call too; the two are
 * interleaved call by call and a process's figure is the ratio of their least calls
 * (`interleaved`, bench/timing.ts, says why: under load, page faults on fresh memory made batch
 * figures swing 0.1–9× in either direction). That leaves the cost of faulting in fresh memory and
 * of collecting it out of the time, so what each side allocates per call is measured apart
 * (`freshBytes`) and printed: a type meets the target only if `simulate()` allocates no more than
 * its hand loop (1% of slack). Each hand loop is first brought to its steady code (`warmUp` in
 * bench/handLoops.ts); the engine is not: it runs as a worker runs it. `--processes=N` sets how
 * many processes (default 5); `--engine-only` skips the portable functions' figures.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { compileExpression, instantiate } from '../src/engine/expr/index.ts';
import { simulate, type Objective, type Scene } from '../src/engine/index.ts';
import { axisValues, runSweep, type SweepPlan } from '../src/engine/sweep/index.ts';
import { sceneFromPreset } from '../src/preset/index.ts';
import * as hand from './handLoops.ts';
import { callRatios, runRatios } from './mathCost.ts';
import { CLOCK, freshBytes, interleaved, sideBySide } from './timing.ts';

const STEPS = 100_000;
const ROUNDS = 7;
/** The sweep: CELLS learning rates from lr/2 to lr, SWEEP_STEPS steps each. */
const CELLS = 32;
const SWEEP_STEPS = 3_000;
const TARGET = 1.5;

interface Case {
  readonly name: string;
  readonly optimizer: Record<string, unknown> & { lr: number };
  readonly hand: hand.HandLoop;
  /** Run the engine on Rosenbrock typed as an expression (engine/expr) instead of the built-in. */
  readonly typed?: boolean;
}

const cases: Case[] = [
  { name: 'SGD', optimizer: { type: 'sgd', lr: 1e-4 }, hand: hand.handSgd },
  {
    name: 'SGD + momentum',
    optimizer: { type: 'sgd', lr: 1e-4, momentum: 0.9 },
    hand: hand.handMomentum,
  },
  { name: 'Adam', optimizer: { type: 'adam', lr: 1e-3 }, hand: hand.handAdam },
  { name: 'AdamW', optimizer: { type: 'adamw', lr: 1e-3 }, hand: hand.handAdamW },
  { name: 'RMSprop', optimizer: { type: 'rmsprop', lr: 1e-3 }, hand: hand.handRmsprop },
  { name: 'Adagrad', optimizer: { type: 'adagrad', lr: 0.1 }, hand: hand.handAdagrad },
  { name: 'Adadelta', optimizer: { type: 'adadelta', lr: 1 }, hand: hand.handAdadelta },
  { name: 'Adamax', optimizer: { type: 'adamax', lr: 2e-3 }, hand: hand.handAdamax },
  { name: 'NAdam', optimizer: { type: 'nadam', lr: 2e-3 }, hand: hand.handNadam },
  { name: 'RAdam', optimizer: { type: 'radam', lr: 1e-3 }, hand: hand.handRadam },
  { name: 'Lion', optimizer: { type: 'lion', lr: 1e-4 }, hand: hand.handLion },
  {
    name: 'Adam, typed f',
    optimizer: { type: 'adam', lr: 1e-3 },
    hand: hand.handAdam,
    typed: true,
  },
];

const ROSENBROCK = '(1 - x)^2 + 100 * (y - x^2)^2';

const sceneFor = (c: Case, steps: number): Scene =>
  sceneFromPreset({
    v: 1,
    fn: c.typed ? { id: 'custom', expr: ROSENBROCK } : { id: 'rosenbrock' },
    start: hand.START,
    steps,
    optimizers: [c.optimizer],
  });

const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;

/** Throws unless the engine and the loop computed the same thing (else the ratio means nothing). */
function agree(what: string, engine: number, loop: number, exact: boolean): void {
  const same = exact
    ? Object.is(engine, loop)
    : Math.abs(engine - loop) <= 1e-6 * Math.max(1, Math.abs(loop));
  if (!same) throw new Error(`${what}: the engine gives ${engine}, the hand loop ${loop}`);
}

/** simulate() against the hand loop, one run of STEPS steps: the ratio, and bytes each allocates. */
function simulateRatio(
  c: Case,
  objective: Objective | undefined,
): { ratio: number; bytes: [number, number] } {
  const scene = sceneFor(c, STEPS);
  const n = STEPS + 1;
  const engine = (): number => {
    const f = simulate(scene, objective).runs[0]!.f;
    return f[f.length - 1]!;
  };
  // simulate() returns new columns: the loop allocates its own too.
  const loop = (): number => {
    const [xs, ys] = [new Float64Array(n), new Float64Array(n)];
    const fs = new Float64Array(n);
    [xs[0], ys[0]] = hand.START;
    return fs[c.hand(c.optimizer.lr, STEPS, xs, ys, fs)]!;
  };
  agree(`${c.name}, simulate`, engine(), loop(), !c.typed);
  return {
    ratio: interleaved(engine, loop, ROUNDS).ratio,
    bytes: [freshBytes(engine), freshBytes(loop)],
  };
}

/** The sweep kernel against the hand loop over the same cells, with the same metrics. */
function sweepRatio(c: Case, objective: Objective | undefined): number {
  const lr = c.optimizer.lr;
  const axis = { path: 'optimizers[0].lr', from: lr / 2, to: lr, count: CELLS, scale: 'linear' };
  const plan: SweepPlan = {
    scene: sceneFor(c, SWEEP_STEPS),
    axes: [axis as SweepPlan['axes'][number]],
    tol: 1e-4,
    ...(objective ? { objective } : {}),
  };
  const rates = axisValues(plan.axes[0]!);
  const n = SWEEP_STEPS + 1;
  const [xs, ys, fs] = [new Float64Array(n), new Float64Array(n), new Float64Array(n)];
  const best = new Float64Array(CELLS);
  const reached = new Int32Array(CELLS);
  const engine = (): number => runSweep(plan).finalLoss[CELLS - 1]!;
  const loop = (): number => {
    let last = NaN;
    for (let cell = 0; cell < CELLS; cell++) {
      xs[0] = hand.START[0];
      ys[0] = hand.START[1];
      const end = c.hand(rates[cell]!, SWEEP_STEPS, xs, ys, fs);
      last = fs[end]!;
      // The same metrics as the kernel: least f, first step within tol of f(1, 1) = 0.
      let b = fs[0]!;
      let k0 = -1;
      for (let k = 0; k <= end; k++) {
        const f = fs[k]!;
        if (f < b) b = f;
        if (k0 < 0 && f <= 1e-4) k0 = k;
      }
      best[cell] = b;
      reached[cell] = k0;
    }
    return last;
  };
  agree(`${c.name}, sweep`, engine(), loop(), !c.typed);
  return sideBySide(engine, loop, ROUNDS).ratio;
}

interface Figures {
  readonly simulate: number[];
  /** Bytes one simulate() call allocates, and one call of its hand loop. */
  readonly bytes: [number, number][];
  readonly sweep: number[];
  readonly runs: Record<string, number>;
  readonly calls: Record<string, number>;
}

/** Steps of the Rastrigin and Ackley runs: the size the page computes itself during a drag. */
const MATH_STEPS = 12_000;

function child(): Figures {
  const typed = instantiate(compileExpression(ROSENBROCK).source);
  const figures: Figures = { simulate: [], bytes: [], sweep: [], runs: {}, calls: {} };
  // The yardsticks at their steady speed; the engine runs cold, as in a worker.
  for (const c of cases) hand.warmUp(c.hand, c.optimizer.lr);
  for (const c of cases) {
    const objective = c.typed ? typed : undefined;
    const { ratio, bytes } = simulateRatio(c, objective);
    figures.simulate.push(ratio);
    figures.bytes.push(bytes);
    figures.sweep.push(sweepRatio(c, objective));
  }
  return process.argv.includes('--engine-only')
    ? figures
    : { ...figures, runs: runRatios(MATH_STEPS, ROUNDS), calls: callRatios(ROUNDS) };
}

function parent(processes: number, engineOnly: boolean): void {
  const runs: Figures[] = [];
  for (let i = 0; i < processes; i++) {
    const out = spawnSync(
      process.execPath,
      [
        ...process.execArgv,
        fileURLToPath(import.meta.url),
        '--child',
        ...(engineOnly ? ['--engine-only'] : []),
      ],
      { encoding: 'utf8', maxBuffer: 1 << 24 },
    );
    if (out.status !== 0) throw new Error(`bench process failed: ${out.stderr}`);
    runs.push(JSON.parse(out.stdout) as Figures);
  }
  console.log(
    `engine vs a hand-written loop of the same rule, Rosenbrock: simulate() ${STEPS} steps; ` +
      `sweep kernel ${CELLS} cells × ${SWEEP_STEPS} steps.\n` +
      `${processes} fresh processes, each running every type in turn; per process, in ${CLOCK}, ` +
      `simulate() the least of its calls interleaved with the hand loop's (${ROUNDS} batches), ` +
      `the sweep the least of ${ROUNDS} side-by-side batches; the figure is the WORST process. ` +
      `MB: what one simulate() call allocates, and one call of its hand loop.`,
  );
  console.log(
    'optimizer        simulate  sweep   MB sim/hand  per process (simulate | sweep)         target',
  );
  let missed = 0;
  cases.forEach((c, i) => {
    const sim = runs.map((r) => r.simulate[i]!);
    const swp = runs.map((r) => r.sweep[i]!);
    const [engineMb, handMb] = [0, 1].map(
      (side) => Math.max(...runs.map((r) => r.bytes[i]![side]!)) / 1e6,
    );
    const worst = Math.max(...sim, ...swp);
    // 1% of slack: the point is a column, not a few bytes of bookkeeping.
    const ok = worst <= TARGET && engineMb! <= handMb! * 1.01;
    if (!ok) missed++;
    const each = `${sim.map((v) => v.toFixed(2)).join(' ')} | ${swp.map((v) => v.toFixed(2)).join(' ')}`;
    console.log(
      `${c.name.padEnd(16)} ${Math.max(...sim).toFixed(2)}×    ${Math.max(...swp).toFixed(2)}×  ` +
        `${engineMb!.toFixed(2)}/${handMb!.toFixed(2)}    ${each.padEnd(38)} ≤ ${TARGET}× ${ok ? 'met' : 'MISSED'}`,
    );
  });
  console.log(
    missed ? `${missed} of ${cases.length} types missed the target` : 'every type met the target',
  );
  if (engineOnly) return;
  const row = (name: string, each: number[]) =>
    `${name.padEnd(18)} ${median(each).toFixed(2)}×  worst ${Math.max(...each).toFixed(2)}×  ` +
    each.map((v) => v.toFixed(2)).join(' ');
  console.log(
    `\nportable functions (src/engine/math) vs Math.*: time ratio, median and worst of ${processes} processes`,
  );
  console.log(`whole runs, Adam, ${MATH_STEPS} steps (built-in vs the same formula with Math.*):`);
  for (const name of Object.keys(runs[0]!.runs))
    console.log(
      row(
        name,
        runs.map((r) => r.runs[name]!),
      ),
    );
  console.log('per call (200,000 inputs):');
  for (const name of Object.keys(runs[0]!.calls))
    console.log(
      row(
        name,
        runs.map((r) => r.calls[name]!),
      ),
    );
}

if (process.argv.includes('--child')) process.stdout.write(JSON.stringify(child()));
else {
  const flag = process.argv.find((a) => a.startsWith('--processes='));
  parent(
    flag ? Number(flag.slice('--processes='.length)) : 5,
    process.argv.includes('--engine-only'),
  );
}
