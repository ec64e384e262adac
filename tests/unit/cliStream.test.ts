import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { simulate } from '../../src/engine/index.ts';
import { jsonChunks, sceneFromPreset } from '../../src/preset/index.ts';
import { startCli } from './support/cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'descent-lab-stream-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** `count` Adams on Rosenbrock for 100,000 steps: full-length numbers, nothing diverges. */
const scene = (count: number) => ({
  v: 1,
  fn: { id: 'rosenbrock' },
  steps: 100_000,
  optimizers: Array.from({ length: count }, (_, i) => ({ type: 'adam', lr: 0.0001 * (i + 1) })),
});

/** The child's peak resident memory so far, in bytes (Linux's VmHWM), or 0 once it is gone. */
function peakRss(pid: number): number {
  try {
    return (
      Number(/^VmHWM:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) * 1024
    );
  } catch {
    return 0;
  }
}

/** CPU time the child has used, in clock ticks. */
function cpuTicks(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return Number(fields[11]) + Number(fields[12]);
}

/**
 * Runs the command line on `preset` with nobody reading its output until it has written some and
 * then used no CPU for half a second: it is blocked on the full pipe (or done computing). Its peak
 * memory then, and over the whole run once the output is read; the output's size and hash.
 */
async function stalledRun(preset: unknown) {
  const path = join(
    dir,
    `${createHash('sha256').update(JSON.stringify(preset)).digest('hex')}.json`,
  );
  writeFileSync(path, JSON.stringify(preset));
  const child = startCli(['run', path], { stdio: ['ignore', 'pipe', 'pipe'] });
  const pid = child.pid!;
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  const exited = once(child, 'exit');
  let last = -1;
  for (let still = 0; still < 5;) {
    await sleep(100);
    const ticks = cpuTicks(pid);
    still = ticks === last && child.stdout!.readableLength > 0 ? still + 1 : 0;
    last = ticks;
  }
  const stalled = peakRss(pid);
  let peak = stalled;
  const hash = createHash('sha256');
  let bytes = 0;
  let nextCheck = 0;
  child.stdout!.on('data', (chunk: Buffer) => {
    hash.update(chunk);
    bytes += chunk.length;
    if (bytes >= nextCheck) {
      peak = Math.max(peak, peakRss(pid));
      nextCheck += 8 * 2 ** 20;
    }
  });
  await once(child.stdout!, 'end');
  peak = Math.max(peak, peakRss(pid));
  const [status] = await exited;
  return { stalled, peak, bytes, hash: hash.digest('hex'), status, stderr };
}

const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MB`;

describe('descent-lab run to a reader that does not keep up', () => {
  it.skipIf(process.platform !== 'linux')(
    'waits for the reader instead of holding the output in memory, and writes the same bytes',
    async () => {
      // The largest scene a preset allows, 20 × 100,000 steps (about 150 MB of JSON), against one
      // run of it: blocked on the pipe, both hold the same, whatever the output's size.
      const large = await stalledRun(scene(20));
      const small = await stalledRun(scene(1));
      console.log(
        `20 runs: output ${mb(large.bytes)}, child's peak RSS ${mb(large.stalled)} while stalled, ` +
          `${mb(large.peak)} overall; 1 run: output ${mb(small.bytes)}, ${mb(small.stalled)} ` +
          `while stalled, ${mb(small.peak)} overall`,
      );
      for (const r of [large, small]) {
        expect(r.stderr).toBe('');
        expect(r.status).toBe(0);
      }
      expect(large.stalled - small.stalled).toBeLessThan(large.bytes / 8);
      expect(large.peak).toBeLessThan(2 * large.bytes);

      // The same bytes as the whole scene computed first and written in one go.
      const resolved = sceneFromPreset(scene(20));
      const expected = createHash('sha256');
      let expectedBytes = 0;
      for (const chunk of jsonChunks(resolved, simulate(resolved).runs)) {
        expected.update(chunk);
        expectedBytes += Buffer.byteLength(chunk);
      }
      expect(large.bytes).toBe(expectedBytes);
      expect(large.hash).toBe(expected.digest('hex'));
    },
    180_000,
  );
});
