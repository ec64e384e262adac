import { readFile, stat } from 'node:fs/promises';
import { CUSTOM_ID } from '../engine/expr/custom.ts';
import { simulate, type Scene } from '../engine/index.ts';
import { MAX_PRESET_BYTES, parsePresetText, readLink } from '../preset/index.ts';
import { customObjective, loadCompiler, withChecker } from './compiler.ts';
import { writeCsv, writeJson, type Sink } from '../preset/trajectoryFormats.ts';

const USAGE = `Usage: descent-lab run <preset.json | - | link> [--format json|csv]

Computes every optimizer's trajectory of a Descent Lab scene (a version-1 preset) exactly as
PyTorch's torch.optim would, in float64, and prints them.

  --format json   {"runs":[{"label","type","points":[[x,y,f],...],"lrs":[...],"diverged_at"}]} (default)
  --format csv    a header, then one row per point: run,step,x,y,f,lr
                  (lr is the rate of the step that led to the point; empty for the start)
  -               read the preset from standard input
  link            a Descent Lab link ('https://…/#s=1.…', or just '#s=1.…'): the same
                  trajectories the page draws; what the page would ignore is named on stderr

Exit status: 0 on success, 2 on any bad input (with one line on stderr and nothing on stdout).`;

/** A bad invocation or input: reported as one line on stderr with exit status 2. */
class UsageError extends Error {}

/** Runs the command line; resolves to the exit status. */
export async function main(args: readonly string[], out: Sink = stdoutSink()): Promise<number> {
  try {
    const { command, file, format } = parseArgs(args);
    if (command === 'help') {
      out.write(`${USAGE}\n`);
      return 0;
    }
    const scene = (await sceneOfLink(file)) ?? (await sceneOfFile(file));
    const objective =
      scene.fn.id === CUSTOM_ID ? customObjective(await loadCompiler(), scene.fn) : undefined;
    const { runs } = simulate(scene, objective);
    if (format === 'csv') writeCsv(runs, out);
    else writeJson(scene, runs, out);
    return 0;
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    process.stderr.write(`descent-lab: ${e.message}\n`);
    return 2;
  }
}

function parseArgs(args: readonly string[]): {
  command: 'run' | 'help';
  file: string;
  format: 'json' | 'csv';
} {
  if (args.length === 0 || args.includes('--help') || args.includes('-h') || args[0] === 'help') {
    return { command: 'help', file: '', format: 'json' };
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

async function sceneOfFile(file: string): Promise<Scene> {
  const text = await readPresetText(file);
  // mathjs loads only when the preset may hold a typed function.
  const options = text.includes(`"${CUSTOM_ID}"`) ? withChecker(await loadCompiler()) : {};
  const parsed = parsePresetText(text, options);
  if (!parsed.ok)
    throw new UsageError(`invalid preset ${label(file)}: ${parsed.errors.join('; ')}`);
  return parsed.scene;
}

/** The scene of a link argument, or undefined when the argument is a file (or `-`). */
async function sceneOfLink(arg: string): Promise<Scene | undefined> {
  if (!/^(https?:\/\/[^#]*)?#?s=/.test(arg) || (await exists(arg))) return undefined;
  let link = readLink(arg);
  if (!link.found) return undefined;
  // A typed function is checked with the compiler, loaded only now that one is there.
  if (link.scene.fn.id === CUSTOM_ID) link = readLink(arg, withChecker(await loadCompiler()));
  if (!link.found) return undefined;
  // Nothing usable is an error here: the default scene is the page's fallback, not an answer.
  if (link.defaulted) throw new UsageError(`bad link: ${link.problems.slice(0, -1).join('; ')}`);
  for (const problem of link.problems) process.stderr.write(`descent-lab: link: ${problem}\n`);
  return link.scene;
}

const exists = (path: string): Promise<boolean> =>
  stat(path).then(
    () => true,
    () => false,
  );

const label = (file: string): string => (file === '-' ? 'on standard input' : `in ${file}`);
const tooLarge = (what: string, size: number): UsageError =>
  new UsageError(`${what} is ${size} bytes; a preset is at most ${MAX_PRESET_BYTES} bytes`);

async function readPresetText(file: string): Promise<string> {
  if (file === '-') {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of process.stdin) {
      size += (chunk as Buffer).length;
      if (size > MAX_PRESET_BYTES) throw tooLarge('standard input', size);
      chunks.push(chunk as Buffer);
    }
    return Buffer.concat(chunks).toString('utf8');
  }
  let info;
  try {
    info = await stat(file);
  } catch (e) {
    throw new UsageError(`cannot read ${file}: ${describeFsError(e)}`);
  }
  if (!info.isFile()) throw new UsageError(`cannot read ${file}: not a file`);
  if (info.size > MAX_PRESET_BYTES) throw tooLarge(file, info.size);
  try {
    return await readFile(file, 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read ${file}: ${describeFsError(e)}`);
  }
}

function describeFsError(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES') return 'permission denied';
  if (code === 'EISDIR') return 'it is a directory';
  return (e as Error).message;
}

function stdoutSink(): Sink {
  // A closed pipe (`| head`) is not an error worth a stack trace.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    throw e;
  });
  return { write: (chunk) => void process.stdout.write(chunk) };
}
