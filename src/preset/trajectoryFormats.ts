import type { Run, Scene } from '../engine/scene.ts';

/** Where output goes, a chunk at a time. */
export interface Sink {
  write(chunk: string): void;
}

// Rows are joined into chunks of this many before writing, to keep large runs out of one string.
const ROWS_PER_CHUNK = 4096;

/**
 * `{"runs":[{"label","type","points":[[x,y,f],...],"lrs":[...],"diverged_at"}]}`. Numbers are
 * written in JavaScript's shortest round-trip form, so reading them back gives the same doubles.
 */
export function writeJson(scene: Scene, runs: readonly Run[], out: Sink): void {
  out.write('{"runs":[');
  runs.forEach((run, r) => {
    const entry = scene.optimizers[r]!;
    out.write(
      `${r ? ',' : ''}\n{"label":${JSON.stringify(entry.label)},"type":"${entry.type}","points":[`,
    );
    writeRows(run.x.length, out, (i) => `${i ? ',' : ''}[${run.x[i]},${run.y[i]},${run.f[i]}]`);
    out.write('],"lrs":[');
    writeRows(run.lr.length, out, (i) => `${i ? ',' : ''}${run.lr[i]}`);
    out.write(`],"diverged_at":${run.divergedAt}}`);
  });
  out.write('\n]}\n');
}

/** A header, then `run,step,x,y,f,lr` rows; `lr` is the rate of the step that led to the point. */
export function writeCsv(runs: readonly Run[], out: Sink): void {
  out.write('run,step,x,y,f,lr\n');
  runs.forEach((run, r) => {
    writeRows(
      run.x.length,
      out,
      (i) => `${r},${i},${run.x[i]},${run.y[i]},${run.f[i]},${i ? run.lr[i - 1] : ''}\n`,
    );
  });
}

function writeRows(n: number, out: Sink, row: (i: number) => string): void {
  for (let start = 0; start < n; start += ROWS_PER_CHUNK) {
    let chunk = '';
    const end = Math.min(n, start + ROWS_PER_CHUNK);
    for (let i = start; i < end; i++) chunk += row(i);
    out.write(chunk);
  }
}
