import lz from 'lz-string';
import { run } from '../unit/support/cliInProcess.ts';
import { gallery } from '../../src/gallery/scenes.ts';

/** A scene's link hash, as the page writes it. */
export const linkTo = (preset: unknown) =>
  `#s=1.${lz.compressToEncodedURIComponent(JSON.stringify(preset))}`;

const typed = (expr: string, extra: Record<string, unknown> = {}) => ({
  v: 1,
  fn: { id: 'custom', expr },
  steps: 1500,
  optimizers: [
    { type: 'adam', lr: 0.02 },
    { type: 'sgd', lr: 0.002, momentum: 0.9 },
    { type: 'nadam', lr: 0.01 },
  ],
  ...extra,
});

/**
 * Scenes whose numbers depend on transcendental functions: every gallery scene, then Rastrigin,
 * Ackley, noise, long cosine schedules, NAdam (a real power per step) and typed functions with
 * trigonometry, exp, log, tanh, atan, real and large integer powers, and huge arguments.
 */
export const scenes: readonly { name: string; preset: unknown }[] = [
  ...gallery.map((g) => ({ name: `gallery: ${g.id}`, preset: g.preset })),
  {
    name: 'Rastrigin',
    preset: {
      v: 1,
      fn: { id: 'rastrigin' },
      steps: 3000,
      optimizers: [
        { type: 'sgd', lr: 0.002, momentum: 0.9 },
        { type: 'adam', lr: 0.05 },
        { type: 'rmsprop', lr: 0.01 },
      ],
    },
  },
  {
    name: 'Ackley',
    preset: {
      v: 1,
      fn: { id: 'ackley' },
      steps: 3000,
      optimizers: [
        { type: 'sgd', lr: 0.01, momentum: 0.9 },
        { type: 'adam', lr: 0.05 },
        { type: 'lion', lr: 0.005 },
      ],
    },
  },
  {
    name: 'noise in a rotated valley',
    preset: {
      v: 1,
      fn: { id: 'narrow_valley', params: { kappa: 30, angle: 37 } },
      steps: 3000,
      noise: { sigma: 0.8, seed: 12345 },
      optimizers: [
        { type: 'sgd', lr: 0.01, momentum: 0.9 },
        { type: 'adam', lr: 0.02 },
      ],
    },
  },
  {
    name: '5,000 steps of cosine and warmup-cosine schedules',
    preset: {
      v: 1,
      fn: { id: 'rosenbrock' },
      steps: 5000,
      optimizers: [
        { type: 'adam', lr: 0.02, schedule: { type: 'cosine', T_max: 777, eta_min: 0.001 } },
        {
          type: 'sgd',
          lr: 0.001,
          momentum: 0.9,
          schedule: { type: 'warmup_cosine', warmup_steps: 300, T_max: 1234, eta_min: 1e-5 },
        },
      ],
    },
  },
  {
    name: 'NAdam',
    preset: {
      v: 1,
      fn: { id: 'himmelblau' },
      steps: 4000,
      optimizers: [
        { type: 'nadam', lr: 0.01 },
        { type: 'nadam', lr: 0.003, momentum_decay: 0.0371, betas: [0.8, 0.99] },
      ],
    },
  },
  {
    name: 'typed: sin, cos, exp, log, tanh, ^1.5 and atan',
    preset: typed(
      'sin(3*x)*cos(2*y) + exp(-x^2/4) + log(1 + y^2) + tanh(x*y) + (x^2 + y^2 + 1)^1.5/10 + atan(x - y)',
    ),
  },
  {
    name: 'typed: large integer and real powers',
    preset: typed('x^7/50 - x^5*y/20 + y^6/30 + abs(x*y)^2.5/10 + (1 + x^2)^0.75', {
      start: [-1.3, 1.1],
    }),
  },
  {
    name: 'typed: every other function, sec … coth from the derivatives',
    preset: typed(
      'tan(x/3)^2 + asin(y/4) + acos(x/5) + sinh(x/2)*cosh(y/3) + sqrt(x^2 + y^2 + 1) + 2^(x/2) + e^(y/3) + pi*x/10',
    ),
  },
  {
    name: 'typed: trigonometry at arguments near 10^6',
    preset: typed('sin(x)*cos(y) + cos(x*y/1e5) + 1e-12*x^2', {
      view: { x: [999000, 1000000], y: [-1000000, -999000] },
      start: [999876.5, -999123.25],
      steps: 2000,
    }),
  },
  {
    name: "the user's rows: a logistic regression (the log-loss's exp and ln), batches of 5",
    preset: {
      v: 1,
      fn: {
        id: 'user_logistic',
        params: { batch: 5, seed: 3 },
        // 60 rows with features of many digits and both labels, the classes overlapping.
        rows: Array.from({ length: 60 }, (_, i) => {
          const a = Math.sin(i * 12.9898) * 2.5;
          const b = Math.cos(i * 78.233) * 1.5;
          return [a, b, a - 0.7 * b + Math.sin(i * 3.7) > 0 ? 1 : 0];
        }),
      },
      steps: 600,
      noise: { sigma: 0, seed: 7 },
      optimizers: [
        { type: 'adam', lr: 0.05 },
        { type: 'sgd', lr: 0.3, momentum: 0.9 },
        { type: 'nadam', lr: 0.02 },
      ],
    },
  },
];

/**
 * Sweeps whose cells a page exports as CSV: the gallery's map and curves, a noisy map and a typed
 * function's curves (transcendentals in every step of every cell).
 */
