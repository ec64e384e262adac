/**
 * One sha256 over what the engine computes: simulate() of every optimizer type with its options on
 * every built-in function (with and without noise, and diverging), on a typed function, every
 * inspectRun() column and a runSweep() over two axes. A change that must keep every float64 bit
 * (`tsx bench/fingerprint.ts` before and after) prints the same line.
 */
import { createHash } from 'node:crypto';
import { compileExpression, instantiate } from '../src/engine/expr/index.ts';
import { functions } from '../src/engine/functions/index.ts';
import { simulate, type Run } from '../src/engine/index.ts';
import { inspectRun } from '../src/engine/inspect.ts';
import { runSweep } from '../src/engine/sweep/index.ts';
import { sceneFromPreset } from '../src/preset/index.ts';

const OPTIMIZERS: Record<string, unknown>[] = [
  { type: 'sgd', lr: 1e-3 },
  { type: 'sgd', lr: 1e-3, momentum: 0.9, schedule: { type: 'step', step_size: 30, gamma: 0.5 } },
  { type: 'sgd', lr: 1e-3, momentum: 0.8, nesterov: true, weight_decay: 0.01 },
  { type: 'sgd', lr: 1e-3, momentum: 0.7, dampening: 0.3 },
  { type: 'adam', lr: 0.05 },
  { type: 'adam', lr: 0.05, amsgrad: true, weight_decay: 0.01 },
  { type: 'adamw', lr: 0.05, schedule: { type: 'cosine', T_max: 50 } },
  { type: 'adamw', lr: 0.05, amsgrad: true },
  { type: 'rmsprop', lr: 0.01 },
  { type: 'rmsprop', lr: 0.01, momentum: 0.5, centered: true, weight_decay: 0.01 },
  { type: 'adagrad', lr: 0.3, lr_decay: 0.01, initial_accumulator_value: 0.1 },
  { type: 'adagrad', lr: 0.3, weight_decay: 0.01 },
  { type: 'adadelta', lr: 1, weight_decay: 0.01 },
  { type: 'adadelta', lr: 1 },
  { type: 'adamax', lr: 0.05, schedule: { type: 'exponential', gamma: 0.99 } },
  { type: 'adamax', lr: 0.05, weight_decay: 0.01 },
  { type: 'nadam', lr: 0.02 },
  { type: 'nadam', lr: 0.02, weight_decay: 0.01, momentum_decay: 0.01 },
  { type: 'radam', lr: 0.05, schedule: { type: 'warmup_cosine', warmup_steps: 10, T_max: 80 } },
  { type: 'radam', lr: 0.05, weight_decay: 0.01 },
  { type: 'lion', lr: 0.01, weight_decay: 0.1 },
  { type: 'lion', lr: 0.01 },
];
const TYPED = '(1 - x)^2 + 100 * (y - x^2)^2 + sin(3*x)';

const hash = createHash('sha256');
const add = (a: Float64Array | number) =>
  hash.update(typeof a === 'number' ? Float64Array.of(a) : a);
const addRun = (r: Run) => [r.x, r.y, r.f, r.lr, r.divergedAt ?? -1].forEach(add);
const scene = (preset: Record<string, unknown>) =>
  sceneFromPreset({ v: 1, fn: { id: 'rosenbrock' }, steps: 400, ...preset });

let runs = 0;
// A preset holds at most 20 optimizers: two halves.
for (const half of [OPTIMIZERS.slice(0, 11), OPTIMIZERS.slice(11)]) {
  for (const fn of functions)
    for (const noise of [
      { sigma: 0, seed: 1 },
      { sigma: 0.3, seed: 7 },
    ])
      for (const r of simulate(scene({ fn: { id: fn.id }, noise, optimizers: half })).runs) {
        addRun(r);
        runs++;
      }
  const big = half.map((o) => ({ ...o, lr: (o['lr'] as number) * 300 }));
  for (const r of simulate(scene({ steps: 300, optimizers: big })).runs) {
    addRun(r);
    runs++;
  }
  const typed = scene({
    fn: { id: 'custom', expr: TYPED },
    steps: 300,
    noise: { sigma: 0.2, seed: 3 },
    optimizers: half,
  });
  for (const r of simulate(typed, instantiate(compileExpression(TYPED).source)).runs) {
    addRun(r);
    runs++;
  }
  const inspected = scene({ steps: 120, noise: { sigma: 0.2, seed: 5 }, optimizers: half });
  for (let i = 0; i < half.length; i++) {
    const r = inspectRun(inspected, i);
    [r.x, r.y, r.gx, r.gy, r.sx, r.sy, r.lr, r.gNorm, r.stepNorm].forEach(add);
    for (const s of r.state) s.values.forEach(add);
    add(r.divergedAt ?? -1);
  }
  const sweep = runSweep({
    scene: scene({ steps: 200, optimizers: half }),
    axes: [
      { path: 'optimizers[*].lr', from: 1e-4, to: 0.05, count: 5, scale: 'log' },
      { path: 'start[0]', from: -2, to: 2, count: 4, scale: 'linear' },
    ],
    tol: 1e-3,
  });
  for (const [key, column] of Object.entries(sweep))
    if (ArrayBuffer.isView(column))
      hash.update(key).update(new Uint8Array(column.buffer, column.byteOffset, column.byteLength));
}
console.log(`${runs} runs, sha256 ${hash.digest('hex')}`);
