import { createHash } from 'node:crypto';
import fc from 'fast-check';
import lz from 'lz-string';
import { describe, expect, it } from 'vitest';
import { MAX_ROWS } from '../../src/engine/data/rows.ts';
import { simulate } from '../../src/engine/index.ts';
import { gallery } from '../../src/gallery/scenes.ts';
import {
  defaultScene,
  parsePreset,
  readLink,
  sceneFromPreset,
  sceneHash,
  toCompactPreset,
  toPreset,
} from '../../src/preset/index.ts';
import { MAX_PRESET_BYTES } from '../../src/preset/limits.ts';
import {
  MAX_LINK_CHARS,
  MAX_LINK_JSON,
  MAX_ROWS_JSON,
  MAX_ROWS_LINK_CHARS,
} from '../../src/preset/link.ts';
import { decompressBounded } from '../../src/preset/lzBounded.ts';
import { NormalSource } from '../../src/engine/noise.ts';

const preset = (fn: Record<string, unknown>) => ({
  v: 1,
  fn,
  steps: 40,
  optimizers: [
    { type: 'sgd', lr: 0.02 },
    { type: 'adam', lr: 0.1 },
  ],
});

const lineRows = [
  [0.5, 1.2],
  [1, 2.1],
  [-0.25, -0.4],
  [2, 3.9],
  [3.5, 6.2],
  [-1, -2.25],
];

const errorsOf = (input: unknown) => {
  const r = parsePreset(input);
  return r.ok ? [] : r.errors;
};

/** 10,000 rows of the longest numbers JSON writes: −1.2345678901234567e−123 and the like. */
function longestRows(width: 2 | 3): number[][] {
  const source = new NormalSource(3);
  const num = () =>
    -(1 + source.nextUniform()) * 10 ** (-100 - Math.floor(source.nextUniform() * 200));
  return Array.from({ length: MAX_ROWS }, (_, i) =>
    width === 2 ? [num(), num()] : [num(), num(), i % 2],
  );
}

/** Gallery scenes added after fn.rows: their links are new. */
const ADDED_SINCE = [
  'data-flat-minimum',
  'network-spiral-optimizers',
  'network-circle-units',
  'network-xor-adam',
];

