import { describe, expect, it } from 'vitest';
import { NormalSource, noiseSequence } from '../../src/engine/noise.ts';

/**
 * SplitMix32 seeding and xoshiro128** written from their published C code (Vigna; Blackman &
 * Vigna 2018) with BigInt arithmetic modulo 2³², independently of the engine's Math.imul version.
 */
function referenceUint32s(seed: number, count: number): number[] {
  const M = 0xffffffffn;
  const u32 = (x: bigint) => x & M;
  let z = u32(BigInt(Math.trunc(seed)));
  const split = (): bigint => {
    z = u32(z + 0x9e3779b9n);
    let t = z ^ (z >> 16n);
    t = u32(t * 0x21f0aaadn);
    t ^= t >> 15n;
    t = u32(t * 0x735a2d97n);
    return t ^ (t >> 15n);
  };
  const s = [split(), split(), split(), split()];
  const rotl = (x: bigint, k: bigint) => u32((x << k) | (x >> (32n - k)));
  const out: number[] = [];
  for (let i = 0; i < count; i++) {
    out.push(Number(u32(rotl(u32(s[1]! * 5n), 7n) * 9n)));
    const t = u32(s[1]! << 9n);
    s[2]! ^= s[0]!;
    s[3]! ^= s[1]!;
    s[1]! ^= s[2]!;
    s[0]! ^= s[3]!;
    s[2]! ^= t;
    s[3] = rotl(s[3]!, 11n);
  }
  return out;
}

const draw = (source: NormalSource, n: number, f: (s: NormalSource) => number): number[] =>
  Array.from({ length: n }, () => f(source));

describe('NormalSource', () => {
  it('is SplitMix32-seeded xoshiro128**, output for output', () => {
    for (const seed of [0, 1, 42, 0x7fffffff, 0xdeadbeef, 2 ** 32 - 1]) {
      expect(
        draw(new NormalSource(seed), 1000, (s) => s.nextUint32()),
        `seed ${seed}`,
      ).toEqual(referenceUint32s(seed, 1000));
    }
  });

  it('reduces its seed to 32 bits: seeds equal modulo 2³² give the same stream', () => {
    const first = (seed: number) => draw(new NormalSource(seed), 8, (s) => s.nextUint32());
    expect(first(-1)).toEqual(first(2 ** 32 - 1));
    expect(first(2 ** 32)).toEqual(first(0));
    expect(first(2 ** 32 + 7)).toEqual(first(7));
    // Beyond 2⁵³ − 2³² the seed plus SplitMix's increment would round: reduce first.
    expect(first(2 ** 60)).toEqual(first(0));
    expect(first(-(2 ** 32) - 3)).toEqual(first(-3));
    expect(first(1)).not.toEqual(first(0));
  });

  it('builds each uniform from 27 + 26 bits of two draws: a double in [0, 1) on a 2⁻⁵³ grid', () => {
    const bits = new NormalSource(9);
    const uniforms = new NormalSource(9);
    for (let i = 0; i < 1000; i++) {
      const hi = bits.nextUint32() >>> 5;
      const lo = bits.nextUint32() >>> 6;
      const u = uniforms.nextUniform();
      expect(u).toBe((hi * 2 ** 26 + lo) / 2 ** 53);
      expect(u).toBeGreaterThanOrEqual(0);
      expect(u).toBeLessThan(1);
    }
    // The extremes of the grid: all-zero and all-one bits.
    expect((0 * 2 ** 26 + 0) / 2 ** 53).toBe(0);
    expect(((2 ** 27 - 1) * 2 ** 26 + (2 ** 26 - 1)) / 2 ** 53).toBe(1 - 2 ** -53);
  });

  it("gives Marsaglia's polar pairs: u·√(−2 ln s / s), then v·√(−2 ln s / s)", () => {
    const uniforms = new NormalSource(5);
    const normals = new NormalSource(5);
    for (let pair = 0; pair < 500; pair++) {
      let u: number, v: number, s: number;
      do {
        u = 2 * uniforms.nextUniform() - 1;
        v = 2 * uniforms.nextUniform() - 1;
        s = u * u + v * v;
      } while (s >= 1 || s === 0);
      const factor = Math.sqrt((-2 * Math.log(s)) / s);
      expect(normals.nextNormal()).toBe(u * factor);
      expect(normals.nextNormal()).toBe(v * factor);
    }
  });

  it('gives the same uniforms in the same order whatever was drawn before (no hidden cache)', () => {
    const a = new NormalSource(3);
    const b = new NormalSource(3);
    a.nextNormal(); // consumes a pair of uniforms at least; keeps the second normal as a spare
    a.nextNormal(); // served from the spare: consumes nothing
    const c = new NormalSource(3);
    let drawn = 0;
    do {
      const u = 2 * c.nextUniform() - 1;
      const v = 2 * c.nextUniform() - 1;
      drawn += 2;
      const s = u * u + v * v;
      if (s < 1 && s !== 0) break;
    } while (drawn < 100);
    for (let i = 0; i < drawn; i++) b.nextUniform();
    expect(a.nextUniform()).toBe(b.nextUniform());
  });
});

describe('noiseSequence', () => {
  it('holds 2·steps normals of the seed, ξ for step k at (2k, 2k + 1)', () => {
    for (const steps of [0, 1, 3, 250]) {
      const xs = noiseSequence(11, steps);
      expect(xs).toHaveLength(2 * steps);
      const source = new NormalSource(11);
      expect(Array.from(xs)).toEqual(draw(source, 2 * steps, (s) => s.nextNormal()));
    }
  });

  it('is a prefix of a longer sequence of the same seed', () => {
    expect(noiseSequence(4, 10)).toEqual(noiseSequence(4, 30).subarray(0, 20));
  });
});