export const sweepScenes: readonly { name: string; preset: unknown }[] = [
  ...gallery
    .filter((g) => ['map', 'curves'].includes((g.preset.sweep as { view?: string })?.view ?? ''))
    .map((g) => ({ name: `gallery: ${g.id}`, preset: g.preset })),
  {
    name: 'noisy map: lr × β₁ of Adam on Ackley',
    preset: {
      v: 1,
      fn: { id: 'ackley' },
      steps: 300,
      noise: { sigma: 0.5, seed: 7 },
      optimizers: [{ type: 'adam', lr: 0.05 }],
      sweep: {
        view: 'map',
        map: {
          axes: [
            { path: 'optimizers[0].lr', from: 0.001, to: 1, count: 24, scale: 'log' },
            { path: 'optimizers[0].betas[0]', from: 0, to: 0.99, count: 12 },
          ],
          optimizer: 0,
        },
        metric: 'best_loss',
      },
    },
  },
  {
    // Mini-batches and the log-loss's portable exp and ln, in the sweep workers; the seed axis
    // reshuffles the batches cell by cell, the batch axis rebuilds the objective.
    name: 'data map: batch size × noise seed of a sparse logistic regression',
    preset: {
      v: 1,
      fn: { id: 'sparse_logistic', params: { n: 200 } },
      steps: 120,
      optimizers: [{ type: 'adagrad', lr: 0.5 }],
      sweep: {
        view: 'map',
        map: {
          axes: [
            { path: 'fn.params.batch', from: 4, to: 64, count: 5 },
            { path: 'noise.seed', from: 1, to: 6, count: 6 },
          ],
          optimizer: 0,
        },
      },
    },
  },
  {
    name: 'typed curves: lr of three optimizers',
    preset: {
      ...typed('sin(3*x)*cos(2*y) + exp(-x^2/4) + log(1 + y^2) + (x^2 + y^2 + 1)^1.5/10'),
      steps: 400,
      sweep: {
        view: 'curves',
        curves: { axis: { path: 'optimizers[*].lr', from: 1e-4, to: 1, count: 25, scale: 'log' } },
      },
    },
  },
];

/** What `descent-lab run <link>` prints for the scene. */
export async function cliJson(hash: string): Promise<string> {
  const { status, stdout, stderr } = await run(['run', hash]);
  if (status !== 0) throw new Error(`descent-lab run exited ${status}: ${stderr}`);
  return stdout;
}

/** What `descent-lab sweep <link> --format csv` prints for the scene's open sweep view. */
export async function cliSweepCsv(hash: string): Promise<string> {
  const { status, stdout, stderr } = await run(['sweep', hash, '--format', 'csv']);
  if (status !== 0) throw new Error(`descent-lab sweep exited ${status}: ${stderr}`);
  return stdout;
}

/**
 * In the page: clicks the button named `name` (opening the Export menu first) until it saves a
 * file — the runs or the sweep complete, or a view shows its button once its numbers are in — and
 * resolves to the file's text (caught at URL.createObjectURL; the download itself is stopped), or
 * null after a minute. A string, so the same code runs under Playwright and Puppeteer and no
 * bundler helper leaks into it.
 */
export const exportedText = (name: string) => `(async () => {
  const blobs = [];
  const createObjectURL = URL.createObjectURL;
  const click = HTMLAnchorElement.prototype.click;
  URL.createObjectURL = (blob) => { blobs.push(blob); return createObjectURL.call(URL, blob); };
  HTMLAnchorElement.prototype.click = function () { if (!this.download) click.call(this); };
  try {
    document.querySelector('.export-menu').open = true;
    for (let i = 0; i < 1200 && blobs.length === 0; i++) {
      const button = [...document.querySelectorAll('button')].find((b) => b.textContent === ${JSON.stringify(name)});
      button?.click();
      await new Promise((r) => setTimeout(r, 50));
    }
    return blobs.length === 0 ? null : await blobs[0].text();
  } finally {
    URL.createObjectURL = createObjectURL;
    HTMLAnchorElement.prototype.click = click;
  }
})()`;

/** The page's Export → Trajectories (JSON), as exportedText reads it. */
export const EXPORTED_JSON = exportedText('Trajectories (JSON)');

/** The open sweep view's Cells as CSV, as exportedText reads it. */
export const EXPORTED_CELLS = exportedText('Cells as CSV');

/** The first point where two exports differ, for a readable failure (null when identical). */
export function firstDifference(page: string, cli: string): string | null {
  if (page === cli) return null;
  const a = JSON.parse(page) as {
    runs: { label: string; points?: number[][]; loss?: number[]; lrs: number[] }[];
  };
  const b = JSON.parse(cli) as typeof a;
  for (const [r, run] of a.runs.entries()) {
    const other = b.runs[r];
    if (!other) return `run ${r} is missing on the command line`;
    // A network scene's runs are loss curves (its points are parameter vectors).
    const points = (x: typeof run) => x.points ?? (x.loss ?? []).map((f) => [f]);
    const [mine, theirs] = [points(run), points(other)];
    const k = mine.findIndex((p, i) => String(p) !== String(theirs[i]));
    if (k >= 0) {
      const gap = Math.max(...mine[k]!.map((v, j) => Math.abs(v - theirs[k]![j]!)));
      return `${run.label}: step ${k} of ${mine.length}, page ${String(mine[k])} vs ${String(theirs[k])} (by ${gap})`;
    }
    const l = run.lrs.findIndex((v, i) => v !== other.lrs[i]);
    if (l >= 0) return `${run.label}: lr ${l} page ${run.lrs[l]} vs ${other.lrs[l]}`;
  }
  return 'the files differ outside the numbers';
}