describe('fn.rows in a preset', () => {
  it('leaves every existing link byte for byte as it was (the default scene and the gallery)', () => {
    // The scenes that had links before fn.rows existed; a scene added since had no older link.
    const older = gallery.filter((g) => !ADDED_SINCE.includes(g.id));
    const links = [defaultScene(), ...older.map((g) => sceneFromPreset(g.preset))].map(sceneHash);
    // Taken on main before fn.rows existed.
    expect(createHash('sha256').update(links.join('\n')).digest('hex')).toBe(
      '2a969afec6416513f9b2641e18ff9ff458791624f842e0ca3b72176a06440f06',
    );
  });

  it('round-trips through the preset and the link with every bit of every row', () => {
    const rows = [
      [0.1, 1 / 3],
      [-1e-310, 123456789.12345679],
      [Math.PI, -Math.E],
      [-0, 5e300],
    ];
    const scene = sceneFromPreset(preset({ id: 'user_regression', params: { batch: 2 }, rows }));
    const written = toPreset(scene) as { fn: { rows: number[][] } };
    expect(written.fn.rows).toEqual(rows.map((r) => r.map((v) => v + 0)));
    expect(sceneFromPreset(JSON.parse(JSON.stringify(written)))).toEqual(scene);
    const link = readLink(sceneHash(scene));
    expect(link.found && link.problems).toEqual([]);
    expect(link.found && link.scene).toEqual(scene);
    expect(simulate(link.found ? link.scene : scene).runs).toEqual(simulate(scene).runs);
    // The compact preset leaves out the fitted view and start, which the rows give back.
    const compact = toCompactPreset(scene);
    expect(Object.keys(compact)).not.toContain('view');
    expect(Object.keys(compact)).not.toContain('start');
  });

  it('refuses bad rows by path, in the CSV reader’s words, the first five then how many more', () => {
    expect(
      errorsOf(
        preset({
          id: 'user_logistic',
          rows: [
            [1, 2, 3],
            [1, 'a', 0],
            [1, 2],
            5,
            [Infinity, 0, 1],
            [0, 0, 1],
            [1, 1, 0.5],
            [2, 2, 2],
          ],
        }),
      ),
    ).toEqual([
      'fn.rows[0][2] is a label, which must be 0 or 1, got 3',
      'fn.rows[1][1] must be a number, got "a"',
      'fn.rows[2] has 2 values; a row here is x₁, x₂, label (3)',
      'fn.rows[3] must be a row [x₁, x₂, label], got 5',
      'fn.rows[4][0] is not a finite number (Infinity)',
      'fn.rows (and 2 more bad rows)',
    ]);
    expect(errorsOf(preset({ id: 'user_regression' }))).toEqual([
      'fn.rows is required for user_regression: a list of rows [x, y]',
    ]);
    expect(errorsOf(preset({ id: 'user_regression', rows: { 0: [1, 2] } }))[0]).toMatch(
      /^fn.rows must be a list of rows \[x, y\]/,
    );
    expect(errorsOf(preset({ id: 'user_regression', rows: [[1, 2]] }))).toEqual([
      'fn.rows has 1 row; at least 2 are needed',
    ]);
    const tooMany = Array.from({ length: MAX_ROWS + 1 }, (_, i) => [i, i]);
    expect(errorsOf(preset({ id: 'user_regression', rows: tooMany }))).toEqual([
      'fn.rows has 10,001 rows; at most 10,000 are read',
    ]);
    expect(
      errorsOf(preset({ id: 'user_regression', rows: lineRows, params: { batch: 6 } })),
    ).toEqual(['fn.params.batch must be at most the 4 training examples']);
    // Rows belong to the user's models only: a built-in keeps refusing the key.
    expect(errorsOf(preset({ id: 'linear_regression', rows: lineRows }))[0]).toMatch(
      /^fn: unknown key "rows"/,
    );
  });

  it('a link with bad rows opens on Rosenbrock and says why', () => {
    const bad = preset({
      id: 'user_regression',
      rows: [
        [1, 2],
        [3, 'x'],
      ],
    });
    const link = readLink(`#s=1.${lz.compressToEncodedURIComponent(JSON.stringify(bad))}`);
    expect(link.found && link.scene.fn.id).toBe('rosenbrock');
    expect(link.found && link.problems).toEqual([
      'fn.rows[1][1] must be a number, got "x" (used rosenbrock)',
    ]);
  });

  it('reads a link of 10,000 rows of the longest numbers, the rows within their own caps', () => {
    for (const width of [2, 3] as const) {
      const id = width === 2 ? 'user_regression' : 'user_logistic';
      const scene = sceneFromPreset(preset({ id, rows: longestRows(width) }));
      const hash = sceneHash(scene);
      const [s, r] = hash.split('&');
      expect(s!.length).toBeLessThan(MAX_LINK_CHARS);
      expect(r!.startsWith('r=')).toBe(true);
      expect(r!.length).toBeLessThan(MAX_ROWS_LINK_CHARS);
      const rowsJson = JSON.stringify((toPreset(scene)['fn'] as { rows: unknown }).rows);
      expect(rowsJson.length).toBeLessThan(MAX_ROWS_JSON);
      const link = readLink(hash);
      expect(link.found && link.problems).toEqual([]);
      expect(link.found && link.scene.fn.rows).toEqual(scene.fn.rows);
      // The page's Export → Scene preset of it leaves the command line 1,000,000 bytes to spare.
      const exported = JSON.stringify(toPreset(scene), null, 2);
      expect(Buffer.byteLength(exported)).toBeLessThan(MAX_PRESET_BYTES - 1_000_000);
    }
  });

  it('writes the rows apart from the scene: a changed setting leaves their part as it was', () => {
    const scene = sceneFromPreset(
      preset({ id: 'user_regression', params: { batch: 2 }, rows: lineRows }),
    );
    const [s1, r1] = sceneHash(scene).split('&');
    const [s2, r2] = sceneHash({ ...scene, steps: 41 }).split('&');
    expect(s2).not.toBe(s1);
    expect(r2).toBe(r1);
    // A scene without rows keeps its one-part link.
    expect(sceneHash(defaultScene())).not.toContain('&');
  });

  it('a link whose rows are damaged, too long or missing opens on Rosenbrock and says why', () => {
    const scene = sceneFromPreset(
      preset({ id: 'user_regression', params: { batch: 2 }, rows: lineRows }),
    );
    const [s] = sceneHash(scene).split('&');
    const bomb = lz.compressToEncodedURIComponent('['.repeat(MAX_ROWS_JSON + 1));
    const cases: [string, string][] = [
      [
        `${s}&r=${bomb}`,
        `The link's rows unpack to over ${MAX_ROWS_JSON} characters; they are not read.`,
      ],
      [
        `${s}&r=${'A'.repeat(MAX_ROWS_LINK_CHARS + 1)}`,
        `The link's rows are ${MAX_ROWS_LINK_CHARS + 1} characters; at most ${MAX_ROWS_LINK_CHARS} are read.`,
      ],
      [`${s}&r=%%%`, "The link's rows are damaged: they cannot be decompressed (cut short?)."],
      [
        `${s}&r=${lz.compressToEncodedURIComponent('[[1,')}`,
        "The link's rows are damaged: they are not valid JSON.",
      ],
    ];
    for (const [hash, problem] of cases) {
      const link = readLink(hash);
      expect(link.found && link.scene.fn.id).toBe('rosenbrock');
      expect(link.found && link.problems).toEqual([
        problem,
        'fn.rows is required for user_regression: a list of rows [x, y] (used rosenbrock)',
      ]);
    }
    const missing = readLink(s!);
    expect(missing.found && missing.problems).toEqual([
      'fn.rows is required for user_regression: a list of rows [x, y] (used rosenbrock)',
    ]);
  });
});

