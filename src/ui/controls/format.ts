/** A number for an editable field, in a form `parseNumber` reads back: "0.001", "1e-8", "4294967295". */
export function formatField(value: number): string {
  if (!Number.isFinite(value) || Number.isInteger(value)) return String(value);
  // Six significant digits hide float noise (1/3, 0.1 + 0.2) without hiding what anyone typed.
  return String(Number(value.toPrecision(6)));
}

/** A short number for labels and screen readers: "0.01", "1.5e-8", "12345". */
export function formatShort(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const magnitude = Math.abs(value);
  if (Number.isInteger(value) && magnitude < 1e6) return String(value);
  if (magnitude >= 1e-3 && magnitude < 1e5) return String(Number(value.toPrecision(3)));
  const [mantissa = '', exponent = ''] = value.toExponential(2).split('e');
  return `${Number(mantissa)}e${Number(exponent)}`;
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/** A typed number ("1e-3", ".5", "−2" with a Unicode minus), or NaN for anything else. */
export function parseNumber(text: string): number {
  const t = text.trim().replace('\u2212', '-');
  return NUMBER.test(t) ? Number(t) : NaN;
}

/** The preset schema's message for text that is not a number. */
export function notANumber(text: string): string {
  const shown = JSON.stringify(text);
  return `must be a finite number, got ${shown.length > 40 ? `${shown.slice(0, 37)}...` : shown}`;
}

/** "1 step", "500 steps". */
export const plural = (count: number, noun: string): string =>
  `${count} ${noun}${count === 1 ? '' : 's'}`;
