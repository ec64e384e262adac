import { TorchExportError } from './error.ts';

/**
 * Python literals for values of a scene. A float is written in JavaScript's shortest round-trip
 * form, which Python parses back to the same double (both read decimal text correctly rounded).
 */
export function pyFloat(v: number): string {
  if (!Number.isFinite(v)) throw new TorchExportError(`cannot write ${v} as a Python number`);
  if (Object.is(v, -0)) return '-0.0';
  const s = String(v);
  return /[.e]/.test(s) ? s : `${s}.0`;
}

/** An integer literal (step counts, T_max, …). */
export function pyInt(v: number): string {
  if (!Number.isSafeInteger(v)) throw new TorchExportError(`${v} is not an integer`);
  return String(v);
}

/** A string literal: JSON's escapes (\" \\ \n \uXXXX …) are Python's too. */
export const pyStr = (s: string): string => JSON.stringify(s);

/** True / False. */
export const pyBool = (b: boolean): string => (b ? 'True' : 'False');

/** A list of floats, wrapped every `perLine` items so a long list stays readable. */
export function pyFloats(values: ArrayLike<number>, perLine = 8, indent = '    '): string {
  const parts = Array.from(values, pyFloat);
  if (parts.length <= perLine) return `[${parts.join(', ')}]`;
  const lines: string[] = [];
  for (let i = 0; i < parts.length; i += perLine) {
    lines.push(`${indent}${parts.slice(i, i + perLine).join(', ')},`);
  }
  return `[\n${lines.join('\n')}\n]`;
}
