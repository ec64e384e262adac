import { UsageError } from './failure.ts';

/** The output formats of both commands. */
export type Format = 'json' | 'csv';

/** What an option does with its value (undefined when the arguments end before it). */
export type OptionHandler = (value: string | undefined) => void;

/**
 * Reads `--name value` and `--name=value` options by their handlers and returns the one preset
 * argument (a file, `-` or a link); throws UsageError on anything else.
 */
export function readArgs(
  command: string,
  args: readonly string[],
  options: Readonly<Record<string, OptionHandler>>,
): string {
  let file: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const eq = a.indexOf('=');
    const name = eq < 0 ? a : a.slice(0, eq);
    const handler = a.startsWith('--') && Object.hasOwn(options, name) ? options[name] : undefined;
    if (handler) handler(eq < 0 ? args[++i] : a.slice(eq + 1));
    else if (a.startsWith('-') && a !== '-')
      throw new UsageError(`unknown option "${a}" (see descent-lab --help)`);
    else if (file === undefined) file = a;
    else throw new UsageError(`one preset at a time, got "${file}" and "${a}"`);
  }
  if (file === undefined)
    throw new UsageError(`${command} needs a preset file (or - for standard input)`);
  return file;
}

/** The value of --format. */
export function formatOf(value: string | undefined): Format {
  if (value !== 'json' && value !== 'csv')
    throw new UsageError(`--format must be json or csv, got "${value ?? ''}"`);
  return value;
}
