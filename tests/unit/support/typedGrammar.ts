/**
 * Typed functions from a small grammar: mostly the allowed pieces (x, y, numbers, pi, e, + − * / ^,
 * unary minus, parentheses, one-argument functions), mixed with hostile ones (names of the host,
 * mathjs's constants and functions, refused characters and operators), so that generated texts
 * reach every stage: the lexer's refusal, the compiler's refusal, and compiled code.
 */
import fc from 'fast-check';

const allowedAtoms = ['x', 'y', 'pi', 'e', '0', '2', '0.5', '3.25', '1e3', '1e-3'];
const hostileAtoms = [
  'z',
  'window',
  'globalThis',
  'this',
  'NaN',
  'Infinity',
  'true',
  'null',
  'constructor',
  '__proto__',
  'cm',
  '1e999',
];
const allowedFunctions = ['sin', 'cos', 'tan', 'exp', 'log', 'sqrt', 'abs', 'tanh', 'atan'];
const hostileFunctions = ['sinn', 'evaluate', 'import', 'parse', 'createUnit', 'format', 'sec'];
const allowedOps = [' + ', ' - ', '*', '/', '^'];
const hostileOps = [' mod ', ' to ', ' and ', '.', ',', ';', ' = ', '==', '!', '%', '[', ']'];

/** One piece or the other, the hostile one about one time in `odds`. */
const mostly = (allowed: string[], hostile: string[], odds: number) =>
  fc.oneof(
    { weight: odds - 1, arbitrary: fc.constantFrom(...allowed) },
    { weight: 1, arbitrary: fc.constantFrom(...hostile) },
  );

/** A typed function of up to a few dozen pieces. */
export const typedFunction: fc.Arbitrary<string> = fc.letrec<{ expr: string }>((tie) => ({
  expr: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    mostly(allowedAtoms, hostileAtoms, 12),
    fc
      .tuple(tie('expr'), mostly(allowedOps, hostileOps, 4), tie('expr'))
      .map(([a, o, b]) => `${a}${o}${b}`),
    fc
      .tuple(mostly(allowedFunctions, hostileFunctions, 8), tie('expr'))
      .map(([f, a]) => `${f}(${a})`),
    tie('expr').map((a) => `(${a})`),
    tie('expr').map((a) => `-${a}`),
  ),
})).expr;
