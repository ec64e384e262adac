/** A number as JSON: JavaScript's shortest round-trip form, null where it is not finite (NaN, ±∞). */
export const jsonNumber = (v: number): string => (Number.isFinite(v) ? String(v) : 'null');

/** Numbers as the inside of a JSON array, each as jsonNumber writes it. */
export function jsonNumbers(values: ArrayLike<number>): string {
  let out = '';
  for (let k = 0; k < values.length; k++) out += (k ? ',' : '') + jsonNumber(values[k]!);
  return out;
}
