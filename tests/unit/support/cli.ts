/**
 * The command line in a separate process, as a user runs it but from its TypeScript source (through
 * tsx), so unit tests never run a stale build; tests/e2e/pack.e2e.test.ts runs the built one.
 */
import { spawn, spawnSync, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

/** The project folder. */
export const root = fileURLToPath(new URL('../../..', import.meta.url));
const entry = fileURLToPath(new URL('../../../src/cli/bin.ts', import.meta.url));

/** Node's arguments that run the command line's source with `args`; `preload` modules first. */
export const cliArgs = (args: readonly string[], preload: readonly string[] = []): string[] => [
  '--import',
  'tsx',
  ...preload.flatMap((p) => ['--import', p]),
  entry,
  ...args,
];

/** Runs the command line to the end; its status and both streams. */
export function cli(args: readonly string[], input?: string) {
  const r = spawnSync(process.execPath, cliArgs(args), { cwd: root, input, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Starts the command line; the caller reads its streams. */
export const startCli = (args: readonly string[], options: SpawnOptions = {}): ChildProcess =>
  spawn(process.execPath, cliArgs(args), { cwd: root, ...options });

/**
 * Starts the command line and closes its output at the first data, as `| head` does; its exit
 * status and stderr.
 */
export async function closedEarly(args: readonly string[]) {
  const child = startCli(args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  await once(child.stdout!, 'data');
  child.stdout!.destroy();
  const [status] = (await once(child, 'exit')) as [number | null];
  return { status, stderr };
}
