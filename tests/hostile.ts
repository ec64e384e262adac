/**
 * Typed functions a stranger might put in a link, meant to run code, reach out, or freeze the
 * page. Every one must be refused, or compile to plain arithmetic, without anything executing:
 * several try to set `__pwned` on the global object, which the tests then look for.
 */
const nestedPowers = (n: number) => {
  let s = 'x';
  for (let i = 0; i < n; i++) s = `(${s})^2`;
  return s;
};
const nested = (open: string, n: number, close = ')') => `${open.repeat(n)}x${close.repeat(n)}`;

export const hostileExpressions: readonly string[] = [
  // Constructor and prototype tricks.
  'cos.constructor("globalThis.__pwned = 1")()',
  'sin.constructor("globalThis.__pwned = 1")()',
  '[].map.constructor("globalThis.__pwned = 1")()',
  'x.constructor.constructor("globalThis.__pwned = 1")()',
  'f = cos.constructor; f("globalThis.__pwned = 1")()',
  'constructor("globalThis.__pwned = 1")',
  'constructor(x)',
  '__proto__',
  '__proto__(x)',
  'x.__proto__',
  '{}.__proto__.polluted = 1',
  'x["__proto__"]',
  'prototype(x)',
  'valueOf(x)',
  'toString(x)',
  'hasOwnProperty(x)',
  '_data.map(x)',
  'x._data',
  // Code loading and evaluation.
  'import({__pwned: 1}, {override: true})',
  'import(x)',
  'evaluate("globalThis.__pwned = 1")',
  'evaluate("x^2")',
  'parse("x").compile().evaluate()',
  'parse(x)',
  'compile("x")',
  'simplify("x^2 + x^2")',
  'derivative("x^2", "x")',
  'eval("globalThis.__pwned = 1")',
  'Function("globalThis.__pwned = 1")()',
  'createUnit("pwn", "1 m")',
  'createUnit(x)',
  'config({number: "BigNumber"})',
  'typed("f", {"number": f})',
  'chain(x).done()',
  'reviver(x)',
  '"x" + y',
  "'x' + y",
  '`${globalThis.__pwned = 1}`',
  // Assignments, definitions, blocks.
  'x = 3',
  'f(x) = f(x)',
  'f(x) = f(x); f(1)',
  'g(t) = g(t + 1); g(x)',
  'x; y',
  'x\ny',
  'a = 1; a + x',
  // Huge matrices, ranges, loops over data.
  'zeros(3000, 3000)',
  'ones(1e5, 1e5)',
  'identity(1e4)',
  'sum(1:3e6)',
  'sum(1:1e9)',
  '1:1e9',
  'range(1, 1e9)',
  'map(1:1e7, sin)',
  'det(random([500, 500]))',
  '[1, 2, 3]',
  'matrix([[x, y]])',
  'x[1]',
  '{a: x}',
  // Functions and operators outside the list.
  'sinn(x)',
  'log(x, 2)',
  'pow(x, 2)',
  'x!',
  'x % y',
  'x mod y',
  "x'",
  'x == y ? 1 : 0',
  'x and y',
  'x to cm',
  '5 cm + x',
  'random()',
  'x & y | 1',
  'gamma(x)',
  'Infinity * x',
  'NaN',
  // Deep nesting, long input, nested powers (mathjs's simplify takes minutes on these).
  nestedPowers(20),
  nestedPowers(39),
  nestedPowers(60),
  '((((((((((((x^2)^2)^2)^2)^2)^2)^2)^2)^2)^2)^2)^2)^2',
  nested('sin(', 39),
  nested('exp(', 39),
  nested('(', 200),
  nested('-', 400, ''),
  'x' + '+x'.repeat(249),
  'x'.repeat(501),
  'x^'.repeat(200) + 'x',
  'sin(x)*'.repeat(70) + 'x',
];

/**
 * Typed functions the page's first check (the lexer) lets through and the compiler refuses:
 * a link holding one used to leave an empty plot (issue 12, point 10).
 */
export const refusedByCompilerOnly: readonly string[] = [
  'window',
  'globalThis',
  'process',
  'this',
  'x + z',
  'resolve(x)',
  'format(x)',
  'reviver',
  '5 cm + x',
];
