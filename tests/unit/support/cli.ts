/**
 * The command line in a separate process, as a user runs it but from its TypeScript source (through
 * tsx), so unit tests never run a stale build; tests/e2e/pack.e2e.test.ts runs the built one.
 */
import { spawn, spawnSync, type ChildProcess, type SpawnOptions } from 'node:child_process';
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
