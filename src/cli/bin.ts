/** The command line's entry point: the bundle `npm run build:cli` writes to dist-cli/. */
import { EXIT, internalError } from './failure.ts';
import { main } from './main.ts';

// main() reports its own failures; this is the last resort, so that not even a bug in it, nor an
// error on a stream after it returned, reaches the user as a stack trace.
process.on('uncaughtException', (e) => {
  process.stderr.write(`descent-lab: ${internalError(e)}\n`);
  process.exit(EXIT.failed);
});
// A closed stderr leaves nowhere to report to.
process.stderr.on('error', () => undefined);

// No top-level await: with one, the bundler keeps shared modules out of this file (startup would
// load two). main() never rejects.
void main(process.argv.slice(2)).then((status) => {
  process.exitCode = status;
});
