import { UsageError } from './failure.ts';
import { formatOf, readArgs, type Format } from './options.ts';
import { parseSliceArgs, SLICE_USAGE, type SliceCommand } from './sliceArgs.ts';
import { parseSweepArgs, SWEEP_USAGE, type SweepCommand } from './sweepArgs.ts';

/** --help's text. */
export const USAGE = `Usage: descent-lab run <preset.json | - | link> [--format json|csv] [--params]
       descent-lab data <preset.json | - | link> [--format json|csv]
       descent-lab sweep <preset.json | - | link> [--vary PATH=FROM:TO:COUNT[:log] ...]
                         [--format json|csv] [--tol T]
       descent-lab export-torch <preset.json | - | link>
       descent-lab slice <preset.json | - | link> [--plane pca|random] [--run K] [--grid N]

run: computes every optimizer's trajectory of a Descent Lab scene (a version-1 preset) exactly as
PyTorch's torch.optim would, in float64, and prints them.

  --format json   {"runs":[{"label","type","points":[[x,y,f],...],"lrs":[...],"diverged_at"}]} (default)
  --format csv    a header, then one row per point: run,step,x,y,f,lr
                  (lr is the rate of the step that led to the point; empty for the start)
  -               read the preset from standard input
  link            a Descent Lab link ('https://…/#s=1.…', or just '#s=1.…'): the same
                  trajectories the page draws; what the page would ignore is named on stderr

  A loss made of data (fn.id linear_regression, sparse_logistic or shifted_wells) with a test
  set adds each point's test loss: "test_f":[...] per run in JSON, a last column test_f in CSV.

  A scene with a network (preset field network) prints each optimizer's full-batch training and
  test loss on it instead: {"network","parameters","runs":[{"label","type","loss":[...],
  "test_loss":[...],"lrs":[...],"diverged_at"}]}, or CSV run,step,loss,lr,test_loss.
  --params        adds the network's parameters at every point, in torch's named_parameters()
                  order (descent-lab data names them): "params":[[...],...] per run in JSON,
                  columns theta_0, theta_1, ... in CSV

data: prints a loss made of data's examples and the training-set indices of every step's
mini-batch, to train on exactly these elsewhere.

  --format json   {"model","loss","train":{"inputs":[[a(,b)],...],"targets":[...]},"test":{...},
                   "batches":[[i,...],...]} (default; batch k is what step k + 1 averages over)
  --format csv    set,index,a(,b),t,step: one row per example (set train or test), then one per
                  example of each step's batch (set batch, index into the training set, step)

${SWEEP_USAGE}

${SLICE_USAGE}

export-torch: writes the scene as one self-contained Python script that runs it with torch.optim
and torch.optim.lr_scheduler in float64. 'python3 script.py --json' prints what 'run --format json'
prints; without --json it plots the paths with matplotlib (or prints a table without it).

Exit status: 0 on success (also when the reader stops early, as in '| head');
2 on a bad invocation or input (one line on stderr, nothing on stdout);
1 when the output cannot be written or on an internal error (one line on stderr).`;

/** What the command line was asked to do. */
export type Command =
  | { readonly command: 'help' }
  | {
      readonly command: 'run';
      readonly file: string;
      readonly format: Format;
      /** --params: a network scene's parameter vector at every point too. */
      readonly params: boolean;
    }
  | DataCommand
  | ExportTorchCommand
  | SliceCommand
  | SweepCommand;

/** `descent-lab data`'s arguments. */
export interface DataCommand {
  readonly command: 'data';
  readonly file: string;
  readonly format: Format;
}

/** `descent-lab export-torch`'s arguments. */
export interface ExportTorchCommand {
  readonly command: 'export-torch';
  readonly file: string;
}

/** Reads the arguments; throws UsageError on anything it does not know. */
export function parseArgs(args: readonly string[]): Command {
  if (args.length === 0 || args.includes('--help') || args.includes('-h') || args[0] === 'help') {
    return { command: 'help' };
  }
  const [command, ...rest] = args;
  if (command === 'sweep') return parseSweepArgs(rest);
  if (command === 'slice') return parseSliceArgs(rest);
  if (command === 'export-torch') return { command, file: readArgs(command, rest, {}) };
  if (command !== 'run' && command !== 'data') {
    const tries =
      'try: descent-lab run preset.json, descent-lab data preset.json, descent-lab sweep preset.json --vary …, descent-lab slice preset.json, or descent-lab export-torch preset.json';
    throw new UsageError(`unknown command "${command}" (${tries})`);
  }
  let format: Format = 'json';
  // --params takes no value: read apart from the options that do.
  const params = command === 'run' && rest.includes('--params');
  const others = params ? rest.filter((a) => a !== '--params') : rest;
  const file = readArgs(command, others, { '--format': (v) => (format = formatOf(v)) });
  return command === 'run' ? { command, file, format, params } : { command, file, format };
}
