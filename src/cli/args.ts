import { UsageError } from './failure.ts';

/** --help's text. */
export const USAGE = `Usage: descent-lab run <preset.json | - | link> [--format json|csv]

Computes every optimizer's trajectory of a Descent Lab scene (a version-1 preset) exactly as
PyTorch's torch.optim would, in float64, and prints them.

  --format json   {"runs":[{"label","type","points":[[x,y,f],...],"lrs":[...],"diverged_at"}]} (default)
  --format csv    a header, then one row per point: run,step,x,y,f,lr
                  (lr is the rate of the step that led to the point; empty for the start)
  -               read the preset from standard input
  link            a Descent Lab link ('https://…/#s=1.…', or just '#s=1.…'): the same
                  trajectories the page draws; what the page would ignore is named on stderr

Exit status: 0 on success (also when the reader stops early, as in '| head');
2 on a bad invocation or input (one line on stderr, nothing on stdout);
1 when the output cannot be written or on an internal error (one line on stderr).`;

/** What the command line was asked to do. */
export type Command =
  | { readonly command: 'help' }
  | { readonly command: 'run'; readonly file: string; readonly format: 'json' | 'csv' };

/** Reads the arguments; throws UsageError on anything it does not know. */
export function parseArgs(args: readonly string[]): Command {
  if (args.length === 0 || args.includes('--help') || args.includes('-h') || args[0] === 'help') {
    return { command: 'help' };
  }
  const [command, ...rest] = args;
  if (command !== 'run')
    throw new UsageError(`unknown command "${command}" (try: descent-lab run preset.json)`);
  let file: string | undefined;
  let format: 'json' | 'csv' = 'json';
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i]!;
    if (a === '--format' || a.startsWith('--format=')) {
      const value = a === '--format' ? rest[++i] : a.slice('--format='.length);
      if (value !== 'json' && value !== 'csv')
        throw new UsageError(`--format must be json or csv, got "${value ?? ''}"`);
      format = value;
    } else if (a.startsWith('-') && a !== '-') {
      throw new UsageError(`unknown option "${a}" (see descent-lab --help)`);
    } else if (file === undefined) {
      file = a;
    } else {
      throw new UsageError(`one preset at a time, got "${file}" and "${a}"`);
    }
  }
  if (file === undefined) throw new UsageError('run needs a preset file (or - for standard input)');
  return { command: 'run', file, format };
}
