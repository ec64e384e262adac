/**
 * What a user's 10,000 rows cost, in Node (CPU time, the least of several calls): reading the
 * CSV, reading the preset's `fn.rows`, writing the link (the first time, and after a setting
 * changed: the rows' part is kept), reading it, and how long it is.
 * Two data sets: three decimals (what a spreadsheet usually exports) and every digit of a float64
 * (17 significant digits, the worst case for the link's compression short of long exponents).
 * `npx tsx bench/csv.bench.ts`
 */
import { parseCsv } from '../src/engine/data/csv.ts';
import { MAX_ROWS } from '../src/engine/data/rows.ts';
import { NormalSource } from '../src/engine/noise.ts';
import { parsePreset, readLink, sceneFromPreset, sceneHash } from '../src/preset/index.ts';
import { MAX_ROWS_LINK_CHARS } from '../src/preset/link.ts';
import { cpuMs } from './timing.ts';

/** The least CPU time of one call over `rounds` calls, in ms. */
function least(fn: () => unknown, rounds = 7): number {
  let best = Infinity;
  for (let r = 0; r < rounds; r++) {
    const t0 = cpuMs();
    fn();
    best = Math.min(best, cpuMs() - t0);
  }
  return best;
}

/** 10,000 rows of a noisy line, header first, each number with `digits` decimals (or all of them). */
function csvOf(digits: number | null): string {
  const source = new NormalSource(7);
  const lines = ['x,y'];
  for (let i = 0; i < MAX_ROWS; i++) {
    const a = -1 + 4 * source.nextUniform();
    const t = 2 * a - 1 + 0.5 * source.nextNormal();
    lines.push(digits === null ? `${a},${t}` : `${a.toFixed(digits)},${t.toFixed(digits)}`);
  }
  return lines.join('\n');
}

for (const [name, digits] of [
  ['3 decimals', 3],
  ['every digit', null],
] as const) {
  const text = csvOf(digits);
  const parsed = parseCsv(text);
  if (!parsed.ok) throw new Error(parsed.errors.join('; '));
  const { examples } = parsed;
  const rows = Array.from({ length: examples.n }, (_, i) => [examples.a[i], examples.t[i]]);
  const preset = {
    v: 1,
    fn: { id: 'user_regression', rows },
    steps: 500,
    optimizers: [{ type: 'adam' }],
  };
  const scene = sceneFromPreset(preset);
  const hash = sceneHash(scene);
  const figures = {
    csvKB: (text.length / 1000).toFixed(0),
    parseCsvMs: least(() => parseCsv(text)).toFixed(1),
    readPresetMs: least(() => parsePreset(preset)).toFixed(1),
    // The rows' part is compressed once per data set; a changed setting rewrites the scene's part.
    firstLinkMs: least(() => sceneHash(sceneFromPreset(preset)), 3).toFixed(0),
    changedLinkMs: least(() => sceneHash({ ...scene, steps: 501 }), 3).toFixed(1),
    readLinkMs: least(() => readLink(hash), 3).toFixed(0),
    linkChars: hash.length,
    rowsPartCap: MAX_ROWS_LINK_CHARS,
  };
  console.log(`${MAX_ROWS} rows, ${name}:`, JSON.stringify(figures));
}
