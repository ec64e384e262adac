import type { Run, Scene } from '../engine/scene.ts';

/** Where output goes, a chunk at a time. */
export interface Sink {
  write(chunk: string): void;
}

// Rows are joined into chunks of this many, to keep large runs out of one string.
const ROWS_PER_CHUNK = 4096;

/**
 * `{"runs":[{"label","type","points":[[x,y,f],...],"lrs":[...],"diverged_at"}]}`, and a run of a
 * loss made of data with a test set has `"test_f":[...]`, the test loss at each point, after its
 * points. Numbers are written in JavaScript's shortest round-trip form, so reading them back
 * gives the same doubles.
 */
export function writeJson(scene: Scene, runs: Iterable<Run>, out: Sink): void {
  for (const chunk of jsonChunks(scene, runs)) out.write(chunk);
}

/**
 * A header, then `run,step,x,y,f,lr` rows; `lr` is the rate of the step that led to the point.
 * Runs with a test loss (a loss made of data with a test set) add a last column, `test_f`.
 */
export function writeCsv(runs: Iterable<Run>, out: Sink): void {
  for (const chunk of csvChunks(runs)) out.write(chunk);
}

/** writeJson's text, a chunk at a time, each run read from `runs` only when its turn comes. */
export function* jsonChunks(scene: Scene, runs: Iterable<Run>): Generator<string, void, undefined> {
  yield '{"runs":[';
  let r = 0;
  for (const run of runs) {
    const entry = scene.optimizers[r]!;
    yield `${r ? ',' : ''}\n{"label":${JSON.stringify(entry.label)},"type":"${entry.type}","points":[`;
    yield* rows(run.x.length, (i) => `${i ? ',' : ''}[${run.x[i]},${run.y[i]},${run.f[i]}]`);
    const testF = run.testF;
    if (testF) {
      yield '],"test_f":[';
      yield* rows(testF.length, (i) => `${i ? ',' : ''}${testF[i]}`);
    }
    yield '],"lrs":[';
    yield* rows(run.lr.length, (i) => `${i ? ',' : ''}${run.lr[i]}`);
    yield `],"diverged_at":${run.divergedAt}}`;
    r++;
  }
  yield '\n]}\n';
}

/** writeCsv's text, a chunk at a time, each run read from `runs` only when its turn comes. */
export function* csvChunks(runs: Iterable<Run>): Generator<string, void, undefined> {
  let r = 0;
  for (const run of runs) {
    const n = r++;
    const testF = run.testF;
    // Every run of a scene has a test loss or none, so the first decides the header.
    if (n === 0) yield `run,step,x,y,f,lr${testF ? ',test_f' : ''}\n`;
    yield* rows(
      run.x.length,
      (i) =>
        `${n},${i},${run.x[i]},${run.y[i]},${run.f[i]},${i ? run.lr[i - 1] : ''}` +
        `${testF ? `,${testF[i]}` : ''}\n`,
    );
  }
  if (r === 0) yield 'run,step,x,y,f,lr\n';
}

function* rows(n: number, row: (i: number) => string): Generator<string, void, undefined> {
  for (let start = 0; start < n; start += ROWS_PER_CHUNK) {
    let chunk = '';
    const end = Math.min(n, start + ROWS_PER_CHUNK);
    for (let i = start; i < end; i++) chunk += row(i);
    yield chunk;
  }
}
