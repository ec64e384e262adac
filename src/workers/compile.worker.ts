import { compileExpression } from '../engine/expr/compile.ts';
import { ExprError } from '../engine/expr/error.ts';
import type { CompileAnswer, CompileRequest } from './compileProtocol.ts';

/** Compiles typed functions; the only script that loads mathjs. It runs nothing it compiles. */
addEventListener('message', (event: MessageEvent<CompileRequest>) => {
  const { requestId, text } = event.data;
  let answer: CompileAnswer;
  try {
    const compiled = compileExpression(String(text));
    const { source, gradient, f, dx, dy } = compiled;
    answer = { requestId, ok: true, source, gradient, f, dx, dy };
  } catch (e) {
    const column = e instanceof ExprError ? e.column : null;
    answer = { requestId, ok: false, message: (e as Error).message, column };
  }
  postMessage(answer);
});
