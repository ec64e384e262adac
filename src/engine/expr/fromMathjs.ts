import { isFnName, neg, op, type BinaryOp, type Expr } from './ast.ts';
import { ExprError } from './error.ts';
import { columnOf, type Token } from './lex.ts';

/** The parts of a mathjs node the allow-list reads; anything else about it is ignored. */
export interface MathNode {
  readonly type?: unknown;
  readonly value?: unknown;
  readonly name?: unknown;
  readonly fn?: unknown;
  readonly op?: unknown;
  readonly args?: unknown;
  readonly content?: unknown;
}

/** mathjs operator functions allowed, by their name in an OperatorNode. */
const BINARY: Readonly<Record<string, BinaryOp>> = {
  add: '+',
  subtract: '-',
  multiply: '*',
  divide: '/',
  pow: '^',
};

/** Operators of one precedence level: a chain of them written without parentheses is flat. */
const LEVEL: Readonly<Record<string, number>> = { add: 1, subtract: 1, multiply: 2, divide: 2 };

/** Names mathjs reads as constants of its own; none of them is allowed in a typed function. */
const NAMED_CONSTANTS = ['NaN', 'Infinity', 'true', 'false', 'null', 'undefined'] as const;

/** Limits for one conversion, and where to point in the typed text (no tokens: no columns). */
export interface Budget {
  readonly maxNodes: number;
  readonly maxDepth: number;
  /**
   * Counts a chain such as `a + b - c` or `a * b / c` (which mathjs nests to the left) as one
   * level, as the reader sees it, so only real nesting meets `maxDepth`; the typed text's parts
   * cap (300) still bounds the recursion. Derivatives count every level: they may hold 50,000.
   */
  readonly flatChains?: boolean;
  readonly tokens?: readonly Token[];
}

/**
 * Converts a mathjs tree into our Expr through an allow-list: numbers, x, y, pi, e, + − * / ^,
 * unary minus and plus, parentheses and the one-argument functions of FUNCTIONS. Anything else
 * throws an ExprError naming it (with its column when `tokens` are given), as do trees over budget.
 */
export function fromMathjs(root: MathNode, budget: Budget): Expr {
  let nodes = 0;
  const where = (name: string, call?: boolean) =>
    budget.tokens ? columnOf(budget.tokens, name, call) : null;
  const visit = (node: MathNode, depth: number): Expr => {
    if (++nodes > budget.maxNodes)
      throw new ExprError(`too complex: more than ${budget.maxNodes} parts`);
    if (depth > budget.maxDepth) throw new ExprError(`nested deeper than ${budget.maxDepth}`);
    switch (node.type) {
      case 'ConstantNode': {
        const v = node.value;
        // `NaN`, `Infinity`, `true`… are names to the reader, constants to mathjs.
        const named = NAMED_CONSTANTS.find((n) => where(n, false) !== null && sameConstant(n, v));
        if (named !== undefined) {
          throw new ExprError(`unknown name "${named}" (use x, y, pi, e)`, where(named, false));
        }
        if (typeof v !== 'number')
          throw new ExprError(`only numbers are allowed, got ${kindOf(v)}`);
        if (!Number.isFinite(v)) throw new ExprError('a number is too large');
        return { kind: 'num', value: v };
      }
      case 'SymbolNode': {
        const name = String(node.name);
        if (name === 'x' || name === 'y') return { kind: 'var', name };
        if (name === 'pi') return { kind: 'num', value: Math.PI, name };
        if (name === 'e') return { kind: 'num', value: Math.E, name };
        throw new ExprError(
          `unknown name "${clip(name)}" (use x, y, pi, e)`,
          where(name, false) ?? where(name),
        );
      }
      case 'ParenthesisNode':
        // Parentheses add no depth of their own (lex caps how deep they nest).
        nodes--;
        return visit(node.content as MathNode, depth);
      case 'OperatorNode': {
        const args = Array.isArray(node.args) ? (node.args as MathNode[]) : [];
        const fn = String(node.fn);
        if (fn === 'unaryMinus' && args.length === 1) return neg(visit(args[0]!, depth + 1));
        if (fn === 'unaryPlus' && args.length === 1) return visit(args[0]!, depth + 1);
        const binary = Object.hasOwn(BINARY, fn) ? BINARY[fn] : undefined;
        if (binary && args.length === 2) {
          const left = args[0]!;
          const chained =
            budget.flatChains === true &&
            left.type === 'OperatorNode' &&
            Object.hasOwn(LEVEL, fn) &&
            LEVEL[String(left.fn)] === LEVEL[fn];
          return op(binary, visit(left, chained ? depth : depth + 1), visit(args[1]!, depth + 1));
        }
        const text = String(node.op);
        throw new ExprError(`operator "${clip(text)}" is not allowed`, where(text));
      }
      case 'FunctionNode': {
        const callee = node.fn as MathNode | undefined;
        const name = callee?.type === 'SymbolNode' ? String(callee.name) : null;
        if (name === null) throw new ExprError('only named functions can be called');
        const args = Array.isArray(node.args) ? (node.args as MathNode[]) : [];
        if (!isFnName(name)) {
          throw new ExprError(`unknown function "${clip(name)}"`, where(name, true));
        }
        if (args.length !== 1) {
          throw new ExprError(`${name} takes one argument, got ${args.length}`, where(name, true));
        }
        return { kind: 'call', fn: name, arg: visit(args[0]!, depth + 1) };
      }
      default:
        throw new ExprError(`${describeNode(node.type)} is not allowed`);
    }
  };
  return visit(root, 0);
}

/** Whether mathjs's value `v` is what the name `name` stands for. */
function sameConstant(name: (typeof NAMED_CONSTANTS)[number], v: unknown): boolean {
  if (name === 'NaN') return Number.isNaN(v);
  if (name === 'Infinity') return v === Infinity;
  return String(v) === name;
}

const clip = (text: string) => (text.length > 20 ? `${text.slice(0, 17)}...` : text);

function kindOf(v: unknown): string {
  if (typeof v === 'string') return 'text';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return v === null ? 'null' : typeof v;
}

/** "AccessorNode" → "property access", for the node kinds people can type. */
function describeNode(type: unknown): string {
  const names: Record<string, string> = {
    AccessorNode: 'property access',
    ArrayNode: 'a matrix',
    AssignmentNode: 'an assignment',
    BlockNode: 'more than one expression',
    ConditionalNode: 'a conditional',
    FunctionAssignmentNode: 'a function definition',
    IndexNode: 'indexing',
    ObjectNode: 'an object',
    RangeNode: 'a range',
    RelationalNode: 'a comparison',
  };
  const key = String(type);
  return Object.hasOwn(names, key) ? names[key]! : `"${clip(key)}"`;
}
