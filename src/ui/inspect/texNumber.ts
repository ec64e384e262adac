/** A number for TeX: up to 4 significant digits, "10^{-8}" and "1.5\times10^{-5}" when far. */
export function texNumber(value: number): string {
  if (!Number.isFinite(value))
    return value > 0 ? '\\infty' : value < 0 ? '-\\infty' : '\\text{NaN}';
  const a = Math.abs(value);
  const sign = value < 0 ? '-' : '';
  if (a === 0 || (a >= 1e-3 && a < 1e5)) return `${sign}${Number(a.toPrecision(4))}`;
  const [mantissa = '', exponent = ''] = a.toExponential(3).split('e');
  const m = Number(mantissa);
  const e = Number(exponent);
  return `${sign}${m === 1 ? '' : `${m}\\times`}10^{${e}}`;
}
