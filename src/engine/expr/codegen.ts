import { FUNCTIONS, RUNTIME_NAME, type Expr } from './ast.ts';

/** Integer powers up to this size are written as products (a pow call costs ~3× on a hot loop). */
const MAX_PRODUCT_POWER = 4;

/** A node of the shared graph: a tree node with its children replaced by node indices. */
type Shared =
  | { readonly kind: 'num'; readonly value: number }
  | { readonly kind: 'var'; readonly name: 'x' | 'y' }
  | { readonly kind: 'neg'; readonly a: number }
  | { readonly kind: 'op'; readonly op: string; readonly a: number; readonly b: number }
  | { readonly kind: 'call'; readonly fn: keyof typeof FUNCTIONS; readonly a: number };

/**
 * The trees of one function body as a graph in which equal subtrees are one node (so a derivative
 * that repeats a factor computes it once). Nodes are numbered children first.
 */
class Graph {
  readonly nodes: Shared[] = [];
  /** How many parents (or roots) use each node. */
  readonly uses: number[] = [];
  /** Nodes that must be computed once into a variable (the base of u·u·u). */
  readonly forced = new Set<number>();
  readonly #ids = new Map<string, number>();

  add(e: Expr): number {
    const id = this.#intern(e);
    this.uses[id]!++;
    return id;
  }

  #intern(e: Expr): number {
    switch (e.kind) {
      case 'num':
        return this.#node(`n${Object.is(e.value, -0) ? '-0' : e.value}`, e, []);
      case 'var':
        return this.#node(e.name, { kind: 'var', name: e.name }, []);
      case 'neg': {
        const a = this.#intern(e.arg);
        return this.#node(`-${a}`, { kind: 'neg', a }, [a]);
      }
      case 'call': {
        const a = this.#intern(e.arg);
        return this.#node(`${e.fn}(${a})`, { kind: 'call', fn: e.fn, a }, [a]);
      }
      case 'op': {
        const a = this.#intern(e.left);
        const b = this.#intern(e.right);
        const id = this.#node(`${a}${e.op}${b}`, { kind: 'op', op: e.op, a, b }, [a, b]);
        const power = e.op === '^' && e.right.kind === 'num' ? e.right.value : NaN;
        if (isProductPower(power) && !isLeaf(this.nodes[a]!)) this.forced.add(a);
        return id;
      }
    }
  }

  #node(key: string, node: Shared, children: number[]): number {
    const known = this.#ids.get(key);
    if (known !== undefined) return known;
    const id = this.nodes.length;
    this.nodes.push(node);
    this.uses.push(0);
    this.#ids.set(key, id);
    for (const c of children) this.uses[c]!++;
    return id;
  }
}

const isLeaf = (n: Shared) => n.kind === 'num' || n.kind === 'var';

/** True for an exponent written as a product: a small integer other than 0 and 1. */
const isProductPower = (n: number) =>
  Number.isInteger(n) && Math.abs(n) <= MAX_PRODUCT_POWER && n !== 0 && n !== 1;

/** A number as JavaScript: digits only, negatives in parentheses (NaN and ±∞ never get here). */
export function printNumber(v: number): string {
  if (!Number.isFinite(v)) throw new Error(`cannot print ${v}`);
  if (Object.is(v, -0)) return '(-0)';
  return v < 0 ? `(-${String(-v)})` : String(v);
}

/** Statements that compute `roots` from x and y, and the expression of each root. */
function body(roots: readonly Expr[]): { statements: string[]; results: string[] } {
  const g = new Graph();
  const ids = roots.map((r) => g.add(r));
  const temp = (id: number) => {
    const n = g.nodes[id]!;
    return !isLeaf(n) && (g.uses[id]! > 1 || g.forced.has(id));
  };
  const text = (id: number, define = false): string => {
    const n = g.nodes[id]!;
    if (!define && temp(id)) return `t${id}`;
    switch (n.kind) {
      case 'num':
        return printNumber(n.value);
      case 'var':
        return n.name;
      case 'neg':
        return `(-${text(n.a)})`;
      case 'call':
        return FUNCTIONS[n.fn].js.replace('#', text(n.a));
      case 'op': {
        if (n.op !== '^') return `(${text(n.a)}${n.op}${text(n.b)})`;
        const right = g.nodes[n.b]!;
        const power = right.kind === 'num' ? right.value : NaN;
        if (isProductPower(power)) {
          const base = text(n.a);
          const product = `(${Array<string>(Math.abs(power)).fill(base).join('*')})`;
          return power > 0 ? product : `(1/${product})`;
        }
        return `${RUNTIME_NAME}.pow(${text(n.a)},${text(n.b)})`;
      }
    }
  };
  const statements: string[] = [];
  const temps = g.nodes.map((_, id) => id).filter(temp);
  if (temps.length > 0) statements.push(`var ${temps.map((id) => `t${id}`).join(',')}`);
  // Children come first in the numbering, so each variable is set before it is read.
  for (const id of temps) statements.push(`t${id}=${text(id, true)}`);
  return { statements, results: ids.map((id) => text(id)) };
}

/**
 * JavaScript source for `new Function` that returns {f(x, y), grad(x, y, out)}, written from our
 * checked trees alone: numbers printed here, x, y, t<n> variables, operators and calls of the
 * portable functions (`M.sin(…)`, `M.pow(…,…)`; see RUNTIME). Nothing of the typed text is copied.
 * `checkSource` verifies that shape before it is compiled.
 */
export function codegen(f: Expr, dx: Expr, dy: Expr): string {
  const fb = body([f]);
  const gb = body([dx, dy]);
  const fStatements = [...fb.statements, `return ${fb.results[0]}`];
  const gStatements = [...gb.statements, `out[0]=${gb.results[0]}`, `out[1]=${gb.results[1]}`];
  return (
    `return{f:function(x,y){${fStatements.join(';')};},` +
    `grad:function(x,y,out){${gStatements.join(';')};}};`
  );
}
