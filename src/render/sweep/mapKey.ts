import type { ChartTheme } from '../chart/axes.ts';
import { axisLabel } from '../chart/format.ts';
import { yTicks } from '../chart/scale.ts';
import type { Context2D } from '../bitmap.ts';
import { DIVERGED_RGB, NEVER_RGB, rampColours, rgbCss } from './mapColour.ts';
import type { MetricScale } from './metric.ts';

/** The map's colour key: the scale's name, its ticks, and the reserved colours. */
export interface MapKeyModel {
  readonly title: string;
  /** Labels along the bar, at a fraction 0 … 1 of it. */
  readonly ticks: readonly { readonly text: string; readonly at: number }[];
  readonly swatches: readonly { readonly label: string; readonly colour: string }[];
}

/** Height of the key under the map, in CSS pixels. */
export const MAP_KEY_HEIGHT = 70;
/** Colours the bar is drawn with (enough that no band shows). */
const BAR_STOPS = 64;

/** The key of a map coloured by `scale`: `name` is the metric's ("final loss"). */
export function mapKeyModel(scale: MetricScale, name: string, withNever: boolean): MapKeyModel {
  const span = scale.t1 - scale.t0;
  const ticks = yTicks(scale, 4)
    .map(({ value, t }) => ({ text: axisLabel(value), at: (t - scale.t0) / span }))
    .filter(({ at }) => at >= 0 && at <= 1);
  return {
    title: `${name}${keyNotes(scale)}`,
    ticks,
    swatches: [
      { label: 'diverged', colour: rgbCss(DIVERGED_RGB) },
      ...(withNever ? [{ label: 'never within tol', colour: rgbCss(NEVER_RGB) }] : []),
    ],
  };
}

/** Where the parts of a key `width` wide sit, its top edge at `top`. */
export function keyLayout(top: number, left: number, width: number) {
  const bar = {
    left,
    top: top + 18,
    width: Math.max(60, Math.min(320, width - left - 16)),
    height: 10,
  };
  return { bar, title: { x: left, y: top + 8 }, swatches: { x: left, y: bar.top + 44 } };
}

/** Draws the key: the title, the bar of the scale with its ticks, and the reserved colours. */
export function drawMapKey(
  ctx: Context2D,
  key: MapKeyModel,
  top: number,
  left: number,
  width: number,
  theme: ChartTheme,
): void {
  const { bar, title, swatches } = keyLayout(top, left, width);
  ctx.save();
  const colours = rampColours(BAR_STOPS);
  const share = bar.width / colours.length;
  colours.forEach((colour, k) => {
    ctx.fillStyle = colour;
    ctx.fillRect(bar.left + k * share, bar.top, share + 0.5, bar.height);
  });
  ctx.fillStyle = theme.text;
  ctx.font = `italic 12px ${theme.font}`;
  ctx.textBaseline = 'middle';
  ctx.textAlign = 'left';
  ctx.fillText(key.title, title.x, title.y);
  ctx.font = `11px ${theme.font}`;
  ctx.textBaseline = 'top';
  ctx.textAlign = 'center';
  for (const { text, at } of key.ticks)
    ctx.fillText(text, bar.left + at * bar.width, bar.top + bar.height + 3);
  ctx.textBaseline = 'middle';
  ctx.textAlign = 'left';
  let x = swatches.x;
  for (const { label, colour } of key.swatches) {
    ctx.fillStyle = colour;
    ctx.fillRect(x, swatches.y - 6, 12, 12);
    ctx.fillStyle = theme.text;
    ctx.fillText(label, x + 16, swatches.y);
    x += 16 + ctx.measureText(label).width + 14;
  }
  ctx.restore();
}

/** What the key's title adds: the scale's kind and which ends are clipped. */
function keyNotes(scale: MetricScale): string {
  const notes = [
    ...(scale.kind === 'linear' ? [] : [scale.kind]),
    ...(scale.clipLow ? ['lightest: this or lower'] : []),
    ...(scale.clipHigh ? ["darkest: no better than the start's loss"] : []),
  ];
  return notes.length ? ` (${notes.join('; ')})` : '';
}
