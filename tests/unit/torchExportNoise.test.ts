/**
 * The script's port of the lab's generator (src/export/torch/noise.ts) against the engine's, bit
 * for bit: the first 4,000 normals of several seeds (the noise of a 2,000-step scene), the
 * portable logarithm on edge and random inputs, and the mini-batch permutations of data scenes.
 */
import { spawnSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { epochSeed, shuffled } from '../../src/engine/data/batches.ts';
import { ln } from '../../src/engine/math/log.ts';
import { NormalSource, noiseSequence } from '../../src/engine/noise.ts';
import { BATCHES_PY, NORMALS_PY } from '../../src/export/torch/noise.ts';
import { OUTPUT_PY } from '../../src/export/torch/output.ts';
import { PYTHON } from './support/python.ts';

/** A double's IEEE bits in hex, as Python's struct.pack('>d', x).hex() writes them. */
const bits = (x: number): string =>
  Buffer.from(new Float64Array([x]).buffer)
    .reverse()
    .toString('hex');

const SEEDS = [0, 1, 2, 3, 42, 12345, 2 ** 31 - 1, 2 ** 31, 2 ** 32 - 1];
const COUNT = 4000;

// Edge inputs of ln (zero, subnormals, powers of two, the branch points of fdlibm's reduction
// near 1 and √2, huge values) and random ones from the lab's own uniform source.
const uniforms = new NormalSource(9);
const LN_INPUTS = [
  0,
  5e-324,
  1e-310,
  2.2250738585072014e-308,
  1e-300,
  0.25,
  0.5,
  0.7071067811865476,
  0.75,
  0.9999999999999999,
  1,
  1.0000000000000002,
  1.0000009536743164,
  1.4142135623730951,
  1.5,
  2,
  3,
  1e10,
  1e300,
  1.7976931348623157e308,
  Infinity,
  ...Array.from({ length: 2000 }, () => uniforms.nextUniform()),
  ...Array.from(
    { length: 500 },
    () => uniforms.nextUniform() * 2 ** ((uniforms.nextUint32() % 200) - 100),
  ),
];

const PERMUTATIONS = [
  { n: 300, seed: 1, epoch: 0 },
  { n: 300, seed: 1, epoch: 7 },
  { n: 301, seed: 2 ** 32 - 1, epoch: 3 },
  { n: 1000, seed: 50, epoch: 1 },
];

// Doubles of every magnitude, and the edges of JavaScript's formats (fixed up to 1e21, 0.000001).
const NUMBERS = [
  0,
  -0,
  1,
  -1,
  100,
  0.1,
  1e-7,
  1.5e-7,
  1e-6,
  0.000001234,
  1e20,
  1e21,
  1.5e21,
  123456789012345680000,
  2 ** 53,
  2 ** 53 + 2,
  5e-324,
  2.2250738585072014e-308,
  1.7976931348623157e308,
  0.30000000000000004,
  ...Array.from({ length: 3000 }, () => {
    const v = uniforms.nextUniform() * 2 ** ((uniforms.nextUint32() % 160) - 80);
    return uniforms.nextUint32() % 2 ? v : -v;
  }),
  ...Array.from({ length: 200 }, () => uniforms.nextUint32() * (uniforms.nextUint32() % 1000)),
];

let python: {
  numbers: string[];
  normals: string[][];
  ln: string[];
  permutations: number[][];
  batches: number[][];
};

describe('the PyTorch script’s ports: the generator bit for bit, numbers as JavaScript writes them', () => {
  beforeAll(() => {
    const program = [
      'import json, math, struct, sys',
      NORMALS_PY,
      BATCHES_PY,
      OUTPUT_PY,
      'h = lambda x: struct.pack(">d", x).hex()',
      'args = json.load(sys.stdin)',
      'order = BatchOrder(301, 16, 7)',
      'print(json.dumps({',
      '  "normals": [[h(v) for v in normals(s, args["count"])] for s in args["seeds"]],',
      '  "ln": [h(ln(v)) for v in args["ln"]],',
      '  "permutations": [permutation(p["n"], p["seed"], p["epoch"]) for p in args["permutations"]],',
      '  "batches": [order.indices(k) for k in range(60)],',
      '  "numbers": [js_number(v) for v in args["numbers"]],',
      '}))',
    ].join('\n');
    const input = JSON.stringify({
      seeds: SEEDS,
      count: COUNT,
      ln: LN_INPUTS,
      permutations: PERMUTATIONS,
      numbers: NUMBERS,
      // JSON writes Infinity as null; Python reads 1e999 as inf.
    }).replace(/null/g, '1e999');
    const r = spawnSync(PYTHON, ['-c', program], { input, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    python = JSON.parse(r.stdout);
  });

  it.each(SEEDS.map((seed, i) => [seed, i]))('normals of seed %d', (seed, i) => {
    const lab = Array.from(noiseSequence(seed, COUNT / 2), bits);
    expect(python.normals[i]).toEqual(lab);
  });

  it('js_number writes every double as String(v) does (the lab’s JSON)', () => {
    expect(python.numbers).toEqual(NUMBERS.map((v) => String(v)));
  });

  it('ln on edge and random inputs', () => {
    expect(python.ln).toEqual(LN_INPUTS.map((v) => bits(ln(v))));
  });

  it('the epoch permutations and batch order of a data scene', () => {
    expect(python.permutations).toEqual(
      PERMUTATIONS.map(({ n, seed, epoch }) => Array.from(shuffled(n, epochSeed(seed, epoch)))),
    );
    // 301 examples in batches of 16: 19 per epoch, the last of 13; 60 steps cross three epochs.
    const perEpoch = Math.ceil(301 / 16);
    expect(python.batches).toEqual(
      Array.from({ length: 60 }, (_, k) => {
        const perm = shuffled(301, epochSeed(7, Math.floor(k / perEpoch)));
        const j = k % perEpoch;
        return Array.from(perm.subarray(j * 16, Math.min(301, j * 16 + 16)));
      }),
    );
  });
});
