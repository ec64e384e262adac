import type { Scene } from '../engine/scene.ts';
import type { Vec2 } from '../engine/types.ts';
const SUPERSCRIPT: Readonly<Record<string, string>> = {
  '-': '⁻',
  '0': '⁰',
  '1': '¹',
  '2': '²',
  '3': '³',
  '4': '⁴',
  '5': '⁵',
  '6': '⁶',
  '7': '⁷',
  '8': '⁸',
  '9': '⁹',
};

/**
 * `value` to `digits` significant digits, plainly from `smallest` up to 10⁴, else as a mantissa
 * times a power of ten written with superscripts, joined by `times`.
 */
function significant(value: number, digits: number, smallest: number, times: string): string {
  if (!Number.isFinite(value)) return String(value);
  if (value === 0) return '0';
  const magnitude = Math.abs(value);
  if (magnitude >= smallest && magnitude < 1e4) {
    return minus(String(Number(value.toPrecision(digits))));
  }
  const [mantissa = '', exponent = ''] = value.toExponential(digits - 1).split('e');
  const power = [...exponent.replace('+', '')].map((c) => SUPERSCRIPT[c] ?? c).join('');
  return `${minus(String(Number(mantissa)))}${times}10${power}`;
}

/** A number to 4 significant digits; very small or large ones as "1.234 × 10⁻⁷". */
export const formatNumber = (value: number): string => significant(value, 4, 1e-3, ' × ');

/** A number to 2 significant digits, for tick labels: "0.31", "2500", "1.2×10⁵". */
export const formatShort = (value: number): string => significant(value, 2, 1e-2, '×');

/** A coordinate pair such as "(−1.5, 2)". */
export function formatPoint(x: number, y: number): string {
  return `(${formatNumber(x)}, ${formatNumber(y)})`;
}

const minus = (text: string): string => text.replace('-', '\u2212');

/** "3 optimizers", "1 optimizer". */
export const plural = (count: number, noun: string): string =>
  `${count} ${noun}${count === 1 ? '' : 's'}`;

/** A sentence for screen readers that says what the landscape shows. */
export function describeScene(scene: Scene, fnName: string, minima: readonly Vec2[]): string {
  const labels = scene.optimizers.map((o) => o.label);
  const names =
    labels.length > 1 ? `${labels.slice(0, -1).join(', ')} and ${labels.at(-1)}` : labels.join('');
  const [x0, x1] = scene.view.x;
  const [y0, y1] = scene.view.y;
  const where = minima.map(([x, y]) => formatPoint(x, y)).join(', ');
  return (
    `Contour map of the ${fnName} function for x from ${formatNumber(x0)} to ${formatNumber(x1)} ` +
    `and y from ${formatNumber(y0)} to ${formatNumber(y1)}, with the paths of ${names} ` +
    `from ${formatPoint(scene.start[0], scene.start[1])} over ${plural(scene.steps, 'step')}` +
    (where ? `; known minimum at ${where}.` : '.') +
    ' Arrow keys move the start point, plus and minus zoom, 0 resets the view.'
  );
}
