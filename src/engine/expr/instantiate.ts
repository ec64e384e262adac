import type { Objective } from '../types.ts';
import { RUNTIME, RUNTIME_NAME } from './ast.ts';
import { checkSource } from './sourceCheck.ts';

/**
 * The objective of generated source, after `checkSource` verified it once more: a worker gets the
 * source in a message and trusts nothing it did not check itself.
 */
export function instantiate(source: string): Objective {
  const problem = checkSource(source);
  if (problem) throw new Error(`refused generated code: ${problem}`);
  // Only literals, x, y, operators and calls of RUNTIME's members reach here (checkSource); RUNTIME
  // is frozen and passed in, so the code reaches no global, and calls the portable functions.
  const made = new Function(RUNTIME_NAME, source)(RUNTIME) as Objective;
  return made;
}