describe('decompressBounded', () => {
  it('answers as lz-string on its own output and on any text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300, unit: 'binary' }), (text) => {
        const packed = lz.compressToEncodedURIComponent(text);
        const out = decompressBounded(packed, 1e6);
        expect('text' in out ? out.text : null).toBe(text === '' ? null : text);
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (garbage) => {
        let theirs: string | null;
        try {
          theirs = lz.decompressFromEncodedURIComponent(garbage);
        } catch {
          theirs = null; // lz-string throws on some garbage (it reads on with an undefined entry)
        }
        const ours = decompressBounded(garbage, 1e6);
        // Garbage that lz-string reads as some text, ours reads the same; its failures are ours.
        // Except a text that opens with the code 3, which lz-string never writes: it reads on
        // with an undefined first entry, we call it damaged.
        const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$';
        const opensWith3 = (alphabet.indexOf(garbage.replace(/ /g, '+').charAt(0)) & 48) === 48;
        if (theirs && !opensWith3) expect(ours).toEqual({ text: theirs });
        else if (!theirs) expect('problem' in ours).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('stops a text that unpacks past the cap (a decompression bomb) and refuses the link', () => {
    const bomb = lz.compressToEncodedURIComponent('a'.repeat(MAX_LINK_JSON + 1));
    expect(bomb.length).toBeLessThan(4_000);
    expect(decompressBounded(bomb, MAX_LINK_JSON)).toEqual({ problem: 'too long' });
    expect(decompressBounded(bomb, MAX_LINK_JSON + 1)).toEqual({
      text: 'a'.repeat(MAX_LINK_JSON + 1),
    });
    const link = readLink(`#s=1.${bomb}`);
    expect(link.found && link.problems[0]).toBe(
      `The link's scene unpacks to over ${MAX_LINK_JSON} characters; it is not read.`,
    );
  });
});
