import { ExprError, refusalOf } from './error.ts';
import { MAX_PAREN_DEPTH, MAX_EXPR_CHARS } from './limits.ts';

/** A token of a typed function, with its 1-based column. */
export interface Token {
  readonly kind: 'number' | 'name' | 'operator' | 'paren';
  readonly text: string;
  readonly column: number;
}

const NUMBER = /(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/y;
const NAME = /[A-Za-z_][A-Za-z0-9_]*/y;

/** What a refused character would have meant, so the message can say why. */
const REFUSED: Readonly<Record<string, string>> = {
  ',': 'functions take one argument: "," is not allowed',
  '=': 'assignments and comparisons are not allowed',
  ';': 'only one expression is allowed: ";" is not allowed',
  '\n': 'only one line is allowed',
  '[': 'matrices and indexing are not allowed',
  ']': 'matrices and indexing are not allowed',
  '{': 'objects are not allowed',
  '}': 'objects are not allowed',
  '"': 'text (strings) is not allowed',
  "'": 'text (strings) and transposes are not allowed',
  '`': 'text (strings) is not allowed',
  '.': 'property access is not allowed ("." only in numbers)',
  ':': 'ranges are not allowed',
  '!': 'factorials and "not" are not allowed',
  '%': 'percent and modulo are not allowed',
  '?': 'conditionals are not allowed',
  '<': 'comparisons are not allowed',
  '>': 'comparisons are not allowed',
  '&': 'logical and bitwise operators are not allowed',
  '|': 'logical and bitwise operators are not allowed',
  '~': 'bitwise operators are not allowed',
  '@': '"@" is not allowed',
  '#': 'comments are not allowed',
  $: '"$" is not allowed',
  '\\': '"\\" is not allowed',
};

/**
 * Splits a typed function into tokens, checking what needs no parser: its length, its characters
 * (numbers, names, + − * / ^, parentheses, spaces), balanced parentheses and their depth.
 */
export function lex(source: string): Token[] {
  if (source.length > MAX_EXPR_CHARS) {
    throw new ExprError(`too long: ${source.length} characters, at most ${MAX_EXPR_CHARS}`);
  }
  if (source.trim() === '') throw new ExprError('type a function of x and y');
  const tokens: Token[] = [];
  let depth = 0;
  let i = 0;
  while (i < source.length) {
    const c = source[i]!;
    const column = i + 1;
    if (c === ' ' || c === '\t') {
      i++;
      continue;
    }
    const matched = match(NUMBER, source, i) ?? match(NAME, source, i);
    if (matched !== null) {
      tokens.push({ kind: /[\d.]/.test(c) ? 'number' : 'name', text: matched, column });
      i += matched.length;
      continue;
    }
    if ('+-*/^'.includes(c)) tokens.push({ kind: 'operator', text: c, column });
    else if (c === '(') {
      if (++depth > MAX_PAREN_DEPTH)
        throw new ExprError(`nested deeper than ${MAX_PAREN_DEPTH}`, column);
      tokens.push({ kind: 'paren', text: c, column });
    } else if (c === ')') {
      if (--depth < 0) throw new ExprError('")" without a matching "("', column);
      tokens.push({ kind: 'paren', text: c, column });
    } else {
      const shown = c === '\n' || c === '\r' ? 'a line break' : `"${c}"`;
      throw new ExprError(REFUSED[c] ?? `unexpected character ${shown}`, column);
    }
    i++;
  }
  if (depth > 0) throw new ExprError('"(" is never closed', source.length + 1);
  return tokens;
}

function match(pattern: RegExp, source: string, at: number): string | null {
  pattern.lastIndex = at;
  return pattern.exec(source)?.[0] ?? null;
}

/** The column of the first name token `name` (followed by "(" when `call`), or null. */
export function columnOf(tokens: readonly Token[], name: string, call?: boolean): number | null {
  const k = tokens.findIndex(
    (t, j) =>
      t.kind === 'name' &&
      t.text === name &&
      (call === undefined || (tokens[j + 1]?.text === '(') === call),
  );
  return k < 0 ? null : tokens[k]!.column;
}

/**
 * What `lex` refuses in `text` (length, characters, parentheses), or null: a first check that
 * needs no parser, for the page's first read of a link and for feedback at each key press.
 */
export const syntaxProblem = (text: string): string | null => refusalOf(() => lex(text));
