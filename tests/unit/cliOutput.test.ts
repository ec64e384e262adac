import { setImmediate as tick } from 'node:timers/promises';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { OutputError } from '../../src/cli/failure.ts';
import { writeOut } from '../../src/cli/output.ts';

const CHUNK = 'x'.repeat(1000);

/** A producer that counts how many chunks were taken from it. */
function counted(total: number) {
  const state = { pulled: 0 };
  function* chunks() {
    for (let i = 0; i < total; i++) {
      state.pulled++;
      yield CHUNK;
    }
  }
  return { state, chunks: chunks() };
}

/** A writable that takes nothing until `release` is called: a reader that does not read. */
function stalled() {
  const pending: ((error?: Error) => void)[] = [];
  let received = 0;
  const out = new Writable({
    highWaterMark: 4096,
    write(chunk: Buffer, _encoding, done) {
      received += chunk.length;
      pending.push(done);
    },
  });
  return {
    out,
    received: () => received,
    release: (error?: Error) => pending.splice(0).forEach((done) => done(error)),
  };
}

describe('writeOut', () => {
  it('takes no more chunks than the output has room for while nobody reads', async () => {
    const { state, chunks } = counted(1000);
    const sink = stalled();
    const writing = writeOut(chunks, sink.out);
    for (let i = 0; i < 20; i++) await tick();
    // One chunk in the writable's hands, up to its 4 KB mark buffered, and nothing more.
    expect(state.pulled).toBeLessThanOrEqual(6);
    let finished = false;
    void writing.then(() => (finished = true));
    while (!finished) {
      sink.release();
      await tick();
    }
    expect(state.pulled).toBe(1000);
    expect(sink.received()).toBe(1000 * CHUNK.length);
  });

  it('throws OutputError, with the code, when the output fails', async () => {
    const { state, chunks } = counted(1000);
    const sink = stalled();
    const writing = writeOut(chunks, sink.out);
    await tick();
    sink.release(Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }));
    const error = await writing.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OutputError);
    expect((error as OutputError).code).toBe('EPIPE');
    expect((error as OutputError).message).toBe('cannot write the output: write EPIPE');
    expect(state.pulled).toBeLessThanOrEqual(6);
  });

  it("throws the producer's own error as it is", async () => {
    const boom = new Error('boom');
    function* failing() {
      yield CHUNK;
      throw boom;
    }
    const out = new Writable({ write: (_chunk, _encoding, done) => done() });
    await expect(writeOut(failing(), out)).rejects.toBe(boom);
  });
});
