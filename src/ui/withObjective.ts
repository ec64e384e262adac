import type { Scene } from '../engine/scene.ts';
import type { CompileClient } from '../workers/compileClient.ts';

/**
 * Calls `send` with the compiled source of a typed function (at once, with undefined, for a
 * built-in), or `refuse` with why it cannot be compiled. Workers get source, never typed text.
 */
export function withObjective(
  compiler: CompileClient,
  fn: Scene['fn'],
  send: (source: string | undefined) => void,
  refuse: (message: string) => void,
): void {
  if (fn.expr === undefined) {
    send(undefined);
    return;
  }
  void compiler.compile(fn.expr).then((result) => {
    if (result.ok) send(result.source);
    else refuse(`f(x, y): ${result.message}`);
  });
}
