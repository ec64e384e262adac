import type { ContourField } from '../engine/field.ts';
import { fillColor } from '../render/colors.ts';
import type { ColourKey } from '../render/export/colourKey.ts';
import { formatNumber, formatShort } from './format.ts';

/** Level labels between the two ends of the scale. */
const INNER_TICKS = 3;

/**
 * What the colour scale under the landscape shows for a field; as a ColourKey, the exports
 * draw the same.
 */
export interface ColourScaleModel extends ColourKey {
  /** A CSS gradient with one hard-edged stop per band, equal widths, low f on the left. */
  readonly gradient: string;
  /** The scale in words, for screen readers. */
  readonly label: string;
  /** The labels are in full (two digits would give two alike): the page shows fewer sooner. */
  readonly long: boolean;
}

/**
 * The bands of `field` as a bar: band b (between levels b − 1 and b) takes an equal share, so
 * the bar reads like the plot's log-spaced levels, and uses the very colour the plot fills it with.
 */
export function colourScale({ levels, fmin, fmax }: ContourField, name = 'f'): ColourScaleModel {
  const count = levels.length;
  const pct = (k: number) => (100 * k) / (count + 1);
  const colours = Array.from({ length: count + 1 }, (_, b) => fillColor(count > 0 ? b / count : 0));
  const stops = colours.map((c, b) => `${c} ${pct(b).toFixed(3)}% ${pct(b + 1).toFixed(3)}%`);
  const inner = Array.from({ length: Math.min(INNER_TICKS, count) }, (_, i) =>
    Math.round(((i + 1) * (count + 1)) / (INNER_TICKS + 1) - 1),
  ).filter((k, i, all) => k >= 0 && k < count && all.indexOf(k) === i);
  const values = [fmin, ...inner.map((k) => levels[k]!), fmax];
  // Levels crowd near fmin (log spacing above it): two digits may not tell them apart.
  const short = values.map(formatShort);
  const long = short.some((t, i) => i > 0 && t === short[i - 1]);
  const texts = long ? values.map(formatNumber) : short;
  return {
    long,
    name,
    colours,
    gradient: `linear-gradient(to right, ${stops.join(', ')})`,
    ticks: texts.map((text, i) => ({
      text,
      at: i === 0 ? 0 : i === texts.length - 1 ? 100 : pct(inner[i - 1]! + 1),
    })),
    label:
      `Colour scale: ${name} from ${formatNumber(fmin)} (lightest) to ${formatNumber(fmax)} ` +
      `(darkest), ${count} contour levels spaced logarithmically`,
  };
}
