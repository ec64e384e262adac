/** The command line's main() in this process, its streams captured. */
import { Readable, Writable } from 'node:stream';
import { main } from '../../../src/cli/main.ts';

/** Runs main() with `args` (and `stdin` for `-`); its status and both streams. */
export async function run(args: readonly string[], stdin = '') {
  let stdout = '';
  let stderr = '';
  const status = await main(args, {
    stdin: () => Readable.from([Buffer.from(stdin)]),
    stdout: new Writable({
      write(chunk: Buffer, _encoding, done) {
        stdout += chunk.toString();
        done();
      },
    }),
    stderr: { write: (chunk: string) => (stderr += chunk) },
  });
  return { status, stdout, stderr };
}
