import type { MathNode as MathjsNode } from 'mathjs';
import type { Expr } from './ast.ts';
import { math } from './math.ts';

const OPERATOR_FN = {
  '+': 'add',
  '-': 'subtract',
  '*': 'multiply',
  '/': 'divide',
  '^': 'pow',
} as const;

/** A fresh mathjs tree built from our checked Expr, so `derivative` never sees what was typed. */
export function toMathjs(e: Expr): MathjsNode {
  switch (e.kind) {
    case 'num':
      return e.name ? new math.SymbolNode(e.name) : new math.ConstantNode(e.value);
    case 'var':
      return new math.SymbolNode(e.name);
    case 'neg':
      return new math.OperatorNode('-', 'unaryMinus', [toMathjs(e.arg)]);
    case 'op':
      return new math.OperatorNode(e.op, OPERATOR_FN[e.op], [toMathjs(e.left), toMathjs(e.right)]);
    case 'call':
      return new math.FunctionNode(new math.SymbolNode(e.fn), [toMathjs(e.arg)]);
  }
}
