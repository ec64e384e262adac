import { UsageError } from './failure.ts';
import { formatOf, readArgs, type Format } from './options.ts';
import { parseSweepArgs, SWEEP_USAGE, type SweepCommand } from './sweepArgs.ts';

/** --help's text. */
export const USAGE = `Usage: descent-lab run <preset.json | - | link> [--format json|csv]
       descent-lab sweep <preset.json | - | link> [--vary PATH=FROM:TO:COUNT[:log] ...]
                         [--format json|csv] [--tol T]

run: computes every optimizer's trajectory of a Descent Lab scene (a version-1 preset) exactly as
PyTorch's torch.optim would, in float64, and prints them.

  --format json   {"runs":[{"label","type","points":[[x,y,f],...],"lrs":[...],"diverged_at"}]} (default)
  --format csv    a header, then one row per point: run,step,x,y,f,lr
                  (lr is the rate of the step that led to the point; empty for the start)
  -               read the preset from standard input
  link            a Descent Lab link ('https://…/#s=1.…', or just '#s=1.…'): the same
                  trajectories the page draws; what the page would ignore is named on stderr

${SWEEP_USAGE}

Exit status: 0 on success (also when the reader stops early, as in '| head');
2 on a bad invocation or input (one line on stderr, nothing on stdout);
1 when the output cannot be written or on an internal error (one line on stderr).`;

/** What the command line was asked to do. */
export type Command =
  | { readonly command: 'help' }
  | { readonly command: 'run'; readonly file: string; readonly format: Format }
  | SweepCommand;

/** Reads the arguments; throws UsageError on anything it does not know. */
export function parseArgs(args: readonly string[]): Command {
  if (args.length === 0 || args.includes('--help') || args.includes('-h') || args[0] === 'help') {
    return { command: 'help' };
  }
  const [command, ...rest] = args;
  if (command === 'sweep') return parseSweepArgs(rest);
  if (command !== 'run') {
    const tries = 'try: descent-lab run preset.json, or descent-lab sweep preset.json --vary …';
    throw new UsageError(`unknown command "${command}" (${tries})`);
  }
  let format: Format = 'json';
  const file = readArgs('run', rest, { '--format': (v) => (format = formatOf(v)) });
  return { command: 'run', file, format };
}
