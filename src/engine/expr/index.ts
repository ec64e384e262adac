export { ExprError } from './error.ts';
export { compileExpression, checkExpression, parseExpression, type Compiled } from './compile.ts';
export { instantiate } from './instantiate.ts';
export { checkSource } from './sourceCheck.ts';
export { lex, syntaxProblem } from './lex.ts';
export { printExpr } from './print.ts';
export type { Expr } from './ast.ts';
export * from './limits.ts';
export * from './custom.ts';
