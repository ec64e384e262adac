import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as portable from '../../../src/engine/math/index.ts';

type Unary = (v: number) => number;
const unary: Record<string, [Unary, Unary]> = {
  sin: [portable.sin, Math.sin],
  cos: [portable.cos, Math.cos],
  tan: [portable.tan, Math.tan],
  asin: [portable.asin, Math.asin],
  acos: [portable.acos, Math.acos],
  atan: [portable.atan, Math.atan],
  sinh: [portable.sinh, Math.sinh],
  cosh: [portable.cosh, Math.cosh],
  tanh: [portable.tanh, Math.tanh],
  exp: [portable.exp, Math.exp],
  expm1: [portable.expm1, Math.expm1],
  log: [portable.ln, Math.log],
};

// ECMAScript fixes the result of every Math function at these inputs.
const SPECIAL = [NaN, 0, -0, Infinity, -Infinity];
const MIN = 5e-324;

describe('special values', () => {
  it.each(Object.keys(unary))('%s at NaN, ±0 and ±∞ is what ECMAScript requires', (name) => {
    const [ours, spec] = unary[name]!;
    for (const v of SPECIAL) expect(Object.is(ours(v), spec(v)), `${name}(${v})`).toBe(true);
  });

  it('odd functions keep the sign and value of subnormal and tiny arguments', () => {
    for (const f of [portable.sin, portable.tan, portable.asin, portable.atan, portable.sinh]) {
      for (const v of [MIN, -MIN, 1e-310, -1e-310, 2 ** -40, -(2 ** -40)]) {
        if (Math.abs(v) < 2 ** -30) expect(f(v)).toBe(v);
      }
      expect(Object.is(f(-0), -0)).toBe(true);
    }
    expect(portable.tanh(-MIN)).toBe(-MIN);
    expect(portable.expm1(MIN)).toBe(MIN);
    expect(portable.cos(MIN)).toBe(1);
    expect(portable.cosh(-MIN)).toBe(1);
    expect(portable.exp(-MIN)).toBe(1);
  });

  it('limits, overflow and underflow', () => {
    expect(portable.exp(709.78)).toBeLessThan(Infinity);
    expect(portable.exp(709.8)).toBe(Infinity);
    expect(portable.exp(-745.2)).toBe(0);
    expect(portable.exp(-745)).toBe(MIN);
    expect(portable.expm1(-50)).toBe(-1);
    expect(portable.sinh(710.4)).toBeLessThan(Infinity);
    expect(portable.sinh(-711)).toBe(-Infinity);
    expect(portable.cosh(-710.4)).toBeLessThan(Infinity);
    expect(portable.cosh(711)).toBe(Infinity);
    expect(portable.tanh(30)).toBe(1);
    expect(portable.tanh(-30)).toBe(-1);
    expect(portable.atan(1e300)).toBe(Math.PI / 2);
    expect(portable.atan(-Infinity)).toBe(-Math.PI / 2);
    expect(portable.asin(1)).toBe(Math.PI / 2);
    expect(portable.acos(-1)).toBe(Math.PI);
    expect(portable.acos(1)).toBe(0);
    for (const v of [1.0000000000000002, -2, Infinity]) {
      expect(portable.asin(v)).toBeNaN();
      expect(portable.acos(v)).toBeNaN();
    }
    expect(portable.ln(-1)).toBeNaN();
    expect(portable.ln(0)).toBe(-Infinity);
  });

  it('sin and cos of huge arguments use the full reduction (Payne–Hanek)', () => {
    // glibc's (correctly rounded) values: a naive reduction gets even the sign wrong.
    expect(portable.sin(1e22)).toBe(-0.8522008497671888);
    expect(portable.cos(1e22)).toBe(0.523214785395139);
    expect(portable.sin(Number.MAX_VALUE)).toBe(0.004961954789184062);
    expect(portable.tan(1e300)).toBe(Math.tan(1e300));
    for (const f of [portable.sin, portable.cos, portable.tan]) {
      for (const v of [1e6, 1e15, 2 ** 60, 1e300]) expect(Number.isFinite(f(v))).toBe(true);
    }
  });

  it('pow has every special case of ECMAScript `**`', () => {
    const values = [NaN, 0, -0, Infinity, -Infinity, 1, -1, 0.5, -0.5, 2, -2, 3, -3, 2.5, -2.5];
    for (const x of values) {
      for (const y of values) {
        // Both finite, neither 0 nor ±1 as a base: the result is an approximation, tested elsewhere.
        const special = [x, y].some((v) => !Number.isFinite(v) || v === 0) || Math.abs(x) === 1;
        if (special) expect(Object.is(portable.pow(x, y), x ** y), `${x} ** ${y}`).toBe(true);
      }
    }
  });

  it('pow is exact where the result is representable, NaN for a negative base and a fraction', () => {
    expect(portable.pow(2, -1074)).toBe(MIN);
    expect(portable.pow(2, 1023)).toBe(2 ** 1023);
    expect(portable.pow(2, 1024)).toBe(Infinity);
    expect(portable.pow(2, -1076)).toBe(0);
    expect(portable.pow(-2, 3)).toBe(-8);
    expect(portable.pow(-2, 11)).toBe(-2048);
    expect(portable.pow(-2, 12)).toBe(4096);
    expect(portable.pow(-8, 1 / 3)).toBeNaN();
    expect(portable.pow(4, 0.5)).toBe(2);
    expect(portable.pow(1e-310, 0.5)).toBe(Math.sqrt(1e-310));
    expect(portable.pow(10, 22)).toBe(1e22);
    expect(portable.pow(-0, -3)).toBe(-Infinity);
  });

  it('hypot scales instead of overflowing, and is exact on Pythagorean triples', () => {
    expect(portable.hypot(3, 4)).toBe(5);
    expect(portable.hypot(-5, 12)).toBe(13);
    expect(portable.hypot(3e300, 4e300)).toBe(5e300);
    expect(portable.hypot(3e-320, 4e-320)).toBe(5e-320);
    expect(portable.hypot(NaN, Infinity)).toBe(Infinity);
    expect(portable.hypot(NaN, 1)).toBeNaN();
    expect(portable.hypot(0, -0)).toBe(0);
  });
});

const root = fileURLToPath(new URL('../../../src/', import.meta.url));
const filesUnder = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : path.endsWith('.ts') ? [path] : [];
  });
/** Code without comments, so a comment naming Math.sin is not a use. */
const code = (path: string) =>
  readFileSync(path, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\/\/.*$/gm, '');

describe('determinism: nothing the engine computes comes from the engine-defined Math functions', () => {
  it('the ports use only IEEE-exact operations: + − × ÷, sqrt, abs, floor, max and bit access', () => {
    for (const path of filesUnder(join(root, 'engine/math'))) {
      const calls = code(path).match(/Math\.\w+/g) ?? [];
      expect(
        calls.filter((c) => !['Math.sqrt', 'Math.abs', 'Math.floor', 'Math.max'].includes(c)),
        path,
      ).toEqual([]);
      expect(code(path), path).not.toMatch(/\*\*/);
    }
  });

  it('the engine and the workers call no transcendental Math function and no **', () => {
    const banned =
      /Math\.(sin|cos|tan|asin|acos|atan|atan2|sinh|cosh|tanh|asinh|acosh|atanh|exp|expm1|log|log1p|log2|log10|pow|cbrt|hypot)\b|\*\*/;
    for (const dir of ['engine', 'workers']) {
      for (const path of filesUnder(join(root, dir))) expect(code(path), path).not.toMatch(banned);
    }
  });
});
