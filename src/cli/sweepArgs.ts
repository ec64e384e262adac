import type { Axis } from '../engine/sweep/types.ts';
import { MAX_SWEEP_AXIS, MAX_SWEEP_CELLS, MAX_SWEEP_WORK } from '../preset/limits.ts';
import { grouped } from '../preset/sweepWork.ts';
import { UsageError } from './failure.ts';
import { formatOf, readArgs, type Format } from './options.ts';

/** The sweep part of --help. */
export const SWEEP_USAGE = `sweep: runs the scene over a grid of settings and prints, for every cell and optimizer, the
final loss, the best loss, the first step within tol of the least known minimum, the known minimum
it ends nearest to (typed functions: clusters of the ends), and the step it diverged at.

  --vary PATH=FROM:TO:COUNT[:log]
                  one axis: COUNT values from FROM to TO, both included, evenly spaced (or
                  evenly in log with :log). PATH is written as in error messages:
                  optimizers[0].lr, optimizers[*].lr (every optimizer at once),
                  optimizers[1].betas[0], start[0], start[1], fn.params.<name>, noise.seed,
                  noise.sigma. One or two --vary; without any, the axes of the preset's "sweep"
                  (its open view: map, curves, basins or seeds).
  --tol T         a run has converged once f <= f_min + T (default: the preset's, else 1e-4)
  --format json   {"axes":[{"path","values":[...]}],"cells":[{"at":[i,j],"values":[...],
                  "runs":[{"label","final_loss","best_loss","steps_to_tol","basin","diverged_at"}]}]}
                  (default; null for never or none)
  --format csv    a header, then one row per cell and optimizer: the axis paths, then
                  label,final_loss,best_loss,steps_to_tol,basin,diverged_at (empty for null)

  Caps: at most ${MAX_SWEEP_AXIS} values per axis and ${grouped(MAX_SWEEP_CELLS)} cells, and at most
  ${MAX_SWEEP_WORK.toExponential(0)} optimizer steps in all (cells × optimizers × steps).
  A sweep in which every run diverges says so on stderr (status 0, output written).`;

/** `descent-lab sweep …`, as read from the arguments. */
export interface SweepCommand {
  readonly command: 'sweep';
  readonly file: string;
  readonly format: Format;
  /** The --vary axes in order (none: the preset's sweep gives them). */
  readonly vary: readonly Axis[];
  /** --tol, when given. */
  readonly tol?: number;
}

/** The arguments after `sweep`; throws UsageError on what it cannot read. */
export function parseSweepArgs(args: readonly string[]): SweepCommand {
  let format: Format = 'json';
  const vary: Axis[] = [];
  let tol: number | undefined;
  const file = readArgs('sweep', args, {
    '--format': (v) => (format = formatOf(v)),
    '--vary': (v) => vary.push(varyAxis(v)),
    '--tol': (v) => (tol = tolOf(v)),
  });
  if (vary.length > 2) throw new UsageError(`at most two --vary axes, got ${vary.length}`);
  const [a, b] = vary;
  if (a && b && a.path === b.path) throw new UsageError(`--vary ${a.path} is given twice`);
  return { command: 'sweep', file, format, vary, ...(tol === undefined ? {} : { tol }) };
}

// A decimal number as JSON writes it (and 1e999, which checkAxis then calls infinite).
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/** One --vary value, PATH=FROM:TO:COUNT[:log|:linear]; its meaning is checked with the scene. */
function varyAxis(value: string | undefined): Axis {
  const form = 'PATH=FROM:TO:COUNT[:log], e.g. optimizers[0].lr=1e-4:1:25:log';
  if (value === undefined) throw new UsageError(`--vary needs ${form}`);
  const eq = value.indexOf('=');
  const parts = eq < 0 ? [] : value.slice(eq + 1).split(':');
  if (eq <= 0 || parts.length < 3 || parts.length > 4)
    throw new UsageError(`--vary must be ${form}, got "${shorten(value)}"`);
  const path = shorten(value.slice(0, eq));
  const [from, to, count, scale = 'linear'] = parts as [string, string, string, string?];
  const number = (text: string, name: string): number => {
    if (!NUMBER.test(text))
      throw new UsageError(`--vary ${path}: ${name} must be a number, got "${shorten(text)}"`);
    return Number(text);
  };
  if (scale !== 'log' && scale !== 'linear')
    throw new UsageError(
      `--vary ${path}: the scale must be log or linear, got "${shorten(scale)}"`,
    );
  return {
    path,
    from: number(from, 'FROM'),
    to: number(to, 'TO'),
    count: number(count, 'COUNT'),
    scale,
  };
}

function tolOf(value: string | undefined): number {
  const tol = value !== undefined && NUMBER.test(value) ? Number(value) : NaN;
  if (!(tol >= 0 && Number.isFinite(tol)))
    throw new UsageError(`--tol must be a number ≥ 0, got "${shorten(value ?? '')}"`);
  return tol;
}

const shorten = (text: string): string => (text.length > 60 ? `${text.slice(0, 57)}...` : text);
