import type { Objective } from '../types.ts';
import { checkSource } from './sourceCheck.ts';

/**
 * The objective of generated source, after `checkSource` verified it once more: a worker gets the
 * source in a message and trusts nothing it did not check itself.
 */
export function instantiate(source: string): Objective {
  const problem = checkSource(source);
  if (problem) throw new Error(`refused generated code: ${problem}`);
  // Only literals, x, y, operators and Math functions reach here (checkSource).
  const made = new Function(source)() as Objective;
  return made;
}
