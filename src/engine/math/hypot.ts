import { fromWords } from './words.ts';

const big = fromWords(0x5f300000, 0); // 2^500
const small = fromWords(0x20b00000, 0); // 2^-500
const up = fromWords(0x65700000, 0); // 2^600
const down = fromWords(0x1a700000, 0); // 2^-600

/**
 * √(x² + y²) from IEEE operations only, so the same in every engine (`Math.hypot` is not pinned
 * down). Within 1.5 ulp; scaled by a power of two (exact) where the squares would over- or underflow.
 */
export function hypot(x: number, y: number): number {
  const a = Math.abs(x);
  const b = Math.abs(y);
  if (a === Infinity || b === Infinity) return Infinity;
  const m = Math.max(a, b);
  const scale = m > big ? down : m < small ? up : 1;
  const sa = a * scale;
  const sb = b * scale;
  return Math.sqrt(sa * sa + sb * sb) / scale;
}
