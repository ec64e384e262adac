import { tickLabel } from '../ticks.ts';

const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';
const superscript = (n: number): string =>
  (n < 0 ? '⁻' : '') + [...String(Math.abs(n))].map((d) => SUPERSCRIPT[Number(d)]).join('');

/** An axis label: "10⁻⁶" for far powers of ten, "2×10⁸" for other far values, else plain. */
export function axisLabel(value: number): string {
  const a = Math.abs(value);
  if (a === 0 || (a >= 1e-3 && a < 1e5)) return tickLabel(value);
  const e = Math.floor(Math.log10(a));
  const mantissa = Number((a / 10 ** e).toPrecision(3));
  // Rounding can carry the mantissa to 10 (9.999 → 10): fold it into the exponent.
  const [m, p] = mantissa >= 10 ? [mantissa / 10, e + 1] : [mantissa, e];
  const sign = value < 0 ? '\u2212' : '';
  return `${sign}${m === 1 ? '' : `${m}×`}10${superscript(p)}`;
}

/** A value for text: 3 significant digits, "4.5e-3" when very small or large, a real minus. */
export function compactNumber(value: number): string {
  if (!Number.isFinite(value)) return value > 0 ? '∞' : value < 0 ? '−∞' : 'NaN';
  const a = Math.abs(value);
  let text: string;
  if (a === 0 || (a >= 1e-3 && a < 1e5)) text = String(Number(a.toPrecision(3)));
  else {
    const [mantissa = '', exponent = ''] = a.toExponential(2).split('e');
    text = `${Number(mantissa)}e${exponent.replace('+', '')}`;
  }
  return value < 0 ? `\u2212${text}` : text;
}
