import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { OutputError } from './failure.ts';

/**
 * Writes `chunks` to `out` and ends it, pulling the next chunk only when `out` has room: when
 * write() says its buffer is full, waits for 'drain'. A slow reader therefore holds the producer
 * (and the simulation feeding it) instead of letting the whole output pile up in memory. A failure
 * of `out` throws OutputError; an error of the producer is thrown as it is.
 */
export async function writeOut(chunks: Iterable<string>, out: Writable): Promise<void> {
  let broken: unknown;
  // Listening all along: a write that fails after write() returned true is caught too.
  const onError = (e: unknown): void => void (broken ??= e);
  out.on('error', onError);
  try {
    for (const chunk of chunks) {
      if (broken !== undefined) break;
      if (!out.write(chunk)) await once(out, 'drain');
    }
    if (broken === undefined) await finished(out.end());
  } catch (e) {
    if (broken === undefined) throw e;
  } finally {
    out.off('error', onError);
  }
  if (broken !== undefined) throw outputError(broken);
}

function outputError(e: unknown): OutputError {
  const code = (e as NodeJS.ErrnoException).code;
  const reason = code === 'ENOSPC' ? 'no space left on the device' : (e as Error).message;
  return new OutputError(code, `cannot write the output: ${reason}`);
}
