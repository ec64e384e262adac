/**
 * Typed functions a stranger might put in a link, meant to run code, reach out, or freeze the
 * page. Every one must be refused with the message given, or compile to plain arithmetic with
 * the value given, without anything executing: several try to set `__pwned` on the global
 * object, which the tests then look for.
 */
const nestedPowers = (n: number) => {
  let s = 'x';
  for (let i = 0; i < n; i++) s = `(${s})^2`;
  return s;
};
const nested = (open: string, n: number, close = ')') => `${open.repeat(n)}x${close.repeat(n)}`;
/** `x op x op … x`, n terms: flat to the reader, nested n deep by mathjs. */
const flat = (op: string, n: number) => 'x' + `${op}x`.repeat(n - 1);

/** What a typed function gives: refused with exactly this message, or compiled, with f(0.3, 0.4). */
export type Outcome = { readonly refused: string } | { readonly f: number };

/** Each hostile expression with its outcome. */
export const hostileCorpus: readonly (readonly [text: string, outcome: Outcome])[] = [
  // Constructor and prototype tricks.
  [
    'cos.constructor("globalThis.__pwned = 1")()',
    { refused: 'property access is not allowed ("." only in numbers) at column 4' },
  ],
  [
    'sin.constructor("globalThis.__pwned = 1")()',
    { refused: 'property access is not allowed ("." only in numbers) at column 4' },
  ],
  [
    '[].map.constructor("globalThis.__pwned = 1")()',
    { refused: 'matrices and indexing are not allowed at column 1' },
  ],
  [
    'x.constructor.constructor("globalThis.__pwned = 1")()',
    { refused: 'property access is not allowed ("." only in numbers) at column 2' },
  ],
  [
    'f = cos.constructor; f("globalThis.__pwned = 1")()',
    { refused: 'assignments and comparisons are not allowed at column 3' },
  ],
  [
    'constructor("globalThis.__pwned = 1")',
    { refused: 'text (strings) is not allowed at column 13' },
  ],
  ['constructor(x)', { refused: 'unknown function "constructor" at column 1' }],
  ['__proto__', { refused: 'unknown name "__proto__" (use x, y, pi, e) at column 1' }],
  ['__proto__(x)', { refused: 'unknown function "__proto__" at column 1' }],
  ['x.__proto__', { refused: 'property access is not allowed ("." only in numbers) at column 2' }],
  ['{}.__proto__.polluted = 1', { refused: 'objects are not allowed at column 1' }],
  ['x["__proto__"]', { refused: 'matrices and indexing are not allowed at column 2' }],
  ['prototype(x)', { refused: 'unknown function "prototype" at column 1' }],
  ['valueOf(x)', { refused: 'unknown function "valueOf" at column 1' }],
  ['toString(x)', { refused: 'unknown function "toString" at column 1' }],
  ['hasOwnProperty(x)', { refused: 'unknown function "hasOwnProperty" at column 1' }],
  ['_data.map(x)', { refused: 'property access is not allowed ("." only in numbers) at column 6' }],
  ['x._data', { refused: 'property access is not allowed ("." only in numbers) at column 2' }],
  // Names of the host and of the parser's own helpers.
  ['window', { refused: 'unknown name "window" (use x, y, pi, e) at column 1' }],
  ['globalThis', { refused: 'unknown name "globalThis" (use x, y, pi, e) at column 1' }],
  ['process', { refused: 'unknown name "process" (use x, y, pi, e) at column 1' }],
  ['this', { refused: 'unknown name "this" (use x, y, pi, e) at column 1' }],
  ['reviver', { refused: 'unknown name "reviver" (use x, y, pi, e) at column 1' }],
  ['resolve(x)', { refused: 'unknown function "resolve" at column 1' }],
  ['format(x)', { refused: 'unknown function "format" at column 1' }],
  ['x + z', { refused: 'unknown name "z" (use x, y, pi, e) at column 5' }],
  // Code loading and evaluation.
  ['import({__pwned: 1}, {override: true})', { refused: 'objects are not allowed at column 8' }],
  ['import(x)', { refused: 'unknown function "import" at column 1' }],
  ['evaluate("globalThis.__pwned = 1")', { refused: 'text (strings) is not allowed at column 10' }],
  ['evaluate("x^2")', { refused: 'text (strings) is not allowed at column 10' }],
  ['parse("x").compile().evaluate()', { refused: 'text (strings) is not allowed at column 7' }],
  ['parse(x)', { refused: 'unknown function "parse" at column 1' }],
  ['compile("x")', { refused: 'text (strings) is not allowed at column 9' }],
  ['simplify("x^2 + x^2")', { refused: 'text (strings) is not allowed at column 10' }],
  ['derivative("x^2", "x")', { refused: 'text (strings) is not allowed at column 12' }],
  ['eval("globalThis.__pwned = 1")', { refused: 'text (strings) is not allowed at column 6' }],
  [
    'Function("globalThis.__pwned = 1")()',
    { refused: 'text (strings) is not allowed at column 10' },
  ],
  ['createUnit("pwn", "1 m")', { refused: 'text (strings) is not allowed at column 12' }],
  ['createUnit(x)', { refused: 'unknown function "createUnit" at column 1' }],
  ['config({number: "BigNumber"})', { refused: 'objects are not allowed at column 8' }],
  ['typed("f", {"number": f})', { refused: 'text (strings) is not allowed at column 7' }],
  [
    'chain(x).done()',
    { refused: 'property access is not allowed ("." only in numbers) at column 9' },
  ],
  ['reviver(x)', { refused: 'unknown function "reviver" at column 1' }],
  ['"x" + y', { refused: 'text (strings) is not allowed at column 1' }],
  ["'x' + y", { refused: 'text (strings) and transposes are not allowed at column 1' }],
  ['`${globalThis.__pwned = 1}`', { refused: 'text (strings) is not allowed at column 1' }],
  // Assignments, definitions, blocks.
  ['x = 3', { refused: 'assignments and comparisons are not allowed at column 3' }],
  ['f(x) = f(x)', { refused: 'assignments and comparisons are not allowed at column 6' }],
  ['f(x) = f(x); f(1)', { refused: 'assignments and comparisons are not allowed at column 6' }],
  ['g(t) = g(t + 1); g(x)', { refused: 'assignments and comparisons are not allowed at column 6' }],
  ['x; y', { refused: 'only one expression is allowed: ";" is not allowed at column 2' }],
  ['x\ny', { refused: 'only one line is allowed at column 2' }],
  ['a = 1; a + x', { refused: 'assignments and comparisons are not allowed at column 3' }],
  // Huge matrices, ranges, loops over data.
  [
    'zeros(3000, 3000)',
    { refused: 'functions take one argument: "," is not allowed at column 11' },
  ],
  ['ones(1e5, 1e5)', { refused: 'functions take one argument: "," is not allowed at column 9' }],
  ['identity(1e4)', { refused: 'unknown function "identity" at column 1' }],
  ['sum(1:3e6)', { refused: 'ranges are not allowed at column 6' }],
  ['sum(1:1e9)', { refused: 'ranges are not allowed at column 6' }],
  ['1:1e9', { refused: 'ranges are not allowed at column 2' }],
  ['range(1, 1e9)', { refused: 'functions take one argument: "," is not allowed at column 8' }],
  ['map(1:1e7, sin)', { refused: 'ranges are not allowed at column 6' }],
  ['det(random([500, 500]))', { refused: 'matrices and indexing are not allowed at column 12' }],
  ['[1, 2, 3]', { refused: 'matrices and indexing are not allowed at column 1' }],
  ['matrix([[x, y]])', { refused: 'matrices and indexing are not allowed at column 8' }],
  ['x[1]', { refused: 'matrices and indexing are not allowed at column 2' }],
  ['{a: x}', { refused: 'objects are not allowed at column 1' }],
  // Functions and operators outside the list.
  ['sinn(x)', { refused: 'unknown function "sinn" at column 1' }],
  ['log(x, 2)', { refused: 'functions take one argument: "," is not allowed at column 6' }],
  ['pow(x, 2)', { refused: 'functions take one argument: "," is not allowed at column 6' }],
  ['x!', { refused: 'factorials and "not" are not allowed at column 2' }],
  ['x % y', { refused: 'percent and modulo are not allowed at column 3' }],
  ['x mod y', { refused: 'operator "mod" is not allowed at column 3' }],
  ["x'", { refused: 'text (strings) and transposes are not allowed at column 2' }],
  ['x == y ? 1 : 0', { refused: 'assignments and comparisons are not allowed at column 3' }],
  ['x and y', { refused: 'operator "and" is not allowed at column 3' }],
  ['x to cm', { refused: 'operator "to" is not allowed at column 3' }],
  ['5 cm + x', { refused: 'unknown name "cm" (use x, y, pi, e) at column 3' }],
  ['random()', { refused: 'unknown function "random" at column 1' }],
  ['x & y | 1', { refused: 'logical and bitwise operators are not allowed at column 3' }],
  ['gamma(x)', { refused: 'unknown function "gamma" at column 1' }],
  ['Infinity * x', { refused: 'unknown name "Infinity" (use x, y, pi, e) at column 1' }],
  ['NaN', { refused: 'unknown name "NaN" (use x, y, pi, e) at column 1' }],
  // mathjs's named constants are names to the reader, and refused as such.
  ['true', { refused: 'unknown name "true" (use x, y, pi, e) at column 1' }],
  ['null + x', { refused: 'unknown name "null" (use x, y, pi, e) at column 1' }],
  ['x + undefined', { refused: 'unknown name "undefined" (use x, y, pi, e) at column 5' }],
  ['-Infinity', { refused: 'unknown name "Infinity" (use x, y, pi, e) at column 2' }],
  ['1e999 * x', { refused: 'a number is too large' }],
  // Deep nesting, long input, nested powers (mathjs's simplify takes minutes on these).
  [nestedPowers(20), { f: 0 }],
  [nestedPowers(39), { f: 0 }],
  [nestedPowers(60), { refused: 'nested deeper than 40 at column 41' }],
  ['((((((((((((x^2)^2)^2)^2)^2)^2)^2)^2)^2)^2)^2)^2)^2', { f: 0 }],
  [nested('sin(', 39), { f: 0.20299137214807228 }],
  [nested('exp(', 39), { f: Infinity }],
  [nested('(', 200), { refused: 'nested deeper than 40 at column 41' }],
  [nested('-', 400, ''), { refused: 'nested deeper than 120' }],
  // A flat chain is as deep as its parts: the parts cap, not the nesting cap, decides.
  [flat('+', 250), { refused: 'too complex: more than 300 parts' }],
  [flat('+', 150), { f: 44.99999999999993 }],
  [flat('*', 150), { f: 3.699884850351249e-79 }],
  [flat('/', 150), { f: 2.432508135799306e77 }],
  ['x'.repeat(501), { refused: 'too long: 501 characters, at most 500' }],
  ['x^'.repeat(200) + 'x', { refused: 'nested deeper than 120' }],
  ['sin(x)*'.repeat(70) + 'x', { f: 2.619533646058326e-38 }],
];

/** The corpus's texts alone. */
export const hostileExpressions: readonly string[] = hostileCorpus.map(([text]) => text);

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
