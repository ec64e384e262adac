import { FUNCTIONS, RUNTIME_NAME } from './ast.ts';

const HEAD = 'return{f:function(x,y){';
const MIDDLE = ';},grad:function(x,y,out){';
const TAIL = ';}};';

const callPattern = new RegExp(`${RUNTIME_NAME}\\.(\\w+)`);
const names = [...new Set(Object.values(FUNCTIONS).map((f) => callPattern.exec(f.js)![1]!)), 'pow'];
/** One token of an arithmetic expression: a number, x, y, a variable, M.f(, M.pow(, an operator. */
const TOKEN = new RegExp(
  `(?:\\d+(?:\\.\\d+)?(?:e[+-]\\d+)?|x|y|t\\d{1,6}|${RUNTIME_NAME}\\.(?:${names.join('|')})\\(|[-+*/(),])`,
  'y',
);
const VARIABLE = /^t\d{1,6}$/;
const POW = `${RUNTIME_NAME}.pow(`;

/** What an open parenthesis began: a group, a one-argument call, or pow before or after its ",". */
const GROUP = 0;
const CALL = 1;
const POW_BASE = 2;
const POW_EXPONENT = 3;
type Open = typeof GROUP | typeof CALL | typeof POW_BASE | typeof POW_EXPONENT;

/**
 * True when `expr` is arithmetic over numbers, x, y, t<n> and the runtime's functions: operands
 * and binary operators alternate (unary minus aside), parentheses balance, nothing is called but
 * M.f(…) with one argument and M.pow(…,…) with two, and "," appears nowhere else.
 */
function isArithmetic(expr: string): boolean {
  const open: Open[] = [];
  let at = 0;
  let wantOperand = true;
  while (at < expr.length) {
    TOKEN.lastIndex = at;
    const token = TOKEN.exec(expr)?.[0];
    if (token === undefined) return false;
    at += token.length;
    if (wantOperand) {
      if (token === '(') open.push(GROUP);
      else if (token === POW) open.push(POW_BASE);
      else if (token.endsWith('(')) open.push(CALL);
      else if (token === '-') continue;
      else if (/^[\dxyt]/.test(token)) wantOperand = false;
      else return false;
    } else if (token === ')') {
      const closed = open.pop();
      if (closed === undefined || closed === POW_BASE) return false;
    } else if (token === ',') {
      if (open.at(-1) !== POW_BASE) return false;
      open[open.length - 1] = POW_EXPONENT;
      wantOperand = true;
    } else if (['+', '-', '*', '/'].includes(token)) wantOperand = true;
    else return false;
  }
  return !wantOperand && open.length === 0;
}

/** True for `var t1,t2`, `t3=<arithmetic>` or `<prefix><arithmetic>`. */
function isStatement(s: string, last: string | null): boolean {
  if (last !== null) return s.startsWith(last) && isArithmetic(s.slice(last.length));
  if (s.startsWith('var '))
    return s
      .slice(4)
      .split(',')
      .every((v) => VARIABLE.test(v));
  const eq = s.indexOf('=');
  return eq > 0 && VARIABLE.test(s.slice(0, eq)) && isArithmetic(s.slice(eq + 1));
}

/** True when `body` is statements separated by ";", ending with the statements in `endings`. */
function isBody(body: string, endings: readonly string[]): boolean {
  const statements = body.split(';');
  const head = statements.slice(0, statements.length - endings.length);
  const tail = statements.slice(statements.length - endings.length);
  return (
    tail.length === endings.length &&
    head.every((s) => isStatement(s, null)) &&
    tail.every((s, k) => isStatement(s, endings[k]!))
  );
}

/**
 * Verifies, before anything compiles it, that generated source has exactly the shape `codegen`
 * writes: two functions whose statements are arithmetic over numbers, x, y, t<n> variables and
 * calls of the runtime's functions (M.sin(…), M.pow(…,…)). No other names, no strings, brackets
 * (but out[0], out[1]), loops, `**` or calls of anything else can pass. Returns a reason for refusal, or null when the source is safe to compile.
 */
export function checkSource(source: unknown): string | null {
  if (typeof source !== 'string') return 'the generated source is not text';
  if (!source.startsWith(HEAD) || !source.endsWith(TAIL)) return 'unexpected outline';
  const inner = source.slice(HEAD.length, source.length - TAIL.length);
  const parts = inner.split(MIDDLE);
  if (parts.length !== 2) return 'unexpected outline';
  if (!isBody(parts[0]!, ['return '])) return 'unexpected statement in f';
  if (!isBody(parts[1]!, ['out[0]=', 'out[1]='])) return 'unexpected statement in the gradient';
  return null;
}
